app_name = "provider_toolbox"

urlpatterns: list = []

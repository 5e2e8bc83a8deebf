app_name = "provider"

urlpatterns: list = []

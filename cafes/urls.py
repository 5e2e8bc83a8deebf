app_name = "cafes"

urlpatterns: list = []

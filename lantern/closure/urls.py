app_name = "closure"
urlpatterns: list = []

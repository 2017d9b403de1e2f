app_name = "child_protection"
urlpatterns: list = []

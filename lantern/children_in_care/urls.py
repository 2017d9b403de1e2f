"""Children in care pages; the routes and their names are listed in views.py."""

from lantern.children_in_care import views

app_name = "children_in_care"
urlpatterns = views.urlpatterns

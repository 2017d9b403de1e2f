"""Child protection pages; the routes and their names are listed in views.py."""

from lantern.child_protection import views

app_name = "child_protection"
urlpatterns = views.urlpatterns

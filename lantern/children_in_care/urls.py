"""Children in care pages; the routes and their names are listed in views.py and
review_views.py."""

from lantern.children_in_care import review_views, views

app_name = "children_in_care"
urlpatterns = views.urlpatterns + review_views.urlpatterns

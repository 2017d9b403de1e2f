"""The plans pages. Each module declares its own urlpatterns; routes and their names are listed
in each module."""

from lantern.plans.views import content, plans

app_name = "plans"
urlpatterns = [*plans.urlpatterns, *content.urlpatterns]

"""The front door's pages. Each journey's module declares its own urlpatterns; routes and their
names are listed in each module."""

from lantern.front_door.views import exploitation, intake, screening, strategy, thresholds

app_name = "front_door"
urlpatterns = [
    *intake.urlpatterns,
    *screening.urlpatterns,
    *strategy.urlpatterns,
    *exploitation.urlpatterns,
    *thresholds.urlpatterns,
]

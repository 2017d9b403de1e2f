from django.urls import path

from lantern.api import casework, front_door, views

app_name = "api"
urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("people/search", views.PeopleSearch.as_view(), name="people_search"),
    path("people/<int:pk>", views.PersonDetail.as_view(), name="person_detail"),
    path("people/<int:pk>/chronology", views.PersonChronology.as_view(), name="person_chronology"),
    path("people/<int:pk>/checks", views.PersonChecks.as_view(), name="person_checks"),
    path("checks", views.CheckList.as_view(), name="checks"),
    path("checks/<str:check_id>", views.CheckDetail.as_view(), name="check_detail"),
    path("contacts", front_door.Contacts.as_view(), name="contacts"),
    path("contacts/<int:pk>", front_door.ContactDetail.as_view(), name="contact"),
    path(
        "indicators/front-door",
        front_door.FrontDoorIndicators.as_view(),
        name="front_door_indicators",
    ),
    path(
        "indicators/casework",
        casework.CaseworkIndicators.as_view(),
        name="casework_indicators",
    ),
]

from django.urls import path

from lantern.checks import views

app_name = "checks"
urlpatterns = [
    path("", views.check_list, name="list"),
    path("<str:check_id>/", views.check_detail, name="detail"),
]

from django.urls import path

from lantern.timescales import views

app_name = "timescales"
urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("closure-days/add/", views.closure_day_add, name="closure_day_add"),
    path("closure-days/<int:pk>/remove/", views.closure_day_remove, name="closure_day_remove"),
    path("rules/<slug:rule_id>/", views.rule_edit, name="rule_edit"),
]

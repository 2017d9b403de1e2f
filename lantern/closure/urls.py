from django.urls import path

from lantern.closure import views

app_name = "closure"
urlpatterns = [
    path("", views.queue_view, name="queue"),
    path("overrides/", views.overrides_view, name="overrides"),
    path("referral/<int:referral_pk>/", views.referral_view, name="referral"),
    path("<int:closure_pk>/", views.request_view, name="request"),
    path("<int:closure_pk>/decide/", views.decide_view, name="decide"),
]

from django.urls import path

from lantern.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("two-factor/", views.totp_verify, name="totp_verify"),
    path("two-factor/set-up/", views.totp_setup, name="totp_setup"),
]

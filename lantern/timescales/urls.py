from django.urls import path

app_name = "timescales"
urlpatterns = []

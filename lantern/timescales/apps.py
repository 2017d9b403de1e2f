from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "lantern.timescales"
    label = "timescales"

from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "lantern.checks"
    label = "checks"

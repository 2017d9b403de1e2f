from django.apps import AppConfig


class ClosureConfig(AppConfig):
    name = "lantern.closure"
    label = "closure"
    verbose_name = "Closure and step-down"

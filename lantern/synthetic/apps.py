from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "lantern.synthetic"
    label = "synthetic"

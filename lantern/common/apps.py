from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "lantern.common"
    label = "common"

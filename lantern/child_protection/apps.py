from django.apps import AppConfig


class ChildProtectionConfig(AppConfig):
    name = "lantern.child_protection"
    label = "child_protection"
    verbose_name = "Child protection conferences, core groups and visits"

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lantern.plans"
    label = "plans"

    def ready(self):
        from lantern.plans import involvement  # noqa: F401  (registers the plans provider)

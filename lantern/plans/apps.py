from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lantern.plans"
    label = "plans"

    def ready(self):
        # The plans provider for the child's status and family network, the plan chronology
        # kind, the AP6 and CP5 checks, and plan work (actions and reviews due).
        from lantern.plans import checks, involvement, work  # noqa: F401

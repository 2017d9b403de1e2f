from django.apps import AppConfig


class ClosureConfig(AppConfig):
    name = "lantern.closure"
    label = "closure"
    verbose_name = "Closure and step-down"

    def ready(self):
        # Registers the closure chronology kind, the FD8/CP6 checks and the approvals work list.
        from lantern.closure import checks, chronology, work  # noqa: F401

from django.apps import AppConfig


class ChildProtectionConfig(AppConfig):
    name = "lantern.child_protection"
    label = "child_protection"
    verbose_name = "Child protection conferences, core groups and visits"

    def ready(self):
        # Registers the chronology kinds, the involvement provider, the checks and the work
        # providers.
        from lantern.child_protection import checks, involvement, work  # noqa: F401

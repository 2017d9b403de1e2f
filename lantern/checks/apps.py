from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "lantern.checks"
    label = "checks"

    def ready(self):
        from lantern.checks import checks  # noqa: F401  (registers the foundation's checks)

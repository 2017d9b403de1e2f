from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "lantern.language"
    label = "language"
    verbose_name = "Practice language"

    def ready(self):
        from lantern.language import checks  # noqa: F401  (registers AP4)

from django.apps import AppConfig


class CaseNotesConfig(AppConfig):
    name = "lantern.casenotes"
    label = "casenotes"
    verbose_name = "Case notes and visits"

    def ready(self):
        from lantern.casenotes import chronology  # noqa: F401  (registers the chronology kind)

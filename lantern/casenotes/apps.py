from django.apps import AppConfig


class CaseNotesConfig(AppConfig):
    name = "lantern.casenotes"
    label = "casenotes"
    verbose_name = "Case notes and visits"

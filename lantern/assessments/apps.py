from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "lantern.assessments"
    label = "assessments"
    verbose_name = "Child and family assessments"

    def ready(self):
        # Registers the assessment chronology kind, involvement provider, checks and work items.
        from lantern.assessments import checks, involvement, work  # noqa: F401

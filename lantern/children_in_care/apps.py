from django.apps import AppConfig


class ChildrenInCareConfig(AppConfig):
    name = "lantern.children_in_care"
    label = "children_in_care"
    verbose_name = "Children in care"

    def ready(self):
        # The looked-after chronology kind, the checks, the work lists' items, and periods of
        # care in the child's status and the family network's summaries.
        from lantern.children_in_care import checks, chronology, involvement, work  # noqa: F401

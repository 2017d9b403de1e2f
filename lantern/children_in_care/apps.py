from django.apps import AppConfig


class ChildrenInCareConfig(AppConfig):
    name = "lantern.children_in_care"
    label = "children_in_care"
    verbose_name = "Children in care"

    def ready(self):
        # The looked-after chronology kind, the review checks and the review work.
        from lantern.children_in_care import checks, chronology, work  # noqa: F401

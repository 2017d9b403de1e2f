from django.apps import AppConfig


class ChildrenInCareConfig(AppConfig):
    name = "lantern.children_in_care"
    label = "children_in_care"
    verbose_name = "Children in care"

    def ready(self):
        # Registers the looked-after chronology kind.
        from lantern.children_in_care import chronology  # noqa: F401

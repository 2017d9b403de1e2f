from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "lantern.front_door"
    label = "front_door"
    verbose_name = "Front door"

    def ready(self):
        # Registers the front door's chronology kinds, involvement providers and checks.
        from lantern.front_door import checks, chronology, involvement  # noqa: F401

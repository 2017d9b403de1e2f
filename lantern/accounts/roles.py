from django.db import models


class Role(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door (MASH) worker"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    IRO = "iro", "Independent reviewing officer"
    AUDITOR = "auditor", "Auditor"
    ANALYST = "analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    PARTNER = "partner", "Partner referrer"

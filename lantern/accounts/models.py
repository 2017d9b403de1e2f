from django.contrib.auth.models import AbstractUser
from django.db import models

from lantern.accounts.roles import Role


class Team(models.Model):
    class Kind(models.TextChoices):
        FRONT_DOOR = "front_door", "Front door (MASH)"
        ASSESSMENT = "assessment", "Assessment"
        CHILD_IN_NEED = "cin", "Children in need"
        CHILD_PROTECTION = "cp", "Child protection"
        CHILDREN_IN_CARE = "cic", "Children in care"
        LEAVING_CARE = "leaving_care", "Leaving care"
        DISABILITY = "disability", "Children with disabilities"
        REVIEWING = "reviewing", "Independent reviewing"
        QUALITY = "quality", "Quality assurance and performance"
        PARTNER = "partner", "Partner agency"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.SOCIAL_WORKER)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    # Partner referrers: the organisation they refer from.
    organisation = models.CharField(max_length=200, blank=True)
    # Social Work England registration number (903 SW_ID), where the user is a social worker.
    swe_number = models.CharField("Social Work England number", max_length=20, blank=True)
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_confirmed = models.BooleanField(default=False)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        return Role(self.role).label

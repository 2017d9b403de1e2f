import datetime

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.people.codes import Disability, Ethnicity, ImmigrationStatus, Sex
from lantern.people.validators import validate_nhs_number, validate_upn


class Person(Recorded):
    """A child, an unborn child or an adult known to the service.

    `person_id` is the stable local identifier used in the returns (CIN LAchildID, 903 CHILD):
    alphanumeric, at most 20 characters, never reused. A person merged into another keeps their
    row and history; `merged_into` points at the record that now stands for them.
    """

    person_id = models.CharField("Person ID", max_length=20, unique=True)
    first_name = models.CharField(max_length=100, blank=True)
    middle_names = models.CharField(max_length=200, blank=True)
    last_name = models.CharField(max_length=100)
    known_as = models.CharField("Known as", max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True, db_index=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    gender_identity = models.CharField(max_length=100, blank=True)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    first_language = models.CharField(max_length=60, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    religion = models.CharField(max_length=60, blank=True)
    immigration_status = models.CharField(
        max_length=20, choices=ImmigrationStatus.choices, blank=True
    )
    uasc = models.BooleanField("Unaccompanied asylum-seeking child", default=False)
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, db_index=True, validators=[validate_nhs_number]
    )
    upn = models.CharField(
        "Unique pupil number", max_length=13, blank=True, validators=[validate_upn]
    )
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    # Restricted records (adoption, a staff member's relative) open only to named people,
    # or to others who give a reason (break glass).
    restricted = models.BooleanField(default=False)
    restricted_reason = models.CharField(max_length=200, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_people"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            # Almost every merged_into is null, so planners with statistics (ANALYZE) judge the
            # plain foreign-key index useless for "who was merged into X"; this one is small.
            models.Index(
                fields=["merged_into"],
                condition=models.Q(merged_into__isnull=False),
                name="person_merged_into_set",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~(
                    models.Q(date_of_birth__isnull=False)
                    & models.Q(expected_date_of_birth__isnull=False)
                ),
                name="person_dob_or_expected_dob",
                violation_error_message="Enter either a date of birth or an expected date of "
                "birth, not both",
            ),
            models.CheckConstraint(
                condition=models.Q(date_of_death__isnull=True)
                | models.Q(date_of_birth__isnull=True)
                | models.Q(date_of_death__gte=models.F("date_of_birth")),
                name="person_death_after_birth",
                violation_error_message="Date of death must be on or after the date of birth",
            ),
            models.CheckConstraint(
                condition=models.Q(sex__in=["M", "F", "U"]), name="person_sex_code"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("people:record", args=[self.pk])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in [self.first_name, self.last_name] if p) or "(no name)"

    @property
    def display_name(self) -> str:
        if self.known_as and self.known_as != self.first_name:
            return f"{self.full_name} (known as {self.known_as})"
        return self.full_name

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    def age_on(self, day: datetime.date) -> int | None:
        if self.date_of_birth is None:
            return None
        years = day.year - self.date_of_birth.year
        if (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day):
            years -= 1
        return years

    def is_child_on(self, day: datetime.date) -> bool:
        if self.is_unborn:
            return True
        age = self.age_on(day)
        return age is not None and age < 18

    @property
    def kind_label(self) -> str:
        if self.is_unborn:
            return "Unborn child"
        if self.date_of_birth is None:
            return "Person"
        return "Child" if self.is_child_on(datetime.date.today()) else "Adult"


class PersonDisability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="disabilities")
    code = models.CharField(max_length=4, choices=Disability.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "code"], name="person_disability_unique")
        ]

    def __str__(self) -> str:
        return Disability(self.code).label


class PreviousName(Recorded):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="previous_names")
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-to_date"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

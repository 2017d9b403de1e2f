"""The parts of an assessment kept as rows: the factors identified, the people consulted and
the manager's decisions."""

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.assessments.codes import AssessmentFactorCode
from lantern.common.models import Recorded
from lantern.front_door.codes import Agency


class AssessmentFactor(models.Model):
    """One CIN census factor identified at assessment. The set belongs to the draft and is
    replaced when the worker changes it; its row history keeps what it was at each version."""

    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.PROTECT, related_name="factors"
    )
    code = models.CharField(max_length=3, choices=AssessmentFactorCode.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "code"],
                name="assessment_factor_once",
                violation_error_message="Each factor is recorded once (CIN rule 8898)",
            ),
            models.CheckConstraint(
                condition=models.Q(code__in=AssessmentFactorCode.values),
                name="assessment_factor_known_code",
                violation_error_message="Use a current CIN census assessment factor code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.get_code_display()}"


class AssessmentConsultee(Recorded):
    """Someone whose information and views the assessment sought (AP2): a person in the child's
    family network, or a professional with their agency, and what they said. Removing one keeps
    the row (ended_at)."""

    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.PROTECT, related_name="consultees"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    professional_name = models.CharField(max_length=120, blank=True)
    agency = models.CharField(max_length=20, choices=Agency.choices, blank=True)
    # To the child: "Mother", "Maternal grandmother", "Class teacher", "Health visitor".
    relationship = models.CharField(max_length=80, blank=True)
    what_they_said = models.TextField()
    consulted_on = models.DateField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["consulted_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False)
                    & models.Q(professional_name="")
                    & models.Q(agency="")
                )
                | (
                    models.Q(person__isnull=True)
                    & ~models.Q(professional_name="")
                    & ~models.Q(agency="")
                ),
                name="assessment_consultee_person_or_professional",
                violation_error_message=(
                    "A person consulted is someone in the child's network, or a professional "
                    "with their agency"
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_family(self) -> bool:
        return self.person_id is not None

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    @property
    def name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return f"{self.professional_name} ({self.get_agency_display()})"


class AssessmentDecision(models.Model):
    """A manager's decision on a submitted assessment: authorised, or returned to the worker,
    with the manager's comments. Every decision is kept."""

    class Kind(models.TextChoices):
        AUTHORISED = "authorised", "Authorised"
        RETURNED = "returned", "Returned to the worker"

    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    comments = models.TextField()
    decided_on = models.DateField()
    decided_at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The version of the assessment this decision made (the one the manager read, plus one).
    version = models.PositiveIntegerField()

    class Meta:
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(comments=""),
                name="assessment_decision_has_comments",
                violation_error_message="Enter your comments on the assessment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.decided_on}"

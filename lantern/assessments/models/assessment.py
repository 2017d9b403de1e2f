"""The child and family assessment (the single assessment of Working Together 2023).

An assessment belongs to a referral (the CIN census episode of need) and runs from its start
date (CIN AssessmentActualStartDate) to the manager's authorisation (AssessmentAuthorisationDate),
due 45 working days from the referral date. The worker writes a draft (saved as they type, each
save a new `version`), submits it, and a manager authorises it or returns it with comments.

Its sections put the child first (findings AP1–AP5): the child's lived experience and voice,
who was consulted (AssessmentConsultee), the history and cumulative harm, the child's identity
and needs, parenting capacity, family and environment, the analysis, the factors identified
(AssessmentFactor, CIN census codes) and the outcome."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded

# The free-text sections, in the order the assessment is written, with their headings.
SECTION_LABELS: dict[str, str] = {
    "lived_experience": "The child's daily life and lived experience",
    "voice_how": "How the child was seen and heard",
    "voice_said": "What the child said",
    "not_seen_alone_reason": "Why the child was not seen alone",
    "identity_needs": "The child's identity and needs",
    "history_analysis": "History and cumulative harm",
    "parenting_capacity": "Parenting capacity",
    "family_environment": "Family and environment",
    "analysis": "Analysis",
    "outcome_reason": "Why this outcome",
}
TEXT_SECTIONS = tuple(SECTION_LABELS)
# The child's lived experience and voice (AP1): what the check counts.
VOICE_FIELDS = ("lived_experience", "voice_how", "voice_said")


class Assessment(Recorded):
    class Kind(models.TextChoices):
        SINGLE = "single", "Child and family assessment"
        REASSESSMENT = "reassessment", "Re-assessment"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting the manager's authorisation"
        AUTHORISED = "authorised", "Authorised"

    class Outcome(models.TextChoices):
        NFA = "nfa", "No further action"
        CIN_PLAN = "cin_plan", "Child in need plan"
        STRATEGY = "strategy", "Strategy discussion"
        STEP_DOWN = "step_down", "Step down to early help"
        OTHER = "other", "Other"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="assessments"
    )
    referral = models.ForeignKey(
        "front_door.Referral", on_delete=models.PROTECT, related_name="assessments"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    # CIN AssessmentActualStartDate.
    start_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    # The child's lived experience and voice (AP1).
    lived_experience = models.TextField(blank=True)
    voice_how = models.TextField(blank=True)
    voice_said = models.TextField(blank=True)
    child_seen_on = models.DateField(null=True, blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    not_seen_alone_reason = models.TextField(blank=True)
    # The child's identity and needs (AP5): ethnicity, language, religion, disability, identity.
    identity_needs = models.TextField(blank=True)
    # History and cumulative harm, written beside the child's chronology (AP3).
    history_analysis = models.TextField(blank=True)
    parenting_capacity = models.TextField(blank=True)
    family_environment = models.TextField(blank=True)
    analysis = models.TextField(blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(blank=True)

    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # CIN AssessmentAuthorisationDate: the assessment is complete on this day.
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Optimistic concurrency: every save names the version it edited (ConcurrentEditError).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["person", "-start_date"]),
            models.Index(fields=["status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"],
                condition=~models.Q(status="authorised"),
                name="assessment_one_open_per_referral",
                violation_error_message=(
                    "There is already an assessment in progress on this referral"
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(submitted_on__isnull=False),
                name="assessment_submitted_has_date",
                violation_error_message="A submitted assessment needs the date it was submitted",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | ~models.Q(outcome=""),
                name="assessment_submitted_has_outcome",
                violation_error_message="A submitted assessment needs its outcome",
            ),
            models.CheckConstraint(
                condition=(models.Q(status="authorised") & models.Q(authorised_on__isnull=False))
                | (~models.Q(status="authorised") & models.Q(authorised_on__isnull=True)),
                name="assessment_authorised_has_date",
                violation_error_message=(
                    "An assessment has an authorisation date only when it is authorised"
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(authorised_on__isnull=True)
                | models.Q(authorised_on__gte=models.F("start_date")),
                name="assessment_authorised_after_start",
                violation_error_message="An assessment cannot be authorised before it started",
            ),
            models.CheckConstraint(
                condition=~models.Q(seen_alone=True) | models.Q(not_seen_alone_reason=""),
                name="assessment_reason_only_if_not_seen_alone",
                violation_error_message=(
                    "Give a reason for not seeing the child alone only when they were not"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person} started {self.start_date}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:assessment", args=[self.pk])

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.AUTHORISED

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.AUTHORISED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def voice_words(self) -> int:
        """How many words the child's lived experience and voice section holds."""
        return sum(len((getattr(self, f) or "").split()) for f in VOICE_FIELDS)

from django.db import models
from django.urls import reverse

from lantern.common.models import Recorded
from lantern.front_door.codes import (
    Agency,
    ExploitationIndicator,
    ExploitationRisk,
    Section47Outcome,
    StrategyDecision,
)


class StrategyDiscussion(Recorded):
    """A strategy discussion or meeting about a child (CP1–CP3).

    Planned when the front door (or an assessment) decides one is needed; recorded with who was
    invited and attended, what each contributed, the decision and the plan for the enquiry.
    `recorded_at` is when the record was completed: more than one working day after the
    discussion is flagged (CP2)."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", "Strategy discussion"
        MEETING = "meeting", "Strategy meeting"

    referral = models.ForeignKey(
        "front_door.Referral", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DISCUSSION)
    held_at = models.DateTimeField(db_index=True)
    reason = models.TextField(help_text="Why a strategy discussion is needed")
    decision = models.CharField(max_length=20, choices=StrategyDecision.choices, blank=True)
    decision_reason = models.TextField(blank=True)
    immediate_protective_action = models.BooleanField(null=True, blank=True)
    protective_action_detail = models.TextField(blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recorded_at__isnull=True)
                | (~models.Q(decision="") & ~models.Q(decision_reason="")),
                name="strategy_recorded_with_decision",
                violation_error_message="Record the decision and why",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} about {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("front_door:strategy", args=[self.pk])

    @property
    def is_recorded(self) -> bool:
        return self.recorded_at is not None


class ExploitationScreening(Recorded):
    """The exploitation screening tool on a child (CP4): indicators seen, and a risk level."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="exploitation_screenings"
    )
    screened_on = models.DateField()
    risk = models.CharField(max_length=20, choices=ExploitationRisk.choices)
    summary = models.TextField(help_text="What is known, in plain words")
    contact_child = models.ForeignKey(
        "front_door.ContactChild", on_delete=models.PROTECT, null=True, blank=True
    )

    class Meta:
        ordering = ["-screened_on", "-id"]

    def __str__(self) -> str:
        return f"Exploitation screening of {self.person} ({self.get_risk_display()})"

    def get_absolute_url(self) -> str:
        return reverse("front_door:exploitation", args=[self.pk])


class ExploitationScreeningIndicator(models.Model):
    screening = models.ForeignKey(
        ExploitationScreening, on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField(max_length=30, choices=ExploitationIndicator.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["screening", "code"], name="exploitation_indicator_unique"
            )
        ]


class SiblingConsideration(Recorded):
    """Whether a sibling's risk was considered when a child was screened as at risk (CP4)."""

    screening = models.ForeignKey(
        ExploitationScreening, on_delete=models.PROTECT, related_name="sibling_considerations"
    )
    sibling = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    at_risk = models.BooleanField()
    note = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["screening", "sibling"], name="sibling_considered_once")
        ]


class ExploitationMeeting(Recorded):
    """A multi-agency exploitation (MACE) meeting about one or more children."""

    held_on = models.DateField()
    discussion = models.TextField()
    children = models.ManyToManyField("people.Person", related_name="exploitation_meetings")

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Exploitation meeting on {self.held_on}"

    def get_absolute_url(self) -> str:
        return reverse("front_door:exploitation_meeting", args=[self.pk])


class Attendee(models.Model):
    """Someone invited to a strategy discussion or an exploitation meeting, by agency."""

    strategy = models.ForeignKey(
        StrategyDiscussion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendees",
    )
    meeting = models.ForeignKey(
        ExploitationMeeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendees",
    )
    agency = models.CharField(max_length=20, choices=Agency.choices)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    invited = models.BooleanField(default=True)
    attended = models.BooleanField()
    contribution = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strategy__isnull=False, meeting__isnull=True)
                | models.Q(strategy__isnull=True, meeting__isnull=False),
                name="attendee_of_one_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class Action(models.Model):
    """An action agreed at a strategy discussion (the plan for the enquiry, CP3) or an
    exploitation meeting: what, by whom, by when."""

    strategy = models.ForeignKey(
        StrategyDiscussion, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    meeting = models.ForeignKey(
        ExploitationMeeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
    )
    action = models.TextField()
    owner = models.CharField(max_length=200)
    due = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strategy__isnull=False, meeting__isnull=True)
                | models.Q(strategy__isnull=True, meeting__isnull=False),
                name="action_of_one_meeting",
            )
        ]

    def __str__(self) -> str:
        return self.action[:60]


class Section47(Recorded):
    """A section 47 enquiry, started by the strategy discussion that decided it. Its start date
    is that discussion's date (CIN S47ActualStartDate); the ICPC is due 15 working days later."""

    strategy = models.OneToOneField(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="section47"
    )
    referral = models.ForeignKey(
        "front_door.Referral", on_delete=models.PROTECT, related_name="section47s"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="section47s")
    start_date = models.DateField(db_index=True)
    plan = models.TextField(blank=True, help_text="How the enquiry will be carried out")
    child_seen_on = models.DateField(null=True, blank=True)
    child_seen_by = models.CharField(max_length=200, blank=True)
    child_seen_alone = models.BooleanField(null=True, blank=True)
    outcome = models.CharField(max_length=30, choices=Section47Outcome.choices, blank=True)
    outcome_date = models.DateField(null=True, blank=True)
    outcome_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(outcome="") & models.Q(outcome_date__isnull=True))
                | (~models.Q(outcome="") & models.Q(outcome_date__isnull=False)),
                name="section47_outcome_with_date",
                violation_error_message="Record the outcome with its date",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome_date__isnull=True)
                | models.Q(outcome_date__gte=models.F("start_date")),
                name="section47_outcome_after_start",
                violation_error_message="The outcome cannot be before the enquiry started",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry about {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("front_door:section47", args=[self.pk])

    @property
    def icpc_due(self):
        from lantern.timescales.engine import due_date

        return due_date("icpc", self.start_date)

"""Child protection conferences: initial (after a section 47 enquiry), transfer-in, and reviews.

A conference is first *due* (its due date comes from the timescale engine when the row is made:
an initial conference 15 working days from the strategy discussion that started the enquiry, the
first review 3 months after the initial conference, later reviews 6 months after the last one),
may be *booked* for a date, and is then *held*: who was invited and came, whether they sent a
report, who chaired it, and what it decided. An initial conference that makes a plan starts the
child protection plan on the day it is held (CIN census 2885)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.child_protection.codes import (
    DECIDING_KINDS,
    INITIAL_DECISIONS,
    PLAN_DECISIONS,
    REVIEW_DECISIONS,
    ConferenceDecision,
    ConferenceKind,
)
from lantern.child_protection.presenters import due_tag
from lantern.common.models import Recorded
from lantern.front_door.codes import Agency
from lantern.plans.codes import CategoryOfAbuse

# Monday to Friday in Django's week_day lookup (1 = Sunday … 7 = Saturday).
WEEKDAYS = [2, 3, 4, 5, 6]


def on_a_weekday(field: str) -> models.Q:
    return models.Q(**{f"{field}__isnull": True}) | models.Q(**{f"{field}__week_day__in": WEEKDAYS})


class Conference(Recorded):
    Kind = ConferenceKind
    Decision = ConferenceDecision

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cp_conferences"
    )
    kind = models.CharField(max_length=12, choices=ConferenceKind.choices)
    # The enquiry whose outcome called an initial conference.
    section47 = models.ForeignKey(
        "front_door.Section47",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferences",
    )
    # The referral (episode of need) the conference and any plan it makes belong to.
    referral = models.ForeignKey(
        "front_door.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A transfer-in conference: when the other local authority told us the child had moved.
    notified_on = models.DateField(null=True, blank=True)
    # …and which authority the child moved from.
    from_authority = models.CharField(max_length=100, blank=True)
    # The child protection plan the conference started (initial, transfer-in) or reviewed.
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferences",
    )
    due_date = models.DateField(db_index=True)
    planned_on = models.DateField(null=True, blank=True)
    held_on = models.DateField(null=True, blank=True, db_index=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision = models.CharField(max_length=10, choices=ConferenceDecision.choices, blank=True)
    # The category of abuse (CIN census codes) when the child is on a plan after the conference.
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    # The outline child protection plan agreed (or, at a review, what changes in it).
    outline = models.TextField(blank=True)
    # Why the conference decided as it did.
    reasons = models.TextField(blank=True)
    # A review conference's progress per plan action (a PlanReview of kind "conference").
    review = models.OneToOneField(
        "plans.PlanReview",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conference",
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    # Optimistic concurrency: a save names the version it edited (ConcurrentEditError).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-due_date", "-id"]
        indexes = [models.Index(fields=["person", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=on_a_weekday("held_on"),
                name="conference_held_on_a_weekday",
                violation_error_message="A conference cannot be held on a Saturday or Sunday",
            ),
            models.CheckConstraint(
                condition=on_a_weekday("planned_on"),
                name="conference_planned_on_a_weekday",
                violation_error_message="A conference cannot be booked for a Saturday or Sunday",
            ),
            models.CheckConstraint(
                condition=(models.Q(held_on__isnull=True) & models.Q(decision=""))
                | (models.Q(held_on__isnull=False) & ~models.Q(decision="")),
                name="conference_held_with_decision",
                violation_error_message="Record the date of the conference with its decision",
            ),
            models.CheckConstraint(
                condition=models.Q(decision="")
                | models.Q(kind__in=DECIDING_KINDS, decision__in=INITIAL_DECISIONS)
                | models.Q(kind=ConferenceKind.REVIEW, decision__in=REVIEW_DECISIONS),
                name="conference_decision_fits_kind",
                violation_error_message="Select a decision this conference can make",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision__in=PLAN_DECISIONS) | ~models.Q(category=""),
                name="conference_plan_has_category",
                violation_error_message="Select the category of abuse",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision=ConferenceDecision.CP_PLAN)
                | models.Q(plan__isnull=False),
                name="conference_plan_made_is_linked",
                violation_error_message="A conference that makes a plan must name the plan",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ConferenceKind.INITIAL)
                | models.Q(section47__isnull=False),
                name="conference_initial_from_section47",
                violation_error_message="An initial conference follows a section 47 enquiry",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ConferenceKind.REVIEW)
                | models.Q(plan__isnull=False, section47__isnull=True),
                name="conference_review_of_a_plan",
                violation_error_message="A review conference reviews a child protection plan",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ConferenceKind.TRANSFER_IN)
                | models.Q(notified_on__isnull=False),
                name="conference_transfer_in_notified",
                violation_error_message="Enter the date the other local authority told us",
            ),
            models.UniqueConstraint(
                fields=["section47"],
                condition=models.Q(kind=ConferenceKind.INITIAL),
                name="conference_one_initial_per_section47",
                violation_error_message="This enquiry already has an initial conference",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(kind=ConferenceKind.REVIEW, held_on__isnull=True),
                name="conference_one_review_due_per_plan",
                violation_error_message="The plan already has a review conference due",
            ),
        ]

    def __str__(self) -> str:
        when = self.held_on or self.planned_on or self.due_date
        return f"{self.get_kind_display()} about {self.person} ({when:%-d %B %Y})"

    def get_absolute_url(self) -> str:
        return reverse("child_protection:conference", args=[self.pk])

    @property
    def is_held(self) -> bool:
        return self.held_on is not None

    @property
    def is_late(self) -> bool:
        """Held after its due date (or not held and past it: see the checks)."""
        return self.held_on is not None and self.held_on > self.due_date

    @property
    def status(self):
        return due_tag(self.due_date, self.held_on)

    @property
    def makes_decision_on_plan(self) -> bool:
        return self.kind in DECIDING_KINDS


class ConferenceAttendee(models.Model):
    """Someone invited to a conference or a core group meeting, by agency: whether they came
    and whether they sent a report."""

    conference = models.ForeignKey(
        Conference, on_delete=models.PROTECT, null=True, blank=True, related_name="attendees"
    )
    core_group = models.ForeignKey(
        "child_protection.CoreGroup",
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
    report_submitted = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(conference__isnull=False, core_group__isnull=True)
                | models.Q(conference__isnull=True, core_group__isnull=False),
                name="cp_attendee_of_one_meeting",
                violation_error_message="An attendee belongs to one conference or core group",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"

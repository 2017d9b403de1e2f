from django.db import models
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.front_door.codes import Agency


class PlanNeed(Recorded):
    """A need or risk the plan addresses, in plain words ("Amy is not safe when her father has
    been drinking")."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="needs")
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)  # removed from the plan (kept)
    ended_reason = models.CharField(max_length=200, blank=True)
    # Optimistic concurrency: a save names the version it was editing (ConcurrentEditError).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class PlanAction(Recorded):
    """One action on a plan: who does what by when, and how everyone will know it worked.

    The owner is one of: a person in the child's network (a parent, a grandparent, the child),
    a member of staff, or an agency (with a named contact where known). `owner_is_parent`
    records, when the owner was set, whether the owner is a parent or carer of the child — the
    safety-plan check (CP5) reads it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        NOT_DONE = "not_done", "Not done (stopped)"

    OPEN_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS)

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="actions")
    need = models.ForeignKey(
        PlanNeed, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    action = models.TextField()
    owner_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_user = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_agency = models.CharField(max_length=20, choices=Agency.choices, blank=True)
    owner_name = models.CharField(max_length=120, blank=True)  # a named contact at the agency
    owner_is_parent = models.BooleanField(default=False)
    due_date = models.DateField(null=True, blank=True)
    # How everyone will know it has been done and has worked ("Amy attends school every day
    # for 4 weeks (school register)").
    outcome = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)  # removed from the plan (kept)
    # Why it was removed (the row is kept, with its history).
    ended_reason = models.CharField(max_length=200, blank=True)
    # Optimistic concurrency: a save names the version it was editing (ConcurrentEditError).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["plan", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True) | models.Q(status="done"),
                name="plan_action_completed_only_when_done",
                violation_error_message="Only an action that is done has a completion date",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(owner_person__isnull=True)
                    | (models.Q(owner_user__isnull=True) & models.Q(owner_agency=""))
                )
                & (models.Q(owner_user__isnull=True) | models.Q(owner_agency="")),
                name="plan_action_one_kind_of_owner",
                violation_error_message="An action has one owner: a person, a worker or an agency",
            ),
        ]

    def __str__(self) -> str:
        return self.action[:80]

    @property
    def has_owner(self) -> bool:
        return bool(self.owner_person_id or self.owner_user_id or self.owner_agency)

    @property
    def missing(self) -> list[str]:
        """What the action lacks to be SMART (AP6): 'an owner', 'a due date', 'a measurable
        outcome'."""
        out = []
        if not self.has_owner:
            out.append("an owner")
        if self.due_date is None:
            out.append("a due date")
        if not self.outcome.strip():
            out.append("a measurable outcome")
        return out

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES and self.ended_at is None


class PlanReview(Recorded):
    """A review of the plan — a CIN review, a safety-plan review, a core group or a review
    conference — with progress recorded against each action."""

    class Kind(models.TextChoices):
        REVIEW = "review", "Plan review"
        CORE_GROUP = "core_group", "Core group meeting"
        CONFERENCE = "conference", "Review child protection conference"

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.REVIEW)
    held_on = models.DateField()
    summary = models.TextField(blank=True)  # what has changed for the child
    next_review_date = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review_date__isnull=True)
                | models.Q(next_review_date__gt=models.F("held_on")),
                name="plan_review_next_after_held",
                violation_error_message="The next review must be after this one",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


class ActionProgress(Recorded):
    """Progress against one action at one review."""

    review = models.ForeignKey(PlanReview, on_delete=models.PROTECT, related_name="progress")
    action = models.ForeignKey(PlanAction, on_delete=models.PROTECT, related_name="progress")
    status = models.CharField(max_length=12, choices=PlanAction.Status.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["action__order", "action_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "action"], name="action_progress_once_per_review"
            )
        ]

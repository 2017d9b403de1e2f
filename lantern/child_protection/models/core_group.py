"""Core group meetings: the professionals and family who turn the conference's outline plan
into the detailed plan and meet regularly to see it through. The first is due 10 working days
after the initial conference; each records who came and progress against the plan's actions
(a PlanReview of kind "core_group")."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.child_protection.presenters import due_tag
from lantern.common.models import Recorded


class CoreGroup(Recorded):
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="core_groups")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cp_core_groups"
    )
    # From the timescale engine for the first core group; later meetings are arranged at each
    # meeting and have none.
    due_date = models.DateField(null=True, blank=True)
    held_on = models.DateField(null=True, blank=True, db_index=True)
    review = models.OneToOneField(
        "plans.PlanReview",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="core_group",
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=False) | models.Q(due_date__isnull=False),
                name="core_group_held_or_due",
                violation_error_message="A core group is either held or due",
            ),
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=False) | models.Q(review__isnull=True),
                name="core_group_progress_when_held",
                violation_error_message="Progress is recorded when the core group is held",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(held_on__isnull=True),
                name="core_group_one_due_per_plan",
                violation_error_message="The plan already has a core group due",
            ),
        ]

    def __str__(self) -> str:
        if self.held_on:
            return f"Core group meeting on {self.held_on:%-d %B %Y}"
        return f"Core group meeting due by {self.due_date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("child_protection:core_group", args=[self.pk])

    @property
    def is_held(self) -> bool:
        return self.held_on is not None

    @property
    def status(self):
        return due_tag(self.due_date, self.held_on)

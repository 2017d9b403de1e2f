"""Children's plans: child in need, child protection and safety plans share one model.

A plan runs from its start date (for a CP plan, the initial conference) to its end date. Its
content — the needs or risks it addresses and the actions that meet them — is drafted and then
finalised; a plan cannot be finalised while any action lacks an owner, a due date or a
measurable outcome (finding AP6). Reviews (and core groups) record progress per action."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.plans.codes import CategoryOfAbuse


class Plan(Recorded):
    class Kind(models.TextChoices):
        CHILD_IN_NEED = "cin", "Child in need plan"
        CHILD_PROTECTION = "cp", "Child protection plan"
        SAFETY = "safety", "Safety plan"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="plans")
    referral = models.ForeignKey(
        "front_door.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="plans"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    # What the plan is for, in the worker's words (the outline agreed at conference).
    summary = models.TextField(blank=True)
    # When the plan is next reviewed (safety plans must have one; CP plans are reviewed by
    # conference, whose dates come from the timescale engine).
    review_date = models.DateField(null=True, blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Optimistic concurrency: a save names the version it was editing (ConcurrentEditError).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["person", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gt=models.F("start_date")),
                name="plan_ends_after_it_starts",
                violation_error_message="A plan must end after the day it starts",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="cp")
                | (~models.Q(initial_category="") & ~models.Q(latest_category="")),
                name="plan_cp_has_categories",
                violation_error_message="A child protection plan needs its category of abuse",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="safety")
                | models.Q(review_date__isnull=False)
                | models.Q(finalised_at__isnull=True),
                name="plan_safety_final_has_review_date",
                violation_error_message="A safety plan needs a review date",
            ),
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=models.Q(end_date__isnull=True),
                name="plan_one_open_of_each_kind",
                violation_error_message="The child already has an open plan of this kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.end_date is None

    @property
    def is_final(self) -> bool:
        return self.finalised_at is not None

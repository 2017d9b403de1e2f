"""A child in care's permanence plan: where and with whom they will grow up (finding PM1).

One plan is current in a period of care; a new plan replaces it and the old one is kept with
the day it was replaced. Reunification and special guardianship plans carry a support plan
for after the order and a contingency plan (PM4)."""

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.children_in_care.codes import PermanenceKind
from lantern.common.models import Recorded


class PermanencePlan(Recorded):
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="permanence_plans"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="permanence_plans"
    )
    kind = models.CharField(max_length=20, choices=PermanenceKind.choices)
    agreed_on = models.DateField()
    # The looked-after review that agreed it, when a review did.
    review = models.ForeignKey(
        "children_in_care.CareReview",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="permanence_plans",
    )
    detail = models.TextField(blank=True)  # the plan in words: with whom, by when, how
    support_plan = models.TextField(blank=True)  # support after the order (PM4)
    contingency_plan = models.TextField(blank=True)  # if the plan cannot be achieved (PM4)
    # Replaced by a later plan on this day (kept, never deleted).
    replaced_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-agreed_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period"],
                condition=models.Q(replaced_on__isnull=True),
                name="permanence_plan_one_current",
                violation_error_message="The child already has a current permanence plan",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=PermanenceKind.values),
                name="permanence_plan_kind",
                violation_error_message="Select the permanence plan",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["reunification", "kinship_sgo"])
                | (~models.Q(support_plan="") & ~models.Q(contingency_plan="")),
                name="permanence_plan_support_and_contingency",
                violation_error_message="A reunification or special guardianship plan needs a "
                "support plan and a contingency plan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} (agreed {self.agreed_on})"

    @property
    def is_current(self) -> bool:
        return self.replaced_on is None

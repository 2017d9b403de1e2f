"""A period of care: from the day a child starts to be looked after to the day they stop.

Within it, legal statuses and placements change; the 903 episodes are derived from those rows
(`lantern.children_in_care.episodes`). The category of need is the period's, not an episode's:
it cannot change within the period (903 rule 504)."""

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.children_in_care.codes import (
    CATEGORY_OF_NEED,
    CATEGORY_OF_NEED_CODES,
    ReasonCeased,
)
from lantern.common.models import Recorded
from lantern.people.validators import validate_postcode


class PeriodOfCare(Recorded):
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="periods_of_care"
    )
    start_date = models.DateField()
    category_of_need = models.CharField(max_length=2, choices=CATEGORY_OF_NEED)
    # The child's home postcode when they started to be looked after (903 HOME_POST); blank
    # for unaccompanied asylum-seeking children (rule 406).
    home_postcode = models.CharField(max_length=8, blank=True, validators=[validate_postcode])
    end_date = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, choices=ReasonCeased.choices, blank=True)
    # Optimistic concurrency: every change within the period names the version it was made
    # against (ConcurrentEditError), and moves it on.
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name_plural = "periods of care"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gt=models.F("start_date")),
                name="period_of_care_ends_after_it_starts",
                violation_error_message="A period of care must end after the day it starts",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True, reason_ceased="")
                | (
                    models.Q(end_date__isnull=False)
                    & ~models.Q(reason_ceased="")
                    & ~models.Q(reason_ceased=ReasonCeased.X1)
                ),
                name="period_of_care_reason_with_end_date",
                violation_error_message="A period of care that has ended needs the reason it "
                "ended (not X1), and only then",
            ),
            models.CheckConstraint(
                condition=models.Q(category_of_need__in=sorted(CATEGORY_OF_NEED_CODES)),
                name="period_of_care_category_of_need",
                violation_error_message="Select the category of need (N1 to N8)",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="period_of_care_one_open",
                violation_error_message="The child is already looked after",
            ),
        ]

    def __str__(self) -> str:
        return f"Period of care from {self.start_date} for {self.person}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None

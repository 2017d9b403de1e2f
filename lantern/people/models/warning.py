import datetime

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.people.codes import WarningKind


class Warning(Recorded):
    """A warning shown wherever the person appears, until it is ended. Reviewed by a date."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="warnings")
    kind = models.CharField(max_length=30, choices=WarningKind.choices)
    detail = models.TextField()
    review_date = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    ended_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review_date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.detail[:60]}"

    def is_active(self) -> bool:
        return self.ended_on is None

    def is_overdue_for_review(self, today: datetime.date) -> bool:
        return self.ended_on is None and self.review_date < today

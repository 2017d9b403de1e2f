from django.db import models
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.people.codes import RelationshipType


class Relationship(Recorded):
    """`person` is the <type> of `other` (e.g. person is the parent of other), with dates."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="relationships_from"
    )
    other = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="relationships_to"
    )
    type = models.CharField(max_length=20, choices=RelationshipType.choices)
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)
    # For an adult's relationship to a child: whether they hold parental responsibility.
    parental_responsibility = models.BooleanField(default=False)
    ended_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(person=models.F("other")),
                name="relationship_not_self",
                violation_error_message="A person cannot be related to themselves",
            ),
            models.CheckConstraint(
                condition=models.Q(to_date__isnull=True)
                | models.Q(from_date__isnull=True)
                | models.Q(to_date__gte=models.F("from_date")),
                name="relationship_dates_in_order",
                violation_error_message="The end date must be on or after the start date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} is {self.get_type_display().lower()} of {self.other}"

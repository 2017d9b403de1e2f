"""Who a child in care lives with: foster carers, connected persons, a children's home, parents.

A carer is recorded once and chosen for each placement with them; their provider, URN and
postcode are the defaults for those placements (which keep their own copies, as the 903 reports
each placement's values)."""

from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from lantern.children_in_care.codes import CarerKind, PlacementProvider
from lantern.common.models import Recorded
from lantern.people.validators import validate_postcode

# Ofsted unique reference numbers: letters and digits ("SC045099", "2512345"), or "XXXXXXX"
# for placements through a fostering or adoption agency (rule 242).
validate_urn = RegexValidator(
    r"^[A-Z0-9]{6,8}$",
    "Enter the Ofsted URN: 6 to 8 letters and numbers, like SC045099",
    code="invalid_urn",
)


class Carer(Recorded):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=CarerKind.choices)
    provider = models.CharField(max_length=3, choices=PlacementProvider.choices, blank=True)
    ofsted_urn = models.CharField("Ofsted URN", max_length=8, blank=True, validators=[validate_urn])
    postcode = models.CharField(max_length=8, blank=True, validators=[validate_postcode])

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name=""),
                name="carer_has_a_name",
                violation_error_message="Enter the carer's name",
            )
        ]

    def __str__(self) -> str:
        return self.name

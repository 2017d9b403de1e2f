"""A placement from its start date until the next one (or the end of the period of care):
where the child lives (903 PLACE, PLACE_PROVIDER, PL_POST, URN) and with whom (the carer).

When a placement ends by a change of placement it records why (`reason_change`, the 903
REASON_PLACE_CHANGE); moves into and out of temporary placements have none (rule 226). A
placement recorded in error is not deleted: `ended_at` and `ended_reason` say it was removed."""

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.children_in_care.codes import (
    PLACES_WITHOUT_CARER,
    TEMPORARY_PLACES,
    PlacementProvider,
    PlacementType,
    ReasonPlaceChange,
)
from lantern.children_in_care.models.carer import validate_urn
from lantern.common.models import Recorded
from lantern.people.validators import validate_postcode


class Placement(Recorded):
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="placements"
    )
    start_date = models.DateField()
    place = models.CharField("Placement type", max_length=3, choices=PlacementType.choices)
    provider = models.CharField(max_length=3, choices=PlacementProvider.choices, blank=True)
    carer = models.ForeignKey(
        "children_in_care.Carer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    postcode = models.CharField(
        "Placement postcode", max_length=8, blank=True, validators=[validate_postcode]
    )
    urn = models.CharField("Ofsted URN", max_length=8, blank=True, validators=[validate_urn])
    reason_change = models.CharField(
        "Reason for the change of placement",
        max_length=6,
        choices=ReasonPlaceChange.choices,
        blank=True,
    )
    ended_at = models.DateTimeField(null=True, blank=True)  # removed: recorded in error (kept)
    ended_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "start_date"],
                condition=models.Q(ended_at__isnull=True),
                name="placement_one_a_day",
                violation_error_message="The placement already changes on that day",
            ),
            models.CheckConstraint(
                condition=models.Q(carer__isnull=False)
                | models.Q(place__in=sorted(PLACES_WITHOUT_CARER)),
                name="placement_has_a_carer",
                violation_error_message="Select who the child lives with",
            ),
            models.CheckConstraint(
                condition=models.Q(reason_change="")
                | ~models.Q(place__in=sorted(TEMPORARY_PLACES)),
                name="placement_temporary_has_no_reason_change",
                violation_error_message="A temporary placement has no reason for a change",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True, ended_reason="")
                | (models.Q(ended_at__isnull=False) & ~models.Q(ended_reason="")),
                name="placement_removed_with_reason",
                violation_error_message="Give the reason the placement was removed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} from {self.start_date}"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None

    @property
    def is_temporary(self) -> bool:
        return self.place in TEMPORARY_PLACES

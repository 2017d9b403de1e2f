import re

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.people.validators import normalise_postcode, validate_postcode


def household_key(line1: str, postcode: str) -> str:
    """The same dwelling however it was typed: '12 High St.' + 'dn311aa' → 'DN311AA|12HIGHST'."""
    line = re.sub(r"[^A-Z0-9]", "", (line1 or "").upper()).replace("STREET", "ST")
    line = line.replace("ROAD", "RD").replace("AVENUE", "AVE")
    return f"{normalise_postcode(postcode).replace(' ', '')}|{line}"


class Address(Recorded):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="addresses")
    line1 = models.CharField("Address line 1", max_length=200)
    line2 = models.CharField("Address line 2", max_length=200, blank=True)
    town = models.CharField("Town or city", max_length=100, blank=True)
    postcode = models.CharField(max_length=8, validators=[validate_postcode], db_index=True)
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)
    # Normalised dwelling key for the household view (who lives here now).
    household = models.CharField(max_length=250, db_index=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-from_date", "-id"]
        verbose_name_plural = "addresses"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_date__isnull=True)
                | models.Q(from_date__isnull=True)
                | models.Q(to_date__gte=models.F("from_date")),
                name="address_dates_in_order",
                violation_error_message="The date moved out must be on or after the date moved in",
            )
        ]

    def __str__(self) -> str:
        return ", ".join(p for p in [self.line1, self.line2, self.town, self.postcode] if p)

    @property
    def is_current(self) -> bool:
        return self.to_date is None

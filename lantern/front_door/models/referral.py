from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.front_door.codes import PrimaryNeed, ReasonForClosure, ReferralSource


class Referral(Recorded):
    """A referral to children's social care: the CIN census "CIN details" (episode of need),
    from its referral date and source to its closure date and reason."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    referral_date = models.DateField(db_index=True)
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices)
    closure_date = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ReasonForClosure.choices, blank=True)
    # CIN ReferralNFA: the referral itself led to no further action.
    nfa = models.BooleanField("Referral NFA", default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-referral_date", "-id"]
        indexes = [models.Index(fields=["person", "-referral_date"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(closure_date__isnull=True) & models.Q(closure_reason=""))
                | (models.Q(closure_date__isnull=False) & ~models.Q(closure_reason="")),
                name="referral_closure_date_and_reason_together",
                violation_error_message="Record the closure date and reason together",
            ),
            models.CheckConstraint(
                condition=models.Q(closure_date__isnull=True)
                | models.Q(closure_date__gte=models.F("referral_date")),
                name="referral_closed_after_referred",
                violation_error_message="The closure date cannot be before the referral date",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.person} on {self.referral_date}"

    def get_absolute_url(self) -> str:
        return reverse("front_door:referral", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closure_date is None

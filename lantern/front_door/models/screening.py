from django.conf import settings
from django.db import models

from lantern.common.models import Recorded
from lantern.front_door.codes import Outcome, ReferralSource


class Screening(Recorded):
    """The front-door worker's screening of one child on a contact.

    The history summary is required before anything is decided (FD7), and what history the
    worker was shown is kept with it, as it stood then. The threshold level is judged against
    the local descriptors with a rationale (FD4).
    """

    contact_child = models.OneToOneField(
        "front_door.ContactChild", on_delete=models.PROTECT, related_name="screening"
    )
    history_summary = models.TextField()
    history_shown = models.JSONField(default=list, blank=True)
    re_referral = models.BooleanField(
        default=False, help_text="A referral within 12 months before this contact"
    )
    threshold = models.ForeignKey(
        "front_door.Threshold", on_delete=models.PROTECT, null=True, blank=True
    )
    threshold_rationale = models.TextField(blank=True)
    recommendation = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    recommendation_rationale = models.TextField(blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recommendation="")
                | (models.Q(threshold__isnull=False) & ~models.Q(threshold_rationale="")),
                name="screening_recommendation_needs_threshold",
                violation_error_message="Record the threshold level with a rationale",
            )
        ]

    def __str__(self) -> str:
        return f"Screening of {self.contact_child}"


class PartnerCheck(Recorded):
    """A further check made with a partner agency at screening: who, when, what was learned.

    `asked_to_speak_to_child` records that the partner was asked to speak to or interview the
    child to inform the decision (finding FD10: it is the social worker's job)."""

    contact_child = models.ForeignKey(
        "front_door.ContactChild", on_delete=models.PROTECT, related_name="partner_checks"
    )
    agency = models.CharField(max_length=2, choices=ReferralSource.choices)
    organisation = models.CharField(max_length=200, blank=True)
    checked_on = models.DateField()
    learned = models.TextField()
    asked_to_speak_to_child = models.BooleanField(default=False)

    class Meta:
        ordering = ["checked_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_agency_display()} check on {self.checked_on}"


class Decision(Recorded):
    """The manager's decision for one child on a contact (FD5): the outcome with a rationale and
    a direction (what to gather, by whom, by when). An outcome that closes or steps down while a
    FD8 check fails needs the manager's override with a reason, kept here."""

    contact_child = models.OneToOneField(
        "front_door.ContactChild", on_delete=models.PROTECT, related_name="decision"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    rationale = models.TextField()
    direction = models.TextField(help_text="What must be gathered or done next")
    direction_owner = models.CharField(max_length=200, help_text="By whom")
    direction_due = models.DateField(help_text="By when")
    # Whether it agrees with the worker's recommendation (MO1 builds on this).
    agrees_with_recommendation = models.BooleanField(default=True)
    # FD8 concerns shown to the manager when the outcome closes or steps down, and the override.
    concerns = models.JSONField(default=list, blank=True)
    override_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    referral = models.OneToOneField(
        "front_door.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome__in=["assessment", "strategy"])
                | models.Q(referral__isnull=False),
                name="decision_referral_for_referral_outcomes",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for {self.contact_child}"

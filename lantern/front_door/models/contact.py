import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.front_door.codes import (
    Channel,
    ConcernCategory,
    Consent,
    ConsentNotSoughtReason,
    ReferralSource,
)


class Contact(Recorded):
    """A concern about one or more children arriving at the front door: by phone, on the
    multi-agency referral form, or from a partner's system through the API.

    Each child it concerns is a ContactChild, screened and decided on their own.
    """

    received_at = models.DateTimeField(db_index=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    # Who made it. The source is the CIN census ReferralSource code.
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    referrer_organisation = models.CharField(max_length=200, blank=True)
    referrer_name = models.CharField(max_length=200, blank=True)
    referrer_role = models.CharField(max_length=200, blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)
    referrer_email = models.EmailField(blank=True)
    # A partner who submitted it themselves (form or API) sees its outcome later.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts_submitted",
    )
    concern = models.TextField(help_text="The concern in the referrer's words")
    referrer_actions = models.TextField(blank=True, help_text="What the referrer has already done")
    consent = models.CharField(max_length=20, choices=Consent.choices, blank=True)
    consent_not_sought_reason = models.CharField(
        max_length=20, choices=ConsentNotSoughtReason.choices, blank=True
    )
    consent_detail = models.TextField(blank=True)
    # Whether the referrer thinks the child is at immediate risk (partner's own view).
    immediate_risk = models.BooleanField(default=False)
    # Per cent of the multi-agency form's required information present (FD3).
    completeness = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent="not_sought") | models.Q(consent_not_sought_reason=""),
                name="contact_reason_only_when_not_sought",
                violation_error_message="Give a reason only when consent was not sought",
            ),
            models.CheckConstraint(
                condition=models.Q(completeness__lte=100), name="contact_completeness_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"Contact {self.reference}"

    @property
    def reference(self) -> str:
        return f"C{self.pk:06d}" if self.pk else "(new)"

    def get_absolute_url(self) -> str:
        return reverse("front_door:contact", args=[self.pk])

    @property
    def received_on(self) -> datetime.date:
        from django.utils import timezone

        return timezone.localdate(self.received_at)


class ContactConcern(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="concerns")
    category = models.CharField(max_length=20, choices=ConcernCategory.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contact", "category"], name="contact_concern_unique")
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class ContactChild(Recorded):
    """One child on a contact, with their own screening, clock and decision (FD5–FD7)."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting screening"
        MORE_INFORMATION = "more_information", "More information needed"
        SCREENED = "screened", "Screened, awaiting manager decision"
        DECIDED = "decided", "Decided"

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="children")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="contacts")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    # When the decision is due: one working day from receipt by default (timescale engine),
    # or the new time a manager agreed when more information was needed.
    decision_due_at = models.DateTimeField(db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # How a child named by a partner was matched to a record, for the worker to confirm:
    # "Matched to an existing record (strong: …)" or "New record: no likely match".
    match_note = models.CharField(max_length=300, blank=True)
    # The child's name as a partner typed it: what the partner is shown back, so that the name on
    # a matched record (or that there is one) is never revealed to them.
    described_as = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["decision_due_at", "id"]
        verbose_name_plural = "contact children"
        constraints = [
            models.UniqueConstraint(fields=["contact", "person"], name="contact_child_unique"),
            models.CheckConstraint(
                condition=models.Q(status="decided", decided_at__isnull=False)
                | (~models.Q(status="decided") & models.Q(decided_at__isnull=True)),
                name="contact_child_decided_at_when_decided",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "status"]),
            # The queue: children still waiting for a decision, least time left first (a few
            # dozen among tens of thousands decided).
            models.Index(
                fields=["decision_due_at"],
                condition=~models.Q(status="decided"),
                name="contact_child_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contact.reference}: {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("front_door:screen", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.DECIDED

    @property
    def name_for_referrer(self) -> str:
        return self.described_as or self.person.full_name


class InformationRequest(Recorded):
    """'More information needed': an explicit state with a reason and a new due time that a
    manager agreed, instead of a silent overrun (FD6). Until a manager agrees, the original
    clock keeps running."""

    contact_child = models.ForeignKey(
        ContactChild, on_delete=models.PROTECT, related_name="information_requests"
    )
    reason = models.TextField()
    proposed_due_at = models.DateTimeField()
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    # Set when the manager declined the new time; the original clock stands.
    declined_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"More information for {self.contact_child}"

    @property
    def pending(self) -> bool:
        return self.agreed_at is None and not self.declined_reason

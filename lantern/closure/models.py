"""Closing a child's case, or stepping it down to early help, with a manager's approval.

A worker asks (ClosureRequest, status "requested") giving the CIN census reason for closure, the
proposed closure date and their reasoning about risk. The checks of findings FD8 and CP6 run when
the worker asks (`concerns`) and again when the manager decides (`decision_concerns`): a
manager may approve despite concerns only by giving an override reason, which is kept and
listed. An open child protection plan cannot be overridden. A request returned to the worker
stays on the record; the worker asks again with a new request."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded
from lantern.front_door.codes import ReasonForClosure

# Stepping down to early help: RC9 when the case closes at the end of an assessment, RC7
# ("services ceased ... child no longer in need") when it steps down after a plan.
STEP_DOWN_REASONS = (ReasonForClosure.RC7, ReasonForClosure.RC9)


class ClosureRequest(Recorded):
    class Kind(models.TextChoices):
        CLOSURE = "closure", "Close the case"
        STEP_DOWN = "step_down", "Step down to early help"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for a manager"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned to the worker"

    referral = models.ForeignKey(
        "front_door.Referral", on_delete=models.PROTECT, related_name="closure_requests"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="closure_requests"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField("Reason for closure", max_length=3, choices=ReasonForClosure.choices)
    closure_date = models.DateField()
    # The worker's reasoning: what has changed for the child, what risk remains and who will
    # notice if things get worse.
    rationale = models.TextField()
    # What the checks found when the worker asked: [{"code": ..., "text": ...}].
    concerns = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    manager_comment = models.TextField(blank=True)
    # What the checks found when the manager decided (the concerns an override overrode).
    decision_concerns = models.JSONField(default=list, blank=True)
    # Why the manager approved despite the concerns; required when there were any.
    override_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [
            models.Index(fields=["status", "requested_at"]),
            models.Index(fields=["status", "decided_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(rationale=""),
                name="closure_has_rationale",
                violation_error_message="Explain why it is safe to close the case",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="step_down") | models.Q(reason__in=STEP_DOWN_REASONS),
                name="closure_step_down_reason",
                violation_error_message=(
                    "A step-down to early help is closed with RC9 (after assessment) or RC7"
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="closure") | ~models.Q(reason=ReasonForClosure.RC9),
                name="closure_rc9_is_a_step_down",
                violation_error_message="RC9 (referred to early help) is a step-down",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="requested")
                    & models.Q(decided_at__isnull=True)
                    & models.Q(decided_by__isnull=True)
                )
                | (~models.Q(status="requested") & models.Q(decided_at__isnull=False)),
                name="closure_decided_when_not_requested",
                violation_error_message="A decided request records when it was decided",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="returned") | ~models.Q(manager_comment=""),
                name="closure_return_has_comment",
                violation_error_message="Say what the worker needs to do",
            ),
            models.CheckConstraint(
                condition=models.Q(override_reason="") | models.Q(status="approved"),
                name="closure_override_only_on_approval",
                violation_error_message="Only an approval can override the checks",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="approved")
                | ~models.Q(override_reason="")
                | models.Q(decision_concerns=[]),
                name="closure_override_when_concerns",
                violation_error_message=(
                    "Give your reason for approving the closure despite the concerns"
                ),
            ),
            models.UniqueConstraint(
                fields=["referral"],
                condition=models.Q(status="requested"),
                name="closure_one_waiting_per_referral",
                violation_error_message=(
                    "A request to close this referral is already waiting for a manager"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person} on {self.closure_date}"

    def get_absolute_url(self) -> str:
        return reverse("closure:request", args=[self.pk])

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.REQUESTED

    @property
    def status_colour(self) -> str:
        """The GOV.UK tag colour for the status."""
        return {"requested": "yellow", "approved": "green", "returned": "orange"}[self.status]

    @property
    def is_step_down(self) -> bool:
        return self.kind == self.Kind.STEP_DOWN

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)

    @property
    def title(self) -> str:
        """'Step-down to early help requested 3 March 2026' (for lists and the language check)."""
        what = "Closure" if self.kind == self.Kind.CLOSURE else "Step-down to early help"
        return f"{what} requested {timezone.localtime(self.requested_at):%-d %B %Y}"

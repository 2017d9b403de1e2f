"""The closure request and the manager's decision. Forms only parse input; the rules that
need other records (the reason fitting the referral, the checks) are the services'."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.closure.models import ClosureRequest
from lantern.common.forms import GovukDateField, GovukForm
from lantern.front_door.codes import ReasonForClosure


def textarea(rows: int = 5) -> forms.Textarea:
    # data-language-check: the practice-language hint checks the text while it is written.
    return forms.Textarea(attrs={"rows": rows, "data-language-check": True})


REASON_CHOICES = [(code, f"{code}: {label}") for code, label in ReasonForClosure.choices]


class ClosureRequestForm(GovukForm):
    kind = forms.ChoiceField(
        label="Close the case or step it down to early help?",
        choices=ClosureRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to close the case or step it down to early help"
        },
    )
    reason = forms.ChoiceField(
        label="Reason for closure",
        help_text=(
            "The CIN census reason. A step-down to early help is RC9 after an assessment, or "
            "RC7 after a plan."
        ),
        choices=REASON_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason for closure"},
    )
    closure_date = GovukDateField(
        label="Closure date",
        help_text="For example, 27/03/2026",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}, format="%d/%m/%Y"),
        error_messages={
            "required": "Enter the closure date",
            "invalid": "Enter the closure date as a real date, like 27/03/2026",
        },
    )
    rationale = forms.CharField(
        label="Why it is safe to close the case",
        help_text=(
            "What has changed for the child, what risk remains, and who will notice and act "
            "if things get worse."
        ),
        widget=textarea(8),
        error_messages={
            "required": (
                "Explain why it is safe to close the case: what has changed for the child and "
                "what risk remains"
            )
        },
    )

    def clean_closure_date(self):
        value = self.cleaned_data["closure_date"]
        if value > timezone.localdate():
            raise ValidationError("The closure date cannot be in the future")
        return value


class ClosureDecisionForm(GovukForm):
    """Approve or return. The override reason is asked for only when the checks found
    concerns; approving is offered only when a manager may approve (not with an open child
    protection plan, and not one's own request)."""

    APPROVE, RETURN = "approve", "return"

    decision = forms.ChoiceField(
        label="Your decision",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to approve the closure or return it to the worker"
        },
    )
    comment = forms.CharField(
        label="Your comments",
        help_text="Why you agree, or what the worker needs to do before the case can close.",
        widget=textarea(5),
        required=False,  # the services say what is missing for each decision
    )
    override_reason = forms.CharField(
        label="Reason for approving despite the concerns",
        help_text=(
            "Only if you approve. Say why the child is safe although the checks found the "
            "concerns listed above. This override is recorded and listed."
        ),
        widget=textarea(5),
        required=False,
    )

    def __init__(self, *args, can_approve: bool = True, with_override: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(self.RETURN, "Return it to the worker")]
        if can_approve:
            choices.insert(0, (self.APPROVE, "Approve the closure"))
        self.fields["decision"].choices = choices
        if not (can_approve and with_override):
            del self.fields["override_reason"]

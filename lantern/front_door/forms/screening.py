"""Forms for screening a child on a contact and deciding what happens."""

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lantern.front_door.codes import CLOSING_OUTCOMES, Outcome, PrimaryNeed, ReferralSource
from lantern.front_door.forms.common import (
    W20,
    FrontDoorForm,
    GovukDateField,
    GovukTimeField,
    HintedRadioSelect,
    aware,
    date_input,
    textarea,
)
from lantern.front_door.models import Threshold

DATE_HINT = "For example 27/03/2026"


class HistorySummaryForm(FrontDoorForm):
    summary = forms.CharField(
        label="Summary of the child's history",
        widget=textarea(6),
        help_text="What the history above tells you about this child's safety now: patterns, "
        "earlier concerns and what was done about them, and what is open. Kept with the "
        "history as it was shown to you.",
        error_messages={"required": "Write a summary of the child's history"},
    )
    # When the summary on the page was last saved ("" for none), so two writers cannot
    # silently overwrite each other.
    seen_updated_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def seen(self):
        value = self.cleaned_data.get("seen_updated_at") or ""
        return parse_datetime(value) if value else None


class ScreeningForm(FrontDoorForm):
    threshold = forms.ModelChoiceField(
        label="Level of need",
        queryset=Threshold.objects.all(),
        empty_label=None,
        widget=HintedRadioSelect(hint_for=lambda t: t.descriptor),
        help_text="Judged against the local threshold document",
        error_messages={"required": "Select the level of need"},
    )
    threshold_rationale = forms.CharField(
        label="Why are the child's needs at this level?",
        widget=textarea(4),
        error_messages={"required": "Explain why the child's needs are at this level"},
    )
    recommendation = forms.ChoiceField(
        label="Your recommendation",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select your recommendation"},
    )
    recommendation_rationale = forms.CharField(
        label="Why do you recommend this?",
        widget=textarea(4),
        error_messages={"required": "Explain your recommendation"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["threshold"].label_from_instance = lambda t: f"Level {t.level}: {t.name}"


class PartnerCheckForm(FrontDoorForm):
    agency = forms.ChoiceField(
        label="Agency",
        choices=[("", "Choose the agency"), *ReferralSource.choices],
        error_messages={"required": "Choose the agency"},
    )
    organisation = forms.CharField(
        label="Organisation (optional)",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=W20),
        help_text="For example the school or GP practice",
    )
    checked_on = GovukDateField(
        label="Date of the check",
        help_text=DATE_HINT,
        widget=date_input(),
        error_messages={
            "required": "Enter the date of the check",
            "invalid": "Enter the date as day/month/year",
        },
    )
    learned = forms.CharField(
        label="What did they tell you?",
        widget=textarea(5),
        error_messages={"required": "Enter what the agency told you"},
    )
    asked_to_speak_to_child = forms.BooleanField(
        required=False,
        label="The partner was asked to speak to the child to inform the decision",
        help_text="This is flagged for managers (finding FD10): speaking to the child about the "
        "concern is the social worker's job, not the partner's.",
    )


class MoreInformationForm(FrontDoorForm):
    aliases = {"proposed_due_at": "due_date"}

    reason = forms.CharField(
        label="What information is needed, and why?",
        widget=textarea(4),
        error_messages={"required": "Enter what information is needed and why"},
    )
    due_date = GovukDateField(
        label="New date for the decision",
        help_text=DATE_HINT,
        widget=date_input(),
        error_messages={
            "required": "Enter the new date for the decision",
            "invalid": "Enter the date as day/month/year",
        },
    )
    due_time = GovukTimeField(
        label="New time for the decision",
        help_text="24-hour clock, for example 16:30",
        error_messages={
            "required": "Enter the new time for the decision",
            "invalid": "Enter the time as hours and minutes, for example 16:30",
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("due_date") and data.get("due_time"):
            data["proposed_due_at"] = aware(data["due_date"], data["due_time"])
        return data


class InformationAnswerForm(FrontDoorForm):
    answer = forms.ChoiceField(
        label="Do you agree the new time?",
        choices=[("agree", "Yes, agree the new time"), ("decline", "No, the decision cannot wait")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you agree the new time"},
    )
    reason = forms.CharField(
        label="Why can the decision not wait?",
        required=False,
        widget=textarea(3),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == "decline" and not data.get("reason", "").strip():
            self.add_error("reason", "Explain why the decision cannot wait")
        return data


class DecisionForm(FrontDoorForm):
    aliases = {"strategy_at": "strategy_date"}

    outcome = forms.ChoiceField(
        label="Decision",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    primary_need = forms.ChoiceField(
        label="Primary need",
        choices=[("", "Choose the child's primary need"), *PrimaryNeed.choices],
        required=False,
        help_text="For a referral for assessment or a strategy discussion (CIN census category "
        "of need)",
    )
    strategy_date = GovukDateField(
        label="Date of the strategy discussion",
        required=False,
        help_text=DATE_HINT,
        widget=date_input(),
        error_messages={"invalid": "Enter the date as day/month/year"},
    )
    strategy_time = GovukTimeField(
        label="Time of the strategy discussion",
        required=False,
        help_text="24-hour clock, for example 15:00",
        error_messages={"invalid": "Enter the time as hours and minutes, for example 15:00"},
    )
    rationale = forms.CharField(
        label="Why? (rationale)",
        widget=textarea(5),
        error_messages={"required": "Explain the decision"},
    )
    direction = forms.CharField(
        label="Direction: what must be gathered or done next",
        widget=textarea(4),
        error_messages={"required": "Say what must be gathered or done next"},
    )
    direction_owner = forms.CharField(
        label="By whom",
        max_length=200,
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Say who will do it"},
    )
    direction_due = GovukDateField(
        label="By when",
        help_text=DATE_HINT,
        widget=date_input(),
        error_messages={
            "required": "Enter the date it must be done by",
            "invalid": "Enter the date as day/month/year",
        },
    )
    override_reason = forms.CharField(
        label="Why decide this despite the concerns? (override)",
        required=False,
        widget=textarea(3),
        help_text="Needed only for no further action, information and advice, or step down to "
        "early help",
    )

    def __init__(self, *args, concerns=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not concerns:
            del self.fields["override_reason"]

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome == Outcome.STRATEGY:
            day, time = data.get("strategy_date"), data.get("strategy_time")
            if not day:
                self.add_error("strategy_date", "Enter the date of the strategy discussion")
            if not time:
                self.add_error("strategy_time", "Enter the time of the strategy discussion")
            data["strategy_at"] = aware(day, time) if day and time else None
        else:
            data["strategy_at"] = None
        if outcome not in (Outcome.ASSESSMENT, Outcome.STRATEGY):
            data["primary_need"] = ""
        elif not data.get("primary_need"):
            self.add_error("primary_need", "Select the child's primary need")
        if outcome not in CLOSING_OUTCOMES:
            data["override_reason"] = ""
        due = data.get("direction_due")
        if due and due < timezone.localdate():
            self.add_error("direction_due", "The date must be today or in the future")
        return data

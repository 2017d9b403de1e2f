"""Forms for plans. They parse and validate input only; the services decide anything that needs
other records (house style §5). A form that edits a row carries the version it was opened at,
so a second writer is told rather than silently overwritten."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.common.forms import GovukDateField
from lantern.front_door.forms.common import W20, FrontDoorForm, date_input, textarea
from lantern.plans.codes import CategoryOfAbuse
from lantern.plans.models import Plan, PlanAction

MAX_TEXT = 20_000


def date_field(label: str, required_message: str = "", **kwargs) -> GovukDateField:
    return GovukDateField(
        label=label,
        help_text=kwargs.pop("help_text", "For example 27/03/2026"),
        widget=date_input(),
        error_messages={"required": required_message, "invalid": "Enter a real date"},
        **kwargs,
    )


def text_field(label: str, required_message: str = "", *, rows: int = 4, **kwargs):
    """A free-text box about the child: the practice-language check reads it as it is typed
    (data-language-check) and when it is saved."""
    widget = textarea(rows)
    widget.attrs["data-language-check"] = ""
    return forms.CharField(
        label=label,
        widget=widget,
        max_length=MAX_TEXT,
        error_messages={
            "required": required_message,
            "max_length": f"Keep this to {MAX_TEXT:,} characters or fewer",
        },
        **kwargs,
    )


class VersionedForm(FrontDoorForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PlanStartForm(FrontDoorForm):
    """Start a child in need plan or a safety plan from one of the child's open referrals
    (child protection plans are started by the initial conference)."""

    kind = forms.ChoiceField(
        label="Which plan?",
        choices=[
            (Plan.Kind.CHILD_IN_NEED, Plan.Kind.CHILD_IN_NEED.label),
            (Plan.Kind.SAFETY, Plan.Kind.SAFETY.label),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a child in need plan or a safety plan",
            "invalid_choice": "Select a child in need plan or a safety plan",
        },
    )
    referral = forms.ModelChoiceField(
        label="Which referral is it for?",
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the referral the plan is for",
            "invalid_choice": "Select one of the child's open referrals",
        },
    )
    start_date = date_field("Start date", "Enter the date the plan starts")

    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = referrals
        self.fields["referral"].label_from_instance = lambda r: (
            f"Referral of {r.referral_date:%-d %B %Y} ({r.get_primary_need_display()})"
        )

    def clean_start_date(self):
        value = self.cleaned_data["start_date"]
        if value > timezone.localdate():
            raise ValidationError("The plan cannot start in the future")
        return value


class PlanEditForm(VersionedForm):
    summary = text_field(
        "What is the plan for?",
        required=False,
        help_text="In plain words: what must change for the child, and why",
    )
    review_date = date_field(
        "Review date", required=False, help_text="When the plan will next be reviewed"
    )


class NeedForm(VersionedForm):
    description = text_field(
        "Need or risk",
        "Describe the need or risk",
        rows=3,
        help_text="What the child needs, or what they are at risk of, in plain words: for "
        "example ‘Amy is not safe when her father has been drinking’",
    )


class NewNeedForm(NeedForm):
    version = None


class RemoveForm(VersionedForm):
    reason = forms.CharField(
        label="Why is it being removed?",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
        error_messages={
            "required": "Give the reason it is being removed",
            "max_length": "Keep the reason to 200 characters or fewer",
        },
    )


class NeedRemoveForm(RemoveForm):
    version = None


class ActionForm(VersionedForm):
    """What will be done, by whom, by when and how everyone will know it worked. `owners`
    maps each owner choice ("person:12", "user:3", "agency:police") to (label, kind, value)."""

    aliases = {"action": "text", "owner_person": "owner", "owner_user": "owner"}

    text = text_field("What will be done", "Enter what will be done", rows=3)
    need = forms.ChoiceField(
        label="Which need does it meet?",
        required=False,
        error_messages={"invalid_choice": "Choose one of this plan's needs"},
    )
    owner = forms.ChoiceField(
        label="Who will do it?",
        required=False,
        help_text="Someone in the child's family network, a worker, or an agency",
        error_messages={"invalid_choice": "Choose who will do it from the list"},
    )
    owner_name = forms.CharField(
        label="Named contact at the agency",
        required=False,
        max_length=120,
        help_text="Where known: who at the agency will do it",
        widget=forms.TextInput(attrs=W20),
        error_messages={"max_length": "Keep the contact's name to 120 characters or fewer"},
    )
    due_date = date_field("By when", required=False)
    outcome = text_field(
        "How will everyone know it has been done and has worked?",
        required=False,
        rows=3,
        help_text="A measurable outcome: for example ‘Amy attends school every day for 4 "
        "weeks (school register)’",
    )

    def __init__(self, *args, owners: dict, needs: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = owners
        self.fields["owner"].choices = [("", "Not decided yet")] + [
            (value, label) for value, (label, _kind, _obj) in owners.items()
        ]
        self.fields["need"].choices = [("", "Not linked to a need")] + [
            (str(need.pk), f"Need {n}: {need.description[:80]}") for n, need in needs
        ]
        self.needs = {str(need.pk): need for _n, need in needs}

    def clean(self):
        data = super().clean()
        owner = data.get("owner")
        if owner and self.owners.get(owner, (None, None))[1] != "agency":
            data["owner_name"] = ""
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        out = {
            "owner_person": None,
            "owner_user": None,
            "owner_agency": "",
            "owner_name": d["owner_name"].strip(),
            "due_date": d["due_date"],
            "outcome": d["outcome"],
            "need": self.needs.get(d["need"]),
        }
        if d["owner"]:
            _label, kind, value = self.owners[d["owner"]]
            out[
                {"person": "owner_person", "user": "owner_user", "agency": "owner_agency"}[kind]
            ] = value
        return out


class NewActionForm(ActionForm):
    version = None


class FinaliseForm(VersionedForm):
    pass


class EndForm(FrontDoorForm):
    end_date = date_field("End date", "Enter the date the plan ended")
    reason = forms.CharField(
        label="Why did the plan end?",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
        help_text="For example ‘The child's needs are met’ or ‘Stepped up to a child "
        "protection plan’",
        error_messages={
            "required": "Give the reason the plan ended",
            "max_length": "Keep the reason to 200 characters or fewer",
        },
    )

    def clean_end_date(self):
        value = self.cleaned_data["end_date"]
        if value > timezone.localdate():
            raise ValidationError("The end date cannot be in the future")
        return value


class CategoryForm(VersionedForm):
    category = forms.ChoiceField(
        label="Latest category of abuse",
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the category of abuse"},
    )
    reason = forms.CharField(
        label="Why has it changed?",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
        help_text="For example ‘Agreed at the review conference on 3 March 2026’",
        error_messages={"max_length": "Keep the reason to 100 characters or fewer"},
    )


class ReviewForm(FrontDoorForm):
    """A review of the plan, with the progress on each open action: status_<pk> and
    note_<pk> for each. `actions` are the open actions' ActionRows (number, action)."""

    held_on = date_field("Date of the review", "Enter the date of the review")
    summary = text_field(
        "What has changed for the child?",
        required=False,
        help_text="What is better, what is not, and what the child and family said",
    )
    next_review_date = date_field("Date of the next review", required=False)

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = actions
        for row in actions:
            pk, n = row.action.pk, row.number
            self.fields[f"status_{pk}"] = forms.ChoiceField(
                label=f"Progress on action {n}",
                choices=PlanAction.Status.choices,
                initial=row.action.status,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--small"}),
                error_messages={"required": f"Select the progress on action {n}"},
            )
            note = text_field(f"What has happened on action {n}?", required=False, rows=2)
            self.fields[f"note_{pk}"] = note

    def clean_held_on(self):
        value = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise ValidationError("The date of the review cannot be in the future")
        return value

    def clean(self):
        data = super().clean()
        held, after = data.get("held_on"), data.get("next_review_date")
        if held and after and after <= held:
            self.add_error("next_review_date", "The next review must be after this one")
        return data

    @property
    def main_fields(self):
        return [self["held_on"], self["summary"], self["next_review_date"]]

    @property
    def action_fields(self):
        return [
            (row, self[f"status_{row.action.pk}"], self[f"note_{row.action.pk}"])
            for row in self.actions
        ]

    def progress(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {
            row.action.pk: (d[f"status_{row.action.pk}"], d[f"note_{row.action.pk}"])
            for row in self.actions
        }

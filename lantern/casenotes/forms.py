"""Forms for case notes. They parse input; the rules (a visit says whether the child was seen,
seen alone only if seen, not in the future) are the service's, shown on the fields they
concern."""

from django import forms

from lantern.casenotes.models import CaseNote
from lantern.front_door.forms.common import FrontDoorForm
from lantern.plans.forms import date_field, text_field

SEEN = [("yes", "Yes"), ("no", "No"), ("", "Not applicable")]
SEEN_ALONE = [("yes", "Yes"), ("no", "No"), ("", "Not applicable")]
AS_BOOL = {"yes": True, "no": False, "": None}


def as_choice(value: bool | None) -> str:
    return {True: "yes", False: "no", None: ""}[value]


class CaseNoteForm(FrontDoorForm):
    """`others` are (person, label) for the children in the child's family network: the note
    may also be about them."""

    kind = forms.ChoiceField(
        label="Type of note",
        choices=CaseNote.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of note"},
    )
    occurred_on = date_field("Date", "Enter the date", help_text="When it happened")
    title = forms.CharField(
        label="Title",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
        error_messages={
            "required": "Enter a title",
            "max_length": "Keep the title to 200 characters or fewer",
        },
    )
    text = text_field(
        "Note",
        "Enter the note",
        rows=10,
        help_text="What happened, what the child said and did, and what happens next",
    )
    child_seen = forms.ChoiceField(
        label="Was the child seen?",
        choices=SEEN,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        help_text="A visit must say whether the child was seen",
    )
    seen_alone = forms.ChoiceField(
        label="Was the child seen alone?",
        choices=SEEN_ALONE,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        help_text="Only if the child was seen",
    )
    also_about = forms.MultipleChoiceField(
        label="Is the note also about any of these children?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="It will appear on their records too",
        error_messages={"invalid_choice": "Choose children from the family network"},
    )

    def __init__(self, *args, others: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.others = {str(p.pk): p for p, _label in others}
        if others:
            self.fields["also_about"].choices = [(str(p.pk), label) for p, label in others]
        else:
            del self.fields["also_about"]

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "kind": d["kind"],
            "occurred_on": d["occurred_on"],
            "title": d["title"],
            "text": d["text"],
            "child_seen": AS_BOOL[d["child_seen"]],
            "seen_alone": AS_BOOL[d["seen_alone"]],
            "also_about": [self.others[pk] for pk in d.get("also_about", [])],
        }


class CorrectionForm(CaseNoteForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label="Why is the note being corrected?",
        max_length=100,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
        help_text="The original is kept, with this reason",
        error_messages={
            "required": "Give the reason for the correction",
            "max_length": "Keep the reason to 100 characters or fewer",
        },
    )


class KindFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of note",
        choices=[("", "All types"), *CaseNote.Kind.choices],
        required=False,
    )

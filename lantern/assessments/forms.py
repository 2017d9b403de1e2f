"""Forms for assessments. They only parse what was typed; the services decide what may be
saved and submitted."""

from django import forms
from django.core.exceptions import ValidationError

from lantern.assessments.codes import AssessmentFactorCode
from lantern.assessments.models import SECTION_LABELS, Assessment
from lantern.common.forms import GovukDateField, GovukForm
from lantern.front_door.codes import Agency


def _text(rows: int = 8) -> forms.Textarea:
    # data-language-check: the practice-language hint while writing (AP4).
    return forms.Textarea(attrs={"rows": rows, "data-language-check": True, "spellcheck": "true"})


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"class": "govuk-input--width-10"}, format="%d/%m/%Y")


DATE_HINT = "For example, 27/03/2026"


class ServiceErrorsMixin:
    """Puts a service's ValidationError on the form: each message on its field when the form
    has it, otherwise above the form."""

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for name, errors in error.error_dict.items():
            for e in errors:
                self.add_error(name if name in self.fields else None, e.messages[0])


class AssessmentStartForm(ServiceErrorsMixin, GovukForm):
    start_date = GovukDateField(
        label="Date the assessment started",
        help_text=DATE_HINT,
        widget=_date(),
        error_messages={
            "required": "Enter the date the assessment started",
            "invalid": "Enter the date the assessment started as a real date, like 27/03/2026",
        },
    )
    kind = forms.ChoiceField(
        label="Kind of assessment",
        choices=Assessment.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of assessment"},
    )


YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


STALE = "This page is out of date: reload it and make your changes again"


class AssessmentForm(ServiceErrorsMixin, GovukForm):
    """Every section of the draft. Nothing is required here: a draft is saved as it is
    written; submitting checks the sections are complete."""

    version = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": STALE, "invalid": STALE}
    )
    lived_experience = forms.CharField(
        label=SECTION_LABELS["lived_experience"],
        required=False,
        widget=_text(),
        help_text="What a day is like for the child: who cares for them, where they sleep, "
        "school or nursery, friends, what they enjoy and what worries them.",
    )
    voice_how = forms.CharField(
        label=SECTION_LABELS["voice_how"],
        required=False,
        widget=_text(5),
        help_text="When and where you saw the child, who else was there, and how you helped "
        "them share their views (words, play, drawings, an advocate, an interpreter).",
    )
    voice_said = forms.CharField(
        label=SECTION_LABELS["voice_said"],
        required=False,
        widget=_text(),
        help_text="In the child's own words where you can, or how a baby or a child who does "
        "not speak showed how they feel.",
    )
    child_seen_on = GovukDateField(
        label="Date the child was seen",
        required=False,
        help_text=DATE_HINT,
        widget=_date(),
        error_messages={"invalid": "Enter the date the child was seen as a real date"},
    )
    seen_alone = forms.TypedChoiceField(
        label="Was the child seen alone?",
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    not_seen_alone_reason = forms.CharField(
        label=SECTION_LABELS["not_seen_alone_reason"],
        required=False,
        widget=_text(3),
    )
    identity_needs = forms.CharField(
        label=SECTION_LABELS["identity_needs"],
        required=False,
        widget=_text(),
        help_text="How the child's ethnicity, culture, language, religion, any disability, "
        "gender and identity shape their needs and experience, and how the assessment took "
        "them into account.",
    )
    history_analysis = forms.CharField(
        label=SECTION_LABELS["history_analysis"],
        required=False,
        widget=_text(10),
        help_text="What the child's and family's history shows: patterns, repeated concerns "
        "and the cumulative impact on the child. The child's chronology is shown beside this.",
    )
    parenting_capacity = forms.CharField(
        label=SECTION_LABELS["parenting_capacity"],
        required=False,
        widget=_text(),
        help_text="Basic care, safety, emotional warmth, stimulation, guidance and boundaries, "
        "and stability, and how each parent or carer meets the child's needs.",
    )
    family_environment = forms.CharField(
        label=SECTION_LABELS["family_environment"],
        required=False,
        widget=_text(),
        help_text="Wider family, housing, income, employment, the community and the family's "
        "support network.",
    )
    analysis = forms.CharField(
        label=SECTION_LABELS["analysis"],
        required=False,
        widget=_text(10),
        help_text="What all of this means for the child: the risks and strengths, what needs "
        "to change and what will happen if it does not.",
    )
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment",
        required=False,
        choices=[(c.value, f"{c.value} – {c.label}") for c in AssessmentFactorCode],
        widget=forms.CheckboxSelectMultiple,
        help_text="The children in need census factors. Select every factor that applies, or "
        "'No factors identified' on its own.",
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=Assessment.Outcome.choices,
        widget=forms.RadioSelect,
    )
    outcome_reason = forms.CharField(
        label=SECTION_LABELS["outcome_reason"],
        required=False,
        widget=_text(5),
    )

    def sections(self) -> dict:
        """What the service takes, from the cleaned data."""
        data = dict(self.cleaned_data)
        data.pop("version")
        return data

    @classmethod
    def initial_for(cls, assessment: Assessment, factors: list[str]) -> dict:
        initial = {name: getattr(assessment, name) for name in cls.base_fields if name != "factors"}
        initial["seen_alone"] = {True: "yes", False: "no"}.get(assessment.seen_alone)
        initial["factors"] = factors
        return initial


class ConsulteeForm(ServiceErrorsMixin, GovukForm):
    """Someone consulted: a family member chosen from the child's network, or a professional."""

    FAMILY, PROFESSIONAL = "family", "professional"

    who = forms.ChoiceField(
        label="Who did you consult?",
        choices=[
            (FAMILY, "Someone in the child's family network"),
            (PROFESSIONAL, "A professional"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you consulted family or a professional"},
    )
    person = forms.ChoiceField(label="Family member", required=False)
    relationship = forms.CharField(
        label="Relationship or role",
        required=False,
        max_length=80,
        help_text="To the child, for example 'Maternal grandmother' or 'Class teacher'. For "
        "family it defaults to the relationship on the child's record.",
    )
    professional_name = forms.CharField(label="Professional's name", required=False, max_length=120)
    agency = forms.ChoiceField(
        label="Agency",
        required=False,
        choices=[("", "Select an agency"), *Agency.choices],
    )
    what_they_said = forms.CharField(
        label="What they said",
        widget=_text(6),
        error_messages={"required": "Enter what they said"},
    )
    consulted_on = GovukDateField(
        label="Date consulted",
        help_text=DATE_HINT,
        widget=_date(),
        error_messages={
            "required": "Enter the date you consulted them",
            "invalid": "Enter the date you consulted them as a real date",
        },
    )

    def __init__(self, *args, network=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.network = {m.person.pk: m for m in network}
        self.fields["person"].choices = [("", "Select a family member")] + [
            (m.person.pk, f"{m.person.full_name} ({m.relation.lower()})") for m in network
        ]

    def clean(self):
        data = super().clean()
        who = data.get("who")
        if who == self.FAMILY:
            if not data.get("person"):
                self.add_error("person", "Select the family member you consulted")
        elif who == self.PROFESSIONAL:
            if not (data.get("professional_name") or "").strip():
                self.add_error("professional_name", "Enter the professional's name")
            if not data.get("agency"):
                self.add_error("agency", "Select the professional's agency")
        return data

    def member(self):
        """The chosen family member's Person, or None for a professional."""
        if self.cleaned_data["who"] != self.FAMILY:
            return None
        return self.network[int(self.cleaned_data["person"])].person


class ConsulteeEndForm(ServiceErrorsMixin, GovukForm):
    reason = forms.CharField(
        label="Why are you removing them?",
        required=False,
        max_length=200,
        help_text="For example, 'Added twice' or 'Recorded on the wrong assessment'.",
    )


class SubmitForm(ServiceErrorsMixin, GovukForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": STALE, "invalid": STALE}
    )


class DecisionForm(ServiceErrorsMixin, GovukForm):
    AUTHORISE, RETURN = "authorise", "return"

    version = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": STALE, "invalid": STALE}
    )
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            (AUTHORISE, "Authorise the assessment"),
            (RETURN, "Return it to the worker with what needs to change"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to authorise or return the assessment"},
    )
    comments = forms.CharField(
        label="Your comments",
        widget=forms.Textarea(attrs={"rows": 6, "data-language-check": True}),
        help_text="Your analysis of the assessment and its outcome, or what the worker needs "
        "to change.",
        error_messages={"required": "Enter your comments on the assessment"},
    )


class CompareForm(forms.Form):
    """Which two versions the versions page compares."""

    older = forms.TypedChoiceField(label="Compare version", coerce=int)
    newer = forms.TypedChoiceField(label="with version", coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        self.fields["older"].choices = choices
        self.fields["newer"].choices = choices

from django import forms

from lantern.common.forms import GovukDateField, GovukForm
from lantern.people.codes import (
    Disability,
    Ethnicity,
    ImmigrationStatus,
    RelationshipType,
    Sex,
    WarningKind,
)
from lantern.people.validators import (
    normalise_postcode,
    validate_nhs_number,
    validate_postcode,
    validate_upn,
)

W10 = {"class": "govuk-input--width-10"}
W20 = {"class": "govuk-input--width-20"}


class SearchForm(GovukForm):
    name = forms.CharField(
        required=False, help_text="Any order, nicknames and misspellings are fine"
    )
    dob = forms.CharField(
        label="Date of birth",
        required=False,
        help_text="For example 27/03/2015, or just the year, 2015",
        widget=forms.TextInput(attrs=W10),
    )
    postcode = forms.CharField(required=False, widget=forms.TextInput(attrs=W10))
    nhs_number = forms.CharField(
        label="NHS number", required=False, widget=forms.TextInput(attrs=W10)
    )

    def clean(self):
        data = super().clean()
        if not any(data.get(k) for k in ("name", "dob", "postcode", "nhs_number")):
            raise forms.ValidationError(
                "Enter a name, date of birth, postcode or NHS number to search"
            )
        return data


class PersonForm(GovukForm):
    first_name = forms.CharField(required=False, max_length=100, widget=forms.TextInput(attrs=W20))
    middle_names = forms.CharField(
        required=False, max_length=200, widget=forms.TextInput(attrs=W20)
    )
    last_name = forms.CharField(
        max_length=100,
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Enter the person's last name"},
    )
    known_as = forms.CharField(required=False, max_length=100, widget=forms.TextInput(attrs=W20))
    date_of_birth = GovukDateField(
        required=False, help_text="For example 27/03/2015", widget=forms.TextInput(attrs=W10)
    )
    expected_date_of_birth = GovukDateField(
        required=False,
        help_text="For an unborn child only",
        widget=forms.TextInput(attrs=W10),
    )
    sex = forms.ChoiceField(choices=Sex.choices, widget=forms.RadioSelect, initial=Sex.UNKNOWN)
    gender_identity = forms.CharField(required=False, max_length=100)
    ethnicity = forms.ChoiceField(choices=Ethnicity.choices, initial=Ethnicity.NOBT)
    first_language = forms.CharField(
        required=False, max_length=60, widget=forms.TextInput(attrs=W20)
    )
    interpreter_needed = forms.BooleanField(required=False, label="Needs an interpreter")
    religion = forms.CharField(required=False, max_length=60, widget=forms.TextInput(attrs=W20))
    disabilities = forms.MultipleChoiceField(
        choices=Disability.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    immigration_status = forms.ChoiceField(
        choices=[("", "Not recorded"), *ImmigrationStatus.choices], required=False
    )
    uasc = forms.BooleanField(required=False, label="Unaccompanied asylum-seeking child")
    nhs_number = forms.CharField(
        label="NHS number",
        required=False,
        validators=[validate_nhs_number],
        widget=forms.TextInput(attrs=W10),
    )
    upn = forms.CharField(
        label="Unique pupil number (UPN)",
        required=False,
        validators=[validate_upn],
        widget=forms.TextInput(attrs=W10),
    )
    phone = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs=W20))
    email = forms.EmailField(required=False)

    def clean(self):
        data = super().clean()
        if data.get("date_of_birth") and data.get("expected_date_of_birth"):
            self.add_error(
                "expected_date_of_birth",
                "Enter either a date of birth or an expected date of birth, not both",
            )
        return data

    def details(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("disabilities", None)
        for key in (
            "address_line1",
            "address_town",
            "address_postcode",
            "confirm_new",
            "seen_updated_at",
        ):
            data.pop(key, None)
        return data


class NewPersonForm(PersonForm):
    address_line1 = forms.CharField(label="Address line 1", required=False)
    address_town = forms.CharField(
        label="Town or city", required=False, widget=forms.TextInput(attrs=W20)
    )
    address_postcode = forms.CharField(
        label="Postcode",
        required=False,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs=W10),
    )
    confirm_new = forms.BooleanField(
        required=False,
        label="None of the people listed is this person: create a new record",
        widget=forms.HiddenInput,
    )

    def clean(self):
        data = super().clean()
        if data.get("address_postcode") and not data.get("address_line1"):
            self.add_error("address_line1", "Enter the first line of the address")
        return data

    def address(self) -> dict | None:
        d = self.cleaned_data
        if not d.get("address_line1"):
            return None
        return {
            "line1": d["address_line1"],
            "town": d.get("address_town", ""),
            "postcode": normalise_postcode(d.get("address_postcode", "")),
        }


class EditPersonForm(PersonForm):
    seen_updated_at = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Reason for the change",
        required=False,
        help_text="For example: birth certificate seen",
    )

    def details(self) -> dict:
        data = super().details()
        data.pop("reason", None)
        return data


class BreakGlassForm(GovukForm):
    reason = forms.CharField(
        label="Why do you need to open this record?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Your reason is recorded and shown to managers",
        error_messages={"required": "Enter why you need to open this record"},
    )


class WarningForm(GovukForm):
    kind = forms.ChoiceField(label="Type of warning", choices=WarningKind.choices)
    detail = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the warning is about"},
    )
    review_date = GovukDateField(
        help_text="When the warning must be reviewed, for example 27/03/2027",
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": "Enter the date the warning must be reviewed by"},
    )


class WarningEndForm(GovukForm):
    reason = forms.CharField(
        label="Why is this warning ending?",
        error_messages={"required": "Enter why the warning is ending"},
    )


class WarningReviewForm(GovukForm):
    next_review_date = GovukDateField(
        widget=forms.TextInput(attrs=W10), error_messages={"required": "Enter the next review date"}
    )
    note = forms.CharField(
        label="What did the review find?",
        error_messages={"required": "Enter what the review found"},
    )


class AddressForm(GovukForm):
    line1 = forms.CharField(
        label="Address line 1", error_messages={"required": "Enter the first line of the address"}
    )
    line2 = forms.CharField(label="Address line 2", required=False)
    town = forms.CharField(label="Town or city", required=False, widget=forms.TextInput(attrs=W20))
    postcode = forms.CharField(
        validators=[validate_postcode],
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": "Enter the postcode"},
    )
    from_date = GovukDateField(
        label="Date moved in",
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": "Enter the date they moved in"},
    )


class RelationshipForm(GovukForm):
    other_person_id = forms.CharField(
        label="Person ID of the relative",
        help_text="Find them with 'Find a person' first; for example L100234",
        widget=forms.TextInput(attrs=W10),
    )
    type = forms.ChoiceField(
        label="They are this person's…",
        choices=RelationshipType.choices,
    )
    from_date = GovukDateField(required=False, widget=forms.TextInput(attrs=W10))
    parental_responsibility = forms.BooleanField(
        required=False, label="Holds parental responsibility for this child"
    )


class AnnotateForm(GovukForm):
    significant = forms.BooleanField(required=False, label="This is a significant event")
    note = forms.CharField(
        label="Analysis",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What this event means for the child; the original entry is not changed",
    )


class ChronologyFilterForm(GovukForm):
    kind = forms.MultipleChoiceField(
        required=False, label="Type", widget=forms.CheckboxSelectMultiple
    )
    date_from = GovukDateField(required=False, label="From", widget=forms.TextInput(attrs=W10))
    date_to = GovukDateField(required=False, label="To", widget=forms.TextInput(attrs=W10))
    significant = forms.BooleanField(required=False, label="Significant events only")

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kinds)


class MergeForm(GovukForm):
    survivor = forms.ChoiceField(
        label="Which record should remain?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the record that should remain"},
    )
    reason = forms.CharField(
        label="Why are these the same person?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why these records are the same person"},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = list(choices)


class ReasonForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Enter a reason"}
    )


class ImportForm(GovukForm):
    file = forms.FileField(label="CSV file", help_text="UTF-8, with a header row")


class AllocationForm(GovukForm):
    team = forms.ModelChoiceField(
        queryset=None, empty_label="Choose a team", error_messages={"required": "Choose the team"}
    )
    worker = forms.ModelChoiceField(queryset=None, required=False, empty_label="No worker yet")
    start_date = GovukDateField(
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": "Enter the date the allocation starts"},
    )
    reason = forms.CharField(
        label="Reason for the change",
        required=False,
        help_text="For example: worker left, case stepped up",
    )

    def __init__(self, *args, **kwargs):
        from lantern.accounts.models import Team, User
        from lantern.accounts.roles import Role

        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.exclude(kind=Team.Kind.PARTNER)
        self.fields["worker"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.SOCIAL_WORKER, Role.TEAM_MANAGER]
        )

    def clean(self):
        data = super().clean()
        worker, team = data.get("worker"), data.get("team")
        if worker and team and worker.team_id != team.pk:
            self.add_error("worker", f"{worker} is not in {team}")
        return data


class RestrictionForm(GovukForm):
    restricted = forms.BooleanField(required=False, label="Restrict this record")
    reason = forms.CharField(
        label="Why?",
        help_text="For example: adoption, a relative of a member of staff",
        error_messages={"required": "Enter why access to this record is changing"},
    )
    named_user = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Name someone who may open it without a reason",
        empty_label="Nobody new",
    )

    def __init__(self, *args, **kwargs):
        from lantern.accounts.models import User
        from lantern.accounts.roles import Role

        super().__init__(*args, **kwargs)
        self.fields["named_user"].queryset = User.objects.filter(is_active=True).exclude(
            role__in=[Role.PARTNER, Role.ANALYST, Role.ADMINISTRATOR]
        )


class AllocationEndForm(GovukForm):
    end_date = GovukDateField(
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": "Enter the date the allocation ends"},
    )
    reason = forms.CharField(
        label="Why is the allocation ending?",
        error_messages={"required": "Enter why the allocation is ending"},
    )


class PreviousNameForm(GovukForm):
    first_name = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs=W20),
        help_text="Leave blank if only the surname changed",
    )
    last_name = forms.CharField(
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Enter the previous last name"},
    )
    from_date = GovukDateField(required=False, label="Used from", widget=forms.TextInput(attrs=W10))
    to_date = GovukDateField(required=False, label="Used until", widget=forms.TextInput(attrs=W10))

    def clean(self):
        data = super().clean()
        if data.get("from_date") and data.get("to_date") and data["to_date"] < data["from_date"]:
            self.add_error("to_date", "The date used until must be after the date used from")
        return data

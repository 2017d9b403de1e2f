"""Forms for a concern arriving: a contact recorded by a front-door worker, and a partner's
multi-agency referral."""

from django import forms
from django.utils import timezone

from lantern.front_door.codes import (
    Channel,
    ConcernCategory,
    Consent,
    ConsentNotSoughtReason,
    ReferralSource,
)
from lantern.front_door.forms.common import (
    W10,
    W20,
    FrontDoorForm,
    GovukDateField,
    GovukTimeField,
    aware,
    date_input,
    textarea,
)
from lantern.people.codes import Sex
from lantern.people.validators import normalise_postcode, validate_nhs_number, validate_postcode

SOURCE_CHOICES = [("", "Choose the agency"), *ReferralSource.choices]
# How a front-door worker receives a contact (the form and the API are the partners' own).
WORKER_CHANNELS = [
    (c.value, c.label) for c in (Channel.PHONE, Channel.EMAIL, Channel.IN_PERSON, Channel.LETTER)
]
MAX_CHILDREN = 4


class ChildSearchForm(FrontDoorForm):
    name = forms.CharField(
        required=False, help_text="Any order, nicknames and misspellings are fine"
    )
    dob = forms.CharField(
        label="Date of birth",
        required=False,
        help_text="For example 27/03/2015, or just the year, 2015",
        widget=forms.TextInput(attrs=W10),
    )

    def clean(self):
        data = super().clean()
        if not (data.get("name") or data.get("dob")):
            raise forms.ValidationError("Enter the child's name or date of birth to search")
        return data


class ConcernForm(FrontDoorForm):
    """What every contact records about the concern and consent, however it arrives."""

    concern = forms.CharField(
        label="The concern, in the referrer's words",
        widget=textarea(8),
        help_text="What happened, when, what the child said, and why the referrer is worried",
        error_messages={"required": "Enter the concern in the referrer's words"},
    )
    categories = forms.MultipleChoiceField(
        label="What kind of concern is it?",
        choices=ConcernCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    referrer_actions = forms.CharField(
        label="What has the referrer already done?",
        required=False,
        widget=textarea(3),
        help_text="For example: spoke to the child, called a parent, told the police",
    )
    consent = forms.ChoiceField(
        label="Was the family's consent to the referral sought?",
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether consent was sought"},
    )
    consent_not_sought_reason = forms.ChoiceField(
        label="Why was consent not sought?",
        choices=ConsentNotSoughtReason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    consent_detail = forms.CharField(
        label="More about consent (optional)",
        required=False,
        widget=textarea(2),
        help_text="For example who was asked and what they said",
    )
    immediate_risk = forms.BooleanField(
        required=False, label="The referrer thinks the child is at immediate risk of harm"
    )

    def clean(self):
        data = super().clean()
        if data.get("consent") == Consent.NOT_SOUGHT:
            if not data.get("consent_not_sought_reason"):
                self.add_error("consent_not_sought_reason", "Select why consent was not sought")
        else:
            # The reason sits under "Not sought"; a value left there from an earlier choice
            # does not apply.
            data["consent_not_sought_reason"] = ""
        return data

    def concern_fields(self) -> dict:
        d = self.cleaned_data
        return {
            "concern": d["concern"],
            "categories": d["categories"],
            "referrer_actions": d["referrer_actions"],
            "consent": d["consent"],
            "consent_not_sought_reason": d["consent_not_sought_reason"],
            "consent_detail": d["consent_detail"],
            "immediate_risk": d["immediate_risk"],
        }


class ReferrerFields(forms.Form):
    """Who made the contact (mixed into the contact and referral forms)."""

    source = forms.ChoiceField(
        label="Referrer's agency",
        choices=SOURCE_CHOICES,
        error_messages={"required": "Choose the referrer's agency"},
    )
    referrer_organisation = forms.CharField(
        label="Organisation", required=False, max_length=200, widget=forms.TextInput(attrs=W20)
    )
    referrer_name = forms.CharField(
        label="Name", required=False, max_length=200, widget=forms.TextInput(attrs=W20)
    )
    referrer_role = forms.CharField(
        label="Role", required=False, max_length=200, widget=forms.TextInput(attrs=W20)
    )
    referrer_phone = forms.CharField(
        label="Phone number", required=False, max_length=40, widget=forms.TextInput(attrs=W20)
    )
    referrer_email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )

    def referrer(self) -> dict:
        d = self.cleaned_data
        return {
            key: d[f"referrer_{key}"] for key in ("organisation", "name", "role", "phone", "email")
        }


class ContactForm(ReferrerFields, ConcernForm):
    """A contact made by phone, email, in person or by letter, recorded by the front door."""

    aliases = {"received_at": "received_date", "children": "others"}

    others = forms.MultipleChoiceField(
        label="Is the contact also about any of these children?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Their siblings and children in the same household. Each child gets their "
        "own screening and decision.",
    )
    received_date = GovukDateField(
        label="Date received",
        help_text="For example 27/03/2026",
        widget=date_input(),
        error_messages={
            "required": "Enter the date the contact was received",
            "invalid": "Enter the date as day/month/year, for example 27/03/2026",
        },
    )
    received_time = GovukTimeField(
        label="Time received",
        help_text="24-hour clock, for example 14:30",
        error_messages={
            "required": "Enter the time the contact was received",
            "invalid": "Enter the time as hours and minutes, for example 14:30",
        },
    )
    channel = forms.ChoiceField(
        label="How was it made?",
        choices=WORKER_CHANNELS,
        widget=forms.RadioSelect,
        initial=Channel.PHONE,
        error_messages={"required": "Select how the contact was made"},
    )

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        if others:
            self.fields["others"].choices = list(others)
        else:
            del self.fields["others"]

    def clean(self):
        data = super().clean()
        day, time = data.get("received_date"), data.get("received_time")
        if day and time:
            data["received_at"] = aware(day, time)
            if data["received_at"] > timezone.now():
                self.add_error(
                    "received_date", "The date and time received must be now or in the past"
                )
        return data


class ReferralChildForm(FrontDoorForm):
    """One child described by a partner (who cannot search records)."""

    first_name = forms.CharField(
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs=W20),
        help_text="Leave blank for an unborn baby",
    )
    last_name = forms.CharField(
        max_length=100,
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Enter the child's last name"},
    )
    date_of_birth = GovukDateField(
        required=False,
        help_text="For example 27/03/2015. Leave blank if you do not know it",
        widget=date_input(),
        error_messages={"invalid": "Enter the date of birth as day/month/year"},
    )
    sex = forms.ChoiceField(choices=Sex.choices, initial=Sex.UNKNOWN)
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        required=False,
        validators=[validate_nhs_number],
        widget=forms.TextInput(attrs=W10),
    )
    address_line1 = forms.CharField(label="Address line 1", required=False, max_length=200)
    address_town = forms.CharField(
        label="Town or city", required=False, max_length=100, widget=forms.TextInput(attrs=W20)
    )
    address_postcode = forms.CharField(
        label="Postcode",
        required=False,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs=W10),
    )

    def __init__(self, *args, number: int, **kwargs):
        kwargs.setdefault("prefix", f"child{number}")
        # Only the first child is required; an untouched group is left out.
        kwargs.setdefault("empty_permitted", number > 1)
        kwargs.setdefault("use_required_attribute", False)
        super().__init__(*args, **kwargs)
        self.number = number

    def clean(self):
        data = super().clean()
        dob = data.get("date_of_birth")
        if dob and dob > timezone.localdate():
            self.add_error("date_of_birth", "The date of birth must be in the past")
        if data.get("address_postcode") and not data.get("address_line1"):
            self.add_error("address_line1", "Enter the first line of the address")
        return data

    def is_described(self) -> bool:
        return self.is_bound and self.has_changed()

    def child(self) -> dict:
        d = self.cleaned_data
        return {
            "first_name": d["first_name"],
            "last_name": d["last_name"],
            "date_of_birth": d["date_of_birth"],
            "sex": d["sex"],
            "nhs_number": (d["nhs_number"] or "").replace(" ", ""),
            "address_line1": d["address_line1"],
            "address_town": d["address_town"],
            "address_postcode": normalise_postcode(d["address_postcode"] or ""),
        }


class ReferralForm(ReferrerFields, ConcernForm):
    """The multi-agency referral form a partner submits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["concern"].label = "What are you worried about?"
        self.fields[
            "concern"
        ].help_text = (
            "In your own words: what happened, when, what the child said, and why you are worried"
        )
        self.fields["concern"].error_messages["required"] = "Enter what you are worried about"
        self.fields["referrer_actions"].label = "What have you already done?"
        self.fields["consent"].label = "Have you asked the family for consent to this referral?"
        self.fields["consent_detail"].help_text = "For example who you asked and what they said"
        self.fields["immediate_risk"].label = "I think the child is at immediate risk of harm"
        self.fields["source"].label = "Your agency"
        self.fields["source"].error_messages["required"] = "Choose your agency"
        for name, label in (
            ("referrer_organisation", "Your organisation"),
            ("referrer_name", "Your name"),
            ("referrer_role", "Your role"),
            ("referrer_phone", "Your phone number"),
            ("referrer_email", "Your email address"),
        ):
            self.fields[name].label = label


# A partner's agency guessed from their organisation's name, to save them choosing it.
_SOURCE_WORDS = [
    (("police", "constabulary"), ReferralSource.S6),
    (("school", "academy", "college", "nursery"), ReferralSource.S2A),
    (("health visit",), ReferralSource.S3B),
    (("surgery", "medical centre", "medical practice", "gp "), ReferralSource.S3A),
    (("hospital", "a&e", "emergency department"), ReferralSource.S3E),
    (("housing", "homes"), ReferralSource.S4),
    (("probation", "court", "cafcass"), ReferralSource.S7),
]


def source_for_organisation(organisation: str) -> str:
    name = f"{organisation.lower()} "
    for words, source in _SOURCE_WORDS:
        if any(word in name for word in words):
            return source.value
    return ""

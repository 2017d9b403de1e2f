"""Serializers for the front door's API: a partner's multi-agency referral (input), what the
partner may see of it afterwards, and the front door's indicators.

Input is strict, because a partner's system that sends the wrong thing should hear about it
rather than have it quietly changed: text must be a JSON string (a number is not a name), true
and false must be JSON booleans, codes must be the documented codes, and unknown fields are
refused (a misspelt field would otherwise be lost without anyone knowing). Every error names its
field; nothing is saved unless the whole referral is valid.
"""

from collections.abc import Mapping

from django.utils import timezone
from rest_framework import serializers

from lantern.front_door.codes import (
    ConcernCategory,
    Consent,
    ConsentNotSoughtReason,
    ReferralSource,
)
from lantern.front_door.services.common import MAX_TEXT
from lantern.people.codes import Sex
from lantern.people.validators import nhs_number_is_valid, normalise_nhs_number, postcode_is_valid
from lantern.timescales.engine import add_months

MAX_CHILDREN = 6
_TOO_LONG = "Keep this to {max_length:,} characters or fewer"


class StrictCharField(serializers.CharField):
    """Text that must arrive as a JSON string."""

    default_error_messages = {"invalid": "Enter this as text (a JSON string)"}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictChoiceField(serializers.ChoiceField):
    """A code that must arrive as a JSON string, one of the documented codes."""

    default_error_messages = {"not_text": 'Send the code as text (a JSON string), like "{input}"'}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_text", input=data)
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """true or false, and nothing else ("yes", 1 and "true" are refused)."""

    default_error_messages = {"invalid": "Enter true or false (a JSON boolean)"}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


def date(**kwargs):
    """A date as yyyy-mm-dd (ISO 8601), and a real one."""
    return serializers.DateField(
        error_messages={"invalid": "Enter a real date as yyyy-mm-dd, like 2016-03-04"}, **kwargs
    )


def text(max_length: int, *, required: bool = True, blank: str | None = None, **kwargs):
    """A text field: required ones refuse blanks with `blank`; optional ones default to ""."""
    messages = {"max_length": _TOO_LONG.format(max_length=max_length)}
    if required:
        messages["required"] = blank or "This field is required"
        messages["blank"] = blank or "This field may not be blank"
        return StrictCharField(max_length=max_length, error_messages=messages, **kwargs)
    return StrictCharField(
        max_length=max_length,
        required=False,
        allow_blank=True,
        default="",
        error_messages=messages,
        **kwargs,
    )


def choice(choices, *, what: str, **kwargs):
    codes = ", ".join(value for value, _ in choices)
    return StrictChoiceField(
        choices=choices,
        error_messages={
            "invalid_choice": f'Unknown {what} "{{input}}": use one of {codes}',
            "required": f"Select the {what}",
        },
        **kwargs,
    )


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, alongside any other errors in the same object."""

    def to_internal_value(self, data):
        errors = {}
        if isinstance(data, Mapping):
            errors = {
                name: ["Unknown field: leave it out, or check how it is spelt"]
                for name in sorted(set(data) - set(self.fields))
            }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            detail = (
                exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
            )
            raise serializers.ValidationError({**detail, **errors}) from exc
        if errors:
            raise serializers.ValidationError(errors)
        return value


class ReferralChildSerializer(StrictSerializer):
    """A child the referral is about, as the partner knows them. Partners cannot search
    records: the front door matches the description to a known child or records a new one."""

    first_name = text(100, required=False)
    last_name = text(100, blank="Enter the child's last name")
    date_of_birth = date(required=False, help_text="yyyy-mm-dd; today or earlier, and under 18")
    expected_date_of_birth = date(
        required=False,
        help_text="yyyy-mm-dd, for an unborn baby (instead of date_of_birth); within 10 months",
    )
    sex = choice(Sex.choices, what="sex", required=False, default=Sex.UNKNOWN)
    nhs_number = text(12, required=False, help_text="10 digits; spaces are ignored")
    address_line1 = text(200, required=False)
    address_town = text(100, required=False)
    address_postcode = text(10, required=False)

    def validate_date_of_birth(self, value):
        today = timezone.localdate()
        if value > today:
            raise serializers.ValidationError("The date of birth must be today or in the past")
        if add_months(value, 12 * 18) <= today:
            raise serializers.ValidationError(
                "A referral is for a child under 18: this date of birth is 18 or more years ago"
            )
        return value

    def validate_expected_date_of_birth(self, value):
        today = timezone.localdate()
        if value < add_months(today, -1):
            raise serializers.ValidationError(
                "This date has passed: if the baby has been born, give their date of birth"
            )
        if value > add_months(today, 10):
            raise serializers.ValidationError(
                "The expected date of birth must be within 10 months from today"
            )
        return value

    def validate_nhs_number(self, value):
        if not value:
            return value
        if not nhs_number_is_valid(value):
            raise serializers.ValidationError(
                "Enter a valid NHS number, like 943 476 5919 (10 digits, the last is a check digit)"
            )
        return normalise_nhs_number(value)

    def validate_address_postcode(self, value):
        if value and not postcode_is_valid(value):
            raise serializers.ValidationError("Enter a real UK postcode, like DN31 1HU")
        return value

    def validate(self, attrs):
        errors = {}
        if attrs.get("date_of_birth") and attrs.get("expected_date_of_birth"):
            errors["expected_date_of_birth"] = (
                "Give either the date of birth or the expected date of birth, not both"
            )
        if attrs.get("address_line1") or attrs.get("address_postcode") or attrs.get("address_town"):
            if not attrs.get("address_line1"):
                errors["address_line1"] = "Enter the first line of the child's address"
            if not attrs.get("address_postcode"):
                errors["address_postcode"] = "Enter the postcode of the child's address"
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ReferrerSerializer(StrictSerializer):
    """The person making the referral, so the front door can reach them and tell them the
    outcome."""

    organisation = text(200, blank="Enter the organisation you work for")
    name = text(200, blank="Enter your name")
    role = text(200, required=False)
    phone = text(40, required=False)
    email = serializers.EmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        default="",
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )


class ReferralSubmitSerializer(StrictSerializer):
    """A multi-agency referral from a partner agency's system."""

    children = serializers.ListField(
        child=ReferralChildSerializer(),
        min_length=1,
        max_length=MAX_CHILDREN,
        error_messages={
            "required": "Add the child or children you are worried about",
            "min_length": "Add the child or children you are worried about",
            "max_length": f"Send at most {MAX_CHILDREN} children on one referral; send a "
            "second referral for the others",
            "not_a_list": "Send the children as a list",
        },
        help_text=f"1 to {MAX_CHILDREN} children; brothers and sisters can share a referral",
    )
    source = choice(
        ReferralSource.choices,
        what="referral source",
        help_text="Your agency, as a CIN census ReferralSource code (for example 2A for a "
        "school, 3A for a GP, 6 for the police)",
    )
    referrer = ReferrerSerializer(
        error_messages={"required": "Say who is making the referral: organisation and name"}
    )
    concern = text(
        MAX_TEXT,
        blank="Describe what you are worried about, in your own words",
        help_text="What you are worried about, in your own words",
    )
    categories = serializers.ListField(
        child=choice(ConcernCategory.choices, what="concern category"),
        required=False,
        default=list,
        max_length=len(ConcernCategory.choices),
        error_messages={"not_a_list": "Send the concern categories as a list of codes"},
    )
    referrer_actions = text(MAX_TEXT, required=False, help_text="What you have already done")
    consent = choice(
        Consent.choices,
        what="consent answer",
        help_text="Whether the family's consent to this referral was sought and given",
    )
    consent_not_sought_reason = choice(
        ConsentNotSoughtReason.choices,
        what="reason consent was not sought",
        required=False,
        allow_blank=True,
        default="",
        help_text="Required when consent is not_sought; leave out otherwise",
    )
    consent_detail = text(MAX_TEXT, required=False)
    immediate_risk = StrictBooleanField(
        required=False,
        default=False,
        help_text="true if you think a child is at immediate risk of harm (phone us as well)",
    )

    def validate(self, attrs):
        errors = {}
        not_sought = attrs["consent"] == Consent.NOT_SOUGHT
        if not_sought and not attrs.get("consent_not_sought_reason"):
            errors["consent_not_sought_reason"] = "Select why consent was not sought"
        if not not_sought and attrs.get("consent_not_sought_reason"):
            errors["consent_not_sought_reason"] = "Give a reason only when consent was not sought"
        seen = {}
        for n, child in enumerate(attrs["children"], 1):
            key = (
                child.get("first_name", "").lower(),
                child["last_name"].lower(),
                child.get("date_of_birth") or child.get("expected_date_of_birth"),
            )
            if key in seen:
                errors["children"] = f"Child {n} is the same as child {seen[key]}: send them once"
                break
            seen[key] = n
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


# -- what a partner sees ------------------------------------------------------------------------


class ReceivedChildSerializer(serializers.Serializer):
    name = serializers.CharField()
    status = serializers.ChoiceField(
        choices=["awaiting", "more_information", "screened", "decided"]
    )
    decision_due_at = serializers.DateTimeField(
        help_text="When the front door's decision is due: one working day from receipt, or a "
        "later time agreed when more information is needed"
    )


class ReferralReceiptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(help_text="Quote this if you contact the front door")
    received_at = serializers.DateTimeField()
    children = ReceivedChildSerializer(many=True)
    completeness = serializers.IntegerField(
        help_text="Per cent of the referral form's required information given (0–100)"
    )
    missing = serializers.ListField(
        child=serializers.CharField(), help_text="The required information not given"
    )


class ChildOutcomeSerializer(ReceivedChildSerializer):
    status_label = serializers.CharField()
    outcome = serializers.CharField(allow_null=True, help_text="The decision's code, once made")
    outcome_label = serializers.CharField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)


class SubmittedReferralSerializer(serializers.Serializer):
    """A referral the partner submitted and what was decided for each child: never the child's
    record, the reasons for the decision or the child's history."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    received_at = serializers.DateTimeField()
    source = serializers.CharField()
    completeness = serializers.IntegerField()
    children = ChildOutcomeSerializer(many=True)


# -- indicators ---------------------------------------------------------------------------------


class IndicatorRowSerializer(serializers.Serializer):
    group = serializers.CharField(
        allow_null=True, help_text="The agency group; null for all agencies together"
    )
    numerator = serializers.IntegerField()
    denominator = serializers.IntegerField()
    value = serializers.FloatField(
        allow_null=True, help_text="numerator / denominator (0–1); null when nothing was counted"
    )
    mean = serializers.FloatField(
        allow_null=True, help_text="FD3 only: the mean completeness score (0–1)"
    )


class IndicatorSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The finding it measures, e.g. FD1")
    title = serializers.CharField()
    definition = serializers.CharField()
    counting_rule = serializers.CharField()
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    rows = IndicatorRowSerializer(many=True)

"""Pieces the front door's forms share."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.common.forms import GovukDateField, GovukForm

W5 = {"class": "govuk-input--width-5"}
W10 = {"class": "govuk-input--width-10"}
W20 = {"class": "govuk-input--width-20"}


def textarea(rows: int = 4) -> forms.Textarea:
    """A textarea showing the practice-language hint while writing (language-check.js)."""
    return forms.Textarea(attrs={"rows": rows, "data-language-check": ""})


def date_input() -> forms.DateInput:
    """A date shown as the hint asks for it (27/03/2026), not as 2026-03-27."""
    return forms.DateInput(attrs=W10, format="%d/%m/%Y")


class GovukTimeField(forms.TimeField):
    """A time typed as 14:30 (or 14.30)."""

    input_formats = ["%H:%M", "%H.%M", "%H:%M:%S"]
    widget = forms.TimeInput(attrs=W5, format="%H:%M")


class HintedRadioSelect(forms.RadioSelect):
    """Radios whose options may each carry a hint (option.data.hint in the template):
    `hints` maps a choice value to its hint, or `hint_for` gives the hint of a model choice's
    instance (for a ModelChoiceField)."""

    def __init__(self, *args, hints=None, hint_for=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = dict(hints or {})
        self.hint_for = hint_for

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and self.hint_for:
            option["hint"] = self.hint_for(instance)
        else:
            option["hint"] = self.hints.get(str(value), "")
        return option


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


class FrontDoorForm(GovukForm):
    """A GOV.UK form that can show a service's ValidationError: `aliases` maps a service's
    argument name to the form field that holds it (received_at → received_date)."""

    aliases: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        """Each message on its field when the form has it, otherwise above the form (as
        lantern.people.views.common.add_service_errors does)."""
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for name, errors in error.error_dict.items():
            name = self.aliases.get(name, name)
            for e in errors:
                self.add_error(name if name in self.fields else None, e.messages[0])


__all__ = [
    "W5",
    "W10",
    "W20",
    "FrontDoorForm",
    "GovukDateField",
    "GovukTimeField",
    "HintedRadioSelect",
    "aware",
    "date_input",
    "textarea",
]

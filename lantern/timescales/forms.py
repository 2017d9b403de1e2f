"""Forms for the calendar configuration pages. They only parse input; services validate the rest."""

from django import forms

from lantern.common.forms import GovukDateField, GovukForm


class ClosureDayForm(GovukForm):
    date = GovukDateField(
        label="Date",
        help_text="For example, 2027-12-29 or 29/12/2027",
        error_messages={
            "required": "Enter the date of the closure day",
            "invalid": "Enter a real date, for example 29/12/2027",
        },
    )
    reason = forms.CharField(
        label="Reason",
        help_text="For example, council offices closed between Christmas and New Year",
        max_length=200,
        error_messages={"required": "Enter why the service is closed on this day"},
    )


class ClosureDayRemoveForm(GovukForm):
    reason = forms.CharField(
        label="Why are you removing this closure day?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you are removing this closure day"},
    )


class RuleSettingForm(GovukForm):
    offset = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "Enter the local timescale",
            "invalid": "Enter the local timescale as a whole number",
            "min_value": "Enter a number of 1 or more",
        },
    )
    soon_window = forms.IntegerField(
        label="Show as due soon when this many are left (optional)",
        required=False,
        min_value=0,
        error_messages={
            "invalid": "Enter the due-soon window as a whole number",
            "min_value": "Enter a number of 0 or more",
        },
    )
    reason = forms.CharField(
        label="Why is the local timescale changing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the local timescale is changing"},
    )

    def __init__(self, *args, rule, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offset"].label = f"Local timescale, in {rule.unit.label}"
        self.fields["offset"].help_text = f"National or default: {rule.period}"
        self.fields["soon_window"].help_text = (
            f"Counted in {rule.soon_unit.label}. Leave empty for the default "
            f"({rule.soon_unit.describe(rule.effective_soon_window)})"
        )

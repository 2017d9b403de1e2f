"""GOV.UK markup from the project's form templates (lantern.common.forms.GovukFormRenderer)."""

import re

from django import forms
from django.template.loader import render_to_string

from lantern.common.forms import GovukDateField, GovukForm


class ContactForm(GovukForm):
    first_name = forms.CharField(
        label="First name",
        help_text="As on the birth certificate",
        max_length=50,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    date_of_birth = GovukDateField(label="Date of birth")
    gender = forms.ChoiceField(choices=[("", "Choose"), ("female", "Female"), ("male", "Male")])
    consent = forms.BooleanField(label="Consent to share information was given")
    source = forms.ChoiceField(
        label="Who made the contact?",
        choices=[("parent", "Parent"), ("school", "School")],
        widget=forms.RadioSelect,
    )
    summary = forms.CharField(widget=forms.Textarea)

    def clean(self):
        raise forms.ValidationError("Check the whole form")


INVALID_DATA = {
    "first_name": "Ann <Smith>",
    "date_of_birth": "31/02/2020",
    "gender": "female",
    "source": "police",
    "summary": "",
}


def bound_invalid_form() -> ContactForm:
    form = ContactForm(data=INVALID_DATA)
    assert not form.is_valid()
    return form


def tag_with_id(html: str, element_id: str) -> str:
    match = re.search(rf'<[a-z]+ [^>]*\bid="{element_id}"[^>]*>', html)
    assert match, f"no element with id {element_id}"
    return match.group(0)


def test_form_str_renders_with_govuk_form_template():
    html = str(ContactForm())

    assert 'class="govuk-form-group"' in html
    assert "govuk-input" in html
    assert "<table" not in html and "<div>" not in html


def test_text_input_has_govuk_classes_hint_and_keeps_width_class():
    html = str(ContactForm())

    tag = tag_with_id(html, "id_first_name")
    assert 'class="govuk-input govuk-input--width-20"' in tag
    assert 'maxlength="50"' in tag
    assert 'aria-describedby="id_first_name_helptext"' in tag
    label = '<label class="govuk-label govuk-label--s" for="id_first_name">First name</label>'
    assert label in html
    hint = '<div id="id_first_name_helptext" class="govuk-hint">As on the birth certificate</div>'
    assert hint in html


def test_text_input_keeps_what_was_typed_escaped():
    html = str(bound_invalid_form())

    assert 'value="Ann &lt;Smith&gt;"' in tag_with_id(html, "id_first_name")


def test_date_input_with_error_has_error_classes_message_and_typed_value():
    html = str(bound_invalid_form())

    tag = tag_with_id(html, "id_date_of_birth")
    assert "govuk-input govuk-input--error govuk-input--width-10" in tag
    assert 'value="31/02/2020"' in tag
    assert 'aria-invalid="true"' in tag
    assert 'aria-describedby="id_date_of_birth_error"' in tag
    assert re.search(
        r'<p id="id_date_of_birth_error" class="govuk-error-message">\s*'
        r'<span class="govuk-visually-hidden">Error:</span> Enter a valid date.',
        html,
    )
    assert html.count("govuk-form-group govuk-form-group--error") == 5  # 4 fields + non-field


def test_select_renders_govuk_select_with_choice_kept():
    html = str(bound_invalid_form())

    assert 'class="govuk-select"' in tag_with_id(html, "id_gender")
    assert '<option value="female" selected>Female</option>' in html
    assert '<option value="male">Male</option>' in html


def test_single_checkbox_renders_one_govuk_checkboxes_item():
    html = str(bound_invalid_form())

    tag = tag_with_id(html, "id_consent")
    assert 'class="govuk-checkboxes__input"' in tag
    assert 'type="checkbox"' in tag
    assert html.count('class="govuk-checkboxes__item"') == 1
    assert (
        '<label class="govuk-label govuk-checkboxes__label" for="id_consent">'
        "Consent to share information was given</label>"
    ) in html
    assert '<p id="id_consent_error" class="govuk-error-message">' in html


def test_single_checkbox_keeps_tick():
    form = ContactForm(data={**INVALID_DATA, "consent": "on"})
    form.is_valid()

    assert " checked" in tag_with_id(str(form), "id_consent")


def test_radios_in_fieldset_first_option_takes_field_id():
    form = ContactForm(data={**INVALID_DATA, "source": "school"})
    form.is_valid()
    html = str(form)

    assert re.search(
        r'<fieldset class="govuk-fieldset"[^>]*>\s*'
        r'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
        r"Who made the contact\?</legend>",
        html,
    )
    assert '<div class="govuk-radios" data-module="govuk-radios">' in html
    first = tag_with_id(html, "id_source")
    assert 'value="parent"' in first and "checked" not in first
    second = tag_with_id(html, "id_source_1")
    assert 'value="school"' in second and " checked" in second


def test_radios_error_described_on_fieldset():
    html = str(bound_invalid_form())

    assert '<fieldset class="govuk-fieldset" aria-describedby="id_source_error">' in html
    assert '<p id="id_source_error" class="govuk-error-message">' in html


def test_textarea_renders_govuk_textarea_with_error_and_keeps_text():
    html = str(bound_invalid_form())
    assert "govuk-textarea govuk-textarea--error" in tag_with_id(html, "id_summary")

    form = ContactForm(data={**INVALID_DATA, "summary": "Line one\nLine <two>"})
    form.is_valid()
    assert re.search(r'id="id_summary"[^>]*>\s*Line one\nLine &lt;two&gt;</textarea>', str(form))


def test_non_field_errors_render_as_govuk_error_message():
    html = str(bound_invalid_form())

    assert (
        '<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> '
        "Check the whole form</p>"
    ) in html


def test_hidden_field_renders_without_form_group():
    class HiddenForm(GovukForm):
        token = forms.CharField(widget=forms.HiddenInput)

    html = str(HiddenForm(initial={"token": "abc"}))

    assert html.strip() == '<input type="hidden" name="token" value="abc" id="id_token">'


def test_error_summary_hrefs_match_rendered_ids():
    form = bound_invalid_form()
    html = str(form)

    summary = form.error_summary()

    field_hrefs = [item["href"] for item in summary if item["href"] != "#main-content"]
    assert field_hrefs == ["#id_date_of_birth", "#id_consent", "#id_source", "#id_summary"]
    for href in field_hrefs:
        assert f'id="{href[1:]}"' in html
    assert {"text": "Check the whole form", "href": "#main-content"} in summary


def test_error_summary_component_lists_each_error_as_link():
    errors = [
        {"text": "Enter a valid date", "href": "#id_date_of_birth"},
        {"text": "Select who made the contact", "href": "#id_source"},
    ]

    html = render_to_string("components/error_summary.html", {"errors": errors})

    assert 'class="govuk-error-summary" data-module="govuk-error-summary"' in html
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert '<li><a href="#id_date_of_birth">Enter a valid date</a></li>' in html
    assert '<li><a href="#id_source">Select who made the contact</a></li>' in html


def test_error_summary_component_renders_nothing_without_errors():
    assert render_to_string("components/error_summary.html", {"errors": []}).strip() == ""

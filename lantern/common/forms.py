"""GOV.UK form rendering: our own field templates, and the error summary for every form."""

from django import forms
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders every form and field with the project's GOV.UK templates."""

    form_template_name = "django/forms/govuk_form.html"
    field_template_name = "django/forms/govuk_field.html"


class GovukFormMixin:
    """Gives a form the data for the GOV.UK error summary: a list of {text, href}."""

    def error_summary(self) -> list[dict[str, str]]:
        items = []
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS:
                href = "#main-content"
            else:
                field = self[name]
                href = f"#{field.id_for_label or field.auto_id}"
            for error in errors:
                items.append({"text": str(error), "href": href})
        return items


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukDateField(forms.DateField):
    """A date typed as a single yyyy-mm-dd or dd/mm/yyyy field."""

    input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]

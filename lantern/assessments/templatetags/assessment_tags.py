from django import template

from lantern.assessments.models import SECTION_LABELS

register = template.Library()


@register.inclusion_tag("assessments/_section_row.html")
def section_row(assessment, name: str) -> dict:
    """One free-text section as a summary-list row: its heading and what was written."""
    return {"label": SECTION_LABELS[name], "text": getattr(assessment, name)}

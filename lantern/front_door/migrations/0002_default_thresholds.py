"""The four levels of need most threshold documents use, as a starting point an administrator
edits to the local document's own words. Idempotent: existing levels are left alone."""

from django.db import migrations

LEVELS = [
    (
        1,
        "Universal",
        "The child's needs are met by the services every child uses. Development is on track; "
        "parents meet the child's needs with the usual support of family and community.",
        "Universal services: schools, GP, health visiting, children's centres.",
    ),
    (
        2,
        "Early help",
        "The child has additional needs that one agency, or several working together, can meet "
        "with the family's agreement: emerging concerns about development, attendance, "
        "behaviour, parenting or the family's circumstances.",
        "Early help assessment and a team around the family, with a lead professional.",
    ),
    (
        3,
        "Children in need",
        "The child's needs are complex: without services their health or development is "
        "unlikely to reach a reasonable standard, or is likely to be significantly impaired "
        "(Children Act 1989 section 17), or the child is disabled.",
        "Statutory assessment by children's social care and a child in need plan.",
    ),
    (
        4,
        "Child protection",
        "There is reasonable cause to suspect the child is suffering, or is likely to suffer, "
        "significant harm (Children Act 1989 section 47), or needs to be looked after.",
        "Strategy discussion, section 47 enquiry, child protection or legal action.",
    ),
]


def add_levels(apps, schema_editor):
    Threshold = apps.get_model("front_door", "Threshold")
    for level, name, descriptor, response in LEVELS:
        Threshold.objects.get_or_create(
            level=level, defaults={"name": name, "descriptor": descriptor, "response": response}
        )


class Migration(migrations.Migration):
    dependencies = [("front_door", "0001_front_door")]
    operations = [migrations.RunPython(add_levels, migrations.RunPython.noop)]

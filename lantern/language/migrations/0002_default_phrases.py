from django.db import migrations


def add_phrases(apps, schema_editor):
    from lantern.language.defaults import DEFAULT_PHRASES

    Phrase = apps.get_model("language", "Phrase")
    for row in DEFAULT_PHRASES:
        Phrase.objects.get_or_create(
            phrase=row["phrase"],
            defaults={
                "reason": row["reason"],
                "suggestion": row.get("suggestion", ""),
                "unless_near": row.get("unless_near", []),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("language", "0001_language")]
    operations = [migrations.RunPython(add_phrases, migrations.RunPython.noop)]

"""AP4: minimising language in what was recorded about a child."""

from lantern.checks.registry import Check, Flag, register
from lantern.language.models import Finding


@register
class MinimisingLanguage(Check):
    id = "AP4-LANGUAGE"
    finding = "AP4"
    title = "Minimising language in the record"
    explanation = (
        "Inspectors found assaults described as 'over chastisement' and similar phrases that "
        "make harm to a child sound smaller than it was. Lantern looks for the phrases on the "
        "authority's list in everything written about a child; this text still contains one."
    )
    action = "Rewrite the text to say plainly what happened to the child and its impact."

    def flags(self, today, person_ids=None):
        qs = Finding.objects.filter(cleared_at__isnull=True).select_related("phrase")
        qs = self.restrict(qs, "person_id", person_ids)
        return [
            Flag(
                self.id,
                f.person_id,
                f"“{f.phrase.phrase}” in {f.source_label}: “{f.excerpt}” — {f.phrase.reason}",
                f.found_at.date(),
                f"language:{f.pk}",
            )
            for f in qs.order_by("found_at", "pk")
        ]

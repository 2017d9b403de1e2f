"""The practice-language check (finding AP4): minimising phrases an administrator maintains, and
where each was found in recorded text."""

from django.db import models

from lantern.common.models import Recorded


class Phrase(Recorded):
    """A minimising or euphemistic phrase, and why it is a concern.

    `unless_near` lists words that, in the same sentence, give the context that makes the phrase
    acceptable ("smacked" is flagged unless the sentence says where, with what, or what mark it
    left)."""

    phrase = models.CharField(max_length=80, unique=True)
    reason = models.TextField()
    suggestion = models.CharField(max_length=300, blank=True)
    unless_near = models.JSONField(default=list, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase


class Finding(models.Model):
    """A phrase found in one field of one record about a child. Cleared (not deleted) when the
    text no longer contains it, so the check's history stays."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="language_findings"
    )
    # The record and field the text is in: "assessments.assessment", 12, "analysis".
    source_type = models.CharField(max_length=60)
    source_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=60)
    source_label = models.CharField(max_length=120)  # "Assessment started 3 Mar 2026"
    source_url = models.CharField(max_length=200, blank=True)
    phrase = models.ForeignKey(Phrase, on_delete=models.PROTECT, related_name="findings")
    excerpt = models.CharField(max_length=300)
    found_at = models.DateTimeField(auto_now_add=True)
    found_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cleared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-found_at"]
        indexes = [
            models.Index(fields=["source_type", "source_id"]),
            models.Index(fields=["person", "cleared_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "field", "phrase"],
                condition=models.Q(cleared_at__isnull=True),
                name="language_one_open_finding_per_phrase_and_field",
            )
        ]

    def __str__(self) -> str:
        return f"“{self.phrase}” in {self.source_label}"

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ChronologyEntry(models.Model):
    """One event on a person's chronology, written by the service that recorded the event.

    Entries are never edited: a correction is a new entry, and workers' judgements about an entry
    (significant, analysis) are ChronologyAnnotations beside it.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="chronology")
    occurred_on = models.DateField(db_index=True)
    occurred_at = models.DateTimeField(null=True, blank=True)
    kind = models.CharField(max_length=40, db_index=True)
    summary = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.CharField(max_length=40, blank=True)
    # The latest annotation's verdict, kept here so the chronology needs no extra query.
    significant = models.BooleanField(default=False)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["person", "-occurred_on"])]
        verbose_name_plural = "chronology entries"

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind}: {self.summary}"


class ChronologyAnnotation(models.Model):
    """A worker's mark on a chronology entry: significant or not, with an analysis note."""

    entry = models.ForeignKey(ChronologyEntry, on_delete=models.PROTECT, related_name="annotations")
    significant = models.BooleanField()
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

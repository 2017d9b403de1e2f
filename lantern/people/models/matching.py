from django.conf import settings
from django.db import models


class MatchKey(models.Model):
    """A blocking key for finding a known person: 'dob:2015-03-02', 'pc:DN311AA', 'nhs:…'.

    Kept up to date by the people services on every write; search looks candidates up here and
    re-ranks them in Python (see lantern/people/matching/).
    """

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="match_keys")
    key = models.CharField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["key", "person"])]
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="match_key_unique")]


class DuplicateCandidate(models.Model):
    """A pair of records the duplicate finder thinks may be one person, awaiting a decision."""

    class Status(models.TextChoices):
        OPEN = "open", "Awaiting decision"
        NOT_DUPLICATE = "not_duplicate", "Not the same person"
        MERGED = "merged", "Merged"

    first = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    second = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    score = models.FloatField(db_index=True)
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    found_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="duplicate_pair_ordered"
            ),
        ]


class Merge(models.Model):
    """`merged` was found to be the same person as `survivor`. Undone by setting undone_at.

    Nothing is moved: the merged record keeps its rows and history and points at the survivor
    (Person.merged_into); the survivor's record shows both. Undo clears the pointer.
    """

    survivor = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]
        constraints = [
            models.UniqueConstraint(
                fields=["merged"],
                condition=models.Q(undone_at__isnull=True),
                name="merge_one_active_per_person",
            )
        ]

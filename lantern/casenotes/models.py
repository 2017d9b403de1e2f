"""Case notes: dated records of visits, contacts and discussions about a child.

A visit to the child is a case note of kind VISIT that says whether the child was seen and
seen alone; the child protection visit timescale (and later the looked-after visits) is
measured from the last visit at which the child was seen."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded


class CaseNote(Recorded):
    class Kind(models.TextChoices):
        VISIT = "visit", "Visit to the child"
        OFFICE = "office", "Meeting with the child or family (not a visit)"
        PHONE = "phone", "Phone or video call"
        MESSAGE = "message", "Email, letter or message"
        DISCUSSION = "discussion", "Discussion with a professional"
        DIRECT_WORK = "direct_work", "Direct work with the child"
        MANAGEMENT = "management", "Management note"
        OTHER = "other", "Other"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_notes")
    # Siblings (or others) the same note is also about; it appears on their records too.
    also_about = models.ManyToManyField("people.Person", blank=True, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    occurred_on = models.DateField(db_index=True)
    title = models.CharField(max_length=200)
    text = models.TextField()
    # For visits and meetings with the child: null when not applicable.
    child_seen = models.BooleanField(null=True, blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    # Corrections keep the original (row history) with the reason.
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["person", "kind", "-occurred_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(seen_alone=True) | models.Q(child_seen=True),
                name="casenote_seen_alone_only_if_seen",
                violation_error_message="A child can only be seen alone if they were seen",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="visit") | models.Q(child_seen__isnull=False),
                name="casenote_visit_says_if_child_seen",
                violation_error_message="Say whether the child was seen on the visit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("casenotes:note", args=[self.pk])

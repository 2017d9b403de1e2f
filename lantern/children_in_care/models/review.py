"""A looked-after review (Care Planning, Placement and Case Review (England) Regulations 2010,
regulation 33), chaired by the child's independent reviewing officer, and its decisions.

Each decision is tracked as an action with an owner and a due date until it is done (finding
PM7: review decisions not put into action). A review recorded in error is not deleted:
`ended_at` and `ended_reason` say it was removed, and every reader ignores it."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from lantern.children_in_care.codes import ReviewParticipation
from lantern.common.models import Recorded


class CareReview(Recorded):
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="reviews"
    )
    # The period's child, kept on the review so that checks and lists select by child.
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_reviews"
    )
    held_on = models.DateField()  # 903 REVIEW
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="care_reviews_chaired"
    )
    # Whether the IRO saw or spoke to the child before the review.
    iro_saw_child = models.BooleanField()
    participation = models.CharField(max_length=3, choices=ReviewParticipation.choices)
    # What the child said or conveyed, in their words where possible (PM8); or, when their
    # views were not conveyed, why not and what will be done about it.
    child_views = models.TextField()
    ended_at = models.DateTimeField(null=True, blank=True)  # removed: recorded in error (kept)
    ended_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "held_on"],
                condition=models.Q(ended_at__isnull=True),
                name="care_review_one_a_day",
                violation_error_message="A review is already recorded on that day",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True, ended_reason="")
                | (models.Q(ended_at__isnull=False) & ~models.Q(ended_reason="")),
                name="care_review_removed_with_reason",
                violation_error_message="Give the reason the review was removed",
            ),
            models.CheckConstraint(
                condition=models.Q(participation__in=ReviewParticipation.values),
                name="care_review_participation_code",
                violation_error_message="Select how the child took part in the review",
            ),
        ]

    def __str__(self) -> str:
        return f"Looked-after review on {self.held_on}"


class ReviewDecision(Recorded):
    review = models.ForeignKey(CareReview, on_delete=models.PROTECT, related_name="decisions")
    decision = models.TextField()
    # Who is to carry it out: a Lantern user, or a named person or agency outside Lantern.
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_decisions",
    )
    owner_name = models.CharField(max_length=200, blank=True)
    due_date = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_user__isnull=False) | ~models.Q(owner_name=""),
                name="review_decision_has_owner",
                violation_error_message="Say who is to carry out the decision",
            ),
        ]

    def __str__(self) -> str:
        return self.decision[:60]

    @property
    def owner(self) -> str:
        return str(self.owner_user) if self.owner_user_id else self.owner_name

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

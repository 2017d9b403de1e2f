"""Looked-after reviews: the IRO's review of the child's care plan, with the child's
participation and views (PM8) and decisions tracked until done (PM7)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.children_in_care.codes import ReviewParticipation
from lantern.children_in_care.models import CareReview, PeriodOfCare, ReviewDecision
from lantern.children_in_care.services.common import date_in_period_error, long_date
from lantern.common.audit import audit
from lantern.front_door.services.common import check_text, require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user

REVIEW_PERMISSION = "care.review"


@dataclass
class DecisionInput:
    """One decision as entered: what, who (a user, or a named person or agency), by when."""

    decision: str = ""
    owner_user: object | None = None
    owner_name: str = ""
    due_date: datetime.date | None = None

    @property
    def is_blank(self) -> bool:
        return not (self.decision.strip() or self.owner_user or self.owner_name.strip())


def _age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


def _review_errors(period, *, held_on, iro, participation, child_views, today) -> dict[str, str]:
    errors: dict[str, str] = {}
    date_error = date_in_period_error(held_on, period, what="of the review", today=today)
    if date_error:
        errors["held_on"] = date_error
    if iro is None or getattr(iro, "role", None) != Role.IRO or not iro.is_active:
        errors["iro"] = "Select the independent reviewing officer who chaired the review"
    if participation not in ReviewParticipation.values:
        errors["participation"] = "Select how the child took part in the review"
    elif held_on is not None and "held_on" not in errors:
        # 903 rules 440/441: PN0 if and only if the child was under 4 on the day.
        under_four = _age_on(period.person.date_of_birth, held_on) < 4
        if under_four and participation != ReviewParticipation.PN0:
            errors["participation"] = "The child was under 4 on the day of the review: select PN0"
        elif not under_four and participation == ReviewParticipation.PN0:
            errors["participation"] = (
                "PN0 is for a child under 4 on the day of the review: select how the child "
                "took part"
            )
    if not (child_views or "").strip():
        errors["child_views"] = (
            "Enter the child's views, in their words where you can; if their views were not "
            "conveyed, say why not and what will be done"
        )
    return errors


def _decision_errors(decisions: list[DecisionInput], held_on) -> dict[str, str]:
    errors: dict[str, str] = {}
    for i, d in enumerate(decisions, start=1):
        if d.is_blank and d.due_date is None:
            continue
        if not d.decision.strip():
            errors[f"decision_{i}"] = f"Enter decision {i}"
        if d.owner_user is None and not d.owner_name.strip():
            errors[f"owner_{i}"] = f"Say who is to carry out decision {i}"
        if d.due_date is None:
            errors[f"due_{i}"] = f"Enter the date decision {i} is due by"
        elif held_on is not None and d.due_date < held_on:
            errors[f"due_{i}"] = f"Decision {i} must be due on or after the day of the review"
    return errors


@transaction.atomic
def care_review_record(
    *,
    by,
    period: PeriodOfCare,
    held_on: datetime.date | None,
    iro,
    iro_saw_child: bool,
    participation: str,
    child_views: str,
    decisions: list[DecisionInput] = (),
    today: datetime.date | None = None,
) -> CareReview:
    """Record a looked-after review of `period` (open, or ended on or after the review) held on
    `held_on`, chaired by `iro` (a user with the IRO role): whether the IRO saw the child
    beforehand, the child's participation (903 REVIEW_CODE: PN0 exactly when the child was
    under 4) and views, and its decisions, each with an owner and a due date (blank rows are
    ignored). Refused for a day that already has a review."""
    require_perm(by, REVIEW_PERMISSION)
    today = today or timezone.localdate()
    period = PeriodOfCare.objects.select_for_update().select_related("person").get(pk=period.pk)
    check_text(
        child_views=child_views, **{f"decision_{i}": d.decision for i, d in enumerate(decisions, 1)}
    )
    errors = _review_errors(
        period,
        held_on=held_on,
        iro=iro,
        participation=participation,
        child_views=child_views,
        today=today,
    )
    errors.update(_decision_errors(list(decisions), held_on))
    if (
        "held_on" not in errors
        and CareReview.objects.filter(
            period=period, held_on=held_on, ended_at__isnull=True
        ).exists()
    ):
        errors["held_on"] = f"A review is already recorded on {long_date(held_on)}"
    if errors:
        raise ValidationError(errors)
    user = by_user(by)
    review = CareReview(
        period=period,
        person=period.person,
        held_on=held_on,
        iro=iro,
        iro_saw_child=bool(iro_saw_child),
        participation=participation,
        child_views=child_views.strip(),
        created_by=user,
        updated_by=user,
    )
    review.full_clean()
    review.save()
    rows = []
    for d in decisions:
        if d.is_blank:
            continue
        row = ReviewDecision(
            review=review,
            decision=d.decision.strip(),
            owner_user=d.owner_user,
            owner_name="" if d.owner_user else d.owner_name.strip(),
            due_date=d.due_date,
            created_by=user,
            updated_by=user,
        )
        row.full_clean()
        row.save()
        rows.append(row)
    review.language_matches = language_scan(
        by=by,
        person=period.person,
        source=review,
        texts={"child_views": review.child_views, **{f"decision_{r.pk}": r.decision for r in rows}},
        label=f"Looked-after review {held_on:%-d %b %Y}",
    )
    chronology_record(
        person=period.person,
        kind="care",
        summary=f"Looked-after review chaired by {iro}: "
        f"{len(rows)} decision{'s' if len(rows) != 1 else ''}",
        occurred_on=held_on,
        by=by,
        source=review,
    )
    audit(
        by=by,
        action="care.review_recorded",
        target=review,
        person=period.person,
        detail={
            "held_on": held_on,
            "iro": iro.pk,
            "participation": participation,
            "decisions": [r.pk for r in rows],
        },
    )
    return review


@transaction.atomic
def review_decision_done(
    *,
    by,
    decision: ReviewDecision,
    done_on: datetime.date | None,
    note: str = "",
    today: datetime.date | None = None,
) -> ReviewDecision:
    """Mark a review decision done on `done_on` (not before the review, not in the future),
    with what was done."""
    require_perm(by, REVIEW_PERMISSION)
    today = today or timezone.localdate()
    decision = (
        ReviewDecision.objects.select_for_update()
        .select_related("review__person")
        .get(pk=decision.pk)
    )
    if decision.done_on is not None:
        raise ValidationError(f"This decision was marked done on {long_date(decision.done_on)}")
    if decision.review.ended_at is not None:
        raise ValidationError("This review was removed: its decisions can no longer change")
    check_text(note=note)
    if done_on is None:
        raise ValidationError({"done_on": "Enter the date the decision was carried out"})
    if done_on > today:
        raise ValidationError({"done_on": "The date must be today or in the past"})
    if done_on < decision.review.held_on:
        raise ValidationError({"done_on": "The date must be on or after the day of the review"})
    decision.done_on = done_on
    decision.done_note = note.strip()
    decision.updated_by = by_user(by)
    decision.full_clean()
    decision.save()
    audit(
        by=by,
        action="care.review_decision_done",
        target=decision,
        person=decision.review.person,
        detail={"done_on": done_on},
    )
    return decision

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.front_door.codes import Agency, Section47Outcome, StrategyDecision
from lantern.front_door.models import (
    Action,
    Attendee,
    Referral,
    Section47,
    StrategyDiscussion,
)
from lantern.front_door.services.common import check_text, require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user


@transaction.atomic
def strategy_schedule(
    *,
    by,
    referral: Referral,
    held_at: datetime.datetime,
    reason: str,
    kind: str = StrategyDiscussion.Kind.DISCUSSION,
) -> StrategyDiscussion:
    """Plan a strategy discussion about the child on a referral. Its record is due one working
    day after it is held (CP2)."""
    require_perm(by, "strategy.record")
    if referral.closure_date is not None:
        raise ValidationError("The referral is closed: open a new referral first")
    if not reason.strip():
        raise ValidationError({"reason": "Say why a strategy discussion is needed"})
    check_text(reason=reason)
    if timezone.localdate(held_at) < referral.referral_date:
        raise ValidationError({"held_at": "The discussion cannot be before the referral"})
    discussion = StrategyDiscussion(
        referral=referral,
        person=referral.person,
        kind=kind,
        held_at=held_at,
        reason=reason.strip(),
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    discussion.full_clean()
    discussion.save()
    audit(by=by, action="strategy.scheduled", target=discussion, person=referral.person)
    return discussion


def _clean_attendees(attendees: Sequence[dict]) -> list[Attendee]:
    if not attendees:
        raise ValidationError({"attendees": "Record who was invited and who attended"})
    out = []
    for n, a in enumerate(attendees, 1):
        if a.get("agency") not in Agency.values:
            raise ValidationError({"attendees": f"Attendee {n}: select their agency"})
        if not (a.get("name") or "").strip():
            raise ValidationError({"attendees": f"Attendee {n}: enter their name"})
        check_text(contribution=a.get("contribution", ""))
        out.append(
            Attendee(
                agency=a["agency"],
                name=a["name"].strip(),
                role=(a.get("role") or "").strip(),
                invited=a.get("invited", True),
                attended=bool(a.get("attended")),
                contribution=(a.get("contribution") or "").strip(),
            )
        )
    if not any(a.attended for a in out):
        raise ValidationError({"attendees": "Record at least one person who attended"})
    return out


def _clean_actions(actions: Sequence[dict], *, after: datetime.date) -> list[Action]:
    out = []
    for n, a in enumerate(actions, 1):
        what, owner, due = (
            (a.get("action") or "").strip(),
            (a.get("owner") or "").strip(),
            a.get("due"),
        )
        if not (what and owner and due):
            raise ValidationError(
                {"actions": f"Action {n}: enter what will be done, by whom and by when"}
            )
        if due < after:
            raise ValidationError({"actions": f"Action {n}: the date cannot be in the past"})
        check_text(action=what)
        out.append(Action(action=what, owner=owner, due=due))
    return out


# The agency a referrer from each CIN referral source sits in at a strategy discussion.
_REFERRER_AGENCY = {"2": Agency.EDUCATION, "3": Agency.HEALTH, "6": Agency.POLICE}


def absent_key_agencies(attendees, referrer_source: str = "") -> list[str]:
    """The key agencies that did not take part (CP1): police and health as a minimum, and the
    child's education setting or the referrer. A referrer from the police, health or a school
    who attended under their own agency counts as the referrer."""
    present = {a.agency for a in attendees if a.attended}
    missing = [Agency(a).label for a in (Agency.POLICE, Agency.HEALTH) if a not in present]
    referrer_agency = _REFERRER_AGENCY.get(referrer_source[:1]) if referrer_source != "10" else None
    if referrer_agency in present:
        present.add(Agency.REFERRER)
    if not present & {Agency.EDUCATION, Agency.REFERRER}:
        missing.append("Education or the referrer")
    return missing


@transaction.atomic
def strategy_record(
    *,
    by,
    discussion: StrategyDiscussion,
    attendees: Sequence[dict],
    decision: str,
    decision_reason: str,
    immediate_protective_action: bool,
    protective_action_detail: str = "",
    actions: Sequence[dict] = (),
    enquiry_plan: str = "",
    now: datetime.datetime | None = None,
) -> StrategyDiscussion:
    """The record of a strategy discussion: who was invited and attended by agency and what
    each contributed (CP1), the decision and why, immediate protection, and the plan for the
    enquiry with actions, owners and dates (CP3). A section 47 decision starts the enquiry,
    dated the day of the discussion."""
    require_perm(by, "strategy.record")
    now = now or timezone.now()
    discussion = StrategyDiscussion.objects.select_for_update().get(pk=discussion.pk)
    if discussion.recorded_at is not None:
        raise ValidationError("This strategy discussion has already been recorded")
    if discussion.held_at > now:
        raise ValidationError("The discussion has not happened yet: record it once it is held")
    errors = {}
    if decision not in StrategyDecision.values:
        errors["decision"] = "Select the decision"
    if not decision_reason.strip():
        errors["decision_reason"] = "Explain the decision"
    if immediate_protective_action and not protective_action_detail.strip():
        errors["protective_action_detail"] = "Describe the protective action taken"
    if decision == StrategyDecision.S47 and not actions:
        errors["actions"] = "Plan the enquiry: add at least one action with its owner and date"
    if errors:
        raise ValidationError(errors)
    check_text(
        decision_reason=decision_reason,
        protective_action_detail=protective_action_detail,
        enquiry_plan=enquiry_plan,
    )
    rows = _clean_attendees(attendees)
    planned = _clean_actions(actions, after=timezone.localdate(discussion.held_at))
    for row in rows:
        row.strategy = discussion
    Attendee.objects.bulk_create(rows)
    for action in planned:
        action.strategy = discussion
    Action.objects.bulk_create(planned)
    discussion.decision = decision
    discussion.decision_reason = decision_reason.strip()
    discussion.immediate_protective_action = immediate_protective_action
    discussion.protective_action_detail = protective_action_detail.strip()
    discussion.recorded_at = now
    discussion.updated_by = by_user(by)
    discussion.full_clean()
    discussion.save()
    held_on = timezone.localdate(discussion.held_at)
    absent = absent_key_agencies(rows, discussion.referral.source)
    chronology_record(
        person=discussion.person,
        kind="strategy",
        summary=f"{discussion.get_kind_display()}: {StrategyDecision(decision).label}"
        + (f" (absent: {', '.join(absent)})" if absent else ""),
        occurred_on=held_on,
        occurred_at=discussion.held_at,
        by=by,
        source=discussion,
    )
    if decision == StrategyDecision.S47:
        enquiry = Section47(
            strategy=discussion,
            referral=discussion.referral,
            person=discussion.person,
            start_date=held_on,
            plan=enquiry_plan.strip(),
            created_by=by_user(by),
            updated_by=by_user(by),
        )
        enquiry.full_clean()
        enquiry.save()
        chronology_record(
            person=discussion.person,
            kind="section47",
            summary=f"Section 47 enquiry started; ICPC due by {enquiry.icpc_due:%-d %B %Y}",
            occurred_on=held_on,
            by=by,
            source=enquiry,
        )
        audit(by=by, action="section47.started", target=enquiry, person=discussion.person)
    language_scan(
        by=by,
        person=discussion.person,
        source=discussion,
        texts={
            "decision_reason": discussion.decision_reason,
            "protective_action_detail": discussion.protective_action_detail,
        },
        label=f"{discussion.get_kind_display()} on {held_on:%-d %b %Y}",
        url=discussion.get_absolute_url(),
    )
    audit(
        by=by,
        action="strategy.recorded",
        target=discussion,
        person=discussion.person,
        detail={"decision": decision, "absent": absent, "attendees": len(rows)},
    )
    return discussion


@transaction.atomic
def section47_child_seen(
    *,
    by,
    enquiry: Section47,
    seen_on: datetime.date,
    seen_by: str,
    seen_alone: bool,
    today: datetime.date | None = None,
) -> Section47:
    require_perm(by, "strategy.record")
    enquiry = Section47.objects.select_for_update().get(pk=enquiry.pk)
    today = today or timezone.localdate()
    if seen_on > today:
        raise ValidationError({"seen_on": "The date the child was seen cannot be in the future"})
    if seen_on < enquiry.start_date:
        raise ValidationError({"seen_on": "The date cannot be before the enquiry started"})
    if not seen_by.strip():
        raise ValidationError({"seen_by": "Enter who saw the child"})
    enquiry.child_seen_on, enquiry.child_seen_by = seen_on, seen_by.strip()
    enquiry.child_seen_alone = seen_alone
    enquiry.updated_by = by_user(by)
    enquiry.save()
    chronology_record(
        person=enquiry.person,
        kind="section47",
        summary=f"Child seen{' alone' if seen_alone else ''} by {seen_by.strip()} "
        "(section 47 enquiry)",
        occurred_on=seen_on,
        by=by,
        source=enquiry,
    )
    audit(by=by, action="section47.child_seen", target=enquiry, person=enquiry.person)
    return enquiry


@transaction.atomic
def section47_outcome_record(
    *,
    by,
    enquiry: Section47,
    outcome: str,
    outcome_date: datetime.date,
    reason: str,
    today: datetime.date | None = None,
) -> Section47:
    """The enquiry's outcome: no further action, continue the assessment, or convene an initial
    child protection conference (due 15 working days from the strategy discussion)."""
    require_perm(by, "strategy.record")
    enquiry = Section47.objects.select_for_update().get(pk=enquiry.pk)
    today = today or timezone.localdate()
    if enquiry.outcome:
        raise ValidationError("The outcome of this enquiry is already recorded")
    errors = {}
    if outcome not in Section47Outcome.values:
        errors["outcome"] = "Select the outcome"
    if outcome_date > today:
        errors["outcome_date"] = "The date cannot be in the future"
    elif outcome_date < enquiry.start_date:
        errors["outcome_date"] = "The date cannot be before the enquiry started"
    if not reason.strip():
        errors["reason"] = "Explain the outcome"
    if errors:
        raise ValidationError(errors)
    check_text(reason=reason)
    enquiry.outcome, enquiry.outcome_date = outcome, outcome_date
    enquiry.outcome_reason = reason.strip()
    enquiry.updated_by = by_user(by)
    enquiry.full_clean()
    enquiry.save()
    summary = f"Section 47 outcome: {Section47Outcome(outcome).label}"
    if outcome == Section47Outcome.ICPC:
        summary += f" (due by {enquiry.icpc_due:%-d %B %Y})"
    chronology_record(
        person=enquiry.person,
        kind="section47",
        summary=summary,
        occurred_on=outcome_date,
        by=by,
        source=enquiry,
    )
    language_scan(
        by=by,
        person=enquiry.person,
        source=enquiry,
        texts={"outcome_reason": enquiry.outcome_reason},
        label=f"Section 47 enquiry started {enquiry.start_date:%-d %b %Y}",
        url=enquiry.get_absolute_url(),
    )
    audit(
        by=by,
        action="section47.outcome_recorded",
        target=enquiry,
        person=enquiry.person,
        detail={"outcome": outcome},
    )
    return enquiry

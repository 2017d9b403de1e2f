"""Writing child and family assessments: start, save the draft (as the worker types), submit,
and the manager's authorisation or return; the people consulted.

Every function is keyword-only, takes the acting user as `by`, runs in one transaction and
writes its audit event in it. A save names the version it edited: if someone saved since,
nothing is saved and ConcurrentEditError is raised. Only a draft can be changed."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lantern.assessments.codes import AssessmentFactorCode, factor_sort_key
from lantern.assessments.models import (
    TEXT_SECTIONS,
    Assessment,
    AssessmentConsultee,
    AssessmentDecision,
    AssessmentFactor,
)
from lantern.assessments.presenters import assessment_timescale
from lantern.common.audit import audit
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.codes import Agency
from lantern.front_door.models import Referral
from lantern.front_door.services.common import require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.record import family_network
from lantern.people.selectors import record_ids
from lantern.people.services.person import by_user
from lantern.timescales.engine import Status

# Sections are long pieces of writing; the limit only stops a runaway paste or a broken client.
MAX_SECTION = 60_000
NO_FACTORS = AssessmentFactorCode.NO_FACTORS
# What assessment_save accepts besides the free-text sections.
OTHER_FIELDS = {"child_seen_on", "seen_alone", "outcome", "factors"}
SECTION_FIELDS = set(TEXT_SECTIONS) | OTHER_FIELDS


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _label(assessment: Assessment) -> str:
    return f"{assessment.get_kind_display()} started {assessment.start_date:%-d %b %Y}"


def _expect_draft(assessment: Assessment) -> None:
    if assessment.status != Assessment.Status.DRAFT:
        raise ValidationError(
            "This assessment has been submitted: it can only be changed if the manager returns it"
        )


def _lock(assessment: Assessment) -> Assessment:
    return (
        Assessment.objects.select_for_update()
        .select_related("person", "referral")
        .get(pk=assessment.pk)
    )


def clean_factors(codes) -> list[str]:
    """The factor codes in census order, once each. 'No factors identified' (21) cannot be
    combined with another code (CIN rule 8869)."""
    codes = list(dict.fromkeys(str(c) for c in codes))
    unknown = [c for c in codes if c not in AssessmentFactorCode.values]
    if unknown:
        raise ValidationError({"factors": f"{unknown[0]} is not a CIN assessment factor code"})
    if NO_FACTORS in codes and len(codes) > 1:
        raise ValidationError(
            {"factors": "Select 'No factors identified' on its own, or the factors that apply"}
        )
    return sorted(codes, key=factor_sort_key)


# -- start --------------------------------------------------------------------------------------


@transaction.atomic
def assessment_start(
    *,
    by,
    person: Person,
    referral: Referral,
    start_date: datetime.date,
    kind: str = Assessment.Kind.SINGLE,
    today: datetime.date | None = None,
) -> Assessment:
    """Start a child and family assessment (or a re-assessment) of the child on a referral.
    It is due 45 working days from the referral date. One assessment at a time per referral
    (CIN rule 8896); none on a referral that led to no further action (8831)."""
    require_perm(by, "assessment.record")
    today = _today(today)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.person_id not in record_ids(person):
        raise ValidationError("This referral is not about this child")
    if referral.closure_date is not None:
        raise ValidationError("The referral is closed: a new referral is needed first")
    if referral.nfa:
        raise ValidationError("The referral led to no further action: it cannot be assessed")
    errors = {}
    if kind not in Assessment.Kind.values:
        errors["kind"] = "Select the kind of assessment"
    if start_date > today:
        errors["start_date"] = "The start date cannot be in the future"
    elif start_date < referral.referral_date:
        errors["start_date"] = (
            f"The start date cannot be before the referral on {referral.referral_date:%-d %B %Y}"
        )
    earlier = Assessment.objects.filter(referral=referral)
    if earlier.exclude(status=Assessment.Status.AUTHORISED).exists():
        raise ValidationError("There is already an assessment in progress on this referral")
    if kind == Assessment.Kind.REASSESSMENT and not earlier.exists():
        errors["kind"] = (
            "There is no completed assessment on this referral to re-assess: start a child "
            "and family assessment"
        )
    if errors:
        raise ValidationError(errors)
    assessment = Assessment(
        person=person,
        referral=referral,
        kind=kind,
        start_date=start_date,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    assessment.full_clean()
    assessment.save()
    due = assessment_timescale(assessment, today=today).due
    chronology_record(
        person=assessment.person,
        kind="assessment",
        summary=f"{assessment.get_kind_display()} started; due by {due:%-d %B %Y}",
        occurred_on=start_date,
        by=by,
        source=assessment,
    )
    audit(
        by=by,
        action="assessment.started",
        target=assessment,
        person=assessment.person,
        detail={"kind": kind, "referral": referral.pk},
    )
    return assessment


# -- the draft ----------------------------------------------------------------------------------


def _clean_sections(
    assessment: Assessment, sections: dict[str, Any], *, today: datetime.date
) -> dict[str, Any]:
    unknown = set(sections) - SECTION_FIELDS
    if unknown:
        raise TypeError(f"Unknown assessment sections {sorted(unknown)}")
    errors = {}
    clean: dict[str, Any] = {}
    for name in TEXT_SECTIONS:
        if name in sections:
            text = (sections[name] or "").strip()
            if len(text) > MAX_SECTION:
                errors[name] = f"Keep this to {MAX_SECTION:,} characters or fewer"
            clean[name] = text
    if "seen_alone" in sections:
        if sections["seen_alone"] not in (True, False, None):
            errors["seen_alone"] = "Select yes if the child was seen alone"
        clean["seen_alone"] = sections["seen_alone"]
    if clean.get("seen_alone") is True:
        clean["not_seen_alone_reason"] = ""  # the reason is only for a child not seen alone
    if "child_seen_on" in sections:
        seen_on = sections["child_seen_on"]
        if seen_on is not None and seen_on > today:
            errors["child_seen_on"] = "The date the child was seen cannot be in the future"
        elif seen_on is not None and seen_on < assessment.referral.referral_date:
            errors["child_seen_on"] = "The date the child was seen cannot be before the referral"
        clean["child_seen_on"] = seen_on
    if "outcome" in sections:
        outcome = sections["outcome"] or ""
        if outcome and outcome not in Assessment.Outcome.values:
            errors["outcome"] = "Select the outcome of the assessment"
        clean["outcome"] = outcome
    if "factors" in sections:
        try:
            clean["factors"] = clean_factors(sections["factors"] or [])
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return clean


def _set_factors(assessment: Assessment, codes: list[str]) -> bool:
    """Make the assessment's factors exactly `codes`; True if anything changed. Rows are saved
    one by one so their history records each version's set."""
    current = {f.code: f for f in assessment.factors.all()}
    removed = [f for code, f in current.items() if code not in codes]
    added = [code for code in codes if code not in current]
    for factor in removed:
        factor.delete()
    for code in added:
        factor = AssessmentFactor(assessment=assessment, code=code)
        factor.full_clean()
        factor.save()
    return bool(removed or added)


def _scan(*, by, assessment: Assessment):
    return language_scan(
        by=by,
        person=assessment.person,
        source=assessment,
        texts={name: getattr(assessment, name) for name in TEXT_SECTIONS},
        label=_label(assessment),
        url=reverse("assessments:assessment", args=[assessment.pk]),
    )


@transaction.atomic
def assessment_save(
    *,
    by,
    assessment: Assessment,
    version: int,
    today: datetime.date | None = None,
    **sections,
) -> Assessment:
    """Save the draft's sections (the edit page's Save button and its autosave). `sections`
    are any of the free-text sections (models.TEXT_SECTIONS), child_seen_on, seen_alone
    (True, False or None), outcome and factors (a list of CIN codes). A save that changes
    nothing keeps the version; otherwise the version goes up by one.

    A save on top of an older version is refused (ConcurrentEditError) unless it would change
    nothing: the page's Save button posting straight after its own autosave stored the same
    text is not a conflict, and neither is saving again what someone else has just saved.

    The returned assessment's `language_matches` lists the minimising phrases found in its
    text (AP4), to show the writer."""
    require_perm(by, "assessment.record")
    today = _today(today)
    locked = _lock(assessment)
    stale = locked.version != version
    if stale and locked.status != Assessment.Status.DRAFT:
        raise ConcurrentEditError()
    _expect_draft(locked)
    clean = _clean_sections(locked, sections, today=today)
    codes = clean.pop("factors", None)
    changed = sorted(name for name, value in clean.items() if getattr(locked, name) != value)
    if stale:
        same_factors = codes is None or set(codes) == set(
            locked.factors.values_list("code", flat=True)
        )
        if changed or not same_factors:
            raise ConcurrentEditError()
        locked.language_matches = []
        return locked
    # Factors first: their history then sits before the assessment's record of this version.
    if codes is not None and _set_factors(locked, codes):
        changed.append("factors")
    if not changed:
        locked.language_matches = []
        return locked
    for name, value in clean.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.updated_by = by_user(by)
    locked.full_clean()
    locked.save()
    matches = _scan(by=by, assessment=locked)
    audit(
        by=by,
        action="assessment.saved",
        target=locked,
        person=locked.person,
        detail={"version": locked.version, "fields": changed},
    )
    locked.language_matches = matches
    return locked


# -- submit -------------------------------------------------------------------------------------


def submission_problems(
    assessment: Assessment, *, consultees: int, factors: list[str]
) -> dict[str, str]:
    """What must be written before the assessment can go to the manager, by field (empty when
    it is ready). `consultees` is the number of people consulted, `factors` the codes."""
    problems: dict[str, str] = {}
    if not assessment.lived_experience.strip():
        problems["lived_experience"] = "Describe the child's daily life and lived experience"
    if not assessment.voice_how.strip():
        problems["voice_how"] = "Say how the child was seen and heard"
    if not assessment.voice_said.strip():
        problems["voice_said"] = (
            "Record what the child said, in their own words, or how they showed their views"
        )
    if assessment.seen_alone is None:
        problems["seen_alone"] = "Select yes if the child was seen alone"
    elif assessment.seen_alone is False and not assessment.not_seen_alone_reason.strip():
        problems["not_seen_alone_reason"] = "Say why the child was not seen alone"
    if consultees == 0:
        problems["consultees"] = (
            "Add at least one person consulted: a family member or a professional"
        )
    if not assessment.identity_needs.strip():
        problems["identity_needs"] = "Say how the child's identity and needs were considered"
    if not assessment.history_analysis.strip():
        problems["history_analysis"] = (
            "Write the analysis of the child's history and cumulative harm"
        )
    if not assessment.parenting_capacity.strip():
        problems["parenting_capacity"] = "Write the assessment of parenting capacity"
    if not assessment.family_environment.strip():
        problems["family_environment"] = "Write about the family and environment"
    if not assessment.analysis.strip():
        problems["analysis"] = "Write the analysis"
    if not factors:
        problems["factors"] = "Select the factors identified, or 'No factors identified'"
    elif NO_FACTORS in factors and assessment.outcome not in ("", Assessment.Outcome.NFA):
        problems["factors"] = (
            "'No factors identified' is only for an assessment that ends in no further action"
        )
    if not assessment.outcome:
        problems["outcome"] = "Select the outcome of the assessment"
    if not assessment.outcome_reason.strip():
        problems["outcome_reason"] = "Explain why this is the right outcome for the child"
    return problems


def problems_for(assessment: Assessment) -> dict[str, str]:
    return submission_problems(
        assessment,
        consultees=assessment.consultees.filter(ended_at__isnull=True).count(),
        factors=list(assessment.factors.values_list("code", flat=True)),
    )


@transaction.atomic
def assessment_submit(
    *, by, assessment: Assessment, version: int, today: datetime.date | None = None
) -> Assessment:
    """Send the draft to the manager. Refused until the child's lived experience and voice
    (how they were seen and heard, what they said, seen alone or why not), at least one person
    consulted, the history and cumulative-harm analysis, the other sections, the factors and
    the outcome are all recorded."""
    require_perm(by, "assessment.record")
    today = _today(today)
    locked = _lock(assessment)
    if locked.version != version:
        raise ConcurrentEditError()
    _expect_draft(locked)
    problems = problems_for(locked)
    if problems:
        raise ValidationError(problems)
    locked.status = Assessment.Status.SUBMITTED
    locked.submitted_on = today
    locked.submitted_by = by_user(by)
    locked.version += 1
    locked.updated_by = by_user(by)
    locked.full_clean()
    locked.save()
    audit(
        by=by,
        action="assessment.submitted",
        target=locked,
        person=locked.person,
        detail={"version": locked.version},
    )
    return locked


# -- the manager --------------------------------------------------------------------------------


def _decide(*, by, assessment: Assessment, comments: str, version: int | None):
    require_perm(by, "assessment.authorise")
    locked = _lock(assessment)
    if version is not None and locked.version != version:
        raise ConcurrentEditError()
    if locked.status != Assessment.Status.SUBMITTED:
        raise ValidationError("Only an assessment awaiting authorisation can be decided")
    return locked, comments.strip()


def _scan_decision(*, by, assessment: Assessment, decision: AssessmentDecision) -> None:
    language_scan(
        by=by,
        person=assessment.person,
        source=decision,
        texts={"comments": decision.comments},
        label=f"{_label(assessment)}: the manager's comments",
        url=reverse("assessments:assessment", args=[assessment.pk]),
    )


@transaction.atomic
def assessment_authorise(
    *,
    by,
    assessment: Assessment,
    comments: str,
    today: datetime.date | None = None,
    version: int | None = None,
) -> Assessment:
    """The manager authorises the assessment with their comments: it is complete (CIN
    AssessmentAuthorisationDate), and the factors and outcome stand. `version`, when given, is
    the version the manager read."""
    locked, comments = _decide(by=by, assessment=assessment, comments=comments, version=version)
    today = _today(today)
    if not comments:
        raise ValidationError({"comments": "Enter your comments on the assessment"})
    if today < locked.submitted_on:
        raise ValidationError("The assessment cannot be authorised before it was submitted")
    locked.status = Assessment.Status.AUTHORISED
    locked.authorised_on = today
    locked.authorised_by = by_user(by)
    locked.version += 1
    locked.updated_by = by_user(by)
    locked.full_clean()
    locked.save()
    decision = AssessmentDecision.objects.create(
        assessment=locked,
        kind=AssessmentDecision.Kind.AUTHORISED,
        comments=comments,
        decided_on=today,
        by=by_user(by),
        version=locked.version,
    )
    _scan_decision(by=by, assessment=locked, decision=decision)
    timescale = assessment_timescale(locked)
    on_time = (
        "within 45 working days"
        if timescale.status == Status.MET_IN_TIME
        else f"{timescale.count_unit.describe(timescale.days_late)} late"
    )
    codes = sorted(locked.factors.values_list("code", flat=True), key=factor_sort_key)
    factors = "no factors identified" if codes == [NO_FACTORS] else "factors " + ", ".join(codes)
    chronology_record(
        person=locked.person,
        kind="assessment",
        summary=f"{locked.get_kind_display()} authorised ({on_time}): "
        f"{locked.get_outcome_display().lower()}; {factors}",
        occurred_on=today,
        by=by,
        source=locked,
    )
    audit(
        by=by,
        action="assessment.authorised",
        target=locked,
        person=locked.person,
        reason=comments,
        detail={"outcome": locked.outcome, "version": locked.version},
    )
    return locked


@transaction.atomic
def assessment_return(
    *, by, assessment: Assessment, comments: str, version: int | None = None
) -> Assessment:
    """The manager returns the assessment to the worker with comments on what to change: it is
    a draft again, and the comments are kept with it."""
    locked, comments = _decide(by=by, assessment=assessment, comments=comments, version=version)
    if not comments:
        raise ValidationError({"comments": "Say what the worker needs to change"})
    locked.status = Assessment.Status.DRAFT
    locked.submitted_on, locked.submitted_by = None, None
    locked.version += 1
    locked.updated_by = by_user(by)
    locked.full_clean()
    locked.save()
    decision = AssessmentDecision.objects.create(
        assessment=locked,
        kind=AssessmentDecision.Kind.RETURNED,
        comments=comments,
        decided_on=timezone.localdate(),
        by=by_user(by),
        version=locked.version,
    )
    _scan_decision(by=by, assessment=locked, decision=decision)
    audit(
        by=by,
        action="assessment.returned",
        target=locked,
        person=locked.person,
        reason=comments,
        detail={"version": locked.version},
    )
    return locked


# -- people consulted ---------------------------------------------------------------------------


@transaction.atomic
def consultee_add(
    *,
    by,
    assessment: Assessment,
    what_they_said: str,
    consulted_on: datetime.date,
    relationship: str = "",
    person: Person | None = None,
    professional_name: str = "",
    agency: str = "",
    today: datetime.date | None = None,
) -> AssessmentConsultee:
    """Record someone consulted for the assessment (AP2) and what they said: a person in the
    child's family network, or a professional and their agency."""
    require_perm(by, "assessment.record")
    today = _today(today)
    locked = _lock(assessment)
    _expect_draft(locked)
    professional_name = " ".join((professional_name or "").split())
    errors = {}
    if person is None and not professional_name:
        errors["person"] = "Select the family member, or enter the professional's name"
    elif person is not None and professional_name:
        errors["person"] = "Record a family member or a professional, not both"
    elif person is not None:
        member = next(
            (
                m
                for m in family_network(locked.person, record_ids(locked.person), today=today)
                if m.person.pk == person.pk
            ),
            None,
        )
        if member is None:
            errors["person"] = "Select someone in the child's family network"
        elif not relationship.strip():
            relationship = member.relation
    elif agency not in Agency.values:
        errors["agency"] = "Select the professional's agency"
    if not what_they_said.strip():
        errors["what_they_said"] = "Enter what they said"
    elif len(what_they_said) > MAX_SECTION:
        errors["what_they_said"] = f"Keep this to {MAX_SECTION:,} characters or fewer"
    if consulted_on > today:
        errors["consulted_on"] = "The date cannot be in the future"
    elif consulted_on < locked.referral.referral_date:
        errors["consulted_on"] = "The date cannot be before the referral"
    if errors:
        raise ValidationError(errors)
    consultee = AssessmentConsultee(
        assessment=locked,
        person=person,
        professional_name=professional_name if person is None else "",
        agency=agency if person is None else "",
        relationship=relationship.strip()[:80],
        what_they_said=what_they_said.strip(),
        consulted_on=consulted_on,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    consultee.full_clean()
    consultee.save()
    language_scan(
        by=by,
        person=locked.person,
        source=consultee,
        texts={"what_they_said": consultee.what_they_said},
        label=f"{_label(locked)}: what {consultee.name} said",
        url=reverse("assessments:assessment", args=[locked.pk]),
    )
    audit(
        by=by,
        action="assessment.consultee_added",
        target=locked,
        person=locked.person,
        detail={"consultee": consultee.pk, "family": person is not None},
    )
    return consultee


@transaction.atomic
def consultee_end(*, by, consultee: AssessmentConsultee, reason: str = "") -> AssessmentConsultee:
    """Take someone off the list of people consulted (recorded in error, or a duplicate). The
    row is kept with when and why."""
    require_perm(by, "assessment.record")
    consultee = AssessmentConsultee.objects.select_for_update().get(pk=consultee.pk)
    assessment = _lock(consultee.assessment)
    _expect_draft(assessment)
    if consultee.ended_at is not None:
        raise ValidationError("This person has already been removed")
    consultee.ended_at = timezone.now()
    consultee.ended_reason = reason.strip()[:200]
    consultee.updated_by = by_user(by)
    consultee.full_clean()
    consultee.save()
    audit(
        by=by,
        action="assessment.consultee_removed",
        target=assessment,
        person=assessment.person,
        reason=consultee.ended_reason,
        detail={"consultee": consultee.pk},
    )
    return consultee

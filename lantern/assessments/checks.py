"""Practice checks on child and family assessments (shared/findings.md AP1, AP2, AP7).

Checks about assessments already submitted look at those awaiting the manager and those
authorised in the last COMPLETED_WINDOW_DAYS, so that a manager sees this year's practice rather
than every assessment since the system began; checks about open work look at all of it. Each
check is two queries (the assessments, and the working-day calendar where a due date is
needed) however many assessments there are."""

import datetime

from django.conf import settings
from django.db.models import Count, F, Q

from lantern.assessments.models import VOICE_FIELDS, Assessment
from lantern.assessments.presenters import assessment_timescale
from lantern.assessments.timeliness import open_assessments
from lantern.checks.registry import Check, Flag, register
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status

COMPLETED_WINDOW_DAYS = 365
# The child's lived experience and voice in fewer words than this is too thin to show the
# child's daily life (AP1). Set LANTERN_VOICE_MIN_WORDS in the settings to change it.
DEFAULT_VOICE_MIN_WORDS = 40


def voice_min_words() -> int:
    return int(getattr(settings, "LANTERN_VOICE_MIN_WORDS", DEFAULT_VOICE_MIN_WORDS))


def _label(assessment) -> str:  # an Assessment or an OpenAssessment
    return f"Assessment started {assessment.start_date:%-d %b %Y}"


def _submitted_q(today: datetime.date) -> Q:
    """Assessments with the manager, and those authorised in the window."""
    since = today - datetime.timedelta(days=COMPLETED_WINDOW_DAYS)
    return Q(status=Assessment.Status.SUBMITTED) | Q(
        status=Assessment.Status.AUTHORISED, authorised_on__gte=since
    )


def _submitted(today: datetime.date):
    return Assessment.objects.filter(_submitted_q(today))


def voice_shortfall(assessment: Assessment, *, min_words: int) -> str:
    """Why the child's lived experience and voice section is too thin ("" when it is not)."""
    words = assessment.voice_words
    if words == 0:
        return "the child's lived experience and voice section is empty"
    if not assessment.voice_said.strip():
        return "the voice section does not record what the child said"
    if words < min_words:
        return (
            f"the child's lived experience and voice section has {words} "
            f"word{'s' if words != 1 else ''} (at least {min_words} expected)"
        )
    return ""


@register
class VoiceOfTheChild(Check):
    id = "AP1-VOICE"
    finding = "AP1"
    title = "Child's voice missing or thin in an assessment"
    explanation = (
        "Inspectors found assessments focused on the parents rather than on the child's lived "
        "experience. Every assessment should say what the child's daily life is like, how the "
        "child was seen and heard, and what they said, in their words. This flags submitted "
        "and recently authorised assessments whose voice section is empty, does not record "
        "what the child said, or is shorter than the local minimum, and drafts past their due "
        "date with nothing in it."
    )
    action = (
        "See the child (alone where it is safe), record what they said and what their day is "
        "like, and add it to the assessment; a manager can return an assessment for this."
    )

    def flags(self, today, person_ids=None):
        min_words = voice_min_words()
        fields = ["id", "person_id", "status", "start_date", "submitted_on", "authorised_on"]
        # The children's restriction goes on the whole query, not inside each half of the
        # "or": as a subquery inside an "or", PostgreSQL cannot join on it and reads every
        # assessment.
        empty_draft = Q(status=Assessment.Status.DRAFT, **{name: "" for name in VOICE_FIELDS})
        rows = list(
            self.restrict(
                Assessment.objects.filter(_submitted_q(today) | empty_draft),
                "person_id",
                person_ids,
            )
            .only(*fields, *VOICE_FIELDS)
            .annotate(referral_date=F("referral__referral_date"))
            .order_by("start_date", "id")
        )
        calendar = get_calendar() if any(a.is_draft for a in rows) else None
        out = []
        for a in rows:
            if a.is_draft:
                timescale = assessment_timescale(
                    a, referral_date=a.referral_date, today=today, calendar=calendar
                )
                if timescale.status != Status.OVERDUE:
                    continue
                detail = (
                    f"{_label(a)}: due by {timescale.due:%-d %b %Y} and the child's lived "
                    "experience and voice section is still empty"
                )
                since = timescale.due
            else:
                shortfall = voice_shortfall(a, min_words=min_words)
                if not shortfall:
                    continue
                state = "authorised" if a.is_complete else "awaiting authorisation"
                detail = f"{_label(a)} ({state}): {shortfall}"
                since = a.authorised_on or a.submitted_on
            out.append(Flag(self.id, a.person_id, detail, since, f"assessment:{a.pk}"))
        return out


@register
class NoFamilyConsulted(Check):
    id = "AP2-FAMILY"
    finding = "AP2"
    title = "Assessment with no family member consulted"
    explanation = (
        "Inspectors found that family members' information was not sought. An assessment "
        "should record which parents, carers and relatives were spoken to and what they said; "
        "professionals' views alone do not count. This flags submitted and recently authorised "
        "assessments where no one from the child's family network was consulted."
    )
    action = (
        "Speak to the child's parents or carers and the wider family, and record what they "
        "said in the assessment (a manager can return it for this)."
    )

    def flags(self, today, person_ids=None):
        active = Q(consultees__ended_at__isnull=True)
        qs = (
            self.restrict(_submitted(today), "person_id", person_ids)
            .annotate(
                family=Count("consultees", filter=active & Q(consultees__person__isnull=False)),
                anyone=Count("consultees", filter=active),
            )
            .filter(family=0)
            .only("id", "person_id", "status", "start_date", "submitted_on", "authorised_on")
            .order_by("start_date", "id")
        )
        out = []
        for a in qs:
            who = "professionals only" if a.anyone else "no one recorded"
            out.append(
                Flag(
                    self.id,
                    a.person_id,
                    f"{_label(a)}: no family member consulted ({who})",
                    a.authorised_on or a.submitted_on,
                    f"assessment:{a.pk}",
                )
            )
        return out


@register
class AssessmentOverdue(Check):
    id = "AP7-OVERDUE"
    finding = "AP7"
    title = "Assessment overdue"
    explanation = (
        "A child and family assessment should be authorised within 45 working days of the "
        "referral (Working Together 2023); the manager can set a shorter timescale to suit "
        "the child. This flags assessments not yet authorised after their due date, so that "
        "children do not wait for help while an assessment drifts."
    )
    action = (
        "Finish the assessment and send it to the manager, or, if it is with the manager, "
        "authorise it or return it with what is needed."
    )

    def flags(self, today, person_ids=None):
        out = []
        for a in open_assessments(person_ids, today, get_calendar()):
            timescale = a.timescale
            if timescale.status != Status.OVERDUE:
                continue
            waiting = " (awaiting authorisation)" if a.submitted else ""
            out.append(
                Flag(
                    self.id,
                    a.person_id,
                    f"{_label(a)}{waiting}: due by {timescale.due:%-d %b %Y}, "
                    f"{timescale.label.lower()}",
                    timescale.due,
                    f"assessment:{a.pk}",
                )
            )
        return out

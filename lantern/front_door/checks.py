"""The front door's practice checks (shared/findings.md FD2, FD6–FD8, FD10, CP1, CP2).

Checks about decisions already made look back over a window (RECENT_DAYS) so that a manager
sees this quarter's practice, not every contact since the system began; checks about work still
open look at all of it."""

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

from lantern.checks.registry import Check, Flag, register
from lantern.front_door.codes import CLOSING_OUTCOMES, Consent, ConsentNotSoughtReason
from lantern.front_door.models import (
    Attendee,
    ContactChild,
    Decision,
    PartnerCheck,
    Section47,
    StrategyDiscussion,
)
from lantern.front_door.services.strategy import absent_key_agencies
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import due_at, due_date, load_rule_settings

RECENT_DAYS = 90


def _now(today: datetime.date) -> datetime.datetime:
    """'Now' for a check run on `today`: the real time today, or the end of an earlier day."""
    if today == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time(23, 59)))


def _since(today: datetime.date) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=RECENT_DAYS), datetime.time())
    )


def _when(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%-d %b %Y %H:%M}"


@register
class ConsentMissing(Check):
    id = "FD2-CONSENT"
    finding = "FD2"
    title = "Consent not recorded, or overridden with no safeguarding concern"
    explanation = (
        "Families should know when information about them is shared. Inspectors found partners "
        "sharing information without consent when there was no safeguarding concern, so "
        "parents were unaware. Each contact should say whether consent was sought and given, "
        "refused, or why it was not sought."
    )
    action = (
        "Record the consent position on the contact; where there was no safeguarding concern, "
        "give the referrer feedback about seeking consent."
    )

    def flags(self, today, person_ids=None):
        qs = ContactChild.objects.filter(contact__received_at__gte=_since(today)).filter(
            Q(contact__consent="")
            | Q(
                contact__consent=Consent.NOT_SOUGHT,
                contact__consent_not_sought_reason=ConsentNotSoughtReason.SAFEGUARDING,
                status=ContactChild.Status.DECIDED,
                decision__outcome__in=CLOSING_OUTCOMES,
            )
        )
        qs = self.restrict(qs, "person_id", person_ids).select_related("contact")
        out = []
        for cc in qs.order_by("contact__received_at"):
            if not cc.contact.consent:
                detail = f"Contact {cc.contact.reference}: consent not recorded"
            else:
                detail = (
                    f"Contact {cc.contact.reference}: consent overridden for safeguarding, but "
                    "the decision found no safeguarding concern"
                )
            out.append(
                Flag(self.id, cc.person_id, detail, cc.contact.received_on, f"contact:{cc.pk}")
            )
        return out


@register
class DecisionOverdue(Check):
    id = "FD6-DECISION-OVERDUE"
    finding = "FD6"
    title = "Front door decision overdue"
    explanation = (
        "A decision on a contact is due one working day after it is received (or at the new "
        "time a manager agreed when more information was needed). Children wait while "
        "decisions drift; a rushed decision without information is no better, so ask for more "
        "time openly instead."
    )
    action = (
        "Decide now, or record that more information is needed with the reason and a new time "
        "agreed by a manager."
    )

    def flags(self, today, person_ids=None):
        now = _now(today)
        qs = ContactChild.objects.exclude(status=ContactChild.Status.DECIDED).filter(
            decision_due_at__lt=now
        )
        qs = self.restrict(qs, "person_id", person_ids).select_related("contact")
        calendar = get_calendar()
        out = []
        for cc in qs.order_by("decision_due_at"):
            late = calendar.working_days_between(timezone.localdate(cc.decision_due_at), today)
            late_text = f", {late} working day{'s' if late != 1 else ''} late" if late else ""
            out.append(
                Flag(
                    self.id,
                    cc.person_id,
                    f"Contact {cc.contact.reference}: decision was due {_when(cc.decision_due_at)}"
                    + late_text,
                    timezone.localdate(cc.decision_due_at),
                    f"contact:{cc.pk}",
                )
            )
        return out


# A summary shorter than this many words cannot have weighed a history with anything in it.
THIN_SUMMARY_WORDS = 15


def _history_entries(shown: list) -> int:
    """How many earlier events the worker was shown, for the child and the family."""
    return sum(len(person.get("items", [])) for person in shown or [])


@register
class DecisionWithoutHistory(Check):
    id = "FD7-NO-HISTORY-SUMMARY"
    finding = "FD7"
    title = "Decision without a real history summary"
    explanation = (
        "Inspectors found children's histories were not routinely considered at the front "
        "door. Every decision should follow a written summary of the child's and family's "
        "history: earlier contacts and referrals, plans and care, and siblings' involvement. "
        "This flags decisions with no summary (such as records brought in from another "
        f"system) and summaries of fewer than {THIN_SUMMARY_WORDS} words when the child or "
        "family had earlier involvement to weigh."
    )
    action = "Read the child's and family's history and add what it means to the screening."

    def flags(self, today, person_ids=None):
        qs = (
            ContactChild.objects.filter(
                status=ContactChild.Status.DECIDED, decided_at__gte=_since(today)
            )
            .select_related("contact", "screening")
            .only(
                "person_id",
                "decided_at",
                "contact__id",
                "screening__history_summary",
                "screening__history_shown",
            )
        )
        qs = self.restrict(qs, "person_id", person_ids)
        out = []
        for cc in qs.order_by("decided_at"):
            screening = getattr(cc, "screening", None)
            summary = screening.history_summary if screening else ""
            if not summary:
                detail = "no history summary"
            else:
                words, entries = len(summary.split()), _history_entries(screening.history_shown)
                if words >= THIN_SUMMARY_WORDS or not entries:
                    continue
                detail = (
                    f"a {words}-word history summary, though {entries} earlier events were on "
                    "the child's and family's records"
                )
            out.append(
                Flag(
                    self.id,
                    cc.person_id,
                    f"Contact {cc.contact.reference}: decided {_when(cc.decided_at)} with {detail}",
                    timezone.localdate(cc.decided_at),
                    f"contact:{cc.pk}",
                )
            )
        return out


@register
class UnsafeClosure(Check):
    id = "FD8-UNSAFE-CLOSURE"
    finding = "FD8"
    title = "Closed or stepped down while risk was unknown"
    explanation = (
        "Inspectors found cases closed or stepped down to early help while risk remained or was "
        "unknown. This contact was closed, given advice or stepped down although the child had "
        "been referred in the last 12 months, had an open referral or plan, had risk factors "
        "not yet assessed, or was screened above early help."
    )
    action = (
        "Review the decision with the manager who made it; reopen the contact as a referral if "
        "the risk has not been assessed."
    )

    def flags(self, today, person_ids=None):
        qs = (
            Decision.objects.filter(outcome__in=CLOSING_OUTCOMES, decided_at__gte=_since(today))
            .exclude(concerns=[])
            .select_related("contact_child__contact")
        )
        qs = self.restrict(qs, "contact_child__person_id", person_ids)
        out = []
        for d in qs.order_by("decided_at"):
            cc = d.contact_child
            override = (
                f" Overridden: “{d.override_reason}”" if d.override_reason else " No override."
            )
            out.append(
                Flag(
                    self.id,
                    cc.person_id,
                    f"Contact {cc.contact.reference}: {d.get_outcome_display().lower()} — "
                    + "; ".join(d.concerns)
                    + "."
                    + override,
                    timezone.localdate(d.decided_at),
                    f"contact:{cc.pk}",
                )
            )
        return out


@register
class PartnerInterview(Check):
    id = "FD10-PARTNER-INTERVIEW"
    finding = "FD10"
    title = "Partner asked to interview the child"
    explanation = (
        "Inspectors found partners asked to interview children to inform social care "
        "decisions. Speaking to a child about possible harm is the social worker's job (with "
        "the police where a crime may have been committed); a partner's interview can "
        "contaminate evidence and leaves the child without the right support."
    )
    action = (
        "Make sure a social worker sees the child; record the decision with the child's "
        "views as heard by children's social care."
    )

    def flags(self, today, person_ids=None):
        qs = PartnerCheck.objects.filter(
            asked_to_speak_to_child=True,
            checked_on__gte=today - datetime.timedelta(days=RECENT_DAYS),
        ).select_related("contact_child__contact")
        qs = self.restrict(qs, "contact_child__person_id", person_ids)
        return [
            Flag(
                self.id,
                pc.contact_child.person_id,
                f"Contact {pc.contact_child.contact.reference}: "
                f"{pc.get_agency_display()} asked to speak to the child on "
                f"{pc.checked_on:%-d %B %Y}",
                pc.checked_on,
                f"partner_check:{pc.pk}",
            )
            for pc in qs.order_by("checked_on")
        ]


@register
class KeyAgencyAbsent(Check):
    id = "CP1-KEY-AGENCY-ABSENT"
    finding = "CP1"
    title = "Strategy discussion without a key agency"
    explanation = (
        "Working Together says a strategy discussion needs children's social care, the police "
        "and health as a minimum, with the child's school or nursery or the referrer. "
        "Inspectors found key agencies missing, so decisions were made without what they knew."
    )
    action = (
        "Share the discussion's decision with the absent agency, get what they know, and "
        "reconvene if it changes the decision."
    )

    def flags(self, today, person_ids=None):
        qs = (
            StrategyDiscussion.objects.filter(recorded_at__isnull=False, held_at__gte=_since(today))
            .select_related("referral")
            .prefetch_related(
                Prefetch(
                    "attendees", queryset=Attendee.objects.only("strategy_id", "agency", "attended")
                )
            )
        )
        qs = self.restrict(qs, "person_id", person_ids)
        out = []
        for s in qs.order_by("held_at"):
            absent = absent_key_agencies(s.attendees.all(), s.referral.source)
            if absent:
                out.append(
                    Flag(
                        self.id,
                        s.person_id,
                        f"{s.get_kind_display()} on {_when(s.held_at)}: "
                        + ", ".join(absent)
                        + " not there",
                        timezone.localdate(s.held_at),
                        f"strategy:{s.pk}",
                    )
                )
        return out


@register
class NotRecorded(Check):
    id = "CP2-NOT-RECORDED"
    finding = "CP2"
    title = "Strategy discussion or section 47 outcome not recorded"
    explanation = (
        "Inspectors found strategy meetings and section 47 enquiries not recorded or poorly "
        "recorded. A strategy discussion's record, with its decision and the plan for the "
        "enquiry, is due one working day after it is held; a section 47 enquiry's outcome is "
        "needed by the time the initial conference is due (15 working days)."
    )
    action = "Complete the record now, with the decision and the actions agreed."

    def flags(self, today, person_ids=None):
        now = _now(today)
        settings, calendar = load_rule_settings(), get_calendar()
        out = []
        pending = StrategyDiscussion.objects.filter(recorded_at__isnull=True, held_at__lt=now)
        for s in self.restrict(pending, "person_id", person_ids).order_by("held_at"):
            due = due_at("strategy_record", s.held_at, settings=settings, calendar=calendar)
            if due < now:
                out.append(
                    Flag(
                        self.id,
                        s.person_id,
                        f"{s.get_kind_display()} held {_when(s.held_at)} not recorded "
                        f"(due {_when(due)})",
                        timezone.localdate(due),
                        f"strategy:{s.pk}",
                    )
                )
        open_enquiries = Section47.objects.filter(outcome="")
        for e in self.restrict(open_enquiries, "person_id", person_ids).order_by("start_date"):
            due = due_date("icpc", e.start_date, calendar=calendar)
            if due < today:
                out.append(
                    Flag(
                        self.id,
                        e.person_id,
                        f"Section 47 enquiry started {e.start_date:%-d %B %Y} has no outcome "
                        f"(conference was due by {due:%-d %B %Y})",
                        due,
                        f"section47:{e.pk}",
                    )
                )
        return out

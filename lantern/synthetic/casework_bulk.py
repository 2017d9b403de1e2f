"""The casework of a Plan as rows in bulk: the same rows as casework_writers.py writes through
the services, for generating a large authority quickly.

Each referral's casework is replayed step by step in the order it happened (its steps do not
depend on any other referral's), on unsaved model instances, doing exactly what each service
does: the rows it makes and changes, the row history of every save (as `Snapshot`s: the row's
tracked fields at that save), its chronology entries, audit events and language findings (AP4,
with the same phrase matching). A batch of referrals is then written with bulk_create, parents
before children, followed by their history, chronology, audit events and findings.

What the closure checks find is not recomputed here: the plan settled it
(casework_settle.py), and the services writer checks the services agree.
"""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import models, transaction

from lantern.assessments.codes import factor_sort_key
from lantern.assessments.models import (
    TEXT_SECTIONS,
    Assessment,
    AssessmentConsultee,
    AssessmentDecision,
    AssessmentFactor,
)
from lantern.assessments.presenters import RULE as ASSESSMENT_RULE
from lantern.assessments.services import NO_FACTORS, clean_factors
from lantern.casenotes.models import CaseNote
from lantern.casenotes.services import _summary as casenote_summary
from lantern.child_protection.models import Conference, ConferenceAttendee, CoreGroup
from lantern.closure.models import ClosureRequest
from lantern.front_door.codes import Agency, ReasonForClosure
from lantern.language.matching import find_phrases
from lantern.language.models import Finding, Phrase
from lantern.plans.models import ActionProgress, Plan, PlanAction, PlanNeed, PlanReview
from lantern.synthetic.casework_bulk_plans import PlanSteps
from lantern.synthetic.casework_plan import events
from lantern.synthetic.front_door_writers import _aware
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status, assess, due_date, load_rule_settings

# Written in this order: each after the rows it points at.
MODELS = [
    Assessment,
    AssessmentFactor,
    AssessmentConsultee,
    AssessmentDecision,
    Plan,
    PlanNeed,
    PlanAction,
    PlanReview,
    ActionProgress,
    CoreGroup,
    Conference,
    ConferenceAttendee,
    CaseNote,
    ClosureRequest,
]


def _pk(value):
    return value.pk if isinstance(value, models.Model) else value


def _resolve(value):
    """A deferred value (a callable, for what needs the primary keys of new rows) resolved."""
    return value() if callable(value) else value


@dataclass
class Snapshot:
    """A row's tracked fields as one save left them ('+' first saved, '~' saved again)."""

    obj: models.Model
    values: dict
    kind: str
    reason: str | None


class _Batch(PlanSteps):
    """One batch of referrals' casework: replayed, then written."""

    def __init__(
        self, plan, *, pks, referral_pks, section47_pks, users, phrases, calendar, settings
    ):
        self.plan = plan
        self.cw = plan.casework
        self.pks = pks
        self.referral_pks = referral_pks
        self.section47_pks = section47_pks
        self.users = users
        self.phrases = phrases
        self.phrase_pk = {p.phrase: p.pk for p in phrases}
        self.phrase_name = {p.pk: p.phrase for p in phrases}
        self.calendar = calendar
        self.settings = settings
        self.rows: dict[type, list] = {model: [] for model in MODELS}
        self.snapshots: dict[type, list[Snapshot]] = {}
        self.chronology: list[dict] = []
        self.audit: list[dict] = []
        self.findings: list[dict] = []
        self.open_findings: dict[int, set] = {}
        self.assessments: dict[int, Assessment] = {}
        self.factors: dict[int, list[str]] = {}
        self.consultees: dict[int, int] = {}  # active consultees by assessment
        self.plans: dict[int, Plan] = {}
        self.needs: dict[tuple[int, int], PlanNeed] = {}
        self.actions: dict[tuple[int, int], PlanAction] = {}
        self.plan_actions: dict[int, list[PlanAction]] = {}
        self.plan_needs: dict[int, list[PlanNeed]] = {}
        self.conferences: dict[int, Conference] = {}
        self.pending_review: dict[int, Conference] = {}
        self.pending_group: dict[int, CoreGroup] = {}
        self.requests: dict[int, ClosureRequest] = {}

    # -- recording what a service does --

    def new(self, obj):
        self.rows[type(obj)].append(obj)
        return obj

    def snap(self, obj, kind: str, reason: str | None = None) -> None:
        """The row's tracked fields now (related rows as instances, for their keys later)."""
        historical = type(obj).history.model
        values = {}
        for f in historical.tracked_fields:
            if f.is_relation and f.is_cached(obj):
                values[f.attname] = f.get_cached_value(obj)
            else:
                values[f.attname] = getattr(obj, f.attname)
        self.snapshots.setdefault(type(obj), []).append(Snapshot(obj, values, kind, reason))

    def chronicle(self, *, person, kind, summary, on, source, by) -> None:
        self.chronology.append(
            {
                "person_pk": person,
                "kind": kind,
                "summary": summary,
                "on": on,
                "source": source,
                "by": by,
            }
        )

    def event(self, *, by, action, target, person, reason="", detail=None) -> None:
        self.audit.append(
            {
                "by": by,
                "action": action,
                "target": target,
                "person_pk": person,
                "reason": reason,
                "detail": detail,
            }
        )

    def scan(self, *, by, person, source, texts: dict, label: str, url: Callable) -> None:
        """As language_scan(): a finding for each phrase newly present in each field, and an
        audit event naming them. `texts` maps field names (or callables giving them) to text."""
        open_ = self.open_findings.setdefault(id(source), set())
        found: dict = {}
        for field, text in texts.items():
            for match in find_phrases(text or "", self.phrases):
                found.setdefault((field, self.phrase_pk[match.phrase]), match)
        present = set(found)
        for key in open_:
            if key not in present and key[0] in texts:
                raise NotImplementedError("A later save clears a language finding")
        new = [(key, match) for key, match in found.items() if key not in open_]
        if not new:
            return
        for (field, phrase), match in new:
            open_.add((field, phrase))
            self.findings.append(
                {
                    "person_pk": person,
                    "source": source,
                    "field": field,
                    "label": label[:120],
                    "url": url,
                    "phrase": phrase,
                    "excerpt": match.excerpt[:300],
                    "by": by,
                }
            )
        self.event(
            by=by,
            action="language.found",
            target=source,
            person=person,
            detail={"phrases": sorted({self.phrase_name[p] for (_f, p), _m in new})},
        )

    # -- replaying one referral's casework --

    def replay(self, steps) -> None:
        for _key, kind, i, j in steps:
            getattr(self, kind)(i, j)

    # assessments

    def _label(self, a: Assessment) -> str:
        return f"{a.get_kind_display()} started {a.start_date:%-d %b %Y}"

    def assessment_start(self, i, j):
        a = self.cw.assessments[i]
        by = self.users[a.worker]
        referral = self.plan.referrals[a.referral]
        row = self.new(
            Assessment(
                person_id=self.pks[a.person],
                referral_id=self.referral_pks[a.referral],
                kind=Assessment.Kind.SINGLE,
                start_date=a.start_date,
                created_by=by,
                updated_by=by,
            )
        )
        self.assessments[i], self.factors[i], self.consultees[i] = row, [], 0
        self.snap(row, "+")
        due = due_date(
            ASSESSMENT_RULE, referral.referral_date, calendar=self.calendar, settings=self.settings
        )
        self.chronicle(
            person=row.person_id,
            kind="assessment",
            summary=f"{row.get_kind_display()} started; due by {due:%-d %B %Y}",
            on=a.start_date,
            source=row,
            by=by,
        )
        self.event(
            by=by,
            action="assessment.started",
            target=row,
            person=row.person_id,
            detail={"kind": row.kind, "referral": row.referral_id},
        )

    def consultee(self, i, j):
        a = self.cw.assessments[i]
        c = a.consultees[j]
        by = self.users[a.worker]
        row = self.assessments[i]
        family = c.person is not None
        professional = " ".join((c.professional_name or "").split())
        consultee = self.new(
            AssessmentConsultee(
                assessment=row,
                person_id=self.pks[c.person] if family else None,
                professional_name="" if family else professional,
                agency="" if family else c.agency,
                relationship=c.relationship.strip()[:80],
                what_they_said=c.said.strip(),
                consulted_on=c.at.date(),
                created_by=by,
                updated_by=by,
            )
        )
        self.consultees[i] += 1
        self.snap(consultee, "+")
        if family:
            person = self.plan.people[c.person]
            name = " ".join(p for p in (person.first_name, person.last_name) if p) or "(no name)"
        else:
            name = f"{professional} ({Agency(c.agency).label})"
        self.scan(
            by=by,
            person=row.person_id,
            source=consultee,
            texts={"what_they_said": consultee.what_they_said},
            label=f"{self._label(row)}: what {name} said",
            url=row.get_absolute_url,
        )
        self.event(
            by=by,
            action="assessment.consultee_added",
            target=row,
            person=row.person_id,
            detail=lambda: {"consultee": consultee.pk, "family": family},
        )

    def assessment_save(self, i, j):
        a = self.cw.assessments[i]
        fields = a.saves[j].fields
        by = self.users[a.worker]
        row = self.assessments[i]
        # As _clean_sections.
        clean: dict = {}
        for name in TEXT_SECTIONS:
            if name in fields:
                clean[name] = (fields[name] or "").strip()
        if "seen_alone" in fields:
            clean["seen_alone"] = fields["seen_alone"]
        if clean.get("seen_alone") is True:
            clean["not_seen_alone_reason"] = ""
        if "child_seen_on" in fields:
            clean["child_seen_on"] = fields["child_seen_on"]
        if "outcome" in fields:
            clean["outcome"] = fields["outcome"] or ""
        codes = clean_factors(fields["factors"] or []) if "factors" in fields else None
        changed = sorted(name for name, value in clean.items() if getattr(row, name) != value)
        if codes is not None:
            current = self.factors[i]
            if [c for c in current if c not in codes]:
                raise NotImplementedError("A later save removes an assessment factor")
            added = [code for code in codes if code not in current]
            for code in added:
                factor = self.new(AssessmentFactor(assessment=row, code=code))
                self.snap(factor, "+")
            self.factors[i] = current + added
            if added:
                changed.append("factors")
        if not changed:
            return
        for name, value in clean.items():
            setattr(row, name, value)
        row.version += 1
        row.updated_by = by
        self.snap(row, "~")
        self.scan(
            by=by,
            person=row.person_id,
            source=row,
            texts={name: getattr(row, name) for name in TEXT_SECTIONS},
            label=self._label(row),
            url=row.get_absolute_url,
        )
        self.event(
            by=by,
            action="assessment.saved",
            target=row,
            person=row.person_id,
            detail={"version": row.version, "fields": changed},
        )

    def assessment_submit(self, i, j):
        a = self.cw.assessments[i]
        by = self.users[a.worker]
        row = self.assessments[i]
        row.status = Assessment.Status.SUBMITTED
        row.submitted_on = a.submitted_at.date()
        row.submitted_by = by
        row.version += 1
        row.updated_by = by
        self.snap(row, "~")
        self.event(
            by=by,
            action="assessment.submitted",
            target=row,
            person=row.person_id,
            detail={"version": row.version},
        )

    def assessment_authorise(self, i, j):
        a = self.cw.assessments[i]
        by = self.users[a.manager]
        row = self.assessments[i]
        today = a.authorised_at.date()
        comments = a.comments.strip()
        row.status = Assessment.Status.AUTHORISED
        row.authorised_on = today
        row.authorised_by = by
        row.version += 1
        row.updated_by = by
        self.snap(row, "~")
        decision = self.new(
            AssessmentDecision(
                assessment=row,
                kind=AssessmentDecision.Kind.AUTHORISED,
                comments=comments,
                decided_on=today,
                by=by,
                version=row.version,
            )
        )
        self.scan(
            by=by,
            person=row.person_id,
            source=decision,
            texts={"comments": decision.comments},
            label=f"{self._label(row)}: the manager's comments",
            url=row.get_absolute_url,
        )
        referral_date = self.plan.referrals[a.referral].referral_date
        timescale = assess(
            ASSESSMENT_RULE,
            referral_date,
            done_on=today,
            calendar=self.calendar,
            settings=self.settings,
        )
        on_time = (
            "within 45 working days"
            if timescale.status == Status.MET_IN_TIME
            else f"{timescale.count_unit.describe(timescale.days_late)} late"
        )
        codes = sorted(self.factors[i], key=factor_sort_key)
        factors = (
            "no factors identified" if codes == [NO_FACTORS] else "factors " + ", ".join(codes)
        )
        self.chronicle(
            person=row.person_id,
            kind="assessment",
            summary=f"{row.get_kind_display()} authorised ({on_time}): "
            f"{row.get_outcome_display().lower()}; {factors}",
            on=today,
            source=row,
            by=by,
        )
        self.event(
            by=by,
            action="assessment.authorised",
            target=row,
            person=row.person_id,
            reason=comments,
            detail={"outcome": row.outcome, "version": row.version},
        )

    # case notes

    def note(self, i, j):
        n = self.cw.notes[i]
        by = self.users[n.by]
        note = self.new(
            CaseNote(
                person_id=self.pks[n.person],
                kind=n.kind,
                occurred_on=n.occurred_on,
                title=n.title.strip(),
                text=n.text.strip(),
                child_seen=n.child_seen,
                seen_alone=n.seen_alone
                if n.child_seen
                else (False if n.child_seen is False else None),
                created_by=by,
                updated_by=by,
            )
        )
        self.snap(note, "+")
        self.scan(
            by=by,
            person=note.person_id,
            source=note,
            texts={"title": note.title, "text": note.text},
            label=f"{note.get_kind_display()} on {note.occurred_on:%-d %b %Y}",
            url=note.get_absolute_url,
        )
        self.chronicle(
            person=note.person_id,
            kind="casenote",
            summary=casenote_summary(note),
            on=note.occurred_on,
            source=note,
            by=by,
        )
        self.event(
            by=by,
            action="casenote.added",
            target=note,
            person=note.person_id,
            detail={"kind": n.kind, "also_about": []},
        )

    # closures

    def closure_request(self, i, j):
        c = self.cw.closures[i]
        by = self.users[c.requested_by]
        request = self.new(
            ClosureRequest(
                referral_id=self.referral_pks[c.referral],
                person_id=self.pks[c.person],
                kind=c.kind,
                reason=c.reason,
                closure_date=c.closure_date,
                rationale=c.rationale.strip(),
                concerns=c.concerns,
                requested_by=by,
                requested_at=_aware(c.requested_at),
                created_by=by,
                updated_by=by,
            )
        )
        self.requests[i] = request
        self.snap(request, "+")
        self.event(
            by=by,
            action="closure.requested",
            target=request,
            person=request.person_id,
            detail={
                "kind": c.kind,
                "reason": c.reason,
                "closure_date": c.closure_date,
                "concerns": [x["code"] for x in c.concerns],
            },
        )
        self.scan(
            by=by,
            person=request.person_id,
            source=request,
            texts={"rationale": request.rationale},
            label=request.title,
            url=request.get_absolute_url,
        )

    def closure_approve(self, i, j):
        c = self.cw.closures[i]
        by = self.users[c.approved_by]
        request = self.requests[i]
        comment = c.comment.strip()
        override = c.override_reason.strip() if c.decision_concerns else ""
        request.status = ClosureRequest.Status.APPROVED
        request.decided_by, request.decided_at = by, _aware(c.approved_at)
        request.manager_comment, request.override_reason = comment, override
        request.decision_concerns = c.decision_concerns
        request.updated_by = by
        self.snap(request, "~")
        # The referral itself is closed by referral_close, which the front door's bulk writer
        # writes for every closed referral (front_door_writers.write_in_bulk).
        label = ReasonForClosure(c.reason).label
        what = "Stepped down to early help" if request.is_step_down else "Case closed"
        for index, plan in self.plans.items():
            p = self.cw.plans[index]
            if p.kind == "cin" and p.ended_via == "closure" and p.referral == c.referral:
                self._end_plan(plan, by=by, end_date=c.closure_date, reason=f"{what}: {label}")
        how = "approved with an override of the checks" if override else "approved"
        self.chronicle(
            person=request.person_id,
            kind="closure",
            summary=f"{what} ({c.reason}: {label}), {how} by {by or 'Lantern'}",
            on=c.closure_date,
            source=request,
            by=by,
        )
        self.event(
            by=by,
            action="closure.approved",
            target=request,
            person=request.person_id,
            reason=override,
            detail={
                "concerns": [x["code"] for x in c.decision_concerns],
                "overridden": bool(override),
                "nfa": c.nfa,
            },
        )
        self.scan(
            by=by,
            person=request.person_id,
            source=request,
            texts={"manager_comment": comment, "override_reason": override},
            label=request.title,
            url=request.get_absolute_url,
        )

    # -- writing --

    def write(self, rows, history) -> None:
        for model in MODELS:
            if self.rows[model]:
                model.objects.bulk_create(self.rows[model])
        for model, snapshots in self.snapshots.items():
            created, changed = [], []
            for s in snapshots:
                values = {k: _pk(v) for k, v in s.values.items()}
                values["id"] = s.obj.pk
                for stamp in ("created_at", "updated_at"):  # set when the row was written
                    if stamp in values:
                        values[stamp] = getattr(s.obj, stamp)
                row = SimpleNamespace(**values, _change_reason=s.reason)
                (created if s.kind == "+" else changed).append(row)
            history(model, created, changed)
        Finding.objects.bulk_create(
            Finding(
                person_id=f["person_pk"],
                source_type=f["source"]._meta.label_lower,
                source_id=f["source"].pk,
                field=_resolve(f["field"]),
                source_label=f["label"],
                source_url=f["url"]()[:200],
                phrase_id=f["phrase"],
                excerpt=f["excerpt"],
                found_by=f["by"],
            )
            for f in self.findings
        )
        for c in self.chronology:
            rows.chronicle(
                person_pk=c["person_pk"],
                kind=c["kind"],
                summary=c["summary"],
                on=c["on"],
                source=c["source"],
                by=c["by"],
            )
        for e in self.audit:
            rows.event(
                by=e["by"],
                action=e["action"],
                target=e["target"],
                person_pk=e["person_pk"],
                reason=e["reason"],
                detail=_resolve(e["detail"]),
            )
        rows.flush()


def write_in_bulk(
    plan, *, pks, referral_pks, section47_pks, users, rows_for, history, progress, batch=2000
):
    """The same rows as the casework's services writer, a batch of referrals' casework per
    transaction. `pks` are the people's primary keys by ref, `referral_pks` and
    `section47_pks` the front door's rows' by plan index (front_door_writers.write_in_bulk),
    `users` the User rows by username; `rows_for()` gives a writers._Rows and
    `history(model, created, changed)` writes row history as writers._history does."""
    cw = plan.casework
    by_referral: dict[int, list] = {}
    for key, kind, i, j in events(cw):
        by_referral.setdefault(_referral_of(cw, kind, i), []).append((key, kind, i, j))
    referrals = sorted(by_referral)
    phrases = list(Phrase.objects.filter(active=True))
    calendar, settings = get_calendar(), load_rule_settings()
    done = 0
    size = max(1, batch // 10)
    for start in range(0, len(referrals), size):
        chunk = referrals[start : start + size]
        work = _Batch(
            plan,
            pks=pks,
            referral_pks=referral_pks,
            section47_pks=section47_pks,
            users=users,
            phrases=phrases,
            calendar=calendar,
            settings=settings,
        )
        for r in chunk:
            work.replay(by_referral[r])
        with transaction.atomic():
            work.write(rows_for(), history)
        done += len(chunk)
        progress("casework", done, len(referrals))


def _referral_of(cw, kind: str, i: int) -> int:
    if kind.startswith(("assessment", "consultee")):
        return cw.assessments[i].referral
    if kind.startswith("plan"):
        return cw.plans[i].referral
    if kind in ("conference_schedule", "icpc", "review_conference"):
        return cw.conferences[i].referral
    if kind == "core_group":
        return cw.plans[cw.core_groups[i].plan].referral
    if kind == "note":
        return cw.notes[i].referral
    return cw.closures[i].referral

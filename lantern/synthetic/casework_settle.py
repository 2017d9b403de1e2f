"""The last part of filling in the casework (lantern/synthetic/casework_content.py): records
planted so that every casework check has something to find in any generated authority, and
what the closure checks (lantern/closure/concerns.py, findings FD8 and CP6) found when each
closure was asked for and when it was approved, worked out from the casework as it stood at
those moments. A manager who approved despite concerns gives an override reason.

A mixin of casework_content._Content: it reads the content's plan, people and calendar."""

import datetime
from random import Random

from lantern.closure.concerns import (
    HIGH_RISK_FACTORS_CODE,
    OPEN_ACTIONS,
    RE_REFERRAL,
    SHOW_ACTIONS,
    and_join,
    factor_words,
)
from lantern.plans.models import Plan as PlanModel
from lantern.synthetic import casework_text as T
from lantern.synthetic.casework_plan import (
    DAY,
    HIGH_RISK,
    CasePlan,
    ClosurePlan,
    ConsulteePlan,
)
from lantern.timescales.engine import add_months

KIND_LABEL = {k: str(label) for k, label in PlanModel.Kind.choices}
# Phrases from the language app's default list that casework_text.MINIMISING uses.
MINIMISING_MARKS = (
    "over chastisement",
    "volatile relationship",
    "rough handling",
    "toxic trio",
    "disguised compliance",
    "putting themselves at risk",
    "lifestyle choice",
)


def _d(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


class Settling:
    # -- planted records: every casework check has something to find --

    def plant(self) -> None:
        cw, today = self.cw, self.today
        rng = Random(f"casework-plant-{self.seed}")
        since = today - 300 * DAY
        done = [
            a
            for a in cw.assessments
            if a.submitted_at is not None and a.submitted_at.date() >= since
        ]
        done.sort(key=lambda a: (a.submitted_at, a.referral))

        # AP1: a thin voice section.
        def words_of(a):
            voice = a.state()
            return sum(
                len(str(voice.get(f, "")).split())
                for f in ("lived_experience", "voice_how", "voice_said")
            )

        if done and not any(words_of(a) < 40 for a in done):
            a = done[-1]
            for save in a.saves:
                if "voice_said" in save.fields:
                    save.fields.update(
                        lived_experience="Lives with Mum.",
                        voice_how="Seen at home.",
                        voice_said="Said things are ok.",
                    )
        # AP2: no family member consulted.
        if done and all(any(c.person is not None for c in a.consultees) for a in done):
            a = done[len(done) // 2]
            if any(c.person is None for c in a.consultees):
                a.consultees = [c for c in a.consultees if c.person is None]
            else:
                c = a.consultees[0]
                a.consultees[0] = ConsulteePlan(
                    c.at,
                    "No concerns from school; attendance is good.",
                    "Designated safeguarding lead",
                    professional_name=f"{rng.choice(self.first_names)} "
                    f"{rng.choice(self.last_names)}",
                    agency="education",
                )
                a.consultees = a.consultees[:1]
        # AP6: an open plan with an action missing something.
        open_plans = [p for p in cw.plans if p.end_date is None and p.kind == "cin"]
        if open_plans and not any(
            not a.complete
            for p in open_plans
            for a in p.actions
            if p.finalised_at is None and p.start_date < today - 10 * DAY
        ):
            candidates = [p for p in open_plans if p.start_date < today - 10 * DAY]
            if candidates:
                p = candidates[0]
                p.finalised_at = None
                p.actions[-1].due_date = None
        # CP-VISIT-OVERDUE: an open child protection plan whose child has not been seen.
        open_cp = [i for i, p in enumerate(cw.plans) if p.kind == "cp" and p.end_date is None]
        if open_cp and not any(self.visit_overdue(cw.plans[i]) for i in open_cp):
            plan = cw.plans[open_cp[0]]
            recent = self.back(today, 13)
            cw.notes = [
                n
                for n in cw.notes
                if not (n.person == plan.person and n.kind == "visit" and n.occurred_on > recent)
            ]

        # FD8 and CP6: a recent quick closure after domestic abuse or substance misuse.
        def quick(c):
            a = next((a for a in cw.assessments if a.referral == c.referral), None)
            if a is None or a.authorised_at is None:
                return None
            return a if c.closure_date < add_months(a.authorised_at.date(), 3) else None

        recent = [
            c
            for c in cw.closures
            if today - 85 * DAY <= c.closure_date < today and c.reason in ("RC7", "RC8", "RC9")
        ]
        if recent and not any(
            (a := quick(c)) and HIGH_RISK & set(a.state().get("factors", [])) for c in recent
        ):
            candidates = [c for c in recent if quick(c)]
            if candidates:
                c = candidates[-1]
                a = quick(c)
                for save in a.saves:
                    if "factors" in save.fields:
                        codes = [x for x in save.fields["factors"] if x != "21"]
                        save.fields["factors"] = codes + ["3B"]
        # AP4: minimising language somewhere (if nothing had any).
        texts = [n.text for n in cw.notes] + [
            str(v) for a in cw.assessments for save in a.saves for v in save.fields.values()
        ]
        if not any(mark in t.lower() for t in texts for mark in MINIMISING_MARKS):
            notes = [n for n in cw.notes if n.occurred_on >= today - 60 * DAY]
            if notes:
                n = notes[0]
                n.text += " Police described the adults' volatile relationship."

    def back(self, day, n):
        for _ in range(n):
            day -= DAY
            while not self.cal.is_working_day(day):
                day -= DAY
        return day

    def visit_overdue(self, plan) -> bool:
        seen = [
            n.occurred_on
            for n in self.cw.notes
            if n.person == plan.person
            and n.kind == "visit"
            and n.child_seen
            and n.occurred_on >= plan.start_date
        ]
        last = max(seen, default=plan.start_date)
        return self.wd(last, 10) < self.today

    # -- what the closure checks found --

    def settle(self) -> None:
        """For each closure, the concerns closure_concerns() finds when the worker asks and
        when the manager decides (lantern/closure/concerns.py), from the casework as it stood
        then; a manager who approves despite them gives a reason."""
        cw, fd = self.cw, self.fd
        rng = Random(f"casework-settle-{self.seed}")
        plans_of: dict[int, list[CasePlan]] = {}
        for p in cw.plans:
            plans_of.setdefault(p.person, []).append(p)
        for c in cw.closures:
            self.approval[c.referral] = c.approved_at
        for c in cw.closures:
            c.concerns = self.concerns(c, plans_of.get(c.person, []), c.requested_at)
            c.decision_concerns = self.concerns(c, plans_of.get(c.person, []), c.approved_at)
            if c.decision_concerns:
                code = c.decision_concerns[0]["code"]
                c.override_reason = rng.choice(
                    T.OVERRIDE_REASONS.get(code, T.OVERRIDE_REASONS["other"])
                )
                if self.heads and rng.random() < 0.1:
                    c.approved_by = rng.choice(self.heads)
            c.nfa = False  # every closed referral with casework was assessed
            referral = fd.referrals[c.referral]
            referral.closed_by = c.approved_by
            referral.nfa = c.nfa

    def plan_open_at(self, p: CasePlan, moment) -> bool:
        if p.kind == "cp":
            held = next(
                c.held_at
                for c in self.cw.conferences
                if c.kind == "initial" and c.plan is not None and self.cw.plans[c.plan] is p
            )
            if held >= moment:
                return False
        elif p.started_at >= moment:
            return False
        if p.end_date is None:
            return True
        if p.ended_via == "event":
            return p.ended_at > moment
        if p.ended_via == "closure":  # ended by the approval, after its checks
            return self.approval[p.referral] >= moment
        if p.ended_via == "conference":
            index = self.cw.plans.index(p)
            ended = next(
                c.held_at
                for c in self.cw.conferences
                if c.plan == index and c.kind == "review" and c.decision == "end_plan"
            )
            return ended > moment
        return False

    def concerns(self, c: ClosurePlan, plans: list[CasePlan], moment) -> list[dict]:
        child = self.people[c.person]
        name = " ".join(p for p in (child.first_name, child.last_name) if p) or "(no name)"
        out = []
        open_plans = [p for p in plans if self.plan_open_at(p, moment)]
        if any(p.kind == "cp" for p in open_plans):
            raise ValueError(f"Closure of referral {c.referral} while a CP plan is open")
        actions = []
        for p in open_plans:
            for i, a in enumerate(p.actions):
                if a.at < moment and self.status_before(p, i, moment) in (
                    "not_started",
                    "in_progress",
                ):
                    actions.append((p, i, a))
        if actions:
            if any(a.due_date is None for _, _, a in actions):
                raise ValueError(f"Closure of referral {c.referral} with an undated open action")
            actions.sort(key=lambda x: (x[2].due_date, x[1], self.cw.plans.index(x[0])))
            shown = [
                f"“{a.action[:80]}” ({KIND_LABEL[p.kind].lower()}, due {_d(a.due_date)})"
                for p, _, a in actions[:SHOW_ACTIONS]
            ]
            more = len(actions) - SHOW_ACTIONS
            listed = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
            count = f"{len(actions)} plan action{'s are' if len(actions) != 1 else ' is'}"
            out.append(
                {
                    "code": OPEN_ACTIONS,
                    "text": f"{count} not done: {listed}. Closing now leaves what the plan said "
                    f"{name} needs unfinished.",
                    "overridable": True,
                }
            )
        for p in open_plans:
            if p.kind == "safety":
                raise ValueError(f"Closure of referral {c.referral} with a safety plan open")
        assessments = [a for a in self.cw.assessments if a.referral == c.referral]
        for a in assessments:
            if a.authorised_at is None or a.authorised_at >= moment:
                raise ValueError(f"Closure of referral {c.referral} with an open assessment")
        rdate = self.fd.referrals[c.referral].referral_date
        earlier = [
            self.fd.referrals[i]
            for i in self.referrals_of.get(c.person, [])
            if i != c.referral
            and add_months(rdate, -12) <= self.fd.referrals[i].referral_date <= rdate
        ]
        if earlier:
            previous = max(earlier, key=lambda r: r.referral_date)
            out.append(
                {
                    "code": RE_REFERRAL,
                    "text": f"Re-referral: {name} was referred before on "
                    f"{_d(previous.referral_date)}, within 12 months of this referral on "
                    f"{_d(rdate)}. A repeat referral can mean earlier help did not make the "
                    "child safer.",
                    "overridable": True,
                }
            )
        if c.reason in ("RC7", "RC8", "RC9") and assessments:
            latest = max(assessments, key=lambda a: (a.authorised_at.date(), a.start_date))
            words = factor_words(latest.state().get("factors", []))
            authorised = latest.authorised_at.date()
            earliest = add_months(authorised, 3)
            if words and c.closure_date < earliest:
                out.append(
                    {
                        "code": HIGH_RISK_FACTORS_CODE,
                        "text": f"The assessment authorised on {_d(authorised)} identified "
                        f"{and_join(words)}. Closing on {_d(c.closure_date)} is within 3 months "
                        f"of it (the earliest closure without a manager's override is "
                        f"{_d(earliest)}): change in these takes time to be sure of.",
                        "overridable": True,
                    }
                )
        return out

"""Filling in each referral's casework (step 2 of lantern/synthetic/casework_plan.py): the
assessment's sections and the people consulted, the plans' needs, actions and reviews,
conferences and their attendees, core groups, visits and other case notes, closures, and who did
each step; then the records planted for the casework checks, and what the closure checks found
(FD8, CP6) when each closure was asked for and approved.

Pure: no database. Each referral's content comes from a random stream of its own, so the same
seed gives the same casework whatever else changes around it."""

import datetime
from random import Random

from lantern.people.codes import Disability, Ethnicity
from lantern.synthetic import casework_text as T
from lantern.synthetic import front_door_text as FT
from lantern.synthetic.casework_plan import (
    DAY,
    HIGH_RISK,
    MINUTE,
    ActionPlan,
    AssessmentPlan,
    CasePlan,
    CaseworkPlan,
    ClosurePlan,
    ConferencePlan,
    ConsulteePlan,
    CoreGroupPlan,
    MeetingAttendee,
    NeedPlan,
    NotePlan,
    ReviewPlan,
    SavePlan,
    at,
    weighted,
)
from lantern.synthetic.casework_settle import Settling
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import add_months

CATEGORY_WORDS = {
    "NEG": "neglect",
    "PHY": "physical abuse",
    "SAB": "sexual abuse",
    "EMO": "emotional abuse",
}


class _Words(dict):
    def __missing__(self, key):
        raise KeyError(f"casework text placeholder {{{key}}} has no value")


def _fill(template: str, words: dict) -> str:
    text = template.format_map(words)
    return text[:1].upper() + text[1:]


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


AGE_WORDS = {0: "a few weeks old", 1: "one", 2: "two", 3: "three"}


class _Content(Settling):
    def __init__(self, gen, fd):
        self.gen, self.fd = gen, fd
        self.people = gen.people
        self.today = gen.today
        self.yesterday = self.today - DAY
        self.limit = at(self.today, 0)
        self.cal = WorkingDayCalendar()
        self.start = _years_before(self.today, 5)
        self.seed = gen.seed
        self.cw = CaseworkPlan()
        self.first_names = sorted({gen.fake.first_name() for _ in range(200)})
        self.last_names = sorted({gen.fake.last_name() for _ in range(200)})
        users = [u for u in gen.users if u.active]
        kind = {t.name: t.kind for t in gen.teams}
        self.team_of = {u.username: u.team for u in users}
        self.name_of = {u.username: f"{u.first_name} {u.last_name}" for u in users}

        def workers(*kinds):
            return [
                u.username
                for u in users
                if u.role == "social_worker" and kind.get(u.team or "") in kinds and not u.demo
            ]

        self.assessors = workers("assessment")
        self.cin_workers = workers("cin")
        self.cp_workers = workers("cp")
        self.disability_workers = workers("disability") or self.cin_workers
        self.iros = [u.username for u in users if u.role == "iro"]
        self.heads = [u.username for u in users if u.role == "head_of_service"]
        self.managers: dict[str, list[str]] = {}
        for u in users:
            if u.role == "team_manager" and u.team:
                self.managers.setdefault(u.team, []).append(u.username)
        self.steps: dict[int, list] = {}
        for a in gen.allocations:
            self.steps.setdefault(a.person, []).append(a)
        # The child's family network (lantern.people.record.family_network reads the same
        # relationships): parents, step-parents and partners, grandparents, siblings.
        self.network: dict[int, list[tuple[int, str]]] = {}
        for r in gen.relationships:
            if r.type in ("parent", "step_parent", "partner_of_parent", "grandparent"):
                self.network.setdefault(r.other, []).append((r.person, r.type))
            elif r.type in ("sibling", "half_sibling"):
                self.network.setdefault(r.other, []).append((r.person, "sibling"))
                self.network.setdefault(r.person, []).append((r.other, "sibling"))
        self.referrals_of: dict[int, list[int]] = {}
        for i, r in enumerate(fd.referrals):
            self.referrals_of.setdefault(r.person, []).append(i)
        self.contacts_of: dict[int, list[int]] = {}
        for i, cc in enumerate(fd.contact_children):
            self.contacts_of.setdefault(cc.person, []).append(i)
        self.used: set[str] = set()  # planted once
        self.approval: dict[int, datetime.datetime] = {}  # referral → closure approved at

    # -- dates --

    def wd(self, day, n):
        return self.cal.add_working_days(day, n)

    def on_or_after(self, day):
        return self.cal.working_day_on_or_after(day)

    def rate(self, day, early, late):
        span = (self.today - self.start).days or 1
        progress = max(0.0, min(1.0, (day - self.start).days / span))
        return early + (late - early) * progress

    def age(self, ref, day) -> int:
        dob = self.people[ref].date_of_birth
        return (day - dob).days // 365 if dob else 0

    # -- who --

    def manager(self, username: str, rng: Random) -> str:
        team = self.team_of.get(username)
        options = self.managers.get(team or "") or [m for ms in self.managers.values() for m in ms]
        return rng.choice(sorted(options))

    def allocated(self, ref: int, day: datetime.date) -> str | None:
        """The worker an open case was allocated to on `day` (its first one before that)."""
        steps = self.steps.get(ref)
        if not steps:
            return None
        current = steps[0].worker
        for s in steps:
            if s.start_date <= day:
                current = s.worker
        return current

    def staff(self, sk):
        """Who does this referral's casework: the same people for siblings on one contact."""
        rng = Random(f"casework-staff-{self.seed}-{sk.contact}")
        strategy = self.fd.referrals[sk.referral].strategy
        lead = self.fd.strategies[strategy].recorded_by if strategy is not None else ""
        disabled = sk.category == "disability"
        s = {
            "assessor": lead if lead in self.assessors else rng.choice(self.assessors),
            "cin": rng.choice(self.disability_workers if disabled else self.cin_workers),
            "cp": rng.choice(self.cp_workers),
            "chair": rng.choice(self.iros),
            "lead": lead,
        }
        if lead and lead in self.cp_workers:
            s["cp"] = lead
        return s

    def who(self, sk, staff, role: str, day: datetime.date) -> str:
        if sk.case:
            return self.allocated(sk.person, day) or staff[role]
        return staff[role]

    # -- words --

    def words(self, sk, day: datetime.date, rng: Random) -> _Words:
        child = self.people[sk.person]
        sex = child.sex
        he, him, his = {"F": ("she", "her", "her"), "M": ("he", "him", "his")}.get(
            sex, ("they", "them", "their")
        )
        age = self.age(sk.person, day)
        relatives = self.network.get(sk.person, [])
        parents = [self.people[p] for p, t in relatives if t == "parent"]
        mum = next((p for p in parents if p.sex == "F" and p.household == child.household), None)
        carer = "Mum" if mum is not None or not parents else "Dad"
        partner = any(t in ("step_parent", "partner_of_parent") for _, t in relatives)
        group = T.GROUP.get(sk.category, "neglect")
        if group in ("da", "physical", "substance"):
            parent = "Mum's partner" if partner and rng.random() < 0.5 else "Dad"
        else:
            parent = "Mum" if carer == "Mum" else "Dad"
        siblings = [self.people[p].first_name for p, t in relatives if t == "sibling"]
        addresses = child.addresses
        town = addresses[-1].town if addresses else "Grimsby"
        school = rng.choice(FT.SCHOOLS if age >= 4 else FT.NURSERIES)
        if age < 1:
            months = max(1, (day - child.date_of_birth).days // 30) if child.date_of_birth else 3
            age_words = f"{months} month{'s' if months != 1 else ''} old"
        else:
            age_words = f"{AGE_WORDS.get(age, str(age))} years old"
        w = _Words(
            name=child.first_name,
            age=age,
            age_words=age_words,
            year=max(1, min(13, age - 4)),
            school=school,
            attendance=rng.randint(72, 97),
            centile=rng.choice(["9th", "25th", "50th"]),
            carer=carer,
            parent=parent,
            he=he,
            him=him,
            his=his,
            himself={"he": "himself", "she": "herself"}.get(he, "themselves"),
            He=he.capitalize(),
            His=his.capitalize(),
            them="her" if carer == "Mum" else "him",
            his_partner="her partner" if carer == "Mum" else "his partner",
            his_own="her" if carer == "Mum" else "his",
            parent_his="her" if parent == "Mum" else "his",
            home=rng.choice(["two-bedroom terrace", "council flat", "semi-detached house"]),
            area=town,
            sibling=siblings[0] if siblings else "Their brother",
            category=CATEGORY_WORDS[T.CATEGORY_OF_ABUSE.get(sk.category, "NEG")],
        )
        w["concern"] = T.CONCERN_WORDS.get(group, T.CONCERN_WORDS["neglect"]).format_map(w)
        return w

    def minimising(self, rng, words, day, early=0.05, late=0.01) -> str:
        """Now and then a minimising phrase (AP4): more in the earlier years."""
        if rng.random() < self.rate(day, early, late):
            return " " + _fill(rng.choice(T.MINIMISING), words)
        return ""

    # -- the whole --

    def run(self) -> CaseworkPlan:
        for r_index in sorted(self.fd.skeletons):
            self.fill(self.fd.skeletons[r_index])
        self.plant()
        self.settle()
        return self.cw

    def fill(self, sk) -> None:
        if sk.assess_at is None and sk.icpc_at is None:
            return
        rng = Random(f"casework-{self.seed}-r{sk.referral}")
        staff = self.staff(sk)
        day = sk.assess_at.date() if sk.assess_at else self.today
        words = self.words(sk, day, rng)
        group = T.GROUP.get(sk.category, "neglect")
        end = sk.closure_date or self.today  # nothing after the request to close, or today
        assessment = None
        if sk.assess_at is not None:
            assessment = self.assessment(sk, rng, staff, words, group)
        cp = cin = None
        if sk.safety_start is not None:
            self.safety_plan(sk, rng, staff, words)
        if sk.icpc_at is not None:
            cp = self.conferences(sk, rng, staff, words, group)
        if sk.cin_start is not None:
            cin = self.cin_plan(sk, rng, staff, words, group, end, assessment)
        self.notes(sk, rng, staff, words, cp, cin, end)
        if sk.approve_at is not None:
            self.closure(sk, rng, staff, words, cin, cp)

    # -- the assessment --

    def factors(self, sk, rng) -> list[str]:
        contact = self.fd.contacts[sk.contact]
        codes: list[str] = []
        for category in contact.categories:
            codes.append(weighted(rng, T.FACTORS.get(category, T.FACTORS["other"])))
        extra = T.EXTRA_FACTORS.get(sk.category)
        if extra and rng.random() < 0.35:
            codes.append(rng.choice(extra))
        if sk.outcome in ("nfa", "step_down") and rng.random() < 0.85:
            # The assessment usually found the worry did not persist.
            codes = [c if c not in HIGH_RISK else rng.choice(T.LOW_RISK_INSTEAD) for c in codes]
        codes = list(dict.fromkeys(codes))
        if "21" in codes:  # no factors identified: only on its own, after no further action
            codes = ["21"] if sk.outcome == "nfa" else [c for c in codes if c != "21"] or ["20"]
        if sk.outcome == "nfa" and rng.random() < 0.2:
            codes = ["21"]
        return codes

    def assessment(self, sk, rng, staff, words, group) -> AssessmentPlan:
        ref = sk.person
        begun = sk.assess_at.date()
        worker = self.who(sk, staff, "assessor", begun)
        a = AssessmentPlan(
            referral=sk.referral,
            person=ref,
            start_date=begun,
            started_at=sk.assess_at,
            worker=worker,
        )
        self.cw.assessments.append(a)
        last_day = sk.submit_on or self.yesterday
        # The people consulted: family (most of the time) and professionals.
        family = [
            (p, t) for p, t in self.network.get(ref, []) if self.people[p].member != "duplicate"
        ]
        family.sort(key=lambda pt: (pt[1] != "parent", self.people[pt[0]].sex != "F", pt[0]))
        no_family = rng.random() < self.rate(begun, 0.12, 0.04)
        chosen = [] if no_family else family[: rng.randint(1, 3)]
        chosen = [(p, t) for p, t in chosen if t != "sibling" or self.age(p, begun) >= 12]
        agencies = ["education" if self.age(ref, begun) >= 2 else "health", "health"]
        if group in ("da", "physical", "exploitation"):
            agencies.append("police")
        if group in ("da", "substance", "mental_health"):
            agencies.append("adult_services")
        agencies.append("early_help")
        agencies = list(dict.fromkeys(agencies))[: rng.randint(1, 3)]
        consulted = []
        for p, t in chosen:
            consulted.append(("family", p, t))
        for agency in agencies:
            consulted.append(("professional", agency, ""))
        for what, who, t in consulted:
            day = begun + rng.randint(0, max(0, (last_day - begun).days)) * DAY
            day = min(self.on_or_after(day), last_day)
            moment = at(day, 9) + rng.randint(0, 150) * MINUTE
            if day == begun:
                moment = max(moment, sk.assess_at + 10 * MINUTE)
            if moment >= self.limit or day < begun:
                continue
            if what == "family":
                person = self.people[who]
                relation = self.relation(who, t, ref)
                bank = {
                    "Mother": "mother",
                    "Father": "father",
                    "Stepfather": "partner",
                    "Mum's partner": "partner",
                    "Stepmother": "partner",
                    "Dad's partner": "partner",
                }.get(relation, "grandparent" if t == "grandparent" else "sibling")
                if bank == "sibling":
                    words["sibling"] = person.first_name
                said = _fill(rng.choice(T.FAMILY_SAID[bank]), words)
                a.consultees.append(ConsulteePlan(moment, said, relation, person=who))
            else:
                role, sayings = rng.choice(T.PROFESSIONALS[who])
                name = f"{rng.choice(self.first_names)} {rng.choice(self.last_names)}"
                said = _fill(rng.choice(sayings), words)
                a.consultees.append(
                    ConsulteePlan(moment, said, role, professional_name=name, agency=who)
                )
        a.consultees.sort(key=lambda c: c.at)
        # The child's lived experience and voice, written after seeing the child.
        age = self.age(ref, begun)
        stage = "baby" if age < 1 else "toddler" if age < 4 else "child" if age < 12 else "teen"
        thin = rng.random() < self.rate(begun, 0.14, 0.05)
        heard = "young" if age < 4 else "older"
        alone = age >= 4 and rng.random() < 0.82
        if sk.seen_on is not None:
            voice = {
                "lived_experience": _fill(
                    rng.choice(T.THIN_LIVED if thin else T.LIVED_EXPERIENCE[stage]), words
                ),
                "voice_how": _fill(rng.choice(T.THIN_HOW if thin else T.VOICE_HOW[heard]), words),
                "voice_said": _fill(
                    rng.choice(T.THIN_SAID if thin else T.VOICE_SAID[heard]), words
                ),
                "child_seen_on": sk.seen_on,
                "seen_alone": alone,
            }
            if not alone:
                voice["not_seen_alone_reason"] = _fill(
                    rng.choice(T.NOT_SEEN_ALONE if age >= 4 else T.NOT_SEEN_ALONE[:1]), words
                )
            moment = at(sk.seen_on, 16, 30) + rng.randint(0, 60) * MINUTE
            moment = max(moment, sk.assess_at + 20 * MINUTE)
            if sk.submit_on is not None and sk.seen_on == sk.submit_on:
                moment = at(sk.seen_on, 11, 40)
            if moment < self.limit:
                a.saves.append(SavePlan(moment, voice))
        # The rest, written before it goes to the manager (or partly, for a draft).
        sections = self.sections(sk, rng, words, group, begun)
        if sk.submit_on is not None:
            moment = at(sk.submit_on, 12) + rng.randint(0, 50) * MINUTE
            a.saves.append(SavePlan(moment, sections))
            a.submitted_at = moment + rng.randint(40, 120) * MINUTE
        elif (self.yesterday - begun).days > 12 and rng.random() < 0.6:
            draft = {
                k: sections[k] for k in ("identity_needs", "history_analysis", "family_environment")
            }
            day = min(self.yesterday, begun + rng.randint(6, 12) * DAY)
            a.saves.append(SavePlan(at(day, 17, 10), draft))
        a.saves.sort(key=lambda s: s.at)
        if sk.authorise_on is not None:
            manager = self.manager(worker, rng)
            if self.heads and rng.random() < 0.08:
                manager = rng.choice(self.heads)
            a.manager = manager
            moment = at(sk.authorise_on, 11) + rng.randint(0, 300) * MINUTE
            if moment <= a.submitted_at:
                moment = a.submitted_at + rng.randint(30, 150) * MINUTE
            a.authorised_at = moment
            late = (
                self.cal.working_days_between(
                    self.fd.referrals[sk.referral].referral_date, sk.authorise_on
                )
                > 45
            )
            comments = T.AUTHORISE_COMMENTS
            a.comments = comments[-1] if late and rng.random() < 0.5 else rng.choice(comments[:-1])
        return a

    def relation(self, who: int, kind: str, child: int) -> str:
        person = self.people[who]
        if kind == "parent":
            return "Mother" if person.sex == "F" else "Father"
        if kind == "step_parent":
            return "Stepmother" if person.sex == "F" else "Stepfather"
        if kind == "partner_of_parent":
            return "Dad's partner" if person.sex == "F" else "Mum's partner"
        if kind == "grandparent":
            return "Grandmother" if person.sex == "F" else "Grandfather"
        return "Older sister" if person.sex == "F" else "Older brother"

    def sections(self, sk, rng, words, group, begun) -> dict:
        child = self.people[sk.person]
        ethnicity = Ethnicity(child.ethnicity).label
        language = child.first_language or "not recorded"
        religion = (
            f", and {words['his']} religion is {child.religion}"
            if child.religion
            else "; no religion is recorded"
        )
        disabilities = [d for d in child.disabilities if d != "NONE"]
        if disabilities:
            labels = ", ".join(Disability(d).label.lower() for d in disabilities)
            disability = f"{words['He']} has a disability ({labels}), which the plan must meet."
        else:
            disability = f"{words['He']} has no disability."
        identity = _fill(
            rng.choice(T.IDENTITY),
            _Words(
                words,
                ethnicity=ethnicity,
                language=language,
                religion=religion,
                disability=disability,
            ),
        )
        rdate = self.fd.referrals[sk.referral].referral_date
        earlier = [
            i
            for i in self.contacts_of.get(sk.person, [])
            if self.fd.contacts[self.fd.contact_children[i].contact].received_at.date() < rdate
        ]
        earlier_referrals = [
            i
            for i in self.referrals_of.get(sk.person, [])
            if self.fd.referrals[i].referral_date < rdate
        ]
        if earlier:
            first = min(
                self.fd.contacts[self.fd.contact_children[i].contact].received_at for i in earlier
            )
            history = _fill(
                rng.choice(T.HISTORY["known"]),
                _Words(
                    words,
                    since=f"{first:%B %Y}",
                    contacts=len(earlier),
                    referrals=len(earlier_referrals),
                    theme=sk.category.replace("_", " "),
                ),
            )
        else:
            history = _fill(rng.choice(T.HISTORY["first"]), words)
        parenting = _fill(rng.choice(T.PARENTING.get(group, T.PARENTING["neglect"])), words)
        parenting += self.minimising(rng, words, begun)
        outcome = sk.outcome or "cin_plan"
        analysis = _fill(rng.choice(T.ANALYSIS[outcome]), words)
        if outcome == "other" and sk.case in ("cic", "leaving_care"):
            analysis = _fill(T.ANALYSIS["other"][1], words)
        return {
            "identity_needs": identity,
            "history_analysis": history,
            "parenting_capacity": parenting,
            "family_environment": _fill(rng.choice(T.FAMILY_ENVIRONMENT), words),
            "analysis": analysis,
            "outcome": outcome,
            "outcome_reason": _fill(
                rng.choice(T.OUTCOME_REASON[outcome])
                if not (outcome == "other" and sk.case in ("cic", "leaving_care"))
                else T.OUTCOME_REASON["other"][1],
                words,
            ),
            "factors": self.factors(sk, rng),
        }

    # -- plans --

    def owner(self, sk, kind: str, worker: str, rng) -> dict:
        """An action's owner: a parent or carer, a grandparent, the worker or an agency."""
        relatives = self.network.get(sk.person, [])
        parents = [p for p, t in relatives if t == "parent"]
        child = self.people[sk.person]
        home = [p for p in parents if self.people[p].household == child.household] or parents
        if kind in ("parent", "carer") and home:
            if kind == "carer":
                person = sorted(home, key=lambda p: self.people[p].sex != "F")[0]
            else:
                person = rng.choice(home)
            return {"owner_person": person, "owner_is_parent": True}
        if kind == "grandparent":
            grand = [p for p, t in relatives if t == "grandparent"]
            if grand:
                return {"owner_person": grand[0]}
            if home:
                return {"owner_person": home[0], "owner_is_parent": True}
        if kind.startswith("agency:"):
            agency = kind.split(":", 1)[1]
            name = f"{rng.choice(self.first_names)} {rng.choice(self.last_names)}"
            return {"owner_agency": agency, "owner_name": name if rng.random() < 0.7 else ""}
        return {"owner_user": worker}

    def content(
        self, plan, sk, rng, words, group, moment, *, vague=False, parents_only=False, safety=False
    ):
        """Needs and actions added from `moment`, a few minutes apart; returns the moment after."""
        if safety:
            needs = [_fill("{name} needs to be kept safe while the enquiry goes on.", words)]
            bank = T.SAFETY_ACTIONS
        else:
            pool = T.NEEDS.get(group, T.NEEDS["neglect"])
            needs = [_fill(n, words) for n in rng.sample(pool, min(len(pool), rng.randint(1, 3)))]
            bank = T.ACTIONS.get(group, T.ACTIONS["neglect"]) + T.ACTIONS["common"]
        for text in needs:
            moment += rng.randint(2, 9) * MINUTE
            plan.needs.append(NeedPlan(moment, text))
        n_actions = rng.randint(min(2, len(bank)), min(len(bank), 4))
        chosen = rng.sample(bank, n_actions)
        if parents_only:
            chosen = [a for a in bank if a[1] in ("carer", "parent")][:3]
        elif safety and all(a[1] in ("carer", "parent") for a in chosen):
            pass  # a safety plan resting on the parents (CP5), as inspectors found
        for k, (action, owner_kind, outcome) in enumerate(chosen):
            moment += rng.randint(2, 9) * MINUTE
            due = plan.start_date + rng.randint(14, 90) * DAY
            owner = self.owner(sk, owner_kind, plan.worker, rng)
            plan.actions.append(
                ActionPlan(
                    moment,
                    min(k, len(plan.needs) - 1),
                    _fill(action, words),
                    due,
                    _fill(outcome, words),
                    **owner,
                )
            )
        if vague:
            moment += rng.randint(2, 9) * MINUTE
            missing = rng.choice(["owner", "due", "outcome", "all"])
            plan.actions.append(
                ActionPlan(
                    moment,
                    None,
                    _fill(rng.choice(T.VAGUE_ACTIONS), words),
                    None if missing in ("due", "all") else plan.start_date + 28 * DAY,
                    "" if missing in ("outcome", "all") else "Things improve.",
                    **({} if missing in ("owner", "all") else {"owner_user": plan.worker}),
                )
            )
        return moment

    def progress(self, plan, finish: dict[int, datetime.date], moment, day, rng, *, final=False):
        """Progress on every action open at `moment` (added before it and not yet done)."""
        out = {}
        for i, a in enumerate(plan.actions):
            if a.at >= moment or self.status_before(plan, i, moment) in ("done", "not_done"):
                continue
            if final or finish[i] <= day:
                status = "done"
            elif (day - plan.start_date).days > 20:
                status = "in_progress"
            else:
                status = rng.choice(["not_started", "in_progress"])
            out[i] = (status, rng.choice(T.PROGRESS_NOTES[status]))
        return out

    def status_before(self, plan, i, moment) -> str:
        """An action's status just before `moment`, from the reviews so far (all kinds)."""
        status = "not_started"
        for when, progress in self.reviews_of(plan):
            if when >= moment:
                break
            if i in progress:
                status = progress[i][0]
        return status

    def reviews_of(self, plan):
        """Every progress record on a plan, in order: its reviews, core groups, conferences."""
        index = self.cw.plans.index(plan) if plan.kind == "cp" else None
        out = [(r.at, r.progress) for r in plan.reviews]
        if index is not None:
            out += [(g.at, g.progress) for g in self.cw.core_groups if g.plan == index]
            out += [
                (c.held_at, c.progress)
                for c in self.cw.conferences
                if c.plan == index and c.kind == "review" and c.held_at is not None
            ]
        return sorted(out, key=lambda x: x[0])

    def finish_days(self, plan, rng, until: datetime.date) -> dict[int, datetime.date]:
        span = max(30, (until - plan.start_date).days)
        return {
            i: plan.start_date + round(span * rng.uniform(0.25, 1.25)) * DAY
            for i in range(len(plan.actions))
        }

    def safety_plan(self, sk, rng, staff, words) -> CasePlan:
        start = sk.safety_start
        worker = self.who(sk, staff, "assessor", start)
        plan = CasePlan("safety", sk.person, sk.referral, start, worker)
        self.cw.plans.append(plan)
        moment = max(at(start, 13) + rng.randint(0, 120) * MINUTE, sk.assess_at + 15 * MINUTE)
        plan.started_at = moment
        plan.summary = _fill(rng.choice(T.PLAN_SUMMARY["safety"]), words)
        plan.summary_at = moment + 5 * MINUTE
        plan.review_date = start + rng.randint(14, 21) * DAY
        # Now and then the actions all fall on the parents (CP5), and on the first safety plan
        # open today so that the check has one to find.
        parents_only = rng.random() < 0.2
        if sk.safety_end is None and "cp5" not in self.used:
            parents_only = True
            self.used.add("cp5")
        moment = self.content(
            plan, sk, rng, words, "", plan.summary_at, parents_only=parents_only, safety=True
        )
        plan.finalised_at = moment + rng.randint(5, 20) * MINUTE
        end = sk.safety_end
        until = end or self.today
        finish = self.finish_days(plan, rng, until)
        review_on = plan.review_date
        while review_on < until and review_on < self.today:
            held = self.on_or_after(review_on)
            if held >= until or held >= self.today:
                break
            when = at(held, 10) + rng.randint(0, 120) * MINUTE
            nxt = held + rng.randint(14, 21) * DAY
            plan.reviews.append(
                ReviewPlan(
                    when,
                    held,
                    _fill(rng.choice(T.REVIEW_SUMMARIES), words),
                    self.progress(plan, finish, when, held, rng),
                    nxt,
                    worker,
                )
            )
            review_on = nxt
        if end is not None:
            plan.end_date = end
            plan.ended_via, plan.ended_by = "event", worker
            plan.ended_at = at(end, 17, 30) + rng.randint(0, 60) * MINUTE
            plan.end_reason = (
                "Replaced by the child protection plan"
                if sk.icpc_decision == "cp_plan" and end == sk.icpc_on
                else "The assessment is complete"
            )
        return plan

    def attendees(self, sk, rng, words, staff_worker, day, *, core=False) -> list:
        out = [
            MeetingAttendee(
                "social_care", self.name_of[staff_worker], "Social worker", True, True, True
            )
        ]
        age = self.age(sk.person, day)

        def person():
            return f"{rng.choice(self.first_names)} {rng.choice(self.last_names)}"

        for agency, chance in (("police", 0.8), ("health", 0.9), ("education", 0.9)):
            if agency == "education" and age < 2:
                continue
            if agency == "police" and core and rng.random() < 0.6:
                continue
            came = rng.random() < chance
            out.append(
                MeetingAttendee(
                    agency,
                    person(),
                    rng.choice(T.ROLES[agency]),
                    True,
                    came,
                    (not core) and rng.random() < (0.8 if came else 0.4),
                )
            )
        out.append(
            MeetingAttendee(
                "other",
                person(),
                words["carer"].replace("Mum", "Mother").replace("Dad", "Father"),
                True,
                rng.random() < 0.85,
                False,
            )
        )
        return out

    def conferences(self, sk, rng, staff, words, group):
        fd = self.fd
        strategy = fd.strategies[fd.referrals[sk.referral].strategy]
        enquiry = strategy.section47
        chair = staff["chair"]
        icpc = ConferencePlan(
            "initial",
            sk.person,
            sk.referral,
            section47=enquiry,
            scheduled_at=sk.icpc_at,
            scheduled_by=staff["lead"] or self.who(sk, staff, "assessor", sk.icpc_at.date()),
        )
        self.cw.conferences.append(icpc)
        if sk.icpc_on is None:
            return None
        held = sk.icpc_on
        icpc.held_on = held
        icpc.held_at = at(held, 10) + rng.randint(0, 180) * MINUTE
        icpc.chair = chair
        icpc.decision = sk.icpc_decision
        worker = self.who(sk, staff, "cp", held)
        icpc.attendees = self.attendees(sk, rng, words, worker, held)
        category = T.CATEGORY_OF_ABUSE.get(sk.category, "NEG")
        if rng.random() < 0.08:
            category = rng.choice(["NEG", "EMO", "PHY"])
        reasons = _Words(words, category=CATEGORY_WORDS[category])
        icpc.reasons = _fill(rng.choice(T.ICPC_REASONS[sk.icpc_decision]), reasons)
        if sk.icpc_decision != "cp_plan":
            return None
        icpc.category = category
        icpc.outline = _fill(rng.choice(T.PLAN_SUMMARY["cp"]), words)
        plan = CasePlan("cp", sk.person, sk.referral, held, worker, category=category)
        plan.summary = icpc.outline
        plan.review_date = add_months(held, 3)
        self.cw.plans.append(plan)
        index = len(self.cw.plans) - 1
        icpc.plan = index
        end = sk.cp_end
        until = end or self.today
        # The detailed plan: needs and actions, finalised at the first core group.
        content_day = self.wd(held, rng.randint(1, 3))
        first_group = self.wd(
            held, rng.randint(5, 9) if rng.random() < 0.85 else rng.randint(11, 16)
        )
        if content_day >= until or content_day >= self.today:
            content_day = None
        vague = sk.case == "cp" and end is None and rng.random() < 0.15
        if content_day is not None:
            self.content(plan, sk, rng, words, group, at(content_day, 10), vague=vague)
            if not vague:
                finalise = min(first_group, self.wd(content_day, 2))
                if finalise < until and finalise < self.today:
                    plan.finalised_at = at(finalise, 9) + rng.randint(0, 30) * MINUTE
        finish = self.finish_days(plan, rng, until)
        # Core groups: the first within 10 working days, then every 4 to 6 weeks; and the
        # review conferences the shape says.
        meetings = []
        day = first_group
        while day < until and day < self.today:
            if all(abs((day - r).days) > 3 for r in sk.reviews):
                meetings.append(("core_group", day))
            day = self.wd(day, rng.randint(20, 30))
        for r in sk.reviews:
            meetings.append(("review", r))
        meetings.sort(key=lambda m: m[1])
        category_now = category
        for kind, day in meetings:
            if kind == "core_group":
                when = at(day, 13) + rng.randint(0, 180) * MINUTE
                if plan.finalised_at is not None and when <= plan.finalised_at:
                    when = plan.finalised_at + 30 * MINUTE
                by = self.who(sk, staff, "cp", day)
                self.cw.core_groups.append(
                    CoreGroupPlan(
                        index,
                        day,
                        when,
                        by,
                        _fill(rng.choice(T.CORE_GROUP_SUMMARIES), words),
                        self.attendees(sk, rng, words, by, day, core=True),
                        {},
                    )
                )
                self.cw.core_groups[-1].progress = self.progress(plan, finish, when, day, rng)
            else:
                ends = end is not None and day == end
                when = at(day, 10) + rng.randint(0, 150) * MINUTE
                review = ConferencePlan(
                    "review",
                    sk.person,
                    sk.referral,
                    plan=index,
                    held_on=day,
                    held_at=when,
                    chair=chair if rng.random() < 0.85 else rng.choice(self.iros),
                    decision="end_plan" if ends else "continue",
                )
                self.cw.conferences.append(review)
                review.attendees = self.attendees(
                    sk, rng, words, self.who(sk, staff, "cp", day), day
                )
                review.reasons = _fill(rng.choice(T.REVIEW_REASONS[review.decision]), words)
                if ends:
                    review.end_reason = sk.cp_end_reason
                else:
                    if rng.random() < 0.08:
                        category_now = rng.choice(
                            [c for c in ("NEG", "EMO", "PHY") if c != category_now]
                        )
                    review.category = category_now
                    if rng.random() < 0.3:
                        review.outline = "Added actions agreed for the next six months."
                review.progress = self.progress(plan, finish, when, day, rng, final=ends)
        if end is not None:
            plan.end_date, plan.ended_via, plan.end_reason = end, "conference", sk.cp_end_reason
        else:  # the next review conference, due
            self.cw.conferences.append(ConferencePlan("review", sk.person, sk.referral, plan=index))
        return plan

    def cin_plan(self, sk, rng, staff, words, group, end, assessment):
        start = sk.cin_start
        worker = self.who(sk, staff, "cin", start)
        plan = CasePlan("cin", sk.person, sk.referral, start, worker)
        self.cw.plans.append(plan)
        moment = at(start, 10) + rng.randint(0, 240) * MINUTE
        authorised = assessment.authorised_at if assessment is not None else None
        if authorised is not None and moment <= authorised:
            moment = authorised + rng.randint(15, 60) * MINUTE
        plan.started_at = moment
        plan.summary = _fill(rng.choice(T.PLAN_SUMMARY["cin"]), words)
        plan.summary_at = moment + 5 * MINUTE
        plan.review_date = add_months(start, 3)
        open_now = sk.closure_date is None
        draft = open_now and (start < self.today - 10 * DAY) and rng.random() < 0.12
        moment = self.content(plan, sk, rng, words, group, plan.summary_at, vague=draft)
        if not draft:
            day = min(self.wd(start, rng.randint(0, 8)), end - DAY if sk.closure_date else end)
            fin = max(at(day, 16), moment + 10 * MINUTE)
            if fin < self.limit and (sk.closure_date is None or fin.date() < sk.closure_date):
                plan.finalised_at = fin
        until = sk.closure_date or self.today
        finish = self.finish_days(plan, rng, until)
        # Reviews about every 3 months, and one just before the case closes.
        stuck = rng.random() < 0.12  # some actions are not done when the case closes (FD8)
        due = plan.review_date
        last = start
        while True:
            held = self.on_or_after(due + rng.randint(-10, 12) * DAY)
            held = max(held, self.wd(last, 5))
            if held >= until - 5 * DAY or held >= self.today:
                break
            when = at(held, 10) + rng.randint(0, 180) * MINUTE
            nxt = add_months(held, 3)
            plan.reviews.append(
                ReviewPlan(
                    when,
                    held,
                    _fill(rng.choice(T.REVIEW_SUMMARIES), words),
                    self.progress(plan, finish, when, held, rng),
                    nxt,
                    self.who(sk, staff, "cin", held),
                )
            )
            last, due = held, nxt
        if sk.closure_date is not None:
            held = max(self.wd(last, 3), sk.closure_date - rng.randint(3, 10) * DAY)
            if held < sk.closure_date and held > start:
                when = at(held, 10) + rng.randint(0, 180) * MINUTE
                progress = self.progress(plan, finish, when, held, rng, final=not stuck)
                if stuck and progress and all(s == "done" for s, _ in progress.values()):
                    i = max(progress)
                    progress[i] = ("in_progress", rng.choice(T.PROGRESS_NOTES["in_progress"]))
                plan.reviews.append(
                    ReviewPlan(
                        when,
                        held,
                        "Closure review: " + _fill(rng.choice(T.REVIEW_SUMMARIES), words),
                        progress,
                        None,
                        self.who(sk, staff, "cin", held),
                    )
                )
            plan.end_date, plan.ended_via = sk.closure_date, "closure"
        return plan

    # -- case notes --

    def notes(self, sk, rng, staff, words, cp, cin, end) -> None:
        """Visits and other notes: during the assessment, on the plans, and for open cases in
        care or leaving care. Nothing on or after the day the worker asks to close the case."""
        ref = sk.person
        stop = min(end, self.today)  # notes strictly before this day

        def note(day, kind, role, bucket="assessment", seen=None):
            if day >= stop or day < self.fd.referrals[sk.referral].referral_date:
                return
            by = self.who(sk, staff, role, day)
            when = at(day, 14) + rng.randint(0, 200) * MINUTE
            if kind == "visit":
                alone = bool(seen) and self.age(ref, day) >= 4 and rng.random() < 0.75
                young = self.age(ref, day) < 4
                key = "seen_alone" if alone else ("seen_young" if young else "seen")
                key = key if seen else "not_seen"
                title = _fill(rng.choice(T.VISIT_TITLES[bucket]), words)
                text = _fill(rng.choice(T.VISIT_TEXTS[key]), words)
                text += self.minimising(rng, words, day, 0.01, 0.002)
                self.cw.notes.append(
                    NotePlan(
                        ref, sk.referral, "visit", day, when, title, text, by, bool(seen), alone
                    )
                )
            else:
                title, text = rng.choice(T.OTHER_NOTES[kind])
                if kind == "management":
                    by = self.manager(by, rng)
                text = _fill(text, words) + self.minimising(rng, words, day, 0.01, 0.002)
                self.cw.notes.append(
                    NotePlan(ref, sk.referral, kind, day, when, _fill(title, words), text, by)
                )

        def others(first, last, role, every):
            day = self.wd(first, rng.randint(3, every))
            while day < last:
                kinds = ["phone", "phone", "discussion", "management", "office"]
                if self.age(ref, day) >= 4:
                    kinds.append("direct_work")
                note(day, rng.choice(kinds), role)
                day = self.wd(day, rng.randint(every // 2, every))

        # The assessment: the visit that saw the child, perhaps another, and a call or two.
        if sk.seen_on is not None:
            note(sk.seen_on, "visit", "assessor", "assessment", True)
            if rng.random() < 0.4:
                note(
                    self.wd(sk.seen_on, rng.randint(4, 10)),
                    "visit",
                    "assessor",
                    "assessment",
                    rng.random() < 0.85,
                )
        if sk.assess_at is not None:
            last = sk.authorise_on or self.today
            others(sk.assess_at.date(), last, "assessor", 12)
        # The child protection plan: the child seen every 10 working days, now and then late.
        if cp is not None:
            day, finish = cp.start_date, cp.end_date or self.today
            while True:
                late = rng.random() < self.rate(day, 0.2, 0.07)
                day = self.wd(day, rng.randint(11, 15) if late else rng.randint(4, 10))
                if day >= finish:
                    break
                seen = rng.random() < 0.94
                note(day, "visit", "cp", "cp", seen)
                if not seen:
                    day = self.wd(day, 1)
                    note(day, "visit", "cp", "cp", True)
            others(cp.start_date, finish, "cp", 15)
        if cin is not None:
            day, finish = cin.start_date, cin.end_date or self.today
            while True:
                day = self.wd(day, rng.randint(15, 30))
                if day >= finish:
                    break
                note(day, "visit", "cin", "cin", rng.random() < 0.9)
            others(cin.start_date, finish, "cin", 25)
        if sk.case in ("cic", "leaving_care") and sk.authorise_on is not None:
            day = sk.authorise_on
            while True:
                day = self.wd(day, rng.randint(20, 32))
                if day >= stop:
                    break
                note(day, "visit", "assessor", "cic", rng.random() < 0.95)

    # -- closures --

    def closure(self, sk, rng, staff, words, cin, cp) -> None:
        if cin is not None:
            requester = self.who(sk, staff, "cin", sk.closure_date)
        elif cp is not None:
            requester = self.who(sk, staff, "cp", sk.closure_date)
        else:
            requester = self.who(sk, staff, "assessor", sk.closure_date)
        approver = self.manager(requester, rng)
        reason = sk.close_reason
        self.cw.closures.append(
            ClosurePlan(
                referral=sk.referral,
                person=sk.person,
                kind=sk.close_kind,
                reason=reason,
                closure_date=sk.closure_date,
                rationale=_fill(
                    rng.choice(
                        T.CLOSURE_RATIONALE[reason if reason in T.CLOSURE_RATIONALE else "RC7"]
                    ),
                    words,
                ),
                requested_at=sk.request_at,
                requested_by=requester,
                approved_at=sk.approve_at,
                approved_by=approver,
                comment=rng.choice(T.APPROVE_COMMENTS),
            )
        )


def fill_in(gen, fd) -> CaseworkPlan:
    return _Content(gen, fd).run()

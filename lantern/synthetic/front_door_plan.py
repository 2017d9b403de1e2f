"""Five years of front-door history for the synthetic authority: contacts, screening, decisions,
referrals, strategy discussions and section 47 enquiries about the generated children.

Pure, like lantern/synthetic/plan.py (which calls `plan_front_door` from its run()): the same
seed, scale and today always give the same history. The writers in
lantern/synthetic/front_door_writers.py turn it into rows, through the front door's services or
in bulk, with the same result.

How it is made:

1. Arrivals (a household, a day) are processed in date order: random ones at North East
   Lincolnshire's rates, a contact around the start of each open case (plan allocations),
   follow-ups after a referral closes (the re-referrals) and after a closing decision, and a
   few planted in the last 90 days so that every front-door check has something to show.
   Each arrival becomes a contact about one child or a sibling group; each child on it gets a
   screening and a manager's decision, with some practice imperfect (more in earlier years:
   the authority has been improving), and a referral, strategy discussion and section 47
   enquiry when the decision leads there.
2. Every step has a moment. `events()` puts them in one order — the order the services writer
   calls the services in — and `_settle()` works out, in that order, what the services would
   find when each step happened: whether the child was referred in the last 12 months, what
   history the worker was shown, and which FD8 concerns the manager had to override.
3. `_attribute()` says who did each step, from the generated staff (usernames on the plan, so
   both writers record the same people): a front-door worker records a contact (a partner who
   submits one records it themselves); one front-door worker summarises the history, checks
   with partners and screens; the front door's manager decides, now and then a head of
   service, and so schedules any strategy discussion; a social worker of an assessment or
   child protection team records the discussion and the section 47 enquiry; a manager of an
   assessment team closes a referral that ends with no further action. Each has the
   permission its service asks for.
4. A referral that leads to an assessment or a conference has casework
   (lantern/synthetic/casework_plan.py): `referral()` asks its Timelines for the casework's
   shape, which says when the case closed. Such a referral is closed through the closure
   workflow (`workflow`): the casework's manager approves the closure at `closed_at`, and that
   closes the referral; the front door closes only the referrals that end before any
   casework (no further action after the decision, the strategy discussion or the enquiry).

Benchmarks (shared/domain.md §5): about 650 referrals a year per 10,000 children (England
about 550; NE Lincolnshire higher), contacts about three times referrals, re-referrals within
12 months about 22%, a strategy discussion for every three to four referrals, most leading to
a section 47 enquiry, and a third to a half of enquiries leading to a conference.
"""

import datetime
import heapq
from dataclasses import dataclass, field, replace
from random import Random

from lantern.front_door.codes import (
    Outcome,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Section47Outcome,
    StrategyDecision,
)
from lantern.people.codes import RelationshipType
from lantern.synthetic import casework_plan as CW
from lantern.synthetic import front_door_text as T
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import add_months

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)
YEARS = 5
# Children named on contacts, per child in the population per year. With the outcome mix below
# this gives about 650 referrals a year per 10,000 children, and contacts about 3 × referrals.
CONTACT_RATE = 0.135
# After a referral closes, the chance the family is referred again within 12 months.
REREFERRAL = 0.40
# After a closing decision, the chance of another contact within the year.
RECONTACT = 0.15
RECENT = 90  # the front-door checks look back this many days
# A referral for assessment closed with no further action before any assessment started.
QUICK_NFA = 0.06
# After a child protection plan ends and the case closes, the chance the child comes back to the
# front door (within 10 months) with concerns that often lead to another plan: with five years
# of history this gives about one plan in five a second or subsequent one (domain.md §5.1).
CP_AGAIN = 0.85

HARM = {"physical", "sexual", "cse", "cce", "trafficking", "fgm"}
# Categories the services count as risk factors (lantern.front_door.services.decisions).
RISK = {"physical", "sexual", "cse", "cce", "trafficking", "fgm", "domestic_abuse"}
CLOSING = {"nfa", "advice", "early_help"}
REFERRING = {"assessment", "strategy"}
ORDER = ["nfa", "advice", "early_help", "assessment", "strategy"]
LEVEL = {"nfa": 1, "advice": 1, "early_help": 2, "assessment": 3, "strategy": 4}
# The manager's decision, by the kind of concern (nfa, advice, early help, assessment, strategy).
OUTCOME_WEIGHTS = {
    "harm": [5, 12, 15, 32, 36],
    "domestic_abuse": [13, 34, 31, 17, 5],
    "other": [15, 28, 33, 21, 3],
}
PRIMARY_NEED = {
    "neglect": "N1",
    "physical": "N1",
    "sexual": "N1",
    "emotional": "N1",
    "cse": "N1",
    "cce": "N1",
    "trafficking": "N1",
    "fgm": "N1",
    "radicalisation": "N1",
    "domestic_abuse": "N1",
    "substance": "N3",
    "mental_health": "N3",
    "self_harm": "N4",
    "missing": "N5",
    "behaviour": "N6",
    "disability": "N2",
    "housing": "N7",
    "other": "N0",
}
STATUS_LABEL = {"awaiting": "Awaiting screening", "screened": "Screened, awaiting manager decision"}


# --- Plan records --------------------------------------------------------------------------
# Datetimes are Europe/London wall-clock times, naive; the writers make them aware.


@dataclass(slots=True)
class ContactPlan:
    received_at: datetime.datetime
    channel: str
    source: str
    referrer: dict[str, str]  # organisation, name, role, phone, email (those given)
    concern: str
    categories: tuple[str, ...]
    referrer_actions: str
    consent: str
    consent_not_sought_reason: str
    consent_detail: str
    immediate_risk: bool
    submitted_by: str | None  # username of the partner who submitted it themselves
    children: list[int] = field(default_factory=list)  # Plan.contact_children, in order named
    # Who recorded it (username): the partner who submitted it, or a front-door worker.
    recorded_by: str = ""


@dataclass(slots=True, frozen=True)
class PartnerCheckPlan:
    at: datetime.datetime  # checked_on is its date
    agency: str
    organisation: str
    learned: str
    asked_to_speak_to_child: bool


@dataclass(slots=True)
class ContactChildPlan:
    contact: int
    person: int  # ref in Plan.people
    # The worker's history summary (FD7), with what they were shown (person refs, not ids).
    summary_at: datetime.datetime | None = None
    thin_summary: bool = False
    history_summary: str = ""
    history_shown: list[dict] = field(default_factory=list)
    re_referral: bool = False
    partner_checks: list[PartnerCheckPlan] = field(default_factory=list)
    # Screening (FD4).
    screened_at: datetime.datetime | None = None
    threshold: int = 0
    threshold_rationale: str = ""
    recommendation: str = ""
    recommendation_rationale: str = ""
    # The manager's decision (FD5), and the FD8 concerns standing when it was made.
    decided_at: datetime.datetime | None = None
    outcome: str = ""
    rationale: str = ""
    direction: str = ""
    direction_owner: str = ""
    direction_due: datetime.date | None = None
    primary_need: str = ""
    previous_referral_on: datetime.date | None = None
    open_referral: bool = False
    override_reason: str = ""
    referral: int | None = None  # Plan.referrals
    # Who (usernames): the front-door worker who summarised the history, made the checks and
    # screened; the manager who decided (and so opened the referral).
    screened_by: str = ""
    decided_by: str = ""


@dataclass(slots=True)
class ReferralPlan:
    contact_child: int
    person: int
    referral_date: datetime.date
    source: str
    primary_need: str
    closure_date: datetime.date | None = None
    closure_reason: str = ""
    nfa: bool = False
    closed_at: datetime.datetime | None = None
    strategy: int | None = None  # Plan.strategies
    closed_by: str = ""  # username: a manager of an assessment team
    # Closed through the closure workflow after casework (casework_plan.py): the manager's
    # approval closes it at closed_at, by closed_by; the front door does not close it itself.
    workflow: bool = False


@dataclass(slots=True, frozen=True)
class AttendeePlan:
    agency: str
    name: str
    role: str
    invited: bool
    attended: bool
    contribution: str

    def as_dict(self) -> dict:
        return {
            "agency": self.agency,
            "name": self.name,
            "role": self.role,
            "invited": self.invited,
            "attended": self.attended,
            "contribution": self.contribution,
        }


@dataclass(slots=True, frozen=True)
class ActionPlan:
    action: str
    owner: str
    due: datetime.date


@dataclass(slots=True)
class StrategyPlan:
    referral: int
    person: int
    held_at: datetime.datetime
    reason: str  # the decision's rationale, as decision_record schedules it
    recorded_at: datetime.datetime | None = None
    attendees: list[AttendeePlan] = field(default_factory=list)
    decision: str = ""
    decision_reason: str = ""
    immediate_protective_action: bool = False
    protective_action_detail: str = ""
    actions: list[ActionPlan] = field(default_factory=list)
    enquiry_plan: str = ""
    section47: int | None = None  # Plan.section47s
    scheduled_by: str = ""  # username: the manager whose decision scheduled it
    recorded_by: str = ""  # username: the social worker who recorded it


@dataclass(slots=True)
class Section47Plan:
    strategy: int
    person: int
    start_date: datetime.date
    seen_at: datetime.datetime | None = None  # when recorded
    child_seen_on: datetime.date | None = None
    child_seen_by: str = ""
    child_seen_alone: bool = False
    outcome_at: datetime.datetime | None = None
    outcome: str = ""
    outcome_date: datetime.date | None = None
    outcome_reason: str = ""
    # Usernames: the social workers who recorded the child seen and the outcome.
    seen_recorded_by: str = ""
    outcome_recorded_by: str = ""


@dataclass
class FrontDoorPlan:
    contacts: list[ContactPlan]
    contact_children: list[ContactChildPlan]
    referrals: list[ReferralPlan]
    strategies: list[StrategyPlan]
    section47s: list[Section47Plan]
    # The shape of each referral's casework, by referral (casework_plan.Timelines).
    skeletons: dict[int, CW.Skeleton] = field(default_factory=dict)


# --- The order things happened in ----------------------------------------------------------

RANK = {
    "contact": 0,
    "summary": 1,
    "partner_check": 2,
    "screening": 3,
    "decision": 4,
    "strategy": 5,
    "seen": 6,
    "outcome": 7,
    "closure": 8,
}


def keyed_events(fd) -> list[tuple[tuple, str, int, int]]:
    """Every step as (key, kind, index, sub-index), in the order they happened; the key is
    (moment, rank, index, sub-index), so the casework's steps (casework_plan.events) merge in."""
    out: list[tuple] = []
    for i, c in enumerate(fd.contacts):
        out.append((c.received_at, RANK["contact"], i, 0, "contact"))
    for i, cc in enumerate(fd.contact_children):
        if cc.summary_at is not None:
            out.append((cc.summary_at, RANK["summary"], i, 0, "summary"))
        for j, check in enumerate(cc.partner_checks):
            out.append((check.at, RANK["partner_check"], i, j, "partner_check"))
        if cc.screened_at is not None:
            out.append((cc.screened_at, RANK["screening"], i, 0, "screening"))
        if cc.decided_at is not None:
            out.append((cc.decided_at, RANK["decision"], i, 0, "decision"))
    for i, s in enumerate(fd.strategies):
        if s.recorded_at is not None:
            out.append((s.recorded_at, RANK["strategy"], i, 0, "strategy"))
    for i, e in enumerate(fd.section47s):
        if e.seen_at is not None:
            out.append((e.seen_at, RANK["seen"], i, 0, "seen"))
        if e.outcome_at is not None:
            out.append((e.outcome_at, RANK["outcome"], i, 0, "outcome"))
    for i, r in enumerate(fd.referrals):
        if r.closed_at is not None:
            out.append((r.closed_at, RANK["closure"], i, 0, "closure"))
    out.sort(key=lambda e: e[:4])
    return [(e[:4], e[4], e[2], e[3]) for e in out]


def events(fd) -> list[tuple[str, int, int]]:
    """Every step as (kind, index, sub-index), in the order they happened: the order the
    services writer calls the services in, and the order _settle() reads the history in."""
    return [(kind, i, j) for _key, kind, i, j in keyed_events(fd)]


# --- Helpers -------------------------------------------------------------------------------


def _weighted(rng: Random, options):
    total = sum(o[1] for o in options)
    x = rng.random() * total
    for option in options:
        x -= option[1]
        if x < 0:
            return option[0]
    return options[-1][0]


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute))


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


@dataclass(slots=True)
class _Arrival:
    household: int
    kids: list[int] | None = None  # named children (follow-ups, open cases); None: choose
    kind: str = "random"  # random, repeat, again, prior, case, planted, cp_again
    force: str = ""  # planted: which check it is for
    case: str = ""  # open case: the team kind


class _FrontDoor:
    def __init__(self, gen):
        self.gen = gen
        self.people = gen.people
        self.today = gen.today
        self.rng = Random(f"front-door-{gen.seed}")
        # Names for referrers and professionals, drawn once (Faker is slow per call).
        self.first_names = sorted({gen.fake.first_name() for _ in range(300)})
        self.last_names = sorted({gen.fake.last_name() for _ in range(300)})
        self.calendar = WorkingDayCalendar()  # bank holidays only: the plan needs no database
        self.start = _years_before(self.today, YEARS)
        self.yesterday = self.today - DAY
        self.limit = _at(self.today, 0)  # everything happened before midnight last night
        # The last working day before today: its afternoon's contacts are still in the queue,
        # due today, as a front door's would be in the morning.
        self.last_working_day = self.yesterday
        while not self.calendar.is_working_day(self.last_working_day):
            self.last_working_day -= DAY
        self.contacts: list[ContactPlan] = []
        self.children: list[ContactChildPlan] = []
        self.referrals: list[ReferralPlan] = []
        self.strategies: list[StrategyPlan] = []
        self.section47s: list[Section47Plan] = []
        self.kids_of = [
            [r for r in members if self.people[r].member == "child"] for members in gen.households
        ]
        self.busy_until: dict[int, datetime.date] = {}  # an open referral until this day
        self.case_from: dict[int, datetime.date] = {}  # the open case's contact: no more before
        self.last_contact: dict[int, datetime.date] = {}
        self.history: set[int] = set()  # children and siblings with earlier contacts
        self.heap: list = []
        self.seq = 0
        self.casework = CW.Timelines(self)
        self.partners = {
            team: [u.username for u in gen.users if u.role == "partner" and u.team == team]
            for team in ("Grimsby Police", "NHS Northern Lincolnshire")
        }
        self.assessors = [
            f"{u.first_name} {u.last_name}"
            for u in gen.users
            if u.role == "social_worker" and (u.team or "").startswith("Assessment")
        ] or ["Duty social worker"]
        self.team_kind = {t.name: t.kind for t in gen.teams}
        self.sibling_type: dict[tuple[int, int], str] = {}
        for r in gen.relationships:
            if r.type in ("sibling", "half_sibling"):
                self.sibling_type[(r.person, r.other)] = r.type
                self.sibling_type[(r.other, r.person)] = r.type

    # -- rates that improve over the five years --

    def progress(self, day: datetime.date) -> float:
        return max(0.0, min(1.0, (day - self.start).days / ((self.today - self.start).days or 1)))

    def rate(self, day: datetime.date, early: float, late: float) -> float:
        return early + (late - early) * self.progress(day)

    def push(self, day: datetime.date, arrival: _Arrival) -> None:
        if self.start <= day <= self.yesterday:
            self.seq += 1
            heapq.heappush(self.heap, (day, self.seq, arrival))

    # -- the arrivals --

    def run(self) -> FrontDoorPlan:
        rng = self.rng
        self.open_cases()
        n_children = sum(len(k) for k in self.kids_of)
        households = [hh for hh, kids in enumerate(self.kids_of) if kids]
        # A minority of families account for many contacts.
        weights, total = [], 0.0
        for hh in households:
            total += len(self.kids_of[hh]) * _weighted(rng, [(1, 70), (3, 22), (8, 8)])
            weights.append(total)
        days = (self.yesterday - self.start).days
        n = round(n_children * CONTACT_RATE * YEARS / 1.25)
        if households:
            for hh in rng.choices(households, cum_weights=weights, k=n):
                self.push(self.start + rng.randint(0, days) * DAY, _Arrival(hh))
            for force, ago in (
                ("cp2_s47", 50),
                ("cp1", 40),
                ("fd10", 30),
                ("fd7", 25),
                ("fd2", 20),
                ("fd8", 15),
                ("cp2_sd", 12),
                ("fd6", 6),
            ):
                day = self.today - ago * DAY
                self.push(day, _Arrival(rng.choice(households), kind="planted", force=force))
            # A few more on the last working day, so the queue has contacts still in time.
            for _ in range(4):
                self.push(self.last_working_day, _Arrival(rng.choice(households)))
        while self.heap:
            day, _, arrival = heapq.heappop(self.heap)
            self.arrive(day, arrival)
        plan = FrontDoorPlan(
            self.contacts,
            self.children,
            self.referrals,
            self.strategies,
            self.section47s,
            self.casework.skeletons,
        )
        _settle(plan, self)
        _attribute(plan, self)
        return plan

    def open_cases(self) -> None:
        """A contact around the start of each open case, leading to the referral that is open
        now; no other contact for those children from shortly before it."""
        first: dict[int, datetime.date] = {}
        current: dict[int, str] = {}
        for a in self.gen.allocations:
            first.setdefault(a.person, a.start_date)
            current[a.person] = self.team_kind.get(a.team, "cin")
        by_household: dict[int, list[int]] = {}
        for ref in first:
            by_household.setdefault(self.people[ref].household, []).append(ref)
        for hh, refs in sorted(by_household.items()):
            refs.sort()
            start = min(first[r] for r in refs)
            day = start - self.rng.randint(0, 3) * DAY
            named = [r for r in refs if self.people[r].date_of_birth <= day - 3 * DAY]
            later = [r for r in refs if r not in named]
            kind = current[refs[0]]
            if named:
                self.push(day, _Arrival(hh, named, kind="case", case=kind))
                for r in named:
                    self.case_from[r] = day
                if self.rng.random() < 0.3:  # referred and closed within the year before
                    earlier = day - self.rng.randint(100, 330) * DAY
                    self.push(earlier, _Arrival(hh, named, kind="prior"))
            for r in later:  # born after the family's case opened
                own = max(first[r], self.people[r].date_of_birth + 3 * DAY)
                self.case_from[r] = own
                self.push(own, _Arrival(hh, [r], kind="case", case=current[r]))

    def eligible(self, day: datetime.date, arrival: _Arrival) -> list[int]:
        kids = arrival.kids if arrival.kids is not None else self.kids_of[arrival.household]
        out = []
        for ref in kids:
            p = self.people[ref]
            if p.date_of_birth is None or p.date_of_birth > day - 3 * DAY:
                continue
            if self.busy_until.get(ref, datetime.date.min) >= day:
                continue
            if arrival.kind not in ("case", "prior"):
                if ref in self.case_from and day >= self.case_from[ref] - 120 * DAY:
                    continue
                last = self.last_contact.get(ref)
                if last is not None and (day - last).days < 21:
                    continue
            out.append(ref)
        return out

    def arrive(self, day: datetime.date, arrival: _Arrival) -> None:
        rng = self.rng
        kids = self.eligible(day, arrival)
        if arrival.force == "fd7":  # a child with history, so that a thin summary is thin
            kids = [k for k in kids if k in self.history]
        if not kids and arrival.kind == "planted":
            # Any family with a child free to be the subject of this contact.
            order = list(range(len(self.kids_of)))
            rng.shuffle(order)
            for hh in order:
                arrival = _Arrival(hh, kind="planted", force=arrival.force)
                kids = self.eligible(day, arrival)
                if arrival.force == "fd7":
                    kids = [k for k in kids if k in self.history]
                if kids:
                    break
        if not kids:
            return
        if arrival.kids is None and len(kids) > 1 and (rng.random() >= 0.35 or arrival.force):
            kids = [rng.choice(kids)]
        self.contact(day, arrival, kids)

    # -- one contact --

    def age(self, ref: int, day: datetime.date) -> float:
        return (day - self.people[ref].date_of_birth).days / 365.25

    def contact(self, day: datetime.date, arrival: _Arrival, kids: list[int]) -> None:
        rng, force = self.rng, arrival.force
        oldest = max(self.age(k, day) for k in kids)
        if force == "fd8":
            source, primary = "6", "domestic_abuse"
        elif force in ("cp1", "cp2_sd", "cp2_s47"):
            source, primary = rng.choice(["2A", "3E", "6"]), "physical"
        elif arrival.kind == "cp_again":
            source = _weighted(rng, T.SOURCES)
            primary = rng.choice(["physical", "neglect", "domestic_abuse", "emotional", "neglect"])
        elif arrival.kind == "case":
            source = _weighted(rng, T.SOURCES)
            primary = {
                "cp": rng.choice(["physical", "neglect", "domestic_abuse", "sexual"]),
                "cic": rng.choice(["neglect", "physical", "domestic_abuse", "substance"]),
                "disability": "disability",
            }.get(arrival.case) or self.category(source, oldest)
        else:
            source = _weighted(rng, T.SOURCES)
            primary = self.category(source, oldest)
        if primary in T.MIN_AGE:
            kids = [k for k in kids if self.age(k, day) >= T.MIN_AGE[primary]] or kids[:1]
        categories = [primary]
        if primary in T.PAIRS and rng.random() < 0.35:
            second = rng.choice(T.PAIRS[primary])
            if self.age(kids[0], day) >= T.MIN_AGE.get(second, 0):
                categories.append(second)
        received = self.received_at(day, source)
        if received >= self.limit:
            return
        referrer = self.referrer(source, kids, day)
        channel = self.channel(source)
        submitted_by = None
        team = (
            "Grimsby Police"
            if source == "6"
            else "NHS Northern Lincolnshire"
            if source.startswith("3")
            else None
        )
        if team and channel in ("api", "form") and self.partners.get(team):
            submitted_by = rng.choice(self.partners[team])
        concern = self.concern(primary, kids, source, received)
        actions = self.referrer_actions(source, primary)
        consent, reason, detail = self.consent(source, primary, day, force)
        immediate = primary in HARM and rng.random() < 0.3
        index = len(self.contacts)
        contact = ContactPlan(
            received_at=received,
            channel=channel,
            source=source,
            referrer=referrer,
            concern=concern,
            categories=tuple(dict.fromkeys(categories)),
            referrer_actions=actions,
            consent=consent,
            consent_not_sought_reason=reason,
            consent_detail=detail,
            immediate_risk=immediate,
            submitted_by=submitted_by,
        )
        self.contacts.append(contact)
        referred: list[int] = []
        closed: list[int] = []
        for ref in kids:
            cc = self.child(index, contact, ref, arrival, primary)
            self.last_contact[ref] = day
            if cc.referral is not None:
                referred.append(cc.referral)
            elif cc.outcome in CLOSING:
                closed.append(ref)
        self.history.update(self.kids_of[arrival.household])
        # Follow-ups: families referred again within the year, and contacts again.
        shut = [self.referrals[r] for r in referred if self.referrals[r].closure_date]
        if shut and rng.random() < REREFERRAL:
            first_day = max(r.closure_date for r in shut) + 14 * DAY
            last_day = add_months(min(r.referral_date for r in shut), 12) - DAY
            if first_day <= last_day:
                when = first_day + rng.randint(0, (last_day - first_day).days) * DAY
                self.push(
                    when, _Arrival(arrival.household, [r.person for r in shut], kind="repeat")
                )
        if closed and rng.random() < RECONTACT:
            when = day + rng.randint(30, 330) * DAY
            self.push(when, _Arrival(arrival.household, closed, kind="again"))

    def category(self, source: str, age: float) -> str:
        group = source if source in T.CATEGORIES_BY_SOURCE else source[:1]
        options = T.CATEGORIES_BY_SOURCE.get(group, T.CATEGORIES_BY_SOURCE["other"])
        options = [o for o in options if age >= T.MIN_AGE.get(o[0], 0)]
        return _weighted(self.rng, options)

    def channel(self, source: str) -> str:
        key = source if source in T.CHANNELS else source[:1]
        return _weighted(self.rng, T.CHANNELS.get(key, T.CHANNELS["other"]))

    def received_at(self, day: datetime.date, source: str) -> datetime.datetime:
        rng, cal = self.rng, self.calendar
        if rng.random() < T.OUT_OF_HOURS.get(source, 0.04):
            if cal.is_working_day(day) and rng.random() < 0.7:  # an evening or early morning
                hour = rng.choice([0, 2, 3, 4, 5, 6, 7, 18, 19, 20, 21, 22, 23])
            else:
                hour = rng.choice([0, *range(2, 24)])
            return _at(day, hour, rng.randint(0, 59))
        day = cal.working_day_on_or_after(day)
        if day > self.yesterday:
            day = self.yesterday
        return _at(day, 8, 30) + rng.randint(0, 540) * MINUTE

    def referrer(self, source: str, kids: list[int], day: datetime.date) -> dict[str, str]:
        rng = self.rng
        if source == "9":
            return {}
        if source == "10":
            return {"phone": f"01632 960{rng.randint(0, 999):03d}"} if rng.random() < 0.5 else {}
        first, last = rng.choice(self.first_names), rng.choice(self.last_names)
        if source in T.INDIVIDUAL_ROLES:
            if source == "1C":
                child = self.people[kids[0]]
                first, last = child.first_name, child.last_name
            out = {"name": f"{first} {last}", "role": rng.choice(T.INDIVIDUAL_ROLES[source])}
            if rng.random() < 0.7:
                out["phone"] = f"07700 900{rng.randint(0, 999):03d}"
            return out
        organisations, roles, domain = T.REFERRERS[source]
        organisation = rng.choice(organisations)
        if source == "2A" and self.age(kids[0], day) < 4:
            organisation = rng.choice(T.NURSERIES)
        out = {"organisation": organisation, "name": f"{first} {last}", "role": rng.choice(roles)}
        if rng.random() < 0.85:
            out["phone"] = f"01632 960{rng.randint(0, 999):03d}"
        if rng.random() < 0.6:
            local = "".join(c for c in f"{first}.{last}".lower() if c.isalnum() or c == ".")
            out["email"] = f"{local}@{domain}"
        if rng.random() < 0.04:  # the form sent without the referrer's name
            del out["name"]
        return out

    def concern(self, category: str, kids: list[int], source: str, received) -> str:
        rng = self.rng
        if source[:1] in ("1", "9") and rng.random() < 0.3:
            return rng.choice(T.SHORT_CONCERNS)
        people = [self.people[k] for k in kids]
        many = len(people) > 1
        sex = people[0].sex
        if many:
            name = ", ".join(p.first_name for p in people[:-1]) + " and " + people[-1].first_name
            they, them, their, selves = "they", "them", "their", "themselves"
        elif sex == "F":
            name, they, them, their, selves = people[0].first_name, "she", "her", "her", "herself"
        else:
            name, they, them, their, selves = people[0].first_name, "he", "him", "his", "himself"
        parent = (
            "Mum"
            if category == "fgm"
            else _weighted(rng, [("Mum", 60), ("Dad", 25), ("Mum's partner", 15)])
        )
        female = parent == "Mum"
        words = {
            "name": name,
            "they": they,
            "they_cap": they.capitalize(),
            "them": them,
            "their": their,
            "themselves": selves,
            "was_were": "were" if many else "was",
            "has_have": "have" if many else "has",
            "is_are": "are" if many else "is",
            "parent": parent,
            "his_her": "her" if female else "his",
            "him_her": "her" if female else "him",
            "he_she": "she" if female else "he",
            "time": f"{received:%H:%M}",
            "dash": rng.choice(["standard", "medium", "medium", "high"]),
        }
        group = source[:1]
        suited = [t for groups, t in T.CONCERNS[category] if group in groups or "*" in groups]
        text = rng.choice(suited or [t for _, t in T.CONCERNS[category]]).format(**words)
        return text[0].upper() + text[1:]

    def referrer_actions(self, source: str, category: str) -> str:
        rng = self.rng
        if source in ("9", "10") or (source[:1] == "1" and rng.random() < 0.6):
            return ""
        if rng.random() < 0.1:
            return ""
        if source == "6":
            return rng.choice(T.POLICE_ACTIONS.get(category, T.POLICE_ACTIONS["other"]))
        key = source if source in T.ACTIONS_BY_SOURCE else source[:1]
        return rng.choice(T.ACTIONS_BY_SOURCE.get(key, T.ACTIONS_BY_SOURCE["other"]))

    def consent(self, source: str, primary: str, day, force: str) -> tuple[str, str, str]:
        rng = self.rng
        missing = self.rate(day, 0.08, 0.04) * (2 if source[:1] == "1" else 1)
        if force == "fd2" or source == "9" or rng.random() < missing:
            return "", "", ""
        detail = ""
        if primary in HARM or (
            source == "6" and primary == "domestic_abuse" and rng.random() < 0.6
        ):
            reason = _weighted(
                rng,
                [("safeguarding", 60), ("crime" if source == "6" else "risk", 25), ("risk", 15)],
            )
            if rng.random() < 0.4:
                detail = rng.choice(T.CONSENT_DETAIL["not_sought"])
            return "not_sought", reason, detail
        consent = _weighted(rng, [("given", 75), ("refused", 10), ("not_sought", 15)])
        if consent == "not_sought":
            reason = _weighted(rng, [("safeguarding", 60), ("unable", 30), ("other", 10)])
            return consent, reason, ""
        if rng.random() < 0.4:
            detail = rng.choice(T.CONSENT_DETAIL[consent])
        return consent, "", detail

    # -- one child on a contact --

    def due(self, received: datetime.datetime) -> datetime.datetime:
        """One working day from receipt (the default rule; the writers use the real one)."""
        return datetime.datetime.combine(
            self.calendar.add_working_days(received.date(), 1), received.time()
        )

    def office(self, day: datetime.date) -> datetime.datetime:
        return (
            _at(self.calendar.working_day_on_or_after(day), 8, 45)
            + self.rng.randint(0, 90) * MINUTE
        )

    def pick_up(self, moment: datetime.datetime) -> datetime.datetime:
        if self.calendar.is_working_day(moment.date()) and _at(moment.date(), 8, 30) <= moment:
            if moment < _at(moment.date(), 16, 30):
                return moment + self.rng.randint(15, 120) * MINUTE
            return self.office(moment.date() + DAY)
        return self.office(moment.date())

    def child(self, index, contact, ref, arrival, primary) -> ContactChildPlan:
        rng = self.rng
        received = contact.received_at
        day = received.date()
        cc = ContactChildPlan(contact=index, person=ref)
        position = len(self.children)
        contact.children.append(position)
        self.children.append(cc)
        # The decision.
        force = arrival.force
        if force == "fd8":
            outcome = "advice"
        elif force in ("cp1", "cp2_sd", "cp2_s47"):
            outcome = "strategy"
        elif arrival.kind == "case":
            outcome = "strategy" if arrival.case == "cp" else "assessment"
            if arrival.case == "cic" and rng.random() < 0.5:
                outcome = "strategy"
        elif arrival.kind == "prior":
            outcome = "strategy" if primary in HARM and rng.random() < 0.5 else "assessment"
        elif arrival.kind == "cp_again":
            outcome = "strategy" if rng.random() < 0.85 else "assessment"
        else:
            group = "harm" if primary in HARM else primary
            weights = list(OUTCOME_WEIGHTS.get(group, OUTCOME_WEIGHTS["other"]))
            if self.age(ref, day) < 1 and primary == "physical":
                weights = [0, 0, 0, 10, 90]  # an injury to a baby who cannot crawl
            if arrival.kind == "repeat":
                weights[3] *= 3.5
                weights[4] *= 3.5
            outcome = _weighted(rng, list(zip(ORDER, weights, strict=True)))
        recommendation = outcome
        if arrival.kind != "case" and not force and rng.random() < 0.12:
            i = ORDER.index(outcome) + rng.choice([-1, 1])
            recommendation = ORDER[max(0, min(4, i))]
        level = LEVEL[recommendation]
        if recommendation == "advice" and rng.random() < 0.4:
            level = 2
        # The timeline: history summary, checks with partners, screening, decision.
        late = force == "fd6" or rng.random() < self.rate(day, 0.16, 0.05)
        due = self.due(received)
        summary_at = self.pick_up(received)
        n_checks = _weighted(rng, [(0, 55), (1, 35), (2, 10)])
        if force == "fd10":
            n_checks = max(1, n_checks)
        if late:
            decided = self.office(self.calendar.add_working_days(due.date(), rng.randint(1, 3)))
            decided = max(decided, due + rng.randint(60, 600) * MINUTE)
            screened = decided - rng.randint(20, 120) * MINUTE
            summary_at = min(summary_at, screened - (n_checks + 1) * 30 * MINUTE)
            step = (screened - summary_at) / (n_checks + 1)
            checks_at = [summary_at + step * (k + 1) for k in range(n_checks)]
        else:
            if summary_at > due - 3 * 60 * MINUTE:  # out of hours: the duty team screened it
                summary_at = received + rng.randint(10, 40) * MINUTE
                gaps = [rng.randint(5, 20) for _ in range(n_checks + 2)]
            else:
                gaps = [rng.randint(20, 90) for _ in range(n_checks)]
                gaps += [rng.randint(15, 90), rng.randint(15, 150)]
            moments = [summary_at]
            for gap in gaps:
                moments.append(moments[-1] + gap * MINUTE)
            checks_at, screened, decided = moments[1:-2], moments[-2], moments[-1]
            if decided > due:
                decided = max(screened + 5 * MINUTE, due - rng.randint(5, 30) * MINUTE)
        # Some contacts from the last week are still waiting for a decision.
        fresh = (
            arrival.kind == "random"
            and not force
            and day == self.last_working_day
            and received.hour >= 12
            and rng.random() < 0.75
        )
        stuck = (
            force == "fd6"
            or fresh
            or (
                (self.today - day).days <= 8
                and due < self.limit - 2 * 60 * MINUTE
                and rng.random() < 0.25
            )
        )
        if stuck:
            decided = self.limit
            if rng.random() < 0.5:
                screened = self.limit
                if rng.random() < 0.5:
                    summary_at = self.limit
                    checks_at = []
        if summary_at < self.limit:
            cc.summary_at = summary_at
            cc.thin_summary = force == "fd7" or rng.random() < self.rate(day, 0.22, 0.07)
            cc.partner_checks = [
                self.partner_check(ref, at, force == "fd10" and k == 0)
                for k, at in enumerate(checks_at)
                if at < self.limit
            ]
        else:
            return cc
        if screened >= self.limit:
            return cc
        cc.screened_at = screened
        cc.threshold = level
        cc.threshold_rationale = rng.choice(T.THRESHOLD_RATIONALE[level])
        cc.recommendation = recommendation
        cc.recommendation_rationale = rng.choice(T.RECOMMENDATION_RATIONALE[recommendation])
        if decided >= self.limit:
            return cc
        cc.decided_at = decided
        cc.outcome = outcome
        cc.rationale = rng.choice(T.DECISION_RATIONALE[outcome])
        cc.direction = T.DIRECTION[outcome]
        cc.direction_owner = rng.choice(T.DIRECTION_OWNER[outcome])
        cc.direction_due = decided.date() + rng.randint(1, 7) * DAY
        if outcome in REFERRING:
            cc.primary_need = PRIMARY_NEED.get(primary, "N1")
            if arrival.case == "disability":
                cc.primary_need = "N2"
            self.referral(position, cc, contact, arrival)
        return cc

    def partner_check(self, ref, at, asked: bool) -> PartnerCheckPlan:
        rng = self.rng
        age = self.age(ref, at.date())
        agencies = ["3A", "6", "5D"] + (["2A"] if age >= 4 else ["3B"])
        agency = rng.choice(agencies)
        organisation = {
            "2A": rng.choice(T.SCHOOLS),
            "3A": rng.choice(T.GP_SURGERIES),
            "3B": "Health visiting team, NHS Northern Lincolnshire",
            "6": "Humberside Police",
            "5D": "Early help hub",
        }[agency]
        asked = asked or rng.random() < self.rate(at.date(), 0.05, 0.02)
        if asked and agency not in ("2A", "3B"):
            agency = "2A" if age >= 4 else "3B"
            organisation = rng.choice(T.SCHOOLS) if agency == "2A" else "Health visiting team"
        learned = rng.choice(T.ASKED_TO_SPEAK if asked else T.PARTNER_CHECKS[agency])
        return PartnerCheckPlan(at, agency, organisation, learned, asked)

    # -- what a referral leads to --

    def referral(self, position: int, cc: ContactChildPlan, contact, arrival) -> None:
        rng = self.rng
        ref = cc.person
        r_index = len(self.referrals)
        referral = ReferralPlan(
            contact_child=position,
            person=ref,
            referral_date=contact.received_at.date(),
            source=contact.source,
            primary_need=cc.primary_need,
        )
        self.referrals.append(referral)
        cc.referral = r_index
        self.busy_until[ref] = datetime.date.max
        after = cc.decided_at  # the last step so far
        path = "assessment"
        outcome_date = None
        if cc.outcome == "strategy":
            strategy, enquiry = self.strategy(r_index, cc, arrival)
            if strategy.recorded_at is None:
                return  # still to be recorded: the referral stays open
            after = strategy.recorded_at
            path = {"no_s47": "assessment", "nfa": "nfa"}.get(strategy.decision, "s47")
            if enquiry is not None:
                if enquiry.outcome_at is None:
                    return
                after = enquiry.outcome_at
                outcome_date = enquiry.outcome_date
                path = {"nfa": "s47_nfa", "icpc": "icpc"}.get(enquiry.outcome, "assessment")
        if arrival.kind == "case":
            # The open case now: its casework is shaped by the teams it was allocated to.
            self.casework.open_case(r_index, referral, cc, arrival.case, path, after)
            return
        start = after.date()
        deadline = self.yesterday
        if ref in self.case_from:  # closed before the open case's referral
            deadline = min(deadline, self.case_from[ref] - 7 * DAY)
        quick = path == "assessment" and cc.outcome == "assessment" and rng.random() < QUICK_NFA
        if path in ("assessment", "icpc") and not quick:
            # Casework (casework_plan.py): closed through the closure workflow when it ends,
            # at the moment the manager approves; open while it goes on today.
            sk = self.casework.timeline(r_index, referral, cc, path, after, deadline)
            if sk.approve_at is None:
                return
            referral.closure_date, referral.closure_reason = sk.closure_date, sk.close_reason
            referral.closed_at, referral.workflow = sk.approve_at, True
            self.busy_until[ref] = sk.closure_date
            if sk.cp_end is not None and rng.random() < CP_AGAIN:
                when = sk.closure_date + rng.randint(20, 300) * DAY
                self.push(when, _Arrival(self.people[ref].household, [ref], kind="cp_again"))
            return
        # Closed by the front door: no further action, before any casework.
        nfa = False
        if path == "nfa":
            closure, reason, nfa = start + rng.randint(0, 3) * DAY, "RC8", True
        elif path == "s47_nfa":
            closure, reason = outcome_date + rng.randint(0, 5) * DAY, "RC8"
        else:
            closure, reason, nfa = start + rng.randint(1, 5) * DAY, "RC8", True
        closure = max(start + DAY, min(closure, deadline))
        if closure > self.yesterday:
            if referral.referral_date >= self.today - 21 * DAY or start + DAY > self.yesterday:
                return  # assessment under way
            closure = start + DAY + rng.randint(0, (self.yesterday - start - DAY).days) * DAY
        closed_at = max(_at(closure, 16, 30), after + 10 * MINUTE)
        if closed_at >= self.limit:
            return
        referral.closure_date, referral.closure_reason, referral.nfa = closure, reason, nfa
        referral.closed_at = closed_at
        self.busy_until[ref] = closure

    def strategy(self, r_index: int, cc: ContactChildPlan, arrival):
        rng, cal = self.rng, self.calendar
        force = arrival.force
        decided = cc.decided_at
        held = decided + rng.randint(30, 180) * MINUTE
        if not cal.is_working_day(held.date()) or held > _at(held.date(), 18):
            held = _at(cal.next_working_day(held.date()), 10) + rng.randint(0, 300) * MINUTE
        s_index = len(self.strategies)
        strategy = StrategyPlan(
            referral=r_index, person=cc.person, held_at=held, reason=cc.rationale
        )
        self.strategies.append(strategy)
        self.referrals[r_index].strategy = s_index
        day = held.date()
        recent = (self.today - day).days <= 120
        # Never recorded (an open case's was: its casework went on from it).
        if force == "cp2_sd" or (
            recent and not force and arrival.kind != "case" and rng.random() < 0.06
        ):
            return strategy, None
        if rng.random() < self.rate(day, 0.15, 0.05):
            recorded = self.office(cal.add_working_days(day, rng.randint(2, 4)))
        else:
            recorded = held + rng.randint(60, 240) * MINUTE
        if held >= self.limit or recorded >= self.limit:
            return strategy, None
        strategy.recorded_at = recorded
        strategy.attendees = self.attendees(cc, day, force)
        if arrival.kind == "case" or force in ("cp1", "cp2_s47"):
            decision = "s47"
        elif arrival.kind == "cp_again":
            decision = _weighted(rng, [("s47", 90), ("no_s47", 10)])
        else:
            decision = _weighted(rng, [("s47", 80), ("no_s47", 15), ("nfa", 5)])
        strategy.decision = decision
        strategy.decision_reason = rng.choice(T.STRATEGY_REASONS[decision])
        if decision == "s47" and rng.random() < 0.15:
            strategy.immediate_protective_action = True
            strategy.protective_action_detail = rng.choice(T.PROTECTIVE_ACTIONS)
        name = self.people[cc.person].first_name
        if decision == "s47" or rng.random() < 0.3:
            chosen = rng.sample(T.ACTIONS, rng.randint(1, 3))
            strategy.actions = [
                ActionPlan(what.format(name=name), owner, day + rng.randint(1, 7) * DAY)
                for what, owner in chosen
            ]
        if decision != "s47":
            return strategy, None
        strategy.enquiry_plan = rng.choice(T.ENQUIRY_PLANS)
        e_index = len(self.section47s)
        enquiry = Section47Plan(strategy=s_index, person=cc.person, start_date=day)
        self.section47s.append(enquiry)
        strategy.section47 = e_index
        last = recorded
        if rng.random() < 0.95:
            seen_on = min(day + rng.randint(0, 3) * DAY, self.yesterday)
            seen_at = max(_at(seen_on, 15), recorded + 10 * MINUTE)
            if seen_at < self.limit:
                enquiry.seen_at, enquiry.child_seen_on = seen_at, seen_on
                enquiry.child_seen_by = f"{rng.choice(self.assessors)} (social worker)"
                enquiry.child_seen_alone = self.age(cc.person, day) >= 4 and rng.random() < 0.75
                last = seen_at
        if force == "cp2_s47" or (
            recent and not force and arrival.kind != "case" and rng.random() < 0.08
        ):
            return strategy, enquiry  # no outcome recorded
        outcome_date = cal.add_working_days(day, rng.randint(4, 14))
        outcome_at = max(_at(outcome_date, 16), last + 10 * MINUTE)
        if outcome_at >= self.limit:
            return strategy, enquiry
        if arrival.case == "cp":
            outcome = "icpc"
        elif arrival.kind == "cp_again":
            outcome = _weighted(rng, [("icpc", 80), ("continue_assessment", 15), ("nfa", 5)])
        else:
            outcome = _weighted(rng, [("icpc", 40), ("continue_assessment", 35), ("nfa", 25)])
        enquiry.outcome_at = outcome_at
        enquiry.outcome = outcome
        enquiry.outcome_date = outcome_at.date()
        enquiry.outcome_reason = rng.choice(T.S47_OUTCOME_REASONS[outcome])
        return strategy, enquiry

    def attendees(self, cc: ContactChildPlan, day, force: str) -> list[AttendeePlan]:
        rng = self.rng
        contact = self.contacts[cc.contact]

        def person(title: str = "") -> str:
            return f"{title}{rng.choice(self.first_names)} {rng.choice(self.last_names)}"

        def turn_up(early: float, late: float) -> bool:
            return rng.random() >= self.rate(day, early, late)

        out = [
            AttendeePlan(
                "social_care",
                person(),
                "MASH team manager",
                True,
                True,
                rng.choice(T.CONTRIBUTIONS["social_care"]),
            )
        ]
        police = force != "cp1" and turn_up(0.16, 0.07)
        out.append(
            AttendeePlan(
                "police",
                person(rng.choice(["DC ", "DS ", "PC "])),
                "Humberside Police",
                True,
                police,
                rng.choice(T.CONTRIBUTIONS["police"]) if police else "",
            )
        )
        health = turn_up(0.2, 0.08)
        out.append(
            AttendeePlan(
                "health",
                person(),
                rng.choice(["Health visitor", "School nurse", "Named nurse"]),
                True,
                health,
                rng.choice(T.CONTRIBUTIONS["health"]) if health else "",
            )
        )
        age = self.age(cc.person, day)
        setting = age >= 4 or (age >= 2 and rng.random() < 0.55)  # school, or nursery
        if setting:
            invited = rng.random() < 0.9
            there = invited and turn_up(0.25, 0.1)
            out.append(
                AttendeePlan(
                    "education",
                    person(),
                    "Designated safeguarding lead" if age >= 4 else "Nursery manager",
                    invited,
                    there,
                    rng.choice(T.CONTRIBUTIONS["education"]) if there else "",
                )
            )
        # The referring professional, when not the school (Working Together: "the referrer").
        source = contact.source
        professional = source not in ("2A", "9", "10") and not source.startswith("1")
        if professional and rng.random() < (0.3 if setting else 0.85):
            there = turn_up(0.3, 0.15)
            role = ", ".join(
                x for x in (contact.referrer.get("role"), contact.referrer.get("organisation")) if x
            )
            out.append(
                AttendeePlan(
                    "referrer",
                    contact.referrer.get("name") or person(),
                    role,
                    True,
                    there,
                    rng.choice(T.CONTRIBUTIONS["referrer"]) if there else "",
                )
            )
        return out


# --- Who did each step ---------------------------------------------------------------------

# The share of contacts a head of service decides, rather than the front door's manager.
HEAD_OF_SERVICE_DECIDES = 0.12
# The chance the worker who took a contact by phone, email or in person also screens it.
SAME_WORKER_SCREENS = 0.4


def _attribute(fd: FrontDoorPlan, g: "_FrontDoor") -> None:
    """Who did each step, as usernames of the generated staff, each holding the permission the
    step's service asks for (lantern/accounts/permissions.py). A random stream of its own, so
    the history is the same whoever did it."""
    rng = Random(f"front-door-staff-{g.gen.seed}")
    users = [u for u in g.gen.users if u.active]
    kind = g.team_kind

    def staff(role: str, *kinds: str) -> list[str]:
        out = [u.username for u in users if u.role == role and kind.get(u.team or "") in kinds]
        if not out:
            raise ValueError(f"The plan has no {role} in a team of kind {' or '.join(kinds)}")
        return out

    workers = staff("front_door", "front_door")
    managers = staff("team_manager", "front_door")
    heads = [u.username for u in users if u.role == "head_of_service"]
    enquirers = staff("social_worker", "assessment", "cp")
    closers = staff("team_manager", "assessment")
    name = {u.username: f"{u.first_name} {u.last_name}" for u in users}
    # The worker an open case was first allocated to, and when: the one who led its enquiry.
    first: dict[int, tuple[datetime.date, str | None]] = {}
    for a in g.gen.allocations:
        first.setdefault(a.person, (a.start_date, a.worker))

    for c in fd.contacts:
        c.recorded_by = c.submitted_by or rng.choice(workers)
        # One worker screens every child on a contact, and one manager decides for them all.
        if c.recorded_by in workers and rng.random() < SAME_WORKER_SCREENS:
            screener = c.recorded_by
        else:
            screener = rng.choice(workers)
        if heads and rng.random() < HEAD_OF_SERVICE_DECIDES:
            decider = rng.choice(heads)
        else:
            decider = rng.choice(managers)
        for k in c.children:
            cc = fd.contact_children[k]
            if cc.summary_at is not None:
                cc.screened_by = screener
            if cc.decided_at is not None:
                cc.decided_by = decider

    leads: dict[int, str] = {}  # by contact: siblings' enquiries have one social worker
    for s in fd.strategies:
        referral = fd.referrals[s.referral]
        cc = fd.contact_children[referral.contact_child]
        s.scheduled_by = cc.decided_by
        start, worker = first.get(s.person, (None, None))
        if worker in enquirers and abs((start - referral.referral_date).days) <= 7:
            lead = worker
        else:
            lead = leads.get(cc.contact) or rng.choice(enquirers)
        leads.setdefault(cc.contact, lead)
        if s.recorded_at is None:
            continue
        s.recorded_by = lead
        if s.attendees and s.attendees[0].agency == "social_care":  # the manager chaired it
            chair = "MASH team manager" if s.scheduled_by in managers else "Head of service"
            s.attendees[0] = replace(s.attendees[0], name=name[s.scheduled_by], role=chair)
        if s.section47 is not None:
            e = fd.section47s[s.section47]
            if e.seen_at is not None:
                e.seen_recorded_by = lead
                e.child_seen_by = f"{name[lead]} (social worker)"
            if e.outcome_at is not None:
                e.outcome_recorded_by = lead

    for r in fd.referrals:
        if r.closed_at is not None:
            r.closed_by = rng.choice(closers)


# --- What the services would find ----------------------------------------------------------


def _settle(fd: FrontDoorPlan, g: _FrontDoor) -> None:
    """In the services' order: each child's history as the worker saw it, re-referrals, and
    the FD8 concerns standing at each decision (overridden by the manager, with a reason)."""
    rng = Random(f"front-door-settle-{g.gen.seed}")
    position: dict[tuple[str, int], int] = {}
    for n, (kind, i, j) in enumerate(events(fd)):
        if j == 0:
            position[(kind, i)] = n
    never = 1 << 62  # not happened (yet)
    by_person: dict[int, dict[str, list[int]]] = {}

    def mine(ref: int) -> dict[str, list[int]]:
        return by_person.setdefault(ref, {"cc": [], "referral": [], "strategy": [], "s47": []})

    for i, cc in enumerate(fd.contact_children):
        mine(cc.person)["cc"].append(i)
    for i, r in enumerate(fd.referrals):
        mine(r.person)["referral"].append(i)
    for i, s in enumerate(fd.strategies):
        mine(s.person)["strategy"].append(i)
    for i, e in enumerate(fd.section47s):
        mine(e.person)["s47"].append(i)

    def at(kind: str, i: int) -> int:
        return position.get((kind, i), never)

    def referral_made(r: int) -> int:
        return at("decision", fd.referrals[r].contact_child)

    def items(ref: int, t: int, this: int) -> list[dict]:
        out = []
        held = by_person.get(ref)
        if held is None:
            return out
        for i in held["cc"]:
            cc = fd.contact_children[i]
            if i == this or at("contact", cc.contact) >= t:
                continue
            contact = fd.contacts[cc.contact]
            if at("decision", i) < t:
                detail = Outcome(cc.outcome).label
            else:
                detail = STATUS_LABEL["screened" if at("screening", i) < t else "awaiting"]
            out.append(
                {
                    "on": contact.received_at.date().isoformat(),
                    "kind": "Contact",
                    "label": f"Contact from {ReferralSource(contact.source).label}",
                    "detail": detail,
                }
            )
        for r in held["referral"]:
            referral = fd.referrals[r]
            if referral_made(r) >= t:
                continue
            if at("closure", r) < t:
                detail = (
                    f"closed {referral.closure_date:%-d %b %Y}: "
                    f"{ReasonForClosure(referral.closure_reason).label}"
                )
            else:
                detail = "open"
            out.append(
                {
                    "on": referral.referral_date.isoformat(),
                    "kind": "Referral",
                    "label": f"Referral ({PrimaryNeed(referral.primary_need).label})",
                    "detail": detail,
                }
            )
        for s in held["strategy"]:
            strategy = fd.strategies[s]
            if referral_made(strategy.referral) >= t:
                continue
            recorded = at("strategy", s) < t
            out.append(
                {
                    "on": strategy.held_at.date().isoformat(),
                    "kind": "Strategy discussion",
                    "label": "Strategy discussion",
                    "detail": StrategyDecision(strategy.decision).label
                    if recorded
                    else "not yet recorded",
                }
            )
        for e in held["s47"]:
            enquiry = fd.section47s[e]
            if at("strategy", enquiry.strategy) >= t:
                continue
            out.append(
                {
                    "on": enquiry.start_date.isoformat(),
                    "kind": "Section 47 enquiry",
                    "label": "Section 47 enquiry",
                    "detail": Section47Outcome(enquiry.outcome).label
                    if at("outcome", e) < t
                    else "open",
                }
            )
        out.sort(key=lambda item: item["on"], reverse=True)
        return out

    def previous(ref: int, received: datetime.date, t: int) -> datetime.date | None:
        """The latest referral in the 12 months before `received` that existed at `t`."""
        earliest = add_months(received, -12)
        dates = [
            fd.referrals[r].referral_date
            for r in by_person.get(ref, {}).get("referral", [])
            if referral_made(r) < t and earliest <= fd.referrals[r].referral_date <= received
        ]
        return max(dates) if dates else None

    people = g.people
    for i, cc in enumerate(fd.contact_children):
        contact = fd.contacts[cc.contact]
        received = contact.received_at.date()
        child = people[cc.person]
        if cc.summary_at is not None:
            t = at("summary", i)
            family = [
                k
                for k in g.kids_of[child.household]
                if k != cc.person and people[k].date_of_birth <= received
            ]
            shown = [
                {
                    "person": cc.person,
                    "name": f"{child.first_name} {child.last_name}",
                    "relation": "This child",
                    "items": items(cc.person, t, i),
                    "involvement": [],
                    "warnings": [],
                }
            ]
            for k in family:
                kind = g.sibling_type.get((k, cc.person))
                relation = RelationshipType(kind).label if kind else "Lives at the same address"
                shown.append(
                    {
                        "person": k,
                        "name": f"{people[k].first_name} {people[k].last_name}",
                        "relation": relation + (" (lives with the child)" if kind else ""),
                        "items": items(k, t, i),
                        "involvement": [],
                        "warnings": [],
                    }
                )
            cc.history_shown = shown
            prior = previous(cc.person, received, t)
            cc.re_referral = prior is not None
            cc.history_summary = _summary(rng, shown, cc.thin_summary, cc.re_referral)
        if cc.decided_at is not None:
            t = at("decision", i)
            cc.previous_referral_on = previous(cc.person, received, t)
            cc.open_referral = any(
                referral_made(r) < t and at("closure", r) > t
                for r in by_person.get(cc.person, {}).get("referral", [])
            )
            if cc.outcome in CLOSING and (
                cc.previous_referral_on
                or cc.open_referral
                or RISK & set(contact.categories)
                or cc.threshold >= 3
            ):
                cc.override_reason = rng.choice(T.OVERRIDE_REASONS)


def _summary(rng: Random, shown: list[dict], thin: bool, re_referral: bool) -> str:
    """The worker's history summary: thin when practice is poor, otherwise what the history
    says (at least 15 words, so the FD7 check passes it)."""
    child = shown[0]
    first = child["name"].split(" ")[0]
    if not any(p["items"] for p in shown):
        return rng.choice(T.NO_HISTORY_SUMMARIES).format(name=first)
    if thin:
        return rng.choice(T.THIN_SUMMARIES)
    parts = []
    mine = child["items"]
    contacts = [i for i in mine if i["kind"] == "Contact"]
    referrals = [i for i in mine if i["kind"] == "Referral"]
    enquiries = [i for i in mine if i["kind"] == "Section 47 enquiry"]
    if contacts:
        since = datetime.date.fromisoformat(contacts[-1]["on"])
        text = f"{first}: {_plural(len(contacts), 'earlier contact')} since {since:%B %Y}"
        if referrals:
            last = referrals[0]
            when = datetime.date.fromisoformat(last["on"])
            text += (
                f", {_plural(len(referrals), 'referral')} (the last on {when:%-d %B %Y}, "
                f"{last['detail']})"
            )
        parts.append(text + ".")
        if enquiries:
            parts.append(
                f"{_plural(len(enquiries), 'section 47 enquiry', 'section 47 enquiries')}, "
                f"the last: {enquiries[0]['detail'].lower()}."
            )
    else:
        parts.append(f"Nothing known before for {first} directly.")
    for sibling in shown[1:]:
        if sibling["items"]:
            n_refs = sum(1 for i in sibling["items"] if i["kind"] == "Referral")
            n_contacts = sum(1 for i in sibling["items"] if i["kind"] == "Contact")
            sib = sibling["name"].split(" ")[0]
            parts.append(
                f"{sib} ({sibling['relation'].split(' (')[0].lower()}): "
                f"{_plural(n_contacts, 'contact')}, {_plural(n_refs, 'referral')}."
            )
    if re_referral:
        parts.append("A referral now would be a re-referral within 12 months.")
    parts.append(rng.choice(T.PATTERN_SENTENCES))
    return " ".join(parts)


def plan_front_door(gen) -> FrontDoorPlan:
    """Five years of front-door history for the people, households and open cases of `gen`
    (lantern.synthetic.plan._Generator, after its people and cases are planned)."""
    return _FrontDoor(gen).run()

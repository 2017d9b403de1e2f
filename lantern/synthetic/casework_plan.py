"""Five years of casework after the referral for the synthetic authority: child and family
assessments, child in need, child protection and safety plans, conferences, core groups, case
notes and closures.

Pure, like lantern/synthetic/plan.py and front_door_plan.py: the same seed, scale and today
always give the same casework. The writers in lantern/synthetic/casework_writers.py turn it into
rows through the casework services, and lantern/synthetic/casework_bulk.py in bulk, with the same
result.

How it is made:

1. While the front door's history is made (front_door_plan.py), each referral that leads to an
   assessment or a conference asks `Timelines.timeline()` (or `open_case()` for the open cases
   the people plan allocated) for the shape of its casework: when the assessment started and
   was authorised and what it concluded; whether a safety plan was needed; when the initial
   conference was held and what it decided; when each review conference was held and which one
   ended the plan; whether a child in need plan followed; and when the worker asked to close the
   case and the manager approved it. That is when the referral closes, so the front door knows
   when the child can be referred again (and, after a child protection plan ends, sometimes is:
   second and subsequent plans). A referral whose casework is still going on today stays open.
2. `plan_casework()` then fills each shape in (lantern/synthetic/casework_content.py): the
   assessment's sections, the people consulted, the plans' needs, actions and reviews, the
   conferences' attendees, core groups, visits and other case notes, and who did each step.
   Some practice is imperfect, more in the earlier years, and a few records are planted so
   that every casework check has something to find. It then works out, from the casework as
   it stood at each moment, what the closure checks (FD8, CP6) found when each closure was
   asked for and approved, and gives the manager an override reason when there were concerns
   (casework_settle.py).
3. `events()` puts every step in one order, with keys that merge with the front door's
   (front_door_plan.keyed_events): the order the services writer calls the services in.

Benchmarks (shared/domain.md §5): about 85% of assessments completed within 45 working days of
the referral (England 85.7% in 2025, median 33 working days), about 80% of initial conferences
within 15 working days of the strategy discussion, child protection plans mostly ending within
a year (4% lasting two years or more), and 20–25% of plans second or subsequent.
"""

import datetime
from dataclasses import dataclass, field
from random import Random

from lantern.synthetic import casework_text as T
from lantern.timescales.engine import add_months

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)
# A referral whose casework runs past yesterday stays open (and is allocated) when it was made
# this many days ago or fewer; older ones had their casework fitted before yesterday.
OPEN_DAYS = {"assessment": 90, "icpc": 200}
# How many review conferences a child protection plan has when it ends at the last of them
# (the plan lasts about 3, 9, 15, 21, 27 or 33 months: domain.md §5.1, EES D7).
REVIEWS_TO_END = [(1, 22), (2, 43), (3, 16), (4, 11), (5, 5), (6, 3)]
# The shares of assessment outcomes after a referral for assessment (England: about 31% of
# referrals assessed as not in need).
OUTCOMES = [("nfa", 40), ("step_down", 25), ("cin_plan", 35)]
HIGH_RISK = {"1B", "1C", "2B", "2C", "3A", "3B", "3C", "4B"}


# --- Plan records --------------------------------------------------------------------------
# Datetimes are Europe/London wall-clock times, naive; the writers make them aware. People are
# refs (Plan.people), staff usernames, referrals and section 47 enquiries indexes into the front
# door's lists, plans indexes into CaseworkPlan.plans and actions indexes into their plan's.


@dataclass(slots=True)
class Skeleton:
    """The shape of one referral's casework (step 1 above): its dates and decisions."""

    referral: int
    person: int
    contact: int
    category: str  # the contact's first concern category
    case: str = ""  # the open case's team kind, or "" for casework that ended or is new
    path: str = "assessment"  # assessment, icpc
    # The assessment.
    assess_at: datetime.datetime | None = None
    seen_on: datetime.date | None = None
    submit_on: datetime.date | None = None
    authorise_on: datetime.date | None = None
    outcome: str = ""  # nfa, step_down, cin_plan, other
    # A safety plan during the assessment or enquiry (end None: open today).
    safety_start: datetime.date | None = None
    safety_end: datetime.date | None = None
    # The initial conference and the child protection plan.
    icpc_at: datetime.datetime | None = None  # the conference arranged (the enquiry's outcome)
    icpc_on: datetime.date | None = None
    icpc_late: bool = False
    icpc_decision: str = ""
    reviews: list[datetime.date] = field(default_factory=list)  # review conferences held
    cp_end: datetime.date | None = None  # the review that ended the plan
    cp_end_reason: str = ""
    review_lapsed: bool = False  # open plan whose due review has not been held
    # A child in need plan (end None: open, or ended by the closure).
    cin_start: datetime.date | None = None
    # The closure, asked for and approved.
    close_kind: str = ""
    close_reason: str = ""
    closure_date: datetime.date | None = None
    request_at: datetime.datetime | None = None
    approve_at: datetime.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.approve_at is None


@dataclass(slots=True)
class ConsulteePlan:
    at: datetime.datetime  # consulted_on is its date
    said: str
    relationship: str
    person: int | None = None  # someone in the family network, or a professional:
    professional_name: str = ""
    agency: str = ""


@dataclass(slots=True)
class SavePlan:
    at: datetime.datetime
    # assessment_save's sections: text sections, child_seen_on, seen_alone, outcome, factors.
    fields: dict


@dataclass(slots=True)
class AssessmentPlan:
    referral: int
    person: int
    start_date: datetime.date
    started_at: datetime.datetime
    worker: str
    consultees: list[ConsulteePlan] = field(default_factory=list)
    saves: list[SavePlan] = field(default_factory=list)
    submitted_at: datetime.datetime | None = None
    authorised_at: datetime.datetime | None = None
    manager: str = ""
    comments: str = ""

    def state(self) -> dict:
        """The sections as the last save left them."""
        out: dict = {}
        for save in self.saves:
            out.update(save.fields)
        return out


@dataclass(slots=True)
class NeedPlan:
    at: datetime.datetime
    description: str


@dataclass(slots=True)
class ActionPlan:
    at: datetime.datetime
    need: int | None  # index into the plan's needs
    action: str
    due_date: datetime.date | None
    outcome: str
    owner_person: int | None = None
    owner_user: str = ""
    owner_agency: str = ""
    owner_name: str = ""
    owner_is_parent: bool = False

    @property
    def complete(self) -> bool:
        has_owner = self.owner_person is not None or self.owner_user or self.owner_agency
        return bool(has_owner and self.due_date is not None and self.outcome.strip())


@dataclass(slots=True)
class ReviewPlan:
    """A plan review (plan_review_record): a CIN or safety-plan review, or the progress part of
    a core group or review conference (those are recorded by their own records)."""

    at: datetime.datetime
    held_on: datetime.date
    summary: str
    # Every action open at the time (by index) → (status, note).
    progress: dict[int, tuple[str, str]]
    next_review_date: datetime.date | None
    by: str


@dataclass(slots=True)
class CasePlan:
    kind: str  # cin, cp, safety
    person: int
    referral: int
    start_date: datetime.date
    worker: str
    started_at: datetime.datetime | None = None  # plan_start (a CP plan: started by the ICPC)
    category: str = ""
    summary: str = ""
    summary_at: datetime.datetime | None = None  # plan_update (a CP plan: by the ICPC)
    review_date: datetime.date | None = None
    needs: list[NeedPlan] = field(default_factory=list)
    actions: list[ActionPlan] = field(default_factory=list)
    finalised_at: datetime.datetime | None = None
    reviews: list[ReviewPlan] = field(default_factory=list)
    end_date: datetime.date | None = None
    end_reason: str = ""
    # How it ends: "event" (plan_end at ended_at), "closure" (the closure's approval),
    # "icpc" (a CP plan started), "conference" (the review conference that ended it).
    ended_via: str = ""
    ended_at: datetime.datetime | None = None
    ended_by: str = ""


@dataclass(slots=True, frozen=True)
class MeetingAttendee:
    agency: str
    name: str
    role: str
    invited: bool
    attended: bool
    report_submitted: bool

    def as_dict(self) -> dict:
        return {
            "agency": self.agency,
            "name": self.name,
            "role": self.role,
            "invited": self.invited,
            "attended": self.attended,
            "report_submitted": self.report_submitted,
        }


@dataclass(slots=True)
class ConferencePlan:
    kind: str  # initial, review
    person: int
    referral: int
    section47: int | None = None  # an initial conference's enquiry
    plan: int | None = None  # the CP plan it made or reviews
    scheduled_at: datetime.datetime | None = None  # an initial one: conference_schedule
    scheduled_by: str = ""
    held_at: datetime.datetime | None = None  # None: due, not yet held
    held_on: datetime.date | None = None
    chair: str = ""
    decision: str = ""
    category: str = ""
    outline: str = ""
    reasons: str = ""
    end_reason: str = ""
    attendees: list[MeetingAttendee] = field(default_factory=list)
    progress: dict[int, tuple[str, str]] = field(default_factory=dict)


@dataclass(slots=True)
class CoreGroupPlan:
    plan: int
    held_on: datetime.date
    at: datetime.datetime
    by: str
    summary: str
    attendees: list[MeetingAttendee]
    progress: dict[int, tuple[str, str]]


@dataclass(slots=True)
class NotePlan:
    person: int
    referral: int
    kind: str
    occurred_on: datetime.date
    at: datetime.datetime
    title: str
    text: str
    by: str
    child_seen: bool | None = None
    seen_alone: bool | None = None


@dataclass(slots=True)
class ClosurePlan:
    referral: int
    person: int
    kind: str  # closure, step_down
    reason: str
    closure_date: datetime.date
    rationale: str
    requested_at: datetime.datetime
    requested_by: str
    approved_at: datetime.datetime
    approved_by: str
    comment: str
    override_reason: str = ""
    # What the checks find when the worker asks and when the manager decides (settled).
    concerns: list[dict] = field(default_factory=list)
    decision_concerns: list[dict] = field(default_factory=list)
    nfa: bool = False


@dataclass
class CaseworkPlan:
    assessments: list[AssessmentPlan] = field(default_factory=list)
    plans: list[CasePlan] = field(default_factory=list)
    conferences: list[ConferencePlan] = field(default_factory=list)
    core_groups: list[CoreGroupPlan] = field(default_factory=list)
    notes: list[NotePlan] = field(default_factory=list)
    closures: list[ClosurePlan] = field(default_factory=list)

    @property
    def visits(self) -> int:
        return sum(1 for n in self.notes if n.kind == "visit")


# --- Helpers -------------------------------------------------------------------------------


def weighted(rng: Random, options):
    total = sum(o[1] for o in options)
    x = rng.random() * total
    for option in options:
        x -= option[1]
        if x < 0:
            return option[0]
    return options[-1][0]


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute))


# --- Step 1: the shape of each referral's casework -----------------------------------------


class Timelines:
    """Asked by the front door (front_door_plan._FrontDoor) for the shape of each referral's
    casework, in the order the front door makes referrals. The choices a family shares
    (siblings on one contact are assessed and planned for together) come from a random stream
    per contact, so they do not depend on the order referrals are made in."""

    def __init__(self, fd):
        self.fd = fd
        self.today = fd.today
        self.yesterday = fd.yesterday
        self.limit = fd.limit
        self.cal = fd.calendar
        self.seed = fd.gen.seed
        self.skeletons: dict[int, Skeleton] = {}
        self.planted: set[str] = set()
        self.had_plan: set[int] = set()  # children who have had a child protection plan
        self.steps: dict[int, list] = {}
        for a in fd.gen.allocations:
            self.steps.setdefault(a.person, []).append(a)

    # -- dates --

    def wd(self, day: datetime.date, n: int) -> datetime.date:
        return self.cal.add_working_days(day, n)

    def back(self, day: datetime.date, n: int) -> datetime.date:
        """The nth working day before `day`."""
        for _ in range(n):
            day -= DAY
            while not self.cal.is_working_day(day):
                day -= DAY
        return day

    def between(self, a: datetime.date, b: datetime.date) -> int:
        return self.cal.working_days_between(a, b)

    def on_or_after(self, day: datetime.date) -> datetime.date:
        return self.cal.working_day_on_or_after(day)

    def office(self, rng: Random, day: datetime.date, start: int = 9, end: int = 16):
        return at(day, start) + rng.randint(0, (end - start) * 60) * MINUTE

    def family(self, contact: int, path: str) -> Random:
        return Random(f"casework-{self.seed}-{contact}-{path}")

    # -- the front door's calls --

    def timeline(self, r_index, referral, cc, path, after, deadline) -> Skeleton:
        """The casework of a referral that did not come in as an open case: fitted to end by
        `deadline`, unless it is recent enough to be going on today."""
        contact = self.fd.contacts[cc.contact]
        sk = Skeleton(r_index, cc.person, cc.contact, contact.categories[0], path=path)
        self.skeletons[r_index] = sk
        fam = self.family(cc.contact, path)
        may_stay_open = (
            deadline >= self.yesterday
            and referral.referral_date >= self.today - OPEN_DAYS[path] * DAY
        )
        last = datetime.date.max if may_stay_open else deadline
        self.assessment(sk, fam, referral, after, last)
        if path == "icpc":
            self.conference(sk, fam, referral, last)
        elif sk.authorise_on is not None:
            sk.outcome = weighted(fam, OUTCOMES)
        self.safety(sk, fam)
        self.after_assessment(sk, fam, last)
        self.close(sk, fam, last)
        return sk

    def open_case(self, r_index, referral, cc, case, path, after) -> Skeleton:
        """The casework of an open case (lantern.synthetic.plan cases()): shaped by the teams it
        was allocated to, and still open today."""
        contact = self.fd.contacts[cc.contact]
        sk = Skeleton(r_index, cc.person, cc.contact, contact.categories[0], case=case)
        sk.path = "icpc" if path == "icpc" else "assessment"
        self.skeletons[r_index] = sk
        fam = self.family(cc.contact, "case")
        steps = self.steps.get(cc.person, [])
        transfer = next(
            (s.start_date for s in steps if s.reason == "Transferred after assessment"), None
        )
        last = datetime.date.max
        if case == "assessment":
            self.assessment(sk, fam, referral, after, last, open_now=True)
        else:
            self.assessment(sk, fam, referral, after, last, by=transfer)
        if sk.path == "icpc":
            self.conference(sk, fam, referral, last, open_case=case)
        if sk.authorise_on is not None:
            if sk.path == "icpc" and sk.icpc_decision == "cp_plan":
                sk.outcome = "other"
            else:
                sk.outcome = "cin_plan" if case in ("cin", "disability") else "other"
        self.safety(sk, fam, open_case=case)
        if sk.outcome == "cin_plan":
            start = max(sk.authorise_on, transfer or sk.authorise_on)
            sk.cin_start = self.on_or_after(start)
            if sk.cin_start >= self.today:
                sk.cin_start = None
        return sk

    # -- the assessment --

    def assessment(self, sk, fam, referral, after, last, *, open_now=False, by=None):
        """Started soon after the front door's last step; authorised within 45 working days of
        the referral about 85% of the time (more as the years go on). `by`: an open case's
        move to its team after the assessment; `open_now`: an assessment still being done."""
        start = after + fam.randint(20, 180) * MINUTE
        if start.hour >= 17 or not self.cal.is_working_day(start.date()):
            start = self.office(fam, self.on_or_after(start.date() + DAY), 9, 11)
        if start >= self.limit:
            return
        sk.assess_at = start
        begun = start.date()
        rdate = referral.referral_date
        lo = max(5, self.between(rdate, begun) + 3)
        if sk.path == "icpc":  # completed after the conference it informs
            lo = max(lo, self.between(rdate, begun) + 12)
        seen = self.wd(begun, fam.randint(0, 6))
        if by is not None:
            done = max(by - fam.randint(0, 3) * DAY, self.wd(begun, 3))
            wd = max(self.between(rdate, done), lo)
        elif fam.random() < self.fd.rate(rdate, 0.78, 0.88) and lo <= 45:
            wd = round(fam.triangular(lo, 45, min(45, max(lo, 34))))
        else:
            wd = min(140, max(46, lo) + round(fam.expovariate(1 / 10)))
        authorise = self.wd(rdate, wd)
        if authorise > last - 3 * DAY:  # fitted before the deadline, with room to close
            room = self.between(rdate, last - 3 * DAY)
            authorise = self.wd(rdate, max(room, self.between(rdate, begun) + 1))
        if open_now or authorise >= self.today:
            self.drafting(sk, fam, seen)
            return
        submit = max(self.back(authorise, fam.choice([0, 0, 1, 1, 2, 3])), self.wd(begun, 1))
        sk.seen_on = min(seen, submit)
        sk.submit_on = submit
        sk.authorise_on = max(authorise, submit)

    def drafting(self, sk, fam, seen):
        """An assessment still being written today: some are with the manager."""
        begun = sk.assess_at.date()
        sk.seen_on = seen if seen <= self.yesterday else None
        sk.submit_on = sk.authorise_on = None
        if (self.today - begun).days > 25 and fam.random() < 0.3:
            submit = self.wd(begun, fam.randint(15, 25))
            if submit <= self.yesterday:
                sk.submit_on = submit
                sk.seen_on = min(sk.seen_on or submit, submit)

    def delay_assessment(self, sk, fam, earliest: datetime.date):
        """Authorised no earlier than `earliest` (after the conference it informs)."""
        if sk.authorise_on is None or sk.authorise_on >= earliest:
            return
        authorise = self.wd(earliest, fam.randint(0, 5))
        if authorise >= self.today:
            self.drafting(sk, fam, sk.seen_on or sk.assess_at.date())
            return
        sk.submit_on = max(self.back(authorise, fam.choice([0, 1, 2])), sk.submit_on)
        sk.authorise_on = max(authorise, sk.submit_on)

    # -- the initial conference and the plan --

    def conference(self, sk, fam, referral, last, *, open_case=""):
        """The initial conference, about 80% of the time within 15 working days of the strategy
        discussion; most make a plan, which a review conference ends after 3 to 33 months."""
        strategy = self.fd.strategies[self.fd.referrals[sk.referral].strategy]
        enquiry = self.fd.section47s[strategy.section47]
        s47, outcome_on = enquiry.start_date, enquiry.outcome_date
        sk.icpc_at = enquiry.outcome_at + fam.randint(15, 90) * MINUTE
        if sk.icpc_at >= self.limit:
            sk.icpc_at = None
            self.delay_assessment(sk, fam, self.today)
            return
        due = self.wd(s47, 15)
        first_day = self.between(s47, outcome_on) + 1
        late = fam.random() >= self.fd.rate(referral.referral_date, 0.76, 0.86)
        held = None
        if open_case == "cp" and "icpc_late" not in self.planted:
            # The first open child protection case whose conference was in the last three
            # months had it late (CP-ICPC-LATE), as about one in five are.
            candidate = self.wd(due, fam.randint(3, 8))
            if self.today - 85 * DAY <= candidate < self.today:
                held, late = candidate, True
                self.planted.add("icpc_late")
        if held is None:
            if late:
                held = self.wd(due, fam.randint(1, 12))
            else:
                held = self.wd(s47, fam.randint(min(15, max(first_day, 10)), 15))
        held = max(held, self.wd(outcome_on, 1))
        if held >= self.today:
            self.delay_assessment(sk, fam, self.today)
            return  # still to be held
        if held > last - 30 * DAY:  # fitted before the deadline
            held = max(self.wd(outcome_on, 1), self.back(last - 30 * DAY, 0))
        sk.icpc_on, sk.icpc_late = held, held > due
        self.delay_assessment(sk, fam, self.wd(held, 1))
        # Most initial conferences make a plan; nearly all for a child who has had one before.
        again = sk.person in self.had_plan
        if not (fam.random() < (0.95 if again else 0.86) or open_case == "cp"):
            sk.icpc_decision = "no_plan"
            return
        sk.icpc_decision = "cp_plan"
        self.had_plan.add(sk.person)
        # Review conferences: the first within 3 months, then every 6 months.
        n_end = weighted(fam, REVIEWS_TO_END)
        if open_case:
            n_end = 1 if open_case == "cic" else 99
        previous = held
        for n in range(1, n_end + 1):
            due_review = add_months(previous, 3 if n == 1 else 6)
            if fam.random() < 0.9:
                day = due_review - fam.randint(0, 14) * DAY
            else:
                day = due_review + fam.randint(1, 25) * DAY
            day = self.on_or_after(max(day, previous + 15 * DAY))
            if last < self.today and day > last - 5 * DAY:
                # Fitted before the deadline: a review brought forward ends the plan.
                early = self.on_or_after(max(previous + 20 * DAY, last - 25 * DAY))
                if early <= last - 5 * DAY:
                    sk.reviews.append(early)
                    sk.cp_end = early
                break
            if day >= self.today:
                break
            # The review due before today was not held (CP-REVIEW-OVERDUE): planted on the
            # first open plan it can be, and now and then on others.
            last_due = open_case == "cp" and add_months(due_review, 6) > self.today
            if (
                last_due
                and due_review < self.today - 10 * DAY
                and ("review_lapsed" not in self.planted or fam.random() < 0.08)
            ):
                sk.review_lapsed = True
                self.planted.add("review_lapsed")
                break
            sk.reviews.append(day)
            previous = day
            if n == n_end:
                sk.cp_end = day
        if sk.cp_end is not None:
            if open_case == "cic":
                sk.cp_end_reason = T.END_REASONS[2]
            else:
                sk.cp_end_reason = fam.choice(T.END_REASONS[:2])

    def safety(self, sk, fam, *, open_case=""):
        """A safety plan while the enquiry or assessment goes on, ended when the conference
        makes a plan or the assessment is done; one open today now and then (CP5)."""
        if sk.assess_at is None:
            return
        planted = open_case in ("cin", "assessment") and "safety" not in self.planted
        if not planted and fam.random() >= (0.25 if sk.path == "icpc" else 0.05):
            return
        start = self.on_or_after(sk.assess_at.date())
        end = sk.icpc_on if sk.icpc_decision == "cp_plan" else sk.authorise_on
        if planted:
            start = self.on_or_after(max(start, self.today - 40 * DAY))
            end = None
        if start >= self.today or (end is not None and end <= start):
            return
        if planted:
            self.planted.add("safety")
        sk.safety_start, sk.safety_end = start, end

    def after_assessment(self, sk, fam, last):
        """A child in need plan after an assessment (or a conference) that calls for one; after
        a child protection plan ends, often a child in need plan to step down to."""
        if sk.authorise_on is None:
            return
        if sk.path == "icpc":
            if sk.icpc_decision == "no_plan":
                sk.outcome = weighted(fam, [("cin_plan", 65), ("step_down", 25), ("nfa", 10)])
            else:
                sk.outcome = "other"
                if sk.cp_end is not None and fam.random() < 0.45:
                    sk.cin_start = self.wd(max(sk.cp_end, sk.authorise_on), fam.randint(1, 5))
        if sk.outcome == "cin_plan":
            sk.cin_start = self.on_or_after(sk.authorise_on + fam.randint(0, 7) * DAY)
        if sk.cin_start is not None and (
            sk.cin_start >= self.today or sk.cin_start > last - 35 * DAY
        ):
            sk.cin_start = None
            if sk.outcome == "cin_plan":
                sk.outcome = "step_down"

    def close(self, sk, fam, last):
        """The worker asks to close the case and a manager approves it: fitted before `last`,
        or not yet when the casework is still going on today."""
        if sk.authorise_on is None or (sk.path == "icpc" and sk.icpc_on is None):
            return
        if sk.icpc_decision == "cp_plan" and sk.cp_end is None:
            return  # the plan is still open
        if sk.safety_start is not None and sk.safety_end is None:
            return
        plan_made = sk.safety_start is not None or sk.icpc_decision == "cp_plan"
        if sk.cin_start is not None:
            if sk.cp_end is not None:
                length = fam.randint(45, 180)
            elif fam.random() < 0.9:
                length = fam.randint(70, 330)
            else:
                length = fam.randint(330, 600)
            request = self.on_or_after(sk.cin_start + length * DAY)
            if request > last - 3 * DAY:
                request = self.on_or_after(max(sk.cin_start + 28 * DAY, last - 20 * DAY))
            kind = "step_down" if fam.random() < 0.45 else "closure"
            reason = "RC5" if kind == "closure" and fam.random() < 0.06 else "RC7"
        elif sk.cp_end is not None:
            request = self.wd(sk.cp_end, fam.randint(1, 8))
            kind, reason = ("step_down" if fam.random() < 0.4 else "closure"), "RC7"
        else:
            request = self.wd(sk.authorise_on, fam.randint(1, 4))
            if sk.outcome == "step_down":
                kind, reason = "step_down", "RC7" if plan_made else "RC9"
            else:
                kind, reason = "closure", "RC7" if plan_made else "RC8"
        if sk.safety_end is not None:
            request = max(request, self.wd(sk.safety_end, 1))
        # Never before the assessment is authorised (a plan can end before the assessment
        # that informed its conference is signed off).
        request = max(request, self.wd(sk.authorise_on, 1))
        approve = self.wd(request, fam.choice([0, 0, 0, 1, 1, 2]))
        if last < self.today:  # fitted before the deadline
            request = min(request, last)
            approve = min(approve, last)
        if approve >= self.today:
            return  # still going on today
        requested = self.office(fam, request, 10, 14)
        approved = self.office(fam, approve, 11, 16)
        if approved <= requested:
            approved = requested + fam.randint(30, 120) * MINUTE
        if approved >= self.limit:
            return
        sk.close_kind, sk.close_reason = kind, reason
        sk.closure_date, sk.request_at, sk.approve_at = request, requested, approved


# --- Step 2 and 3: filled in, settled, in order --------------------------------------------


def plan_casework(gen, front_door) -> CaseworkPlan:
    """The casework of every referral whose shape the front door asked for (step 2)."""
    from lantern.synthetic.casework_content import fill_in

    return fill_in(gen, front_door)


# Ranks break ties between steps at the same moment; a closure's approval takes the place of
# the front door's closure of the referral (front_door_plan.RANK "closure").
RANK = {
    "assessment_start": 20,
    "consultee": 21,
    "assessment_save": 22,
    "assessment_submit": 23,
    "assessment_authorise": 24,
    "conference_schedule": 25,
    "plan_start": 30,
    "plan_update": 31,
    "plan_need": 32,
    "plan_action": 33,
    "plan_finalise": 34,
    "icpc": 35,
    "plan_review": 36,
    "core_group": 37,
    "review_conference": 38,
    "note": 40,
    "plan_end": 41,
    "closure_request": 42,
    "closure_approve": 8,
}


def events(cw: CaseworkPlan) -> list[tuple[tuple, str, int, int]]:
    """Every casework step as (key, kind, index, sub-index), in the order they happened. Keys
    are (moment, rank, index, sub-index), comparable with front_door_plan.keyed_events()."""
    out: list[tuple] = []

    def add(moment, kind, i, j=0, key=None):
        if moment is not None:
            out.append(((moment, RANK[kind], i if key is None else key, j), kind, i, j))

    for i, a in enumerate(cw.assessments):
        add(a.started_at, "assessment_start", i)
        for j, c in enumerate(a.consultees):
            add(c.at, "consultee", i, j)
        for j, s in enumerate(a.saves):
            add(s.at, "assessment_save", i, j)
        add(a.submitted_at, "assessment_submit", i)
        add(a.authorised_at, "assessment_authorise", i)
    for i, p in enumerate(cw.plans):
        add(p.started_at, "plan_start", i)
        if p.kind != "cp":
            add(p.summary_at, "plan_update", i)
        for j, n in enumerate(p.needs):
            add(n.at, "plan_need", i, j)
        for j, a in enumerate(p.actions):
            add(a.at, "plan_action", i, j)
        add(p.finalised_at, "plan_finalise", i)
        for j, r in enumerate(p.reviews):
            add(r.at, "plan_review", i, j)
        if p.ended_via == "event":
            add(p.ended_at, "plan_end", i)
    for i, c in enumerate(cw.conferences):
        if c.kind == "initial":
            add(c.scheduled_at, "conference_schedule", i)
            add(c.held_at, "icpc", i)
        else:
            add(c.held_at, "review_conference", i)
    for i, g in enumerate(cw.core_groups):
        add(g.at, "core_group", i)
    for i, n in enumerate(cw.notes):
        add(n.at, "note", i)
    for i, c in enumerate(cw.closures):
        add(c.requested_at, "closure_request", i)
        # Keyed as the front door's closure of the referral would be.
        add(c.approved_at, "closure_approve", i, key=c.referral)
    out.sort(key=lambda e: e[0])
    return out

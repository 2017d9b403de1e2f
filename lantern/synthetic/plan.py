"""The plan of a synthetic local authority: every team, user, person, address, relationship,
warning, allocation, restriction and planted duplicate, five years of front-door history
(lantern/synthetic/front_door_plan.py) and of the casework after it (assessments, plans,
conferences, visits, closures: lantern/synthetic/casework_plan.py), generated from a seed alone.

Pure: no database, no global random state. `generate_plan(seed=…, scale=…, today=…)` always gives
the same plan for the same arguments; the two writers (lantern/synthetic/writers.py) turn it into
rows, through the people services or in bulk, with the same result.
"""

import datetime
from dataclasses import dataclass, field
from random import Random

from faker import Faker

from lantern.people.validators import upn_check_letter
from lantern.synthetic import casework_plan as CW
from lantern.synthetic import front_door_plan as FD
from lantern.synthetic import names as N
from lantern.synthetic.postcodes import TOWNS

DAY = datetime.timedelta(days=1)
CHILDREN_AT_SCALE_1 = 35_000  # children aged 0-17 in North East Lincolnshire
PERSON_ID_START = 100001  # the person_id counter's first value (lantern.people.services.person)
DEMO_PASSWORD = "lantern-demo"
DEMO_CASELOAD = 17  # children allocated to sw.demo
# The user the generated people and their cases are recorded by: not a person, and cannot sign
# in. Front-door steps are by the named staff who would have done them.
GENERATOR = "synthetic.generator"


# --- Plan records --------------------------------------------------------------------------


@dataclass(slots=True)
class TeamPlan:
    name: str
    kind: str


@dataclass(slots=True)
class UserPlan:
    username: str
    first_name: str
    last_name: str
    role: str
    team: str | None
    job_title: str
    swe_number: str = ""
    organisation: str = ""
    demo: bool = False
    active: bool = True


@dataclass(slots=True)
class AddressPlan:
    line1: str
    town: str
    postcode: str
    from_date: datetime.date


@dataclass(slots=True)
class PreviousNamePlan:
    last_name: str
    first_name: str
    from_date: datetime.date | None
    to_date: datetime.date | None


@dataclass(slots=True)
class PersonPlan:
    ref: int  # position in Plan.people; the person_id is "L" + (first reserved id + ref)
    household: int
    member: str  # child, unborn, mother, father, partner, absent_parent, grandparent, duplicate
    first_name: str
    last_name: str
    sex: str
    date_of_birth: datetime.date | None
    recorded_on: datetime.date
    middle_names: str = ""
    known_as: str = ""
    expected_date_of_birth: datetime.date | None = None
    ethnicity: str = "NOBT"
    first_language: str = ""
    interpreter_needed: bool = False
    religion: str = ""
    nhs_number: str = ""
    upn: str = ""
    phone: str = ""
    disabilities: tuple[str, ...] = ()
    addresses: list[AddressPlan] = field(default_factory=list)
    previous_names: list[PreviousNamePlan] = field(default_factory=list)

    def details(self) -> dict:
        """The `details` argument of person_create."""
        return {
            "first_name": self.first_name,
            "middle_names": self.middle_names,
            "last_name": self.last_name,
            "known_as": self.known_as,
            "date_of_birth": self.date_of_birth,
            "expected_date_of_birth": self.expected_date_of_birth,
            "sex": self.sex,
            "ethnicity": self.ethnicity,
            "first_language": self.first_language,
            "interpreter_needed": self.interpreter_needed,
            "religion": self.religion,
            "nhs_number": self.nhs_number,
            "upn": self.upn,
            "phone": self.phone,
        }


@dataclass(slots=True, frozen=True)
class RelationshipPlan:
    person: int  # ref: person is the <type> of other
    other: int
    type: str
    from_date: datetime.date
    parental_responsibility: bool = False


@dataclass(slots=True, frozen=True)
class WarningPlan:
    person: int
    kind: str
    detail: str
    added_on: datetime.date
    review_date: datetime.date


@dataclass(slots=True, frozen=True)
class AllocationPlan:
    person: int
    team: str
    worker: str | None  # username
    start_date: datetime.date
    reason: str


@dataclass(slots=True, frozen=True)
class RestrictionPlan:
    person: int
    reason: str
    named: tuple[str, ...]  # usernames given named access


@dataclass(slots=True, frozen=True)
class DuplicatePlan:
    original: int
    duplicate: int
    kind: str


@dataclass
class Plan:
    seed: int
    scale: float
    today: datetime.date
    teams: list[TeamPlan]
    users: list[UserPlan]
    people: list[PersonPlan]
    relationships: list[RelationshipPlan]
    warnings: list[WarningPlan]
    allocations: list[AllocationPlan]  # in the order they are made (by start date per child)
    restrictions: list[RestrictionPlan]
    duplicates: list[DuplicatePlan]
    # Five years of front-door history (lantern/synthetic/front_door_plan.py).
    contacts: list[FD.ContactPlan] = field(default_factory=list)
    contact_children: list[FD.ContactChildPlan] = field(default_factory=list)
    referrals: list[FD.ReferralPlan] = field(default_factory=list)
    strategies: list[FD.StrategyPlan] = field(default_factory=list)
    section47s: list[FD.Section47Plan] = field(default_factory=list)
    # The casework after the referral (lantern/synthetic/casework_plan.py).
    casework: CW.CaseworkPlan = field(default_factory=CW.CaseworkPlan)

    @property
    def children(self) -> int:
        return sum(1 for p in self.people if p.member == "child")

    @property
    def open_cases(self) -> int:
        return len({a.person for a in self.allocations})


def person_id(ref: int, first: int = PERSON_ID_START) -> str:
    return f"L{first + ref}"


# --- Staff ---------------------------------------------------------------------------------

# (team name, kind, role of its workers, workers at scale 1.0)
TEAMS: list[tuple[str, str, str, int]] = [
    ("Front door (MASH)", "front_door", "front_door", 8),
    ("Assessment team 1", "assessment", "social_worker", 7),
    ("Assessment team 2", "assessment", "social_worker", 7),
    ("Children in need", "cin", "social_worker", 10),
    ("Child protection 1", "cp", "social_worker", 6),
    ("Child protection 2", "cp", "social_worker", 6),
    ("Children in care 1", "cic", "social_worker", 9),
    ("Children in care 2", "cic", "social_worker", 9),
    ("Leaving care", "leaving_care", "social_worker", 5),
    ("Children with disabilities", "disability", "social_worker", 4),
    ("Independent reviewing", "reviewing", "iro", 8),
    ("Quality assurance and performance", "quality", "auditor", 3),
    ("Grimsby Police", "partner", "partner", 3),
    ("NHS Northern Lincolnshire", "partner", "partner", 2),
]
DEMO_TEAM = "Children in need"
# role → (demo username, team, job title)
DEMO_LOGINS: dict[str, tuple[str, str | None, str]] = {
    "front_door": ("fd.demo", "Front door (MASH)", "MASH social worker"),
    "social_worker": ("sw.demo", DEMO_TEAM, "Social worker"),
    "team_manager": ("tm.demo", DEMO_TEAM, "Team manager"),
    "head_of_service": ("hos.demo", None, "Head of service, children's social care"),
    "iro": ("iro.demo", "Independent reviewing", "Independent reviewing officer"),
    "auditor": ("auditor.demo", "Quality assurance and performance", "Practice auditor"),
    "analyst": ("analyst.demo", "Quality assurance and performance", "Performance analyst"),
    "administrator": ("admin.demo", None, "System administrator"),
    "partner": ("partner.demo", "Grimsby Police", "Police constable, safeguarding hub"),
}
JOB_TITLES = {
    "front_door": "MASH social worker",
    "social_worker": "Social worker",
    "team_manager": "Team manager",
    "head_of_service": "Head of service",
    "iro": "Independent reviewing officer",
    "auditor": "Practice auditor",
    "analyst": "Performance analyst",
    "administrator": "System administrator",
    "partner": "Safeguarding officer",
}
REGISTERED = {"front_door", "social_worker", "team_manager", "head_of_service", "iro"}


# --- Helpers -------------------------------------------------------------------------------


def _weighted(rng: Random, options: list[tuple]):
    """Pick the first element of one (value, weight, …) tuple by weight."""
    total = sum(o[1] for o in options)
    x = rng.random() * total
    for option in options:
        x -= option[1]
        if x < 0:
            return option[0]
    return options[-1][0]


def _date_between(rng: Random, start: datetime.date, end: datetime.date) -> datetime.date:
    if end <= start:
        return start
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def nhs_check_digit(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def _typo(rng: Random, word: str) -> str:
    """A plausible misspelling: swap two letters, drop one, or double one."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randint(1, len(word) - 2)
    how = rng.randrange(3)
    if how == 0 and word[i] != word[i + 1]:
        out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif how == 1:
        out = word[:i] + word[i + 1 :]
    else:
        out = word[:i] + word[i] + word[i:]
    return out[0].upper() + out[1:].lower() if word[0].isupper() else out


class _Generator:
    def __init__(self, *, seed: int, scale: float, today: datetime.date, postcodes):
        self.seed = seed
        self.scale = scale
        self.today = today
        self.rng = Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.postcodes = list(postcodes)
        self.people: list[PersonPlan] = []
        self.relationships: list[RelationshipPlan] = []
        self.warnings: list[WarningPlan] = []
        self.allocations: list[AllocationPlan] = []
        self.restrictions: list[RestrictionPlan] = []
        self.duplicates: list[DuplicatePlan] = []
        self.households: list[list[int]] = []  # refs of the people living in each household
        self.nhs_used: set[str] = set()
        self.swe_used: set[str] = set()
        self.teams: list[TeamPlan] = []
        self.users: list[UserPlan] = []
        self.eighteen_ago = _years_before(today, 18) + DAY

    # -- identifiers --

    def nhs_number(self) -> str:
        # Numbers beginning with 9 are never issued to patients (999 is NHS England's test
        # range), so no real person can have one of these.
        while True:
            nine = f"99{self.rng.randint(0, 9_999_999):07d}"
            check = nhs_check_digit(nine)
            if check is not None and (number := f"{nine}{check}") not in self.nhs_used:
                self.nhs_used.add(number)
                return number

    def upn(self, dob: datetime.date) -> str:
        year = (dob.year + 5) % 100  # allocated when the child starts school
        body = f"812{self.rng.randint(2000, 5999):04d}{year:02d}{self.rng.randint(0, 999):03d}"
        return upn_check_letter(body) + body

    def swe(self) -> str:
        while (number := f"SW{self.rng.randint(0, 999_999):06d}") in self.swe_used:
            pass
        self.swe_used.add(number)
        return number

    # -- staff --

    def staff(self) -> None:
        used: set[str] = set()
        factor = max(self.scale, 0.1)
        for name, kind, _role, _base in TEAMS:
            self.teams.append(TeamPlan(name, kind))
        for role, (username, team, title) in DEMO_LOGINS.items():
            first, last = self.fake.first_name(), self.fake.last_name()
            self.users.append(
                UserPlan(
                    username=username,
                    first_name=first,
                    last_name=last,
                    role=role,
                    team=team,
                    job_title=title,
                    swe_number=self.swe() if role in REGISTERED else "",
                    organisation=team if role == "partner" and team else "",
                    demo=True,
                )
            )
            used.add(username)

        def add(role: str, team: str | None) -> None:
            first, last = self.fake.first_name(), self.fake.last_name()
            stem = "".join(c for c in f"{first}.{last}".lower() if c.isalnum() or c == ".")
            username, n = stem, 1
            while username in used:
                n += 1
                username = f"{stem}{n}"
            used.add(username)
            self.users.append(
                UserPlan(
                    username=username,
                    first_name=first,
                    last_name=last,
                    role=role,
                    team=team,
                    job_title=JOB_TITLES[role],
                    swe_number=self.swe() if role in REGISTERED else "",
                    organisation=team if role == "partner" and team else "",
                )
            )

        for name, kind, role, base in TEAMS:
            # Every practice team has its manager (tm.demo is the demo team's): the front door's
            # makes most of its decisions (lantern/synthetic/front_door_plan.py, _attribute).
            if kind not in ("reviewing", "quality", "partner") and name != DEMO_TEAM:
                add("team_manager", name)
            workers = max(3 if role == "social_worker" else 2, round(base * factor))
            if name == DEMO_TEAM:
                workers -= 1  # sw.demo is one of them
            elif name == "Independent reviewing":
                workers -= 1
            for _ in range(workers):
                add(role, name)
            if kind == "quality":
                for _ in range(max(1, round(3 * factor)) - 1):
                    add("analyst", name)
        for _ in range(max(1, round(3 * factor))):
            add("head_of_service", None)
        add("administrator", None)
        self.users.append(
            UserPlan(
                username=GENERATOR,
                first_name="Synthetic",
                last_name="data generator",
                role="administrator",
                team=None,
                job_title="Generated the synthetic local authority (not a person)",
                active=False,
            )
        )

    def workers_of(self, team: str) -> list[str]:
        return [u.username for u in self.users if u.team == team and u.role == "social_worker"]

    # -- people --

    def new_person(self, **fields) -> PersonPlan:
        person = PersonPlan(ref=len(self.people), **fields)
        self.people.append(person)
        return person

    def names_for(self, background: str, sex: str) -> tuple[str, str]:
        if background in N.NAMES:
            female, male, surnames = N.NAMES[background]
            return self.rng.choice(female if sex == "F" else male), self.rng.choice(surnames)
        first = self.fake.first_name_female() if sex == "F" else self.fake.first_name_male()
        return first, self.fake.last_name()

    def first_name(self, background: str, sex: str) -> str:
        if background in N.NAMES:
            female, male, _ = N.NAMES[background]
            return self.rng.choice(female if sex == "F" else male)
        return self.fake.first_name_female() if sex == "F" else self.fake.first_name_male()

    def identity(self, person: PersonPlan, ethnicity: str, background: str, child: bool) -> None:
        rng = self.rng
        person.ethnicity = ethnicity
        language = _weighted(rng, N.LANGUAGES[background])
        if child and language != "English" and rng.random() < 0.4:
            language = "English"
        person.first_language = "" if rng.random() < 0.03 else language
        person.interpreter_needed = (
            not child and language not in ("English", "") and rng.random() < 0.4
        )
        person.religion = "" if rng.random() < 0.08 else _weighted(rng, N.RELIGIONS[background])
        person.disabilities = _weighted(
            rng, N.CHILD_DISABILITIES if child else N.ADULT_DISABILITIES
        )
        if rng.random() < (0.03 if child else 0.12):
            person.nhs_number = ""
        else:
            person.nhs_number = self.nhs_number()
        if rng.random() < (0.5 if child else 0.3):
            person.middle_names = self.first_name(background, person.sex)
        if rng.random() < 0.03 and person.first_name in N.NICKNAMES:
            person.known_as = N.NICKNAMES[person.first_name]
        if not child and rng.random() < 0.6:
            person.phone = "07" + f"{rng.randint(0, 999_999_999):09d}"

    def address(self) -> tuple[str, str, str]:
        postcode = self.rng.choice(self.postcodes)
        towns = TOWNS.get(postcode.split(" ")[0])
        town = self.rng.choice(towns) if towns else "Grimsby"
        number = self.rng.randint(1, 180)
        street = self.fake.street_name()
        if self.rng.random() < 0.08:
            return f"Flat {self.rng.randint(1, 24)}, {number} {street}", town, postcode
        return f"{number} {street}", town, postcode

    def addresses_for(self, moves, dob: datetime.date | None, since: datetime.date | None):
        """The household's addresses (address, moved-in date) that this member lived at."""
        out: list[AddressPlan] = []
        start_from = dob or since
        for i, ((line1, town, postcode), moved_in) in enumerate(moves):
            moved_out = moves[i + 1][1] - DAY if i + 1 < len(moves) else None
            if start_from and moved_out is not None and moved_out < start_from:
                continue
            start = max(moved_in, start_from) if start_from else moved_in
            out.append(AddressPlan(line1, town, postcode, start))
        return out

    def household(self) -> int:
        """Generate one household; return how many children aged 0-17 it has."""
        rng, today = self.rng, self.today
        hh = len(self.households)
        members: list[int] = []
        mother_eth = _weighted(rng, N.ETHNICITIES)
        background = next(b for c, _, b in N.ETHNICITIES if c == mother_eth)
        structure = _weighted(
            rng,
            [
                ("married", 30),
                ("couple", 22),
                ("lone_mother", 33),
                ("lone_father", 4),
                ("blended", 11),
            ],
        )
        n_children = _weighted(rng, [(1, 32), (2, 35), (3, 19), (4, 9), (5, 5)])
        # Children's dates of birth, oldest first; twins share one.
        oldest = _date_between(rng, self.eighteen_ago, today)
        dobs = [oldest]
        split = rng.randint(1, n_children - 1) if structure == "blended" and n_children > 1 else 0
        partnership = None
        for i in range(1, n_children):
            if i != split and rng.random() < 0.03:
                dobs.append(dobs[-1])  # twins
                continue
            gap = rng.randint(330, 1900)
            if i == split:
                gap = rng.randint(700, 2200)
                partnership = dobs[-1] + datetime.timedelta(days=rng.randint(60, gap - 300))
            nxt = dobs[-1] + datetime.timedelta(days=gap)
            if nxt > today:
                break
            dobs.append(nxt)
        if structure == "blended":
            if split == 0 or split >= len(dobs):
                split = len(dobs)
                partnership = _date_between(rng, dobs[-1] + 60 * DAY, today - 30 * DAY)
            partnership = min(partnership, today - 30 * DAY)
        unborn_edd = None
        if dobs[-1] < today - 365 * DAY and rng.random() < 0.035:
            unborn_edd = today + datetime.timedelta(days=rng.randint(14, 200))

        mother_age_first = rng.randint(17 * 365, 37 * 365)
        mother_dob = oldest - datetime.timedelta(days=mother_age_first)
        moved_in = _date_between(
            rng,
            max(mother_dob + 18 * 365 * DAY, oldest - 6 * 365 * DAY),
            oldest,
        )
        moves = [(self.address(), moved_in)]
        if rng.random() < 0.35:
            when = _date_between(rng, moved_in + 200 * DAY, today - 20 * DAY)
            if when > moved_in + 30 * DAY:
                moves.append((self.address(), when))
                if rng.random() < 0.25:
                    when2 = _date_between(rng, when + 100 * DAY, today - 10 * DAY)
                    if when2 > when + 30 * DAY:
                        moves.append((self.address(), when2))
        current_postcode = moves[-1][0][2]

        def adult(member: str, sex: str, dob, eth, bg, *, surname=None, lives=True, since=None):
            first, last = self.names_for(bg, sex)
            person = self.new_person(
                household=hh,
                member=member,
                first_name=first,
                last_name=surname or last,
                sex=sex,
                date_of_birth=dob,
                recorded_on=today,
            )
            self.identity(person, eth, bg, child=False)
            if lives:
                person.addresses = self.addresses_for(moves, None, since)
                members.append(person.ref)
            else:
                line1, town, postcode = self.address()
                while postcode == current_postcode:
                    line1, town, postcode = self.address()
                person.addresses = [
                    AddressPlan(line1, town, postcode, _date_between(rng, oldest, today))
                ]
            person.recorded_on = person.addresses[0].from_date
            return person

        def other_eth() -> tuple[str, str]:
            if rng.random() < 0.88:
                return mother_eth, background
            eth = _weighted(rng, N.ETHNICITIES)
            return eth, next(b for c, _, b in N.ETHNICITIES if c == eth)

        mother = father = partner = absent = None
        if structure != "lone_father":
            mother = adult("mother", "F", mother_dob, mother_eth, background)
        father_dob = mother_dob - datetime.timedelta(days=rng.randint(-3 * 365, 8 * 365))
        father_dob = min(father_dob, _years_before(oldest, 18))
        if structure in ("married", "couple", "lone_father"):
            eth, bg = other_eth() if mother else (mother_eth, background)
            father = adult("father", "M", father_dob, eth, bg)
        if structure == "blended":
            eth, bg = other_eth()
            absent = adult("absent_parent", "M", father_dob, eth, bg, lives=False)
            eth, bg = other_eth()
            partner_dob = mother_dob - datetime.timedelta(days=rng.randint(-4 * 365, 9 * 365))
            partner_dob = min(partner_dob, _years_before(partnership, 18))
            partner = adult("partner", "M", partner_dob, eth, bg, since=partnership)
        if structure == "lone_mother" and rng.random() < 0.4:
            eth, bg = other_eth()
            absent = adult("absent_parent", "M", father_dob, eth, bg, lives=False)
        if structure == "lone_father" and rng.random() < 0.5:
            absent = adult("absent_parent", "F", mother_dob, mother_eth, background, lives=False)

        # Marriage: the mother takes her husband's surname and keeps her maiden name as previous.
        married_on = None
        husband = father if structure == "married" else None
        if structure == "blended" and partner and rng.random() < 0.4:
            husband = partner
        if husband is not None and mother is not None:
            earliest = max(mother_dob + 18 * 365 * DAY, husband.date_of_birth + 18 * 365 * DAY)
            if husband is partner:
                earliest = max(earliest, partnership)
                married_on = _date_between(rng, earliest, today - 10 * DAY)
            else:
                married_on = _date_between(rng, max(earliest, oldest - 2500 * DAY), oldest)
            married_on = min(married_on, today - DAY)
            maiden = mother.last_name
            mother.previous_names = [PreviousNamePlan(maiden, "", mother_dob, married_on - DAY)]
            mother.last_name = husband.last_name

        # Children.
        children: list[PersonPlan] = []
        for i, dob in enumerate(dobs):
            sex = rng.choice("MF")
            dad = None
            if structure in ("married", "couple", "lone_father"):
                dad = father
            elif structure == "blended":
                dad = absent if i < split else partner
            elif absent is not None:
                dad = absent
            if structure == "married" or (dad is not None and rng.random() < 0.6):
                surname = dad.last_name
            elif mother is not None:
                surname = (mother.previous_names or [None])[0]
                surname = surname.last_name if surname else mother.last_name
            else:
                surname = father.last_name
            eth = mother_eth
            if dad is not None and mother is not None and dad.ethnicity != mother_eth:
                pair = {dad.ethnicity[0], mother_eth[0]}
                if pair == {"W", "B"}:
                    eth = "MWBA" if "BAFR" in (dad.ethnicity, mother_eth) else "MWBC"
                elif pair == {"W", "A"}:
                    eth = "MWAS"
                elif len(pair) > 1:
                    eth = "MOTH"
            twin_of = children[-1] if children and children[-1].date_of_birth == dob else None
            first = self.first_name(background, sex)
            while twin_of is not None and first == twin_of.first_name:
                first = self.first_name(background, sex)
            child = self.new_person(
                household=hh,
                member="child",
                first_name=first,
                last_name=surname,
                sex=sex,
                date_of_birth=dob,
                recorded_on=dob,
            )
            self.identity(child, eth, background, child=True)
            child.addresses = self.addresses_for(moves, dob, None)
            child.recorded_on = child.addresses[0].from_date
            if (today - dob).days >= 4 * 365 and rng.random() < 0.92:
                child.upn = self.upn(dob)
            children.append(child)
            members.append(child.ref)
        unborn = None
        if unborn_edd is not None and mother is not None:
            recorded = today - datetime.timedelta(days=rng.randint(5, 60))
            unborn = self.new_person(
                household=hh,
                member="unborn",
                first_name="",
                last_name=mother.last_name,
                sex="U",
                date_of_birth=None,
                expected_date_of_birth=unborn_edd,
                recorded_on=recorded,
                ethnicity="NOBT",
                addresses=[AddressPlan(*moves[-1][0], recorded)],
            )
            members.append(unborn.ref)

        grandparent = None
        if mother is not None and rng.random() < 0.05:
            gp_dob = mother_dob - datetime.timedelta(days=rng.randint(18 * 365, 32 * 365))
            surname = mother.previous_names[0].last_name if mother.previous_names else None
            grandparent = adult("grandparent", "F", gp_dob, mother_eth, background, surname=surname)

        # Relationships.
        rel = self.relationships.append
        pr = rng.random() < 0.9
        parents: dict[int, set[int]] = {}
        for i, child in enumerate(children):
            dob = child.date_of_birth
            mine = parents.setdefault(child.ref, set())
            if mother is not None:
                rel(RelationshipPlan(mother.ref, child.ref, "parent", dob, True))
                mine.add(mother.ref)
            dad = None
            if structure in ("married", "couple", "lone_father"):
                dad = father
            elif structure == "blended":
                dad = absent if i < split else partner
            elif absent is not None:
                dad = absent
            if structure == "lone_father" and absent is not None:
                rel(RelationshipPlan(absent.ref, child.ref, "parent", dob, pr))
                mine.add(absent.ref)
            if dad is not None:
                rel(RelationshipPlan(dad.ref, child.ref, "parent", dob, pr or dad is father))
                mine.add(dad.ref)
            if partner is not None and dad is not partner:
                since = max(partnership, dob)
                if husband is partner and married_on is not None:
                    since = max(married_on, dob)
                    rel(RelationshipPlan(partner.ref, child.ref, "step_parent", since, False))
                else:
                    rel(RelationshipPlan(partner.ref, child.ref, "partner_of_parent", since))
            if grandparent is not None:
                rel(RelationshipPlan(grandparent.ref, child.ref, "grandparent", dob))
        if unborn is not None:
            rel(RelationshipPlan(mother.ref, unborn.ref, "parent", unborn.recorded_on, True))
            if (dad := father or partner) is not None:
                rel(RelationshipPlan(dad.ref, unborn.ref, "parent", unborn.recorded_on, True))
        # Siblings: full when all recorded parents are shared, otherwise half.
        for i, a in enumerate(children):
            for b in children[i + 1 :]:
                kind = "sibling" if parents.get(a.ref) == parents.get(b.ref) else "half_sibling"
                rel(RelationshipPlan(a.ref, b.ref, kind, b.date_of_birth))
        couple = (mother, husband or father or partner)
        if couple[0] is not None and couple[1] is not None:
            since = married_on or partnership or moved_in
            rel(RelationshipPlan(couple[0].ref, couple[1].ref, "partner", since))

        self.households.append(members)
        return len(children)

    # -- case work --

    def cases(self) -> None:
        rng, today = self.rng, self.today
        n_children = sum(1 for p in self.people if p.member == "child")
        target = max(round(n_children * 0.026), min(40, n_children // 3))
        order = list(range(len(self.households)))
        rng.shuffle(order)
        team_weights = [
            ("assessment", 15),
            ("cin", 27),
            ("cp", 15),
            ("cic", 33),
            ("disability", 5),
            ("leaving_care", 5),
        ]
        teams_of: dict[str, list[str]] = {}
        for t in self.teams:
            teams_of.setdefault(t.kind, []).append(t.name)
        opened = 0
        demo_load = 0
        adults_warned: set[int] = set()
        # The first families opened after the demo caseload are planted for the casework
        # checks, with the days ago their case opened: an assessment overdue now (AP7), a child
        # protection case whose initial conference was recent and late (CP-ICPC-LATE), and one
        # whose plan's review conference is overdue (CP-REVIEW-OVERDUE).
        planted = [("assessment", (75, 100)), ("cp", (50, 65)), ("cp", (200, 400))]
        for hh in order:
            if opened >= target:
                break
            kids = [self.people[r] for r in self.households[hh] if self.people[r].member == "child"]
            if not kids:
                continue
            demo = demo_load < DEMO_CASELOAD and demo_load + len(kids) <= DEMO_CASELOAD + 3
            forced = None
            if demo:
                kind, team = "cin", DEMO_TEAM
            elif planted:
                kind, forced = planted.pop(0)
                team = rng.choice(teams_of[kind])
            else:
                kind = _weighted(rng, team_weights)
                team = rng.choice(teams_of[kind])
            if kind == "leaving_care" and not all(
                (today - k.date_of_birth).days >= 16 * 365 for k in kids
            ):
                kind, team = "cic", rng.choice(teams_of["cic"])
            if demo:
                worker = "sw.demo"
                demo_load += len(kids)
            else:
                worker = rng.choice(self.workers_of(team))
            span = {
                "assessment": (5, 90),
                "cin": (60, 900),
                "cp": (45, 600),
                "cic": (120, 1800),
                "disability": (100, 1800),
                "leaving_care": (200, 1800),
            }[kind]
            start = today - datetime.timedelta(days=rng.randint(*span))
            # Worker changes: most keep one worker; some have several in the last year (the
            # first family opened always does, so the PM5 check has something to find).
            changes = 3 if opened == 0 else _weighted(rng, [(0, 52), (1, 25), (2, 12), (3, 11)])
            if changes >= 2:
                start = min(start, today - 200 * DAY)
                start = max(start, today - 330 * DAY)
            if forced:
                changes = min(changes, 1)
                start = today - datetime.timedelta(days=rng.randint(*forced))
            steps: list[tuple[datetime.date, str, str | None, str]] = []
            if kind != "assessment":
                assess = rng.choice(teams_of["assessment"])
                steps.append((start, assess, rng.choice(self.workers_of(assess)), "New referral"))
                start = min(start + datetime.timedelta(days=rng.randint(25, 45)), today - DAY)
                steps.append((start, team, None, "Transferred after assessment"))
            else:
                steps.append((start, team, None, "New referral"))
            last = steps[-1][0]
            dates = sorted({_date_between(rng, last + DAY, today - DAY) for _ in range(changes)})
            dates = [d for d in dates if last < d < today]
            for d in dates:
                reason = rng.choice(
                    ["Worker left the authority", "Caseload balancing", "Worker on long-term leave"]
                )
                steps.append((d, team, None, reason))
            # The team's workers in turn, ending with the current one.
            pool = [w for w in self.workers_of(team) if w != worker]
            previous = None
            for i, (d, t, w, r) in enumerate(steps):
                if w is None:
                    if i == len(steps) - 1:
                        w = worker
                    else:
                        w = rng.choice([p for p in pool if p != previous] or pool)
                    steps[i] = (d, t, w, r)
                previous = w
            for kid in kids:
                mine = []
                for d, t, w, r in steps:
                    d = max(d, kid.date_of_birth)
                    if mine and d <= mine[-1].start_date:
                        mine.pop()
                    mine.append(AllocationPlan(kid.ref, t, w, d, r))
                self.allocations.extend(mine)
                opened += 1
                # Some children with open cases are missing identity data.
                if rng.random() < 0.15 or opened == 1:
                    if rng.random() < 0.5:
                        kid.religion = ""
                    else:
                        kid.disabilities = ()
            # Warnings on adults in families known to the service.
            for ref in self.households[hh]:
                person = self.people[ref]
                if person.member in ("child", "unborn") or ref in adults_warned:
                    continue
                if rng.random() < 0.3 or not self.warnings:
                    self.warning(person, overdue=not self.warnings)
                    adults_warned.add(ref)
        # A few warnings across the rest of the adult population.
        for person in self.people:
            adult = person.member not in ("child", "unborn", "duplicate")
            if adult and person.ref not in adults_warned and rng.random() < 0.004:
                self.warning(person)

    def warning(self, person: PersonPlan, overdue: bool = False) -> None:
        rng, today = self.rng, self.today
        kind = _weighted(
            rng,
            [
                ("risk_to_staff", 35),
                ("do_not_disclose_address", 20),
                ("violence", 25),
                ("dog", 10),
                ("risk_to_children", 10),
            ],
        )
        added = today - datetime.timedelta(days=rng.randint(20, 1000))
        review = added + datetime.timedelta(days=rng.choice([90, 180, 365]))
        if overdue:  # past its review date, for the FD7 check
            added, review = today - 400 * DAY, today - 220 * DAY
        detail = rng.choice(N.WARNING_DETAILS[kind])
        self.warnings.append(WarningPlan(person.ref, kind, detail, added, review))

    def restrict(self) -> None:
        rng = self.rng
        n_children = sum(1 for p in self.people if p.member == "child")
        current: dict[int, AllocationPlan] = {}
        for allocation in self.allocations:
            current[allocation.person] = allocation
        wanted = max(2, round(n_children * 0.0004))
        demo = sorted(r for r, a in current.items() if a.worker == "sw.demo")
        cic = sorted(
            r
            for r, a in current.items()
            if a.team.startswith("Children in care")
            and (self.today - self.people[r].date_of_birth).days < 5 * 365
        )
        others = sorted(r for r in current if r not in demo)
        chosen: list[tuple[int, str]] = []
        if demo:
            chosen.append((demo[0], "Relative of a member of staff"))
        if cic:
            chosen.append((rng.choice(cic), "Adoption: placed for adoption"))
        while len(chosen) < wanted and others:
            ref = rng.choice(others)
            if all(ref != c for c, _ in chosen):
                reason = rng.choice(
                    [
                        "Relative of a member of staff",
                        "Adoption: placed for adoption",
                        "High-profile case: press interest",
                    ]
                )
                chosen.append((ref, reason))
            if len(chosen) >= len(others):
                break
        for ref, reason in chosen:
            worker = current[ref].worker
            named = tuple(dict.fromkeys(u for u in ("tm.demo", worker) if u))
            self.restrictions.append(RestrictionPlan(ref, reason, named))

    # -- planted duplicates --

    def plant_duplicates(self) -> None:
        rng, today = self.rng, self.today
        eligible = [p.ref for p in self.people if p.date_of_birth is not None]
        count = max(3, round(len(self.people) * 0.01))
        for ref in sorted(rng.sample(eligible, min(count, len(eligible)))):
            original = self.people[ref]
            kinds = [
                ("first_name_typo", 18),
                ("last_name_typo", 14),
                ("postcode_format", 12),
                ("missing_nhs", 10),
                ("year_typo", 10),
            ]
            if original.first_name in N.NICKNAMES:
                kinds.append(("nickname", 30))
            dob = original.date_of_birth
            if (
                dob.day <= 12
                and dob.day != dob.month
                and dob.replace(day=dob.month, month=dob.day) <= today
            ):
                kinds.append(("day_month_swapped", 14))
            if original.previous_names:
                kinds.append(("previous_surname", 40))
            kind = _weighted(rng, kinds)
            recorded = _date_between(rng, max(original.recorded_on, today - 1000 * DAY), today)
            current = original.addresses[-1]
            dup = self.new_person(
                household=original.household,
                member="duplicate",
                first_name=original.first_name,
                last_name=original.last_name,
                sex=original.sex,
                date_of_birth=dob,
                recorded_on=recorded,
                middle_names=original.middle_names if rng.random() < 0.5 else "",
                ethnicity=original.ethnicity if rng.random() < 0.6 else "NOBT",
                first_language=original.first_language if rng.random() < 0.7 else "",
                religion=original.religion if rng.random() < 0.4 else "",
                nhs_number=original.nhs_number if rng.random() < 0.4 else "",
                phone=original.phone if rng.random() < 0.3 else "",
                addresses=[
                    AddressPlan(
                        current.line1,
                        current.town,
                        current.postcode,
                        max(recorded, current.from_date),
                    )
                ],
            )
            if kind == "first_name_typo":
                dup.first_name = _typo(rng, original.first_name)
            elif kind == "last_name_typo":
                dup.last_name = _typo(rng, original.last_name)
            elif kind == "nickname":
                dup.first_name = N.NICKNAMES[original.first_name]
            elif kind == "day_month_swapped":
                dup.date_of_birth = dob.replace(day=dob.month, month=dob.day)
            elif kind == "postcode_format":
                line1 = current.line1.replace(" Street", " St").replace(" Road", " Rd")
                postcode = current.postcode.replace(" ", "").lower()
                dup.addresses = [AddressPlan(line1, current.town, postcode, current.from_date)]
            elif kind == "previous_surname":
                dup.last_name = original.previous_names[0].last_name
            elif kind == "missing_nhs":
                dup.nhs_number = ""
            elif kind == "year_typo":
                shift = -1 if rng.random() < 0.5 or _shift_year(dob, 1) > today else 1
                dup.date_of_birth = _shift_year(dob, shift)
            if dup.date_of_birth > today:
                dup.date_of_birth = dob
            dup.recorded_on = max(dup.recorded_on, dup.date_of_birth)
            dup.addresses[0].from_date = max(dup.addresses[0].from_date, dup.date_of_birth)
            if original.upn and rng.random() < 0.3:
                dup.upn = original.upn
            self.duplicates.append(DuplicatePlan(ref, dup.ref, kind))

    def run(self) -> "Plan":
        self.staff()
        target = max(1, round(CHILDREN_AT_SCALE_1 * self.scale))
        children = 0
        while children < target:
            children += self.household()
        self.cases()
        self.restrict()
        self.plant_duplicates()
        front_door = FD.plan_front_door(self)
        casework = CW.plan_casework(self, front_door)
        self.allocate_open_casework(front_door, casework)
        return Plan(
            seed=self.seed,
            scale=self.scale,
            today=self.today,
            teams=self.teams,
            users=self.users,
            people=self.people,
            relationships=self.relationships,
            warnings=self.warnings,
            allocations=self.allocations,
            restrictions=self.restrictions,
            duplicates=self.duplicates,
            contacts=front_door.contacts,
            contact_children=front_door.contact_children,
            referrals=front_door.referrals,
            strategies=front_door.strategies,
            section47s=front_door.section47s,
            casework=casework,
        )

    def allocate_open_casework(self, front_door, casework: CW.CaseworkPlan) -> None:
        """A child whose casework is still going on today is allocated to the worker doing it
        (from the assessment's start; to the plan's worker when a plan started), as the open
        cases planned in cases() are."""
        allocated = {a.person for a in self.allocations}
        team_of = {u.username: u.team for u in self.users}
        by_referral: dict[int, list] = {}
        for a in casework.assessments:
            by_referral.setdefault(a.referral, []).append((a.start_date, a.worker, "New referral"))
        for p in casework.plans:
            if p.end_date is None and p.kind in ("cin", "cp"):
                by_referral.setdefault(p.referral, []).append(
                    (p.start_date, p.worker, "Transferred after assessment")
                )
        for c in casework.conferences:
            if c.kind == "initial" and c.scheduled_by and c.referral not in by_referral:
                day = c.scheduled_at.date()
                by_referral.setdefault(c.referral, []).append((day, c.scheduled_by, "New referral"))
        for r_index in sorted(by_referral):
            sk = front_door.skeletons.get(r_index)
            referral = front_door.referrals[r_index]
            if sk is None or sk.case or referral.closure_date is not None:
                continue
            if referral.person in allocated:
                continue
            allocated.add(referral.person)
            steps = sorted(by_referral[r_index])
            mine: list[AllocationPlan] = []
            for day, worker, reason in steps:
                if mine and mine[-1].worker == worker:
                    continue
                if mine and day <= mine[-1].start_date:
                    mine.pop()
                mine.append(AllocationPlan(referral.person, team_of[worker], worker, day, reason))
            self.allocations.extend(mine)


def _shift_year(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def generate_plan(*, seed: int, scale: float, today: datetime.date, postcodes=None) -> Plan:
    """The whole synthetic authority for this seed and scale, as it stands on `today`."""
    if postcodes is None:
        from django.conf import settings

        from lantern.synthetic.postcodes import postcodes_for

        postcodes = postcodes_for(settings.LANTERN_LA_ONS_CODE)
    if not postcodes:
        raise ValueError("No postcodes for this local authority")
    return _Generator(seed=seed, scale=scale, today=today, postcodes=postcodes).run()

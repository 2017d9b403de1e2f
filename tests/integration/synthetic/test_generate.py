import datetime
import io
from collections import Counter

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from lantern.accounts.models import Team, User
from lantern.accounts.roles import Role
from lantern.checks.registry import REGISTRY
from lantern.common.models import AuditEvent
from lantern.common.models import Counter as IdCounter
from lantern.front_door.models import (
    Action,
    Attendee,
    Contact,
    ContactChild,
    ContactConcern,
    Decision,
    PartnerCheck,
    Referral,
    Screening,
    Section47,
    StrategyDiscussion,
    Threshold,
)
from lantern.people.models import (
    Address,
    Allocation,
    ChronologyEntry,
    MatchKey,
    Person,
    PersonDisability,
    PreviousName,
    Relationship,
    RestrictedAccess,
    Warning,
)
from lantern.people.validators import nhs_number_is_valid, postcode_is_valid, upn_is_valid
from lantern.synthetic.models import PlantedDuplicate
from lantern.synthetic.plan import DEMO_LOGINS, DEMO_PASSWORD, generate_plan
from lantern.synthetic.postcodes import postcodes_for
from lantern.synthetic.writers import write_in_bulk, write_with_services
from lantern.timescales.engine import add_months

TODAY = datetime.date(2026, 11, 20)
TINY = 0.002  # about 70 children and their families


def generate(*, bulk: bool = True, seed: int = 1, scale: float = TINY) -> str:
    out = io.StringIO()
    call_command(
        "generate_la", seed=seed, scale=scale, bulk=bulk, today=TODAY, quiet=True, stdout=out
    )
    return out.getvalue()


# --- The plan ------------------------------------------------------------------------------


def test_plan_same_seed_gives_same_plan():
    first = generate_plan(seed=3, scale=TINY, today=TODAY)
    again = generate_plan(seed=3, scale=TINY, today=TODAY)
    other = generate_plan(seed=4, scale=TINY, today=TODAY)

    assert first == again
    assert [p.first_name for p in first.people] != [p.first_name for p in other.people]


# --- Both writers give the same rows -------------------------------------------------------

MODELS = [
    Team,
    User,
    Person,
    PersonDisability,
    Address,
    PreviousName,
    MatchKey,
    Relationship,
    Warning,
    Allocation,
    RestrictedAccess,
    # The front door, each model after those it points at.
    Contact,
    ContactConcern,
    ContactChild,
    PartnerCheck,
    Screening,
    Referral,
    Decision,
    StrategyDiscussion,
    Attendee,
    Action,
    Section47,
    ChronologyEntry,
    AuditEvent,
    PlantedDuplicate,
]
HISTORY = [Person, Address, Relationship, Warning, Allocation, Contact, ContactChild, Referral]
# Columns that differ between any two runs: surrogate keys, timestamps, password salts.
VOLATILE = {
    "id",
    "history_id",
    "history_date",
    "created_at",
    "updated_at",
    "at",
    "recorded_at",
    "granted_at",
    "password",
    "date_joined",
    "last_login",
}


def dump() -> dict[str, list[str]]:
    """Every row of the generated models, with surrogate keys replaced by natural ones
    (person_id, username, team name, the referenced row's own content) and sorted."""
    natural: dict[tuple[str, int], str] = {}
    for pk, pid in Person.objects.values_list("pk", "person_id"):
        natural[("people.person", pk)] = pid
    for pk, name in User.objects.values_list("pk", "username"):
        natural[("accounts.user", pk)] = name
    for pk, name in Team.objects.values_list("pk", "name"):
        natural[("accounts.team", pk)] = name
    for pk, level in Threshold.objects.values_list("pk", "level"):  # not generated: kept
        natural[("front_door.threshold", pk)] = f"level {level}"
    for ct in ContentType.objects.all():
        natural[("contenttypes.contenttype", ct.pk)] = ct.app_label + "." + ct.model

    def normalise(model, row: dict) -> dict:
        out = {}
        for field in model._meta.concrete_fields:
            value = row[field.attname]
            if field.is_relation and value is not None:
                value = natural[(field.related_model._meta.label_lower, value)]
            if field.name not in VOLATILE:
                out[field.name] = value
        return out

    result: dict[str, list[str]] = {}
    for model in MODELS:
        rows = []
        for row in model.objects.values():
            clean = normalise(model, row)
            if model in (ChronologyEntry, AuditEvent):
                kind_field, id_field = (
                    ("source_type", "source_id")
                    if model is ChronologyEntry
                    else ("target_type", "target_id")
                )
                if clean[kind_field]:
                    clean[id_field] = natural[(clean[kind_field], int(clean[id_field]))]
                if model is AuditEvent and "children" in clean["detail"]:  # person pks
                    clean["detail"] = {
                        **clean["detail"],
                        "children": [
                            natural[("people.person", pk)] for pk in clean["detail"]["children"]
                        ],
                    }
            label = model._meta.label_lower
            if label not in ("people.person", "accounts.user", "accounts.team"):
                natural[(label, row["id"])] = repr(sorted(clean.items()))
            rows.append(repr(sorted(clean.items())))
        result[model._meta.label] = sorted(rows)
    for model in HISTORY:
        historical = model.history.model
        rows = []
        for row in historical.objects.values():
            clean = normalise(historical, row)
            clean["of"] = natural[(model._meta.label_lower, row["id"])]
            rows.append(repr(sorted(clean.items())))
        result[historical._meta.label] = sorted(rows)
    return result


def wipe() -> None:
    """Remove everything the generator wrote (inside the test's transaction)."""
    tables = [m._meta.db_table for m in reversed(MODELS)]
    tables += [m.history.model._meta.db_table for m in HISTORY]
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{IdCounter._meta.db_table}"')
        for table in ["synthetic_generation", *tables]:
            cursor.execute(f'DELETE FROM "{table}"')


@pytest.mark.django_db
def test_service_and_bulk_writers_write_identical_rows():
    plan = generate_plan(seed=5, scale=TINY, today=TODAY)
    write_with_services(plan, batch=50)
    through_services = dump()
    wipe()
    assert Person.objects.count() == 0

    write_in_bulk(plan, batch=40)  # several batches
    in_bulk = dump()

    assert set(in_bulk) == set(through_services)
    for label, rows in through_services.items():
        assert len(rows) > 0 or label.endswith(("RestrictedAccess",)), label
        assert in_bulk[label] == rows, label
    # The front door's history is there, with every kind of step.
    assert plan.contacts and plan.strategies and plan.section47s
    assert any(len(c.children) > 1 for c in plan.contacts)  # siblings on one contact
    assert Referral.objects.filter(closure_date__isnull=False).exists()
    assert Section47.objects.exclude(outcome="").exists()
    assert ContactChild.objects.exclude(status="decided").exists()


# --- A generated authority -----------------------------------------------------------------


@pytest.mark.django_db
def test_generate_la_makes_a_demo_login_for_every_role():
    output = generate()

    for role in Role.values:
        username = DEMO_LOGINS[role][0]
        user = User.objects.get(username=username)
        assert user.role == role
        assert user.check_password(DEMO_PASSWORD)
        assert username in output
    admin = User.objects.get(username="admin.demo")
    assert admin.is_staff and admin.is_superuser
    assert User.objects.get(username="sw.demo").swe_number.startswith("SW")
    caseload = Allocation.objects.filter(worker__username="sw.demo", end_date__isnull=True)
    assert 15 <= caseload.count() <= 20
    tm = User.objects.get(username="tm.demo")
    assert tm.team == User.objects.get(username="sw.demo").team
    assert "people per second" in output


@pytest.mark.django_db
def test_generate_la_is_deterministic_through_the_command():
    generate(seed=2)
    first = list(Person.objects.order_by("person_id").values_list("person_id", "first_name"))
    wipe()
    generate(seed=2)
    again = list(Person.objects.order_by("person_id").values_list("person_id", "first_name"))

    assert first == again


@pytest.mark.django_db
def test_generate_la_makes_families_with_siblings_half_siblings_and_twins():
    plan = generate_plan(seed=1, scale=0.01, today=TODAY)
    write_in_bulk(plan)

    types = Counter(Relationship.objects.values_list("type", flat=True))
    assert types["parent"] and types["sibling"] and types["half_sibling"]
    assert types["partner_of_parent"] + types["step_parent"] > 0
    assert types["grandparent"] > 0
    # Twins: two children with one date of birth, surname and address, and different names.
    twins = [
        (a, b)
        for a, b in Relationship.objects.filter(type="sibling").values_list("person", "other")
        if Person.objects.get(pk=a).date_of_birth == Person.objects.get(pk=b).date_of_birth
    ]
    assert twins
    a, b = (Person.objects.get(pk=pk) for pk in twins[0])
    assert a.first_name != b.first_name
    assert a.last_name == b.last_name
    assert a.addresses.get(to_date=None).household == b.addresses.get(to_date=None).household
    assert Person.objects.filter(expected_date_of_birth__isnull=False).exists()
    assert PreviousName.objects.exists()
    assert Address.objects.filter(to_date__isnull=False).exists()  # families move


@pytest.mark.django_db
def test_generated_identifiers_and_postcodes_are_valid():
    generate()
    area = set(postcodes_for(settings.LANTERN_LA_ONS_CODE))

    nhs = list(Person.objects.exclude(nhs_number="").values_list("nhs_number", flat=True))
    upns = list(Person.objects.exclude(upn="").values_list("upn", flat=True))
    assert nhs and all(nhs_number_is_valid(n) for n in nhs)
    assert upns and all(upn_is_valid(u) and u[1:4] == "812" for u in upns)
    postcodes = set(Address.objects.values_list("postcode", flat=True))
    assert postcodes <= area
    assert all(postcode_is_valid(p) for p in postcodes)
    assert {p[:4] for p in postcodes} <= {f"DN{n}" for n in range(31, 42)}


@pytest.mark.django_db
def test_planted_duplicates_record_ground_truth():
    generate()

    planted = list(PlantedDuplicate.objects.select_related("original", "duplicate"))
    assert planted
    for pair in planted:
        assert pair.original_id != pair.duplicate_id
        a, b = pair.original, pair.duplicate
        if pair.kind == "missing_nhs":
            assert b.nhs_number == ""
        if pair.kind in ("day_month_swapped", "year_typo"):
            assert a.date_of_birth != b.date_of_birth
        if pair.kind in ("first_name_typo", "nickname"):
            assert a.first_name != b.first_name


@pytest.mark.django_db
def test_generated_authority_gives_the_practice_checks_something_to_find():
    generate()

    for check_id in ("FD7-WARNING-REVIEW", "AP5-IDENTITY", "PM5-WORKER-CHANGES"):
        assert REGISTRY[check_id].flags(TODAY), check_id
    assert Person.objects.filter(restricted=True).exists()
    tm = User.objects.get(username="tm.demo")
    assert RestrictedAccess.objects.filter(user=tm, revoked_at__isnull=True).exists()


@pytest.mark.django_db
def test_generate_la_refuses_a_database_with_people():
    generate()

    with pytest.raises(CommandError, match="already has"):
        generate()


@pytest.mark.django_db
def test_demo_setup_generates_once_then_only_prints_logins(monkeypatch):
    monkeypatch.setenv("LANTERN_DEMO_SCALE", str(TINY))
    out = io.StringIO()
    call_command("demo_setup", stdout=out)
    people = Person.objects.count()
    again = io.StringIO()
    call_command("demo_setup", stdout=again)

    assert people > 0
    assert Person.objects.count() == people
    # The planted duplicates are waiting on the duplicates page.
    from lantern.people.models import DuplicateCandidate

    assert DuplicateCandidate.objects.filter(status="open").exists()
    assert "sw.demo" in out.getvalue() and "sw.demo" in again.getvalue()
    assert "generate_la --seed 1 --scale 1.0 --bulk" in again.getvalue()


# --- The front door's five years -----------------------------------------------------------

FRONT_DOOR_CHECKS = (
    "FD2-CONSENT",
    "FD6-DECISION-OVERDUE",
    "FD7-NO-HISTORY-SUMMARY",
    "FD8-UNSAFE-CLOSURE",
    "FD10-PARTNER-INTERVIEW",
    "CP1-KEY-AGENCY-ABSENT",
    "CP2-NOT-RECORDED",
)


def re_referral_rate() -> float:
    """Referrals within 12 months of an earlier referral of the same child (DfE C1)."""
    dates: dict[int, list[datetime.date]] = {}
    for person, day in Referral.objects.values_list("person_id", "referral_date"):
        dates.setdefault(person, []).append(day)
    referrals = [(p, d) for p, days in dates.items() for d in days]
    again = sum(1 for p, d in referrals if any(add_months(d, -12) <= e < d for e in dates[p]))
    return again / len(referrals)


@pytest.mark.django_db
def test_front_door_history_gives_every_check_something_at_realistic_rates():
    plan = generate_plan(seed=1, scale=0.02, today=TODAY)  # about 700 children
    write_in_bulk(plan)

    for check_id in FRONT_DOOR_CHECKS:
        assert REGISTRY[check_id].flags(TODAY), check_id
    assert 0.15 <= re_referral_rate() <= 0.30
    referrals = Referral.objects.count()
    children_on_contacts = ContactChild.objects.count()
    assert 2.2 <= children_on_contacts / referrals <= 3.5  # contacts several times referrals
    assert 2.5 <= referrals / StrategyDiscussion.objects.count() <= 5
    # Every child on a contact older than a few days has been decided, bar the few planted.
    old = ContactChild.objects.filter(
        contact__received_at__lt=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    )
    assert old.exclude(status="decided").count() == 0
    # Open cases came in through a referral that is still open.
    open_cases = set(
        Allocation.objects.filter(end_date__isnull=True).values_list("person_id", flat=True)
    )
    referred = set(
        Referral.objects.filter(closure_date__isnull=True).values_list("person_id", flat=True)
    )
    assert len(open_cases & referred) >= 0.9 * len(open_cases)


# --- Who did each front-door step ----------------------------------------------------------

FRONT_DOOR_TEAM = "Front door (MASH)"
FRONT_DOOR_KINDS = {
    "contact",
    "screening",
    "front_door_decision",
    "referral",
    "strategy",
    "section47",
}
FRONT_DOOR_ACTIONS = ("contact.", "screening.", "referral.", "strategy.", "section47.")


def test_plan_gives_the_front_door_a_team_manager():
    plan = generate_plan(seed=1, scale=TINY, today=TODAY)

    managers = [u for u in plan.users if u.role == "team_manager" and u.team == FRONT_DOOR_TEAM]
    assert managers and all(u.active for u in managers)


@pytest.mark.django_db
def test_front_door_steps_are_by_named_staff_who_may_do_them():
    from lantern.accounts.permissions import has_perm
    from lantern.synthetic.plan import GENERATOR

    plan = generate_plan(seed=1, scale=0.01, today=TODAY)
    write_in_bulk(plan)
    generator = User.objects.get(username=GENERATOR)

    def doers(rows, field):
        return Counter(getattr(row, field) for row in rows)

    # Contacts: a partner who submitted one recorded it; front-door workers the rest.
    contacts = list(Contact.objects.select_related("created_by", "submitted_by"))
    for c in contacts:
        assert c.created_by == c.updated_by
        if c.submitted_by is not None:
            assert c.created_by == c.submitted_by and c.created_by.role == Role.PARTNER
        else:
            assert c.created_by.role == Role.FRONT_DOOR, c.channel
            assert c.created_by.team.name == FRONT_DOOR_TEAM
    assert any(c.submitted_by for c in contacts)
    recorders = doers((c for c in contacts if c.submitted_by is None), "created_by")
    assert len(recorders) >= 3 and "fd.demo" in {u.username for u in recorders}

    # Screening: one front-door worker summarises, checks with partners and screens.
    screenings = list(Screening.objects.select_related("created_by", "screened_by"))
    for s in screenings:
        assert s.created_by.role == Role.FRONT_DOOR and s.created_by == s.updated_by
        assert has_perm(s.created_by, "contact.screen")
        if s.screened_at is not None:
            assert s.screened_by == s.created_by
    by_item = {s.contact_child_id: s.created_by_id for s in screenings}
    for check in PartnerCheck.objects.all():
        assert check.created_by_id == by_item[check.contact_child_id]
    assert "fd.demo" in {u.username for u in doers(screenings, "screened_by") if u}

    # Decisions: the front door's manager mostly, now and then a head of service.
    decisions = list(Decision.objects.select_related("decided_by__team"))
    deciders = doers(decisions, "decided_by")
    for user in deciders:
        assert has_perm(user, "contact.decide")
        assert user.role == Role.HEAD_OF_SERVICE or (
            user.role == Role.TEAM_MANAGER and user.team.name == FRONT_DOOR_TEAM
        )
    mash = sum(n for u, n in deciders.items() if u.role == Role.TEAM_MANAGER)
    heads = sum(n for u, n in deciders.items() if u.role == Role.HEAD_OF_SERVICE)
    assert heads and 0.75 <= mash / len(decisions) < 1
    for d in decisions:
        assert d.created_by == d.decided_by
        if d.referral_id is not None:
            assert d.referral.created_by == d.decided_by

    # Strategy discussions: scheduled by the deciding manager, who chaired them; recorded, with
    # the section 47 enquiry, by a social worker of an assessment or child protection team.
    for s in StrategyDiscussion.objects.select_related("referral", "updated_by__team"):
        decision = Decision.objects.get(referral=s.referral)
        assert s.created_by_id == decision.decided_by_id
        if s.recorded_at is not None:
            assert s.updated_by.role == Role.SOCIAL_WORKER
            assert s.updated_by.team.kind in ("assessment", "cp")
            chair = s.attendees.get(agency="social_care")
            assert chair.name == decision.decided_by.get_full_name()
    for e in Section47.objects.select_related("created_by", "updated_by"):
        assert e.created_by == e.strategy.updated_by
        assert e.updated_by.role == Role.SOCIAL_WORKER
        if e.child_seen_on:
            assert e.child_seen_by == f"{e.updated_by.get_full_name()} (social worker)"
    for r in Referral.objects.filter(closure_date__isnull=False).select_related("updated_by"):
        assert r.updated_by.role == Role.TEAM_MANAGER and r.updated_by.team.kind == "assessment"

    # Nothing at the front door is the generator's: it records only the people and their cases.
    for model, fields in (
        (Contact, ("created_by", "updated_by")),
        (ContactChild, ("created_by", "updated_by")),
        (Screening, ("created_by", "updated_by", "screened_by")),
        (PartnerCheck, ("created_by", "updated_by")),
        (Decision, ("created_by", "updated_by", "decided_by")),
        (Referral, ("created_by", "updated_by")),
        (StrategyDiscussion, ("created_by", "updated_by")),
        (Section47, ("created_by", "updated_by")),
    ):
        rows = model.objects.all()
        if model is Screening:
            rows = rows.filter(screened_at__isnull=False)  # a summary, not yet screened
        for field in fields:
            assert not rows.filter(**{field: generator}).exists(), (model, field)
            assert not rows.filter(**{f"{field}__isnull": True}).exists(), (model, field)
    front_door_chronology = ChronologyEntry.objects.filter(kind__in=FRONT_DOOR_KINDS)
    assert front_door_chronology.exists()
    assert not front_door_chronology.filter(recorded_by=generator).exists()
    assert not front_door_chronology.filter(recorded_by__isnull=True).exists()
    events = AuditEvent.objects.filter(action__startswith=FRONT_DOOR_ACTIONS[0])
    for prefix in FRONT_DOOR_ACTIONS[1:]:
        events |= AuditEvent.objects.filter(action__startswith=prefix)
    assert events.exists() and not events.filter(actor=generator).exists()
    assert not events.filter(actor__isnull=True).exists()
    # … where it is expected: the people records it made.
    assert not Person.objects.exclude(created_by=generator).exists()
    assert AuditEvent.objects.filter(action="person.created", actor=generator).exists()

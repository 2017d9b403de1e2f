"""Two ways to turn a Plan into rows, with the same result.

- `write_with_services` calls the people services one record at a time, exactly as the pages do
  (person_create, address_add, relationship_add, warning_add, allocation_set, …). The reference.
- `write_in_bulk` writes the same rows with bulk_create, a batch per transaction: people,
  disabilities, addresses, previous names, match keys, relationships, warnings, allocations,
  restrictions, with the chronology entries, audit events and row history the services would
  have written. For hundreds of thousands of people.

Both then write the front door's five years of history (lantern/synthetic/front_door_writers.py)
and the casework after it (casework_writers.py, casework_bulk.py): through the services, the
front door's and the casework's steps interleaved in the order they happened, or in bulk.

tests/integration/synthetic/test_generate.py proves that both give the same rows. When a
service starts writing something new, that test fails until write_in_bulk does it too.
"""

import copy
import datetime
import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from lantern.accounts.models import Team, User
from lantern.common.ids import reserve_block
from lantern.common.models import AuditEvent
from lantern.people.codes import INVERSE_LABEL, RelationshipType, WarningKind
from lantern.people.matching.keys import bulk_rows
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
    household_key,
)
from lantern.people.services import (
    address_add,
    allocation_set,
    person_create,
    person_restrict,
    previous_name_add,
    relationship_add,
    restricted_access_grant,
    warning_add,
)
from lantern.people.validators import normalise_postcode
from lantern.synthetic import casework_bulk, casework_writers, front_door_writers
from lantern.synthetic.front_door_plan import keyed_events
from lantern.synthetic.models import PlantedDuplicate
from lantern.synthetic.plan import DEMO_PASSWORD, GENERATOR, PERSON_ID_START, Plan, person_id

Progress = Callable[[str, int, int], None]
DAY = datetime.timedelta(days=1)


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Written:
    people: int
    children: int
    open_cases: int
    planted_duplicates: int
    first_person_id: str
    contacts: int = 0
    referrals: int = 0
    assessments: int = 0
    plans: int = 0
    conferences: int = 0
    visits: int = 0
    closures: int = 0


# --- Staff (both paths) --------------------------------------------------------------------


def staff_write(plan: Plan) -> tuple[dict[str, Team], dict[str, User]]:
    """Teams and users of the plan; existing ones (same name or username) are kept as they are.

    The demo logins share one password, hashed once (hashing is deliberately slow); everyone
    else gets an unusable password until an administrator sets one.
    """
    teams: dict[str, Team] = {}
    for t in plan.teams:
        teams[t.name], _ = Team.objects.get_or_create(name=t.name, defaults={"kind": t.kind})
    existing = {
        u.username: u for u in User.objects.filter(username__in=[u.username for u in plan.users])
    }
    demo_hash = make_password(DEMO_PASSWORD)
    new: list[User] = []
    for u in plan.users:
        if u.username in existing:
            continue
        admin = u.demo and u.role == "administrator"
        user = User(
            username=u.username,
            first_name=u.first_name,
            last_name=u.last_name,
            email=f"{u.username}@lantern.example",
            role=u.role,
            team=teams.get(u.team) if u.team else None,
            job_title=u.job_title,
            swe_number=u.swe_number,
            organisation=u.organisation,
            is_staff=admin,
            is_superuser=admin,
            is_active=u.active,
        )
        user.password = demo_hash if u.demo else make_password(None)
        new.append(user)
    User.objects.bulk_create(new)
    users = {
        u.username: u for u in User.objects.filter(username__in=[u.username for u in plan.users])
    }
    return teams, users


def _first_id(plan: Plan) -> int:
    """Reserve the plan's person ids from the counter the services use; the first one."""
    return reserve_block("person_id", len(plan.people), start=PERSON_ID_START).start


def _planted(plan: Plan, pks: list[int]) -> list[PlantedDuplicate]:
    return [
        PlantedDuplicate(original_id=pks[d.original], duplicate_id=pks[d.duplicate], kind=d.kind)
        for d in plan.duplicates
    ]


def _written(plan: Plan, first: int) -> Written:
    return Written(
        people=len(plan.people),
        children=plan.children,
        open_cases=plan.open_cases,
        planted_duplicates=len(plan.duplicates),
        first_person_id=person_id(0, first),
        contacts=len(plan.contacts),
        referrals=len(plan.referrals),
        assessments=len(plan.casework.assessments),
        plans=len(plan.casework.plans),
        conferences=sum(1 for c in plan.casework.conferences if c.held_at is not None),
        visits=plan.casework.visits,
        closures=len(plan.casework.closures),
    )


# --- Through the services ------------------------------------------------------------------


def write_with_services(plan: Plan, *, progress: Progress = _no_progress, batch: int = 500):
    """Every record through the people services, as the interface records them.

    Each batch of `batch` service calls shares one transaction (the services' own atomic blocks
    become savepoints): the same rows, far fewer commits.
    """
    teams, users = staff_write(plan)
    by = users[GENERATOR]
    first = _first_id(plan)
    people: list[Person] = []
    total = len(plan.people)
    for chunk in _chunks(plan.people, batch):
        with transaction.atomic():
            for p in chunk:
                head, *moves = p.addresses
                person = person_create(
                    by=by,
                    details=p.details(),
                    disabilities=p.disabilities,
                    address={
                        "line1": head.line1,
                        "town": head.town,
                        "postcode": head.postcode,
                        "from_date": head.from_date,
                    },
                    person_id=person_id(p.ref, first),
                    recorded_on=p.recorded_on,
                )
                for a in moves:
                    address_add(
                        by=by,
                        person=person,
                        line1=a.line1,
                        town=a.town,
                        postcode=a.postcode,
                        from_date=a.from_date,
                    )
                for n in p.previous_names:
                    previous_name_add(
                        by=by,
                        person=person,
                        last_name=n.last_name,
                        first_name=n.first_name,
                        from_date=n.from_date,
                        to_date=n.to_date,
                    )
                people.append(person)
        progress("people", len(people), total)
    done = 0
    for chunk in _chunks(plan.relationships, batch):
        with transaction.atomic():
            for r in chunk:
                relationship_add(
                    by=by,
                    person=people[r.person],
                    other=people[r.other],
                    type=r.type,
                    from_date=r.from_date,
                    parental_responsibility=r.parental_responsibility,
                )
        done += len(chunk)
        progress("relationships", done, len(plan.relationships))
    with transaction.atomic():
        for w in plan.warnings:
            warning_add(
                by=by,
                person=people[w.person],
                kind=w.kind,
                detail=w.detail,
                review_date=w.review_date,
                today=w.added_on,
            )
        for a in plan.allocations:
            allocation_set(
                by=by,
                person=people[a.person],
                team=teams[a.team],
                worker=users[a.worker] if a.worker else None,
                start_date=a.start_date,
                reason=a.reason,
            )
        for r in plan.restrictions:
            person = person_restrict(
                by=by, person=people[r.person], restricted=True, reason=r.reason
            )
            for username in r.named:
                restricted_access_grant(by=by, person=person, user=users[username])
        PlantedDuplicate.objects.bulk_create(_planted(plan, [p.pk for p in people]))
    progress("cases", len(plan.allocations), len(plan.allocations))
    # The front door's steps and the casework's, in the order they happened.
    front_door = front_door_writers.ServiceSteps(plan, people=people, users=users)
    casework = casework_writers.ServiceSteps(
        plan, people=people, users=users, front_door=front_door
    )
    steps = list(
        heapq.merge(
            ((key, front_door, kind, i, j) for key, kind, i, j in keyed_events(plan)),
            ((key, casework, kind, i, j) for key, kind, i, j in casework.events()),
            key=lambda step: step[0],
        )
    )
    done = 0
    for chunk in _chunks(steps, batch):
        with transaction.atomic():
            for _key, writer, kind, i, j in chunk:
                writer.step(kind, i, j)
        done += len(chunk)
        progress("front door and casework", done, len(steps))
    return _written(plan, first)


# --- In bulk -------------------------------------------------------------------------------


def _insert(model, objs: list) -> None:
    """INSERT many rows in one executemany, for rows nothing points at (match keys, chronology,
    audit). Several times faster than bulk_create, whose cost is building the SQL per value.
    Field defaults, auto_now_add and JSON encoding apply as in save()."""
    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _recorded(by):
    """Who a chronology entry or audit event records, as chronology_record() and audit() do:
    `by` when it is a user, nobody for the system."""
    return by if getattr(by, "is_authenticated", False) else None


class _Rows:
    """Rows of one batch, written together: main rows first, then what points at them. Each
    chronology entry and audit event is by the batch's user unless the row says who (`by=`)."""

    def __init__(self, now: datetime.datetime, by: User):
        self.now = now
        self.by = by
        self.chronology: list[ChronologyEntry] = []
        self.audit: list[AuditEvent] = []
        self._ct: dict[type, ContentType] = {}

    def ct(self, model) -> ContentType:
        if model not in self._ct:
            self._ct[model] = ContentType.objects.get_for_model(model)
        return self._ct[model]

    def chronicle(
        self, *, person_pk: int, kind: str, summary: str, on, source, at=None, by=None
    ) -> None:
        self.chronology.append(
            ChronologyEntry(
                person_id=person_pk,
                kind=kind,
                summary=summary[:300],
                occurred_on=on,
                occurred_at=at,
                source_type=self.ct(type(source)),
                source_id=str(source.pk),
                recorded_by=_recorded(self.by if by is None else by),
            )
        )

    def event(self, *, action: str, target, person_pk: int, reason: str = "", detail=None, by=None):
        self.audit.append(
            AuditEvent(
                actor=_recorded(self.by if by is None else by),
                action=action,
                target_type=self.ct(type(target)),
                target_id=str(target.pk),
                person_id=person_pk,
                reason=reason,
                detail=detail or {},
            )
        )

    def flush(self) -> None:
        _insert(ChronologyEntry, self.chronology)
        _insert(AuditEvent, self.audit)
        self.chronology, self.audit = [], []


def _history(model, created: Iterable, changed: Iterable = (), *, now) -> None:
    """Row history as the services' saves would leave it: '+' for each row as first saved, '~'
    for each row saved again later (an address or allocation ended, a record restricted).

    The rows simple_history's bulk_history_create makes (no user; the change reason an
    instance carries in `_change_reason`), written in one executemany without building a
    model instance per row."""
    historical = model.history.model
    tracked = [f.attname for f in historical.tracked_fields]
    fields = [f for f in historical._meta.concrete_fields if not f.primary_key]
    rows = []
    for objs, kind in ((created, "+"), (changed, "~")):
        for obj in objs:
            values = {a: getattr(obj, a) for a in tracked}
            values.update(
                history_date=now,
                history_user_id=None,
                history_change_reason=getattr(obj, "_change_reason", None) or None,
                history_type=kind,
            )
            rows.append([f.get_db_prep_save(values[f.attname], connection) for f in fields])
    if not rows:
        return
    table = connection.ops.quote_name(historical._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def write_in_bulk(plan: Plan, *, progress: Progress = _no_progress, batch: int = 5000):
    """The same rows as write_with_services, with bulk_create (one transaction per batch)."""
    now = timezone.now()
    teams, users = staff_write(plan)
    by = users[GENERATOR]
    who = {"created_by": by, "updated_by": by}  # Recorded rows, as the services set them
    first = _first_id(plan)
    restricted = {r.person: r for r in plan.restrictions}
    pks: list[int] = []
    full_names: list[str] = []
    total = len(plan.people)
    for chunk in _chunks(plan.people, batch):
        rows = _Rows(now, by)
        with transaction.atomic():
            persons = []
            for p in chunk:
                person = Person(person_id=person_id(p.ref, first), **who, **p.details())
                if (r := restricted.get(p.ref)) is not None:
                    person.restricted, person.restricted_reason = True, r.reason
                persons.append(person)
            Person.objects.bulk_create(persons)
            as_created = []
            for person in persons:
                if person.restricted:  # recorded unrestricted; restricted afterwards
                    before = copy.copy(person)
                    before.restricted, before.restricted_reason = False, ""
                    as_created.append(before)
                else:
                    as_created.append(person)
            _history(Person, as_created, now=now)
            PersonDisability.objects.bulk_create(
                PersonDisability(person_id=person.pk, code=code)
                for p, person in zip(chunk, persons, strict=True)
                for code in dict.fromkeys(p.disabilities)
            )
            addresses: list[list[Address]] = []
            flat: list[Address] = []
            for p, person in zip(chunk, persons, strict=True):
                mine = []
                for i, a in enumerate(p.addresses):
                    postcode = normalise_postcode(a.postcode)
                    nxt = p.addresses[i + 1].from_date - DAY if i + 1 < len(p.addresses) else None
                    mine.append(
                        Address(
                            person_id=person.pk,
                            line1=a.line1,
                            town=a.town,
                            postcode=postcode,
                            from_date=a.from_date,
                            to_date=nxt,
                            household=household_key(a.line1, postcode),
                            **who,
                        )
                    )
                addresses.append(mine)
                flat.extend(mine)
            Address.objects.bulk_create(flat)
            opened = []
            for address in flat:
                if address.to_date is None:
                    opened.append(address)
                else:
                    before = copy.copy(address)
                    before.to_date = None
                    opened.append(before)
            _history(Address, opened, [a for a in flat if a.to_date is not None], now=now)
            names = [
                [
                    PreviousName(
                        person_id=person.pk,
                        first_name=n.first_name,
                        last_name=n.last_name,
                        from_date=n.from_date,
                        to_date=n.to_date,
                        **who,
                    )
                    for n in p.previous_names
                ]
                for p, person in zip(chunk, persons, strict=True)
            ]
            PreviousName.objects.bulk_create([n for mine in names for n in mine])
            _insert(MatchKey, bulk_rows(zip(persons, names, addresses, strict=True)))
            for p, person, mine, prev in zip(chunk, persons, addresses, names, strict=True):
                rows.chronicle(
                    person_pk=person.pk,
                    kind="person_recorded",
                    summary=f"{person.kind_label} recorded: {person.full_name}",
                    on=p.recorded_on,
                    source=person,
                )
                rows.event(action="person.created", target=person, person_pk=person.pk)
                for address in mine[1:]:
                    rows.chronicle(
                        person_pk=person.pk,
                        kind="address",
                        summary=f"Moved to {address}",
                        on=address.from_date,
                        source=address,
                    )
                    rows.event(action="address.added", target=address, person_pk=person.pk)
                for name in prev:
                    rows.event(action="previous_name.added", target=name, person_pk=person.pk)
            rows.flush()
        pks.extend(person.pk for person in persons)
        full_names.extend(person.full_name for person in persons)
        progress("people", len(pks), total)

    done = 0
    for chunk in _chunks(plan.relationships, batch):
        rows = _Rows(now, by)
        with transaction.atomic():
            rels = [
                Relationship(
                    person_id=pks[r.person],
                    other_id=pks[r.other],
                    type=r.type,
                    from_date=r.from_date,
                    parental_responsibility=r.parental_responsibility,
                    **who,
                )
                for r in chunk
            ]
            Relationship.objects.bulk_create(rels)
            _history(Relationship, rels, now=now)
            for r, rel in zip(chunk, rels, strict=True):
                label = RelationshipType(r.type).label.lower()
                rows.chronicle(
                    person_pk=pks[r.other],
                    kind="relationship",
                    summary=f"{full_names[r.person]} recorded as {label}",
                    on=r.from_date,
                    source=rel,
                )
                rows.chronicle(
                    person_pk=pks[r.person],
                    kind="relationship",
                    summary=f"{full_names[r.other]} recorded as {INVERSE_LABEL[r.type].lower()}",
                    on=r.from_date,
                    source=rel,
                )
                rows.event(action="relationship.added", target=rel, person_pk=pks[r.other])
            rows.flush()
        done += len(chunk)
        progress("relationships", done, len(plan.relationships))

    rows = _Rows(now, by)
    with transaction.atomic():
        warnings = [
            Warning(
                person_id=pks[w.person],
                kind=w.kind,
                detail=w.detail,
                review_date=w.review_date,
                **who,
            )
            for w in plan.warnings
        ]
        Warning.objects.bulk_create(warnings)
        _history(Warning, warnings, now=now)
        for w, warning in zip(plan.warnings, warnings, strict=True):
            rows.chronicle(
                person_pk=warning.person_id,
                kind="warning",
                summary=f"Warning added: {WarningKind(w.kind).label}",
                on=w.added_on,
                source=warning,
            )
            rows.event(action="warning.added", target=warning, person_pk=warning.person_id)

        allocations = []
        for i, a in enumerate(plan.allocations):
            following = plan.allocations[i + 1] if i + 1 < len(plan.allocations) else None
            end = None
            if following is not None and following.person == a.person:
                end = max(a.start_date, following.start_date - DAY)
            allocations.append(
                Allocation(
                    person_id=pks[a.person],
                    team=teams[a.team],
                    worker=users[a.worker] if a.worker else None,
                    start_date=a.start_date,
                    end_date=end,
                    change_reason=a.reason,
                    **who,
                )
            )
        Allocation.objects.bulk_create(allocations)
        opened = []
        for allocation in allocations:
            if allocation.end_date is None:
                opened.append(allocation)
            else:
                before = copy.copy(allocation)
                before.end_date = None
                opened.append(before)
        _history(Allocation, opened, [a for a in allocations if a.end_date is not None], now=now)
        for a, allocation in zip(plan.allocations, allocations, strict=True):
            team = teams[a.team]
            who = f"{allocation.worker} ({team})" if a.worker else f"{team}, no worker yet"
            rows.chronicle(
                person_pk=allocation.person_id,
                kind="allocation",
                summary=f"Allocated to {who}",
                on=a.start_date,
                source=allocation,
            )
            rows.event(
                action="allocation.set",
                target=allocation,
                person_pk=allocation.person_id,
                reason=a.reason,
            )

        restricted_people = list(
            Person.objects.filter(pk__in=[pks[r.person] for r in plan.restrictions])
        )
        by_pk = {p.pk: p for p in restricted_people}
        changed = []
        grants = []
        for r in plan.restrictions:
            person = by_pk[pks[r.person]]
            person._change_reason = r.reason
            changed.append(person)
            rows.chronicle(
                person_pk=person.pk,
                kind="restriction",
                summary="Record restricted",
                on=timezone.localdate(),
                source=person,
            )
            rows.event(
                action="person.restricted", target=person, person_pk=person.pk, reason=r.reason
            )
            for username in r.named:
                grants.append(
                    RestrictedAccess(person_id=person.pk, user=users[username], granted_by=by)
                )
        _history(Person, [], changed, now=now)
        RestrictedAccess.objects.bulk_create(grants)
        for grant in grants:
            rows.event(
                action="restricted_access.granted",
                target=grant,
                person_pk=grant.person_id,
                detail={"user": grant.user.username},
            )
        rows.flush()
        PlantedDuplicate.objects.bulk_create(_planted(plan, pks))
    progress("cases", len(plan.allocations), len(plan.allocations))
    written = {"referrals": {}, "section47s": {}}
    front_door_writers.write_in_bulk(
        plan,
        pks=pks,
        person_ids=[person_id(p.ref, first) for p in plan.people],
        users=users,
        rows_for=lambda: _Rows(now, by),
        history=lambda model, created, changed: _history(model, created, changed, now=now),
        progress=progress,
        batch=batch,
        written=written,
    )
    casework_bulk.write_in_bulk(
        plan,
        pks=pks,
        referral_pks=written["referrals"],
        section47_pks=written["section47s"],
        users=users,
        rows_for=lambda: _Rows(now, by),
        history=lambda model, created, changed: _history(model, created, changed, now=now),
        progress=progress,
        batch=batch,
    )
    return _written(plan, first)

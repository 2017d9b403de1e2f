"""Everything the child's record page shows, in a fixed number of queries however long the
history or large the family."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from lantern.people.chronology import entry_link, kind_label
from lantern.people.codes import INVERSE_LABEL, RelationshipType
from lantern.people.involvement import Involvement, involvements
from lantern.people.models import (
    Address,
    Allocation,
    ChronologyEntry,
    Person,
    Relationship,
    Warning,
)

PARENT_TYPES = {RelationshipType.PARENT}


@dataclass
class NetworkMember:
    person: Person
    relation: str
    source: str  # "recorded", "inferred from shared parents", "lives at the same address"
    parental_responsibility: bool = False
    ended: datetime.date | None = None
    involvement: list[Involvement] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    lives_with_child: bool = False

    @property
    def summary(self) -> str:
        if not self.involvement:
            return "no involvement recorded"
        return "; ".join(str(i) for i in self.involvement[:3])


def family_network(
    person: Person,
    ids: list[int],
    *,
    today: datetime.date,
    involved: dict[int, list[Involvement]] | None = None,
) -> list[NetworkMember]:
    """The child's family network with each member's involvement and warnings. Pass a dict as
    `involved` to have the child's own involvement (for `ids`) filled in by the same queries."""
    members: dict[int, NetworkMember] = {}
    rels = Relationship.objects.filter(Q(person_id__in=ids) | Q(other_id__in=ids)).select_related(
        "person", "other"
    )
    parent_ids: set[int] = set()
    for rel in rels:
        if rel.other_id in ids:
            relative, relation = rel.person, rel.get_type_display()
            if rel.type in PARENT_TYPES and rel.to_date is None:
                parent_ids.add(rel.person_id)
        else:
            relative, relation = rel.other, INVERSE_LABEL[rel.type]
        if relative.pk in ids or relative.merged_into_id:
            continue
        existing = members.get(relative.pk)
        if existing and existing.ended is None:
            continue
        members[relative.pk] = NetworkMember(
            person=relative,
            relation=relation,
            source="recorded",
            parental_responsibility=rel.parental_responsibility,
            ended=rel.to_date,
        )
    # Siblings and half-siblings inferred from shared parents: full siblings share every
    # recorded parent (two or more); half-siblings share one and each has another.
    if parent_ids:
        shared: dict[int, set[int]] = {}
        children = (
            Relationship.objects.filter(
                person_id__in=parent_ids, type__in=PARENT_TYPES, to_date__isnull=True
            )
            .exclude(other_id__in=ids)
            .select_related("other")
        )
        people: dict[int, Person] = {}
        for rel in children:
            shared.setdefault(rel.other_id, set()).add(rel.person_id)
            people[rel.other_id] = rel.other
        their_parents: dict[int, set[int]] = {}
        for child_id, parent_id in Relationship.objects.filter(
            other_id__in=list(shared), type__in=PARENT_TYPES, to_date__isnull=True
        ).values_list("other_id", "person_id"):
            their_parents.setdefault(child_id, set()).add(parent_id)
        for pid, parents in shared.items():
            if pid in members or people[pid].merged_into_id:
                continue
            theirs = their_parents.get(pid, parents)
            if parents == parent_ids == theirs and len(parents) > 1:
                relation = "Sibling"
            elif theirs - parents or parent_ids - parents:
                relation = "Half-sibling"
            else:
                relation = "Sibling"
            members[pid] = NetworkMember(
                person=people[pid], relation=relation, source="inferred from shared parents"
            )
    # The household: who lives at the child's current address.
    current = (
        Address.objects.filter(person_id__in=ids, to_date__isnull=True)
        .order_by("-from_date")
        .values_list("household", flat=True)
        .first()
    )
    if current:
        housemates = (
            Address.objects.filter(household=current, to_date__isnull=True)
            .exclude(person_id__in=ids)
            .select_related("person")
        )
        for address in housemates:
            other = address.person
            if other.merged_into_id:
                continue
            if other.pk in members:
                members[other.pk].lives_with_child = True
            else:
                members[other.pk] = NetworkMember(
                    person=other,
                    relation="Lives at the same address",
                    source="household",
                    lives_with_child=True,
                )
    member_ids = list(members)
    wanted = member_ids + (list(ids) if involved is not None else [])
    for pid, items in involvements(wanted).items():
        if pid in members:
            members[pid].involvement = items
        if involved is not None and pid in ids:
            involved[pid] = items
    for warning in Warning.objects.filter(person_id__in=member_ids, ended_on__isnull=True):
        members[warning.person_id].warnings.append(warning)
    order = {"Parent": 0, "Step-parent": 1, "Sibling": 2, "Half-sibling": 3}
    return sorted(
        members.values(),
        key=lambda m: (
            m.ended is not None,
            order.get(m.relation, 5),
            m.person.date_of_birth or datetime.date.max,
        ),
    )


@dataclass
class ChronologyRow:
    entry: ChronologyEntry
    label: str
    href: str | None


def chronology_rows(
    ids: list[int],
    *,
    kinds: list[str] | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    significant_only: bool = False,
) -> list[ChronologyRow]:
    qs = ChronologyEntry.objects.filter(person_id__in=ids).select_related("recorded_by")
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if date_from:
        qs = qs.filter(occurred_on__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_on__lte=date_to)
    if significant_only:
        qs = qs.filter(significant=True)
    return [ChronologyRow(e, kind_label(e.kind), entry_link(e)) for e in qs]


def chronology_kinds_present(ids: list[int]) -> list[tuple[str, str]]:
    codes = (
        ChronologyEntry.objects.filter(person_id__in=ids)
        .values_list("kind", flat=True)
        .distinct()
        .order_by()
    )
    return sorted(((c, kind_label(c)) for c in set(codes)), key=lambda t: t[1])


def current_allocation(ids: list[int]) -> Allocation | None:
    return (
        Allocation.objects.filter(person_id__in=ids, end_date__isnull=True)
        .select_related("worker", "team")
        .first()
    )

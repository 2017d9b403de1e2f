"""What the front door shows, unasked, when a contact is opened for screening (finding FD7):
every earlier contact, referral, strategy discussion, section 47 enquiry and exploitation
screening of the child and of each sibling, parent and household member, their warnings, their
involvement with the service (assessments, plans and care episodes arrive through the
involvement registry as later parts of Lantern add them), whether a referral now would be a
re-referral (FD9), and what is open now.

A fixed number of queries however long the history or large the family."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from lantern.front_door.models import (
    ContactChild,
    ExploitationScreening,
    Referral,
    Section47,
    StrategyDiscussion,
)
from lantern.front_door.selectors import previous_referral
from lantern.people.involvement import Involvement
from lantern.people.models import Person, Warning
from lantern.people.record import family_network
from lantern.people.selectors import record_ids


@dataclass
class HistoryItem:
    on: datetime.date
    kind: str
    label: str
    detail: str = ""
    href: str = ""
    open: bool = False


@dataclass
class PersonHistory:
    person: Person
    relation: str
    items: list[HistoryItem] = field(default_factory=list)
    involvement: list[Involvement] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    @property
    def open_involvement(self) -> list[Involvement]:
        return [i for i in self.involvement if i.current]

    @property
    def has_history(self) -> bool:
        return bool(self.items or self.involvement)


@dataclass
class ScreeningHistory:
    child: PersonHistory
    family: list[PersonHistory]
    previous_referral: Referral | None
    received_on: datetime.date

    @property
    def is_re_referral(self) -> bool:
        return self.previous_referral is not None

    @property
    def everyone(self) -> list[PersonHistory]:
        return [self.child, *self.family]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for item in self.child.items:
            out[item.kind] += 1
        return dict(out)

    def snapshot(self) -> list[dict]:
        """What was shown, as it stood, kept with the screening."""
        return [
            {
                "person": h.person.person_id,
                "name": h.person.full_name,
                "relation": h.relation,
                "items": [
                    {"on": i.on.isoformat(), "kind": i.kind, "label": i.label, "detail": i.detail}
                    for i in h.items
                ],
                "involvement": [str(i) for i in h.involvement],
                "warnings": [w.get_kind_display() for w in h.warnings],
            }
            for h in self.everyone
        ]


def _items(ids: list[int], exclude_contact_child: int | None) -> dict[int, list[HistoryItem]]:
    out: dict[int, list[HistoryItem]] = defaultdict(list)
    contacts = (
        ContactChild.objects.filter(person_id__in=ids)
        .exclude(pk=exclude_contact_child)
        .select_related("contact", "decision")
    )
    for cc in contacts:
        decision = getattr(cc, "decision", None)
        outcome = decision.get_outcome_display() if decision else cc.get_status_display()
        out[cc.person_id].append(
            HistoryItem(
                on=cc.contact.received_on,
                kind="Contact",
                label=f"Contact from {cc.contact.get_source_display()}",
                detail=outcome,
                href=cc.get_absolute_url(),
                open=decision is None,
            )
        )
    for r in Referral.objects.filter(person_id__in=ids):
        closed = (
            f"closed {r.closure_date:%-d %b %Y}: {r.get_closure_reason_display()}"
            if r.closure_date
            else ""
        )
        out[r.person_id].append(
            HistoryItem(
                on=r.referral_date,
                kind="Referral",
                label=f"Referral ({r.get_primary_need_display()})",
                detail="open" if r.is_open else closed,
                href=r.get_absolute_url(),
                open=r.is_open,
            )
        )
    for s in StrategyDiscussion.objects.filter(person_id__in=ids):
        out[s.person_id].append(
            HistoryItem(
                on=timezone.localdate(s.held_at),
                kind="Strategy discussion",
                label=s.get_kind_display(),
                detail=s.get_decision_display() if s.decision else "not yet recorded",
                href=s.get_absolute_url(),
            )
        )
    for e in Section47.objects.filter(person_id__in=ids):
        out[e.person_id].append(
            HistoryItem(
                on=e.start_date,
                kind="Section 47 enquiry",
                label="Section 47 enquiry",
                detail=e.get_outcome_display() if e.outcome else "open",
                href=e.get_absolute_url(),
                open=not e.outcome,
            )
        )
    for x in ExploitationScreening.objects.filter(person_id__in=ids):
        out[x.person_id].append(
            HistoryItem(
                on=x.screened_on,
                kind="Exploitation screening",
                label="Exploitation screening",
                detail=x.get_risk_display(),
                href=x.get_absolute_url(),
            )
        )
    for items in out.values():
        items.sort(key=lambda i: i.on, reverse=True)
    return out


def screening_history(
    item: ContactChild, *, today: datetime.date | None = None
) -> ScreeningHistory:
    today = today or datetime.date.today()
    child = item.person
    ids = record_ids(child)
    involved: dict = {}
    network = family_network(child, ids, today=today, involved=involved)
    member_ids = [m.person.pk for m in network]
    items = _items(ids + member_ids, exclude_contact_child=item.pk)
    child_items = [i for pid in ids for i in items.get(pid, [])]
    child_items.sort(key=lambda i: i.on, reverse=True)
    child_history = PersonHistory(
        person=child,
        relation="This child",
        items=child_items,
        involvement=[i for pid in ids for i in involved.get(pid, [])],
        warnings=[w for w in Warning.objects.filter(person_id__in=ids) if w.is_active()],
    )
    family = [
        PersonHistory(
            person=m.person,
            relation=m.relation + (" (lives with the child)" if m.lives_with_child else ""),
            items=items.get(m.person.pk, []),
            involvement=m.involvement,
            warnings=m.warnings,
        )
        for m in network
        if m.ended is None
    ]
    received_on = item.contact.received_on
    return ScreeningHistory(
        child=child_history,
        family=family,
        previous_referral=previous_referral(ids, received_on),
        received_on=received_on,
    )

"""Recording case notes and correcting them. A correction never loses the original: the row's
history keeps every version with the reason it was changed (history_change_reason)."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.casenotes.models import CaseNote
from lantern.common.audit import audit
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.services.common import check_text, require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.record import family_network
from lantern.people.selectors import record_ids
from lantern.people.services.person import by_user

# The fields a correction may change.
CORRECTABLE = {"kind", "occurred_on", "title", "text", "child_seen", "seen_alone", "also_about"}
# simple-history keeps the reason in a 100-character column.
MAX_REASON = 100


def _clean(
    *,
    person: Person,
    kind: str,
    occurred_on: datetime.date | None,
    title: str,
    text: str,
    child_seen: bool | None,
    seen_alone: bool | None,
    also_about: Iterable[Person],
    today: datetime.date,
) -> list[Person]:
    """Check a note's content; returns the other people it is also about."""
    errors: dict[str, str] = {}
    if kind not in CaseNote.Kind.values:
        errors["kind"] = "Select the type of note"
    if occurred_on is None:
        errors["occurred_on"] = "Enter the date"
    elif occurred_on > today:
        errors["occurred_on"] = "The date cannot be in the future"
    if not (title or "").strip():
        errors["title"] = "Enter a title"
    elif len(title.strip()) > 200:
        errors["title"] = "Keep the title to 200 characters or fewer"
    if not (text or "").strip():
        errors["text"] = "Enter the note"
    if kind == CaseNote.Kind.VISIT and child_seen is None:
        errors["child_seen"] = "Select whether the child was seen"
    elif kind == CaseNote.Kind.VISIT and child_seen and seen_alone is None:
        errors["seen_alone"] = "Select whether the child was seen alone"
    if seen_alone and not child_seen:
        errors["seen_alone"] = "The child can only be seen alone if they were seen"
    others = list({p.pk: p for p in also_about if p.pk != person.pk}.values())
    if others:
        ids = record_ids(person)
        network = {m.person.pk for m in family_network(person, ids, today=today)}
        strangers = [p for p in others if p.pk not in network]
        if strangers:
            errors["also_about"] = f"{strangers[0].full_name} is not in the child's family network"
    if errors:
        raise ValidationError(errors)
    check_text(title=title, text=text)
    return others


def _summary(note: CaseNote) -> str:
    summary = f"{note.get_kind_display()}: {note.title}"
    if note.child_seen is True:
        summary += " (child seen alone)" if note.seen_alone else " (child seen)"
    elif note.child_seen is False:
        summary += " (child not seen)"
    return summary


def _scan(by, note: CaseNote):
    return language_scan(
        by=by,
        person=note.person,
        source=note,
        texts={"title": note.title, "text": note.text},
        label=f"{note.get_kind_display()} on {note.occurred_on:%-d %b %Y}",
        url=note.get_absolute_url(),
    )


def _chronology(by, note: CaseNote, people: Iterable[Person]) -> None:
    """One chronology entry per person the note is about."""
    for person in people:
        chronology_record(
            person=person,
            kind="casenote",
            summary=_summary(note),
            occurred_on=note.occurred_on,
            by=by,
            source=note,
        )


@transaction.atomic
def casenote_add(
    *,
    by,
    person: Person,
    kind: str,
    occurred_on: datetime.date,
    title: str,
    text: str,
    child_seen: bool | None = None,
    seen_alone: bool | None = None,
    also_about: Iterable[Person] = (),
    today: datetime.date | None = None,
) -> CaseNote:
    """Record a dated note about the child (and, optionally, siblings or others in the family
    network it is also about: it appears on their records and chronologies too). A visit
    says whether the child was seen, and whether alone."""
    require_perm(by, "casenote.record")
    today = today or timezone.localdate()
    others = _clean(
        person=person,
        kind=kind,
        occurred_on=occurred_on,
        title=title,
        text=text,
        child_seen=child_seen,
        seen_alone=seen_alone,
        also_about=also_about,
        today=today,
    )
    note = CaseNote(
        person=person,
        kind=kind,
        occurred_on=occurred_on,
        title=title.strip(),
        text=text.strip(),
        child_seen=child_seen,
        seen_alone=seen_alone if child_seen else (False if child_seen is False else None),
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    note.full_clean()
    note.save()
    note.also_about.set(others)
    note.language_matches = _scan(by, note)
    _chronology(by, note, [person, *others])
    audit(
        by=by,
        action="casenote.added",
        target=note,
        person=person,
        detail={"kind": kind, "also_about": [p.pk for p in others]},
    )
    return note


@transaction.atomic
def casenote_correct(
    *, by, note: CaseNote, version: int, reason: str, today: datetime.date | None = None, **fields
) -> CaseNote:
    """Correct a note. The version before the correction stays in the note's history, with
    `reason` as its change reason. `version` is the one the writer opened: ConcurrentEditError
    if someone has corrected it since."""
    require_perm(by, "casenote.record")
    unknown = set(fields) - CORRECTABLE
    if unknown:
        raise TypeError(f"Case notes cannot correct {sorted(unknown)}")
    today = today or timezone.localdate()
    note = CaseNote.objects.select_for_update().select_related("person").get(pk=note.pk)
    if note.version != version:
        raise ConcurrentEditError()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for the correction"})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": f"Keep the reason to {MAX_REASON} characters or fewer"})
    before_others = {p.pk: p for p in note.also_about.all()}
    values = {
        "kind": note.kind,
        "occurred_on": note.occurred_on,
        "title": note.title,
        "text": note.text,
        "child_seen": note.child_seen,
        "seen_alone": note.seen_alone,
        "also_about": list(before_others.values()),
    }
    values.update(fields)
    others = _clean(person=note.person, today=today, **values)
    if values["child_seen"] is not True:
        values["seen_alone"] = False if values["child_seen"] is False else None
    values["title"], values["text"] = values["title"].strip(), values["text"].strip()
    changed = [name for name in CORRECTABLE - {"also_about"} if getattr(note, name) != values[name]]
    added = [p for p in others if p.pk not in before_others]
    removed = [pk for pk in before_others if pk not in {p.pk for p in others}]
    if not changed and not added and not removed:
        raise ValidationError("Nothing has changed: correct the note, or cancel")
    for name in changed:
        setattr(note, name, values[name])
    note.version += 1
    note.updated_by = by_user(by)
    note._change_reason = reason
    note.full_clean()
    note.save()
    if added or removed:
        note.also_about.set(others)
    note.language_matches = _scan(by, note)
    # People the note now also concerns get it on their chronology.
    _chronology(by, note, added)
    audit(
        by=by,
        action="casenote.corrected",
        target=note,
        person=note.person,
        reason=reason,
        detail={
            "changed": sorted(changed),
            "also_about_added": [p.pk for p in added],
            "also_about_removed": removed,
        },
    )
    return note

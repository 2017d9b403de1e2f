"""The chronology: every event from every part of Lantern, on the person it concerns.

One mechanism for every app: a service that records something calls `chronology_record()` in its
own transaction, naming a kind registered with `register_kind()`. Links to the source record are
resolved from the kind's URL name, with no extra queries when the page is drawn.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse

from lantern.common.audit import audit
from lantern.people.models import ChronologyAnnotation, ChronologyEntry, Person


@dataclass(frozen=True)
class ChronologyKind:
    code: str
    label: str
    # URL name taking the source record's id, e.g. "front_door:contact_detail"; None: no page.
    url_name: str | None = None
    # URL name taking the person's pk, when the source is shown on the person's own record.
    person_url_name: str | None = None


KINDS: dict[str, ChronologyKind] = {}


def register_kind(
    code: str, label: str, *, url_name: str | None = None, person_url_name: str | None = None
) -> ChronologyKind:
    kind = ChronologyKind(code, label, url_name, person_url_name)
    existing = KINDS.get(code)
    if existing is not None and existing != kind:
        raise ValueError(f"Chronology kind {code!r} registered twice with different settings")
    KINDS[code] = kind
    return kind


register_kind("person_recorded", "Person recorded", person_url_name="people:record")
register_kind("details_changed", "Details changed", person_url_name="people:record")
register_kind("address", "Address", person_url_name="people:record")
register_kind("relationship", "Family and network", person_url_name="people:record")
register_kind("warning", "Warning", person_url_name="people:record")
register_kind("allocation", "Allocation", person_url_name="people:record")
register_kind("merge", "Records merged", person_url_name="people:record")
register_kind("restriction", "Access restricted", person_url_name="people:record")


def chronology_record(
    *,
    person: Person,
    kind: str,
    summary: str,
    occurred_on: datetime.date,
    by,
    source: models.Model | None = None,
    occurred_at: datetime.datetime | None = None,
) -> ChronologyEntry:
    """Add an entry to `person`'s chronology. Call inside the recording service's transaction."""
    if kind not in KINDS:
        raise ValueError(f"Unknown chronology kind {kind!r}; register it with register_kind()")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("chronology_record() must run inside the service's transaction.")
    entry = ChronologyEntry(
        person=person,
        kind=kind,
        summary=summary[:300],
        occurred_on=occurred_on,
        occurred_at=occurred_at,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    if source is not None:
        entry.source_type = ContentType.objects.get_for_model(source)
        entry.source_id = str(source.pk)
    entry.full_clean()
    entry.save()
    return entry


def chronology_annotate(
    *, by, entry: ChronologyEntry, significant: bool, note: str = ""
) -> ChronologyAnnotation:
    """A worker marks an entry significant (or not) with an analysis note; the entry's own text
    is never changed."""
    with transaction.atomic():
        entry = ChronologyEntry.objects.select_for_update().get(pk=entry.pk)
        annotation = ChronologyAnnotation(entry=entry, significant=significant, note=note, by=by)
        annotation.full_clean()
        annotation.save()
        ChronologyEntry.objects.filter(pk=entry.pk).update(significant=significant)
        audit(
            by=by,
            action="chronology.annotated",
            target=entry,
            person=entry.person,
            detail={"significant": significant, "note": note},
        )
    return annotation


def entry_link(entry: ChronologyEntry) -> str | None:
    kind = KINDS.get(entry.kind)
    if kind is None:
        return None
    try:
        if kind.url_name and entry.source_id:
            return reverse(kind.url_name, args=[entry.source_id])
        if kind.person_url_name:
            return reverse(kind.person_url_name, args=[entry.person_id])
    except NoReverseMatch:
        return None
    return None


def kind_label(code: str) -> str:
    kind = KINDS.get(code)
    return kind.label if kind else code.replace("_", " ").capitalize()

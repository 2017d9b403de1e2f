"""Recording what the practice-language check found, and editing the phrase list."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.language.matching import Match, find_phrases
from lantern.language.models import Finding, Phrase
from lantern.people.services.person import by_user


def active_phrases() -> list[Phrase]:
    return list(Phrase.objects.filter(active=True))


def source_key(source) -> tuple[str, int]:
    return source._meta.label_lower, source.pk


def language_scan(
    *,
    by,
    person,
    source,
    texts: dict[str, str],
    label: str = "",
    url: str = "",
    phrases: list[Phrase] | None = None,
) -> list[Match]:
    """Check the free text of one saved record about a child and keep its findings current.

    `source` is the saved record (an assessment, a case note, a plan…), `texts` maps each of
    its free-text fields to its text. Call it inside the service's transaction, after saving:
    phrases newly present are recorded as findings (the AP4 check), phrases no longer present
    are cleared. Returns what was found, for the service to show the writer."""
    phrases = active_phrases() if phrases is None else phrases
    by_phrase = {p.phrase: p for p in phrases}
    names = {p.pk: p.phrase for p in phrases}
    source_type, source_id = source_key(source)
    found: dict[tuple[str, int], Match] = {}
    matches: list[Match] = []
    for field, text in texts.items():
        for match in find_phrases(text or "", phrases):
            matches.append(match)
            found.setdefault((field, by_phrase[match.phrase].pk), match)
    open_rows = {
        (f.field, f.phrase_id): f
        for f in Finding.objects.filter(
            source_type=source_type, source_id=source_id, cleared_at__isnull=True
        )
    }
    now = timezone.now()
    cleared = [row.pk for key, row in open_rows.items() if key not in found and row.field in texts]
    if cleared:
        Finding.objects.filter(pk__in=cleared).update(cleared_at=now)
    new = [
        Finding(
            person=person,
            source_type=source_type,
            source_id=source_id,
            field=field,
            source_label=(label or str(source))[:120],
            source_url=url[:200],
            phrase_id=phrase_id,
            excerpt=match.excerpt[:300],
            found_by=by_user(by),
        )
        for (field, phrase_id), match in found.items()
        if (field, phrase_id) not in open_rows
    ]
    if new:
        Finding.objects.bulk_create(new)
        audit(
            by=by,
            action="language.found",
            target=source,
            person=person,
            detail={"phrases": sorted({names[f.phrase_id] for f in new})},
        )
    return matches


def _clean_words(words) -> list[str]:
    if isinstance(words, str):
        words = words.split(",")
    return sorted({w.strip().lower() for w in words if w and w.strip()})


@transaction.atomic
def phrase_add(*, by, phrase: str, reason: str, suggestion: str = "", unless_near=()) -> Phrase:
    phrase = " ".join(phrase.split())
    errors = {}
    if not phrase:
        errors["phrase"] = "Enter the phrase"
    if not reason.strip():
        errors["reason"] = "Enter why the phrase is a concern"
    if phrase and Phrase.objects.filter(phrase__iexact=phrase).exists():
        errors["phrase"] = "That phrase is already on the list"
    if errors:
        raise ValidationError(errors)
    row = Phrase(
        phrase=phrase,
        reason=reason.strip(),
        suggestion=suggestion.strip(),
        unless_near=_clean_words(unless_near),
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    row.full_clean()
    row.save()
    audit(by=by, action="language.phrase_added", target=row, detail={"phrase": phrase})
    return row


@transaction.atomic
def phrase_update(
    *, by, phrase: Phrase, reason: str, suggestion: str, unless_near, active: bool
) -> Phrase:
    phrase = Phrase.objects.select_for_update().get(pk=phrase.pk)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the phrase is a concern"})
    phrase.reason, phrase.suggestion = reason.strip(), suggestion.strip()
    phrase.unless_near, phrase.active = _clean_words(unless_near), active
    phrase.updated_by = by_user(by)
    phrase.full_clean()
    phrase.save()
    audit(
        by=by,
        action="language.phrase_changed",
        target=phrase,
        detail={"phrase": phrase.phrase, "active": active},
    )
    return phrase

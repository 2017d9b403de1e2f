"""Finding records that may be one person, over the whole database, for a person to decide.

Candidate pairs come from the MatchKey table in SQL, a slice of person ids at a time: two people
are a candidate pair when they share at least two keys, or an NHS number. Keys shared by more
than MAX_KEY_PEOPLE people (a block of flats' postcode, a common name in one year) are skipped,
as are `sn:` keys (surname alone, for search only). Each pair is scored once with
`score.compare`; nothing is ever merged automatically.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction

from lantern.people.matching.score import (
    DUPLICATE_THRESHOLD,
    Fields,
    evidence,
    fields_from_person,
    to_score,
)
from lantern.people.models import Address, DuplicateCandidate, MatchKey, Person, PreviousName

MAX_KEY_PEOPLE = 50
ID_SLICE = 25_000  # person ids per candidate-pair query
LOAD_BATCH = 900  # ids per IN (...) list (SQLite allows 999 parameters in old versions)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ScoredPair:
    first: int  # the smaller person id
    second: int
    score: float
    reasons: list[str]


@dataclass
class _Person:
    pk: int
    first_name: str
    middle_names: str
    last_name: str
    known_as: str
    date_of_birth: datetime.date | None
    expected_date_of_birth: datetime.date | None
    sex: str
    nhs_number: str


@dataclass
class _PreviousName:
    first_name: str
    last_name: str


@dataclass
class _Address:
    line1: str
    town: str
    postcode: str
    household: str


def _pair_sql() -> str:
    key = MatchKey._meta.db_table
    person = Person._meta.db_table
    # Portable SQL (SQLite and PostgreSQL): the small keys of a slice of people, joined to
    # everyone else holding the same key, counted per pair.
    return f"""
        SELECT a.person_id, b.person_id
        FROM {key} a
        JOIN {key} b ON b.key = a.key AND b.person_id > a.person_id
        JOIN {person} pa ON pa.id = a.person_id
        JOIN {person} pb ON pb.id = b.person_id
        WHERE a.person_id >= %s AND a.person_id < %s
          AND a.key NOT LIKE 'sn:%%'
          AND pa.merged_into_id IS NULL AND pb.merged_into_id IS NULL
          AND a.key NOT IN (
              SELECT k.key FROM {key} k WHERE k.key NOT LIKE 'sn:%%'
              GROUP BY k.key HAVING COUNT(*) > %s
          )
        GROUP BY a.person_id, b.person_id
        HAVING COUNT(*) >= 2 OR MAX(CASE WHEN a.key LIKE 'nhs:%%' THEN 1 ELSE 0 END) = 1
    """


def load_fields(ids: Iterable[int]) -> dict[int, Fields]:
    """Comparable fields of many people: three queries per LOAD_BATCH ids, no model objects."""
    ids = sorted(set(ids))
    out: dict[int, Fields] = {}
    for start in range(0, len(ids), LOAD_BATCH):
        batch = ids[start : start + LOAD_BATCH]
        previous: dict[int, list[_PreviousName]] = {}
        for person_id, first, last in PreviousName.objects.filter(person_id__in=batch).values_list(
            "person_id", "first_name", "last_name"
        ):
            previous.setdefault(person_id, []).append(_PreviousName(first, last))
        addresses: dict[int, list[_Address]] = {}
        for person_id, *values in Address.objects.filter(person_id__in=batch).values_list(
            "person_id", "line1", "town", "postcode", "household"
        ):
            addresses.setdefault(person_id, []).append(_Address(*values))
        for values in Person.objects.filter(pk__in=batch).values_list(
            "pk",
            "first_name",
            "middle_names",
            "last_name",
            "known_as",
            "date_of_birth",
            "expected_date_of_birth",
            "sex",
            "nhs_number",
        ):
            person = _Person(*values)
            out[person.pk] = fields_from_person(
                person, previous.get(person.pk, ()), addresses.get(person.pk, ())
            )
    return out


def candidate_pairs(*, progress: Progress | None = None) -> Iterator[list[tuple[int, int]]]:
    """Lists of (smaller id, larger id) candidate pairs, one list per slice of person ids."""
    ids = Person.objects.filter(merged_into__isnull=True).order_by("pk")
    low = ids.values_list("pk", flat=True).first()
    high = ids.reverse().values_list("pk", flat=True).first()
    if low is None or high is None:
        return
    sql = _pair_sql()
    total = high - low + 1
    for start in range(low, high + 1, ID_SLICE):
        with connection.cursor() as cursor:
            cursor.execute(sql, [start, start + ID_SLICE, MAX_KEY_PEOPLE])
            pairs = [(int(a), int(b)) for a, b in cursor.fetchall()]
        yield pairs
        if progress is not None:
            progress(min(start + ID_SLICE, high + 1) - low, total)


def pairs_above(
    threshold: float = DUPLICATE_THRESHOLD, *, progress: Progress | None = None
) -> Iterator[ScoredPair]:
    """Every candidate pair scoring at least `threshold`, each pair once. Writes nothing.

    Usable by a benchmark to measure precision and recall against known duplicates.
    """
    for pairs in candidate_pairs(progress=progress):
        fields = load_fields({i for pair in pairs for i in pair})
        for a, b in pairs:
            if a not in fields or b not in fields:
                continue
            points, reasons, _ = evidence(fields[a], fields[b])
            score = to_score(points, reasons)
            if score >= threshold:
                yield ScoredPair(first=a, second=b, score=score, reasons=reasons)


def find_duplicates(
    *, threshold: float = DUPLICATE_THRESHOLD, progress: Progress | None = None
) -> int:
    """Record every pair scoring at least `threshold` as an open DuplicateCandidate.

    Pairs already decided (not the same person, or merged) are left as they are and never
    re-opened. Open pairs from an earlier run that no longer reach the threshold are removed, so
    the queue shows what the records say now. Returns the number of open candidates.
    """
    found = {(p.first, p.second): p for p in pairs_above(threshold, progress=progress)}
    with transaction.atomic():
        existing = {
            (c.first_id, c.second_id): c
            for c in DuplicateCandidate.objects.only("id", "first", "second", "status", "score")
        }
        new, changed = [], []
        for pair_ids, pair in found.items():
            candidate = existing.get(pair_ids)
            if candidate is None:
                new.append(
                    DuplicateCandidate(
                        first_id=pair.first,
                        second_id=pair.second,
                        score=pair.score,
                        reasons=pair.reasons,
                        status=DuplicateCandidate.Status.OPEN,
                    )
                )
            elif candidate.status == DuplicateCandidate.Status.OPEN:
                candidate.score, candidate.reasons = pair.score, pair.reasons
                changed.append(candidate)
        stale = [
            c.pk
            for ids, c in existing.items()
            if c.status == DuplicateCandidate.Status.OPEN and ids not in found
        ]
        for start in range(0, len(stale), LOAD_BATCH):
            DuplicateCandidate.objects.filter(pk__in=stale[start : start + LOAD_BATCH]).delete()
        DuplicateCandidate.objects.bulk_create(new, batch_size=500)
        DuplicateCandidate.objects.bulk_update(changed, ["score", "reasons"], batch_size=500)
        return DuplicateCandidate.objects.filter(status=DuplicateCandidate.Status.OPEN).count()

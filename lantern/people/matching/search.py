"""Finding a known person from a name, date of birth, postcode and NHS number in any mix.

One query finds candidates through the MatchKey index (ranked by how many keys they share with
the search, at most CANDIDATE_CAP of them); three load their names, previous names and addresses
as plain values (no model objects: building them was most of the time at 500,000 people); they
are re-ranked in Python with the scorer's evidence; one last query loads the people shown.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from lantern.people.matching.duplicates import load_fields
from lantern.people.matching.normalise import forename_codes, phonetic, vowel_initial
from lantern.people.matching.score import (
    Fields,
    band,
    evidence,
    fields_from_query,
    to_score,
)
from lantern.people.models import MatchKey, Person

CANDIDATE_CAP = 200


@dataclass
class Match:
    person: Person
    score: float  # 0..1
    reasons: list[str]
    band: str  # "strong", "possible" or "weak"


def _name_codes(word: str) -> set[str]:
    """Every code a typed name word may be stored under: as a surname and as a first name."""
    return ({phonetic(word)} | forename_codes(word)) - {""}


def query_keys(query: Fields) -> set[str]:
    """The MatchKey keys to look up for a search, with its expansions (swapped names,
    nicknames, day and month swapped)."""
    keys: set[str] = set()
    if query.nhs:
        keys.add(f"nhs:{query.nhs}")
    keys.update(f"pc:{pc}" for pc in query.postcodes)
    if query.dob is not None:
        for day in (query.dob.as_date(), query.dob.swapped()):
            if day is not None:
                keys.add(f"dob:{day.isoformat()}")
    words = [w for w in (query.forename, *query.surnames[:1]) if w]
    codes = [_name_codes(w) for w in words]
    if query.dob is not None:
        for word_codes in codes:
            keys.update(f"ny:{code}:{query.dob.year}" for code in word_codes)
    if len(codes) == 2:
        for first in codes[0]:
            for last in codes[1]:
                # Either word may be the forename (swapped names): fold each in turn.
                keys.add("fs:{}:{}".format(*sorted((vowel_initial(first), last))))
                keys.add("fs:{}:{}".format(*sorted((first, vowel_initial(last)))))
    elif len(codes) == 1 and query.dob is None:
        keys.update(f"sn:{code}" for code in codes[0])
    return keys


def search(
    *,
    name: str = "",
    dob: str = "",
    postcode: str = "",
    nhs_number: str = "",
    limit: int = 20,
    queryset: QuerySet[Person] | None = None,
) -> list[Match]:
    """People who may be the one described, best first. [] when nothing usable was given.

    People merged into another record are left out (their survivor stands for them).
    `queryset` restricts the candidates (e.g. to the people the user may see).
    """
    query = fields_from_query(name=name, dob=dob, postcode=postcode, nhs_number=nhs_number)
    keys = query_keys(query)
    if not keys:
        return []
    hits = MatchKey.objects.filter(key__in=sorted(keys))  # merged people have no keys
    if queryset is not None:
        hits = hits.filter(person_id__in=queryset.values("pk"))
    ids = list(
        hits.values("person_id")
        .annotate(hits=Count("id"))
        .order_by("-hits", "person_id")
        .values_list("person_id", flat=True)[:CANDIDATE_CAP]
    )
    if not ids:
        return []
    # Score plain values (three queries, no model objects), then load only the people shown.
    ranked = []
    for pk, fields in load_fields(ids).items():
        points, reasons, _ = evidence(query, fields)
        ranked.append((to_score(points, reasons), points, pk, reasons))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    ranked = ranked[:limit]
    people = Person.objects.filter(merged_into__isnull=True).in_bulk([pk for _, _, pk, _ in ranked])
    return [
        Match(person=people[pk], score=score, reasons=reasons, band=band(score))
        for score, _, pk, reasons in ranked
        if pk in people
    ]

"""Blocking keys: the indexed MatchKey rows through which search and the duplicate finder find
candidates without reading the whole table.

Keys (all under 80 characters; CODE is a Metaphone code of at most 6 characters):

- ``dob:YYYY-MM-DD``  date of birth (or expected date of birth for an unborn child)
- ``pc:DN311AA``      each postcode the person has lived at, current and past, without spaces
- ``nhs:9434765919``  NHS number
- ``ny:CODE:YYYY``    each name with the birth year: the surname, every previous surname, and the
                      formal form of the first name, known-as and previous first names
                      (Bill → William), so a surname change or swapped names still share a key
- ``fs:CODE:CODE``    first name (formal form) with surname, the two codes in sorted order so
                      "Smith William" meets "William Smith"; also for previous names. A first
                      vowel of the forename code is folded to A (Amelia/Emilia).
- ``sn:CODE``         surname alone (current and previous), for a search by surname only
- ``ps:DN311AA:CODE`` each postcode with each surname code; ``pf:DN311AA:CODE`` with each
                      forename code: small blocks for the duplicate finder
"""

from collections.abc import Iterable

from lantern.people.matching.normalise import forename_codes, phonetic, vowel_initial
from lantern.people.matching.score import Fields, fields_from_person
from lantern.people.models import Address, MatchKey, Person, PreviousName


def keys_from_fields(fields: Fields) -> set[str]:
    keys: set[str] = set()
    year = fields.birth_year
    if fields.dob is not None and (day := fields.dob.as_date()) is not None:
        keys.add(f"dob:{day.isoformat()}")
    if fields.nhs:
        keys.add(f"nhs:{fields.nhs}")
    keys.update(f"pc:{pc}" for pc in fields.postcodes)
    surname_codes = {phonetic(s) for s in fields.surnames + fields.previous_surnames} - {""}
    first_codes: set[str] = set()
    for forename in fields.forenames:
        first_codes |= forename_codes(forename)
    first_codes.discard("")
    for code in surname_codes:
        keys.add(f"sn:{code}")
    if year is not None:
        keys.update(f"ny:{code}:{year}" for code in surname_codes | first_codes)
    # A postcode is shared by a street of households and a common name+year by a crowd; at the
    # scale of a whole authority both are too common to pair on. Name codes *at* a postcode make
    # small blocks (one family) that still bring together a record with a wrong year of birth,
    # a misspelt forename or a missing NHS number.
    for pc in fields.postcodes:
        keys.update(f"ps:{pc}:{code}" for code in surname_codes)
        keys.update(f"pf:{pc}:{code}" for code in first_codes)
    for first in {vowel_initial(code) for code in first_codes}:
        for last in surname_codes:
            keys.add("fs:{}:{}".format(*sorted((first, last))))
    return keys


def keys_for(person, previous_names: Iterable = (), addresses: Iterable = ()) -> set[str]:
    """The blocking keys of a person, its previous names and addresses. Pure: no queries."""
    return keys_from_fields(fields_from_person(person, list(previous_names), list(addresses)))


def refresh_keys(person: Person) -> None:
    """Recompute a person's keys from the database and replace their MatchKey rows.

    Call inside the transaction of every write to a person, a previous name or an address.
    """
    # A person merged into another has no keys: their survivor is found instead, and the
    # search's key lookup needs no join to the people table.
    wanted = (
        set()
        if person.merged_into_id
        else keys_for(
            person,
            PreviousName.objects.filter(person=person),
            Address.objects.filter(person=person),
        )
    )
    existing = set(MatchKey.objects.filter(person=person).values_list("key", flat=True))
    if stale := existing - wanted:
        MatchKey.objects.filter(person=person, key__in=stale).delete()
    if new := wanted - existing:
        MatchKey.objects.bulk_create(
            [MatchKey(person=person, key=key) for key in sorted(new)], ignore_conflicts=True
        )


def bulk_rows(persons_with_related: Iterable) -> list[MatchKey]:
    """Unsaved MatchKey rows for many people, for a bulk loader to `bulk_create`.

    Each item is a (person, previous_names, addresses) triple, or a saved Person whose
    `previous_names` and `addresses` were prefetched.
    """
    rows: list[MatchKey] = []
    for item in persons_with_related:
        if isinstance(item, tuple):
            person, previous_names, addresses = item
        else:
            person, previous_names, addresses = (
                item,
                item.previous_names.all(),
                item.addresses.all(),
            )
        rows.extend(
            MatchKey(person_id=person.pk, key=key)
            for key in sorted(keys_for(person, previous_names, addresses))
        )
    return rows

"""Comparing two people (or a search and a person): a score from 0 to 1 and reasons in plain words.

Each comparison adds or takes away evidence points (see the package docstring for the table);
the total is turned into a score with a logistic curve, then the twin guard caps it.
"""

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from lantern.people.matching.nicknames import are_nicknames
from lantern.people.matching.normalise import (
    DateQuery,
    name_words,
    nhs_key,
    parse_dob,
    phonetic,
    postcode_key,
    surname_forms,
)
from lantern.people.models.address import household_key

# Score = logistic((points - MIDPOINT) / SCALE).
MIDPOINT = 9.0
SCALE = 1.5
# Bands for search results and the default duplicate threshold (see the package docstring).
STRONG = 0.85
POSSIBLE = 0.3
DUPLICATE_THRESHOLD = 0.75
# The most a pair caught by the twin guard may score (always "weak").
TWIN_CAP = 0.25

TWIN_REASON = (
    "different first name at the same address and date of birth (possible twin or sibling)"
)
TWIN_REASON_NO_ADDRESS = "different first name with the same surname and date of birth"


@dataclass(frozen=True)
class Fields:
    """What is compared about a person, or about what was searched for. All text is folded."""

    pk: int | None = None
    forename: str = ""
    other_forenames: tuple[str, ...] = ()  # known as, previous first names
    middle_names: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()  # current surname: whole, then each part if double-barrelled
    previous_surnames: tuple[str, ...] = ()
    sex: str = ""  # "M", "F" or "" when not known
    dob: DateQuery | None = None
    dob_is_expected: bool = False
    nhs: str = ""
    postcodes: frozenset[str] = field(default_factory=frozenset)
    households: frozenset[str] = field(default_factory=frozenset)
    towns: frozenset[str] = field(default_factory=frozenset)

    @property
    def forenames(self) -> tuple[str, ...]:
        return ((self.forename,) if self.forename else ()) + self.other_forenames

    @property
    def birth_year(self) -> int | None:
        return self.dob.year if self.dob else None


def fields_from_person(person, previous_names: Iterable = (), addresses: Iterable = ()) -> Fields:
    """Fields of a Person (or anything with its attribute names) and its related rows."""
    first_words = name_words(person.first_name)
    others: list[str] = []
    for text in [getattr(person, "known_as", ""), *(p.first_name for p in previous_names)]:
        for word in name_words(text)[:1]:
            if word not in others and (not first_words or word != first_words[0]):
                others.append(word)
    previous: list[str] = []
    current = surname_forms(person.last_name)
    for prev in previous_names:
        for form in surname_forms(prev.last_name):
            if form not in current and form not in previous:
                previous.append(form)
    dob = person.date_of_birth or getattr(person, "expected_date_of_birth", None)
    postcodes, households, towns = set(), set(), set()
    for address in addresses:
        if pc := postcode_key(address.postcode):
            postcodes.add(pc)
            households.add(address.household or household_key(address.line1, address.postcode))
        if town := " ".join(name_words(address.town)):
            towns.add(town)
    return Fields(
        pk=person.pk,
        forename=first_words[0] if first_words else "",
        other_forenames=tuple(others),
        middle_names=tuple(first_words[1:] + name_words(getattr(person, "middle_names", ""))),
        surnames=tuple(current),
        previous_surnames=tuple(previous),
        sex=person.sex if person.sex in ("M", "F") else "",
        dob=parse_dob(dob) if dob else None,
        dob_is_expected=person.date_of_birth is None and dob is not None,
        nhs=nhs_key(person.nhs_number),
        postcodes=frozenset(postcodes),
        households=frozenset(households),
        towns=frozenset(towns),
    )


def fields_from_query(
    *, name: str = "", dob: str = "", postcode: str = "", nhs_number: str = ""
) -> Fields:
    """Fields of what was typed into a search: 'Smith, William' or 'William James Smith'."""
    forename, middle, surname = "", [], ""
    if "," in name:
        before, _, after = name.partition(",")
        surname_words, given = name_words(before), name_words(after)
        surname = "".join(surname_words)
        forename, middle = (given[0], given[1:]) if given else ("", [])
    else:
        words = name_words(name)
        if len(words) == 1:
            surname = words[0]
        elif words:
            forename, middle, surname = words[0], words[1:-1], words[-1]
    pc = postcode_key(postcode)
    return Fields(
        forename=forename,
        middle_names=tuple(middle),
        surnames=tuple(surname_forms(surname)),
        dob=parse_dob(dob),
        nhs=nhs_key(nhs_number),
        postcodes=frozenset({pc} if pc else ()),
    )


class Level(IntEnum):
    """How well two name words agree, worst to best."""

    DIFFERENT = 0
    INITIAL = 1
    SPELT_SIMILARLY = 2
    SOUNDS_SAME = 3
    NICKNAME = 4
    SAME = 5


def word_level(a: str, b: str, *, forename: bool) -> Level:
    if not a or not b:
        return Level.DIFFERENT
    if a == b:
        return Level.SAME
    if len(a) == 1 or len(b) == 1:
        return Level.INITIAL if a[0] == b[0] else Level.DIFFERENT
    if forename and are_nicknames(a, b):
        return Level.NICKNAME
    similarity = JaroWinkler.similarity(a, b)
    # Metaphone drops vowels (Kyle/Kelly, Diane/Tony), so sounding alike needs some likeness.
    if min(len(a), len(b)) >= 3 and similarity >= 0.75 and phonetic(a) == phonetic(b):
        return Level.SOUNDS_SAME
    if a[0] != b[0]:  # a slip in the first letter is rare; Tracey/Stacey are sisters
        return Level.DIFFERENT
    slips = DamerauLevenshtein.distance(a, b)
    if similarity >= 0.88 and slips <= 2 and abs(len(a) - len(b)) <= 1:  # not Mary/Marilyn
        return Level.SPELT_SIMILARLY
    # One slip. In a short name only a missing, extra or transposed letter counts: a changed
    # letter often makes another real name (Ava/Eva, Leo/Lea).
    if slips == 1 and (min(len(a), len(b)) >= 4 or len(a) != len(b) or sorted(a) == sorted(b)):
        return Level.SPELT_SIMILARLY
    return Level.DIFFERENT


def _best(words_a: Iterable[str], words_b: Iterable[str], *, forename: bool) -> Level:
    words_b = tuple(words_b)
    best = Level.DIFFERENT
    for a in words_a:
        for b in words_b:
            level = word_level(a, b, forename=forename)
            if level > best:
                best = level
                if best == Level.SAME:
                    return best
    return best


_FORENAME_POINTS = {
    Level.SAME: (4.0, "same first name"),
    Level.NICKNAME: (3.5, "first name is a short form of the other"),
    Level.SOUNDS_SAME: (3.0, "first name sounds the same"),
    Level.SPELT_SIMILARLY: (2.5, "first name spelt similarly"),
    Level.INITIAL: (1.0, "same first initial"),
    Level.DIFFERENT: (-4.0, "different first name"),
}
_SURNAME_POINTS = {
    Level.SAME: (4.0, "same surname"),
    Level.NICKNAME: (3.5, "name is a short form of the other"),  # only when swapped
    Level.SOUNDS_SAME: (3.5, "surname sounds the same"),
    Level.SPELT_SIMILARLY: (3.0, "surname spelt similarly"),
    Level.INITIAL: (0.5, "same surname initial"),
    Level.DIFFERENT: (-3.0, "different surname"),
}


@dataclass
class _Names:
    points: float = 0.0
    reasons: list[str] = field(default_factory=list)
    forename: Level | None = None  # None when one side has no forename
    surname: Level | None = None


def _compare_names(
    a_forenames: tuple[str, ...],
    a_middle: tuple[str, ...],
    a_surnames: tuple[str, ...],
    a_previous: tuple[str, ...],
    b: Fields,
    *,
    swapped: bool = False,
) -> _Names:
    out = _Names()
    if a_forenames and b.forenames:
        level = _best(a_forenames, b.forenames, forename=True)
        if level == Level.DIFFERENT and (
            _best(a_forenames, b.middle_names, forename=True) >= Level.NICKNAME
            or _best(a_middle, b.forenames, forename=True) >= Level.NICKNAME
        ):
            # Some evidence, but twins are often given each other's names as middle names, so
            # for the twin guard it is still a different first name.
            out.points += 1.0
            out.reasons.append("first name matches a middle name")
            out.forename = Level.DIFFERENT
        else:
            points, reason = _FORENAME_POINTS[level]
            out.points += points
            out.reasons.append(reason)
            out.forename = level
        if (
            level != Level.DIFFERENT
            and a_middle
            and b.middle_names
            and _best(a_middle, b.middle_names, forename=True) < Level.SPELT_SIMILARLY
        ):
            out.points -= 2.5
            out.reasons.append("different middle name")
    if a_surnames and b.surnames:
        # Swapped, a's "surname" is its first name, so it may be a nickname of b's.
        whole = _best(a_surnames[:1], b.surnames[:1], forename=swapped)
        parts = _best(a_surnames, b.surnames, forename=False)
        previous = max(
            _best(a_surnames, b.previous_surnames, forename=False),
            _best(a_previous, b.surnames + b.previous_surnames, forename=False),
        )
        if whole >= Level.SPELT_SIMILARLY and whole >= previous:
            points, reason = _SURNAME_POINTS[whole]
            out.surname = whole
        elif previous >= Level.SPELT_SIMILARLY:
            points = 3.5 if previous == Level.SAME else 3.0
            reason = "matches a previous surname"
            out.surname = previous
        elif parts >= Level.SPELT_SIMILARLY:
            points, reason = 3.0, "matches part of a double-barrelled surname"
            out.surname = parts
        else:
            points, reason = _SURNAME_POINTS[max(whole, parts, previous)]
            out.surname = max(whole, parts, previous)
        out.points += points
        out.reasons.append(reason)
    return out


def _one_digit_apart(a: datetime.date, b: datetime.date) -> bool:
    x, y = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    return sum(c != d for c, d in zip(x, y, strict=True)) == 1 and abs(a.year - b.year) <= 10


def _compare_dob(a: DateQuery | None, b: DateQuery | None, *, expected: bool) -> tuple[float, str]:
    """(points, reason) for two dates of birth, either perhaps partial."""
    if a is None or b is None:
        return 0.0, ""
    da, db = a.as_date(), b.as_date()
    if da and db:
        if expected:
            days = abs((da - db).days)
            if days == 0:
                return 3.0, "same date of birth (one is an expected date)"
            if days <= 42:
                return 1.5, "born close to the expected date of birth"
            return -2.0, "different date of birth"
        if da == db:
            return 5.0, "same date of birth"
        if a.swapped() == db:
            return 4.0, "date of birth with day and month swapped"
        if abs((da - db).days) == 1:
            return 2.5, "date of birth one day apart"
        if _one_digit_apart(da, db):
            return 2.5, "date of birth differs by one digit"
        if da.year == db.year:
            return -4.0, "different date of birth"
        return -6.0, "different date of birth"
    # At least one side knows only the year, or the year and month.
    if a.year != b.year:
        return (-2.0 if expected else -4.0), "different year of birth"
    if a.month is not None and b.month is not None:
        if a.month == b.month:
            return 2.5, "same year and month of birth"
        if b.day == a.month or a.day == b.month:
            return 1.5, "same year of birth, month may be the day"
        return -2.0, "same year but different month of birth"
    return 1.5, "same year of birth"


def _compare_location(a: Fields, b: Fields) -> tuple[float, str, bool]:
    """One comparison for postcode, address and town, so together they cannot outweigh a name.

    Returns (points, reason, same place).
    """
    if a.households & b.households:
        return 3.0, "same address", True
    if a.postcodes & b.postcodes:
        return 2.5, "postcode matches", True
    if a.towns & b.towns:
        return 0.5, "same town", False
    if a.postcodes and b.postcodes:
        return 0.0, "different postcode", False
    return 0.0, "", False


def as_fields(value) -> Fields:
    """Fields as they are, or a Person's (its previous names and addresses are read)."""
    if isinstance(value, Fields):
        return value
    if value.pk is None:  # unsaved: no related rows yet
        return fields_from_person(value)
    return fields_from_person(value, value.previous_names.all(), value.addresses.all())


def compare(a, b) -> tuple[float, list[str]]:
    """Score (0..1) and reasons that `a` and `b` are the same person.

    Each is a `Fields` (from `fields_from_person` or `fields_from_query`) or a Person.
    """
    points, reasons, _ = evidence(as_fields(a), as_fields(b))
    return to_score(points, reasons), reasons


def to_score(points: float, reasons: list[str]) -> float:
    score = 1.0 / (1.0 + math.exp(-(points - MIDPOINT) / SCALE))
    if TWIN_REASON in reasons or TWIN_REASON_NO_ADDRESS in reasons:
        score = min(score, TWIN_CAP)
    return round(score, 4)


def evidence(a: Fields, b: Fields) -> tuple[float, list[str], bool]:
    """(points, reasons, twin guard applied). The raw material of `compare`."""
    names = _compare_names(a.forenames, a.middle_names, a.surnames, a.previous_surnames, b)
    if a.forename and a.surnames:  # try the names the other way round
        swapped_surnames = (a.forename,)
        swapped = _compare_names(
            tuple(a.surnames[:1]), a.middle_names, swapped_surnames, (), b, swapped=True
        )
        swapped.points -= 0.5
        if swapped.points > names.points + 0.25:
            swapped.reasons.insert(0, "first and last names swapped")
            names = swapped
    elif not a.forename and a.surnames and b.forenames:  # one word: maybe a first name
        as_forename = _compare_names(tuple(a.surnames[:1]), (), (), (), b)
        if as_forename.points > names.points:
            names = as_forename
    points, reasons = names.points, list(names.reasons)

    dob_points, dob_reason = _compare_dob(
        a.dob, b.dob, expected=a.dob_is_expected or b.dob_is_expected
    )
    points += dob_points
    if dob_reason:
        reasons.append(dob_reason)

    loc_points, loc_reason, same_place = _compare_location(a, b)
    points += loc_points
    if loc_reason:
        reasons.append(loc_reason)

    if a.nhs and b.nhs:
        if a.nhs == b.nhs:
            points += 9.0
            reasons.append("same NHS number")
        else:
            points -= 8.0
            reasons.append("different NHS number")
    if a.sex and b.sex and a.sex != b.sex:
        points -= 5.0
        reasons.append("different sex recorded")

    # The twin guard: same surname and date of birth but a different first name.
    twin = (
        names.forename == Level.DIFFERENT
        and names.surname is not None
        and names.surname >= Level.SPELT_SIMILARLY
        and dob_points >= 3.0
    )
    if twin:
        reasons.append(TWIN_REASON if same_place else TWIN_REASON_NO_ADDRESS)
    return points, reasons, twin


def band(score: float) -> str:
    if score >= STRONG:
        return "strong"
    if score >= POSSIBLE:
        return "possible"
    return "weak"

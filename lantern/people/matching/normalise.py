"""Turning what was typed into comparable pieces: names, dates of birth, postcodes, NHS numbers.

Pure functions, no database.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import jellyfish

from lantern.people.matching.nicknames import canonical

_NOT_LETTER = re.compile(r"[^a-z]+")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "master", "baby", "unborn"})


def fold(text: str) -> str:
    """Lower case ASCII letters and single spaces: 'Zoë  O'Brien-Smith' → 'zoe obrien smith'.

    Apostrophes vanish (O'Brien → obrien); hyphens and other marks split words.
    """
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("\u2019", "")
    return " ".join(_NOT_LETTER.split(text)).strip()


def name_words(text: str) -> list[str]:
    """The words of a name, folded, without titles: 'Mrs Kate O'Neil' → ['kate', 'oneil']."""
    return [w for w in fold(text).split() if w not in _TITLES]


def surname_forms(text: str) -> list[str]:
    """A surname as a whole and, when double-barrelled, each part: 'Smith-Jones' → 3 forms."""
    words = name_words(text)
    if not words:
        return []
    whole = "".join(words)
    return [whole, *[w for w in words if w != whole and len(w) > 1]]


@cache
def phonetic(word: str) -> str:
    """A sound-alike code for one folded word (Metaphone, at most 6 characters).

    Smith/Smyth → SM0, Catherine/Kathryn → K0RN. A few spellings Metaphone keeps apart are
    merged first (Thompson/Thomson, Mac/Mc).
    """
    if not word:
        return ""
    word = re.sub(r"(.)\1+", r"\1", word)  # double letters
    word = word.replace("mps", "ms").replace("mpt", "mt")
    if word.startswith("mac"):
        word = "mc" + word[3:]
    code = jellyfish.metaphone(word).upper()
    return (code or word.upper())[:6]


def vowel_initial(code: str) -> str:
    """Metaphone keeps a first vowel as written; a name heard, not read, may start with any
    (Amelia/Emilia, Isobel/Esobel). For the fs: key only, all first vowels count as A, so the
    person is a candidate; the score still says the first names differ."""
    return "A" + code[1:] if code[:1] in {"A", "E", "I", "O", "U"} else code


def forename_codes(word: str) -> set[str]:
    """Phonetic codes of the formal names a forename stands for: 'bill' → {'WLM'}."""
    return {phonetic(formal) for formal in canonical(word)} if word else set()


def postcode_key(text: str) -> str:
    """Upper case without spaces: ' dn31  1aa' → 'DN311AA'."""
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def nhs_key(text: str) -> str:
    """Digits only: '943 476 5919' → '9434765919'; anything not ten digits → ''."""
    digits = re.sub(r"\D", "", text or "")
    return digits if len(digits) == 10 else ""


@dataclass(frozen=True)
class DateQuery:
    """A date of birth as far as it is known: the year, and maybe the month, and maybe the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def is_full(self) -> bool:
        return self.day is not None and self.month is not None

    def as_date(self) -> datetime.date | None:
        if self.month is None or self.day is None:
            return None
        return _safe_date(self.year, self.month, self.day)

    def swapped(self) -> datetime.date | None:
        """The date with day and month transposed, if that is a different real date."""
        if not self.is_full or self.day == self.month:
            return None
        return _safe_date(self.year, self.day, self.month)


def _safe_date(year: int, month: int | None, day: int | None) -> datetime.date | None:
    try:
        return datetime.date(year, month or 0, day or 0)
    except ValueError:
        return None


def _year(text: str) -> int | None:
    if len(text) == 4:
        year = int(text)
    elif len(text) == 2:  # 02/03/15: the most recent matching year not in the future
        year = 2000 + int(text)
        if year > datetime.date.today().year:
            year -= 100
    else:
        return None
    return year if 1880 <= year <= 2200 else None


def parse_dob(text: str | datetime.date | None) -> DateQuery | None:
    """Read a date of birth in the forms people type; None when it cannot be read.

    Accepts 2015-03-02, 02/03/2015, 2/3/2015, 2.3.15, 2015-03, 03/2015, 2015 and dates. Day
    first, as in England. A month that cannot be real is read as
    month/day if that makes a real date (12/25/2015).
    """
    if text is None or text == "":
        return None
    if isinstance(text, datetime.date):
        return DateQuery(text.year, text.month, text.day)
    parts = [p for p in re.split(r"[^0-9]+", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        return None
    if len(parts) == 1 and len(parts[0]) == 8:  # 20150302 or 02032015
        p = parts[0]
        parts = [p[:4], p[4:6], p[6:]] if int(p[:4]) > 1800 else [p[:2], p[2:4], p[4:]]
    if len(parts[0]) == 4:  # year first: Y, Y-M, Y-M-D
        year = _year(parts[0])
        rest = [int(p) for p in parts[1:3]]
        month, day = (rest + [None, None])[:2]
    else:  # day first: D/M/Y or M/Y
        year = _year(parts[-1])
        rest = [int(p) for p in parts[:-1]][-2:]
        if len(rest) == 2:
            day, month = rest
        elif len(rest) == 1:
            day, month = None, rest[0]
        else:
            return None
    if year is None:
        return None
    if month is not None and day is not None:
        if _safe_date(year, month, day) is None:
            if _safe_date(year, day, month) is None:
                return None
            month, day = day, month
    elif month is not None and not 1 <= month <= 12:
        return None
    return DateQuery(year, month, day)

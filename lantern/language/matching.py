"""Finding minimising phrases in text. Pure functions: no database."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True)
class Match:
    phrase: str
    reason: str
    suggestion: str
    start: int
    end: int
    excerpt: str  # the sentence it was found in, trimmed


def _pattern(phrase: str) -> re.Pattern:
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip())]
    # Whole words, spaces or hyphens between them, any case: "over chastisement" finds
    # "Over-chastisement"; "smack" does not find "smacked".
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"\b", re.IGNORECASE)


def _excerpt(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence around the match, and that sentence lower-cased for context words."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= start < m.end():
            sentence = m.group().strip()
            return (sentence[:297] + "…" if len(sentence) > 300 else sentence), sentence.lower()
    return text[max(0, start - 60) : end + 60].strip(), text.lower()


def find_phrases(text: str, phrases: Iterable) -> list[Match]:
    """Every occurrence of each phrase (objects with phrase, reason, suggestion, unless_near)
    in `text`, in the order they appear. An occurrence is skipped when its sentence contains
    one of the phrase's `unless_near` words (the context that makes it acceptable)."""
    if not text or not text.strip():
        return []
    out: list[Match] = []
    for p in phrases:
        near = [w.lower() for w in (p.unless_near or [])]
        for m in _pattern(p.phrase).finditer(text):
            excerpt, sentence = _excerpt(text, m.start(), m.end())
            if any(re.search(r"\b" + re.escape(w), sentence) for w in near):
                continue
            out.append(Match(p.phrase, p.reason, p.suggestion, m.start(), m.end(), excerpt))
    return sorted(out, key=lambda m: m.start)

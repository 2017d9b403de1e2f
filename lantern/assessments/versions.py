"""What changed between saved versions of an assessment, from its row history
(django-simple-history) and its factors' row history, compared field by field with difflib.

Each save of the draft (including autosaves) is a version; so are submitting, returning and
authorising. Three queries for the whole list, however many versions."""

import datetime
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils import timezone

from lantern.accounts.models import User
from lantern.assessments.codes import AssessmentFactorCode, factor_sort_key
from lantern.assessments.models import SECTION_LABELS, Assessment, AssessmentFactor

_EXTRA = {
    "status": "Status",
    "child_seen_on": "Date the child was seen",
    "seen_alone": "Seen alone",
    "factors": "Factors identified",
    "outcome": "Outcome",
}
# The fields compared, in the order the assessment is written.
FIELD_LABELS: dict[str, str] = {
    name: SECTION_LABELS.get(name) or _EXTRA[name]
    for name in (
        "status",
        "lived_experience",
        "voice_how",
        "voice_said",
        "child_seen_on",
        "seen_alone",
        "not_seen_alone_reason",
        "identity_needs",
        "history_analysis",
        "parenting_capacity",
        "family_environment",
        "analysis",
        "factors",
        "outcome",
        "outcome_reason",
    )
}


@dataclass
class Version:
    number: int
    saved_at: datetime.datetime
    saved_by: str
    values: dict[str, str]
    changed: list[str] = field(default_factory=list)  # field names changed from the previous

    @property
    def changed_labels(self) -> list[str]:
        return [FIELD_LABELS[name] for name in self.changed]


@dataclass
class FieldDiff:
    name: str
    label: str
    # (kind, text) pieces in order: kind is "equal", "delete" or "insert".
    pieces: list[tuple[str, str]]


def _shown(name: str, record, factors: set[str]) -> str:
    if name == "factors":
        return "\n".join(
            f"{code} {AssessmentFactorCode(code).label}"
            for code in sorted(factors, key=factor_sort_key)
        )
    value = getattr(record, name)
    if name == "status":
        return Assessment.Status(value).label
    if name == "outcome":
        return Assessment.Outcome(value).label if value else ""
    if name == "seen_alone":
        return {True: "Yes", False: "No"}.get(value, "")
    if name == "child_seen_on":
        return f"{value:%-d %B %Y}" if value else ""
    return value or ""


def assessment_versions(assessment: Assessment) -> list[Version]:
    """Every saved version, oldest first, each with what changed from the one before."""
    records = list(
        Assessment.history.filter(id=assessment.pk).order_by("history_date", "history_id")
    )
    events = list(
        AssessmentFactor.history.filter(assessment_id=assessment.pk)
        .order_by("history_date", "history_id")
        .values_list("history_date", "history_type", "id", "code")
    )
    users = User.objects.in_bulk({r.updated_by_id for r in records if r.updated_by_id})
    factors: dict[int, str] = {}
    by_number: dict[int, Version] = {}
    i = 0
    for record in records:
        # Factors are saved just before the assessment in the same save.
        while i < len(events) and events[i][0] <= record.history_date:
            _, kind, factor_id, code = events[i]
            if kind == "-":
                factors.pop(factor_id, None)
            else:
                factors[factor_id] = code
            i += 1
        user = users.get(record.updated_by_id)
        by_number[record.version] = Version(
            number=record.version,
            saved_at=record.history_date,
            saved_by=(user.get_full_name() or user.username) if user else "Lantern",
            values={name: _shown(name, record, set(factors.values())) for name in FIELD_LABELS},
        )
    versions = sorted(by_number.values(), key=lambda v: v.number)
    for before, after in zip(versions, versions[1:], strict=False):
        after.changed = [n for n in FIELD_LABELS if before.values[n] != after.values[n]]
    return versions


_TOKENS = re.compile(r"(\s+)")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The words removed and added between two texts, with the unchanged words between."""
    a, b = _TOKENS.split(old), _TOKENS.split(new)
    pieces: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(b[j1:j2])))
    return [p for p in pieces if p[1]]


def line_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The lines removed and added (for the factors, one per line, and single values)."""
    a, b = old.splitlines(), new.splitlines()
    pieces: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.extend(("equal", line + "\n") for line in a[i1:i2])
            continue
        pieces.extend(("delete", line + "\n") for line in a[i1:i2])
        pieces.extend(("insert", line + "\n") for line in b[j1:j2])
    return pieces


def compare(older: Version, newer: Version) -> list[FieldDiff]:
    """The fields that differ between two versions: the writing word by word, the factors and
    other choices line by line."""
    return [
        FieldDiff(
            name,
            label,
            (word_diff if name in SECTION_LABELS else line_diff)(
                older.values[name], newer.values[name]
            ),
        )
        for name, label in FIELD_LABELS.items()
        if older.values[name] != newer.values[name]
    ]


def saved_at_label(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%-d %b %Y %H:%M:%S}"

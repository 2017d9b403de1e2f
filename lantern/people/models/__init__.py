from lantern.people.models.access import BreakGlass, RecordView, RestrictedAccess
from lantern.people.models.address import Address, household_key
from lantern.people.models.allocation import Allocation
from lantern.people.models.chronology import ChronologyAnnotation, ChronologyEntry
from lantern.people.models.matching import DuplicateCandidate, MatchKey, Merge
from lantern.people.models.person import Person, PersonDisability, PreviousName
from lantern.people.models.relationship import Relationship
from lantern.people.models.warning import Warning

__all__ = [
    "Address",
    "Allocation",
    "BreakGlass",
    "ChronologyAnnotation",
    "ChronologyEntry",
    "DuplicateCandidate",
    "MatchKey",
    "Merge",
    "Person",
    "PersonDisability",
    "PreviousName",
    "RecordView",
    "Relationship",
    "RestrictedAccess",
    "Warning",
    "household_key",
]

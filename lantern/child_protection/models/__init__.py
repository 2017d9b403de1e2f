from lantern.child_protection.models.conference import Conference, ConferenceAttendee
from lantern.child_protection.models.core_group import CoreGroup

__all__ = ["Conference", "ConferenceAttendee", "CoreGroup"]

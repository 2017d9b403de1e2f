"""Every write to people, families, warnings, allocations and access goes through these."""

from lantern.people.services.access import (
    break_glass_open,
    person_restrict,
    record_view_log,
    restricted_access_grant,
    restricted_access_revoke,
)
from lantern.people.services.family import (
    address_add,
    address_end,
    previous_name_add,
    relationship_add,
    relationship_end,
)
from lantern.people.services.imports import people_import_csv
from lantern.people.services.merge import duplicate_dismiss, merge_undo, person_merge
from lantern.people.services.person import person_create, person_update
from lantern.people.services.work import (
    allocation_end,
    allocation_set,
    warning_add,
    warning_end,
    warning_review,
)

__all__ = [
    "address_add",
    "address_end",
    "allocation_end",
    "allocation_set",
    "break_glass_open",
    "duplicate_dismiss",
    "merge_undo",
    "people_import_csv",
    "person_create",
    "person_merge",
    "person_restrict",
    "person_update",
    "previous_name_add",
    "record_view_log",
    "relationship_add",
    "relationship_end",
    "restricted_access_grant",
    "restricted_access_revoke",
    "warning_add",
    "warning_end",
    "warning_review",
]

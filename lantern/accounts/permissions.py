"""Every permission in Lantern, and which roles hold it. The only place roles are mapped.

Views declare what they need with @requires("name") (function views) or `required_permission`
(API views); tests/integration/test_url_permissions.py walks every URL for every role.
Object-level rules (restricted records, allocation) live in the access selectors.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from lantern.accounts.roles import Role

PERMISSIONS: dict[str, str] = {
    "home.view": "See a home page",
    "person.search": "Search for people known to the service",
    "person.view": "Open a child's or adult's record (restricted records need a reason)",
    "person.create": "Record a new person",
    "person.edit": "Change a person's details, addresses, relationships and warnings",
    "person.import": "Import people from a legacy system's CSV extract",
    "person.merge": "Find duplicate people, merge them and undo merges",
    "chronology.annotate": "Mark chronology entries significant and add analysis notes",
    "access_log.view": "See who has viewed a record, and break-glass openings",
    "restricted.manage": "Restrict a record and name who may open it",
    "allocation.manage": "Allocate children to workers and teams",
    "checks.view": "See practice checks across the service",
    "calendar.view": "See the working-day calendar and timescale rules",
    "calendar.manage": "Edit local closure days and local timescale policy",
    "api.use": "Use the JSON API (with the same scoping as the pages)",
    "contact.view": "See the front door's contacts, screenings, referrals and strategy records",
    "contact.record": "Record a contact made by phone, email or in person",
    "contact.submit": "Submit a multi-agency referral form as a partner agency",
    "contact.own": "See the outcome of referrals one submitted (not the child's record)",
    "contact.screen": "Screen a contact: history summary, threshold, checks, recommendation",
    "contact.decide": "Make the manager's decision on a contact, and agree more time",
    "strategy.record": "Record strategy discussions and section 47 enquiries",
    "exploitation.record": "Screen for exploitation and record exploitation meetings",
    "threshold.manage": "Edit the local threshold document's levels and descriptors",
    "front_door.indicators": "See the front door's indicators (per agency, screening quality)",
    "casework.view": "See a child's assessments, plans, case notes, conferences and visits",
    "assessment.record": "Start and write child and family assessments",
    "assessment.authorise": "Authorise an assessment, or return it to the worker with comments",
    "plan.record": "Write, finalise and review child in need, child protection and safety plans",
    "casenote.record": "Record case notes and visits",
    "conference.record": "Record child protection conferences and core group meetings",
    "closure.request": "Propose closing a child's case or stepping it down to early help",
    "care.record": "Record periods of care, legal statuses, placements and carers",
    "care.review": "Record looked-after reviews and their decisions, and mark decisions done",
    "closure.approve": "Approve a closure or step-down, and override its checks with a reason",
    "language.manage": "Edit the list of minimising phrases the practice-language check looks for",
    "casework.indicators": "See the assessment, plan, conference and visit indicators",
}

_PRACTICE = {
    "home.view",
    "person.search",
    "person.view",
    "contact.view",
    "checks.view",
    "calendar.view",
    "api.use",
    "casework.view",
}
# Casework after a referral: assessments, plans, case notes, conferences, closure requests,
# and children in care (periods of care, legal statuses, placements, carers).
_CASEWORK = {
    "assessment.record",
    "plan.record",
    "casenote.record",
    "conference.record",
    "closure.request",
    "care.record",
    "care.review",
}
# Recording at the front door and in child protection enquiries.
_FRONT_DOOR = {
    "contact.record",
    "contact.screen",
    "strategy.record",
    "exploitation.record",
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.FRONT_DOOR: frozenset(_PRACTICE | _FRONT_DOOR | {"person.create", "person.edit"}),
    Role.SOCIAL_WORKER: frozenset(
        _PRACTICE
        | _FRONT_DOOR
        | _CASEWORK
        | {"person.create", "person.edit", "chronology.annotate"}
    ),
    Role.TEAM_MANAGER: frozenset(
        _PRACTICE
        | _FRONT_DOOR
        | _CASEWORK
        | {
            "contact.decide",
            "assessment.authorise",
            "closure.approve",
            "casework.indicators",
            "front_door.indicators",
            "person.create",
            "person.edit",
            "person.merge",
            "chronology.annotate",
            "access_log.view",
            "allocation.manage",
        }
    ),
    Role.HEAD_OF_SERVICE: frozenset(
        _PRACTICE
        | {
            "contact.decide",
            "strategy.record",
            "assessment.authorise",
            "closure.approve",
            "casework.indicators",
            "front_door.indicators",
            "person.merge",
            "chronology.annotate",
            "access_log.view",
            "restricted.manage",
            "allocation.manage",
        }
    ),
    # IROs chair conferences and reviews: they record conferences, looked-after reviews and
    # case notes.
    Role.IRO: frozenset(
        _PRACTICE | {"chronology.annotate", "conference.record", "casenote.record", "care.review"}
    ),
    Role.AUDITOR: frozenset(
        _PRACTICE | {"access_log.view", "front_door.indicators", "casework.indicators"}
    ),
    # Analysts work with figures and check lists, not with individual case records.
    Role.ANALYST: frozenset(
        {
            "home.view",
            "checks.view",
            "calendar.view",
            "api.use",
            "front_door.indicators",
            "casework.indicators",
        }
    ),
    # Administrators run the system; they do not read case records.
    Role.ADMINISTRATOR: frozenset(
        {
            "home.view",
            "person.search",
            "person.create",
            "person.import",
            "person.merge",
            "calendar.view",
            "calendar.manage",
            "restricted.manage",
            "threshold.manage",
            "language.manage",
            "api.use",
        }
    ),
    # Partner referrers may only submit referrals and see what they submitted (front door issue).
    Role.PARTNER: frozenset({"home.view", "api.use", "contact.submit", "contact.own"}),
}

for _role, _perms in ROLE_PERMISSIONS.items():
    _unknown = _perms - PERMISSIONS.keys()
    assert not _unknown, f"{_role} has undeclared permissions {_unknown}"


def has_perm(user, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"Undeclared permission {permission!r}")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


PUBLIC = "public"


def requires(permission: str) -> Callable:
    """Declare the permission a view needs. Refusals are 404s so existence is not confirmed."""
    if permission != PUBLIC and permission not in PERMISSIONS:
        raise KeyError(f"Undeclared permission {permission!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if permission != PUBLIC:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if not has_perm(request.user, permission):
                    raise Http404("Not found")
            return view(request, *args, **kwargs)

        wrapped.lantern_permission = permission
        return wrapped

    return decorator

"""The casework panel on a child's record: the pages of the child's casework, and what is
due for the child now (from the same providers as the work lists)."""

import datetime

from django.urls import reverse

from lantern.accounts.permissions import has_perm
from lantern.worklists.registry import WorkItem, work_items

# Each app's page for one child's casework: (URL name taking the person's pk, link text).
CASEWORK_PAGES = [
    ("assessments:child", "Assessments"),
    ("plans:child", "Plans"),
    ("child_protection:child", "Child protection"),
    ("children_in_care:child", "Children in care"),
    ("casenotes:child", "Case notes and visits"),
]


def casework_links(user, person) -> list[tuple[str, str]]:
    if not has_perm(user, "casework.view"):
        return []
    return [(reverse(name, args=[person.pk]), text) for name, text in CASEWORK_PAGES]


def due_for_child(user, ids: list[int], today: datetime.date) -> list[WorkItem]:
    if not has_perm(user, "casework.view"):
        return []
    return work_items(ids, today=today)

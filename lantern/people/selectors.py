"""Reads of people's records. Every one starts from the user (house-style §3).

- Practitioner roles (permission "person.view") may open any record that is not restricted;
  allocation decides work lists, not visibility, because the front door and duty workers must see
  every child's history (finding FD7).
- A restricted record opens only for the people named on it, or for someone who has given a
  reason in the last few hours (break glass), which is logged and listed for managers.
- Everyone else gets a 404, so a refusal does not confirm the record exists.
"""

from operator import attrgetter

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from lantern.accounts.permissions import has_perm
from lantern.people.models import BreakGlass, Person, RestrictedAccess


class RestrictedRecord(Exception):
    """The record is restricted: the user must give a reason (break glass) to open it."""

    def __init__(self, person: Person):
        self.person = person
        super().__init__(f"Restricted record {person.pk}")


def people_searchable_by(*, user) -> QuerySet[Person]:
    """People the user may find in search (restricted people appear, marked, but open only
    with a reason)."""
    if not has_perm(user, "person.search"):
        return Person.objects.none()
    return Person.objects.filter(merged_into__isnull=True)


def may_open_restricted(*, user, person: Person) -> bool:
    if RestrictedAccess.objects.filter(person=person, user=user, revoked_at__isnull=True).exists():
        return True
    return BreakGlass.objects.filter(
        person=person, user=user, expires_at__gt=timezone.now()
    ).exists()


def person_get_for(
    *, user, pk: int, permission: str = "person.view", check_restriction: bool = True
) -> Person:
    """The person, if `user` may open their record; Http404 otherwise.

    Raises RestrictedRecord when the user could open it by giving a reason. Pages that show
    only who has looked at a record (not its content) pass check_restriction=False.
    """
    if not has_perm(user, permission):
        raise Http404("Not found")
    try:
        person = Person.objects.select_related("merged_into").get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found") from exc
    if (
        check_restriction
        and person.restricted
        and not may_open_restricted(user=user, person=person)
    ):
        raise RestrictedRecord(person)
    return person


def record_ids(person: Person) -> list[int]:
    """The ids whose records make up this person's record: theirs and any merged into it."""
    return [
        person.pk,
        *Person.objects.filter(merged_into=person).order_by().values_list("pk", flat=True),
    ]


def row_get_for(queryset: QuerySet, *, user, pk, permission: str):
    """The row with this pk, if the user holds `permission`; Http404 otherwise (a refusal and
    a missing row look the same)."""
    if not has_perm(user, permission):
        raise Http404("Not found")
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found") from exc


def child_record_get_for(
    queryset: QuerySet, *, user, pk, permission: str, person_field: str = "person_id"
):
    """A row that is part of a child's record (a contact, an assessment, a plan…), if the user
    holds `permission` and may open the child's record; Http404 otherwise, RestrictedRecord
    when the child's record needs a reason. `person_field` may be dotted
    ("contact_child.person_id").

    Every app's selectors start here, so the rules for a child's casework are those of the
    child's record."""
    row = row_get_for(queryset, user=user, pk=pk, permission=permission)
    person_get_for(user=user, pk=attrgetter(person_field)(row))
    return row

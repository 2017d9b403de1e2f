"""Reads of case notes that start from the user (house style §3). A note is part of the
record of the child it is about, so opening it follows that child's record's rules."""

from django.db.models import Q, QuerySet

from lantern.casenotes.models import CaseNote
from lantern.people.models import Person
from lantern.people.selectors import child_record_get_for, person_get_for, record_ids


def note_get_for(*, user, pk, permission: str = "casework.view") -> CaseNote:
    qs = CaseNote.objects.select_related("person", "created_by", "updated_by")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def child_notes_for(*, user, person_pk, kind: str = "") -> tuple[Person, QuerySet[CaseNote]]:
    """The child and the notes about them, newest first: their own notes and those of
    siblings (or others) that are also about them, for their record and any merged into it."""
    person = person_get_for(user=user, pk=person_pk, permission="casework.view")
    ids = record_ids(person)
    about = CaseNote.objects.filter(
        Q(person_id__in=ids)
        | Q(
            pk__in=CaseNote.also_about.through.objects.filter(person_id__in=ids).values(
                "casenote_id"
            )
        )
    )
    if kind:
        about = about.filter(kind=kind)
    return person, about.select_related("person", "created_by").order_by("-occurred_on", "-id")

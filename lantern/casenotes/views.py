"""Case notes pages.

Routes (mounted under /case-notes/):
  child/<person_pk>/       child    casework.view    the child's notes, newest first (with
                                                     notes about siblings that are also about
                                                     them), filtered by type
  child/<person_pk>/new/   add      casenote.record  record a note or visit
  <note_pk>/               note     casework.view    the note, with its corrections
  <note_pk>/correct/       correct  casenote.record  correct it (the original is kept)
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.casenotes.forms import CaseNoteForm, CorrectionForm, KindFilterForm, as_choice
from lantern.casenotes.models import CaseNote
from lantern.casenotes.selectors import child_notes_for, note_get_for
from lantern.casenotes.services import casenote_add, casenote_correct
from lantern.common.errors import ConcurrentEditError
from lantern.language.messages import language_messages
from lantern.people.record import family_network
from lantern.people.selectors import person_get_for, record_ids
from lantern.people.views.common import log_record_view, open_or_break_glass

PAGE_SIZE = 25
# The fields a correction can change, as the note page names them.
FIELD_LABELS = {
    "kind": "Type",
    "occurred_on": "Date",
    "title": "Title",
    "text": "Note",
    "child_seen": "Child seen",
    "seen_alone": "Seen alone",
}


def network_children(person) -> list[tuple]:
    """(person, label) for each child in the family network, for "also about" checkboxes."""
    today = timezone.localdate()
    return [
        (m.person, f"{m.person.full_name} ({m.relation.lower()})")
        for m in family_network(person, record_ids(person), today=today)
        if m.person.is_child_on(today)
    ]


def seen_label(child_seen: bool | None, seen_alone: bool | None) -> str:
    if child_seen is None:
        return "Not applicable"
    if not child_seen:
        return "Not seen"
    return "Seen alone" if seen_alone else "Seen, not alone"


@requires("casework.view")
def child_view(request, person_pk):
    filter_form = KindFilterForm(request.GET or None)
    kind = filter_form.cleaned_data["kind"] if filter_form.is_valid() else ""
    found, response = open_or_break_glass(request, child_notes_for, person_pk=person_pk, kind=kind)
    if response:
        return response
    person, notes = found
    log_record_view(request, person, via="case notes")
    page = Paginator(notes, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "note": note,
            "seen": seen_label(note.child_seen, note.seen_alone),
            "about_other": note.person_id != person.pk,
        }
        for note in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "casenotes/child.html",
        {
            "person": person,
            "page": page,
            "rows": rows,
            "filter_form": filter_form,
            "query": query.urlencode(),
            "can_add": has_perm(request.user, "casenote.record"),
        },
    )


@requires("casenote.record")
def add_view(request, person_pk):
    person, response = open_or_break_glass(
        request, person_get_for, pk=person_pk, permission="casenote.record"
    )
    if response:
        return response
    form = CaseNoteForm(
        request.POST or None,
        others=network_children(person),
        initial={"occurred_on": timezone.localdate(), "kind": request.GET.get("kind", "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            note = casenote_add(by=request.user, person=person, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{note.get_kind_display()} recorded")
            language_messages(request, note.language_matches)
            return redirect("casenotes:note", note_pk=note.pk)
    return render(
        request, "casenotes/form.html", {"person": person, "form": form, "title": "Add a case note"}
    )


@dataclass
class Correction:
    at: object
    by: str
    reason: str
    before: list[tuple[str, str]]  # (field label, the value before the correction)


def _display(record, name: str) -> str:
    value = getattr(record, name)
    if name == "kind":
        return CaseNote.Kind(value).label
    if name == "occurred_on":
        return f"{value:%-d %B %Y}"
    if name in ("child_seen", "seen_alone"):
        return {True: "Yes", False: "No", None: "Not applicable"}[value]
    return value


def corrections(note: CaseNote) -> list[Correction]:
    """Each correction, newest first, with what the note said before it (one query)."""
    versions = list(note.history.select_related("history_user").order_by("history_date", "pk"))
    out = []
    for before, after in zip(versions, versions[1:], strict=False):
        changed = [
            (label, _display(before, name))
            for name, label in FIELD_LABELS.items()
            if getattr(before, name) != getattr(after, name)
        ]
        user = after.history_user
        out.append(
            Correction(
                at=after.history_date,
                by=(user.get_full_name() or user.username) if user else "the system",
                reason=after.history_change_reason or "",
                before=changed,
            )
        )
    return list(reversed(out))


@requires("casework.view")
def note_view(request, note_pk):
    note, response = open_or_break_glass(request, note_get_for, pk=note_pk)
    if response:
        return response
    log_record_view(request, note.person, via="case note")
    return render(
        request,
        "casenotes/note.html",
        {
            "note": note,
            "person": note.person,
            "also_about": list(note.also_about.all()),
            "seen": seen_label(note.child_seen, note.seen_alone),
            "corrections": corrections(note),
            "can_correct": has_perm(request.user, "casenote.record"),
        },
    )


@requires("casenote.record")
def correct_view(request, note_pk):
    note, response = open_or_break_glass(
        request, note_get_for, pk=note_pk, permission="casenote.record"
    )
    if response:
        return response
    current = list(note.also_about.all())
    others = network_children(note.person)
    listed = {p.pk for p, _label in others}
    others += [(p, p.full_name) for p in current if p.pk not in listed]
    form = CorrectionForm(
        request.POST or None,
        others=others,
        initial={
            "kind": note.kind,
            "occurred_on": note.occurred_on,
            "title": note.title,
            "text": note.text,
            "child_seen": as_choice(note.child_seen),
            "seen_alone": as_choice(note.seen_alone),
            "also_about": [str(p.pk) for p in current],
            "version": note.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            saved = casenote_correct(
                by=request.user,
                note=note,
                version=d["version"],
                reason=d["reason"],
                **form.service_kwargs(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Case note corrected: the original is kept in its history")
            language_messages(request, saved.language_matches)
            return redirect("casenotes:note", note_pk=note.pk)
    return render(
        request,
        "casenotes/form.html",
        {"person": note.person, "note": note, "form": form, "title": "Correct the case note"},
    )


urlpatterns = [
    path("child/<int:person_pk>/", child_view, name="child"),
    path("child/<int:person_pk>/new/", add_view, name="add"),
    path("<int:note_pk>/", note_view, name="note"),
    path("<int:note_pk>/correct/", correct_view, name="correct"),
]

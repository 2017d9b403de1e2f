import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.checks.registry import flags_for_person
from lantern.people.chronology import chronology_annotate
from lantern.people.forms import AnnotateForm, BreakGlassForm, ChronologyFilterForm
from lantern.people.models import ChronologyEntry, Person, RecordView, Warning
from lantern.people.record import (
    chronology_kinds_present,
    chronology_rows,
    current_allocation,
    family_network,
)
from lantern.people.selectors import person_get_for, record_ids
from lantern.people.services import break_glass_open
from lantern.people.views.common import (
    add_service_errors,
    get_person_or_break_glass,
    log_record_view,
)
from lantern.worklists.record import casework_links, due_for_child


@requires("person.view")
def record_view(request, pk):
    person, redirect_response = get_person_or_break_glass(request, pk)
    if redirect_response:
        return redirect_response
    if person.merged_into_id:
        messages.info(
            request,
            f"{person.person_id} was merged into {person.merged_into.person_id}: this is the "
            "record that now stands for them.",
        )
        return redirect("people:record", pk=person.merged_into_id)
    log_record_view(request, person)
    today = timezone.localdate()
    ids = record_ids(person)
    kinds = chronology_kinds_present(ids)
    filter_form = ChronologyFilterForm(request.GET or None, kinds=kinds)
    filters = {}
    if request.GET and filter_form.is_valid():
        d = filter_form.cleaned_data
        filters = {
            "kinds": d["kind"] or None,
            "date_from": d["date_from"],
            "date_to": d["date_to"],
            "significant_only": d["significant"],
        }
    rows = chronology_rows(ids, **filters)
    here = person.get_absolute_url()
    for row in rows:
        if row.href == here:
            row.href = None  # the entry's source is this very page
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    person_involvement: dict = {}
    network = family_network(person, ids, today=today, involved=person_involvement)
    status = [i for pid in ids for i in person_involvement.get(pid, []) if i.current and i.status]
    context = {
        "person": person,
        "merged": Person.objects.filter(merged_into=person).order_by().only("pk", "person_id"),
        "disabilities": list(person.disabilities.all()),
        "previous_names": list(person.previous_names.all()),
        "addresses": list(person.addresses.all()),
        "warnings": [w for w in Warning.objects.filter(person_id__in=ids) if w.is_active()],
        "allocation": current_allocation(ids),
        "status": status,
        "history": [i for pid in ids for i in person_involvement.get(pid, []) if not i.current],
        "network": network,
        "flags": flags_for_person(ids, today),
        "casework_links": casework_links(request.user, person),
        "due": due_for_child(request.user, ids, today),
        "chronology": page,
        "chronology_query": query.urlencode(),
        "filter_form": filter_form,
        "can_edit": has_perm(request.user, "person.edit"),
        "can_annotate": has_perm(request.user, "chronology.annotate"),
        "can_see_access_log": has_perm(request.user, "access_log.view"),
        "can_allocate": has_perm(request.user, "allocation.manage"),
        "can_restrict": has_perm(request.user, "restricted.manage"),
        "can_record_contact": has_perm(request.user, "contact.record")
        and person.is_child_on(today),
        "can_record_exploitation": has_perm(request.user, "exploitation.record")
        and person.is_child_on(today),
        "today": today,
    }
    return render(request, "people/record.html", context)


@requires("person.view")
def break_glass_view(request, pk):
    person = get_object_or_404(Person, pk=pk)
    if not person.restricted:
        return redirect("people:record", pk=pk)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            break_glass_open(by=request.user, person=person, reason=form.cleaned_data["reason"])
        except Exception as error:  # ValidationError
            add_service_errors(form, error)
        else:
            return redirect("people:record", pk=pk)
    return render(request, "people/break_glass.html", {"form": form, "person": person})


@requires("access_log.view")
def access_log_view(request, pk):
    person = person_get_for(
        user=request.user, pk=pk, permission="access_log.view", check_restriction=False
    )
    views = RecordView.objects.filter(person=person).select_related("user")
    page = Paginator(views, 50).get_page(request.GET.get("page"))
    return render(request, "people/access_log.html", {"person": person, "views": page})


@requires("access_log.view")
def break_glass_list(request):
    since = timezone.now() - datetime.timedelta(days=90)
    openings = (
        RecordView.objects.filter(break_glass=True, at__gte=since)
        .select_related("user", "person")
        .order_by("-at")
    )
    page = Paginator(openings, 50).get_page(request.GET.get("page"))
    return render(request, "people/break_glass_list.html", {"views": page})


@requires("chronology.annotate")
def annotate_view(request, entry_pk):
    entry = get_object_or_404(ChronologyEntry, pk=entry_pk)
    person, redirect_response = get_person_or_break_glass(request, entry.person_id)
    if redirect_response:
        return redirect_response
    form = AnnotateForm(request.POST or None, initial={"significant": entry.significant})
    if request.method == "POST" and form.is_valid():
        chronology_annotate(
            by=request.user,
            entry=entry,
            significant=form.cleaned_data["significant"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, "Chronology entry annotated")
        return redirect("people:record", pk=person.merged_into_id or person.pk)
    return render(
        request,
        "people/annotate.html",
        {
            "form": form,
            "entry": entry,
            "person": person,
            "annotations": entry.annotations.select_related("by"),
        },
    )

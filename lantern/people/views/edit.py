from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_datetime

from lantern.accounts.permissions import requires
from lantern.common.errors import ConcurrentEditError
from lantern.people.forms import (
    AddressForm,
    EditPersonForm,
    NewPersonForm,
    PreviousNameForm,
    RelationshipForm,
    WarningEndForm,
    WarningForm,
    WarningReviewForm,
)
from lantern.people.matching.search import search
from lantern.people.models import Person, Warning
from lantern.people.selectors import people_searchable_by
from lantern.people.services import (
    address_add,
    person_create,
    person_update,
    previous_name_add,
    relationship_add,
    warning_add,
    warning_end,
    warning_review,
)
from lantern.people.views.common import (
    add_service_errors,
    get_person_or_break_glass,
    person_form_view,
)


def _likely_matches(request, form):
    d = form.cleaned_data
    name = " ".join(p for p in [d.get("first_name"), d.get("last_name")] if p)
    dob = d.get("date_of_birth") or d.get("expected_date_of_birth")
    return [
        m
        for m in search(
            name=name,
            dob=dob.isoformat() if dob else "",
            postcode=d.get("address_postcode") or "",
            nhs_number=d.get("nhs_number") or "",
            limit=5,
            queryset=people_searchable_by(user=request.user),
        )
        if m.band in ("strong", "possible")
    ]


@requires("person.create")
def person_create_view(request):
    form = NewPersonForm(request.POST or None)
    matches = []
    if request.method == "POST" and form.is_valid():
        matches = [] if form.cleaned_data["confirm_new"] else _likely_matches(request, form)
        if not matches:
            try:
                person = person_create(
                    by=request.user,
                    details=form.details(),
                    disabilities=form.cleaned_data["disabilities"],
                    address=form.address(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{person.full_name} recorded as {person.person_id}")
                return redirect("people:record", pk=person.pk)
        else:
            # Ask again with the matches shown; the next submit confirms this is someone new.
            data = request.POST.copy()
            data["confirm_new"] = "on"
            form = NewPersonForm(data)
            form.is_valid()
    return render(request, "people/person_form.html", {"form": form, "matches": matches})


@requires("person.edit")
def person_edit_view(request, pk):
    person, redirect_response = get_person_or_break_glass(request, pk, "person.edit")
    if redirect_response:
        return redirect_response
    initial = {f: getattr(person, f) for f in EditPersonForm.base_fields if hasattr(person, f)}
    initial["disabilities"] = list(person.disabilities.values_list("code", flat=True))
    initial["seen_updated_at"] = person.updated_at.isoformat()
    form = EditPersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person_update(
                by=request.user,
                person=person,
                details=form.details(),
                disabilities=form.cleaned_data["disabilities"],
                seen_updated_at=parse_datetime(form.cleaned_data["seen_updated_at"]),
                reason=form.cleaned_data["reason"],
            )
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Details saved")
            return redirect("people:record", pk=person.pk)
    return render(request, "people/person_edit.html", {"form": form, "person": person})


@requires("person.edit")
def warning_add_view(request, pk):
    def action(person, d):
        warning_add(
            by=request.user,
            person=person,
            kind=d["kind"],
            detail=d["detail"],
            review_date=d["review_date"],
        )
        return "Warning added"

    return person_form_view(
        request, pk, WarningForm, "people/simple_form.html", "Add a warning", action
    )


def _warning_action(request, warning_pk, form_class, title, action):
    warning = get_object_or_404(Warning, pk=warning_pk)
    return person_form_view(
        request,
        warning.person_id,
        form_class,
        "people/simple_form.html",
        title,
        lambda person, d: action(warning, d),
    )


@requires("person.edit")
def warning_review_view(request, warning_pk):
    def action(warning, d):
        warning_review(
            by=request.user, warning=warning, next_review_date=d["next_review_date"], note=d["note"]
        )
        return "Warning reviewed"

    return _warning_action(request, warning_pk, WarningReviewForm, "Review a warning", action)


@requires("person.edit")
def warning_end_view(request, warning_pk):
    def action(warning, d):
        warning_end(by=request.user, warning=warning, reason=d["reason"])
        return "Warning ended"

    return _warning_action(request, warning_pk, WarningEndForm, "End a warning", action)


@requires("person.edit")
def address_add_view(request, pk):
    def action(person, d):
        address_add(by=request.user, person=person, **d)
        return "Address recorded"

    return person_form_view(
        request, pk, AddressForm, "people/simple_form.html", "Record a new address", action
    )


@requires("person.edit")
def relationship_add_view(request, pk):
    def action(person, d):
        other = Person.objects.filter(
            person_id=d["other_person_id"].strip().upper(), merged_into__isnull=True
        ).first()
        if other is None:
            raise ValidationError({"other_person_id": "No person has that person ID"})
        # The form reads "they are this person's <type>": the relative is `person` in the model.
        relationship_add(
            by=request.user,
            person=other,
            other=person,
            type=d["type"],
            from_date=d["from_date"],
            parental_responsibility=d["parental_responsibility"],
        )
        return f"{other.full_name} added to the family network"

    return person_form_view(
        request,
        pk,
        RelationshipForm,
        "people/simple_form.html",
        "Add a family member or other relationship",
        action,
    )


@requires("person.edit")
def previous_name_add_view(request, pk):
    def action(person, d):
        previous_name_add(by=request.user, person=person, **d)
        return "Previous name recorded"

    return person_form_view(
        request, pk, PreviousNameForm, "people/simple_form.html", "Record a previous name", action
    )

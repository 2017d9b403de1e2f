from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.people.models import BreakGlass, Person
from lantern.people.selectors import RestrictedRecord, person_get_for
from lantern.people.services import record_view_log


def open_or_break_glass(request, selector, **kwargs):
    """(record, None) from an access selector; (None, redirect) when the child's record is
    restricted and the user must give a reason first."""
    try:
        return selector(user=request.user, **kwargs), None
    except RestrictedRecord as restricted:
        return None, redirect("people:break_glass", pk=restricted.person.pk)


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError onto the form so the error summary shows it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e.messages[0] if hasattr(e, "messages") else str(e))
    else:
        for message in error.messages:
            form.add_error(None, message)


def get_person_or_break_glass(request, pk, permission="person.view"):
    """(person, None) when the user may open it; (None, redirect) to give a reason first."""
    try:
        return person_get_for(user=request.user, pk=pk, permission=permission), None
    except RestrictedRecord as restricted:
        return None, redirect("people:break_glass", pk=restricted.person.pk)


def person_form_view(
    request, pk, form_class, template, title, action, permission="person.edit", initial=None
):
    """A form about one person: bind, on success call `action(person, cleaned_data)` (which
    calls one service and returns the success message) and go back to the record."""
    person, redirect_response = get_person_or_break_glass(request, pk, permission)
    if redirect_response:
        return redirect_response
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = action(person, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("people:record", pk=person.pk)
    return render(request, template, {"form": form, "person": person, "title": title})


def log_record_view(request, person: Person, via: str = "page") -> None:
    """Log that the user saw this person's record, or a page showing part of it (a contact's
    screening, a strategy discussion): with the break-glass reason when that is what let them
    in."""
    reason, glass = "", False
    if person.restricted:
        grant = (
            BreakGlass.objects.filter(
                person=person, user=request.user, expires_at__gt=timezone.now()
            )
            .order_by("-at")
            .first()
        )
        if (
            grant is not None
            and not person.restricted_access.filter(
                user=request.user, revoked_at__isnull=True
            ).exists()
        ):
            reason, glass = grant.reason, True
    record_view_log(user=request.user, person=person, via=via, reason=reason, break_glass=glass)

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from lantern.people.selectors import RestrictedRecord, person_get_for


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

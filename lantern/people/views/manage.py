"""Managers' actions on a record: allocation and restriction."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.accounts.permissions import requires
from lantern.people.forms import AllocationEndForm, AllocationForm, RestrictionForm
from lantern.people.models import Allocation, RestrictedAccess
from lantern.people.selectors import person_get_for
from lantern.people.services import (
    allocation_end,
    allocation_set,
    person_restrict,
    restricted_access_grant,
)
from lantern.people.views.common import add_service_errors, person_form_view


@requires("allocation.manage")
def allocate_view(request, pk):
    def action(person, d):
        allocation_set(
            by=request.user,
            person=person,
            team=d["team"],
            worker=d["worker"],
            start_date=d["start_date"],
            reason=d["reason"],
        )
        return "Allocation saved"

    return person_form_view(
        request,
        pk,
        AllocationForm,
        "people/simple_form.html",
        "Allocate this child",
        action,
        permission="allocation.manage",
        initial={"start_date": timezone.localdate()},
    )


@requires("allocation.manage")
def allocation_end_view(request, pk):
    def action(person, d):
        current = Allocation.objects.filter(person=person, end_date__isnull=True).first()
        if current is None:
            raise ValidationError("This child has no current allocation")
        allocation_end(by=request.user, allocation=current, **d)
        return "Allocation ended"

    return person_form_view(
        request,
        pk,
        AllocationEndForm,
        "people/simple_form.html",
        "End the allocation",
        action,
        permission="allocation.manage",
        initial={"end_date": timezone.localdate()},
    )


@requires("restricted.manage")
def restriction_view(request, pk):
    # Managing who may open a record does not show its content: no break glass needed.
    person = person_get_for(
        user=request.user, pk=pk, permission="restricted.manage", check_restriction=False
    )
    form = RestrictionForm(request.POST or None, initial={"restricted": person.restricted})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            with transaction.atomic():
                if d["restricted"] != person.restricted:
                    person_restrict(
                        by=request.user,
                        person=person,
                        restricted=d["restricted"],
                        reason=d["reason"],
                    )
                if d["named_user"]:
                    restricted_access_grant(by=request.user, person=person, user=d["named_user"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Access settings saved")
            return redirect("people:restriction", pk=person.pk)
    named = RestrictedAccess.objects.filter(person=person, revoked_at__isnull=True).select_related(
        "user"
    )
    return render(
        request, "people/restriction.html", {"form": form, "person": person, "named": named}
    )

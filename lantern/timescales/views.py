"""Timescales pages: the rules and the working-day calendar, and editing local policy."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format

from lantern.accounts.permissions import has_perm, requires
from lantern.timescales import services
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import effective_rule, load_rule_settings
from lantern.timescales.forms import ClosureDayForm, ClosureDayRemoveForm, RuleSettingForm
from lantern.timescales.models import LocalClosureDay
from lantern.timescales.presenters import rule_rows, upcoming_closed_days
from lantern.timescales.rules import RULES


def _add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field where the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@requires("calendar.view")
def calendar(request):
    today = timezone.localdate()
    settings = load_rule_settings()
    return render(
        request,
        "timescales/calendar.html",
        {
            "rule_rows": rule_rows(settings),
            "closed_days": upcoming_closed_days(get_calendar(), today),
            "local_closure_days": LocalClosureDay.objects.filter(date__gte=today),
            "can_manage": has_perm(request.user, "calendar.manage"),
        },
    )


@requires("calendar.manage")
def closure_day_add(request):
    form = ClosureDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closure_day = services.closure_day_add(
                by=request.user,
                date=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request, f"Closure day added: {date_format(closure_day.date, 'j F Y')}"
            )
            return redirect("timescales:calendar")
    return render(request, "timescales/closure_day_add.html", {"form": form})


@requires("calendar.manage")
def closure_day_remove(request, pk: int):
    closure_day = get_object_or_404(LocalClosureDay, pk=pk)
    form = ClosureDayRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.closure_day_remove(
                by=request.user, closure_day=closure_day, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request, f"Closure day removed: {date_format(closure_day.date, 'j F Y')}"
            )
            return redirect("timescales:calendar")
    return render(
        request,
        "timescales/closure_day_remove.html",
        {"form": form, "closure_day": closure_day},
    )


@requires("calendar.manage")
def rule_edit(request, rule_id: str):
    rule = RULES.get(rule_id)
    if rule is None or not rule.overridable:
        raise Http404("Not found")
    settings = load_rule_settings()
    current = effective_rule(rule_id, settings=settings)
    setting = settings.get(rule_id)
    initial = {"offset": current.offset, "soon_window": setting.soon_window if setting else None}
    form = RuleSettingForm(request.POST or None, rule=rule, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_setting_set(
                by=request.user,
                rule_id=rule_id,
                offset=form.cleaned_data["offset"],
                soon_window=form.cleaned_data["soon_window"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, f"{rule.title}: local timescale saved")
            return redirect("timescales:calendar")
    return render(
        request,
        "timescales/rule_edit.html",
        {"form": form, "rule": rule, "current": current, "setting": setting},
    )

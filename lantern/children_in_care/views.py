"""Children in care pages: the child's periods of care, legal statuses, placements and 903
episodes; starting and ending a period of care, changes of legal status and moves; carers.

Routes (mounted under /care/):
  child/<person_pk>/                 child         casework.view  the child's care, its history
                                                                  and 903 episodes
  child/<person_pk>/start/           start         care.record    start a period of care
  periods/<period_pk>/legal-status/  legal_status  care.record    a change of legal status
  periods/<period_pk>/move/          move          care.record    a change of placement
  periods/<period_pk>/end/           end           care.record    the period of care ends
  carers/                            carers        casework.view  every carer
  carers/new/                        carer_new     care.record    add a carer

Every write goes through a service; a service's ValidationError lands on the form's fields
(or above the form), and a change made against a period someone else has changed since is
refused (ConcurrentEditError) with what was typed kept.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from lantern.accounts.permissions import has_perm, requires
from lantern.children_in_care import selectors
from lantern.children_in_care.codes import (
    CATEGORY_OF_NEED,
    LegalStatusCode,
    NewEpisodeReason,
    PlacementProvider,
    PlacementType,
    ReasonCeased,
    ReasonPlaceChange,
)
from lantern.children_in_care.forms import (
    CarerForm,
    EndForm,
    LegalStatusForm,
    MoveForm,
    StartForm,
)
from lantern.children_in_care.permanence import permanence_status
from lantern.children_in_care.review_timescales import care_reviews_due
from lantern.children_in_care.services import (
    care_end,
    care_start,
    carer_add,
    legal_status_change,
    placement_change,
)
from lantern.common.errors import ConcurrentEditError
from lantern.people.selectors import person_get_for, record_ids
from lantern.people.views.common import log_record_view, open_or_break_glass
from lantern.timescales.calendar import get_calendar
from lantern.timescales.shared import shared_selection

VIA = "children in care"
RECORD = "care.record"
CARERS_PAGE_SIZE = 50
_NEEDS = dict(CATEGORY_OF_NEED)


@dataclass(frozen=True)
class Coded:
    """A 903 code with its plain words."""

    code: str
    label: str


def coded(choices, code: str) -> Coded | None:
    """The code with its label from `choices` (a TextChoices), or None when blank."""
    if not code:
        return None
    try:
        return Coded(code, choices(code).label)
    except ValueError:
        return Coded(code, "Not a current code")


def _version(request) -> int:
    """The period's version the form was opened on; 0 (never a version, so refused as
    stale) when it is missing."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def child_care_url(person_pk: int) -> str:
    return reverse("children_in_care:child", args=[person_pk])


# -- the child's care page ----------------------------------------------------------------------


def _spans(rows: list, end_date) -> list[dict]:
    """Each row with the day it ended (the next current row's start, or the period's end);
    removed rows have none."""
    current = [r for r in rows if r.is_current]
    until = {
        r.pk: (nxt.start_date if nxt else end_date)
        for r, nxt in zip(current, [*current[1:], None], strict=True)
    }
    return [{"row": r, "until": until.get(r.pk)} for r in rows]


def _period_rows(history: selectors.PeriodHistory) -> dict:
    period = history.period
    return {
        "period": period,
        "cin": Coded(period.category_of_need, _NEEDS.get(period.category_of_need, "")),
        "reason_ceased": coded(ReasonCeased, period.reason_ceased),
        "statuses": [
            {**span, "status": coded(LegalStatusCode, span["row"].code)}
            for span in _spans(history.statuses, period.end_date)
        ],
        "placements": [
            {
                **span,
                "place": coded(PlacementType, span["row"].place),
                "provider": coded(PlacementProvider, span["row"].provider),
                "reason_change": coded(ReasonPlaceChange, span["row"].reason_change),
            }
            for span in _spans(history.placements, period.end_date)
        ],
    }


def _episode_rows(histories: list[selectors.PeriodHistory]) -> list[dict]:
    """Every period's 903 episodes, oldest first, with the codes' labels."""
    rows = []
    for history in reversed(histories):
        for e in history.episodes:
            rows.append(
                {
                    "decom": e.decom,
                    "rne": coded(NewEpisodeReason, e.rne),
                    "ls": coded(LegalStatusCode, e.ls),
                    "place": coded(PlacementType, e.place),
                    "provider": coded(PlacementProvider, e.place_provider),
                    "dec": e.dec,
                    "rec": coded(ReasonCeased, e.rec),
                    "reason_place_change": coded(ReasonPlaceChange, e.reason_place_change),
                }
            )
    return rows


def _now(history: selectors.PeriodHistory, today) -> dict:
    status, placement = history.status_now, history.placement_now
    return {
        "period": history.period,
        "days": (today - history.period.start_date).days,
        "status": status,
        "status_code": coded(LegalStatusCode, status.code) if status else None,
        "placement": placement,
        "place": coded(PlacementType, placement.place) if placement else None,
        "provider": coded(PlacementProvider, placement.provider) if placement else None,
    }


@requires("casework.view")
def child_view(request, person_pk):
    person, response = open_or_break_glass(
        request, person_get_for, pk=person_pk, permission="casework.view"
    )
    if response:
        return response
    log_record_view(request, person, via=VIA)
    today = timezone.localdate()
    ids = record_ids(person)
    histories = selectors.care_record(ids)
    current = next((h for h in histories if h.period.is_open), None)
    review_due = permanence = None
    if current:
        calendar = get_calendar()
        with shared_selection():  # the two read one query between them
            review_due = care_reviews_due(ids, today, calendar).get(current.period.person_id)
            permanence = permanence_status(ids, today, calendar).get(current.period.person_id)
    plans = selectors.permanence_plans_for(ids) if histories else []
    current_plan = next(
        (p for p in plans if p.is_current and current and p.period_id == current.period.pk),
        None,
    )
    return render(
        request,
        "children_in_care/child.html",
        {
            "person": person,
            "today": today,
            "current": _now(current, today) if current else None,
            "periods": [_period_rows(h) for h in histories],
            "episodes": _episode_rows(histories),
            "reviews": selectors.reviews_for(ids) if histories else [],
            "review_due": review_due,
            "permanence": permanence,
            "permanence_missing": permanence is not None and permanence.missing_plan(today),
            "permanence_plans": plans,
            "current_plan": current_plan,
            "earlier_plans": [p for p in plans if p is not current_plan],
            "can_record": has_perm(request.user, RECORD),
            "can_review": has_perm(request.user, "care.review"),
        },
    )


# -- recording ----------------------------------------------------------------------------------


@requires(RECORD)
def start_view(request, person_pk):
    person, response = open_or_break_glass(request, person_get_for, pk=person_pk, permission=RECORD)
    if response:
        return response
    back = child_care_url(person.pk)
    if selectors.open_period_exists([person.pk]):
        messages.info(request, f"{person.full_name} is already looked after")
        return redirect(back)
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            care_start(by=request.user, person=person, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Period of care started")
            return redirect(back)
    return render(
        request,
        "children_in_care/start.html",
        {"person": person, "form": form, "back": back, "today": timezone.localdate()},
    )


def _change_view(request, period_pk, *, form_class, template, save, done):
    """A change to an open period of care: bind `form_class`, call `save(period, kwargs,
    version)` (one service) and go back to the child's care page with `done(saved)`."""
    period, response = open_or_break_glass(
        request, selectors.period_get_for, pk=period_pk, permission=RECORD
    )
    if response:
        return response
    back = child_care_url(period.person_id)
    if not period.is_open:
        messages.info(request, "This period of care has ended: it can no longer be changed")
        return redirect(back)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(period, form.service_kwargs(), _version(request))
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done(saved))
            return redirect(back)
    status, placement = selectors.period_now(period)
    return render(
        request,
        template,
        {
            "person": period.person,
            "period": period,
            "status": status,
            "status_code": coded(LegalStatusCode, status.code) if status else None,
            "placement": placement,
            "place": coded(PlacementType, placement.place) if placement else None,
            "form": form,
            "back": back,
        },
    )


@requires(RECORD)
def legal_status_view(request, period_pk):
    def save(period, kwargs, version):
        return legal_status_change(by=request.user, period=period, version=version, **kwargs)

    return _change_view(
        request,
        period_pk,
        form_class=LegalStatusForm,
        template="children_in_care/legal_status.html",
        save=save,
        done=lambda status: (
            f"Legal status changed to {LegalStatusCode(status.code).label} ({status.code})"
        ),
    )


@requires(RECORD)
def move_view(request, period_pk):
    def save(period, kwargs, version):
        return placement_change(by=request.user, period=period, version=version, **kwargs)

    return _change_view(
        request,
        period_pk,
        form_class=MoveForm,
        template="children_in_care/move.html",
        save=save,
        done=lambda placement: (
            f"Move recorded: {PlacementType(placement.place).label} "
            f"({placement.place}) from {placement.start_date:%-d %B %Y}"
        ),
    )


@requires(RECORD)
def end_view(request, period_pk):
    def save(period, kwargs, version):
        return care_end(by=request.user, period=period, version=version, **kwargs)

    return _change_view(
        request,
        period_pk,
        form_class=EndForm,
        template="children_in_care/end.html",
        save=save,
        done=lambda period: f"Period of care ended on {period.end_date:%-d %B %Y}",
    )


# -- carers -------------------------------------------------------------------------------------


def _return_to(request) -> str:
    """Where to go after adding a carer: back to the care page that sent the user (a form
    on /care/), or the carers list."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/care/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return target
    return reverse("children_in_care:carers")


@requires("casework.view")
def carers_view(request):
    page = Paginator(selectors.carers_list(), CARERS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "children_in_care/carers.html",
        {
            "page": page,
            "rows": [{"carer": c, "provider": coded(PlacementProvider, c.provider)} for c in page],
            "can_add": has_perm(request.user, RECORD),
        },
    )


@requires(RECORD)
def carer_new_view(request):
    form = CarerForm(request.POST or None)
    next_url = _return_to(request)
    if request.method == "POST" and form.is_valid():
        try:
            carer = carer_add(by=request.user, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Carer added: {carer.name}")
            return redirect(next_url)
    return render(request, "children_in_care/carer_new.html", {"form": form, "next_url": next_url})


urlpatterns = [
    path("child/<int:person_pk>/", child_view, name="child"),
    path("child/<int:person_pk>/start/", start_view, name="start"),
    path("periods/<int:period_pk>/legal-status/", legal_status_view, name="legal_status"),
    path("periods/<int:period_pk>/move/", move_view, name="move"),
    path("periods/<int:period_pk>/end/", end_view, name="end"),
    path("carers/", carers_view, name="carers"),
    path("carers/new/", carer_new_view, name="carer_new"),
]

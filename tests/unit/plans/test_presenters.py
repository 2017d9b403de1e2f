"""How actions are numbered and described (the finalise refusal, the AP6 check and the plan
page share these), and the status of a date the plan sets. No database."""

import datetime

from django.utils import timezone

from lantern.plans.models import PlanAction
from lantern.plans.presenters import and_list, incomplete, numbered, owner_label, short
from lantern.plans.work import ACTION_SOON_DAYS, date_status
from lantern.timescales.engine import Status

TODAY = datetime.date(2026, 3, 2)


def action(**kwargs) -> PlanAction:
    kwargs.setdefault("action", "Attend the GP")
    return PlanAction(**kwargs)


def test_short_cuts_long_text_with_an_ellipsis():
    assert short("one  two\nthree") == "one two three"
    assert short("x" * 61) == "x" * 59 + "…"
    assert short("x" * 60) == "x" * 60


def test_and_list():
    assert and_list([]) == ""
    assert and_list(["a"]) == "a"
    assert and_list(["a", "b"]) == "a and b"
    assert and_list(["a", "b", "c"]) == "a, b and c"


def test_numbering_skips_removed_actions():
    a, b, c = action(pk=1), action(pk=2, ended_at=timezone.now()), action(pk=3)
    assert [(n, x.pk) for n, x in numbered([a, b, c])] == [(1, 1), (2, 3)]


def test_incomplete_names_what_is_missing():
    assert incomplete(2, action(owner_agency="health")) == (
        "Action 2 ‘Attend the GP’ needs a due date and a measurable outcome"
    )
    assert incomplete(1, action()) == (
        "Action 1 ‘Attend the GP’ needs an owner, a due date and a measurable outcome"
    )
    smart = action(owner_agency="health", due_date=TODAY, outcome="GP letter")
    assert incomplete(1, smart) == ""
    assert incomplete(1, action(owner_agency="health", due_date=TODAY, outcome="  ")) == (
        "Action 1 ‘Attend the GP’ needs a measurable outcome"
    )


def test_owner_label_for_an_agency():
    assert owner_label(action(owner_agency="police", owner_name="DS Hall")) == "Police (DS Hall)"
    assert owner_label(action(owner_agency="police")) == "Police"
    assert owner_label(action()) == ""


def test_date_status():
    assert date_status(TODAY - datetime.timedelta(days=1), TODAY) == (
        Status.OVERDUE,
        "Overdue by 1 day",
    )
    assert date_status(TODAY, TODAY) == (Status.DUE_SOON, "Due today")
    soon = TODAY + datetime.timedelta(days=ACTION_SOON_DAYS)
    assert date_status(soon, TODAY) == (Status.DUE_SOON, f"Due in {ACTION_SOON_DAYS} days")
    later = soon + datetime.timedelta(days=1)
    assert date_status(later, TODAY)[0] == Status.NOT_YET_DUE

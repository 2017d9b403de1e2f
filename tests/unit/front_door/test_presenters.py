"""How the front door says the time left on a decision, and what happens next."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from lantern.front_door.codes import Outcome
from lantern.front_door.presenters import (
    NEXT_STEPS,
    partner_outcome,
    status_tag,
    time_left,
    when,
)

# A Wednesday afternoon in winter (GMT), so local time is UTC.
NOW = timezone.make_aware(datetime.datetime(2026, 11, 25, 14, 0))


def at(**delta):
    return NOW + datetime.timedelta(**delta)


@pytest.mark.parametrize(
    ("due", "text", "colour"),
    [
        (at(hours=-2), "Overdue by 2 hours", "red"),
        (at(minutes=-25), "Overdue by 25 minutes", "red"),
        (at(seconds=-10), "Overdue by 1 minute", "red"),
        (NOW, "Overdue by 1 minute", "red"),
        (at(days=-3, hours=-1), "Overdue by 3 days", "red"),
        (at(hours=-30), "Overdue by 30 hours", "red"),
        (at(minutes=40), "Due in 40 minutes", "yellow"),
        (at(hours=3), "Due in 3 hours", "yellow"),
        (at(hours=1, minutes=5), "Due in 1 hour 5 minutes", "yellow"),
        (at(hours=3, minutes=59), "Due in 3 hours 59 minutes", "yellow"),
        (at(hours=4), "Due today 18:00", "blue"),
        (at(days=1, hours=2, minutes=40), "Due tomorrow 16:40", "blue"),
        (at(days=5), "Due Monday 14:00", "blue"),
        (at(days=10), "Due 5 Dec 14:00", "blue"),
        (at(days=40), "Due 4 Jan 2027 14:00", "blue"),
    ],
)
def test_time_left_says_it_plainly_with_a_tag_colour(due, text, colour):
    tag = time_left(due, now=NOW)
    assert (tag.text, tag.colour) == (text, colour)


def test_time_left_is_in_local_time_in_summer():
    now = timezone.make_aware(datetime.datetime(2026, 6, 10, 9, 0))  # BST
    assert time_left(now + datetime.timedelta(days=1), now=now).text == "Due tomorrow 09:00"


def test_when_says_yesterday():
    assert when(at(days=-1), now=NOW) == "yesterday 14:00"


def test_status_tag_colours():
    item = SimpleNamespace(status="more_information", get_status_display=lambda: "More info")
    assert status_tag(item).colour == "orange"


def test_every_outcome_has_next_steps_in_plain_words():
    assert set(NEXT_STEPS) == set(Outcome)
    assert all(len(text) > 40 for text in NEXT_STEPS.values())


def test_partner_outcome_awaiting_and_decided():
    waiting = SimpleNamespace(status="awaiting", decision_due_at=at(days=1))
    assert partner_outcome(waiting, now=NOW) == {
        "decided": False,
        "text": "Awaiting a decision (due tomorrow 14:00)",
        "next": "",
        "colour": "grey",
    }
    decision = SimpleNamespace(
        outcome="early_help",
        decided_at=NOW,
        get_outcome_display=lambda: "Step down to early help",
    )
    decided = SimpleNamespace(status="decided", decision=decision, decision_due_at=NOW)
    shown = partner_outcome(decided, now=NOW)
    assert shown["text"] == "Step down to early help"
    assert shown["on"] == datetime.date(2026, 11, 25)
    assert shown["next"] == NEXT_STEPS[Outcome.EARLY_HELP]

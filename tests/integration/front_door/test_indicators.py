"""The front door's indicators over a small hand-built June 2025 (British Summer Time, so the
period's edges are local midnights an hour away from UTC midnights), with exact counts."""

import datetime

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.front_door import indicators
from lantern.front_door.models import StrategyDiscussion
from lantern.front_door.services import (
    referral_create,
    section47_outcome_record,
    strategy_schedule,
)
from lantern.people.services import person_merge
from tests.factories.front_door import decide, make_contact, record_strategy, screen

pytestmark = pytest.mark.django_db

JUNE = (datetime.date(2025, 6, 1), datetime.date(2025, 6, 30))
ADDRESS = {"line1": "4 Freeman Street", "postcode": "DN32 7AB", "town": "Grimsby"}


def at(month, day, hour, minute=0, year=2025):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def worker(user_for):
    return user_for(Role.FRONT_DOOR)


@pytest.fixture
def month(worker, manager, person_maker):
    """Contacts, screenings, decisions, referrals and strategy discussions around June 2025."""
    kids = {
        name: person_maker(first_name=name, address=ADDRESS if name in "abdg" else None)
        for name in "abcdefgh"
    }

    def contact(names, source, received_at):
        c = make_contact(worker, [kids[n] for n in names], received_at=received_at, source=source)
        return {i.person.first_name: i for i in c.children.select_related("person")}, c

    c1, contact1 = contact("a", "2A", at(6, 2, 10))  # Monday
    c2, contact2 = contact("bc", "2B", at(6, 9, 11))
    c3, contact3 = make_contact_without_detail(worker, kids["d"], at(6, 11, 9))
    c4, contact4 = contact("e", "3A", at(6, 13, 14))
    c5, _ = contact("f", "2A", at(5, 31, 23, 30))  # 22:30 UTC on 31 May: before the period
    c6, contact6 = contact("g", "6", at(6, 30, 23, 30))  # 22:30 UTC on 30 June: in it
    c7, _ = contact("h", "6", at(7, 1, 0, 30))  # 23:30 UTC on 30 June: after it
    assert [c.completeness for c in (contact1, contact2, contact3, contact4, contact6)] == [
        100,
        88,
        75,
        88,
        100,
    ]
    for item, level, recommendation in (
        (c1["a"], 2, "early_help"),
        (c2["b"], 1, "nfa"),
        (c2["c"], 3, "assessment"),
        (c3["d"], 4, "strategy"),
        (c5["f"], 1, "nfa"),
        (c6["g"], 1, "nfa"),
        (c7["h"], 1, "nfa"),
    ):
        screen(worker, item, level=level, recommendation=recommendation)
    override = {"override_reason": "Partner support is in place"}
    # Each decision is due one working day after receipt, at the same time of day.
    decide(manager, c1["a"], outcome="early_help", now=at(6, 3, 9), **override)  # in time
    decide(manager, c2["b"], outcome="nfa", now=at(6, 10, 11), **override)  # on the minute
    decision_c = decide(manager, c2["c"], outcome="assessment", now=at(6, 12, 10))  # late
    decision_d = decide(
        manager, c3["d"], outcome="strategy", now=at(6, 11, 15), strategy_at=at(6, 11, 16)
    )  # in time
    decide(manager, c5["f"], outcome="nfa", now=at(6, 2, 10), **override)  # due 2 June 23:30
    decide(manager, c6["g"], outcome="nfa", now=at(7, 1, 9), **override)  # decided in July

    # Referrals for FD9: the two from decisions (9 and 11 June) and these.
    def referral(person, day):
        return referral_create(
            by=manager, person=person, referral_date=day, source="6", primary_need="N1"
        )

    d = datetime.date
    referral(kids["c"], d(2024, 6, 9))  # exactly 12 months before c's: a re-referral
    referral(kids["d"], d(2024, 6, 10))  # 12 months and a day before d's: not
    x, y, w, z = (person_maker(first_name=n) for n in ("Xavier", "Yasmin", "Will", "Zara"))
    ref_x1 = referral(x, d(2025, 6, 5))
    referral(x, d(2025, 6, 20))  # a re-referral
    referral(y, d(2025, 5, 20))  # before the period, but counts as y's previous referral
    ref_y = referral(y, d(2025, 6, 25))  # a re-referral
    ref_w1, _ = referral(w, d(2025, 6, 18)), referral(w, d(2025, 6, 18))  # same day: neither
    z_old = person_maker(first_name="Zara", last_name="Oldrecord")
    referral(z_old, d(2025, 1, 10))
    person_merge(by=manager, survivor=z, merged=z_old, reason="Same child")
    referral(z, d(2025, 6, 15))  # a re-referral, of the merged record's referral
    ref_z_july = referral(z, d(2025, 7, 1))  # after the period
    referral(kids["e"], d(2025, 5, 31))  # before the period

    # Strategy discussions for FD11 and CP2 (one working day to record each).
    s1 = StrategyDiscussion.objects.get(referral=decision_d.referral)  # held 11 June 16:00
    record_strategy(worker, s1, decision="nfa", now=at(6, 12, 15))  # in time; NFA

    def discussion(ref, held_at):
        return strategy_schedule(by=worker, referral=ref, held_at=held_at, reason="Disclosure")

    s2 = discussion(decision_c.referral, at(6, 13, 10))  # Friday
    record_strategy(worker, s2, now=at(6, 16, 9))  # Monday 09:00: in time; s47
    section47_outcome_record(
        by=worker, enquiry=s2.section47, outcome="nfa", outcome_date=d(2025, 6, 20), reason="Safe"
    )
    s3 = discussion(ref_x1, at(6, 17, 10))
    record_strategy(worker, s3, decision="no_s47", now=at(6, 19, 9))  # late
    discussion(ref_y, at(6, 26, 10))  # never recorded: late
    s5 = discussion(ref_w1, at(6, 30, 12))
    record_strategy(worker, s5, now=at(7, 1, 11))  # in time; s47 to a conference
    section47_outcome_record(
        by=worker,
        enquiry=s5.section47,
        outcome="icpc",
        outcome_date=d(2025, 7, 3),
        reason="Significant harm",
    )
    s6 = discussion(ref_z_july, at(7, 1, 10))  # after the period
    record_strategy(worker, s6, decision="nfa", now=at(7, 1, 12))


def make_contact_without_detail(worker, child, received_at):
    """A police contact with no concern categories and nothing said of what was done."""
    c = make_contact(
        worker, [child], received_at=received_at, source="6", categories=[], referrer_actions=""
    )
    return {i.person.first_name: i for i in c.children.select_related("person")}, c


def rows(indicator):
    return {r.group: (r.numerator, r.denominator) for r in indicator.rows}


def test_fd1_below_threshold_per_agency_by_date_received(month):
    result = indicators.below_threshold_by_agency(*JUNE)
    assert result.id == "FD1" and result.definition and result.counting_rule
    # Education: a (level 2), b (1), c (3). Police: d (4), g (1). e is not screened; f and h
    # were received outside June.
    assert rows(result) == {"Education": (2, 3), "Police": (1, 2), None: (3, 5)}
    assert [r.group for r in result.rows] == ["Education", "Police", None]
    assert result.rows[0].value == pytest.approx(2 / 3)


def test_fd3_completeness_per_agency(month):
    result = indicators.completeness_by_agency(*JUNE)
    assert rows(result) == {
        "Education": (1, 2),  # 100 and 88 (a child without an address)
        "Health": (0, 1),  # 88
        "Police": (1, 2),  # 75 (no categories, no actions) and 100
        None: (2, 5),
    }
    means = {r.group: r.mean for r in result.rows}
    assert means == pytest.approx({"Education": 0.94, "Health": 0.88, "Police": 0.875, None: 0.902})
    assert {r.group: r.value for r in result.rows}[None] == pytest.approx(0.4)


def test_fd6_decisions_in_time_by_date_decided(month):
    result = indicators.decisions_in_time(*JUNE)
    # a, b (exactly at the due time), d and f (received in May, decided in June) in time; c
    # late; g decided in July.
    assert rows(result) == {None: (4, 5)}
    assert result.rows[0].value == pytest.approx(0.8)


def test_fd9_re_referrals_within_12_months(month):
    result = indicators.re_referral_rate(*JUNE)
    # In June: c (re), d, x ×2 (second re), y (re), w ×2 on one day, z (re, merged record).
    assert rows(result) == {None: (4, 8)}


def test_fd11_strategy_discussions_ending_in_nfa(month):
    result = indicators.strategy_nfa_rate(*JUNE)
    # Recorded and held in June: s1 (NFA), s2 (s47 → NFA), s3 (no s47), s5 (s47 → ICPC).
    assert rows(result) == {None: (2, 4)}


def test_cp2_strategy_recorded_within_one_working_day(month):
    result = indicators.strategy_recorded_in_time(*JUNE)
    # s1, s2 (over a weekend) and s5 in time; s3 late; s4 never recorded.
    assert rows(result) == {None: (3, 5)}


def test_cp2_leaves_out_records_not_yet_due(worker, manager, child):
    today = timezone.localdate()
    referral = referral_create(
        by=manager,
        person=child,
        referral_date=today - datetime.timedelta(days=20),
        source="6",
        primary_need="N1",
    )
    now = timezone.now()
    for held_at in (
        now - datetime.timedelta(days=14),  # unrecorded and overdue: counted, not in time
        now - datetime.timedelta(minutes=30),  # unrecorded, due tomorrow or later: left out
        now + datetime.timedelta(days=1),  # not yet held: left out
    ):
        strategy_schedule(by=worker, referral=referral, held_at=held_at, reason="Disclosure")
    period = (today - datetime.timedelta(days=30), today + datetime.timedelta(days=5))
    assert rows(indicators.strategy_recorded_in_time(*period)) == {None: (0, 1)}


def test_empty_period_has_no_value(db):
    for indicator in indicators.all_indicators(
        datetime.date(2020, 1, 1), datetime.date(2020, 1, 31)
    ):
        assert all(r.value is None and r.denominator == 0 for r in indicator.rows), indicator.id
    assert [i.id for i in indicators.all_indicators(*JUNE)] == [
        "FD1",
        "FD3",
        "FD6",
        "FD9",
        "FD11",
        "CP2",
    ]


def test_all_indicators_in_a_fixed_number_of_queries(month, django_assert_num_queries):
    # One query each, and CP2 also reads the calendar's closure days and the local settings.
    with django_assert_num_queries(8):
        indicators.all_indicators(*JUNE)


def test_period_must_run_forwards():
    with pytest.raises(ValueError):
        indicators.decisions_in_time(datetime.date(2025, 7, 1), datetime.date(2025, 6, 1))

"""Due dates and statuses, with the dates worked out by hand in the comments."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import (
    Status,
    add_months,
    assess,
    due_at,
    due_date,
    effective_rule,
)
from lantern.timescales.models import RuleSetting
from lantern.timescales.rules import Unit
from lantern.timescales.services import rule_setting_set

CAL = WorkingDayCalendar()
NO_SETTINGS: dict = {}
LONDON = ZoneInfo("Europe/London")


# -- months -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),  # over the year end
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


def test_month_rules_use_calendar_months():
    assert due_date("first_rcpc", date(2026, 11, 30)) == date(2027, 2, 28)
    assert due_date("next_lac_review", date(2027, 8, 31)) == date(2028, 2, 29)
    assert due_date("second_lac_review", date(2026, 1, 31)) == date(2026, 4, 30)


# -- working days -------------------------------------------------------------------------------


def test_assessment_is_45_working_days_from_referral():
    # Referral Monday 2 March 2026. Working days: 3-6 Mar (4), 9-13 (9), 16-20 (14), 23-27 (19),
    # 30-31 (21), 1-2 Apr (23), Good Friday 3rd and Easter Monday 6th skipped, 7-10 (27),
    # 13-17 (32), 20-24 (37), 27-30 (41), Fri 1 May (42), Mon 4 May bank holiday skipped,
    # 5 (43), 6 (44), Thu 7 May (45).
    assert due_date("assessment_complete", date(2026, 3, 2), calendar=CAL) == date(2026, 5, 7)


def test_icpc_is_15_working_days_from_the_strategy_discussion_over_christmas():
    # Strategy discussion Monday 14 December 2026: 15-18 (4), 21-24 (8), 25 and 28 skipped,
    # 29-31 (11), Fri 1 Jan 2027 skipped, 4-7 Jan (15).
    assert due_date("icpc", date(2026, 12, 14), calendar=CAL) == date(2027, 1, 7)


def test_icpc_moves_later_for_a_local_closure_day():
    cal = WorkingDayCalendar({date(2026, 12, 29): "Council closed"})
    assert due_date("icpc", date(2026, 12, 14), calendar=cal) == date(2027, 1, 8)


def test_referral_decision_over_christmas():
    due = due_date("referral_decision", date(2026, 12, 24), calendar=CAL, settings=NO_SETTINGS)
    assert due == date(2026, 12, 29)


def test_first_lac_review_is_20_working_days():
    # Became looked after Mon 23 Nov 2026: 24-27 Nov (4), 30 Nov-4 Dec (9), 7-11 (14),
    # 14-18 (19), Mon 21 Dec (20).
    assert due_date("first_lac_review", date(2026, 11, 23), calendar=CAL) == date(2026, 12, 21)


def test_pf_first_visit_is_7_working_days_over_easter():
    # Notification Wed 1 April 2026: Thu 2nd (1), 3rd and 6th skipped, 7-10 (5), 13th (6), 14th (7).
    assert due_date("pf_first_visit", date(2026, 4, 1), calendar=CAL) == date(2026, 4, 14)


def test_a_datetime_trigger_counts_from_its_london_date():
    # 23:30 UTC on 30 June is 00:30 on Wednesday 1 July in London (BST); + 1 working day = 2 July.
    received = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    due = due_date("referral_decision", received, calendar=CAL, settings=NO_SETTINGS)
    assert due == date(2026, 7, 2)


def test_due_at_keeps_the_time_of_day_over_a_weekend_and_the_clock_change():
    # Received Friday 23 Oct 2026 at 16:40 BST; one working day is Monday 26 Oct, after the
    # clocks go back on Sunday 25th: still 16:40 on the wall clock (now GMT).
    received = datetime(2026, 10, 23, 15, 40, tzinfo=UTC)
    due = due_at("referral_decision", received, calendar=CAL, settings=NO_SETTINGS)
    assert due.astimezone(LONDON).replace(tzinfo=None) == datetime(2026, 10, 26, 16, 40)
    assert due.astimezone(UTC) == datetime(2026, 10, 26, 16, 40, tzinfo=UTC)


def test_due_at_over_christmas():
    received = datetime(2026, 12, 24, 11, 5, tzinfo=LONDON)
    due = due_at("referral_decision", received, calendar=CAL, settings=NO_SETTINGS)
    assert due.astimezone(LONDON).replace(tzinfo=None) == datetime(2026, 12, 29, 11, 5)


# -- weeks, days, hours -------------------------------------------------------------------------


def test_week_rules_are_calendar_weeks_and_not_moved_off_bank_holidays():
    # Placement Monday 21 Dec 2026 + 1 week = Monday 28 Dec, a bank holiday, still the due date.
    assert due_date("placement_first_visit", date(2026, 12, 21)) == date(2026, 12, 28)
    assert due_date("lac_visit_year_one", date(2026, 1, 1)) == date(2026, 2, 12)
    assert due_date("pf_visit_later", date(2026, 1, 1)) == date(2026, 3, 26)
    assert due_date("reg24_visit_after_first_review", date(2026, 2, 1)) == date(2026, 3, 1)


def test_care_proceedings_are_26_weeks_plus_8_per_extension():
    issued = date(2026, 1, 5)
    assert due_date("care_proceedings_final", issued) == date(2026, 7, 6)  # + 182 days
    assert due_date("care_proceedings_final", issued, extensions=1) == date(2026, 8, 31)
    assert due_date("care_proceedings_final", issued, extensions=2) == date(2026, 10, 26)


def test_reg24_approval_is_16_weeks_extendable_once_by_8():
    assert due_date("reg24_approval_expiry", date(2026, 1, 5)) == date(2026, 4, 27)
    assert due_date("reg24_approval_expiry", date(2026, 1, 5), extensions=1) == date(2026, 6, 22)
    with pytest.raises(ValueError):
        due_date("reg24_approval_expiry", date(2026, 1, 5), extensions=2)


def test_epo_is_8_days_extendable_once_by_7():
    assert due_date("epo_expiry", date(2026, 12, 1)) == date(2026, 12, 9)
    assert due_date("epo_expiry", date(2026, 12, 1), extensions=1) == date(2026, 12, 16)
    with pytest.raises(ValueError):
        due_date("epo_expiry", date(2026, 12, 1), extensions=2)


def test_a_rule_without_extensions_refuses_one():
    with pytest.raises(ValueError):
        due_date("icpc", date(2026, 12, 1), calendar=CAL, extensions=1)


def test_police_protection_ends_72_hours_later():
    start = datetime(2026, 6, 10, 14, 30, tzinfo=LONDON)
    assert due_date("police_protection_end", start) == datetime(2026, 6, 13, 14, 30, tzinfo=LONDON)


def test_police_protection_72_hours_are_elapsed_time_across_the_clock_change():
    # Friday 23 Oct 2026 14:30 BST; clocks go back on Sunday 25th, so 72 hours later is
    # Monday 26 Oct 13:30 GMT.
    start = datetime(2026, 10, 23, 14, 30, tzinfo=LONDON)
    due = due_date("police_protection_end", start)
    assert due.astimezone(UTC) == datetime(2026, 10, 26, 13, 30, tzinfo=UTC)
    assert due.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=72)
    assert (due.hour, due.minute) == (13, 30)  # shown in London time


def test_hour_rules_need_an_aware_datetime():
    with pytest.raises(TypeError):
        due_date("police_protection_end", date(2026, 6, 10))
    with pytest.raises(ValueError):
        due_date("police_protection_end", datetime(2026, 6, 10, 14, 30))


# -- statuses -----------------------------------------------------------------------------------
# ICPC from Monday 14 December 2026 is due Thursday 7 January 2027 (above); due soon window 3.


def _icpc(**kwargs):
    return assess("icpc", date(2026, 12, 14), calendar=CAL, **kwargs)


def test_status_not_yet_due():
    timescale = _icpc(today=date(2026, 12, 14))
    assert timescale.due == date(2027, 1, 7)
    assert timescale.status == Status.NOT_YET_DUE
    assert timescale.days_remaining == 15
    assert timescale.label == "Due in 15 working days"
    assert timescale.tag_colour == "blue"


def test_status_due_soon_inside_the_window():
    # Mon 4 Jan 2027: 5, 6, 7 Jan remain.
    timescale = _icpc(today=date(2027, 1, 4))
    assert timescale.status == Status.DUE_SOON
    assert timescale.days_remaining == 3
    assert timescale.label == "Due in 3 working days"
    assert timescale.tag_colour == "yellow"


def test_status_not_yet_due_just_outside_the_window():
    # Thu 31 Dec 2026: 4, 5, 6, 7 Jan remain.
    assert _icpc(today=date(2026, 12, 31)).status == Status.NOT_YET_DUE


def test_status_due_today_is_due_soon():
    timescale = _icpc(today=date(2027, 1, 7))
    assert timescale.status == Status.DUE_SOON
    assert timescale.days_remaining == 0
    assert timescale.label == "Due today"


def test_status_overdue():
    timescale = _icpc(today=date(2027, 1, 11))  # Fri 8th and Mon 11th
    assert timescale.status == Status.OVERDUE
    assert timescale.days_late == 2
    assert timescale.label == "Overdue by 2 working days"
    assert timescale.tag_colour == "red"


def test_status_overdue_by_one_working_day():
    assert _icpc(today=date(2027, 1, 8)).label == "Overdue by 1 working day"


def test_status_overdue_only_by_a_weekend():
    # Referral Thu 7 May 2026: decision due Fri 8 May; on Saturday, overdue by 0 working days.
    timescale = assess(
        "referral_decision",
        date(2026, 5, 7),
        today=date(2026, 5, 9),
        calendar=CAL,
        settings=NO_SETTINGS,
    )
    assert timescale.status == Status.OVERDUE
    assert timescale.days_late == 0
    assert timescale.label == "Overdue"


def test_status_met_exactly_on_the_due_date_is_met_in_time():
    timescale = _icpc(done_on=date(2027, 1, 7), today=date(2027, 3, 1))
    assert timescale.status == Status.MET_IN_TIME
    assert timescale.label == "Met in time"
    assert timescale.tag_colour == "green"


def test_status_met_early_is_met_in_time():
    assert _icpc(done_on=date(2026, 12, 22)).status == Status.MET_IN_TIME


def test_status_met_the_day_after_the_due_date_is_met_late():
    timescale = _icpc(done_on=date(2027, 1, 8))
    assert timescale.status == Status.MET_LATE
    assert timescale.days_late == 1
    assert timescale.label == "Met 1 working day late"
    assert timescale.tag_colour == "orange"


def test_status_met_late_in_calendar_days():
    # Visit on 1 Jan 2026: next due 12 Feb; done 16 Feb is 4 days late.
    timescale = assess("lac_visit_year_one", date(2026, 1, 1), done_on=date(2026, 2, 16))
    assert timescale.due == date(2026, 2, 12)
    assert timescale.status == Status.MET_LATE
    assert timescale.label == "Met 4 days late"


def test_month_rule_is_due_soon_within_14_days():
    # First RCPC from ICPC 30 Nov 2026 is due 28 Feb 2027.
    assert assess("first_rcpc", date(2026, 11, 30), today=date(2027, 2, 14)).status == (
        Status.DUE_SOON
    )
    timescale = assess("first_rcpc", date(2026, 11, 30), today=date(2027, 2, 13))
    assert timescale.status == Status.NOT_YET_DUE
    assert timescale.label == "Due in 15 days"


def test_hour_rule_statuses():
    start = datetime(2026, 6, 10, 14, 30, tzinfo=LONDON)
    due = start + timedelta(hours=72)

    not_yet = assess("police_protection_end", start, today=start)
    soon = assess("police_protection_end", start, today=due - timedelta(hours=5))
    overdue = assess("police_protection_end", start, today=due + timedelta(hours=3, minutes=10))
    met = assess("police_protection_end", start, done_on=due)
    late = assess("police_protection_end", start, done_on=due + timedelta(hours=1))

    assert (not_yet.status, not_yet.label) == (Status.NOT_YET_DUE, "Due in 72 hours")
    assert (soon.status, soon.label) == (Status.DUE_SOON, "Due in 5 hours")
    assert (overdue.status, overdue.label) == (Status.OVERDUE, "Overdue by 3 hours")
    assert met.status == Status.MET_IN_TIME
    assert (late.status, late.label) == (Status.MET_LATE, "Met 1 hour late")


def test_hour_rule_refuses_a_date_for_today():
    with pytest.raises(TypeError):
        assess(
            "police_protection_end",
            datetime(2026, 6, 10, 14, 30, tzinfo=LONDON),
            today=date(2026, 6, 11),
        )


def test_every_status_has_a_label_and_a_govuk_tag_colour():
    assert {status: (status.label, status.tag_colour) for status in Status} == {
        Status.NOT_YET_DUE: ("Not yet due", "blue"),
        Status.DUE_SOON: ("Due soon", "yellow"),
        Status.OVERDUE: ("Overdue", "red"),
        Status.MET_IN_TIME: ("Met in time", "green"),
        Status.MET_LATE: ("Met late", "orange"),
    }


# -- local settings -----------------------------------------------------------------------------


def test_a_local_setting_changes_an_overridable_rules_due_date():
    start = date(2026, 11, 23)  # Monday
    settings = {"cp_visit": RuleSetting(rule_id="cp_visit", offset=15, soon_window=None)}

    assert due_date("cp_visit", start, calendar=CAL, settings=NO_SETTINGS) == date(2026, 12, 7)
    assert due_date("cp_visit", start, calendar=CAL, settings=settings) == date(2026, 12, 14)


def test_a_local_setting_can_change_the_due_soon_window():
    settings = {"cin_review": RuleSetting(rule_id="cin_review", offset=2, soon_window=30)}
    rule = effective_rule("cin_review", settings=settings)
    assert (rule.offset, rule.unit, rule.effective_soon_window) == (2, Unit.MONTHS, 30)
    # CIN plan 1 Jan 2026 + 2 months = 1 March; on 30 Jan, 30 days remain.
    timescale = assess("cin_review", date(2026, 1, 1), today=date(2026, 1, 30), settings=settings)
    assert timescale.due == date(2026, 3, 1)
    assert timescale.status == Status.DUE_SOON


def test_a_setting_for_a_statutory_rule_is_ignored():
    settings = {"icpc": RuleSetting(rule_id="icpc", offset=20, soon_window=None)}
    assert due_date("icpc", date(2026, 12, 14), calendar=CAL, settings=settings) == date(2027, 1, 7)


@pytest.mark.django_db
def test_due_date_reads_local_settings_from_the_database(manager):
    rule_setting_set(by=manager, rule_id="cp_visit", offset=5, reason="Weekly visits")

    assert due_date("cp_visit", date(2026, 11, 23), calendar=CAL) == date(2026, 11, 30)


def test_unknown_rule_is_a_key_error():
    with pytest.raises(KeyError):
        due_date("no_such_rule", date(2026, 1, 1))

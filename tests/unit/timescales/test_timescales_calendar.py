"""The working-day calendar, with dates worked out by hand (see the comments)."""

from datetime import date, datetime

import pytest

from lantern.timescales import services
from lantern.timescales.calendar import (
    BANK_HOLIDAY,
    LOCAL_CLOSURE,
    WorkingDayCalendar,
    get_calendar,
)

CAL = WorkingDayCalendar()


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 4, 3),  # Good Friday 2026
        date(2026, 4, 6),  # Easter Monday 2026
        date(2026, 12, 25),  # Christmas Day (Friday)
        date(2026, 12, 28),  # substitute for Boxing Day (Saturday 26th)
        date(2027, 12, 27),  # substitute for Christmas Day (Saturday 25th)
        date(2027, 12, 28),  # substitute for Boxing Day (Sunday 26th)
        date(2028, 1, 3),  # substitute for New Year's Day (Saturday 1st)
        date(2025, 5, 26),  # Spring bank holiday 2025
    ],
)
def test_bank_holidays_are_not_working_days(day):
    assert CAL.is_bank_holiday(day)
    assert not CAL.is_working_day(day)


def test_weekends_are_not_working_days_and_weekdays_are():
    assert not CAL.is_working_day(date(2026, 11, 21))  # Saturday
    assert not CAL.is_working_day(date(2026, 11, 22))  # Sunday
    assert CAL.is_working_day(date(2026, 11, 23))  # Monday


def test_add_working_days_over_christmas_2026_skips_the_substitute_boxing_day():
    # Thu 24 Dec + 1: Fri 25 Christmas, Sat 26, Sun 27, Mon 28 (substitute Boxing Day) -> Tue 29.
    assert CAL.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    # Wed 23 Dec + 3: 24th is day 1, 29th day 2, 30th day 3.
    assert CAL.add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)


def test_add_working_days_over_christmas_2027_skips_two_substitute_days():
    # Fri 24 Dec 2027 + 1: Sat 25, Sun 26, Mon 27 and Tue 28 (both substitutes) -> Wed 29.
    assert CAL.add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_add_working_days_over_easter_2026():
    # Thu 2 April + 1: Good Friday 3rd, weekend, Easter Monday 6th -> Tue 7 April.
    assert CAL.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    # Wed 1 April + 2: Thu 2nd is day 1, Tue 7th is day 2.
    assert CAL.add_working_days(date(2026, 4, 1), 2) == date(2026, 4, 7)


def test_add_working_days_zero_is_the_start_even_on_a_non_working_day():
    assert CAL.add_working_days(date(2026, 12, 26), 0) == date(2026, 12, 26)


def test_add_working_days_from_a_non_working_day_counts_the_next_working_day_as_day_one():
    assert CAL.add_working_days(date(2026, 12, 26), 1) == date(2026, 12, 29)


def test_add_working_days_refuses_negative_n():
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 1, 5), -1)


def test_a_local_closure_day_is_not_a_working_day():
    cal = WorkingDayCalendar({date(2026, 12, 29): "Council closed", date(2026, 12, 30): "Closed"})

    assert not cal.is_working_day(date(2026, 12, 29))
    assert cal.is_local_closure(date(2026, 12, 29))
    # Thu 24 Dec + 1: 25-28 as before, 29 and 30 closed -> Thu 31 December.
    assert cal.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 31)
    # The same question without the closures.
    assert CAL.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_calendar_accepts_a_plain_list_of_closure_days():
    cal = WorkingDayCalendar([date(2026, 11, 23)])
    assert cal.next_working_day(date(2026, 11, 20)) == date(2026, 11, 24)


def test_next_working_day_is_strictly_after_the_day():
    assert CAL.next_working_day(date(2026, 11, 20)) == date(2026, 11, 23)  # Fri -> Mon
    assert CAL.next_working_day(date(2026, 11, 23)) == date(2026, 11, 24)
    assert CAL.next_working_day(date(2026, 12, 24)) == date(2026, 12, 29)


def test_working_day_on_or_after():
    assert CAL.working_day_on_or_after(date(2026, 11, 23)) == date(2026, 11, 23)
    assert CAL.working_day_on_or_after(date(2026, 12, 25)) == date(2026, 12, 29)


def test_working_days_between_counts_after_start_up_to_and_including_end():
    assert CAL.working_days_between(date(2026, 12, 24), date(2026, 12, 29)) == 1
    assert CAL.working_days_between(date(2026, 12, 24), date(2026, 12, 24)) == 0
    # Fri 25th (Christmas) to Mon 28th (substitute): no working days in between.
    assert CAL.working_days_between(date(2026, 12, 25), date(2026, 12, 28)) == 0
    assert CAL.working_days_between(date(2026, 11, 16), date(2026, 11, 23)) == 5


def test_working_days_between_is_negative_when_end_is_before_start():
    assert CAL.working_days_between(date(2026, 12, 29), date(2026, 12, 24)) == -1


def test_working_days_between_undoes_add_working_days():
    cal = WorkingDayCalendar({date(2026, 12, 31): "Closed"})
    for offset in range(0, 40, 3):
        start = date(2026, 12, 1 + offset % 28)
        for n in (0, 1, 2, 5, 10, 15, 20, 45):
            assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


def test_calendar_refuses_datetimes():
    with pytest.raises(TypeError):
        CAL.add_working_days(datetime(2026, 12, 24, 9, 0), 1)


def test_closed_days_between_lists_bank_holidays_and_local_closures_in_order():
    cal = WorkingDayCalendar({date(2026, 12, 29): "Council closed"})

    days = cal.closed_days_between(date(2026, 12, 20), date(2027, 1, 5))

    assert [(d.date, d.kind) for d in days] == [
        (date(2026, 12, 25), BANK_HOLIDAY),
        (date(2026, 12, 26), BANK_HOLIDAY),
        (date(2026, 12, 28), BANK_HOLIDAY),
        (date(2026, 12, 29), LOCAL_CLOSURE),
        (date(2027, 1, 1), BANK_HOLIDAY),
    ]
    assert days[3].name == "Council closed"
    assert days[3].kind_label == "Local closure day"


@pytest.mark.django_db
def test_get_calendar_loads_local_closure_days_from_the_database(manager):
    services.closure_day_add(by=manager, date=date(2026, 12, 29), reason="Council closed")

    assert not get_calendar().is_working_day(date(2026, 12, 29))

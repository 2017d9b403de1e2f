"""The working-day calendar: England & Wales bank holidays plus the council's own closure days.

A working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday, an England &
Wales bank holiday (including substitute days such as 28 December 2026) or a local closure day
recorded in `LocalClosureDay` (domain.md §0).

Counting convention (the one used everywhere in Lantern, see docs/adr/0002): the start date is
day 0 and need not itself be a working day; day N is the Nth working day after it. So
`add_working_days(d, n)` is the day the Nth working day after `d` falls on, and
`working_days_between(d, add_working_days(d, n)) == n`.

Bank holidays come from the `holidays` package, which computes them for any year and lists
one-off days (jubilees, coronations, state funerals) once they are announced. A one-off bank
holiday announced after our `holidays` release can be added as a local closure day meanwhile.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from lantern.timescales.models import LocalClosureDay
from lantern.timescales.shared import shared

BANK_HOLIDAY = "bank_holiday"
LOCAL_CLOSURE = "local_closure"


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> Mapping[date, str]:
    """England & Wales bank holidays (with substitute days) for one year, by date."""
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year))


@dataclass(frozen=True)
class ClosedDay:
    """A weekday that is not a working day, and why."""

    date: date
    name: str
    kind: str  # BANK_HOLIDAY or LOCAL_CLOSURE

    @property
    def kind_label(self) -> str:
        return "Bank holiday" if self.kind == BANK_HOLIDAY else "Local closure day"


class WorkingDayCalendar:
    """Answers working-day questions. Built from the local closure days; needs no database.

    `closure_days` is either a mapping of date → reason or a plain iterable of dates.
    """

    def __init__(self, closure_days: Mapping[date, str] | Iterable[date] = ()) -> None:
        if isinstance(closure_days, Mapping):
            self._closures: dict[date, str] = dict(closure_days)
        else:
            self._closures = {d: "Local closure day" for d in closure_days}
        # The calendar never changes once made, so what it works out is kept: the closed
        # weekdays of each year, and the answers to add_working_days and working_days_between
        # (work lists and checks ask the same questions of the same dates many times).
        self._closed_by_year: dict[int, frozenset[date]] = {}
        self._added: dict[tuple[date, int], date] = {}
        self._between: dict[tuple[date, date], int] = {}

    def __repr__(self) -> str:
        return f"WorkingDayCalendar({len(self._closures)} local closure days)"

    # -- single days -----------------------------------------------------------------------------

    def bank_holiday_name(self, d: date) -> str | None:
        return _bank_holidays(d.year).get(d)

    def is_bank_holiday(self, d: date) -> bool:
        return d in _bank_holidays(d.year)

    def is_local_closure(self, d: date) -> bool:
        return d in self._closures

    def _closed(self, year: int) -> frozenset[date]:
        closed = self._closed_by_year.get(year)
        if closed is None:
            closed = frozenset(_bank_holidays(year)) | {d for d in self._closures if d.year == year}
            self._closed_by_year[year] = closed
        return closed

    def is_working_day(self, d: date) -> bool:
        _check_date(d)
        return self._is_working(d)

    def _is_working(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self._closed(d.year)

    # -- arithmetic ------------------------------------------------------------------------------

    def add_working_days(self, d: date, n: int) -> date:
        """The date of the nth working day after d (d is day 0; n=0 gives d itself)."""
        _check_date(d)
        if n < 0:
            raise ValueError("n must be 0 or more")
        key = (d, n)
        if key in self._added:
            return self._added[key]
        current = d
        counted = 0
        one = timedelta(days=1)
        while counted < n:
            current += one
            if self._is_working(current):
                counted += 1
        self._added[key] = current
        return current

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after d (the same as add_working_days(d, 1))."""
        return self.add_working_days(d, 1)

    def working_day_on_or_after(self, d: date) -> date:
        """d itself if it is a working day, otherwise the next working day."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after start, up to and including end.

        The inverse of add_working_days: working_days_between(d, add_working_days(d, n)) == n.
        If end is before start the answer is negative: -(working_days_between(end, start)).
        """
        _check_date(start)
        _check_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        key = (start, end)
        if key in self._between:
            return self._between[key]
        count = 0
        current = start
        one = timedelta(days=1)
        while current < end:
            current += one
            if self._is_working(current):
                count += 1
        self._between[key] = count
        return count

    # -- listings --------------------------------------------------------------------------------

    def closed_days_between(self, start: date, end: date) -> list[ClosedDay]:
        """Bank holidays (any weekday or not) and local closure days, start to end inclusive."""
        days: list[ClosedDay] = []
        for year in range(start.year, end.year + 1):
            for d, name in _bank_holidays(year).items():
                if start <= d <= end:
                    days.append(ClosedDay(d, name, BANK_HOLIDAY))
        for d, reason in self._closures.items():
            if start <= d <= end:
                days.append(ClosedDay(d, reason, LOCAL_CLOSURE))
        return sorted(days, key=lambda c: (c.date, c.kind))


def _check_date(d: object) -> None:
    # A datetime is a date subclass; counting days from one silently drops the time and zone.
    if not isinstance(d, date) or hasattr(d, "hour"):
        raise TypeError(f"Expected a date, got {type(d).__name__}")


def get_calendar() -> WorkingDayCalendar:
    """A calendar with the local closure days as they are in the database now.

    One small query (once per web request: lantern.timescales.shared); callers working
    through many cases should get one and pass it on.
    """
    return shared("calendar", _load_calendar)


def _load_calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar(dict(LocalClosureDay.objects.values_list("date", "reason")))


calendar_for_today = get_calendar

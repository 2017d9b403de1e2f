"""The one timescale engine: due dates and "is it on time?" for every rule in rules.py.

Counting convention (docs/adr/0002-timescale-counting-convention.md), used for every rule:

* The trigger (start) is **day 0**. "Within N units" means the due event must happen **on or
  before** the due date, which is the start plus N units. Met in time means done_on <= due.
* Working days: the due date is the Nth working day after the start date
  (WorkingDayCalendar.add_working_days); the start date need not be a working day. Wednesday
  23 December 2026 + 3 working days = Wednesday 30 December: the 24th is day 1, then Christmas
  Day, the weekend (Boxing Day is a Saturday) and the substitute Boxing Day on Monday 28th are
  skipped, so the 29th is day 2 and the 30th day 3.
* Calendar days and weeks: start + N days (a week is 7 days). Months: the same day of the month
  N months later, clamped to the end of a shorter month (31 January + 1 month = 28 February, or
  29 in a leap year). Calendar-period due dates are not moved off weekends or bank holidays: the
  regulations set a maximum interval, so a visit due on a Saturday is due by that Saturday.
* Hours: start (an aware datetime) + N hours, compared as datetimes (police protection).
* A datetime trigger for a day-based rule counts from its local (Europe/London) date.

Days remaining and days late are counted in working days for working-day rules, in hours for
hour rules and in calendar days for the rest; see rules.py for the "due soon" windows.
"""

import calendar as _stdlib_calendar
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from lantern.timescales.calendar import WorkingDayCalendar, get_calendar
from lantern.timescales.models import RuleSetting
from lantern.timescales.rules import Rule, Unit, get_rule
from lantern.timescales.shared import shared


class Status(models.TextChoices):
    NOT_YET_DUE = "not_yet_due", "Not yet due"
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    MET_IN_TIME = "met_in_time", "Met in time"
    MET_LATE = "met_late", "Met late"

    @property
    def tag_colour(self) -> str:
        """The GOV.UK Frontend tag colour (govuk-tag--<colour>)."""
        return _TAG_COLOURS[self]


_TAG_COLOURS = {
    Status.NOT_YET_DUE: "blue",
    Status.DUE_SOON: "yellow",
    Status.OVERDUE: "red",
    Status.MET_IN_TIME: "green",
    Status.MET_LATE: "orange",
}


@dataclass(frozen=True)
class Timescale:
    """One rule applied to one start: when it is due and whether it was (or is being) met."""

    rule: Rule
    start: date | datetime
    due: date | datetime
    status: Status
    days_remaining: int | None = None  # when not done; 0 = due today
    days_late: int | None = None  # when overdue or met late
    done_on: date | datetime | None = None

    @property
    def count_unit(self) -> Unit:
        """The unit days_remaining and days_late are in."""
        return self.rule.soon_unit

    @property
    def tag_colour(self) -> str:
        return self.status.tag_colour

    @property
    def tag_class(self) -> str:
        return f"govuk-tag govuk-tag--{self.tag_colour}"

    @property
    def label(self) -> str:
        """For people: 'Due in 3 working days', 'Overdue by 2 working days', 'Met 4 days late'."""
        unit = self.count_unit
        if self.status in (Status.NOT_YET_DUE, Status.DUE_SOON):
            if self.days_remaining == 0:
                return "Due within the hour" if unit == Unit.HOURS else "Due today"
            return f"Due in {unit.describe(self.days_remaining)}"
        if self.status == Status.OVERDUE:
            # 0 when only non-working days (or less than an hour) have passed since the due date.
            return f"Overdue by {unit.describe(self.days_late)}" if self.days_late else "Overdue"
        if self.status == Status.MET_IN_TIME:
            return "Met in time"
        return f"Met {unit.describe(self.days_late)} late" if self.days_late else "Met late"


# -- settings and effective rules ---------------------------------------------------------------


def load_rule_settings() -> dict[str, RuleSetting]:
    """The local authority's overrides, by rule id (a small table; one query, once per web
    request: lantern.timescales.shared)."""
    return shared("rule_settings", _load_rule_settings)


def _load_rule_settings() -> dict[str, RuleSetting]:
    return {setting.rule_id: setting for setting in RuleSetting.objects.all()}


def effective_rule(rule_id: str, *, settings: Mapping[str, Any] | None = None) -> Rule:
    """The declared rule with any local override of its offset and due-soon window applied.

    `settings` maps rule id → an object with `offset` and `soon_window` (a RuleSetting);
    None loads them from the database, but only for overridable rules. Overrides for a rule
    that is not overridable are ignored.
    """
    rule = get_rule(rule_id)
    if not rule.overridable:
        return rule
    if settings is None:
        settings = load_rule_settings()
    setting = settings.get(rule_id)
    if setting is None:
        return rule
    changes: dict[str, Any] = {"offset": setting.offset}
    if setting.soon_window is not None:
        changes["soon_window"] = setting.soon_window
    return replace(rule, **changes)


# -- date arithmetic ----------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the last day of a shorter month."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, _stdlib_calendar.monthrange(year, month)[1]))


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def _as_utc(value: date | datetime, what: str) -> datetime:
    """An aware datetime in UTC. Hours are elapsed time, so they are added and compared in UTC
    (Python adds a timedelta to a Europe/London datetime in wall-clock time, which would make
    72 hours across the October clock change 73)."""
    if not isinstance(value, datetime):
        raise TypeError(f"An hours-based timescale needs a datetime for {what}")
    if timezone.is_naive(value):
        raise ValueError(f"An hours-based timescale needs an aware datetime for {what}")
    return value.astimezone(UTC)


def due_date(
    rule_id: str,
    start: date | datetime,
    *,
    calendar: WorkingDayCalendar | None = None,
    settings: Mapping[str, Any] | None = None,
    extensions: int = 0,
) -> date | datetime:
    """When the rule's due event is due, for a trigger on `start`.

    A datetime for hour rules (start must be a datetime), otherwise a date. `extensions` adds
    the rule's extension period that many times (care proceedings, EPO, reg 24 approval).
    `calendar` defaults to get_calendar() (only consulted for working-day rules).
    """
    rule = effective_rule(rule_id, settings=settings)
    return _due(rule, start, calendar=calendar, extensions=extensions)


def due_at(
    rule_id: str,
    start: datetime,
    *,
    calendar: WorkingDayCalendar | None = None,
    settings: Mapping[str, Any] | None = None,
) -> datetime:
    """The due moment of a day-based rule for a trigger at a time of day: the due date at the
    trigger's local time of day. A contact received at 16:40 on a Friday with one working day
    is due at 16:40 on Monday (or Tuesday after a bank holiday), which is how a front door's
    "24-hour" clock is read."""
    start_local = timezone.localtime(_as_utc(start, "the start"))
    due = due_date(rule_id, start_local, calendar=calendar, settings=settings)
    if isinstance(due, datetime):
        return due
    return start_local.replace(year=due.year, month=due.month, day=due.day)


def _due(
    rule: Rule,
    start: date | datetime,
    *,
    calendar: WorkingDayCalendar | None,
    extensions: int,
) -> date | datetime:
    offset = rule.offset + _extension_total(rule, extensions)
    if rule.unit == Unit.HOURS:
        return timezone.localtime(_as_utc(start, "the start") + timedelta(hours=offset))
    start_date = _as_date(start)
    if rule.unit == Unit.WORKING_DAYS:
        return (calendar or get_calendar()).add_working_days(start_date, offset)
    if rule.unit == Unit.CALENDAR_DAYS:
        return start_date + timedelta(days=offset)
    if rule.unit == Unit.WEEKS:
        return start_date + timedelta(weeks=offset)
    if rule.unit == Unit.MONTHS:
        return add_months(start_date, offset)
    raise ValueError(f"Unknown unit {rule.unit!r}")


def _extension_total(rule: Rule, extensions: int) -> int:
    if extensions == 0:
        return 0
    if extensions < 0:
        raise ValueError("extensions must be 0 or more")
    if rule.extension is None:
        raise ValueError(f"{rule.id} cannot be extended")
    if rule.max_extensions is not None and extensions > rule.max_extensions:
        raise ValueError(f"{rule.id} can be extended at most {rule.max_extensions} time(s)")
    return rule.extension * extensions


# -- status -------------------------------------------------------------------------------------


def assess(
    rule_id: str,
    start: date | datetime,
    *,
    done_on: date | datetime | None = None,
    today: date | datetime | None = None,
    calendar: WorkingDayCalendar | None = None,
    settings: Mapping[str, Any] | None = None,
    extensions: int = 0,
) -> Timescale:
    """The due date and status of one timescale.

    `done_on` is when the due event happened (None if it has not). `today` is "now" for the
    status of an open timescale: a date (defaults to today's local date) or, for hour rules, an
    aware datetime (defaults to now).
    """
    rule = effective_rule(rule_id, settings=settings)
    if rule.unit == Unit.WORKING_DAYS and calendar is None:
        calendar = get_calendar()
    due = _due(rule, start, calendar=calendar, extensions=extensions)

    hours = rule.unit == Unit.HOURS
    # Compare hour-based times in UTC (see _as_utc); day-based ones as local dates.
    due_key = _as_utc(due, "the due time") if hours else due

    def count(a, b) -> int:
        """How many counting units from a to b (b >= a)."""
        if hours:
            return int((b - a).total_seconds() // 3600)
        if rule.unit == Unit.WORKING_DAYS:
            return calendar.working_days_between(a, b)
        return (b - a).days

    if done_on is not None:
        done = _as_utc(done_on, "done_on") if hours else _as_date(done_on)
        if done <= due_key:
            return Timescale(rule, start, due, Status.MET_IN_TIME, done_on=done_on)
        late = count(due_key, done)
        return Timescale(rule, start, due, Status.MET_LATE, days_late=late, done_on=done_on)

    if hours:
        now = _as_utc(timezone.now() if today is None else today, "today")
    else:
        now = timezone.localdate() if today is None else _as_date(today)
    if now > due_key:
        return Timescale(rule, start, due, Status.OVERDUE, days_late=count(due_key, now))
    remaining = count(now, due_key)
    status = Status.DUE_SOON if remaining <= rule.effective_soon_window else Status.NOT_YET_DUE
    return Timescale(rule, start, due, status, days_remaining=remaining)

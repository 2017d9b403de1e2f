"""Display rows for the Timescales page (kept out of the templates)."""

from dataclasses import dataclass
from datetime import date

from lantern.timescales.calendar import ClosedDay, WorkingDayCalendar
from lantern.timescales.engine import add_months, effective_rule
from lantern.timescales.models import RuleSetting
from lantern.timescales.rules import RULES, Rule


@dataclass(frozen=True)
class RuleRow:
    rule: Rule  # the declared rule
    effective: Rule  # with the local setting applied
    setting: RuleSetting | None

    @property
    def locally_set(self) -> bool:
        return self.setting is not None and self.rule.overridable

    @property
    def timescale(self) -> str:
        return self.effective.period

    @property
    def local_label(self) -> str:
        if self.locally_set:
            return f"Locally set (default {self.rule.period})"
        return "Can be set locally" if self.rule.overridable else "Fixed"


def rule_rows(settings: dict[str, RuleSetting]) -> list[RuleRow]:
    return [
        RuleRow(rule, effective_rule(rule.id, settings=settings), settings.get(rule.id))
        for rule in RULES.values()
    ]


def upcoming_closed_days(calendar: WorkingDayCalendar, today: date) -> list[ClosedDay]:
    """Bank holidays and local closure days from today to 12 months ahead."""
    return calendar.closed_days_between(today, add_months(today, 12))

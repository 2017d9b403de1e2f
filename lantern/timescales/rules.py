"""Every due-date rule Lantern knows, declared as data (domain.md §1.14).

Each rule says: when `trigger` happens, `due_event` is due `offset` `unit`s later, counted by the
one convention in lantern/timescales/engine.py (start is day 0). `basis` says where the rule comes
from; only rules marked `overridable` may have their offset changed by the local authority
(a `RuleSetting` row, edited on the Timescales page), and those are local practice standards.

"Due soon" windows: a rule's `soon_window` (or the default for its unit, `DEFAULT_SOON_WINDOW`)
is measured in working days for working-day rules, in hours for hour rules and in calendar days
for everything else. A timescale is "due soon" when no more than that many remain (0 = due today).
"""

from dataclasses import dataclass
from enum import StrEnum


class Unit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"

    @property
    def label(self) -> str:
        return _UNIT_LABELS[self][1]

    def describe(self, n: int) -> str:
        """'1 working day', '3 months', '72 hours'."""
        singular, plural = _UNIT_LABELS[self]
        return f"{n} {singular if n == 1 else plural}"


_UNIT_LABELS = {
    Unit.WORKING_DAYS: ("working day", "working days"),
    Unit.CALENDAR_DAYS: ("day", "days"),
    Unit.WEEKS: ("week", "weeks"),
    Unit.MONTHS: ("month", "months"),
    Unit.HOURS: ("hour", "hours"),
}


class Basis(StrEnum):
    STATUTORY = "statutory"  # an Act of Parliament
    STATUTORY_GUIDANCE = "statutory guidance"  # e.g. Working Together to Safeguard Children
    REGULATION = "regulation"  # a statutory instrument
    LOCAL = "local"  # the local authority's own practice standard


# How close to the due date a timescale turns "due soon", by unit, in the measure described in
# the module docstring: 2 working days; 2 calendar days for short day-counted periods; a week for
# week-counted periods; a fortnight for month-counted ones; 12 hours for hour-counted ones.
DEFAULT_SOON_WINDOW: dict[Unit, int] = {
    Unit.WORKING_DAYS: 2,
    Unit.CALENDAR_DAYS: 2,
    Unit.WEEKS: 7,
    Unit.MONTHS: 14,
    Unit.HOURS: 12,
}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    trigger: str
    due_event: str
    offset: int
    unit: Unit
    basis: Basis
    source: str
    overridable: bool = False
    # None means the default for the unit (DEFAULT_SOON_WINDOW).
    soon_window: int | None = None
    # Periods a court or regulation allows the due date to be extended by, and how many times
    # (None = no limit). E.g. an EPO: 8 days, extendable once by up to 7.
    extension: int | None = None
    max_extensions: int | None = None

    @property
    def effective_soon_window(self) -> int:
        return DEFAULT_SOON_WINDOW[self.unit] if self.soon_window is None else self.soon_window

    @property
    def soon_unit(self) -> Unit:
        """The unit days remaining / days late are counted in for this rule."""
        if self.unit in (Unit.WORKING_DAYS, Unit.HOURS):
            return self.unit
        return Unit.CALENDAR_DAYS

    @property
    def period(self) -> str:
        """'15 working days', '3 months'."""
        return self.unit.describe(self.offset)


WT2023 = "Working Together to Safeguard Children 2023"
CPPCR = "Care Planning, Placement and Case Review (England) Regulations 2010"
PF_REGS = "Children (Private Arrangements for Fostering) Regulations 2005"

_RULES = [
    # Front door and assessment
    Rule(
        id="referral_decision",
        title="Referral decision",
        trigger="Referral received",
        due_event="Decision on the type of response",
        offset=1,
        unit=Unit.WORKING_DAYS,
        basis=Basis.STATUTORY_GUIDANCE,
        source=WT2023,
        overridable=True,
        soon_window=0,
    ),
    Rule(
        id="assessment_complete",
        title="Child and family assessment",
        trigger="Referral received",
        due_event="Assessment authorised",
        offset=45,
        unit=Unit.WORKING_DAYS,
        basis=Basis.STATUTORY_GUIDANCE,
        source=WT2023,
        soon_window=5,
    ),
    # Child protection
    Rule(
        id="icpc",
        title="Initial child protection conference",
        trigger="Strategy discussion initiating section 47 enquiries",
        due_event="Initial child protection conference held",
        offset=15,
        unit=Unit.WORKING_DAYS,
        basis=Basis.STATUTORY_GUIDANCE,
        source=WT2023,
        soon_window=3,
    ),
    Rule(
        id="strategy_record",
        title="Strategy discussion record",
        trigger="Strategy discussion held",
        due_event="Record of the discussion completed, with its decision and the enquiry plan",
        offset=1,
        unit=Unit.WORKING_DAYS,
        basis=Basis.LOCAL,
        source="Local practice standard (record shared within one working day)",
        overridable=True,
        soon_window=0,
    ),
    Rule(
        id="first_core_group",
        title="First core group",
        trigger="Initial child protection conference",
        due_event="First core group meeting",
        offset=10,
        unit=Unit.WORKING_DAYS,
        basis=Basis.STATUTORY_GUIDANCE,
        source=f"{WT2023}; local safeguarding children partnership procedures",
    ),
    Rule(
        id="first_rcpc",
        title="First review child protection conference",
        trigger="Initial child protection conference",
        due_event="First review conference held",
        offset=3,
        unit=Unit.MONTHS,
        basis=Basis.STATUTORY_GUIDANCE,
        source=WT2023,
    ),
    Rule(
        id="next_rcpc",
        title="Review child protection conference",
        trigger="Previous review conference",
        due_event="Next review conference held",
        offset=6,
        unit=Unit.MONTHS,
        basis=Basis.STATUTORY_GUIDANCE,
        source=WT2023,
    ),
    Rule(
        id="cp_visit",
        title="Child protection visit",
        trigger="Child protection plan start or last visit",
        due_event="Next child protection visit",
        offset=10,
        unit=Unit.WORKING_DAYS,
        basis=Basis.LOCAL,
        source="Local practice standard (not set nationally)",
        overridable=True,
    ),
    # Children in need
    Rule(
        id="cin_review",
        title="Child in need plan review",
        trigger="Child in need plan start or last review",
        due_event="Next child in need review",
        offset=3,
        unit=Unit.MONTHS,
        basis=Basis.LOCAL,
        source="Local practice standard (not set nationally)",
        overridable=True,
    ),
    # Closure and step-down (findings FD8, CP6)
    Rule(
        id="high_risk_closure_window",
        title="Closure after high-risk assessment factors",
        trigger=(
            "Assessment authorised with domestic abuse, substance misuse or parental mental "
            "health factors"
        ),
        due_event="Earliest closure without a manager's override",
        offset=3,
        unit=Unit.MONTHS,
        basis=Basis.LOCAL,
        source="Local practice standard (not set nationally; finding CP6)",
        overridable=True,
    ),
    Rule(
        id="closure_decision",
        title="Closure or step-down decision",
        trigger="Closure or step-down requested",
        due_event="Manager's approval or return of the request",
        offset=1,
        unit=Unit.WORKING_DAYS,
        basis=Basis.LOCAL,
        source="Local practice standard (not set nationally)",
        overridable=True,
        soon_window=0,
    ),
    # Looked-after children: reviews
    Rule(
        id="first_lac_review",
        title="First looked-after review",
        trigger="Child became looked after",
        due_event="First looked-after review",
        offset=20,
        unit=Unit.WORKING_DAYS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 33(1)",
        soon_window=3,
    ),
    Rule(
        id="second_lac_review",
        title="Second looked-after review",
        trigger="First looked-after review",
        due_event="Second looked-after review",
        offset=3,
        unit=Unit.MONTHS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 33(2)",
    ),
    Rule(
        id="next_lac_review",
        title="Looked-after review",
        trigger="Previous looked-after review",
        due_event="Next looked-after review",
        offset=6,
        unit=Unit.MONTHS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 33(2)",
    ),
    # Looked-after children: permanence (findings PM1, PM3)
    Rule(
        id="permanence_plan",
        title="Permanence plan for a child in care",
        trigger="Child became looked after",
        due_event="Permanence plan agreed",
        offset=4,
        unit=Unit.MONTHS,
        basis=Basis.LOCAL,
        source=(
            "Local practice standard: Children Act 1989 guidance volume 2 (2015) expects the "
            "permanence plan by the second review, about 4 months after care starts (PM1)"
        ),
        overridable=True,
    ),
    Rule(
        id="s20_permanence_decision",
        title="Permanence decision for a child accommodated under section 20",
        trigger="Accommodated under section 20 (legal status V2)",
        due_event="Permanence decision",
        offset=6,
        unit=Unit.MONTHS,
        basis=Basis.LOCAL,
        source="Local practice standard (not set nationally; finding PM3)",
        overridable=True,
    ),
    # Looked-after children: statutory visits
    Rule(
        id="placement_first_visit",
        title="First visit in a placement",
        trigger="Placement start",
        due_event="First statutory visit",
        offset=1,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 28(2)",
        soon_window=2,
    ),
    Rule(
        id="lac_visit_year_one",
        title="Statutory visit (first year of placement)",
        trigger="Previous visit, in the first year of the placement",
        due_event="Next statutory visit",
        offset=6,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 28(2)",
    ),
    Rule(
        id="lac_visit_long_term",
        title="Statutory visit (long-term placement after the first year)",
        trigger="Previous visit, after the first year of a placement intended to last until 18",
        due_event="Next statutory visit",
        offset=3,
        unit=Unit.MONTHS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 28(2)",
    ),
    Rule(
        id="reg24_visit_before_first_review",
        title="Weekly visit before the first review (connected person or interim care order)",
        trigger="Placement start or previous visit, before the first review",
        due_event="Next statutory visit",
        offset=1,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 28(4)",
        soon_window=2,
    ),
    Rule(
        id="reg24_visit_after_first_review",
        title="Visit after the first review (connected person or interim care order)",
        trigger="Previous visit, after the first review",
        due_event="Next statutory visit",
        offset=4,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 28(4)",
    ),
    Rule(
        id="reg24_approval_expiry",
        title="Temporary approval of a connected person",
        trigger="Temporary approval start",
        due_event="Temporary approval expires",
        offset=16,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulations 24 and 25",
        soon_window=28,
        extension=8,
        max_extensions=1,
    ),
    # Care proceedings
    Rule(
        id="care_proceedings_final",
        title="Care proceedings",
        trigger="Care or supervision application issued",
        due_event="Final order",
        offset=26,
        unit=Unit.WEEKS,
        basis=Basis.STATUTORY,
        source="Children Act 1989, section 32(1)(a)",
        soon_window=28,
        extension=8,
        max_extensions=None,
    ),
    # Care leavers
    Rule(
        id="needs_assessment_16",
        title="Needs assessment (eligible child)",
        trigger="16th birthday, or becoming eligible if later",
        due_event="Needs assessment complete",
        offset=3,
        unit=Unit.MONTHS,
        basis=Basis.REGULATION,
        source=f"{CPPCR}, regulation 42(1)",
    ),
    Rule(
        id="pathway_plan_review",
        title="Pathway plan review",
        trigger="Pathway plan made or last reviewed",
        due_event="Pathway plan review",
        offset=6,
        unit=Unit.MONTHS,
        basis=Basis.REGULATION,
        source="Care Leavers (England) Regulations 2010, regulation 7; CPPCR 2010, regulation 44",
    ),
    # Private fostering
    Rule(
        id="pf_first_visit",
        title="Private fostering visit after notification",
        trigger="Private fostering notification received",
        due_event="Local authority visit",
        offset=7,
        unit=Unit.WORKING_DAYS,
        basis=Basis.REGULATION,
        source=f"{PF_REGS}, regulations 4 and 7",
    ),
    Rule(
        id="pf_visit_year_one",
        title="Private fostering visit (first year)",
        trigger="Previous visit, in the first year of the arrangement",
        due_event="Next private fostering visit",
        offset=6,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{PF_REGS}, regulation 8",
    ),
    Rule(
        id="pf_visit_later",
        title="Private fostering visit (second and later years)",
        trigger="Previous visit, after the first year of the arrangement",
        due_event="Next private fostering visit",
        offset=12,
        unit=Unit.WEEKS,
        basis=Basis.REGULATION,
        source=f"{PF_REGS}, regulation 8",
    ),
    # Emergency protection
    Rule(
        id="police_protection_end",
        title="Police protection",
        trigger="Child taken into police protection",
        due_event="Police protection ends",
        offset=72,
        unit=Unit.HOURS,
        basis=Basis.STATUTORY,
        source="Children Act 1989, section 46(6)",
    ),
    Rule(
        id="epo_expiry",
        title="Emergency protection order",
        trigger="Emergency protection order made",
        due_event="Emergency protection order expires",
        offset=8,
        unit=Unit.CALENDAR_DAYS,
        basis=Basis.STATUTORY,
        source="Children Act 1989, section 45(1) and (5)",
        extension=7,
        max_extensions=1,
    ),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
assert len(RULES) == len(_RULES), "Duplicate rule id"


def get_rule(rule_id: str) -> Rule:
    """The declared rule; KeyError for an unknown id."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"Unknown timescale rule {rule_id!r}") from None


def rule_choices() -> list[tuple[str, str]]:
    return [(rule.id, rule.title) for rule in _RULES]

"""SSDA903 episodes from one period of care's legal statuses and placements (domain.md §3.5).

Pure: plain dataclasses in, plain dataclasses out, no database. `selectors.episodes_for` loads
a period's rows and calls `build_episodes`; the 903 export and any page showing episodes read
the same rows.

The rules, as applied here:

* A new episode starts on any day the legal status or the placement changes. The placement
  "changes" when its type, provider, postcode, URN or carer differs from the one the current
  episode records; a status row repeating the current code, or a placement row identical in
  all five, starts no episode (rules 434-436 compare LS, PLACE, PL_POST, URN and
  PLACE_PROVIDER).
* Reason for new episode: S for the first; L for the status alone; P when the placement and
  carer change; T when the placement changes with the same carer (foster carers move house,
  U6 becomes U4); B and U are P and T with a change of status on the same day. A move into or
  out of a temporary placement (T0-T4) is always a change of carer: after one the child's
  return is RNE P (rule 383).
* A continued episode ends on the day the next starts with REC X1 (rules 388, 433); the last
  ends with the period's reason ceased, or stays open.
* REASON_PLACE_CHANGE goes on the episode that ends a placement by a change of placement
  (rule 225), taken from the placement row the change ended; never when that placement or the
  next is temporary (226) and never on an open episode (233).
* Short breaks (V3, V4): no placement postcode or URN on the episode (rule 214).
"""

import datetime
from dataclasses import dataclass, replace

from lantern.children_in_care.codes import SHORT_BREAK_STATUSES, TEMPORARY_PLACES

COLUMNS = (
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
)


@dataclass(frozen=True)
class PeriodRow:
    start_date: datetime.date
    category_of_need: str
    home_postcode: str = ""
    end_date: datetime.date | None = None
    reason_ceased: str = ""


@dataclass(frozen=True)
class StatusRow:
    start_date: datetime.date
    code: str


@dataclass(frozen=True)
class PlacementRow:
    start_date: datetime.date
    place: str
    provider: str = ""
    carer_id: int | None = None
    postcode: str = ""
    urn: str = ""
    # Why this placement ended, when it ended by a change of placement.
    reason_change: str = ""

    @property
    def is_temporary(self) -> bool:
        return self.place in TEMPORARY_PLACES

    def compared(self) -> tuple:
        """What a change of placement is judged on."""
        return (self.place, self.provider, self.postcode, self.urn, self.carer_id)


@dataclass(frozen=True)
class Episode:
    """One row of the 903 Episodes file (without CHILD). Blank codes are "", open dates None."""

    decom: datetime.date
    rne: str
    ls: str
    cin: str
    place: str
    place_provider: str
    dec: datetime.date | None
    rec: str
    reason_place_change: str
    home_post: str
    pl_post: str
    urn: str

    def row(self) -> dict[str, object]:
        """The row keyed by the 903 column names (dates left as dates for the export)."""
        values = (
            self.decom,
            self.rne,
            self.ls,
            self.cin,
            self.place,
            self.place_provider,
            self.dec,
            self.rec,
            self.reason_place_change,
            self.home_post,
            self.pl_post,
            self.urn,
        )
        return dict(zip(COLUMNS, values, strict=True))


def _same_carer(before: PlacementRow, after: PlacementRow) -> bool:
    return (
        before.carer_id is not None
        and before.carer_id == after.carer_id
        and not before.is_temporary
        and not after.is_temporary
    )


def _reason_for_new_episode(
    status_changed: bool, before: PlacementRow, after: PlacementRow
) -> str | None:
    placement_changed = before.compared() != after.compared()
    if not placement_changed:
        return "L" if status_changed else None
    if _same_carer(before, after):
        return "U" if status_changed else "T"
    return "B" if status_changed else "P"


def _check(period: PeriodRow, statuses: list[StatusRow], placements: list[PlacementRow]):
    for label, rows in (("legal status", statuses), ("placement", placements)):
        if not rows or rows[0].start_date != period.start_date:
            raise ValueError(f"The period of care must start with a {label}")
        days = [r.start_date for r in rows]
        if len(set(days)) != len(days):
            raise ValueError(f"Two {label} rows start on the same day")
        if period.end_date is not None and days[-1] >= period.end_date:
            raise ValueError(f"A {label} starts on or after the day the period of care ended")


def build_episodes(
    period: PeriodRow, statuses: list[StatusRow], placements: list[PlacementRow]
) -> list[Episode]:
    """The 903 episodes of one period of care, in order. `statuses` and `placements` are the
    period's current rows (removed ones left out), in any order: the first of each starts on
    the period's start date and none on or after its end date (ValueError otherwise)."""
    statuses = sorted(statuses, key=lambda s: s.start_date)
    placements = sorted(placements, key=lambda p: p.start_date)
    _check(period, statuses, placements)
    status_on = {s.start_date: s for s in statuses}
    placement_on = {p.start_date: p for p in placements}
    days = sorted(status_on.keys() | placement_on.keys())

    episodes: list[Episode] = []
    status = statuses[0]
    # The placement row in force: its reason is the one a change of placement ends it with.
    placement = placements[0]
    shown = placement  # the placement the current episode records
    for day in days:
        new_status = status_on.get(day, status)
        new_placement = placement_on.get(day, placement)
        if not episodes:
            rne = "S"
        else:
            rne = _reason_for_new_episode(new_status.code != episodes[-1].ls, shown, new_placement)
            if rne is None:  # the same status, or a placement identical to the last
                status, placement = new_status, new_placement
                continue
            reason = ""
            if rne != "L" and not placement.is_temporary and not new_placement.is_temporary:
                reason = placement.reason_change
            episodes[-1] = replace(episodes[-1], dec=day, rec="X1", reason_place_change=reason)
        status, placement, shown = new_status, new_placement, new_placement
        short_break = status.code in SHORT_BREAK_STATUSES
        episodes.append(
            Episode(
                decom=day,
                rne=rne,
                ls=status.code,
                cin=period.category_of_need,
                place=placement.place,
                place_provider=placement.provider,
                dec=None,
                rec="",
                reason_place_change="",
                home_post=period.home_postcode,
                pl_post="" if short_break else placement.postcode,
                urn="" if short_break else placement.urn,
            )
        )
    if period.end_date is not None:
        episodes[-1] = replace(episodes[-1], dec=period.end_date, rec=period.reason_ceased)
    return episodes

"""Reads of periods of care. Access (who may see a child's record) is the caller's: pages reach
a period through `lantern.people.selectors.person_get_for` first."""

from lantern.children_in_care.episodes import (
    Episode,
    PeriodRow,
    PlacementRow,
    StatusRow,
    build_episodes,
)
from lantern.children_in_care.models import LegalStatus, PeriodOfCare, Placement


def period_row(period: PeriodOfCare) -> PeriodRow:
    return PeriodRow(
        start_date=period.start_date,
        category_of_need=period.category_of_need,
        home_postcode=period.home_postcode,
        end_date=period.end_date,
        reason_ceased=period.reason_ceased,
    )


def status_rows(period: PeriodOfCare) -> list[StatusRow]:
    """The period's current legal statuses (removed ones left out), in order. One query."""
    return [
        StatusRow(start_date=start, code=code)
        for start, code in LegalStatus.objects.filter(period=period, ended_at__isnull=True)
        .order_by("start_date")
        .values_list("start_date", "code")
    ]


def placement_rows(period: PeriodOfCare) -> list[PlacementRow]:
    """The period's current placements (removed ones left out), in order. One query."""
    fields = ("start_date", "place", "provider", "carer_id", "postcode", "urn", "reason_change")
    return [
        PlacementRow(**dict(zip(fields, values, strict=True)))
        for values in Placement.objects.filter(period=period, ended_at__isnull=True)
        .order_by("start_date")
        .values_list(*fields)
    ]


def episodes_for(period: PeriodOfCare) -> list[Episode]:
    """The 903 episodes of `period`, in two queries whatever its length."""
    return build_episodes(period_row(period), status_rows(period), placement_rows(period))

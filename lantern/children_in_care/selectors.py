"""Reads of periods of care. Access (who may see a child's record) is the caller's: pages reach
a period through `lantern.people.selectors.person_get_for` first (or `period_get_for`, which
starts there)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch

from lantern.children_in_care.episodes import (
    Episode,
    PeriodRow,
    PlacementRow,
    StatusRow,
    build_episodes,
)
from lantern.children_in_care.models import (
    Carer,
    CareReview,
    LegalStatus,
    PeriodOfCare,
    PermanencePlan,
    Placement,
    ReviewDecision,
)
from lantern.people.selectors import child_record_get_for

VIEW = "casework.view"


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


# -- the pages --------------------------------------------------------------------------------


def period_get_for(*, user, pk, permission: str = VIEW) -> PeriodOfCare:
    """A period of care, if the user holds `permission` and may open the child's record;
    Http404 otherwise, RestrictedRecord when the child's record needs a reason."""
    qs = PeriodOfCare.objects.select_related("person")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def open_period_exists(person_ids: list[int]) -> bool:
    return PeriodOfCare.objects.filter(person_id__in=person_ids, end_date__isnull=True).exists()


@dataclass
class PeriodHistory:
    """One period of care with every legal status and placement recorded in it (date order,
    removed ones included: `is_current` is False for them) and its 903 episodes."""

    period: PeriodOfCare
    statuses: list[LegalStatus]
    placements: list[Placement]
    episodes: list[Episode]

    @property
    def current_statuses(self) -> list[LegalStatus]:
        return [s for s in self.statuses if s.is_current]

    @property
    def current_placements(self) -> list[Placement]:
        return [p for p in self.placements if p.is_current]

    @property
    def status_now(self) -> LegalStatus | None:
        rows = self.current_statuses
        return rows[-1] if rows else None

    @property
    def placement_now(self) -> Placement | None:
        rows = self.current_placements
        return rows[-1] if rows else None


def _placement_row(p: Placement) -> PlacementRow:
    return PlacementRow(
        start_date=p.start_date,
        place=p.place,
        provider=p.provider,
        carer_id=p.carer_id,
        postcode=p.postcode,
        urn=p.urn,
        reason_change=p.reason_change,
    )


def care_record(person_ids: list[int]) -> list[PeriodHistory]:
    """Every period of care of the child whose record is `person_ids` (theirs and any merged
    into it), newest first, each with its legal statuses, placements (with their carers) and
    903 episodes. Three queries however long the history: the episodes are built from the
    rows loaded here, as `episodes_for` builds them."""
    periods = list(
        PeriodOfCare.objects.filter(person_id__in=person_ids).order_by("-start_date", "-pk")
    )
    if not periods:
        return []
    ids = [p.pk for p in periods]
    statuses: dict[int, list[LegalStatus]] = defaultdict(list)
    for status in LegalStatus.objects.filter(period_id__in=ids).order_by("start_date", "pk"):
        statuses[status.period_id].append(status)
    placements: dict[int, list[Placement]] = defaultdict(list)
    for placement in (
        Placement.objects.filter(period_id__in=ids)
        .select_related("carer")
        .order_by("start_date", "pk")
    ):
        placements[placement.period_id].append(placement)
    out = []
    for period in periods:
        history = PeriodHistory(period, statuses[period.pk], placements[period.pk], [])
        history.episodes = build_episodes(
            period_row(period),
            [StatusRow(start_date=s.start_date, code=s.code) for s in history.current_statuses],
            [_placement_row(p) for p in history.current_placements],
        )
        out.append(history)
    return out


def period_now(period: PeriodOfCare) -> tuple[LegalStatus | None, Placement | None]:
    """The period's legal status and placement now (removed ones ignored). Two queries."""
    status = (
        LegalStatus.objects.filter(period=period, ended_at__isnull=True)
        .order_by("-start_date")
        .first()
    )
    placement = (
        Placement.objects.filter(period=period, ended_at__isnull=True)
        .select_related("carer")
        .order_by("-start_date")
        .first()
    )
    return status, placement


def carers_list():
    """Every carer, by name."""
    return Carer.objects.order_by("name", "pk")


def reviews_for(person_ids: list[int]) -> list[CareReview]:
    """The child's looked-after reviews, newest first, each with its IRO and decisions (removed
    reviews left out). Two queries however many."""
    return list(
        CareReview.objects.filter(person_id__in=person_ids, ended_at__isnull=True)
        .select_related("iro")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=ReviewDecision.objects.select_related("owner_user").order_by(
                    "due_date", "pk"
                ),
            )
        )
        .order_by("-held_on", "-pk")
    )


def permanence_plans_for(person_ids: list[int]) -> list[PermanencePlan]:
    """Every permanence plan of the child, newest first, with the review that agreed it."""
    return list(
        PermanencePlan.objects.filter(person_id__in=person_ids)
        .select_related("review")
        .order_by("-agreed_on", "-pk")
    )

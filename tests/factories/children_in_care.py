"""Children in care test data, made through the services as the pages will make it."""

import datetime

from django.utils import timezone

from lantern.children_in_care.services import (
    DecisionInput,
    care_end,
    care_review_record,
    care_start,
    carer_add,
    legal_status_change,
    placement_change,
)


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def make_carer(by, **kwargs):
    """Local authority foster carers in Grimsby, unless told otherwise."""
    defaults = {
        "name": "Sam and Alex Kerr",
        "kind": "la_foster",
        "provider": "PR1",
        "postcode": "DN32 7AA",
    }
    defaults.update(kwargs)
    return carer_add(by=by, **defaults)


def start_care(
    by,
    child,
    *,
    start_date=None,
    legal_status="V2",
    cin="N1",
    home_postcode="DN31 1HU",
    carer=None,
    **placement,
):
    """The child starts to be looked after (default: under section 20, 60 days ago, in a
    short-term foster placement with new local authority foster carers)."""
    placement.setdefault("place", "U6")
    if carer is None and "carer" not in placement:
        carer = make_carer(by)
    placement.setdefault("carer", carer)
    return care_start(
        by=by,
        person=child,
        start_date=start_date or days_ago(60),
        legal_status=legal_status,
        cin=cin,
        home_postcode=home_postcode,
        placement=placement,
    )


def change_status(by, period, code, start_date):
    period.refresh_from_db()
    return legal_status_change(
        by=by, period=period, code=code, start_date=start_date, version=period.version
    )


def move(by, period, start_date, *, place="U6", reason_change="CARPL", **fields):
    """A change of placement (to `fields["carer"]`, or new foster carers)."""
    if "carer" not in fields and place not in ("T0", "T1", "T2", "T4", "R2", "R5"):
        fields["carer"] = make_carer(by, name="Jo Barnes", postcode="DN34 5BB")
    period.refresh_from_db()
    return placement_change(
        by=by,
        period=period,
        start_date=start_date,
        place=place,
        reason_change=reason_change,
        version=period.version,
        **fields,
    )


def end_care(by, period, end_date, reason_ceased="E4A"):
    period.refresh_from_db()
    care_end(
        by=by,
        period=period,
        end_date=end_date,
        reason_ceased=reason_ceased,
        version=period.version,
    )
    period.refresh_from_db()
    return period


def _age(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def children_in_care_samples(*, child, worker) -> dict:
    """One of everything in children in care, for tests that walk every URL: the child in an
    open period of care (started under section 20, then moved) with a review and its decision,
    and a carer. The path values each children in care route takes."""
    from tests.factories import UserFactory

    carer = make_carer(worker)
    period = start_care(worker, child, start_date=days_ago(40), carer=carer)
    move(worker, period, days_ago(20))
    review = care_review_record(
        by=worker,
        period=period,
        held_on=days_ago(15),
        iro=UserFactory(role="iro"),
        iro_saw_child=True,
        participation="PN0" if _age(child.date_of_birth, days_ago(15)) < 4 else "PN1",
        child_views="Happy with their carers; misses their school friends.",
        decisions=[DecisionInput("Arrange a visit to the old school", worker, "", days_ago(-10))],
    )
    return {
        "person_pk": child.pk,
        "period_pk": period.pk,
        "carer_pk": carer.pk,
        "decision_pk": review.decisions.get().pk,
    }

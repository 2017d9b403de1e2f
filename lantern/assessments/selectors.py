"""Reads of assessments, each starting from the user (house style §3).

An assessment is part of the child's record: the user needs the permission named and must be
able to open the child's record (lantern.people.selectors.child_record_get_for), so a refusal
is a 404 and a restricted child's record raises RestrictedRecord (the view asks for a reason).
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from lantern.assessments.models import Assessment, AssessmentConsultee
from lantern.front_door.models import Referral
from lantern.people.chronology import entry_link, kind_label
from lantern.people.models import ChronologyEntry, Person
from lantern.people.record import NetworkMember, family_network
from lantern.people.selectors import child_record_get_for, person_get_for, record_ids

# How many of the child's latest chronology entries the assessment shows beside the history
# section; the full chronology is on the child's record.
CHRONOLOGY_LIMIT = 60


def assessment_get_for(*, user, pk, permission: str = "casework.view") -> Assessment:
    qs = Assessment.objects.select_related(
        "person", "referral", "authorised_by", "submitted_by", "updated_by"
    )
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def consultee_get_for(*, user, pk, permission: str = "assessment.record") -> AssessmentConsultee:
    qs = AssessmentConsultee.objects.select_related("assessment__person", "person")
    return child_record_get_for(
        qs, user=user, pk=pk, permission=permission, person_field="assessment.person_id"
    )


def referral_get_for(*, user, pk, permission: str = "assessment.record") -> Referral:
    """The referral an assessment starts from."""
    qs = Referral.objects.select_related("person")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def child_get_for(*, user, pk) -> Person:
    return person_get_for(user=user, pk=pk, permission="casework.view")


def assessments_of(person: Person) -> QuerySet[Assessment]:
    """The child's assessments, newest first (call after child_get_for)."""
    return (
        Assessment.objects.filter(person_id__in=record_ids(person))
        .select_related("referral", "authorised_by")
        .order_by("-start_date", "-id")
    )


def consultees_of(assessment: Assessment) -> list[AssessmentConsultee]:
    """Everyone consulted, those removed last."""
    rows = assessment.consultees.select_related("person")
    return sorted(rows, key=lambda c: (c.ended_at is not None, c.consulted_on, c.pk))


@dataclass
class ChronologyLine:
    entry: ChronologyEntry
    label: str
    href: str | None


def chronology_beside(person: Person, *, limit: int = CHRONOLOGY_LIMIT) -> list[ChronologyLine]:
    """The child's latest chronology entries, latest first: two queries however long the
    chronology."""
    entries = ChronologyEntry.objects.filter(person_id__in=record_ids(person)).order_by(
        "-occurred_on", "-id"
    )[:limit]
    return [ChronologyLine(e, kind_label(e.kind), entry_link(e)) for e in entries]


def consultee_choices(assessment: Assessment, *, today: datetime.date) -> list[NetworkMember]:
    """The people in the child's family network, to choose who was consulted."""
    person = assessment.person
    return family_network(person, record_ids(person), today=today)

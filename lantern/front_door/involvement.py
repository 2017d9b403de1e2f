"""The front door's part of each person's involvement summary (lantern.people.involvement):
contacts awaiting a decision, referrals and section 47 enquiries."""

from collections import defaultdict

from django.utils import timezone

from lantern.front_door.models import ContactChild, Referral, Section47
from lantern.people.involvement import Involvement, provider

AWAITING_DECISION = "Contact awaiting decision"
OPEN_REFERRAL = "Open referral"
OPEN_S47 = "Section 47 enquiry"
STATUSES = {AWAITING_DECISION, OPEN_REFERRAL, OPEN_S47}


@provider
def front_door(person_ids: list[int]) -> dict[int, list[Involvement]]:
    out: dict[int, list[Involvement]] = defaultdict(list)
    waiting = (
        ContactChild.objects.filter(person_id__in=person_ids)
        .exclude(status=ContactChild.Status.DECIDED)
        .values_list("person_id", "contact__received_at")
    )
    for pid, received in waiting:
        out[pid].append(
            Involvement(
                "contact awaiting decision",
                timezone.localdate(received),
                status=AWAITING_DECISION,
            )
        )
    for pid, start, end in Referral.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "referral_date", "closure_date"
    ):
        out[pid].append(
            Involvement("referral", start, end, status=OPEN_REFERRAL if end is None else None)
        )
    for pid, start, end in Section47.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "start_date", "outcome_date"
    ):
        out[pid].append(
            Involvement("section 47 enquiry", start, end, status=OPEN_S47 if end is None else None)
        )
    return out

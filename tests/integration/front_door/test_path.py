"""The whole front-door path through the services: contact, screening, decision, referral,
strategy discussion, section 47 enquiry, and the checks that watch it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.checks.registry import flags_for_person
from lantern.common.errors import TransitionError
from lantern.front_door.models import (
    ContactChild,
    Referral,
    Section47,
    StrategyDiscussion,
    Threshold,
)
from lantern.front_door.services import (
    information_request,
    information_request_agree,
    screening_record,
    section47_outcome_record,
)
from lantern.people.models import ChronologyEntry
from lantern.timescales.engine import due_date
from tests.factories.front_door import decide, make_contact, record_strategy, screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_door(user_for):
    return user_for(Role.FRONT_DOOR)


def check_ids(person):
    return {c.id for c, _ in flags_for_person([person.pk], timezone.localdate())}


def test_contact_gives_each_child_a_clock_one_working_day_from_receipt(front_door, person_maker):
    a, b = person_maker(first_name="Ellie"), person_maker(first_name="Tom")
    received = timezone.make_aware(datetime.datetime(2026, 11, 27, 16, 40))  # a Friday
    contact = make_contact(front_door, [a, b], received_at=received)
    items = list(contact.children.order_by("person__first_name"))
    assert [i.person for i in items] == [a, b]
    for item in items:
        assert timezone.localtime(item.decision_due_at) == timezone.make_aware(
            datetime.datetime(2026, 11, 30, 16, 40)  # Monday, same time
        )
        assert item.status == ContactChild.Status.AWAITING
    assert ChronologyEntry.objects.filter(person=a, kind="contact").count() == 1


def test_decision_needs_history_summary_and_screening_first(front_door, manager, child):
    item = make_contact(front_door, child).children.get()
    with pytest.raises(TransitionError):
        decide(manager, item)
    with pytest.raises(ValidationError, match="history summary"):
        screening_record(
            by=front_door,
            contact_child=item,
            threshold=Threshold.objects.get(level=3),
            threshold_rationale="x",
            recommendation="assessment",
            recommendation_rationale="y",
        )


def test_referral_outcome_opens_a_cin_referral_dated_the_contact(front_door, manager, child):
    contact = make_contact(front_door, child)
    item = contact.children.get()
    screen(front_door, item)
    decision = decide(manager, item)
    referral = decision.referral
    assert referral.referral_date == contact.received_on
    assert referral.source == "2A" and referral.primary_need == "N1"
    assert decision.agrees_with_recommendation
    item.refresh_from_db()
    assert item.status == ContactChild.Status.DECIDED
    kinds = set(ChronologyEntry.objects.filter(person=child).values_list("kind", flat=True))
    assert {"contact", "screening", "front_door_decision", "referral"} <= kinds


def test_closing_with_concerns_needs_an_override(front_door, manager, child):
    item = make_contact(front_door, child).children.get()
    screen(front_door, item, recommendation="nfa", level=2)
    with pytest.raises(ValidationError) as error:
        decide(manager, item, outcome="nfa")
    assert "override_reason" in error.value.error_dict
    decision = decide(manager, item, outcome="nfa", override_reason="Police already acting.")
    assert any("Risk factors not yet assessed" in c for c in decision.concerns)
    assert "FD8-UNSAFE-CLOSURE" in check_ids(child)


def test_a_worker_cannot_decide(front_door, child):
    item = make_contact(front_door, child).children.get()
    screen(front_door, item)
    with pytest.raises(ValidationError, match="permission"):
        decide(front_door, item)


def test_more_information_from_a_worker_waits_for_a_manager(front_door, manager, child):
    item = make_contact(front_door, child).children.get()
    original = item.decision_due_at
    later = original + datetime.timedelta(days=1)  # past the weekend on a Friday evening
    request = information_request(
        by=front_door, contact_child=item, reason="Waiting for police checks", proposed_due_at=later
    )
    item.refresh_from_db()
    assert item.decision_due_at == original and request.pending
    information_request_agree(by=manager, request=request)
    item.refresh_from_db()
    assert item.status == ContactChild.Status.MORE_INFORMATION
    assert item.decision_due_at == later


def test_overdue_decision_is_flagged(front_door, child):
    make_contact(front_door, child, received_at=timezone.now() - datetime.timedelta(days=5))
    assert "FD6-DECISION-OVERDUE" in check_ids(child)


def test_strategy_path_to_section_47_with_icpc_due_in_15_working_days(front_door, manager, child):
    item = make_contact(front_door, child).children.get()
    screen(front_door, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy")
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    assert not discussion.is_recorded
    record_strategy(front_door, discussion)
    enquiry = Section47.objects.get(strategy=discussion)
    held_on = timezone.localdate(discussion.held_at)
    assert enquiry.start_date == held_on
    assert enquiry.icpc_due == due_date("icpc", held_on)
    assert "CP1-KEY-AGENCY-ABSENT" not in check_ids(child)
    section47_outcome_record(
        by=front_door,
        enquiry=enquiry,
        outcome="icpc",
        outcome_date=timezone.localdate(),
        reason="Significant harm substantiated.",
    )
    enquiry.refresh_from_db()
    assert enquiry.outcome == "icpc"


def test_strategy_without_police_fires_cp1(front_door, manager, child):
    item = make_contact(front_door, child).children.get()
    screen(front_door, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy")
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    record_strategy(
        front_door,
        discussion,
        attendees=[
            {"agency": "health", "name": "Kim Lee", "attended": True},
            {"agency": "education", "name": "Sam Patel", "attended": True},
            {"agency": "police", "name": "DS Hall", "attended": False},
        ],
    )
    flags = [
        f for c, f in flags_for_person([child.pk], timezone.localdate()) if c.id.startswith("CP1")
    ]
    assert len(flags) == 1 and "Police" in flags[0].detail


def test_unrecorded_strategy_discussion_fires_cp2(front_door, manager, child):
    item = make_contact(
        front_door, child, received_at=timezone.now() - datetime.timedelta(days=8)
    ).children.get()
    screen(front_door, item, recommendation="strategy", level=4)
    decide(
        manager, item, outcome="strategy", strategy_at=timezone.now() - datetime.timedelta(days=6)
    )
    assert "CP2-NOT-RECORDED" in check_ids(child)
    assert Referral.objects.filter(person=child).count() == 1


def test_two_workers_cannot_silently_overwrite_a_history_summary(front_door, child, user_for):
    from lantern.common.errors import ConcurrentEditError
    from lantern.front_door.services import history_summary_record

    item = make_contact(front_door, child).children.get()
    first = history_summary_record(
        by=front_door,
        contact_child=item,
        summary="First worker's summary of the history.",
        shown=[],
        re_referral=False,
        seen_updated_at=None,
    )
    other = user_for(Role.FRONT_DOOR)
    with pytest.raises(ConcurrentEditError):
        history_summary_record(
            by=other,
            contact_child=item,
            summary="Second worker opened the page before the first saved.",
            shown=[],
            re_referral=False,
            seen_updated_at=None,
        )
    history_summary_record(
        by=other,
        contact_child=item,
        summary="Second worker, having read the first summary, adds to it.",
        shown=[],
        re_referral=False,
        seen_updated_at=first.updated_at,
    )


def test_a_police_referrer_at_the_discussion_counts_as_the_referrer(front_door, manager, child):
    item = make_contact(front_door, child, source="6").children.get()
    screen(front_door, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy")
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    record_strategy(
        front_door,
        discussion,
        attendees=[
            {"agency": "police", "name": "DS Hall", "attended": True},
            {"agency": "health", "name": "Kim Lee", "attended": True},
        ],
    )
    assert "CP1-KEY-AGENCY-ABSENT" not in check_ids(child)


def test_a_partner_is_shown_the_name_they_typed_not_the_record(user_for, person_maker):
    from tests.factories.front_door import submit_referral

    known = person_maker(
        first_name="Eleanor",
        last_name="Partnerchild",
        date_of_birth=datetime.date(2016, 3, 4),
        address={"line1": "4 Freeman Street", "town": "Grimsby", "postcode": "DN32 7AB"},
    )
    partner = user_for(Role.PARTNER, organisation="Weelsby Academy")
    contact = submit_referral(partner)  # describes "Ellie Partnerchild", same birth and address
    item = contact.children.get()
    assert item.person == known and item.match_note.startswith("Matched to")
    assert item.name_for_referrer == "Ellie Partnerchild"

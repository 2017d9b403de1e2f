"""Front-door test data, made through the services as the interface makes it."""

import datetime

from django.utils import timezone

from lantern.front_door.models import Threshold
from lantern.front_door.services import (
    contact_create,
    decision_record,
    history_summary_record,
    partner_referral_submit,
    screening_record,
    strategy_record,
)

CONCERN = (
    "Ellie told her teacher that her dad hit her mum last night and she hid under the bed. "
    "She has a bruise on her arm she would not explain."
)


def make_contact(by, children, *, received_at=None, **kwargs):
    """A complete contact from a school about `children` (a person or a list)."""
    if not isinstance(children, list | tuple):
        children = [children]
    defaults = {
        "received_at": received_at or timezone.now() - datetime.timedelta(hours=2),
        "channel": "phone",
        "source": "2A",
        "concern": CONCERN,
        "categories": ["domestic_abuse", "physical"],
        "referrer": {
            "organisation": "Weelsby Academy",
            "name": "Sam Patel",
            "role": "Designated safeguarding lead",
            "phone": "01472 000000",
        },
        "referrer_actions": "Spoke to Ellie with a colleague present; called mum.",
        "consent": "not_sought",
        "consent_not_sought_reason": "safeguarding",
    }
    defaults.update(kwargs)
    return contact_create(by=by, children=children, **defaults)


def submit_referral(by, **kwargs):
    """A partner's referral about one described child, submitted through the API's service."""
    defaults = {
        "children": [
            {
                "first_name": "Ellie",
                "last_name": "Partnerchild",
                "date_of_birth": datetime.date(2016, 3, 4),
                "sex": "F",
                "address_line1": "4 Freeman Street",
                "address_town": "Grimsby",
                "address_postcode": "DN32 7AB",
            }
        ],
        "source": "2A",
        "concern": CONCERN,
        "categories": ["domestic_abuse"],
        "referrer": {"organisation": "Weelsby Academy", "name": "Sam Patel", "phone": "01472"},
        "referrer_actions": "Spoke to Ellie with a colleague present.",
        "consent": "given",
        "channel": "api",
    }
    defaults.update(kwargs)
    return partner_referral_submit(by=by, **defaults)


def screen(by, item, *, recommendation="assessment", level=3, summary=None):
    """History summary and screening for one child on a contact."""
    history_summary_record(
        by=by,
        contact_child=item,
        summary=summary or "Two earlier contacts from school about bruising; no referrals.",
        shown=[],
        re_referral=False,
    )
    return screening_record(
        by=by,
        contact_child=item,
        threshold=Threshold.objects.get(level=level),
        threshold_rationale="Physical harm disclosed by the child; domestic abuse at home.",
        recommendation=recommendation,
        recommendation_rationale="Needs a social work assessment of the child's safety.",
    )


def decide(by, item, *, outcome="assessment", **kwargs):
    defaults = {
        "rationale": "Disclosure of harm needs assessment.",
        "direction": "See Ellie at school today; check police DA records.",
        "direction_owner": "Assessment team 1",
        "direction_due": timezone.localdate() + datetime.timedelta(days=2),
        "primary_need": "N1" if outcome in ("assessment", "strategy") else "",
    }
    if outcome == "strategy":
        defaults["strategy_at"] = timezone.now() - datetime.timedelta(minutes=30)
    defaults.update(kwargs)
    return decision_record(by=by, contact_child=item, outcome=outcome, **defaults)


ALL_AGENCIES = [
    {
        "agency": "police",
        "name": "DS Jo Hall",
        "attended": True,
        "contribution": "Two DA call-outs",
    },
    {"agency": "health", "name": "Kim Lee", "role": "Health visitor", "attended": True},
    {"agency": "education", "name": "Sam Patel", "attended": True},
    {"agency": "social_care", "name": "Alex Reed", "attended": True},
]


def record_strategy(by, discussion, *, attendees=None, decision="s47", **kwargs):
    defaults = {
        "decision_reason": "Reasonable cause to suspect significant harm.",
        "immediate_protective_action": False,
        "actions": [
            {
                "action": "Joint visit to see Ellie alone",
                "owner": "Alex Reed and DS Hall",
                "due": timezone.localdate() + datetime.timedelta(days=1),
            }
        ],
        "enquiry_plan": "Joint visit; paediatric assessment of the bruise.",
    }
    defaults.update(kwargs)
    return strategy_record(
        by=by,
        discussion=discussion,
        attendees=ALL_AGENCIES if attendees is None else attendees,
        decision=decision,
        **defaults,
    )


def front_door_samples(*, child, sibling, worker, manager) -> dict:
    """One of everything at the front door, for tests that walk every URL: the path values
    each front-door route takes."""
    from lantern.front_door.models import InformationRequest, StrategyDiscussion
    from lantern.front_door.services import (
        exploitation_meeting_record,
        exploitation_screen,
        information_request,
    )
    from lantern.people.services import relationship_add

    # The sibling is one, so the exploitation screening's sibling page opens for them.
    relationship_add(by=worker, person=sibling, other=child, type="sibling")
    contact = make_contact(worker, [child])
    item = contact.children.get()
    screen(worker, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy")
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    record_strategy(worker, discussion)
    waiting = make_contact(worker, [sibling]).children.get()
    request = information_request(
        by=worker,
        contact_child=waiting,
        reason="Waiting for the GP",
        # A day past the decision's due time (on a Friday evening that is after the weekend).
        proposed_due_at=waiting.decision_due_at + datetime.timedelta(days=1),
    )
    assert InformationRequest.objects.filter(pk=request.pk).exists()
    screening = exploitation_screen(
        by=worker,
        person=child,
        screened_on=timezone.localdate(),
        indicators=["cce_cash", "missing"],
        risk="moderate",
        summary="Found in Doncaster with two phones.",
    )
    meeting = exploitation_meeting_record(
        by=worker,
        held_on=timezone.localdate(),
        children=[child],
        discussion="Disruption plan for the address.",
        attendees=ALL_AGENCIES,
        actions=[{"action": "Visit", "owner": "Police", "due": timezone.localdate()}],
    )
    return {
        "contact_pk": contact.pk,
        "item_pk": item.pk,
        "request_pk": request.pk,
        "referral_pk": decision.referral.pk,
        "strategy_pk": discussion.pk,
        "section47_pk": discussion.section47.pk,
        "screening_pk": screening.pk,
        "sibling_pk": sibling.pk,
        "meeting_pk": meeting.pk,
        "level": 3,
    }

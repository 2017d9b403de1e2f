"""Pages at the front door show parts of a child's record, so opening them is logged as a view
of the record, like the record page itself."""

import pytest

from lantern.accounts.roles import Role
from lantern.people.models import RecordView
from tests.factories.front_door import front_door_samples

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("route", "key"),
    [
        ("screening/{}/", "item_pk"),
        ("contacts/{}/", "contact_pk"),
        ("referrals/{}/", "referral_pk"),
        ("strategy/{}/", "strategy_pk"),
        ("section-47/{}/", "section47_pk"),
        ("exploitation/{}/", "screening_pk"),
        ("exploitation-meetings/{}/", "meeting_pk"),
    ],
)
def test_front_door_pages_log_a_view_of_the_childs_record(
    client, user_for, person_maker, social_worker, manager, route, key
):
    child, sibling = person_maker(first_name="Ellie"), person_maker(first_name="Tom")
    samples = front_door_samples(
        child=child, sibling=sibling, worker=social_worker, manager=manager
    )
    viewer = user_for(Role.FRONT_DOOR)
    client.force_login(viewer)
    response = client.get("/front-door/" + route.format(samples[key]))
    assert response.status_code == 200
    assert RecordView.objects.filter(user=viewer, person=child, via="front door").exists()

"""The threshold document's pages: an administrator keeps the four levels' descriptors."""

import pytest
from django.urls import reverse

from lantern.accounts.roles import Role
from lantern.front_door.models import Threshold

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(user_for):
    return user_for(Role.ADMINISTRATOR)


def test_thresholds_lists_the_four_levels_with_descriptors(client, admin):
    client.force_login(admin)
    response = client.get(reverse("front_door:thresholds"))
    assert response.status_code == 200
    html = response.content.decode()
    for threshold in Threshold.objects.all():
        assert f"Level {threshold.level}: " in html
        assert reverse("front_door:threshold_edit", args=[threshold.level]) in html


@pytest.mark.parametrize("role", [Role.FRONT_DOOR, Role.TEAM_MANAGER, Role.PARTNER])
def test_threshold_pages_are_refused_to_other_roles(client, user_for, role):
    client.force_login(user_for(role))
    assert client.get(reverse("front_door:thresholds")).status_code == 404
    assert client.get(reverse("front_door:threshold_edit", args=[3])).status_code == 404


def test_administrator_changes_a_level(client, admin):
    client.force_login(admin)
    url = reverse("front_door:threshold_edit", args=[2])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Targeted early help",
            "descriptor": "Needs that a single agency cannot meet alone.",
            "response": "Early help assessment and a team around the family",
        },
    )
    assert response.status_code == 302
    level = Threshold.objects.get(level=2)
    assert level.name == "Targeted early help"
    assert level.descriptor == "Needs that a single agency cannot meet alone."
    assert level.updated_by == admin


def test_threshold_edit_errors_keep_what_was_typed(client, admin):
    before = Threshold.objects.get(level=4)
    client.force_login(admin)
    response = client.post(
        reverse("front_door:threshold_edit", args=[4]),
        {"name": "Child protection (new)", "descriptor": "", "response": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the descriptor for this level" in html
    assert 'value="Child protection (new)"' in html
    assert Threshold.objects.get(level=4).descriptor == before.descriptor


def test_unknown_level_is_not_found(client, admin):
    client.force_login(admin)
    assert client.get(reverse("front_door:threshold_edit", args=[7])).status_code == 404

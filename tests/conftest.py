import pytest

from lantern.accounts.roles import Role
from tests.factories import TeamFactory, UserFactory, make_person


@pytest.fixture
def team(db):
    return TeamFactory(name="Children in need 1")


@pytest.fixture
def user_for(db, team):
    """Make a user with a role: user_for("team_manager")."""

    def make(role: str, **kwargs):
        kwargs.setdefault("team", team)
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def social_worker(user_for):
    return user_for(Role.SOCIAL_WORKER)


@pytest.fixture
def manager(user_for):
    return user_for(Role.TEAM_MANAGER)


@pytest.fixture
def person_maker(social_worker):
    def make(**kwargs):
        kwargs.setdefault("by", social_worker)
        return make_person(**kwargs)

    return make


@pytest.fixture
def child(person_maker):
    return person_maker(first_name="Amelia", last_name="Hargreaves")

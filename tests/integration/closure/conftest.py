import pytest

from lantern.accounts.roles import Role
from tests.factories.closure import make_referral


@pytest.fixture
def other_manager(user_for):
    return user_for(Role.TEAM_MANAGER)


@pytest.fixture
def referral(social_worker, child):
    return make_referral(social_worker, child)

import pytest

from lantern.accounts.models import User


@pytest.fixture
def manager(db):
    """A user who may manage the calendar."""
    return User.objects.create_user(username="calendar-admin", password="x", role="administrator")

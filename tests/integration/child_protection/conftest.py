import datetime

import pytest

from lantern.accounts.roles import Role
from tests.factories.child_protection import convene, make_section47

# A section 47 enquiry started on Thursday 10 April 2025: the initial conference is due 15
# working days later, skipping Good Friday (18 April), Easter Monday (21 April) and the early
# May bank holiday (5 May): Tuesday 6 May 2025.
S47_START = datetime.date(2025, 4, 10)
ICPC_DUE = datetime.date(2025, 5, 6)


@pytest.fixture
def iro(user_for):
    """Chairs conferences."""
    return user_for(Role.IRO, first_name="Robin", last_name="Chair")


@pytest.fixture
def enquiry(social_worker, manager, child):
    """An enquiry about the child, started 10 April 2025, whose outcome is an ICPC."""
    return convene(social_worker, make_section47(social_worker, manager, child, start=S47_START))

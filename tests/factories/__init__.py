"""Test data. Users and teams are plain rows; people and everything on their records are made
through the services, as the interface makes them."""

import datetime
import itertools

import factory

from lantern.accounts.models import Team, User
from lantern.accounts.roles import Role

_counter = itertools.count(1)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")
    kind = Team.Kind.CHILD_IN_NEED


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = Role.SOCIAL_WORKER
    team = factory.SubFactory(TeamFactory)
    password = factory.django.Password("correct-horse-battery")


def make_person(by=None, *, address=None, disabilities=(), **details):
    """A person recorded through person_create, with sensible defaults."""
    from lantern.people.services import person_create

    n = next(_counter)
    defaults = {
        "first_name": f"Child{n}",
        "last_name": "Testperson",
        "date_of_birth": datetime.date(2015, 1, 1),
        "sex": "F",
    }
    defaults.update(details)
    return person_create(by=by, details=defaults, address=address, disabilities=disabilities)

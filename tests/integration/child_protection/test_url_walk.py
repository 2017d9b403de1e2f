"""Every child protection URL for every role, with the samples the project-wide URL walk uses
(tests/factories/child_protection.py): allowed roles get the page or a redirect, the rest 404."""

import re

import pytest
from django.urls import get_resolver

from lantern.accounts.permissions import has_perm
from lantern.accounts.roles import Role
from lantern.child_protection.models import Conference
from tests.factories.child_protection import child_protection_samples

pytestmark = pytest.mark.django_db


def routes():
    (resolver,) = [
        p
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "child_protection"
    ]
    return [(str(resolver.pattern) + str(p.pattern), p.callback) for p in resolver.url_patterns]


def fill(route: str, values: dict) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def test_every_page_declares_a_permission():
    assert len(routes()) == 11  # when a page is added, count it here: each is walked below
    assert all(getattr(callback, "lantern_permission", None) for _r, callback in routes())


def test_every_role_is_allowed_or_refused(client, user_for, social_worker, manager):
    samples = child_protection_samples(worker=social_worker, manager=manager)
    # The enquiry whose conference made the plan (its ICPC page redirects to the conference).
    samples["section47_pk"] = Conference.objects.get(kind="initial").section47_id
    for role in Role:
        user = user_for(role)
        client.force_login(user)
        for route, callback in routes():
            response = client.get(fill(route, samples))
            if has_perm(user, callback.lantern_permission):
                assert response.status_code in (200, 302), (role, route, response.status_code)
            else:
                assert response.status_code == 404, (role, route, response.status_code)

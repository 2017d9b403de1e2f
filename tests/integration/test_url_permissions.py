"""Walk every URL pattern for every role: each view must declare a permission, and a role
without it must be refused (404 for pages, 403/401 for the API), never shown the page."""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lantern.accounts.permissions import PUBLIC, ROLE_PERMISSIONS, has_perm
from lantern.accounts.roles import Role
from lantern.language.models import Phrase
from lantern.people.models import ChronologyEntry, DuplicateCandidate, Merge
from lantern.people.services import person_merge, warning_add
from lantern.timescales.models import LocalClosureDay
from tests.factories.assessments import assessment_samples
from tests.factories.casenotes import casenotes_samples
from tests.factories.child_protection import child_protection_samples
from tests.factories.children_in_care import children_in_care_samples
from tests.factories.closure import closure_samples
from tests.factories.front_door import front_door_samples, submit_referral
from tests.factories.plans import plans_samples

SKIP_NAMESPACES = {"admin"}  # Django's admin has its own staff check (is_staff).


def walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            if ns in SKIP_NAMESPACES:
                continue
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p, namespace


def declared_permission(callback):
    perm = getattr(callback, "lantern_permission", None)
    if perm is None and hasattr(callback, "cls"):
        perm = getattr(callback.cls, "required_permission", None)
    return perm


def all_patterns():
    return list(walk(get_resolver().url_patterns))


def test_every_view_declares_a_permission():
    missing = [route for route, p, _ in all_patterns() if declared_permission(p.callback) is None]
    assert not missing, f"Views with no declared permission: {missing}"


@pytest.fixture
def samples(db, person_maker, social_worker, manager):
    child = person_maker(first_name="Walk", last_name="Test")
    other = person_maker(first_name="Walk", last_name="Tester")
    warning = warning_add(
        by=social_worker,
        person=child,
        kind="risk_to_staff",
        detail="Dog at the address",
        review_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    a, b = sorted([child.pk, other.pk])
    candidate = DuplicateCandidate.objects.create(first_id=a, second_id=b, score=0.9)
    third = person_maker(first_name="Merged", last_name="Away")
    merge = person_merge(by=manager, survivor=other, merged=third, reason="Same child")
    assert Merge.objects.filter(pk=merge.pk).exists()
    front = front_door_samples(child=child, sibling=other, worker=social_worker, manager=manager)
    return {
        **front,
        # A draft assessment on the first child's referral, their sibling consulted.
        **assessment_samples(
            child=child, worker=social_worker, referral_pk=front["referral_pk"], family=other
        ),
        # Its own child, with an open CP plan (its person_pk gives way to the plans sample's).
        **child_protection_samples(worker=social_worker, manager=manager),
        # On the other child: the closure sample closes the first child's case.
        **plans_samples(child=other, worker=social_worker, manager=manager),
        # The same child as the plans sample (the same person_pk), in an open period of care.
        **children_in_care_samples(child=other, worker=social_worker),
        **casenotes_samples(child=child, worker=social_worker),
        **closure_samples(child=child, worker=social_worker, manager=manager),
        "pk": child.pk,
        "warning_pk": warning.pk,
        "entry_pk": ChronologyEntry.objects.filter(person=child).first().pk,
        "candidate_pk": candidate.pk,
        "merge_pk": merge.pk,
        "check_id": "FD7-WARNING-REVIEW",
        "worker_pk": social_worker.pk,
        "phrase_pk": Phrase.objects.first().pk,
        "rule_id": "referral_decision",
        "closure_day_pk": LocalClosureDay.objects.create(
            date=datetime.date(2030, 12, 24), reason="Council closure"
        ).pk,
    }


def fill(route: str, values: dict) -> str:
    import re

    def sub(match):
        name = match.group("name")
        if name not in values or values[name] is None:
            raise AssertionError(
                f"No sample value for <{name}> in {route}: add one to the samples fixture"
            )
        return str(values[name])

    return "/" + re.sub(r"<(?:\w+:)?(?P<name>\w+)>", sub, route)


ROLES = list(Role)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_every_url_allows_or_refuses_each_role(client, user_for, samples, role):
    user = user_for(role)
    client.force_login(user)
    # A partner sees only the referrals they submitted: give them one of their own.
    submitted_pk = (
        submit_referral(user).pk if has_perm(user, "contact.submit") else samples["contact_pk"]
    )
    for route, pattern, _ns in all_patterns():
        permission = declared_permission(pattern.callback)
        values = dict(samples)
        if route.startswith("timescales/closure-days/<int:pk>"):
            values["pk"] = samples["closure_day_pk"]
        if route.startswith("api/v1/contacts/<int:pk>"):
            values["pk"] = submitted_pk
        if route.startswith("front-door/referred/<int:contact_pk>"):
            values["contact_pk"] = submitted_pk
        url = fill(route, values)
        response = client.get(url)
        is_api = url.startswith("/api/")
        if permission == PUBLIC:
            assert response.status_code in (200, 302, 405), (role, url, response.status_code)
            continue
        allowed = has_perm(user, permission) and (not is_api or has_perm(user, "api.use"))
        if allowed:
            assert response.status_code in (200, 302, 405), (role, url, response.status_code)
        else:
            expected = (403, 404) if is_api else (404,)
            assert response.status_code in expected, (role, url, response.status_code)


def test_every_role_has_a_home():
    for role in ROLES:
        assert "home.view" in ROLE_PERMISSIONS[role]

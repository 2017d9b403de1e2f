import datetime

import pytest
from django.urls import reverse

from lantern.checks.registry import REGISTRY, all_checks, flags_for_person
from lantern.people.models import Warning
from lantern.people.services import allocation_set, person_update, warning_add

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def test_every_check_names_a_finding_and_explains_itself():
    import re

    for check in all_checks():
        # A finding in shared/findings.md, or a statutory timescale findings.md does not number:
        # WT-CP (Working Together 2023: ICPC, review conference, CP visits) or CPPCR (the Care
        # Planning, Placement and Case Review Regulations 2010: looked-after reviews).
        assert re.fullmatch(r"(FD|CP|AP|MO|PM)\d+|WT-CP|CPPCR", check.finding), check.id
        assert len(check.explanation) > 60 and check.title and check.action


def test_warning_past_review_flags_and_clears(child, social_worker):
    check = REGISTRY["FD7-WARNING-REVIEW"]
    w = warning_add(
        by=social_worker,
        person=child,
        kind="other",
        detail="x",
        review_date=TODAY + datetime.timedelta(days=3),
    )
    assert check.flags(TODAY) == []
    Warning.objects.filter(pk=w.pk).update(review_date=TODAY - datetime.timedelta(days=1))
    assert [f.person_id for f in check.flags(TODAY)] == [child.pk]
    assert check.flags(TODAY, [child.pk + 999]) == []


def test_identity_check_only_for_open_cases(child, manager, team):
    check = REGISTRY["AP5-IDENTITY"]
    assert check.flags(TODAY) == []
    allocation_set(by=manager, person=child, team=team, start_date=TODAY)
    flag = check.flags(TODAY)[0]
    assert "ethnicity" in flag.detail and "disability" in flag.detail
    person_update(
        by=manager,
        person=child,
        details={"ethnicity": "WBRI", "religion": "None", "first_language": "English"},
        disabilities=["NONE"],
    )
    assert check.flags(TODAY) == []


def test_worker_changes_check(child, manager, team, user_for):
    check = REGISTRY["PM5-WORKER-CHANGES"]
    for i in range(3):
        allocation_set(
            by=manager,
            person=child,
            team=team,
            worker=user_for("social_worker"),
            start_date=TODAY - datetime.timedelta(days=100 - i * 30),
        )
    assert [f.person_id for f in check.flags(TODAY)] == [child.pk]
    assert flags_for_person([child.pk], TODAY)


def test_check_pages_list_flags_with_filters(client, child, social_worker, manager, team):
    w = warning_add(
        by=social_worker,
        person=child,
        kind="other",
        detail="x",
        review_date=TODAY + datetime.timedelta(days=3),
    )
    Warning.objects.filter(pk=w.pk).update(review_date=TODAY - datetime.timedelta(days=1))
    allocation_set(by=manager, person=child, team=team, worker=social_worker, start_date=TODAY)
    client.force_login(manager)
    page = client.get(
        reverse("checks:list"), {"check": "FD7-WARNING-REVIEW", "team": team.pk}
    ).content.decode()
    assert child.full_name in page
    other_team = client.get(reverse("checks:list"), {"team": team.pk + 100}).content.decode()
    assert child.full_name not in other_team
    detail = client.get(reverse("checks:detail", args=["FD7-WARNING-REVIEW"])).content.decode()
    assert "Warning past its review date" in detail and child.person_id in detail
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Warning past its review date" in record

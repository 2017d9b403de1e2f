"""Permanence plans: recording one (PM4's support and contingency plans for reunification and
special guardianship), replacing it (the old one kept), the PM1 and PM3 checks, and the page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.checks.registry import get_check
from lantern.children_in_care.models import PermanencePlan
from lantern.children_in_care.services import care_review_record, permanence_plan_agree
from lantern.common.models import AuditEvent
from tests.factories.children_in_care import change_status, days_ago, start_care

pytestmark = pytest.mark.django_db
SUPPORT = "Family support worker weekly for six months; parenting course."
CONTINGENCY = "If home is not safe by March, plan for long-term fostering with the Kerrs."


@pytest.fixture
def iro(user_for):
    return user_for(Role.IRO)


@pytest.fixture
def ten_year_old(person_maker):
    return person_maker(first_name="Kai", last_name="Brennan", date_of_birth=days_ago(3700))


def agree(by, period, kind="long_term_fostering", agreed_on=None, **kw):
    return permanence_plan_agree(
        by=by, period=period, kind=kind, agreed_on=agreed_on or days_ago(1), **kw
    )


def flags(check_id, child):
    return get_check(check_id).flags(timezone.localdate(), [child.pk])


def review(iro, period, held_on):
    return care_review_record(
        by=iro,
        period=period,
        held_on=held_on,
        iro=iro,
        iro_saw_child=True,
        participation="PN1",
        child_views="Wants to stay where they are.",
    )


def test_a_child_in_care_four_months_without_a_plan_is_flagged_until_one_is_agreed(
    social_worker, ten_year_old
):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(130), legal_status="C2")
    (flag,) = flags("PM1-NO-PERMANENCE-PLAN", ten_year_old)
    assert "with no permanence plan" in flag.detail and flag.record == f"period_of_care:{period.pk}"
    agree(social_worker, period)
    assert flags("PM1-NO-PERMANENCE-PLAN", ten_year_old) == []


def test_a_child_past_the_second_review_is_flagged_sooner(social_worker, iro, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(100), legal_status="C2")
    assert flags("PM1-NO-PERMANENCE-PLAN", ten_year_old) == []  # 100 days: not yet
    review(iro, period, days_ago(80))
    review(iro, period, days_ago(10))
    (flag,) = flags("PM1-NO-PERMANENCE-PLAN", ten_year_old)
    assert "2 reviews held" in flag.detail


def test_section_20_past_six_months_without_a_decision_is_flagged(social_worker, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(200))  # V2
    (flag,) = flags("PM3-SECTION-20", ten_year_old)
    assert f"section 20 since {days_ago(200):%-d %B %Y}" in flag.detail
    agree(social_worker, period, kind="cao")
    assert flags("PM3-SECTION-20", ten_year_old) == []


def test_section_20_counts_from_when_it_began(social_worker, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(300), legal_status="C2")
    change_status(social_worker, period, "V2", days_ago(100))
    assert flags("PM3-SECTION-20", ten_year_old) == []
    assert flags("PM1-NO-PERMANENCE-PLAN", ten_year_old)  # in care 300 days without a plan


def test_short_breaks_need_no_permanence_plan(social_worker, ten_year_old):
    start_care(social_worker, ten_year_old, start_date=days_ago(300), legal_status="V3")
    assert flags("PM1-NO-PERMANENCE-PLAN", ten_year_old) == []
    assert flags("PM3-SECTION-20", ten_year_old) == []


@pytest.mark.parametrize("kind", ["reunification", "kinship_sgo"])
def test_reunification_and_special_guardianship_need_support_and_contingency_plans(
    social_worker, ten_year_old, kind
):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(60))
    with pytest.raises(ValidationError) as error:
        agree(social_worker, period, kind=kind)
    assert "Enter the support plan" in error.value.message_dict["support_plan"][0]
    assert "Enter the contingency plan" in error.value.message_dict["contingency_plan"][0]
    assert not PermanencePlan.objects.exists()
    plan = agree(
        social_worker, period, kind=kind, support_plan=SUPPORT, contingency_plan=CONTINGENCY
    )
    assert plan.support_plan == SUPPORT and plan.is_current


def test_a_new_plan_replaces_the_current_one_which_is_kept(social_worker, iro, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(200))
    first = agree(
        social_worker,
        period,
        kind="reunification",
        agreed_on=days_ago(100),
        support_plan=SUPPORT,
        contingency_plan=CONTINGENCY,
    )
    at = review(iro, period, days_ago(20))
    second = agree(
        social_worker, period, kind="long_term_fostering", agreed_on=days_ago(20), review=at
    )
    first.refresh_from_db()
    assert first.replaced_on == days_ago(20) and not first.is_current
    assert second.is_current and second.review == at
    event = AuditEvent.objects.filter(action="care.permanence_agreed").latest("pk")
    assert event.detail["replaced"] == first.pk


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"kind": "forever"}, "kind", "Select the permanence plan"),
        ({"agreed_on": days_ago(-2)}, "agreed_on", "today or in the past"),
        ({"agreed_on": days_ago(90)}, "agreed_on", "on or after the day the child started"),
    ],
)
def test_bad_input_is_refused(social_worker, ten_year_old, change, field, words):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(60))
    kwargs = {"kind": "adoption", "agreed_on": days_ago(1), **change}
    with pytest.raises(ValidationError) as error:
        permanence_plan_agree(by=social_worker, period=period, **kwargs)
    assert words in error.value.message_dict[field][0]


def test_a_review_that_agreed_it_is_of_this_period_and_on_that_day(
    social_worker, iro, ten_year_old
):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(60))
    at = review(iro, period, days_ago(30))
    with pytest.raises(ValidationError) as error:
        agree(social_worker, period, agreed_on=days_ago(29), review=at)
    assert "That review was held on" in error.value.message_dict["review"][0]


def dmy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def test_the_permanence_page_records_a_plan_and_the_care_page_shows_it(
    client, social_worker, ten_year_old
):
    start_care(social_worker, ten_year_old, start_date=days_ago(150))
    client.force_login(social_worker)
    care = client.get(reverse("children_in_care:child", args=[ten_year_old.pk])).content.decode()
    assert "No permanence plan is recorded" in care and "Needed now" in care
    url = reverse("children_in_care:permanence", args=[ten_year_old.pk])
    bad = client.post(
        url,
        {"kind": "reunification", "agreed_on": dmy(days_ago(1)), "detail": "Home to mum by spring"},
    )
    html = bad.content.decode()
    assert "There is a problem" in html and "Enter the support plan" in html
    assert "Home to mum by spring" in html
    good = client.post(
        url,
        {
            "kind": "reunification",
            "agreed_on": dmy(days_ago(1)),
            "detail": "Home to mum by spring",
            "support_plan": SUPPORT,
            "contingency_plan": CONTINGENCY,
        },
    )
    assert good.status_code == 302
    care = client.get(reverse("children_in_care:child", args=[ten_year_old.pk])).content.decode()
    assert "Return to parents (reunification)" in care and "Change the permanence plan" in care


def test_an_iro_cannot_record_the_permanence_plan(client, iro, social_worker, ten_year_old):
    start_care(social_worker, ten_year_old, start_date=days_ago(150))
    client.force_login(iro)
    url = reverse("children_in_care:permanence", args=[ten_year_old.pk])
    assert client.get(url).status_code == 404  # refused as not found, as every page does


def test_the_childs_record_says_they_are_looked_after(client, social_worker, ten_year_old):
    from lantern.people.involvement import involvements
    from tests.factories.children_in_care import end_care

    period = start_care(social_worker, ten_year_old, start_date=days_ago(150))
    (item,) = [
        i for i in involvements([ten_year_old.pk])[ten_year_old.pk] if i.label == "looked after"
    ]
    assert item.status == "Looked after" and str(item).startswith("looked after since")
    client.force_login(social_worker)
    record = client.get(ten_year_old.get_absolute_url()).content.decode()
    assert (
        '<strong class="govuk-tag govuk-tag--blue govuk-!-margin-right-1">Looked after</strong>'
        in record
    )
    end_care(social_worker, period, days_ago(10))
    (item,) = [
        i for i in involvements([ten_year_old.pk])[ten_year_old.pk] if i.label == "looked after"
    ]
    assert item.status is None and not item.current

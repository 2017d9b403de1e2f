"""Looked-after reviews: when each is due (20 working days, then 3 months, then 6 months),
recording one (the IRO, the child's participation and views, decisions with owners and dates),
the checks (a review overdue, a decision not carried out), the work lists, and the pages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.checks.registry import get_check
from lantern.children_in_care.models import CareReview, ReviewDecision
from lantern.children_in_care.review_timescales import care_reviews_due
from lantern.children_in_care.services import (
    DecisionInput,
    care_review_record,
    review_decision_done,
)
from lantern.common.models import AuditEvent
from lantern.people.models import ChronologyEntry
from lantern.timescales.calendar import get_calendar
from lantern.worklists.registry import work_items
from tests.factories.children_in_care import change_status, days_ago, start_care

pytestmark = pytest.mark.django_db
VIEWS = "They want to stay with their foster carers and see their brother every week."


@pytest.fixture
def iro(user_for):
    return user_for(Role.IRO)


@pytest.fixture
def ten_year_old(person_maker):
    born = timezone.localdate().replace(year=timezone.localdate().year - 10, day=1)
    return person_maker(first_name="Kai", last_name="Brennan", date_of_birth=born)


def record(by, period, iro, *, held_on, participation="PN1", views=VIEWS, decisions=(), **kw):
    return care_review_record(
        by=by,
        period=period,
        held_on=held_on,
        iro=iro,
        iro_saw_child=kw.pop("iro_saw_child", True),
        participation=participation,
        child_views=views,
        decisions=list(decisions),
        **kw,
    )


def due_for(child, today=None):
    return care_reviews_due([child.pk], today or timezone.localdate(), get_calendar())[child.pk]


def test_the_first_review_is_due_20_working_days_after_care_starts(social_worker, ten_year_old):
    start = datetime.date(2026, 11, 2)  # a Monday; no bank holidays before 30 November
    period = start_care(social_worker, ten_year_old, start_date=start)
    due = due_for(ten_year_old, today=start)
    assert due.period_id == period.pk and due.reviews == 0
    assert due.title == "First looked-after review"
    assert due.timescale.due == datetime.date(2026, 11, 30)


def test_the_second_is_due_3_months_after_the_first_then_every_6_months(
    social_worker, iro, ten_year_old
):
    period = start_care(social_worker, ten_year_old, start_date=datetime.date(2026, 3, 2))
    first = datetime.date(2026, 3, 20)
    record(iro, period, iro, held_on=first)
    due = due_for(ten_year_old, today=datetime.date(2026, 4, 1))
    assert (due.reviews, due.title, due.last_review) == (1, "Second looked-after review", first)
    assert due.timescale.due == datetime.date(2026, 6, 20)
    record(iro, period, iro, held_on=datetime.date(2026, 6, 15))
    due = due_for(ten_year_old, today=datetime.date(2026, 7, 1))
    assert (due.reviews, due.title) == (2, "Looked-after review")
    assert due.timescale.due == datetime.date(2026, 12, 15)


def test_a_review_overdue_is_flagged_and_recording_it_clears_the_flag(
    social_worker, iro, ten_year_old
):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(60))
    check = get_check("LAC-REVIEW-OVERDUE")
    today = timezone.localdate()
    (flag,) = check.flags(today, [ten_year_old.pk])
    assert "First looked-after review was due by" in flag.detail and "no review yet" in flag.detail
    assert flag.record == f"period_of_care:{period.pk}"
    record(iro, period, iro, held_on=days_ago(30))
    assert check.flags(today, [ten_year_old.pk]) == []


def test_children_on_short_breaks_have_no_review_date_set_here(social_worker, ten_year_old):
    start_care(social_worker, ten_year_old, start_date=days_ago(90), legal_status="V3")
    assert care_reviews_due([ten_year_old.pk], timezone.localdate(), get_calendar()) == {}
    assert get_check("LAC-REVIEW-OVERDUE").flags(timezone.localdate(), [ten_year_old.pk]) == []


def test_a_short_break_status_taken_later_counts_from_then(social_worker, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(90))
    assert due_for(ten_year_old)
    change_status(social_worker, period, "V4", days_ago(10))
    assert care_reviews_due([ten_year_old.pk], timezone.localdate(), get_calendar()) == {}


def test_recording_a_review_keeps_the_decisions_the_chronology_and_an_audit_event(
    social_worker, iro, ten_year_old
):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(40))
    review = record(
        iro,
        period,
        iro,
        held_on=days_ago(20),
        decisions=[
            DecisionInput(
                "Arrange weekly contact with his brother", social_worker, "", days_ago(5)
            ),
            DecisionInput(),  # a blank row is ignored
            DecisionInput("Refer to CAMHS", None, "GP surgery", days_ago(-30)),
        ],
    )
    assert review.person == ten_year_old and review.participation == "PN1"
    decisions = list(review.decisions.order_by("due_date"))
    assert [d.owner for d in decisions] == [str(social_worker), "GP surgery"]
    assert (
        ChronologyEntry.objects.filter(person=ten_year_old, kind="care")
        .filter(summary__contains="Looked-after review chaired by")
        .exists()
    )
    event = AuditEvent.objects.get(action="care.review_recorded")
    assert event.detail["decisions"] == sorted(d.pk for d in decisions)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"held_on": None}, "held_on", "Enter the date of the review"),
        ({"held_on": days_ago(-1)}, "held_on", "today or in the past"),
        ({"held_on": days_ago(50)}, "held_on", "on or after the day the child started"),
        ({"participation": "PN9"}, "participation", "Select how the child took part"),
        ({"participation": "PN0"}, "participation", "PN0 is for a child under 4"),
        ({"views": "  "}, "child_views", "Enter the child's views"),
    ],
)
def test_a_review_is_refused_with_a_clear_error_and_nothing_saved(
    social_worker, iro, ten_year_old, change, field, words
):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(40))
    kwargs = {"held_on": days_ago(10), **change}
    with pytest.raises(ValidationError) as error:
        record(iro, period, iro, **kwargs)
    assert words in error.value.message_dict[field][0]
    assert not CareReview.objects.exists()


def test_only_an_iro_chairs_and_a_baby_is_pn0(social_worker, iro, person_maker):
    baby = person_maker(first_name="Ivy", last_name="Cole", date_of_birth=days_ago(400))
    period = start_care(social_worker, baby, start_date=days_ago(100))
    with pytest.raises(ValidationError) as error:
        record(iro, period, social_worker, held_on=days_ago(80), participation="PN1")
    assert "Select the independent reviewing officer" in error.value.message_dict["iro"][0]
    assert (
        "under 4 on the day of the review: select PN0"
        in error.value.message_dict["participation"][0]
    )
    assert record(iro, period, iro, held_on=days_ago(80), participation="PN0").pk


def test_a_decision_needs_what_who_and_when_and_one_review_a_day(social_worker, iro, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(40))
    with pytest.raises(ValidationError) as error:
        record(
            iro,
            period,
            iro,
            held_on=days_ago(10),
            decisions=[DecisionInput("Visit school", None, "", None), DecisionInput("", iro, "")],
        )
    errors = error.value.message_dict
    assert errors["owner_1"] == ["Say who is to carry out decision 1"]
    assert errors["due_1"] == ["Enter the date decision 1 is due by"]
    assert errors["decision_2"] == ["Enter decision 2"]
    assert not ReviewDecision.objects.exists()
    record(iro, period, iro, held_on=days_ago(10))
    with pytest.raises(ValidationError) as error:
        record(iro, period, iro, held_on=days_ago(10))
    assert "already recorded" in error.value.message_dict["held_on"][0]


def test_a_decision_past_its_date_is_flagged_until_done(social_worker, iro, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(40))
    review = record(
        iro,
        period,
        iro,
        held_on=days_ago(20),
        decisions=[DecisionInput("Apply for a passport", social_worker, "", days_ago(3))],
    )
    decision = review.decisions.get()
    check = get_check("PM7-REVIEW-DECISION")
    today = timezone.localdate()
    (flag,) = check.flags(today, [ten_year_old.pk])
    assert "Apply for a passport" in flag.detail and flag.record == f"review_decision:{decision.pk}"
    items = [i for i in work_items([ten_year_old.pk], today=today) if i.kind == "review_decision"]
    assert items and items[0].owner_id == social_worker.pk and items[0].is_overdue
    with pytest.raises(ValidationError):
        review_decision_done(by=social_worker, decision=decision, done_on=days_ago(25))
    review_decision_done(by=social_worker, decision=decision, done_on=days_ago(1), note="Sent")
    assert check.flags(today, [ten_year_old.pk]) == []
    with pytest.raises(ValidationError, match="marked done"):
        review_decision_done(by=social_worker, decision=decision, done_on=days_ago(1))


def test_the_next_review_is_on_the_work_list(social_worker, iro, ten_year_old):
    start_care(social_worker, ten_year_old, start_date=days_ago(10))
    (item,) = [
        i
        for i in work_items([ten_year_old.pk], today=timezone.localdate())
        if i.kind == "lac_review"
    ]
    assert item.title == "First looked-after review"
    assert item.url == reverse("children_in_care:review_record", args=[ten_year_old.pk])


# -- the pages ------------------------------------------------------------------------------------


def dmy(day):
    return day.strftime("%d/%m/%Y")


def test_an_iro_records_a_review_through_the_page(client, social_worker, iro, ten_year_old):
    start_care(social_worker, ten_year_old, start_date=days_ago(40))
    client.force_login(iro)
    url = reverse("children_in_care:review_record", args=[ten_year_old.pk])
    page = client.get(url)
    assert page.status_code == 200 and "First looked-after review due by" in page.content.decode()
    bad = client.post(
        url, {"held_on": dmy(days_ago(10)), "child_views": VIEWS, "decision_1": "Ring the school"}
    )
    html = bad.content.decode()
    assert bad.status_code == 200 and "There is a problem" in html
    assert "Select the independent reviewing officer" in html
    assert "Say who is to carry out decision 1" in html
    assert "Ring the school" in html and VIEWS.split()[0] in html  # what was typed is kept
    assert not CareReview.objects.exists()
    good = client.post(
        url,
        {
            "held_on": dmy(days_ago(10)),
            "iro": iro.pk,
            "iro_saw_child": "yes",
            "participation": "PN1",
            "child_views": VIEWS,
            "decision_1": "Ring the school",
            "owner_name_1": "Virtual School",
            "due_1": dmy(days_ago(-14)),
        },
    )
    assert good.status_code == 302
    review = CareReview.objects.get()
    assert review.iro_saw_child and review.decisions.get().owner == "Virtual School"
    care = client.get(reverse("children_in_care:child", args=[ten_year_old.pk])).content.decode()
    assert "Review on" in care and "Ring the school" in care and "Mark done" in care
    assert "Second looked-after review due by" in care


def test_a_decision_is_marked_done_through_the_page(client, social_worker, iro, ten_year_old):
    period = start_care(social_worker, ten_year_old, start_date=days_ago(40))
    review = record(
        iro,
        period,
        iro,
        held_on=days_ago(20),
        decisions=[DecisionInput("Apply for a passport", social_worker, "", days_ago(3))],
    )
    decision = review.decisions.get()
    client.force_login(social_worker)
    url = reverse("children_in_care:decision_done", args=[decision.pk])
    bad = client.post(url, {"done_on": "", "note": "Posted the form"})
    assert "Enter the date the decision was carried out" in bad.content.decode()
    assert "Posted the form" in bad.content.decode()
    assert client.post(url, {"done_on": dmy(days_ago(1)), "note": "Posted"}).status_code == 302
    decision.refresh_from_db()
    assert decision.done_on == days_ago(1) and decision.done_note == "Posted"


def test_who_may_record_reviews(client, user_for, social_worker, ten_year_old):
    start_care(social_worker, ten_year_old, start_date=days_ago(40))
    url = reverse("children_in_care:review_record", args=[ten_year_old.pk])
    for role, allowed in [
        (Role.IRO, True),
        (Role.SOCIAL_WORKER, True),
        (Role.AUDITOR, False),
        (Role.FRONT_DOOR, False),
    ]:
        client.force_login(user_for(role))
        assert (client.get(url).status_code == 200) is allowed, role

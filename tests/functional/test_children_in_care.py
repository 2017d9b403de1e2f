"""Journey (issue 5): a child comes into care under section 20. The social worker opens the
child's care page from their record, starts a period of care (a first try with nothing filled
in shows the error summary) with a short-term foster placement, adds new agency foster carers
from the move page, records the move with its reason, and sees the current placement and the
903 episodes the period makes: S, then P."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.children_in_care.models import Carer, PeriodOfCare
from tests.factories import make_person
from tests.factories.children_in_care import make_carer
from tests.functional.helpers import assert_accessible, login, logout, submit, visit


def dmy(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def summary_value(page, key: str):
    row = page.get_by_role("main").locator(
        ".govuk-summary-list__row",
        has=page.locator("dt", has_text=re.compile(f"^{re.escape(key)}$")),
    )
    return row.locator("dd.govuk-summary-list__value")


def code_in(row, column: int):
    """The 903 code shown in a column of an episodes row (after the start date)."""
    return row.locator("td").nth(column).locator("strong")


def test_a_child_comes_into_care_under_section_20_and_moves(page, make_user):
    worker = make_user(Role.SOCIAL_WORKER, first_name="Alex", last_name="Reed")
    child = make_person(
        by=worker, first_name="Leo", last_name="Marsh", date_of_birth=datetime.date(2016, 5, 9)
    )
    make_carer(worker)  # Sam and Alex Kerr, local authority foster carers in DN32 7AA
    today = timezone.localdate()
    started, moved = today - datetime.timedelta(days=21), today - datetime.timedelta(days=7)

    login(page, worker)
    visit(page, f"/people/{child.pk}/")
    page.get_by_role("link", name="Children in care", exact=True).click()
    page.wait_for_url(f"**/care/child/{child.pk}/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("Leo Marsh is not looked after.")
    expect(page.get_by_role("main")).to_contain_text("No SSDA903 episodes")

    page.get_by_role("button", name="Start a period of care").click()
    page.wait_for_url(f"**/care/child/{child.pk}/start/")
    assert_accessible(page)
    submit(page, "Start the period of care")
    expect(page).to_have_title("Error: Start a period of care – Lantern")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the date the child started to be looked after")
    expect(summary).to_contain_text("Select the child's legal status")
    expect(summary).to_contain_text("Select who the child will live with")
    assert not PeriodOfCare.objects.exists()

    page.get_by_label("Date the child started to be looked after").fill(dmy(started))
    page.get_by_role("group", name="Legal status").get_by_label(
        "Single period of accommodation under section 20 (V2)"
    ).check()
    page.get_by_role("group", name="Category of need").get_by_label("Abuse or neglect (N1)").check()
    page.get_by_label("Home postcode").fill("DN31 1HU")
    page.get_by_label("Type of placement").select_option("U6")
    page.get_by_label("Who will the child live with?").select_option(
        label="Sam and Alex Kerr (Local authority foster carer(s), DN32 7AA)"
    )
    submit(page, "Start the period of care")

    page.wait_for_url(f"**/care/child/{child.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("Period of care started")
    expect(summary_value(page, "Legal status")).to_contain_text(
        "Single period of accommodation under section 20 (V2)"
    )
    expect(summary_value(page, "Placement")).to_contain_text("(U6)")
    expect(summary_value(page, "Carer")).to_contain_text("Sam and Alex Kerr")
    expect(summary_value(page, "Days in care")).to_have_text("21 days")
    period = PeriodOfCare.objects.get(person=child)
    assert (period.start_date, period.category_of_need, period.created_by) == (
        started,
        "N1",
        worker,
    )

    # The move, to agency foster carers added on the way.
    page.get_by_role("button", name="Record a move").click()
    page.wait_for_url(f"**/care/periods/{period.pk}/move/")
    assert_accessible(page)
    page.get_by_role("link", name="add the carer").click()
    page.wait_for_url(re.compile(r"/care/carers/new/\?next="))
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Jo and Chris Barnes")
    page.get_by_role("group", name="Kind of carer").get_by_label("Agency foster carer(s)").check()
    page.get_by_label("Placement provider").select_option("PR4")
    page.get_by_label("Ofsted URN").fill("SC654321")
    page.get_by_label("Postcode", exact=True).fill("DN34 5BB")
    submit(page, "Add the carer")
    page.wait_for_url(f"**/care/periods/{period.pk}/move/")
    expect(page.get_by_role("alert")).to_contain_text("Carer added: Jo and Chris Barnes")
    barnes = Carer.objects.get(name="Jo and Chris Barnes")

    page.get_by_label("Date the child moved").fill(dmy(moved))
    page.get_by_label("Type of placement").select_option("U4")
    page.get_by_label("Who will the child live with?").select_option(str(barnes.pk))
    page.get_by_role("group", name="Why did the placement change?").get_by_label(
        "Carer(s) requested the placement end because of the child's behaviour (CREQB)"
    ).check()
    submit(page, "Save the move")

    page.wait_for_url(f"**/care/child/{child.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("Move recorded")
    expect(summary_value(page, "Placement")).to_contain_text("(U4)")
    expect(summary_value(page, "Carer")).to_contain_text("Jo and Chris Barnes")
    expect(summary_value(page, "Placement provider")).to_contain_text("Private provision (PR4)")

    episodes = page.get_by_role("table", name="SSDA903 episodes, oldest first")
    rows = episodes.locator("tbody tr")
    expect(rows).to_have_count(2)
    first, second = rows.nth(0), rows.nth(1)
    expect(first.locator("th")).to_have_text(f"{started.day} {started:%b %Y}")
    expect(code_in(first, 0)).to_have_text("S")
    expect(code_in(first, 1)).to_have_text("V2")
    expect(code_in(first, 2)).to_have_text("U6")
    expect(code_in(first, 3)).to_have_text("PR1")
    expect(first.locator("td").nth(4)).to_have_text(f"{moved.day} {moved:%b %Y}")
    expect(code_in(first, 5)).to_have_text("X1")
    expect(code_in(first, 6)).to_have_text("CREQB")
    expect(first.locator("td").nth(6)).to_contain_text("because of the child's behaviour")
    expect(code_in(second, 0)).to_have_text("P")
    expect(second.locator("td").nth(0)).to_contain_text("Change of placement and carer(s) only")
    expect(code_in(second, 1)).to_have_text("V2")
    expect(code_in(second, 2)).to_have_text("U4")
    expect(code_in(second, 3)).to_have_text("PR4")
    expect(second.locator("td").nth(4)).to_have_text("Open")
    placements = list(period.placements.order_by("start_date"))
    assert [(p.place, p.carer, p.reason_change) for p in placements] == [
        ("U6", placements[0].carer, "CREQB"),
        ("U4", barnes, ""),
    ]


def test_the_iro_records_a_review_and_the_worker_carries_out_its_decision(page, make_user):
    """Journey (issue 5, reviews): the IRO opens the child's care page, records the first
    review (a try without the child's views shows the error summary and keeps what was typed)
    with a decision for the social worker; the worker marks it done, the care page says when
    the second review is due, and the worker records the permanence plan the review agreed."""
    from lantern.children_in_care.models import CareReview
    from tests.factories.children_in_care import start_care

    worker = make_user(Role.SOCIAL_WORKER, first_name="Alex", last_name="Reed")
    iro = make_user(Role.IRO, first_name="Priya", last_name="Shah")
    child = make_person(
        by=worker, first_name="Mia", last_name="Lowe", date_of_birth=datetime.date(2014, 2, 3)
    )
    today = timezone.localdate()
    start_care(worker, child, start_date=today - datetime.timedelta(days=30))
    held = today - datetime.timedelta(days=2)

    login(page, iro)
    visit(page, f"/care/child/{child.pk}/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("First looked-after review due by")
    page.get_by_role("button", name="Record a review").click()
    page.wait_for_url(f"**/care/child/{child.pk}/reviews/new/")
    assert_accessible(page)
    page.get_by_label("Date of the review").fill(dmy(held))
    page.get_by_label("Independent reviewing officer who chaired the review").select_option(
        label="Priya Shah (Independent reviewing officer)"
    )
    page.get_by_role("group", name="Did the IRO see or speak to the child").get_by_label(
        "Yes"
    ).check()
    page.get_by_label(re.compile("^Child physically attends and speaks for themselves")).check()
    decision = page.get_by_role("group", name="Decision 1")
    decision.get_by_label("Decision").fill("Arrange weekly contact with her sister")
    decision.get_by_label("Who will carry it out").select_option(label="Alex Reed (Social worker)")
    decision.get_by_label("Due by").fill(dmy(today + datetime.timedelta(days=14)))
    submit(page, "Record the review")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the child's views")
    expect(decision.get_by_label("Decision")).to_have_value(
        "Arrange weekly contact with her sister"
    )
    assert_accessible(page)
    page.get_by_label("The child's views").fill("Mia wants to stay with her carers.")
    submit(page, "Record the review")
    page.wait_for_url(f"**/care/child/{child.pk}/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Review of")
    assert CareReview.objects.get().participation == "PN1"

    logout(page)
    login(page, worker)
    visit(page, f"/care/child/{child.pk}/")
    expect(page.get_by_role("main")).to_contain_text("Second looked-after review due by")
    page.get_by_role("link", name=re.compile("^Mark done")).click()
    assert_accessible(page)
    page.get_by_label("Date it was done").fill(dmy(today))
    page.get_by_label("What was done").fill("Contact every Saturday at the family centre")
    submit(page, "Mark done")
    page.wait_for_url(f"**/care/child/{child.pk}/")
    expect(page.get_by_role("main")).to_contain_text("Contact every Saturday at the family centre")
    assert_accessible(page)

    # The review agreed long-term fostering: the worker records it as the permanence plan.
    page.get_by_role("button", name="Record the permanence plan").click()
    page.wait_for_url(f"**/care/child/{child.pk}/permanence/")
    assert_accessible(page)
    page.get_by_label("Long-term fostering").check()
    page.get_by_label("Date the plan was agreed").fill(dmy(held))
    page.get_by_label("Was it agreed at a looked-after review?").select_option(
        label=f"The review on {held:%-d %B %Y}"
    )
    submit(page, "Record the plan")
    page.wait_for_url(f"**/care/child/{child.pk}/")
    expect(summary_value(page, "Permanence plan")).to_have_text("Long-term fostering")
    assert_accessible(page)

"""Journey: a child referred again within 12 months (FD8). The social worker asks to close the
current referral and sees the re-referral concern; a team manager cannot approve it without an
override reason, then approves with one, and the override is listed for scrutiny."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.closure.concerns import RE_REFERRAL
from lantern.closure.models import ClosureRequest
from lantern.front_door.services import referral_close
from lantern.timescales.engine import add_months
from tests.factories import make_person
from tests.factories.closure import authorised_assessment, make_referral
from tests.functional.helpers import assert_accessible, login, logout, submit, visit

RATIONALE = (
    "Maisie's assessment found no further action is needed: school report she is settled, her "
    "attendance is back to normal and her nan now collects her every day."
)
OVERRIDE = (
    "The earlier referral was about a different worry (school attendance), now resolved; the "
    "school will contact the front door if anything changes."
)


def _d(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def test_re_referral_closure_needs_an_override_reason_and_is_listed(page, make_user):
    worker = make_user(Role.SOCIAL_WORKER)
    manager = make_user(Role.TEAM_MANAGER)
    today = timezone.localdate()
    child = make_person(
        by=worker, first_name="Maisie", last_name="Thorne", date_of_birth=datetime.date(2014, 2, 3)
    )
    # The earlier referral, five months ago, closed after a month.
    earlier_date = add_months(today, -5)
    earlier = make_referral(worker, child, earlier_date)
    referral_close(
        by=worker,
        referral=earlier,
        closure_date=earlier_date + datetime.timedelta(days=30),
        reason="RC7",
    )
    # The current referral, three weeks ago, with its assessment authorised (no high-risk
    # factors, no plan): the only concern about closing it is the re-referral.
    current_date = today - datetime.timedelta(days=21)
    current = make_referral(worker, child, current_date)
    authorised_assessment(
        worker,
        manager,
        current,
        authorised_on=current_date + datetime.timedelta(days=14),
        factors=("16A",),
        outcome="nfa",
    )

    # The social worker asks to close the current referral.
    login(page, worker)
    visit(page, f"/front-door/referrals/{current.pk}/")
    page.get_by_role("link", name="Close or step down").click()
    page.wait_for_url(f"**/closure/referral/{current.pk}/")
    assert_accessible(page)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Re-referral within 12 months")
    page.get_by_label("Close the case", exact=True).check()
    page.get_by_label("RC8: Case closed after assessment, no further action", exact=True).check()
    page.get_by_label("Closure date").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Why it is safe to close the case").fill(RATIONALE)
    submit(page, "Send to a manager")

    closure = ClosureRequest.objects.get(referral=current)
    assert page.url.endswith(f"/closure/{closure.pk}/")
    assert closure.status == ClosureRequest.Status.REQUESTED
    assert (closure.kind, closure.reason, closure.closure_date) == ("closure", "RC8", today)
    assert closure.requested_by == worker
    assert [c["code"] for c in closure.concerns] == [RE_REFERRAL]
    expect(page.get_by_role("alert")).to_contain_text(
        "The closure has been sent to a manager to approve"
    )
    main = page.get_by_role("main")
    expect(main).to_contain_text("Re-referral within 12 months")
    expect(main).to_contain_text(
        f"Maisie Thorne was referred before on {_d(earlier_date)}, within 12 months of this "
        f"referral on {_d(current_date)}"
    )
    expect(main).to_contain_text("Waiting for a manager")

    # A team manager opens the queue and the request.
    logout(page)
    login(page, manager)
    visit(page, "/closure/")
    row = page.locator("tbody tr", has_text="Maisie Thorne")
    expect(row).to_contain_text("Close the case (RC8)")
    expect(row).to_contain_text("Re-referral within 12 months")
    row.get_by_role("link", name="Maisie Thorne").click()
    page.wait_for_url(f"**/closure/{closure.pk}/decide/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("Re-referral within 12 months")

    # Approving without an override reason is refused; the referral stays open.
    page.get_by_label("Approve the closure", exact=True).check()
    page.get_by_label("Your comments").fill("Agreed: the assessment found no further action.")
    submit(page, "Save the decision")
    assert page.url.endswith(f"/closure/{closure.pk}/decide/")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("cannot be approved without an override")
    expect(summary).to_contain_text("Re-referral: Maisie Thorne was referred before on")
    closure.refresh_from_db()
    current.refresh_from_db()
    assert closure.status == ClosureRequest.Status.REQUESTED
    assert closure.decided_by is None and closure.override_reason == ""
    assert current.closure_date is None and current.is_open

    # With an override reason the closure is approved and the referral closed.
    page.get_by_label("Approve the closure", exact=True).check()
    expect(page.get_by_label("Your comments")).to_have_value(
        "Agreed: the assessment found no further action."
    )
    page.get_by_label("Reason for approving despite the concerns").fill(OVERRIDE)
    submit(page, "Save the decision")
    assert page.url.endswith(f"/closure/{closure.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("Closure approved: the referral is closed")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Override reason")
    expect(main).to_contain_text(OVERRIDE)
    closure.refresh_from_db()
    current.refresh_from_db()
    assert closure.status == ClosureRequest.Status.APPROVED
    assert closure.decided_by == manager
    assert closure.override_reason == OVERRIDE
    assert [c["code"] for c in closure.decision_concerns] == [RE_REFERRAL]
    assert (current.closure_date, current.closure_reason) == (today, "RC8")
    assert not current.is_open and not current.nfa

    # The approval is on the list of overrides, with the manager's reason.
    visit(page, "/closure/overrides/")
    row = page.locator("tbody tr", has_text="Maisie Thorne")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Close the case (RC8)")
    expect(row).to_contain_text("Re-referral: Maisie Thorne was referred before on")
    expect(row).to_contain_text(OVERRIDE)

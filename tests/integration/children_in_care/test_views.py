"""The children in care pages through the test client: who may see and record what, a
restricted child's pages asking for a reason, each form's bad input shown in the error summary
with nothing saved and what was typed kept, a stale version refused, a whole period of care
recorded through the pages with its 903 episodes shown, and the child's page in a fixed number
of queries."""

import datetime
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lantern.accounts.roles import Role
from lantern.children_in_care.models import Carer, LegalStatus, PeriodOfCare, Placement
from lantern.children_in_care.services import legal_status_remove
from lantern.common.models import AuditEvent
from lantern.people.models import RecordView
from lantern.people.services import person_restrict
from tests.factories.children_in_care import (
    change_status,
    days_ago,
    end_care,
    make_carer,
    move,
    start_care,
)

pytestmark = pytest.mark.django_db


def dmy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def child_url(person) -> str:
    return reverse("children_in_care:child", args=[person.pk])


def html_of(response) -> str:
    return response.content.decode()


def title_of(html: str) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).strip()


def summary_errors(html: str) -> list[tuple[str, str]]:
    """(href, text) of each link in the GOV.UK error summary."""
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    assert match, "no error summary on the page"
    return [
        (href, unescape(text).strip())
        for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', match.group(0), re.S)
    ]


class _Table(HTMLParser):
    """The cells of the table with a given id: a list of rows, each a list of cell texts."""

    def __init__(self, table_id: str):
        super().__init__()
        self.table_id, self.inside, self.rows, self.cell = table_id, False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data + " ")


def episode_rows(html: str) -> list[list[str]]:
    parser = _Table("episodes")
    parser.feed(html)
    return parser.rows[1:]  # without the header row


@pytest.fixture
def carer(social_worker):
    return make_carer(social_worker)  # Sam and Alex Kerr, local authority foster carers


@pytest.fixture
def period(social_worker, child, carer):
    return start_care(social_worker, child, start_date=days_ago(40), carer=carer)


def start_data(carer, /, **fields):
    data = {
        "start_date": dmy(days_ago(50)),
        "legal_status": "V2",
        "cin": "N1",
        "home_postcode": "DN31 1HU",
        "place": "U6",
        "carer": str(carer.pk),
        "provider": "",
        "postcode": "",
        "urn": "",
    }
    data.update(fields)
    return data


def move_data(period, carer, /, **fields):
    period.refresh_from_db()
    data = {
        "version": str(period.version),
        "start_date": dmy(days_ago(20)),
        "place": "U4",
        "carer": str(carer.pk),
        "provider": "",
        "postcode": "",
        "urn": "",
        "reason_change": "CREQB",
    }
    data.update(fields)
    return data


def reading_urls(person):
    return [child_url(person), reverse("children_in_care:carers")]


def recording_urls(person, period):
    return [
        reverse("children_in_care:start", args=[person.pk]),
        reverse("children_in_care:legal_status", args=[period.pk]),
        reverse("children_in_care:move", args=[period.pk]),
        reverse("children_in_care:end", args=[period.pk]),
        reverse("children_in_care:carer_new"),
    ]


# -- who may see what ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER])
def test_casework_roles_see_and_record(client, user_for, person_maker, period, role):
    client.force_login(user_for(role))
    for url in reading_urls(period.person) + recording_urls(period.person, period)[1:]:
        assert client.get(url).status_code == 200, url
    # The child is looked after: the start page sends them back to the child's page.
    response = client.get(recording_urls(period.person, period)[0])
    assert response.status_code == 302 and response.url == child_url(period.person)
    page = html_of(client.get(child_url(period.person)))
    assert "Record a change of legal status" in page and "End the period of care" in page
    not_in_care = person_maker()
    page = html_of(client.get(child_url(not_in_care)))
    assert "is not looked after" in page and "Start a period of care" in page
    start = reverse("children_in_care:start", args=[not_in_care.pk])
    assert client.get(start).status_code == 200


@pytest.mark.parametrize("role", [Role.IRO, Role.AUDITOR, Role.FRONT_DOOR, Role.HEAD_OF_SERVICE])
def test_readers_see_the_pages_but_cannot_record(client, user_for, period, role):
    client.force_login(user_for(role))
    for url in reading_urls(period.person):
        assert client.get(url).status_code == 200, url
    page = html_of(client.get(child_url(period.person)))
    assert "Looked after since" in page
    assert "Record a move" not in page and "End the period of care" not in page
    assert "Add a carer" not in html_of(client.get(reverse("children_in_care:carers")))
    for url in recording_urls(period.person, period):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert LegalStatus.objects.count() == 1


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR, Role.PARTNER])
def test_roles_without_casework_get_404(client, user_for, period, role):
    client.force_login(user_for(role))
    for url in reading_urls(period.person) + recording_urls(period.person, period):
        assert client.get(url).status_code == 404, url


def test_the_childs_care_page_is_linked_from_the_record_and_logs_the_view(
    client, social_worker, period
):
    client.force_login(social_worker)
    record = html_of(client.get(reverse("people:record", args=[period.person_id])))
    assert f'href="{child_url(period.person)}">Children in care</a>' in record
    client.get(child_url(period.person))
    assert RecordView.objects.filter(
        person=period.person, user=social_worker, via="children in care"
    ).exists()


def test_a_restricted_childs_pages_ask_for_a_reason(client, social_worker, manager, period):
    person_restrict(by=manager, person=period.person, restricted=True, reason="Adoption")
    client.force_login(social_worker)
    break_glass = reverse("people:break_glass", args=[period.person_id])
    for url in [child_url(period.person), *recording_urls(period.person, period)[:4]]:
        response = client.get(url)
        assert response.status_code == 302 and response.url == break_glass, url
    response = client.post(
        reverse("children_in_care:end", args=[period.pk]),
        {"version": "1", "end_date": dmy(days_ago(1)), "reason_ceased": "E4A"},
    )
    assert response.status_code == 302 and response.url == break_glass
    period.refresh_from_db()
    assert period.is_open
    # With a reason given, the page opens and the view is logged as a break-glass opening.
    client.post(break_glass, {"reason": "Covering the duty desk tonight"})
    assert client.get(child_url(period.person)).status_code == 200
    assert RecordView.objects.get(person=period.person, via="children in care").break_glass


# -- starting a period of care -------------------------------------------------------------------


def test_start_through_the_page(client, social_worker, child, carer):
    client.force_login(social_worker)
    url = reverse("children_in_care:start", args=[child.pk])
    page = html_of(client.get(url))
    assert title_of(page).startswith("Start a period of care")
    assert "Single period of accommodation under section 20 (V2)" in page
    assert "Sam and Alex Kerr (Local authority foster carer(s), DN32 7AA)" in page
    response = client.post(url, start_data(carer))
    assert response.status_code == 302 and response.url == child_url(child)
    period = PeriodOfCare.objects.get(person=child)
    assert (period.start_date, period.category_of_need, period.home_postcode) == (
        days_ago(50),
        "N1",
        "DN31 1HU",
    )
    assert period.legal_statuses.get().code == "V2"
    placement = period.placements.get()
    assert (placement.place, placement.carer, placement.provider) == ("U6", carer, "PR1")
    assert AuditEvent.objects.filter(action="care.started", actor=social_worker).exists()
    page = html_of(client.get(child_url(child)))
    assert "Period of care started" in page
    assert "Single period of accommodation under section 20 (V2)" in page
    assert "Sam and Alex Kerr" in page and "DN32 7AA" in page
    assert "50 days" in page


def test_start_with_bad_input_shows_the_errors_and_saves_nothing(
    client, social_worker, child, carer
):
    client.force_login(social_worker)
    url = reverse("children_in_care:start", args=[child.pk])
    bad = start_data(
        carer,
        start_date="",
        legal_status="",
        cin="",
        place="",
        carer="",
        home_postcode="XYZ",
        postcode="NOT A POSTCODE",
    )
    response = client.post(url, bad)
    assert response.status_code == 200
    page = html_of(response)
    assert title_of(page).startswith("Error: Start a period of care")
    assert summary_errors(page) == [
        ("#id_start_date", "Enter the date the child started to be looked after"),
        ("#id_legal_status", "Select the child's legal status"),
        ("#id_cin", "Select the category of need"),
        ("#id_home_postcode", "Enter a real UK postcode, like DN31 1HU"),
        ("#id_place", "Select the type of placement"),
        ("#id_carer", "Select who the child will live with"),
        ("#id_postcode", "Enter a real UK postcode, like DN31 1HU"),
    ]
    assert 'value="XYZ"' in page and 'value="NOT A POSTCODE"' in page  # what was typed
    # A date that is not real, and a code not on the list, are refused before the service.
    response = client.post(url, start_data(carer, start_date="31/02/2026", legal_status="C9"))
    page = html_of(response)
    assert summary_errors(page) == [
        ("#id_start_date", "Enter a real date"),
        ("#id_legal_status", "Select the child's legal status"),
    ]
    assert 'value="31/02/2026"' in page
    # A placement type the service refuses for the provider.
    response = client.post(url, start_data(carer, provider="PR0"))
    assert summary_errors(html_of(response)) == [
        ("#id_provider", "A placement of type U6 cannot have provider PR0: select another provider")
    ]
    assert not PeriodOfCare.objects.exists()
    assert not LegalStatus.objects.exists() and not Placement.objects.exists()
    assert not AuditEvent.objects.filter(action="care.started").exists()


def test_start_for_a_child_without_a_date_of_birth_says_so_above_the_form(
    client, social_worker, person_maker, carer
):
    unknown = person_maker(date_of_birth=None)
    client.force_login(social_worker)
    response = client.post(reverse("children_in_care:start", args=[unknown.pk]), start_data(carer))
    assert summary_errors(html_of(response)) == [
        (
            "#main-content",
            "Record the child's date of birth before recording that they are looked after",
        )
    ]
    assert not PeriodOfCare.objects.exists()


# -- changes of legal status, moves and the end -------------------------------------------------


def test_legal_status_change_with_bad_input_and_a_stale_version(
    client, social_worker, manager, period
):
    client.force_login(social_worker)
    url = reverse("children_in_care:legal_status", args=[period.pk])
    page = html_of(client.get(url))
    assert 'name="version" value="1"' in page
    response = client.post(url, {"version": "1", "start_date": "", "code": "V2"})
    page = html_of(response)
    assert title_of(page).startswith("Error: Record a change of legal status")
    assert summary_errors(page) == [
        ("#id_start_date", "Enter the date the legal status changed"),
        ("#id_code", "The child's legal status is already V2: select the new one"),
    ]
    # Someone else records a change meanwhile: this one is refused, what was typed is kept.
    change_status(manager, period, "L2", days_ago(30))
    response = client.post(url, {"version": "1", "start_date": dmy(days_ago(10)), "code": "C1"})
    page = html_of(response)
    assert response.status_code == 200
    assert summary_errors(page) == [
        (
            "#main-content",
            "Someone else changed this record while you were editing it. Your changes have not "
            "been saved: check the record and make them again.",
        )
    ]
    assert f'value="{dmy(days_ago(10))}"' in page
    assert re.search(r'type="radio" value="C1"[^>]*checked', page)
    assert 'name="version" value="2"' in page  # the page now carries the version it shows
    assert list(period.legal_statuses.values_list("code", flat=True)) == ["V2", "L2"]
    # A missing version is refused as stale, never taken as "do not check".
    client.post(url, {"start_date": dmy(days_ago(10)), "code": "C1"})
    assert period.legal_statuses.count() == 2
    response = client.post(url, {"version": "2", "start_date": dmy(days_ago(10)), "code": "C1"})
    assert response.status_code == 302 and response.url == child_url(period.person)
    assert list(period.legal_statuses.values_list("code", flat=True)) == ["V2", "L2", "C1"]


def test_move_with_bad_input_and_a_stale_version(client, social_worker, manager, period, carer):
    client.force_login(social_worker)
    url = reverse("children_in_care:move", args=[period.pk])
    barnes = make_carer(social_worker, name="Jo Barnes", postcode="DN34 5BB")
    response = client.post(url, move_data(period, barnes, reason_change="", urn="SC12"))
    page = html_of(response)
    assert title_of(page).startswith("Error: Record a move")
    assert summary_errors(page) == [
        ("#id_urn", "Enter the Ofsted URN: 6 to 8 letters and numbers, like SC045099"),
        ("#id_reason_change", "Select the reason the placement changed"),
    ]
    assert 'value="SC12"' in page
    # The same placement as now: a message about the whole form.
    same = move_data(period, carer, place="U6", reason_change="CARPL")
    assert summary_errors(html_of(client.post(url, same)))[0] == (
        "#main-content",
        "This is the child's current placement: the type, provider, carer, postcode and URN "
        "are all the same",
    )
    stale = move_data(period, barnes, postcode="DN35 8QQ")
    change_status(manager, period, "C1", days_ago(30))
    page = html_of(client.post(url, stale))
    assert summary_errors(page)[0][1].startswith("Someone else changed this record")
    assert 'value="DN35 8QQ"' in page
    assert re.search(rf'<option value="{barnes.pk}" selected>', page)
    assert period.placements.count() == 1 and period.placements.get().reason_change == ""


def test_end_with_bad_input_and_a_stale_version(client, social_worker, manager, period):
    client.force_login(social_worker)
    url = reverse("children_in_care:end", args=[period.pk])
    page = html_of(client.get(url))
    assert '<option value="X1"' not in page and "(E4A)" in page
    response = client.post(url, {"version": "1", "end_date": "", "reason_ceased": ""})
    page = html_of(response)
    assert title_of(page).startswith("Error: End the period of care")
    assert summary_errors(page) == [
        ("#id_end_date", "Enter the date the child stopped being looked after"),
        ("#id_reason_ceased", "Select why the child stopped being looked after"),
    ]
    move(manager, period, days_ago(10))
    page = html_of(
        client.post(url, {"version": "1", "end_date": dmy(days_ago(2)), "reason_ceased": "E13"})
    )
    assert summary_errors(page)[0][1].startswith("Someone else changed this record")
    assert re.search(r'<option value="E13" selected>', page)
    period.refresh_from_db()
    assert period.is_open and period.reason_ceased == ""
    assert not AuditEvent.objects.filter(action="care.ended").exists()


def test_an_ended_period_cannot_be_changed_through_the_pages(client, social_worker, period):
    end_care(social_worker, period, days_ago(5), "E4A")
    client.force_login(social_worker)
    for name in ("legal_status", "move", "end"):
        response = client.get(reverse(f"children_in_care:{name}", args=[period.pk]))
        assert response.status_code == 302 and response.url == child_url(period.person)
    page = html_of(client.get(child_url(period.person)))
    assert "is not looked after" in page and "Start a period of care" in page


def test_a_whole_period_of_care_through_the_pages(client, social_worker, child, carer):
    """Starts under section 20 (V2) with local authority foster carers, moves to agency foster
    carers, an interim care order on the same day as a second move, returns home (E4A)."""
    barnes = make_carer(
        social_worker, name="Jo Barnes", kind="agency_foster", provider="PR4", postcode="DN34 5BB"
    )
    lee = make_carer(social_worker, name="Pat Lee", provider="PR1", postcode="DN35 9ZZ")
    client.force_login(social_worker)
    assert (
        client.post(
            reverse("children_in_care:start", args=[child.pk]), start_data(carer)
        ).status_code
        == 302
    )
    period = PeriodOfCare.objects.get(person=child)
    move_url = reverse("children_in_care:move", args=[period.pk])
    data = move_data(period, barnes, start_date=dmy(days_ago(40)), reason_change="CREQB")
    assert client.post(move_url, data).status_code == 302
    same_day = days_ago(30)
    data = move_data(period, lee, place="U6", start_date=dmy(same_day), reason_change="CARPL")
    assert client.post(move_url, data).status_code == 302
    period.refresh_from_db()
    response = client.post(
        reverse("children_in_care:legal_status", args=[period.pk]),
        {"version": str(period.version), "start_date": dmy(same_day), "code": "C1"},
    )
    assert response.status_code == 302
    page = html_of(client.get(child_url(child)))
    assert "Interim care order (section 38) (C1)" in page and "Pat Lee" in page
    period.refresh_from_db()
    response = client.post(
        reverse("children_in_care:end", args=[period.pk]),
        {"version": str(period.version), "end_date": dmy(days_ago(10)), "reason_ceased": "E4A"},
    )
    assert response.status_code == 302 and response.url == child_url(child)
    period.refresh_from_db()
    assert (period.end_date, period.reason_ceased) == (days_ago(10), "E4A")

    page = html_of(client.get(child_url(child)))
    assert "Period of care ended on" in page
    assert "is not looked after" in page and "Start a period of care" in page
    day = "{:%-d %b %Y}".format
    # Started, RNE, LS, PLACE, provider, ended, REC, reason for placement change.
    assert episode_rows(page) == [
        [
            day(days_ago(50)),
            "S Started to be looked after",
            "V2 Single period of accommodation under section 20",
            "U6 Foster placement with other foster carer(s): not long-term or for adoption",
            "PR1 Own provision by the local authority",
            day(days_ago(40)),
            "X1 Episode ceases and new episode begins on the same day, for any reason",
            "CREQB Carer(s) requested the placement end because of the child's behaviour",
        ],
        [
            day(days_ago(40)),
            "P Change of placement and carer(s) only",
            "V2 Single period of accommodation under section 20",
            "U4 Foster placement with other foster carer(s): long-term fostering",
            "PR4 Private provision",
            day(same_day),
            "X1 Episode ceases and new episode begins on the same day, for any reason",
            "CARPL Change to or implementation of the care plan",
        ],
        [
            day(same_day),
            "B Change of legal status and placement and carer(s) at the same time",
            "C1 Interim care order (section 38)",
            "U6 Foster placement with other foster carer(s): not long-term or for adoption",
            "PR1 Own provision by the local authority",
            day(days_ago(10)),
            "E4A Returned home to parent(s) or other person(s) with PR, as part of care planning",
            "",
        ],
    ]
    assert "<caption" in page and 'scope="col"' in page and 'scope="row"' in page
    # The history: both legal statuses and all three placements, in date order.
    history = page.split("Periods of care", 1)[1].split("SSDA903 episodes", 1)[0]
    assert history.index("(V2)") < history.index("(C1)")
    assert (
        history.index("Sam and Alex Kerr") < history.index("Jo Barnes") < history.index("Pat Lee")
    )


def test_a_change_removed_as_recorded_in_error_shows_in_the_history_not_the_episodes(
    client, social_worker, period
):
    status = change_status(social_worker, period, "C1", days_ago(20))
    period.refresh_from_db()
    legal_status_remove(
        by=social_worker, status=status, reason="Recorded on the wrong child", version=2
    )
    client.force_login(social_worker)
    page = html_of(client.get(child_url(period.person)))
    history = page.split("Periods of care", 1)[1].split("SSDA903 episodes", 1)[0]
    assert "Removed" in history and "Recorded in error: Recorded on the wrong child" in history
    [episode] = episode_rows(page)
    assert episode[1].startswith("S ") and episode[2].startswith("V2 ")


# -- carers --------------------------------------------------------------------------------------


def test_carers_listed_and_added_through_the_pages(client, social_worker, carer, child):
    client.force_login(social_worker)
    assert "Sam and Alex Kerr" in html_of(client.get(reverse("children_in_care:carers")))
    url = reverse("children_in_care:carer_new")
    response = client.post(url, {"name": " ", "kind": "", "provider": "", "postcode": "XYZ"})
    page = html_of(response)
    assert title_of(page).startswith("Error: Add a carer")
    assert summary_errors(page) == [
        ("#id_name", "Enter the carer's name"),
        ("#id_kind", "Select the kind of carer"),
        ("#id_postcode", "Enter a real UK postcode, like DN31 1HU"),
    ]
    assert 'value="XYZ"' in page
    assert Carer.objects.count() == 1
    # From the start page's link, the new carer is added and the worker is sent back there.
    start = reverse("children_in_care:start", args=[child.pk])
    assert f"{url}?next={start}" in html_of(client.get(start)).replace("%2F", "/")
    response = client.post(
        f"{url}?next={start}",
        {
            "next": start,
            "name": "Oaks children's home",
            "kind": "residential",
            "provider": "PR4",
            "ofsted_urn": "sc123456",
            "postcode": "dn33 2ab",
        },
    )
    assert response.status_code == 302 and response.url == start
    home = Carer.objects.get(name="Oaks children's home")
    assert (home.ofsted_urn, home.postcode) == ("SC123456", "DN33 2AB")
    assert "Oaks children" in html_of(client.get(start))
    # Only a page of this service is a place to go back to.
    response = client.post(
        url, {"next": "https://example.com/care/", "name": "Jo Lee", "kind": "connected"}
    )
    assert response.url == reverse("children_in_care:carers")


# -- queries ------------------------------------------------------------------------------------


def child_page_queries(client, child) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(child_url(child))
    assert response.status_code == 200
    return len(queries)


def test_child_page_queries_do_not_grow_with_history(client, social_worker, child, carer):
    client.force_login(social_worker)
    period = start_care(social_worker, child, start_date=days_ago(300), carer=carer)
    first = child_page_queries(client, child)
    # More history: moves, changes of legal status, an end, and a second period of care.
    for n, code in ((280, "C1"), (250, "C2")):
        move(social_worker, period, days_ago(n))
        change_status(social_worker, period, code, days_ago(n - 5))
    end_care(social_worker, period, days_ago(200), "E4A")
    again = start_care(social_worker, child, start_date=days_ago(100), carer=carer)
    move(social_worker, again, days_ago(50))
    change_status(social_worker, again, "C1", days_ago(40))
    assert child_page_queries(client, child) == first
    assert len(episode_rows(html_of(client.get(child_url(child))))) == 8
    # The periods and their rows, the reviews, the next review and the permanence plan (with
    # their rules): a fixed number however long the history.
    assert first <= 20

"""Case notes pages through the test client."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.casenotes.models import CaseNote
from lantern.casenotes.services import casenote_correct
from lantern.people.models import RecordView
from lantern.people.services import person_restrict, relationship_add
from tests.factories.casenotes import make_note

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


@pytest.fixture
def sibling(social_worker, child, person_maker):
    sister = person_maker(first_name="Rosie", last_name="Hargreaves")
    relationship_add(by=social_worker, person=sister, other=child, type="sibling")
    return sister


def good(**fields):
    data = {
        "kind": "visit",
        "occurred_on": d(TODAY),
        "title": "Home visit",
        "text": "Saw Amelia alone; she said things are calmer at home.",
        "child_seen": "yes",
        "seen_alone": "yes",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.IRO, Role.AUDITOR, Role.TEAM_MANAGER])
def test_pages_render_for_practice_roles(client, user_for, social_worker, child, role):
    note = make_note(social_worker, child)
    client.force_login(user_for(role))
    html = client.get(reverse("casenotes:child", args=[child.pk])).content.decode()
    assert "Home visit" in html and "Seen alone" in html
    assert ("Add a case note" in html) == (role != Role.AUDITOR)
    assert client.get(reverse("casenotes:note", args=[note.pk])).status_code == 200
    assert RecordView.objects.filter(person=child, via="case note").exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR, Role.PARTNER])
def test_pages_are_404_without_casework_view(client, user_for, social_worker, child, role):
    note = make_note(social_worker, child)
    client.force_login(user_for(role))
    for url in [
        reverse("casenotes:child", args=[child.pk]),
        reverse("casenotes:note", args=[note.pk]),
        reverse("casenotes:add", args=[child.pk]),
        reverse("casenotes:correct", args=[note.pk]),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.HEAD_OF_SERVICE])
def test_writing_is_404_without_casenote_record(client, user_for, social_worker, child, role):
    note = make_note(social_worker, child)
    client.force_login(user_for(role))
    for url in [
        reverse("casenotes:add", args=[child.pk]),
        reverse("casenotes:correct", args=[note.pk]),
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, good(reason="x", version=1)).status_code == 404
    assert CaseNote.objects.count() == 1 and CaseNote.objects.get().version == 1


def test_add_a_visit_also_about_a_sibling(client, social_worker, child, sibling):
    client.force_login(social_worker)
    url = reverse("casenotes:add", args=[child.pk])
    html = client.get(url).content.decode()
    assert "Rosie Hargreaves (sibling)" in html and "data-language-check" in html
    response = client.post(url, good(also_about=[str(sibling.pk)]))
    note = CaseNote.objects.get()
    assert response.status_code == 302 and response.url == reverse("casenotes:note", args=[note.pk])
    assert list(note.also_about.all()) == [sibling]
    # It appears on the sibling's list too.
    html = client.get(reverse("casenotes:child", args=[sibling.pk])).content.decode()
    assert "Home visit" in html and "Recorded on Amelia Hargreaves" in html


def test_add_bad_input_shows_errors_and_saves_nothing(client, social_worker, child):
    client.force_login(social_worker)
    url = reverse("casenotes:add", args=[child.pk])
    response = client.post(
        url, good(child_seen="", seen_alone="", title="", occurred_on="32/01/2026")
    )
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Enter a title" in html and "Enter a real date" in html
    response = client.post(url, good(child_seen="", seen_alone=""))
    assert "Select whether the child was seen" in response.content.decode()
    response = client.post(url, good(child_seen="no", seen_alone="yes"))
    assert "The child can only be seen alone if they were seen" in response.content.decode()
    response = client.post(url, good(occurred_on=d(TODAY + datetime.timedelta(days=1))))
    assert "The date cannot be in the future" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_list_filters_by_kind_newest_first_and_paginates(client, social_worker, child):
    for n in range(27):
        make_note(
            social_worker,
            child,
            kind="phone",
            child_seen=None,
            seen_alone=None,
            title=f"Call {n}",
            occurred_on=TODAY - datetime.timedelta(days=n + 1),
        )
    make_note(social_worker, child, title="The visit")
    client.force_login(social_worker)
    url = reverse("casenotes:child", args=[child.pk])
    html = client.get(url).content.decode()
    assert html.index("The visit") < html.index("Call 0<") < html.index("Call 1<")
    assert "Call 24" not in html and 'aria-label="Page 2"' in html
    html = client.get(url, {"kind": "visit"}).content.decode()
    assert "The visit" in html and "Call 0" not in html
    html = client.get(url, {"kind": "phone", "page": 2}).content.decode()
    assert "Call 26" in html and "kind=phone" in html


def test_correct_a_note_shows_the_history(client, social_worker, child):
    note = make_note(social_worker, child, title="Home visti")
    client.force_login(social_worker)
    url = reverse("casenotes:correct", args=[note.pk])
    assert "Home visti" in client.get(url).content.decode()
    missing = client.post(url, good(title="Home visit", version=1, reason=""))
    assert "Give the reason for the correction" in missing.content.decode()
    assert client.post(url, good(title="Home visit", version=1, reason="Typo")).status_code == 302
    html = client.get(reverse("casenotes:note", args=[note.pk])).content.decode()
    assert "Reason: Typo" in html and "Home visti" in html
    stale = client.post(url, good(title="Again", version=1, reason="Typo"))
    assert "Someone else changed this record" in stale.content.decode()
    assert CaseNote.objects.get().title == "Home visit"


def test_note_page_sql_does_not_grow_with_corrections(
    client, social_worker, child, django_assert_max_num_queries
):
    note = make_note(social_worker, child)
    client.force_login(social_worker)
    url = reverse("casenotes:note", args=[note.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    note = casenote_correct(by=social_worker, note=note, version=1, reason="One", title="A")
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    for n in range(5):
        note = casenote_correct(
            by=social_worker, note=note, version=note.version, reason=f"R{n}", title=f"T{n}"
        )
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        assert client.get(url).status_code == 200


def test_restricted_child_needs_a_reason_first(client, manager, social_worker, child):
    note = make_note(social_worker, child)
    person_restrict(by=manager, person=child, restricted=True, reason="Witness protection")
    client.force_login(social_worker)
    response = client.get(reverse("casenotes:note", args=[note.pk]))
    assert response.status_code == 302
    assert response.url == reverse("people:break_glass", args=[child.pk])

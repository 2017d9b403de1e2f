"""The practice-language check: findings kept current as text changes, the AP4 check, the
while-writing endpoint, and the administrator's phrase list."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lantern.accounts.roles import Role
from lantern.checks.registry import get_check
from lantern.common.models import AuditEvent
from lantern.language.models import Finding, Phrase
from lantern.language.services import language_scan, phrase_add, phrase_update

pytestmark = pytest.mark.django_db


def test_the_default_phrases_are_loaded():
    assert Phrase.objects.filter(phrase="over chastisement", active=True).exists()
    assert "mark" in Phrase.objects.get(phrase="smacked").unless_near


def test_scan_records_clears_and_keeps_findings(social_worker, child):
    # Any saved record stands in as the source; a warning-free Person is enough here.
    source = child
    found = language_scan(
        by=social_worker,
        person=child,
        source=source,
        texts={"analysis": "This was over chastisement.", "voice": "She said she was happy."},
        label="Assessment",
    )
    assert [m.phrase for m in found] == ["over chastisement"]
    row = Finding.objects.get()
    assert (row.field, row.phrase.phrase, row.cleared_at) == ("analysis", "over chastisement", None)
    assert AuditEvent.objects.filter(action="language.found").count() == 1

    # Saving the same text again records nothing new.
    language_scan(
        by=social_worker, person=child, source=source, texts={"analysis": "over chastisement"}
    )
    assert Finding.objects.count() == 1

    # Rewriting it clears the finding (kept, with when).
    language_scan(by=social_worker, person=child, source=source, texts={"analysis": "Dad hit her."})
    row.refresh_from_db()
    assert row.cleared_at is not None
    assert Finding.objects.filter(cleared_at__isnull=True).count() == 0


def test_a_field_not_rescanned_keeps_its_finding(social_worker, child):
    language_scan(by=social_worker, person=child, source=child, texts={"a": "toxic trio"})
    language_scan(by=social_worker, person=child, source=child, texts={"b": "nothing here"})
    assert Finding.objects.filter(cleared_at__isnull=True, field="a").count() == 1


def test_ap4_check_flags_open_findings_only(social_worker, child, person_maker):
    other = person_maker(first_name="Other", last_name="Child")
    language_scan(
        by=social_worker,
        person=child,
        source=child,
        texts={"note": "a volatile relationship"},
        label="Case note 3 Mar 2026",
    )
    check = get_check("AP4-LANGUAGE")
    flags = check.flags(today=None, person_ids=[child.pk, other.pk])
    assert [f.person_id for f in flags] == [child.pk]
    assert "“volatile relationship” in Case note 3 Mar 2026" in flags[0].detail
    language_scan(by=social_worker, person=child, source=child, texts={"note": "Dad hit Mum."})
    assert check.flags(today=None, person_ids=[child.pk]) == []


def test_check_endpoint_returns_matches_with_reasons(client, social_worker):
    client.force_login(social_worker)
    response = client.post(reverse("language:check"), {"text": "It was rough handling."})
    assert response.status_code == 200
    [match] = response.json()["matches"]
    assert match["phrase"] == "rough handling"
    assert match["reason"]
    assert client.get(reverse("language:check")).status_code == 405


def test_check_endpoint_needs_sign_in(client):
    response = client.post(reverse("language:check"), {"text": "toxic trio"})
    assert response.status_code == 302


def test_phrase_add_validates(social_worker):
    with pytest.raises(ValidationError) as error:
        phrase_add(by=social_worker, phrase="  ", reason="")
    assert set(error.value.message_dict) == {"phrase", "reason"}
    with pytest.raises(ValidationError) as error:
        phrase_add(by=social_worker, phrase="Toxic Trio", reason="again")
    assert error.value.message_dict["phrase"] == ["That phrase is already on the list"]


def test_administrator_adds_and_retires_a_phrase(client, user_for):
    admin = user_for(Role.ADMINISTRATOR)
    client.force_login(admin)
    assert client.get(reverse("language:phrases")).status_code == 200
    response = client.post(
        reverse("language:phrases"),
        {
            "phrase": "a bit of a slap",
            "reason": "Minimises an assault",
            "unless_near": "Face, mark",
        },
    )
    assert response.status_code == 302
    phrase = Phrase.objects.get(phrase="a bit of a slap")
    assert phrase.unless_near == ["face", "mark"]
    response = client.post(
        reverse("language:phrase_edit", args=[phrase.pk]),
        {"reason": "Minimises an assault", "suggestion": "", "unless_near": "", "active": ""},
    )
    assert response.status_code == 302
    phrase.refresh_from_db()
    assert phrase.active is False
    assert AuditEvent.objects.filter(action="language.phrase_changed").exists()


def test_bad_phrase_shows_errors_and_saves_nothing(client, user_for):
    client.force_login(user_for(Role.ADMINISTRATOR))
    before = Phrase.objects.count()
    response = client.post(reverse("language:phrases"), {"phrase": "", "reason": ""})
    assert response.status_code == 200
    assert "Enter the phrase" in response.content.decode()
    assert Phrase.objects.count() == before


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.PARTNER])
def test_phrase_pages_refused_to_other_roles(client, user_for, role):
    client.force_login(user_for(role))
    assert client.get(reverse("language:phrases")).status_code == 404


def test_inactive_phrases_are_not_looked_for(social_worker, child):
    phrase = Phrase.objects.get(phrase="toxic trio")
    phrase_update(
        by=social_worker,
        phrase=phrase,
        reason=phrase.reason,
        suggestion="",
        unless_near=[],
        active=False,
    )
    assert (
        language_scan(by=social_worker, person=child, source=child, texts={"x": "toxic trio"}) == []
    )


def test_front_door_screening_and_decision_text_is_checked(social_worker, manager, child):
    from tests.factories.front_door import decide, make_contact, screen

    contact = make_contact(social_worker, child)
    item = contact.children.get()
    screen(social_worker, item, summary="Mum described it as over chastisement; no referrals.")
    decide(manager, item, rationale="A volatile relationship at home needs assessing.")
    found = {(f.source_type, f.field, f.phrase.phrase) for f in Finding.objects.all()}
    assert ("front_door.screening", "history_summary", "over chastisement") in found
    assert ("front_door.decision", "rationale", "volatile relationship") in found

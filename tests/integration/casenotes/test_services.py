"""Recording and correcting case notes: the visit rules, siblings, the chronology, the
practice-language check, corrections that keep the original, and the constraints."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.casenotes.models import CaseNote
from lantern.casenotes.services import casenote_correct
from lantern.common.errors import ConcurrentEditError
from lantern.common.models import AuditEvent
from lantern.language.models import Finding
from lantern.people.models import ChronologyEntry
from lantern.people.services import relationship_add
from tests.factories.casenotes import make_note

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def sibling(social_worker, child, person_maker):
    brother = person_maker(first_name="Tom", last_name="Hargreaves")
    relationship_add(by=social_worker, person=brother, other=child, type="sibling")
    return brother


def errors_of(error) -> dict:
    return error.value.message_dict


def test_visit_recorded_on_the_chronology_and_audited(social_worker, child):
    note = make_note(social_worker, child)
    entry = ChronologyEntry.objects.get(person=child, kind="casenote")
    assert entry.summary == "Visit to the child: Home visit (child seen alone)"
    assert entry.source_id == str(note.pk)
    assert AuditEvent.objects.filter(action="casenote.added", person=child).exists()


def test_visit_must_say_whether_the_child_was_seen(social_worker, child):
    with pytest.raises(ValidationError) as error:
        make_note(social_worker, child, child_seen=None, seen_alone=None)
    assert errors_of(error) == {"child_seen": ["Select whether the child was seen"]}
    with pytest.raises(ValidationError) as error:
        make_note(social_worker, child, child_seen=True, seen_alone=None)
    assert errors_of(error) == {"seen_alone": ["Select whether the child was seen alone"]}
    assert not CaseNote.objects.exists()


def test_seen_alone_only_if_seen(social_worker, child):
    with pytest.raises(ValidationError) as error:
        make_note(social_worker, child, child_seen=False, seen_alone=True)
    assert errors_of(error) == {
        "seen_alone": ["The child can only be seen alone if they were seen"]
    }
    note = make_note(social_worker, child, child_seen=False, seen_alone=None)
    assert (note.child_seen, note.seen_alone) == (False, False)
    assert "(child not seen)" in ChronologyEntry.objects.get(kind="casenote").summary


def test_note_cannot_be_in_the_future_and_needs_title_and_text(social_worker, child):
    with pytest.raises(ValidationError) as error:
        make_note(
            social_worker,
            child,
            occurred_on=TODAY + datetime.timedelta(days=1),
            title=" ",
            text="",
            kind="nonsense",
        )
    assert errors_of(error) == {
        "occurred_on": ["The date cannot be in the future"],
        "title": ["Enter a title"],
        "text": ["Enter the note"],
        "kind": ["Select the type of note"],
    }


def test_phone_call_need_not_say_whether_the_child_was_seen(social_worker, child):
    note = make_note(social_worker, child, kind="phone", child_seen=None, seen_alone=None)
    assert note.child_seen is None and note.seen_alone is None
    assert ChronologyEntry.objects.get(kind="casenote").summary == (
        "Phone or video call: Home visit"
    )


def test_note_also_about_a_sibling_is_on_both_chronologies(social_worker, child, sibling):
    note = make_note(social_worker, child, also_about=[sibling, child])
    assert list(note.also_about.all()) == [sibling]
    people = set(
        ChronologyEntry.objects.filter(kind="casenote").values_list("person_id", flat=True)
    )
    assert people == {child.pk, sibling.pk}


def test_note_cannot_be_about_someone_outside_the_family(social_worker, child, person_maker):
    stranger = person_maker(first_name="Not", last_name="Related")
    with pytest.raises(ValidationError) as error:
        make_note(social_worker, child, also_about=[stranger])
    assert errors_of(error) == {"also_about": ["Not Related is not in the child's family network"]}


def test_minimising_language_is_found(social_worker, child):
    note = make_note(social_worker, child, text="Dad admitted over chastisement last week.")
    assert [m.phrase for m in note.language_matches] == ["over chastisement"]
    finding = Finding.objects.get(person=child)
    assert finding.field == "text" and finding.source_url == f"/case-notes/{note.pk}/"


def test_roles_without_casenote_record_are_refused(user_for, child):
    with pytest.raises(ValidationError, match="permission"):
        make_note(user_for(Role.AUDITOR), child)
    assert make_note(user_for(Role.IRO), child).pk


def test_correction_keeps_the_original_with_the_reason(social_worker, child):
    note = make_note(social_worker, child, title="Home visti")
    note = casenote_correct(
        by=social_worker,
        note=note,
        version=note.version,
        reason="Typo in the title",
        title="Home visit",
        occurred_on=TODAY - datetime.timedelta(days=1),
    )
    assert note.version == 2 and note.title == "Home visit"
    latest, original = note.history.order_by("-history_date")[:2]
    assert original.title == "Home visti" and original.occurred_on == TODAY
    assert latest.history_change_reason == "Typo in the title"
    event = AuditEvent.objects.get(action="casenote.corrected")
    assert event.reason == "Typo in the title" and event.detail["changed"] == [
        "occurred_on",
        "title",
    ]


def test_correction_on_a_stale_version_is_refused(social_worker, child):
    note = make_note(social_worker, child)
    casenote_correct(by=social_worker, note=note, version=1, reason="Fix", title="Visit")
    with pytest.raises(ConcurrentEditError):
        casenote_correct(by=social_worker, note=note, version=1, reason="Fix", title="Again")


def test_correction_needs_a_reason_and_a_change(social_worker, child):
    note = make_note(social_worker, child)
    with pytest.raises(ValidationError) as error:
        casenote_correct(by=social_worker, note=note, version=1, reason=" ", title="X")
    assert errors_of(error) == {"reason": ["Give the reason for the correction"]}
    with pytest.raises(ValidationError) as error:
        casenote_correct(by=social_worker, note=note, version=1, reason="x" * 101, title="X")
    assert "reason" in errors_of(error)
    with pytest.raises(ValidationError, match="Nothing has changed"):
        casenote_correct(by=social_worker, note=note, version=1, reason="No", title="Home visit")
    with pytest.raises(TypeError):
        casenote_correct(by=social_worker, note=note, version=1, reason="x", person=child)


def test_correction_follows_the_same_rules(social_worker, child):
    note = make_note(social_worker, child)
    with pytest.raises(ValidationError) as error:
        casenote_correct(
            by=social_worker, note=note, version=1, reason="Was not seen", child_seen=False
        )
    # Not seen: seen alone is cleared, not refused.
    note = casenote_correct(
        by=social_worker,
        note=note,
        version=1,
        reason="Was not seen",
        child_seen=False,
        seen_alone=None,
    )
    assert (note.child_seen, note.seen_alone) == (False, False)
    with pytest.raises(ValidationError) as error:
        casenote_correct(
            by=social_worker,
            note=note,
            version=note.version,
            reason="Later",
            occurred_on=TODAY + datetime.timedelta(days=2),
        )
    assert "occurred_on" in errors_of(error)


def test_correction_adding_a_sibling_puts_it_on_their_chronology(social_worker, child, sibling):
    note = make_note(social_worker, child)
    casenote_correct(
        by=social_worker, note=note, version=1, reason="Tom was there too", also_about=[sibling]
    )
    assert list(note.also_about.all()) == [sibling]
    assert ChronologyEntry.objects.filter(person=sibling, kind="casenote").count() == 1


def test_correction_clears_language_findings(social_worker, child):
    note = make_note(social_worker, child, text="It was rough handling.")
    casenote_correct(
        by=social_worker,
        note=note,
        version=1,
        reason="Say what happened",
        text="Dad grabbed Amelia by the arm and left a bruise.",
    )
    assert Finding.objects.get(person=child).cleared_at is not None


# -- constraints --------------------------------------------------------------------------------


def test_constraint_seen_alone_only_if_seen(child):
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseNote.objects.create(
            person=child,
            kind="office",
            occurred_on=TODAY,
            title="x",
            text="x",
            child_seen=False,
            seen_alone=True,
        )
    CaseNote.objects.create(
        person=child,
        kind="office",
        occurred_on=TODAY,
        title="x",
        text="x",
        child_seen=True,
        seen_alone=True,
    )


def test_constraint_visit_says_if_child_seen(child):
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseNote.objects.create(person=child, kind="visit", occurred_on=TODAY, title="x", text="x")
    CaseNote.objects.create(person=child, kind="phone", occurred_on=TODAY, title="x", text="x")

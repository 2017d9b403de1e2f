"""The case note form's parsing of "was the child seen (alone)?", and how it is shown. No
database."""

import datetime

from lantern.casenotes.forms import CaseNoteForm, as_choice
from lantern.casenotes.views import seen_label


def form(**data):
    base = {
        "kind": "visit",
        "occurred_on": "02/03/2026",
        "title": "Home visit",
        "text": "Saw Amelia.",
    }
    base.update(data)
    return CaseNoteForm(base, others=[])


def test_seen_answers_become_true_false_or_none():
    f = form(child_seen="yes", seen_alone="no")
    assert f.is_valid(), f.errors
    kwargs = f.service_kwargs()
    assert (kwargs["child_seen"], kwargs["seen_alone"]) == (True, False)
    assert kwargs["occurred_on"] == datetime.date(2026, 3, 2) and kwargs["also_about"] == []
    f = form()
    assert f.is_valid()
    assert (f.service_kwargs()["child_seen"], f.service_kwargs()["seen_alone"]) == (None, None)


def test_form_without_siblings_has_no_checkboxes_and_a_language_check():
    f = form()
    assert "also_about" not in f.fields
    assert "data-language-check" in str(f["text"])


def test_form_errors_in_govuk_words():
    f = CaseNoteForm({"occurred_on": "31/02/2026"}, others=[])
    assert not f.is_valid()
    assert f.errors["kind"] == ["Select the type of note"]
    assert f.errors["occurred_on"] == ["Enter a real date"]
    assert f.errors["title"] == ["Enter a title"]
    assert f.errors["text"] == ["Enter the note"]


def test_seen_label_and_choice():
    assert seen_label(None, None) == "Not applicable"
    assert seen_label(False, False) == "Not seen"
    assert seen_label(True, False) == "Seen, not alone"
    assert seen_label(True, True) == "Seen alone"
    assert [as_choice(v) for v in (True, False, None)] == ["yes", "no", ""]

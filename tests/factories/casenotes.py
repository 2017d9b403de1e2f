"""Case notes test data, made through the services as the pages make them."""

from django.utils import timezone

from lantern.casenotes.services import casenote_add


def make_note(by, child, **kwargs):
    """A visit at which the child was seen alone, today, unless told otherwise."""
    defaults = {
        "kind": "visit",
        "occurred_on": timezone.localdate(),
        "title": "Home visit",
        "text": "Saw Amelia alone in her bedroom. She showed me her drawings and said school "
        "is ok.",
        "child_seen": True,
        "seen_alone": True,
    }
    defaults.update(kwargs)
    return casenote_add(by=by, person=child, **defaults)


def casenotes_samples(*, child, worker) -> dict:
    """A case note, for tests that walk every URL."""
    return {"note_pk": make_note(worker, child).pk}

"""Case notes on the chronology: one entry per person a note is about, linking to the note."""

from lantern.people.chronology import register_kind

register_kind("casenote", "Case note", url_name="casenotes:note")

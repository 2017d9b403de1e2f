"""The closure app's kind of chronology entry: a case closed or stepped down, with approval."""

from lantern.people.chronology import register_kind

register_kind("closure", "Closure or step-down", url_name="closure:request")

"""The children in care app's kind of chronology entry: started or stopped being looked after,
a change of legal status or of placement. Entries link to the child's care page."""

from lantern.people.chronology import register_kind

register_kind("care", "Looked after", person_url_name="children_in_care:child")

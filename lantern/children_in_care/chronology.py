"""The children in care app's kind of chronology entry: started or stopped being looked after,
a change of legal status or of placement. No pages yet: entries link to the child's record."""

from lantern.people.chronology import register_kind

register_kind("care", "Looked after", person_url_name="people:record")

"""The front door's kinds of chronology entry."""

from lantern.people.chronology import register_kind

register_kind("contact", "Contact", url_name="front_door:contact")
register_kind("screening", "Screening", url_name="front_door:screen")
register_kind("front_door_decision", "Front door decision", url_name="front_door:screen")
register_kind("referral", "Referral", url_name="front_door:referral")
register_kind("strategy", "Strategy discussion", url_name="front_door:strategy")
register_kind("section47", "Section 47 enquiry", url_name="front_door:section47")
register_kind("exploitation", "Exploitation", url_name="front_door:exploitation")
register_kind(
    "exploitation_meeting", "Exploitation meeting", url_name="front_door:exploitation_meeting"
)

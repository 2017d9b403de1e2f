from django.conf import settings
from django.urls import reverse

from lantern.accounts.permissions import has_perm


def navigation(request):
    """The service navigation links the signed-in user may follow."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "local_authority_name": settings.LANTERN_LA_NAME}
    candidates = [
        ("home", "Home", "home.view"),
        ("people:search", "Find a person", "person.search"),
        ("front_door:queue", "Front door", "contact.view"),
        ("front_door:refer", "Refer a child", "contact.submit"),
        ("front_door:referred", "Your referrals", "contact.own"),
        ("child_protection:conference_list", "Conferences", "conference.record"),
        ("closure:queue", "Closures", "closure.approve"),
        ("checks:list", "Practice checks", "checks.view"),
        ("people:duplicates", "Duplicates", "person.merge"),
        ("timescales:calendar", "Timescales", "calendar.view"),
        ("language:phrases", "Practice language", "language.manage"),
    ]
    path = request.path
    items = [
        {"href": reverse(name), "text": label, "active": False}
        for name, label, perm in candidates
        if has_perm(user, perm)
    ]
    # The current section is the longest link the path starts with (/people/duplicates/ is
    # "Duplicates", not also "Find a person").
    matching = [
        i for i in items if path == i["href"] or (i["href"] != "/" and path.startswith(i["href"]))
    ]
    if matching:
        max(matching, key=lambda i: len(i["href"]))["active"] = True
    return {"nav_items": items, "local_authority_name": settings.LANTERN_LA_NAME}

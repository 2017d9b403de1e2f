from django.conf import settings

from lantern.accounts.permissions import has_perm


def navigation(request):
    """The service navigation links the signed-in user may follow."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "local_authority_name": settings.LANTERN_LA_NAME}
    candidates = [
        ("home", "Home", "home.view"),
        ("people:search", "Find a person", "person.search"),
        ("checks:list", "Practice checks", "checks.view"),
        ("people:duplicates", "Duplicates", "person.merge"),
        ("timescales:calendar", "Timescales", "calendar.view"),
    ]
    from django.urls import reverse

    path = request.path
    items = []
    for name, label, perm in candidates:
        if has_perm(user, perm):
            url = reverse(name)
            active = path == url if url == "/" else path.startswith(url)
            items.append({"href": url, "text": label, "active": active})
    return {"nav_items": items, "local_authority_name": settings.LANTERN_LA_NAME}

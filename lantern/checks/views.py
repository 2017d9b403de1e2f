from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from lantern.accounts.models import Team, User
from lantern.accounts.permissions import has_perm, requires
from lantern.accounts.roles import Role
from lantern.checks.registry import all_checks, get_check
from lantern.checks.selectors import counts, flag_rows


def summary_for(*, user, today):
    """Per check: how many flags in the whole service, and in the user's team or caseload."""
    totals = counts(today)
    mine = None
    if user.role == Role.SOCIAL_WORKER:
        mine = flag_rows(today=today, worker_id=user.pk)
    elif user.team_id and user.role == Role.TEAM_MANAGER:
        mine = flag_rows(today=today, team_id=user.team_id)
    mine_counts = {}
    for row in mine or []:
        mine_counts[row.check.id] = mine_counts.get(row.check.id, 0) + 1
    return [
        {
            "check": c,
            "total": totals[c.id],
            "mine": mine_counts.get(c.id, 0) if mine is not None else None,
        }
        for c in all_checks()
    ]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@requires("checks.view")
def check_list(request):
    today = timezone.localdate()
    check_id = request.GET.get("check") or None
    if check_id and get_check(check_id) is None:
        check_id = None
    team_id = _int(request.GET.get("team"))
    worker_id = _int(request.GET.get("worker"))
    rows = flag_rows(today=today, check_id=check_id, team_id=team_id, worker_id=worker_id)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "checks/list.html",
        {
            "rows": page,
            "query": query.urlencode(),
            "check_options": [
                {"check": c, "total": n}
                for c, n in zip(all_checks(), counts(today).values(), strict=True)
            ],
            "teams": Team.objects.exclude(kind=Team.Kind.PARTNER),
            "workers": User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True),
            "selected": {"check": check_id, "team": team_id, "worker": worker_id},
            "can_open": has_perm(request.user, "person.view"),
        },
    )


@requires("checks.view")
def check_detail(request, check_id):
    check = get_check(check_id)
    if check is None:
        raise Http404("No such check")
    today = timezone.localdate()
    rows = flag_rows(today=today, check_id=check_id)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "checks/detail.html",
        {"check": check, "rows": page, "can_open": has_perm(request.user, "person.view")},
    )

"""Work lists beyond the home page.

Routes (mounted under /work/):
  worker/<worker_pk>/   worker   allocation.manage   one worker's children, what is due, checks
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from lantern.accounts.models import User
from lantern.accounts.permissions import requires
from lantern.accounts.roles import Role
from lantern.worklists.selectors import caseload_overview


def worker_for(*, user, pk) -> User:
    """A worker whose list the user may see: a team manager sees the workers in their team,
    a head of service any worker."""
    try:
        worker = User.objects.select_related("team").get(pk=pk, is_active=True)
    except (User.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found") from exc
    if user.role != Role.HEAD_OF_SERVICE and (not user.team_id or worker.team_id != user.team_id):
        raise Http404("Not found")
    return worker


@requires("allocation.manage")
def worker_view(request, worker_pk):
    worker = worker_for(user=request.user, pk=worker_pk)
    today = timezone.localdate()
    return render(
        request,
        "worklists/worker.html",
        {"worker": worker, "work": caseload_overview(today=today, worker=worker), "today": today},
    )


app_name = "worklists"
urlpatterns = [path("worker/<int:worker_pk>/", worker_view, name="worker")]

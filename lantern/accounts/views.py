import pyotp
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from lantern.accounts.forms import LoginForm, TotpForm
from lantern.accounts.middleware import SESSION_KEY
from lantern.accounts.permissions import PUBLIC, has_perm, requires
from lantern.accounts.roles import Role
from lantern.accounts.services import totp_begin, totp_confirm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


login_view = requires(PUBLIC)(LoginView.as_view())
logout_view = requires(PUBLIC)(auth_views.LogoutView.as_view())


def _safe_next(request) -> str:
    target = request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@requires("home.view")
def totp_verify(request):
    user = request.user
    if not user.totp_confirmed:
        return redirect("accounts:totp_setup")
    form = TotpForm(request.POST or None, secret=user.totp_secret)
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_KEY] = True
        return redirect(_safe_next(request))
    return render(request, "accounts/totp_verify.html", {"form": form})


@requires("home.view")
def totp_setup(request):
    user = request.user
    if user.totp_confirmed:
        return redirect("accounts:totp_verify")
    if not user.totp_secret:
        totp_begin(user=user)
    secret = user.totp_secret
    form = TotpForm(request.POST or None, secret=secret)
    if request.method == "POST" and form.is_valid():
        totp_confirm(user=user)
        request.session[SESSION_KEY] = True
        return redirect("home")
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name="Lantern")
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "secret": secret, "uri": uri, "required": settings.LANTERN_REQUIRE_TOTP},
    )


@requires("home.view")
def home(request):
    """Each role lands on the page that starts its day."""
    from lantern.checks.views import summary_for
    from lantern.front_door.selectors import queue_summary
    from lantern.people.models import RecordView
    from lantern.worklists.selectors import caseload_overview

    user = request.user
    today = timezone.localdate()
    context = {"today": today, "role": user.role}
    # Social workers and team managers start from their work: their (team's) children, what is
    # due, and the checks firing on them (lantern.worklists).
    if user.role == Role.SOCIAL_WORKER:
        context["work"] = caseload_overview(today=today, worker=user)
        context["work_title"] = "Your children"
    elif user.role == Role.TEAM_MANAGER and user.team_id:
        context["work"] = caseload_overview(today=today, team_id=user.team_id)
        context["work_title"] = f"{user.team}"
    if user.role in (Role.FRONT_DOOR, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE):
        context["front_door"] = queue_summary(user=user, now=timezone.now())
    if has_perm(user, "checks.view") and "work" not in context:
        context["check_summary"] = summary_for(user=user, today=today)
    if has_perm(user, "access_log.view"):
        context["recent_break_glass"] = list(
            RecordView.objects.filter(break_glass=True)
            .select_related("user", "person")
            .order_by("-at")[:10]
        )
    context["can_search"] = has_perm(user, "person.search")
    context["can_create"] = has_perm(user, "person.create")
    context["can_import"] = has_perm(user, "person.import")
    context["can_merge"] = has_perm(user, "person.merge")
    context["can_manage_calendar"] = has_perm(user, "calendar.manage")
    context["can_manage_thresholds"] = has_perm(user, "threshold.manage")
    context["can_refer"] = has_perm(user, "contact.submit")
    return render(request, "home.html", context)

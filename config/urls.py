from django.contrib import admin
from django.urls import include, path

from lantern.accounts import views as account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/", include("lantern.accounts.urls")),
    path("people/", include("lantern.people.urls")),
    path("front-door/", include("lantern.front_door.urls")),
    path("assessments/", include("lantern.assessments.urls")),
    path("plans/", include("lantern.plans.urls")),
    path("case-notes/", include("lantern.casenotes.urls")),
    path("child-protection/", include("lantern.child_protection.urls")),
    path("care/", include("lantern.children_in_care.urls")),
    path("closure/", include("lantern.closure.urls")),
    path("language/", include("lantern.language.urls")),
    path("work/", include("lantern.worklists.urls")),
    path("checks/", include("lantern.checks.urls")),
    path("timescales/", include("lantern.timescales.urls")),
    path("api/v1/", include("lantern.api.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "lantern.common.views.not_found"
handler403 = "lantern.common.views.forbidden"
handler500 = "lantern.common.views.server_error"

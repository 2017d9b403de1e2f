"""Child and family assessments (mounted under /assessments/).

Routes (name, permission, what):
  child/<person_pk>/                 child          casework.view     the child's assessments
  start/<referral_pk>/               start          assessment.record start one from a referral
  <assessment_pk>/                   assessment     casework.view     summary, status, due date
  <assessment_pk>/edit/              edit           assessment.record every section (autosaves)
  <assessment_pk>/autosave/          autosave       assessment.record POST only: answers JSON
  <assessment_pk>/consultees/new/    consultee_add  assessment.record someone consulted
  consultees/<consultee_pk>/remove/  consultee_end  assessment.record take them off (kept)
  <assessment_pk>/submit/            submit         assessment.record check, send to a manager
  <assessment_pk>/authorise/         authorise      assessment.authorise  authorise or return
  <assessment_pk>/versions/          versions       casework.view     what changed, by version
"""

from django.urls import path

from lantern.assessments.views import edit, manager, pages

app_name = "assessments"
urlpatterns = [
    path("child/<int:person_pk>/", pages.child_assessments_view, name="child"),
    path("start/<int:referral_pk>/", pages.assessment_start_view, name="start"),
    path("<int:assessment_pk>/", pages.assessment_view, name="assessment"),
    path("<int:assessment_pk>/edit/", edit.assessment_edit_view, name="edit"),
    path("<int:assessment_pk>/autosave/", edit.assessment_autosave_view, name="autosave"),
    path("<int:assessment_pk>/consultees/new/", edit.consultee_add_view, name="consultee_add"),
    path("consultees/<int:consultee_pk>/remove/", edit.consultee_end_view, name="consultee_end"),
    path("<int:assessment_pk>/submit/", edit.assessment_submit_view, name="submit"),
    path("<int:assessment_pk>/authorise/", manager.assessment_authorise_view, name="authorise"),
    path("<int:assessment_pk>/versions/", pages.versions_view, name="versions"),
]

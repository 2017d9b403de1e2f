from django.urls import path

from lantern.people.views import duplicates, edit, manage, record, search

app_name = "people"
urlpatterns = [
    path("", search.search_view, name="search"),
    path("new/", edit.person_create_view, name="create"),
    path("<int:pk>/", record.record_view, name="record"),
    path("<int:pk>/edit/", edit.person_edit_view, name="edit"),
    path("<int:pk>/open/", record.break_glass_view, name="break_glass"),
    path("<int:pk>/viewed-by/", record.access_log_view, name="access_log"),
    path("<int:pk>/allocate/", manage.allocate_view, name="allocate"),
    path("<int:pk>/allocate/end/", manage.allocation_end_view, name="allocation_end"),
    path("<int:pk>/access/", manage.restriction_view, name="restriction"),
    path("<int:pk>/names/new/", edit.previous_name_add_view, name="previous_name_add"),
    path("<int:pk>/warnings/new/", edit.warning_add_view, name="warning_add"),
    path("<int:pk>/addresses/new/", edit.address_add_view, name="address_add"),
    path("<int:pk>/relationships/new/", edit.relationship_add_view, name="relationship_add"),
    path("warnings/<int:warning_pk>/review/", edit.warning_review_view, name="warning_review"),
    path("warnings/<int:warning_pk>/end/", edit.warning_end_view, name="warning_end"),
    path("chronology/<int:entry_pk>/annotate/", record.annotate_view, name="annotate"),
    path("break-glass/", record.break_glass_list, name="break_glass_list"),
    path("duplicates/", duplicates.duplicates_view, name="duplicates"),
    path(
        "duplicates/<int:candidate_pk>/", duplicates.duplicate_decide_view, name="duplicate_decide"
    ),
    path("merges/<int:merge_pk>/undo/", duplicates.merge_undo_view, name="merge_undo"),
    path("import/", duplicates.import_view, name="import"),
]

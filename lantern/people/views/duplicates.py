from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from lantern.accounts.permissions import requires
from lantern.people.forms import ImportForm, MergeForm, ReasonForm
from lantern.people.models import DuplicateCandidate, Merge
from lantern.people.services import duplicate_dismiss, merge_undo, person_merge
from lantern.people.services.imports import COLUMN_HELP, people_import_csv
from lantern.people.views.common import add_service_errors


@requires("person.merge")
def duplicates_view(request):
    candidates = DuplicateCandidate.objects.filter(
        status=DuplicateCandidate.Status.OPEN
    ).select_related("first", "second")
    page = Paginator(candidates, 50).get_page(request.GET.get("page"))
    merges = Merge.objects.select_related("survivor", "merged", "by")[:20]
    return render(request, "people/duplicates.html", {"candidates": page, "merges": merges})


@requires("person.merge")
def duplicate_decide_view(request, candidate_pk):
    candidate = get_object_or_404(
        DuplicateCandidate.objects.select_related("first", "second"), pk=candidate_pk
    )
    pair = {str(p.pk): p for p in (candidate.first, candidate.second)}
    choices = [(pk, f"{p.person_id} {p.full_name}") for pk, p in pair.items()]
    form = MergeForm(request.POST or None, choices=choices)
    if request.method == "POST" and request.POST.get("decision") == "not_duplicate":
        duplicate_dismiss(by=request.user, candidate=candidate, reason="Not the same person")
        messages.success(request, "Marked as different people")
        return redirect("people:duplicates")
    if request.method == "POST" and form.is_valid():
        survivor = pair[form.cleaned_data["survivor"]]
        merged = candidate.second if survivor == candidate.first else candidate.first
        try:
            person_merge(
                by=request.user,
                survivor=survivor,
                merged=merged,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{merged.person_id} merged into {survivor.person_id}")
            return redirect("people:duplicates")
    return render(request, "people/duplicate_decide.html", {"candidate": candidate, "form": form})


@requires("person.merge")
def merge_undo_view(request, merge_pk):
    merge = get_object_or_404(Merge.objects.select_related("survivor", "merged"), pk=merge_pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            merge_undo(by=request.user, merge=merge, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Merge undone: the two records are separate again")
            return redirect("people:duplicates")
    return render(request, "people/merge_undo.html", {"merge": merge, "form": form})


@requires("person.import")
def import_view(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", "The file must be saved as UTF-8 CSV")
        else:
            report = people_import_csv(by=request.user, text=text)
    return render(
        request, "people/import.html", {"form": form, "report": report, "columns": COLUMN_HELP}
    )

"""The practice-language check (AP4).

Routes (mounted under /language/):
  check/              check          home.view        JSON: the phrases in a text being written
  phrases/            phrases        language.manage  the list, and add a phrase
  phrases/<pk>/       phrase_edit    language.manage  change a phrase's reason, or stop using it
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from lantern.accounts.permissions import requires
from lantern.language.forms import PhraseForm
from lantern.language.matching import find_phrases
from lantern.language.models import Phrase
from lantern.language.services import active_phrases, phrase_add, phrase_update

MAX_TEXT = 50_000


@require_POST
@requires("home.view")
def check_view(request):
    """What the writer sees while typing: each minimising phrase in the text and why."""
    text = request.POST.get("text", "")[:MAX_TEXT]
    matches = find_phrases(text, active_phrases())
    return JsonResponse(
        {
            "matches": [
                {
                    "phrase": m.phrase,
                    "reason": m.reason,
                    "suggestion": m.suggestion,
                    "excerpt": m.excerpt,
                }
                for m in matches
            ]
        }
    )


@requires("language.manage")
def phrases_view(request):
    form = PhraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            phrase_add(by=request.user, **data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"“{data['phrase']}” added")
            return redirect("language:phrases")
    return render(
        request,
        "language/phrases.html",
        {"phrases": list(Phrase.objects.all()), "form": form},
    )


@requires("language.manage")
def phrase_edit_view(request, phrase_pk):
    phrase = get_object_or_404(Phrase, pk=phrase_pk)
    form = PhraseForm(
        request.POST or None,
        editing=True,
        initial={
            "phrase": phrase.phrase,
            "reason": phrase.reason,
            "suggestion": phrase.suggestion,
            "unless_near": ", ".join(phrase.unless_near),
            "active": phrase.active,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            phrase_update(
                by=request.user,
                phrase=phrase,
                reason=data["reason"],
                suggestion=data["suggestion"],
                unless_near=data["unless_near"],
                active=data["active"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"“{phrase.phrase}” saved")
            return redirect("language:phrases")
    return render(request, "language/phrase_edit.html", {"form": form, "phrase": phrase})


app_name = "language"
urlpatterns = [
    path("check/", check_view, name="check"),
    path("phrases/", phrases_view, name="phrases"),
    path("phrases/<int:phrase_pk>/", phrase_edit_view, name="phrase_edit"),
]

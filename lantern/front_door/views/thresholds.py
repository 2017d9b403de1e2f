"""The local threshold document's four levels of need, kept by an administrator (FD4).

Routes (mounted under /front-door/):
  thresholds/           thresholds      threshold.manage  the four levels with descriptors
  thresholds/<level>/   threshold_edit  threshold.manage  change a level's name and descriptor
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path

from lantern.accounts.permissions import requires
from lantern.front_door.forms.thresholds import ThresholdForm
from lantern.front_door.models import Threshold
from lantern.front_door.services import threshold_update


@requires("threshold.manage")
def thresholds_view(request):
    return render(
        request, "front_door/thresholds.html", {"thresholds": list(Threshold.objects.all())}
    )


@requires("threshold.manage")
def threshold_edit_view(request, level):
    threshold = get_object_or_404(Threshold, level=level)
    form = ThresholdForm(
        request.POST or None,
        initial={
            "name": threshold.name,
            "descriptor": threshold.descriptor,
            "response": threshold.response,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            threshold_update(by=request.user, threshold=threshold, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Level {threshold.level} saved")
            return redirect("front_door:thresholds")
    return render(request, "front_door/threshold_edit.html", {"form": form, "threshold": threshold})


urlpatterns = [
    path("thresholds/", thresholds_view, name="thresholds"),
    path("thresholds/<int:level>/", threshold_edit_view, name="threshold_edit"),
]

"""The local threshold document's levels, edited by an administrator."""

from django import forms

from lantern.front_door.forms.common import W20, FrontDoorForm, textarea


class ThresholdForm(FrontDoorForm):
    name = forms.CharField(
        label="Name of the level",
        max_length=80,
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Enter the level's name"},
    )
    descriptor = forms.CharField(
        label="Descriptor",
        widget=textarea(8),
        help_text="What a child's needs look like at this level, as the local threshold "
        "document says. Shown to workers when they judge the level of need.",
        error_messages={"required": "Enter the descriptor for this level"},
    )
    response = forms.CharField(
        label="Response (optional)",
        required=False,
        widget=textarea(3),
        help_text="The service that meets needs at this level",
    )

from django import forms

from lantern.front_door.forms.common import W20, FrontDoorForm, textarea


class PhraseForm(FrontDoorForm):
    phrase = forms.CharField(
        label="Phrase",
        max_length=80,
        widget=forms.TextInput(attrs=W20),
        help_text="Matched as whole words in any case; a hyphen and a space are the same.",
        error_messages={"required": "Enter the phrase"},
    )
    reason = forms.CharField(
        label="Why it is a concern",
        widget=textarea(3),
        help_text="Shown to the writer while they type, and with the check on the record.",
        error_messages={"required": "Enter why the phrase is a concern"},
    )
    suggestion = forms.CharField(
        label="What to write instead (optional)", required=False, max_length=300
    )
    unless_near = forms.CharField(
        label="Not a concern when the same sentence contains (optional)",
        required=False,
        help_text="Words separated by commas, e.g. for “smacked”: mark, bruise, face. A word "
        "matches any word starting with it.",
    )
    active = forms.BooleanField(label="Look for this phrase", required=False, initial=True)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["phrase"].disabled = True
        else:
            del self.fields["active"]

import pyotp
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from lantern.common.forms import GovukForm, GovukFormMixin


class LoginForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. After 5 failed attempts the "
        "account is locked for 30 minutes.",
        "inactive": "This account has been switched off. Ask your administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"class": "govuk-input--width-20", "autocomplete": "username", "spellcheck": "false"}
        )
        self.fields["password"].widget.attrs.update({"class": "govuk-input--width-20"})
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"


class TotpForm(GovukForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=6,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-5",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def __init__(self, *args, secret: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.secret = secret

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "")
        if not pyotp.TOTP(self.secret).verify(code, valid_window=1):
            raise forms.ValidationError("The code is not right: check your app and try again")
        return code

"""Validation of identifiers: NHS number, UPN, UK postcode. Messages follow GOV.UK wording."""

import re

from django.core.exceptions import ValidationError

_UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ0123456789"  # no I, O or S; digits score 23+d (≡ d)
_POSTCODE_RE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW]) ?"
    r"[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def nhs_number_is_valid(value: str) -> bool:
    """Modulus 11: weights 10..2 over the first nine digits; 11 - (sum mod 11) is the check digit
    (11 → 0; 10 → the number is invalid)."""
    digits = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def validate_nhs_number(value: str) -> None:
    if value and not nhs_number_is_valid(value):
        raise ValidationError(
            "Enter a valid NHS number, like 485 777 3456 (10 digits, the last is a check digit)",
            code="invalid_nhs_number",
        )


def upn_check_letter(last_twelve: str) -> str:
    """The DfE UPN check letter for characters 2-13 (weights 2..13, sum mod 23)."""
    total = sum(w * _UPN_ALPHABET.index(c) for w, c in enumerate(last_twelve.upper(), start=2))
    return _UPN_ALPHABET[total % 23]


def upn_is_valid(value: str) -> bool:
    value = (value or "").upper()
    if not re.fullmatch(r"[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]", value):
        return False
    return upn_check_letter(value[1:]) == value[0]


def validate_upn(value: str) -> None:
    if value and not upn_is_valid(value):
        raise ValidationError(
            "Enter a valid unique pupil number (UPN): a check letter then 12 characters",
            code="invalid_upn",
        )


def normalise_postcode(value: str) -> str:
    """Upper-case with one space before the inward code: 'dn311aa' → 'DN31 1AA'."""
    compact = re.sub(r"\s", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def postcode_is_valid(value: str) -> bool:
    return bool(_POSTCODE_RE.fullmatch(normalise_postcode(value)))


def validate_postcode(value: str) -> None:
    if value and not postcode_is_valid(value):
        raise ValidationError("Enter a real UK postcode, like DN31 1HU", code="invalid_postcode")

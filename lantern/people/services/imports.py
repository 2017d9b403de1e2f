"""Importing people from a legacy system's CSV extract.

Every row is validated on its own and saved in its own transaction: a bad row is rejected with
its reasons and saves nothing; a row that looks like someone already known is reported as a
likely duplicate and not created, so a person decides.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from lantern.people.codes import Ethnicity, Sex
from lantern.people.models import Person
from lantern.people.services.person import person_create
from lantern.people.validators import normalise_postcode, postcode_is_valid

REQUIRED_COLUMNS = ["person_id", "first_name", "last_name", "date_of_birth"]
OPTIONAL_COLUMNS = [
    "sex",
    "postcode",
    "address",
    "town",
    "nhs_number",
    "middle_names",
    "known_as",
    "ethnicity",
    "upn",
    "first_language",
    "religion",
    "phone",
    "email",
]
COLUMN_HELP = {
    "person_id": "the legacy system's ID, kept as Lantern's person ID (letters and digits, "
    "at most 20)",
    "first_name": "first name",
    "last_name": "last name (required)",
    "date_of_birth": "yyyy-mm-dd (may be blank for an adult whose date of birth is unknown)",
    "sex": "M, F or U (blank means U)",
    "postcode": "UK postcode, any spacing",
    "address": "first line of the current address",
    "town": "town or city",
    "nhs_number": "10 digits with a valid check digit",
    "middle_names": "middle names",
    "known_as": "the name the person uses",
    "ethnicity": "DfE ethnicity code, e.g. WBRI (blank means NOBT)",
    "upn": "unique pupil number with a valid check letter",
    "first_language": "first language",
    "religion": "religion",
    "phone": "phone number",
    "email": "email address",
}
DUPLICATE_SCORE = 0.85


@dataclass
class RowResult:
    row: int
    person_id: str
    name: str
    status: str  # created, rejected, duplicate
    reasons: list[str] = field(default_factory=list)
    person: Person | None = None
    matches: list = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    def of(self, status: str) -> list[RowResult]:
        return [r for r in self.rows if r.status == status]

    @property
    def created(self):
        return self.of("created")

    @property
    def rejected(self):
        return self.of("rejected")

    @property
    def duplicates(self):
        return self.of("duplicate")


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [
            f"{k}: {m}" if k != "__all__" else m for k, ms in error.message_dict.items() for m in ms
        ]
    return list(error.messages)


def _parse_row(raw: dict[str, str]) -> tuple[dict, dict | None, list[str]]:
    reasons: list[str] = []
    v = {k: (raw.get(k) or "").strip() for k in REQUIRED_COLUMNS + OPTIONAL_COLUMNS}
    if not v["person_id"]:
        reasons.append("person_id: enter the legacy ID")
    elif not v["person_id"].isalnum() or len(v["person_id"]) > 20:
        reasons.append("person_id: use letters and digits only, at most 20")
    if not v["last_name"]:
        reasons.append("last_name: enter the last name")
    dob = None
    if v["date_of_birth"]:
        try:
            dob = datetime.date.fromisoformat(v["date_of_birth"])
        except ValueError:
            reasons.append("date_of_birth: enter a real date as yyyy-mm-dd")
        else:
            if dob > datetime.date.today():
                reasons.append("date_of_birth: must be in the past")
    sex = (v["sex"] or "U").upper()
    if sex not in Sex.values:
        reasons.append("sex: use M, F or U")
    ethnicity = (v["ethnicity"] or "NOBT").upper()
    if ethnicity not in Ethnicity.values:
        reasons.append(f"ethnicity: {v['ethnicity']} is not a DfE ethnicity code")
    address = None
    if v["postcode"] or v["address"]:
        if not postcode_is_valid(v["postcode"]):
            reasons.append("postcode: enter a real UK postcode")
        if not v["address"]:
            reasons.append("address: enter the first line of the address with the postcode")
        address = {
            "line1": v["address"],
            "town": v["town"],
            "postcode": normalise_postcode(v["postcode"]),
        }
    details = {
        "first_name": v["first_name"],
        "middle_names": v["middle_names"],
        "last_name": v["last_name"],
        "known_as": v["known_as"],
        "date_of_birth": dob,
        "sex": sex,
        "ethnicity": ethnicity,
        "nhs_number": v["nhs_number"],
        "upn": v["upn"],
        "first_language": v["first_language"],
        "religion": v["religion"],
        "phone": v["phone"],
        "email": v["email"],
    }
    return details, address, reasons


def people_import_csv(*, by, text: str, progress=None) -> ImportReport:
    from lantern.people.matching.search import search

    report = ImportReport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = [c.strip() for c in (reader.fieldnames or [])]
    reader.fieldnames = columns
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing:
        report.file_errors.append(f"The file has no column {', '.join(missing)}")
    if unknown:
        report.file_errors.append(
            f"The file has columns Lantern does not know: {', '.join(unknown)}"
        )
    if report.file_errors:
        return report
    rows = list(reader)
    seen_ids: set[str] = set()
    for number, raw in enumerate(rows, start=2):
        if progress:
            progress(number - 1, len(rows))
        details, address, reasons = _parse_row(raw)
        pid = (raw.get("person_id") or "").strip()
        name = f"{details['first_name']} {details['last_name']}".strip()
        result = RowResult(row=number, person_id=pid, name=name, status="rejected")
        report.rows.append(result)
        if pid in seen_ids:
            reasons.append("person_id: appears twice in this file")
        elif pid and Person.objects.filter(person_id=pid).exists():
            reasons.append("person_id: a person with this ID is already in Lantern")
        seen_ids.add(pid)
        if reasons:
            result.reasons = reasons
            continue
        matches = [
            m
            for m in search(
                name=name,
                dob=details["date_of_birth"].isoformat() if details["date_of_birth"] else "",
                postcode=address["postcode"] if address else "",
                nhs_number=details["nhs_number"],
                limit=3,
            )
            if m.score >= DUPLICATE_SCORE
        ]
        if matches:
            result.status = "duplicate"
            result.matches = matches
            result.reasons = [
                f"looks like {m.person.person_id} {m.person.full_name} "
                f"({round(m.score * 100)}%: {'; '.join(m.reasons)})"
                for m in matches
            ]
            continue
        try:
            result.person = person_create(by=by, details=details, address=address, person_id=pid)
        except ValidationError as error:
            result.reasons = _messages(error)
            continue
        result.status = "created"
    return report

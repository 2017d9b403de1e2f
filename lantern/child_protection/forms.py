"""Forms for conferences and core groups. They parse and validate input only; the services
decide anything that needs other records (house style §5). Attendee rows reuse the front
door's repeated-row sets (a fixed number of rows; blank rows are ignored)."""

from django import forms

from lantern.accounts.models import User
from lantern.accounts.roles import Role
from lantern.child_protection.codes import (
    INITIAL_DECISIONS,
    REVIEW_DECISIONS,
    ConferenceDecision,
)
from lantern.front_door.codes import Agency
from lantern.front_door.forms.common import W10, W20, FrontDoorForm, GovukDateField, textarea
from lantern.front_door.forms_meetings import RowForm, RowSet
from lantern.plans.codes import CategoryOfAbuse
from lantern.plans.models import PlanAction

# Who chairs conferences: independent chairs (IROs) and, where the authority uses them, team
# managers. The service checks the chair may record conferences.
CHAIR_ROLES = (Role.IRO, Role.TEAM_MANAGER)
# The rows a conference's attendance starts with, then blank ones.
CONFERENCE_AGENCIES = [Agency.SOCIAL_CARE, Agency.POLICE, Agency.HEALTH, Agency.EDUCATION]


def _date(label: str, required_message: str, **kwargs) -> GovukDateField:
    return GovukDateField(
        label=label,
        help_text=kwargs.pop("help_text", "For example 27/03/2026"),
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": required_message, "invalid": "Enter a real date"},
        **kwargs,
    )


def _choices(values) -> list[tuple[str, str]]:
    return [(v, ConferenceDecision(v).label) for v in values]


class ChairField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return f"{user} ({user.role_label})"


def chair_field() -> ChairField:
    return ChairField(
        label="Who chaired the conference?",
        queryset=User.objects.filter(is_active=True, role__in=CHAIR_ROLES),
        empty_label="Select the chair",
        error_messages={"required": "Select who chaired the conference"},
    )


class AttendeeRow(RowForm):
    agency = forms.ChoiceField(choices=[("", "Select an agency"), *Agency.choices], required=False)
    name = forms.CharField(
        required=False,
        max_length=200,
        help_text="Or their team, if you do not know who",
        widget=forms.TextInput(attrs=W20),
    )
    role = forms.CharField(
        required=False,
        max_length=200,
        help_text="For example health visitor, mother",
        widget=forms.TextInput(attrs=W20),
    )
    invited = forms.BooleanField(label="Invited", required=False, initial=True)
    attended = forms.BooleanField(label="Attended", required=False)
    report_submitted = forms.BooleanField(label="Sent a report", required=False)

    content_fields = ("name", "role", "attended", "report_submitted")

    def clean_row(self, data) -> None:
        if not data.get("agency"):
            self.add_error("agency", f"Select the agency of attendee {self.number}")
        if not data.get("name"):
            self.add_error("name", f"Enter the name or team of attendee {self.number}")

    def value(self) -> dict:
        d = self.cleaned_data
        return {
            k: d[k] for k in ("agency", "name", "role", "invited", "attended", "report_submitted")
        }


def attendee_rows(data=None, *, agencies=CONFERENCE_AGENCIES, extra: int = 4) -> RowSet:
    return RowSet(
        AttendeeRow,
        data,
        prefix="attendees",
        initial=[{"agency": a} for a in agencies],
        extra=extra,
    )


class ProgressForm(FrontDoorForm):
    """Progress on each of the plan's open actions: a status and a note per action.
    `actions` is a list of (number, PlanAction)."""

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        for n, action in self.actions:
            self.fields[f"status_{action.pk}"] = forms.ChoiceField(
                label=f"Progress on action {n}",
                choices=[("", "Select progress"), *PlanAction.Status.choices],
                initial=action.status,
                error_messages={"required": f"Select the progress on action {n}"},
            )
            self.fields[f"note_{action.pk}"] = forms.CharField(
                label=f"What has happened on action {n}",
                required=False,
                widget=textarea(2),
            )

    @property
    def rows(self):
        return [
            {
                "number": n,
                "action": action,
                "status": self[f"status_{action.pk}"],
                "note": self[f"note_{action.pk}"],
            }
            for n, action in self.actions
        ]

    def progress(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {a.pk: (d[f"status_{a.pk}"], d[f"note_{a.pk}"]) for _n, a in self.actions}


class IcpcForm(FrontDoorForm):
    held_on = _date("Date of the conference", "Enter the date of the conference")
    decision = forms.ChoiceField(
        label="What did the conference decide?",
        choices=_choices(INITIAL_DECISIONS),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the conference's decision"},
    )
    category = forms.ChoiceField(
        label="Category of abuse",
        required=False,
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        help_text="If the child is to have a plan. Multiple is not recommended: choose the "
        "main category",
    )
    outline = forms.CharField(
        label="Outline child protection plan",
        required=False,
        widget=textarea(6),
        help_text="If the child is to have a plan: what must change to keep the child safe, and "
        "who will do what. The core group turns it into the detailed plan",
    )
    reasons = forms.CharField(
        label="Why did the conference decide this?",
        widget=textarea(5),
        help_text="The risks and strengths weighed, and the child's views",
        error_messages={"required": "Explain the conference's decision"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"held_on": self.fields.pop("held_on"), "chair": chair_field(), **self.fields}

    def clean(self):
        data = super().clean()
        if data.get("decision") == ConferenceDecision.CP_PLAN:
            if not data.get("category"):
                self.add_error("category", "Select the category of abuse")
            if not data.get("outline"):
                self.add_error("outline", "Enter the outline child protection plan")
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        plan = d["decision"] == ConferenceDecision.CP_PLAN
        return {
            "held_on": d["held_on"],
            "chair": d["chair"],
            "decision": d["decision"],
            "category": d["category"] if plan else "",
            "outline": d["outline"] if plan else "",
            "reasons": d["reasons"],
        }


class ReviewConferenceForm(FrontDoorForm):
    held_on = _date("Date of the conference", "Enter the date of the conference")
    decision = forms.ChoiceField(
        label="What did the conference decide?",
        choices=_choices(REVIEW_DECISIONS),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the conference's decision"},
    )
    category = forms.ChoiceField(
        label="Category of abuse",
        required=False,
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        help_text="If the plan continues: the latest category (change it if the conference did)",
    )
    end_reason = forms.CharField(
        label="If the plan ends: why?",
        required=False,
        max_length=200,
        help_text="For example: risk reduced, the family's situation has changed, moved to "
        "another local authority",
        widget=forms.TextInput(attrs=W20),
    )
    outline = forms.CharField(
        label="Changes to the plan",
        required=False,
        widget=textarea(4),
        help_text="What the conference changed in the child protection plan, if anything",
    )
    reasons = forms.CharField(
        label="Why did the conference decide this?",
        widget=textarea(5),
        help_text="What has changed for the child, the risks and strengths weighed, and the "
        "child's views",
        error_messages={"required": "Explain the conference's decision"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"held_on": self.fields.pop("held_on"), "chair": chair_field(), **self.fields}

    def clean(self):
        data = super().clean()
        if data.get("decision") == ConferenceDecision.CONTINUE and not data.get("category"):
            self.add_error("category", "Select the category of abuse")
        if data.get("decision") == ConferenceDecision.END_PLAN and not data.get("end_reason"):
            self.add_error("end_reason", "Give the reason the plan is ending")
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        continues = d["decision"] == ConferenceDecision.CONTINUE
        return {
            "held_on": d["held_on"],
            "chair": d["chair"],
            "decision": d["decision"],
            "category": d["category"] if continues else "",
            "end_reason": "" if continues else d["end_reason"],
            "outline": d["outline"],
            "reasons": d["reasons"],
        }


class CoreGroupForm(FrontDoorForm):
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    summary = forms.CharField(
        label="What has changed for the child",
        required=False,
        widget=textarea(5),
        help_text="What the core group found and agreed, and the child's views",
    )


class TransferInForm(FrontDoorForm):
    from_authority = forms.CharField(
        label="Which local authority has the child moved from?",
        max_length=100,
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Enter the local authority the child has moved from"},
    )
    notified_on = _date(
        "When did that authority tell us?",
        "Enter the date the other local authority told us",
        help_text="The transfer-in conference is due 15 working days after this. "
        "For example 27/03/2026",
    )
    planned_on = _date(
        "Date of the conference, if it is booked",
        "",
        required=False,
    )


class BookForm(FrontDoorForm):
    planned_on = _date("Date of the conference", "Enter the date of the conference")

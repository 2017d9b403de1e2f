"""Forms for strategy discussions, section 47 enquiries, referrals and exploitation (CP1–CP4).

They parse and validate input only; the services decide anything that needs other records
(house style §5). Strategy discussions and exploitation meetings share their repeated rows:
`RowSet` holds a fixed number of attendee or action row forms under one prefix
(attendees-0-name, actions-2-due...), and rows left blank are ignored."""

from django import forms
from django.core.exceptions import ValidationError

from lantern.front_door.codes import (
    INDICATOR_FORMS,
    Agency,
    ExploitationIndicator,
    ExploitationRisk,
    Section47Outcome,
    StrategyDecision,
)
from lantern.front_door.forms.common import (
    W10,
    W20,
    FrontDoorForm,
    GovukDateField,
    GovukTimeField,
    textarea,
)
from lantern.front_door.models import StrategyDiscussion

YES_NO = [("yes", "Yes"), ("no", "No")]
MAX_ACTIONS = 6


def yes_no(label: str, required_message: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": required_message},
        **kwargs,
    )


def _date(label: str, required_message: str, **kwargs) -> GovukDateField:
    return GovukDateField(
        label=label,
        help_text=kwargs.pop("help_text", "For example 27/03/2026"),
        widget=forms.TextInput(attrs=W10),
        error_messages={"required": required_message, "invalid": "Enter a real date"},
        **kwargs,
    )


# -- repeated rows ------------------------------------------------------------------------------


class RowForm(FrontDoorForm):
    """One row of a RowSet. A row whose `content_fields` are all empty is blank: it is not
    validated and not saved. Subclasses check the filled-in rows in `clean_row`."""

    content_fields: tuple[str, ...] = ()

    def __init__(self, *args, number: int, **kwargs):
        self.number = number
        super().__init__(*args, **kwargs)

    @property
    def blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(name) for name in self.content_fields)

    def clean(self):
        data = super().clean()
        if not self.blank:
            self.clean_row(data)
        return data

    def clean_row(self, data) -> None:
        raise NotImplementedError


class AttendeeRow(RowForm):
    agency = forms.ChoiceField(choices=[("", "Select an agency"), *Agency.choices], required=False)
    name = forms.CharField(
        required=False,
        max_length=200,
        help_text="Or their team, if you do not know who",
        widget=forms.TextInput(attrs=W20),
    )
    role = forms.CharField(required=False, max_length=200, widget=forms.TextInput(attrs=W20))
    invited = forms.BooleanField(label="Invited", required=False, initial=True)
    attended = forms.BooleanField(label="Attended", required=False)
    contribution = forms.CharField(
        label="What they contributed", required=False, widget=textarea(3)
    )

    content_fields = ("name", "role", "attended", "contribution")

    def clean_row(self, data) -> None:
        if not data.get("agency"):
            self.add_error("agency", f"Select the agency of attendee {self.number}")
        if not data.get("name"):
            self.add_error("name", f"Enter the name or team of attendee {self.number}")

    def value(self) -> dict:
        d = self.cleaned_data
        return {k: d[k] for k in ("agency", "name", "role", "invited", "attended", "contribution")}


class ActionRow(RowForm):
    action = forms.CharField(label="What will be done", required=False, widget=textarea(2))
    owner = forms.CharField(
        label="Who will do it", required=False, max_length=200, widget=forms.TextInput(attrs=W20)
    )
    due = _date("By when", "", required=False)

    content_fields = ("action", "owner", "due")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due"].error_messages["invalid"] = (
            f"Enter a real date for action {self.number}, like 27/03/2026"
        )

    @property
    def blank(self) -> bool:
        # A date typed but not understood still makes the row count.
        return super().blank and not self.has_error("due")

    def clean_row(self, data) -> None:
        n = self.number
        if not data.get("action"):
            self.add_error("action", f"Enter what will be done in action {n}")
        if not data.get("owner"):
            self.add_error("owner", f"Enter who will do action {n}")
        if not data.get("due") and not self.has_error("due"):
            self.add_error("due", f"Enter the date action {n} is due by")

    def value(self) -> dict:
        d = self.cleaned_data
        return {"action": d["action"], "owner": d["owner"], "due": d["due"]}


class RowSet:
    """A fixed number of row forms under one prefix: the initial rows (prefilled) then `extra`
    blank ones. The same rows come back on a failed submit, with everything typed kept."""

    def __init__(self, form_class, data=None, *, prefix: str, initial=(), extra: int = 0):
        self.prefix = prefix
        starts = [*initial, *({} for _ in range(extra))]
        self.rows = [
            form_class(data, prefix=f"{prefix}-{i}", initial=start, number=i + 1)
            for i, start in enumerate(starts)
        ]
        self.errors: list[str] = []  # about the rows together (from the service)

    def __iter__(self):
        return iter(self.rows)

    @property
    def anchor(self) -> str:
        """The id that errors about the rows together link to: the first row's first field."""
        first = self.rows[0]
        return first[next(iter(first.fields))].id_for_label

    def is_valid(self) -> bool:
        return all([row.is_valid() for row in self.rows]) and not self.errors

    def values(self) -> list[dict]:
        return [row.value() for row in self.rows if not row.blank]

    def add_error(self, message: str) -> None:
        self.errors.append(message)

    def error_summary(self) -> list[dict[str, str]]:
        own = [{"text": e, "href": f"#{self.anchor}"} for e in self.errors]
        return own + [e for row in self.rows for e in row.error_summary()]


PREFILLED_AGENCIES = [Agency.POLICE, Agency.HEALTH, Agency.EDUCATION, Agency.SOCIAL_CARE]


def attendee_rows(data=None, *, agencies=PREFILLED_AGENCIES, extra: int = 3) -> RowSet:
    """Attendee rows: one prefilled with each agency, then `extra` blank ones."""
    return RowSet(
        AttendeeRow,
        data,
        prefix="attendees",
        initial=[{"agency": a} for a in agencies],
        extra=extra,
    )


def action_rows(data=None) -> RowSet:
    return RowSet(ActionRow, data, prefix="actions", extra=MAX_ACTIONS)


def add_page_errors(error: ValidationError, form: FrontDoorForm, **rowsets: RowSet) -> None:
    """A service's ValidationError onto the page: messages about `attendees` or `actions` go
    to those rows, the rest to the form (its fields, or above it)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            if name in rowsets:
                for e in errors:
                    rowsets[name].add_error(e.messages[0])
            else:
                form.add_service_errors(ValidationError({name: errors}))
    else:
        form.add_service_errors(error)


def page_errors(form, *rowsets: RowSet) -> list[dict[str, str]]:
    return [*form.error_summary(), *(e for rows in rowsets for e in rows.error_summary())]


# -- strategy discussions -----------------------------------------------------------------------


class StrategyScheduleForm(FrontDoorForm):
    aliases = {"held_at": "held_on"}

    held_on = _date("Date", "Enter the date of the discussion")
    held_time = GovukTimeField(
        label="Time",
        help_text="For example 14:30",
        error_messages={
            "required": "Enter the time of the discussion",
            "invalid": "Enter a time like 14:30",
        },
    )
    kind = forms.ChoiceField(
        label="Discussion or meeting?",
        choices=StrategyDiscussion.Kind.choices,
        initial=StrategyDiscussion.Kind.DISCUSSION,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a strategy discussion or a strategy meeting"},
    )
    reason = forms.CharField(
        label="Why is a strategy discussion needed?",
        widget=textarea(4),
        error_messages={"required": "Say why a strategy discussion is needed"},
    )


class StrategyRecordForm(FrontDoorForm):
    decision = forms.ChoiceField(
        label="What was decided?",
        choices=StrategyDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    decision_reason = forms.CharField(
        label="Why?",
        widget=textarea(4),
        help_text="The threshold for a section 47 enquiry is reasonable cause to suspect the "
        "child is suffering, or likely to suffer, significant harm",
        error_messages={"required": "Explain the decision"},
    )
    immediate_protective_action = yes_no(
        "Was immediate protective action taken?",
        "Select yes if immediate protective action was taken",
    )
    protective_action_detail = forms.CharField(
        label="What action was taken?", required=False, widget=textarea(3)
    )
    enquiry_plan = forms.CharField(
        label="The plan for the enquiry",
        required=False,
        widget=textarea(4),
        help_text="For a section 47 enquiry: how it will be carried out, who will see the child "
        "and how. Add each action, with who will do it and by when, below",
    )

    def clean(self):
        data = super().clean()
        if data.get("immediate_protective_action") == "yes" and not data.get(
            "protective_action_detail"
        ):
            self.add_error("protective_action_detail", "Describe the protective action taken")
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        taken = d["immediate_protective_action"] == "yes"
        return {
            "decision": d["decision"],
            "decision_reason": d["decision_reason"],
            "immediate_protective_action": taken,
            "protective_action_detail": d["protective_action_detail"] if taken else "",
            "enquiry_plan": d["enquiry_plan"],
        }


# -- section 47 enquiries and referrals ---------------------------------------------------------


class ChildSeenForm(FrontDoorForm):
    seen_on = _date("When was the child seen?", "Enter the date the child was seen")
    seen_by = forms.CharField(
        label="Who saw the child?",
        max_length=200,
        widget=forms.TextInput(attrs=W20),
        error_messages={"required": "Enter who saw the child"},
    )
    seen_alone = yes_no("Was the child seen alone?", "Select yes if the child was seen alone")


class Section47OutcomeForm(FrontDoorForm):
    outcome = forms.ChoiceField(
        label="What is the outcome of the enquiry?",
        choices=Section47Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    outcome_date = _date("Date of the outcome", "Enter the date of the outcome")
    reason = forms.CharField(
        label="Why?", widget=textarea(4), error_messages={"required": "Explain the outcome"}
    )


# -- exploitation -------------------------------------------------------------------------------

# One checkbox group per form of exploitation: (field name, legend, indicator codes).
INDICATOR_GROUPS = [
    (f"indicators_{n}", legend, codes)
    for n, (legend, codes) in enumerate(INDICATOR_FORMS.items(), 1)
]


class ExploitationScreeningForm(FrontDoorForm):
    aliases = {"indicators": INDICATOR_GROUPS[0][0]}

    screened_on = _date("Date of the screening", "Enter the date of the screening")
    risk = forms.ChoiceField(
        label="What level of risk do the indicators show?",
        choices=ExploitationRisk.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level of risk"},
    )
    summary = forms.CharField(
        label="Summary",
        widget=textarea(6),
        help_text="What is known, in plain words: what has happened, who is involved, where",
        error_messages={"required": "Summarise what is known"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ExploitationIndicator.choices)
        groups = {
            name: forms.MultipleChoiceField(
                label=legend,
                choices=[(c, labels[c]) for c in codes],
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            for name, legend, codes in INDICATOR_GROUPS
        }
        # The indicators first, then the date, the risk and the summary.
        self.fields = {**groups, **self.fields}

    @property
    def indicator_fields(self):
        return [self[name] for name, _legend, _codes in INDICATOR_GROUPS]

    def indicators(self) -> list[str]:
        return [c for name, _l, _c in INDICATOR_GROUPS for c in self.cleaned_data[name]]


class SiblingConsiderForm(FrontDoorForm):
    at_risk = yes_no(
        "Is this child also at risk of exploitation?",
        "Select yes if this child is also at risk of exploitation",
    )
    note = forms.CharField(
        label="How was their risk considered?",
        widget=textarea(4),
        help_text="What was checked, with whom, and what happens next",
        error_messages={"required": "Record how the sibling's risk was considered"},
    )


class ExploitationMeetingForm(FrontDoorForm):
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    children = forms.MultipleChoiceField(
        label="Which children was the meeting about?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the children the meeting was about"},
    )
    discussion = forms.CharField(
        label="What was discussed",
        widget=textarea(6),
        error_messages={"required": "Summarise the discussion"},
    )

    def __init__(self, *args, children, **kwargs):
        """`children`: the child and their siblings, as (pk, label) choices."""
        super().__init__(*args, **kwargs)
        self.fields["children"].choices = [(str(pk), label) for pk, label in children]

    def child_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["children"]]

"""Forms for periods of care, changes of legal status and placement, and carers. They parse
input only: every rule about dates, codes, providers, URNs and carers is the services' (house
style §5), so the fields are optional here and a service's ValidationError lands on the field
of the same name (`add_service_errors`). A code that is not on the list is refused with the
service's own wording."""

import datetime

from django import forms
from django.utils import timezone

from lantern.accounts.models import User
from lantern.accounts.roles import Role
from lantern.children_in_care.codes import (
    CATEGORY_OF_NEED,
    TEMPORARY_PLACES,
    CarerKind,
    LegalStatusCode,
    PermanenceKind,
    PlacementProvider,
    PlacementType,
    ReasonCeased,
    ReasonPlaceChange,
    ReviewParticipation,
    collection_year_end,
    place_codes_for,
)
from lantern.children_in_care.models import Carer, CareReview
from lantern.children_in_care.services.review import DecisionInput
from lantern.front_door.forms.common import (
    W10,
    W20,
    FrontDoorForm,
    GovukDateField,
    date_input,
    textarea,
)

DATE_HINT = "For example 27/03/2026"


def _date(label: str, help_text: str = DATE_HINT) -> GovukDateField:
    """A date the service checks (it says when one is missing); here only a real date."""
    return GovukDateField(
        label=label,
        required=False,
        help_text=help_text,
        widget=date_input(),
        error_messages={"invalid": "Enter a real date"},
    )


def coded(choices) -> list[tuple[str, str]]:
    """903 codes with their plain words first: "Interim care order (section 38) (C1)"."""
    return [(value, f"{label} ({value})") for value, label in choices]


def _choice(label: str, choices, message: str, *, radios: bool = False, **kwargs):
    widget = forms.RadioSelect if radios else forms.Select
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=choices,
        widget=widget,
        error_messages={"invalid_choice": message},
        **kwargs,
    )


def _text(label: str, attrs=W10, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.TextInput(attrs=attrs), **kwargs
    )


def place_choices(
    today: datetime.date | None = None, *, temporary: bool = True
) -> list[tuple[str, str]]:
    """The placement types of this collection year and the last (so a placement recorded late
    can still take last year's codes); the service checks the type suits the start date."""
    year = collection_year_end(today or timezone.localdate())
    codes = place_codes_for(year) | place_codes_for(year - 1)
    if not temporary:
        codes -= TEMPORARY_PLACES
    return [("", "Select the type of placement")] + coded(
        (p.value, p.label) for p in PlacementType if p.value in codes
    )


class CarerField(forms.ModelChoiceField):
    def label_from_instance(self, carer: Carer) -> str:
        details = [carer.get_kind_display()]
        if carer.postcode:
            details.append(carer.postcode)
        return f"{carer.name} ({', '.join(details)})"


class CareForm(FrontDoorForm):
    """The error summary in the order the fields are on the page (a service reports its
    errors in the order it checks them); errors about the whole form first."""

    def error_summary(self) -> list[dict[str, str]]:
        order = {name: n for n, name in enumerate(self.fields)}
        items = super().error_summary()
        hrefs = {f"#{self[name].id_for_label or self[name].auto_id}": name for name in order}
        return sorted(items, key=lambda item: order.get(hrefs.get(item["href"]), -1))


class PlacementFields(CareForm):
    """Where the child lives and with whom: a first placement, or a move."""

    PLACEMENT_FIELDS = ("place", "carer", "provider", "postcode", "urn")
    temporary_places = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"] = _choice(
            "Type of placement",
            place_choices(temporary=self.temporary_places),
            "Select the type of placement",
        )
        self.fields["carer"] = CarerField(
            label="Who will the child live with?",
            required=False,
            queryset=Carer.objects.order_by("name", "pk"),
            empty_label="Select the carer",
            help_text="Not needed for a temporary move, hospital, custody or independent "
            "living. If the carer is not listed, add them first",
            error_messages={"invalid_choice": "Select who the child will live with"},
        )
        self.fields["provider"] = _choice(
            "Placement provider",
            [("", "The carer's provider"), *coded(PlacementProvider.choices)],
            "Select the placement provider",
            help_text="Leave as the carer's provider unless this placement is provided differently",
        )
        self.fields["postcode"] = _text(
            "Placement postcode", help_text="Leave blank to use the carer's postcode"
        )
        self.fields["urn"] = _text(
            "Ofsted URN",
            help_text="The Ofsted unique reference number, like SC045099. Leave blank to use "
            "the carer's, or for placements that have none",
        )

    def placement_kwargs(self) -> dict:
        return {
            name: self.cleaned_data[name] or self._blank(name) for name in self.PLACEMENT_FIELDS
        }

    @staticmethod
    def _blank(name: str):
        return None if name == "carer" else ""


class StartForm(PlacementFields):
    """The child starts to be looked after (care_start)."""

    temporary_places = False  # a period of care cannot start with a temporary placement

    start_date = _date("Date the child started to be looked after")
    legal_status = _choice(
        "Legal status",
        coded(LegalStatusCode.choices),
        "Select the child's legal status",
        radios=True,
    )
    cin = _choice(
        "Category of need",
        coded(CATEGORY_OF_NEED),
        "Select the category of need",
        radios=True,
        help_text="The main reason the child is looked after. It cannot change during the "
        "period of care",
    )
    home_postcode = _text(
        "Home postcode",
        help_text="Where the child lived before they started to be looked after. Leave blank "
        "for an unaccompanied asylum-seeking child",
    )

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "start_date": d["start_date"],
            "legal_status": d["legal_status"],
            "cin": d["cin"],
            "home_postcode": d["home_postcode"],
            "placement": self.placement_kwargs(),
        }


class LegalStatusForm(CareForm):
    """A change of legal status (legal_status_change)."""

    start_date = _date("Date the legal status changed")
    code = _choice(
        "New legal status",
        coded(LegalStatusCode.choices),
        "Select the child's new legal status",
        radios=True,
    )

    def service_kwargs(self) -> dict:
        return {"start_date": self.cleaned_data["start_date"], "code": self.cleaned_data["code"]}


class MoveForm(PlacementFields):
    """A change of placement (placement_change)."""

    start_date = _date("Date the child moved")
    reason_change = _choice(
        "Why did the placement change?",
        coded(ReasonPlaceChange.choices),
        "Select the reason the placement changed",
        radios=True,
        help_text="Not asked for a move into or out of a temporary placement (T0 to T4)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        order = ["start_date", *self.PLACEMENT_FIELDS, "reason_change"]
        self.fields = {name: self.fields[name] for name in order}

    def service_kwargs(self) -> dict:
        return {
            "start_date": self.cleaned_data["start_date"],
            "reason_change": self.cleaned_data["reason_change"],
            **self.placement_kwargs(),
        }


class EndForm(CareForm):
    """The child stops being looked after (care_end)."""

    end_date = _date("Date the child stopped being looked after")
    reason_ceased = _choice(
        "Why did the child stop being looked after?",
        [
            ("", "Select the reason"),
            *coded(c for c in ReasonCeased.choices if c[0] != ReasonCeased.X1),
        ],
        "Select why the child stopped being looked after",
    )

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {"end_date": d["end_date"], "reason_ceased": d["reason_ceased"]}


class CarerForm(CareForm):
    """A new carer (carer_add)."""

    name = _text(
        "Name",
        attrs=W20,
        help_text="The foster carers' names, or the name of the home or provider",
    )
    kind = _choice("Kind of carer", CarerKind.choices, "Select the kind of carer", radios=True)
    provider = _choice(
        "Placement provider",
        [("", "Not known yet"), *coded(PlacementProvider.choices)],
        "Select the placement provider",
        help_text="Placements with this carer take it unless they say otherwise. For a parent "
        "it is PR0",
    )
    ofsted_urn = _text("Ofsted URN", help_text="Like SC045099, if the carer has one")
    postcode = _text("Postcode")

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


DECISION_ROWS = 5


class UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return f"{user.get_full_name() or user.username} ({user.role_label})"


class ReviewForm(CareForm):
    """A looked-after review (care_review_record), with up to DECISION_ROWS decisions; rows
    left blank are ignored."""

    held_on = _date("Date of the review")
    iro = UserChoice(
        label="Independent reviewing officer who chaired the review",
        queryset=User.objects.none(),  # the active IROs, set when the form is made
        required=False,
        empty_label="Select the IRO",
        error_messages={"invalid_choice": "Select the IRO from the list"},
    )
    iro_saw_child = _choice(
        "Did the IRO see or speak to the child before the review?",
        [("yes", "Yes"), ("no", "No")],
        "Select yes or no",
        radios=True,
    )
    participation = _choice(
        "How did the child take part?",
        coded(ReviewParticipation.choices),
        "Select how the child took part in the review",
        radios=True,
    )
    child_views = forms.CharField(
        label="The child's views",
        required=False,
        widget=textarea(6),
        help_text="What the child said or conveyed, in their words where you can. If their "
        "views were not conveyed, say why not and what will be done.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = User.objects.filter(is_active=True).order_by("first_name", "last_name", "pk")
        self.fields["iro"].queryset = users.filter(role=Role.IRO)
        for i in range(1, DECISION_ROWS + 1):
            self.fields[f"decision_{i}"] = forms.CharField(
                label="Decision", required=False, widget=textarea(2)
            )
            self.fields[f"owner_user_{i}"] = UserChoice(
                label="Who will carry it out",
                queryset=users.exclude(role=Role.ANALYST),
                required=False,
                empty_label="Someone not in this list",
                error_messages={"invalid_choice": "Select someone from the list"},
            )
            self.fields[f"owner_name_{i}"] = _text(
                "Or name the person or agency",
                attrs=W20,
                help_text="For example: the child's mother, Virtual School, CAMHS",
            )
            self.fields[f"due_{i}"] = _date("Due by")

    @property
    def decision_groups(self) -> list[list]:
        return [
            [self[f"{name}_{i}"] for name in ("decision", "owner_user", "owner_name", "due")]
            for i in range(1, DECISION_ROWS + 1)
        ]

    @property
    def review_fields(self) -> list:
        return [
            self[n] for n in ("held_on", "iro", "iro_saw_child", "participation", "child_views")
        ]

    def add_service_errors(self, error) -> None:
        # The service names a decision's owner and due date owner_i and due_i.
        if hasattr(error, "error_dict"):
            error.error_dict = {
                (f"owner_user_{k[6:]}" if k.startswith("owner_") else k): v
                for k, v in error.error_dict.items()
            }
        super().add_service_errors(error)

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "held_on": d["held_on"],
            "iro": d["iro"],
            "iro_saw_child": d["iro_saw_child"] == "yes",
            "participation": d["participation"],
            "child_views": d["child_views"],
            "decisions": [
                DecisionInput(
                    decision=d[f"decision_{i}"],
                    owner_user=d[f"owner_user_{i}"],
                    owner_name=d[f"owner_name_{i}"],
                    due_date=d[f"due_{i}"],
                )
                for i in range(1, DECISION_ROWS + 1)
            ],
        }


class DecisionDoneForm(CareForm):
    """A review decision carried out (review_decision_done)."""

    done_on = _date("Date it was done")
    note = forms.CharField(label="What was done", required=False, widget=textarea(3))

    def service_kwargs(self) -> dict:
        return {"done_on": self.cleaned_data["done_on"], "note": self.cleaned_data["note"]}


class ReviewChoice(forms.ModelChoiceField):
    def label_from_instance(self, review) -> str:
        return f"The review on {review.held_on:%-d %B %Y}"


class PermanenceForm(CareForm):
    """The child's permanence plan (permanence_plan_agree)."""

    kind = _choice(
        "What is the permanence plan?",
        PermanenceKind.choices,
        "Select the permanence plan",
        radios=True,
    )
    agreed_on = _date("Date the plan was agreed")
    review = ReviewChoice(
        label="Was it agreed at a looked-after review?",
        queryset=CareReview.objects.none(),  # the period's reviews, set when the form is made
        required=False,
        empty_label="Not at a review",
        error_messages={"invalid_choice": "Select a review from the list"},
    )
    detail = forms.CharField(
        label="The plan",
        required=False,
        widget=textarea(4),
        help_text="With whom the child will live, the legal route and by when.",
    )
    support_plan = forms.CharField(
        label="Support plan for after the order",
        required=False,
        widget=textarea(4),
        help_text="Needed for reunification and special guardianship plans.",
    )
    contingency_plan = forms.CharField(
        label="Contingency plan",
        required=False,
        widget=textarea(4),
        help_text="What happens if the plan cannot be achieved. Needed for reunification and "
        "special guardianship plans.",
    )

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = period.reviews.filter(ended_at__isnull=True).order_by(
            "-held_on"
        )

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        names = ("kind", "agreed_on", "review", "detail", "support_plan", "contingency_plan")
        return {name: d[name] for name in names}

"""The front door's API: partner agencies' systems submit multi-agency referrals and later see
what was decided for each child (never the child's record); managers and analysts read the
front door's indicators.

    POST /api/v1/contacts                     submit a referral            contact.submit
    GET  /api/v1/contacts                     referrals one submitted      contact.own
    GET  /api/v1/contacts/{id}                one of them, with outcomes   contact.own
    GET  /api/v1/indicators/front-door        FD1, FD3, FD6, FD9, FD11, CP2 front_door.indicators
"""

import datetime
import re

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from lantern.api import front_door_serializers as s
from lantern.front_door import completeness
from lantern.front_door.codes import Channel, Outcome
from lantern.front_door.indicators import all_indicators
from lantern.front_door.models import Contact
from lantern.front_door.selectors import contacts_submitted_by, submitted_contact_get_for
from lantern.front_door.services import partner_referral_submit
from lantern.people.models import Address
from lantern.timescales.engine import add_months

BAD_REQUEST = OpenApiResponse(
    description="Invalid input: a JSON object naming each field in error, with its messages. "
    "Nothing was saved."
)
BAD_QUERY = OpenApiResponse(
    description="A bad query parameter: a JSON object naming it, with the message."
)


class MethodPermissions:
    """For a view whose methods need different permissions: `required_permission` is the GET
    permission (what tests/integration/test_url_permissions.py checks) and `method_permissions`
    names the others. HasDeclaredPermission reads the one for this request."""

    method_permissions: dict[str, str] = {}

    def initial(self, request, *args, **kwargs):
        permission = self.method_permissions.get(request.method)
        if permission is not None:
            self.required_permission = permission
        super().initial(request, *args, **kwargs)


def _drf_errors(exc: DjangoValidationError) -> dict:
    """A service's ValidationError as the API's error format: {field: [messages]}."""
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
            for field, messages in exc.message_dict.items()
        }
    return {"non_field_errors": exc.messages}


def _children_outcomes(contact: Contact) -> list[dict]:
    """What the partner may know about each child: the decision's progress and outcome."""
    out = []
    for item in contact.children.all():
        decision = getattr(item, "decision", None)
        out.append(
            {
                "name": item.name_for_referrer,
                "status": item.status,
                "status_label": item.get_status_display(),
                "decision_due_at": item.decision_due_at,
                "outcome": decision.outcome if decision else None,
                "outcome_label": Outcome(decision.outcome).label if decision else None,
                "decided_at": item.decided_at,
            }
        )
    return out


def _submitted(contact: Contact) -> dict:
    return {
        "id": contact.pk,
        "reference": contact.reference,
        "received_at": contact.received_at,
        "source": contact.source,
        "completeness": contact.completeness,
        "children": _children_outcomes(contact),
    }


def _missing(contact: Contact, people) -> list[str]:
    with_address = set(
        Address.objects.filter(person__in=people, to_date__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    for person in people:
        person.has_address = person.pk in with_address
    return [r.label for r in completeness.missing(contact=contact, children=people)]


class Contacts(MethodPermissions, APIView):
    """Referrals from a partner agency's system: submit one, or list those you submitted."""

    required_permission = "contact.own"
    method_permissions = {"POST": "contact.submit"}
    parser_classes = [JSONParser]

    @extend_schema(
        summary="The referrals you submitted, newest first, with each child's outcome",
        description=(
            "What the front door decided for each child on each referral you submitted. You "
            "see the progress and outcome of your referrals, not the children's records."
        ),
        parameters=[OpenApiParameter("limit", int, description="At most 500; default 100")],
        responses={200: s.SubmittedReferralSerializer(many=True), 400: BAD_QUERY},
    )
    def get(self, request):
        try:
            limit = max(1, min(500, int(request.query_params.get("limit", 100))))
        except ValueError as exc:
            raise ValidationError({"limit": ["Enter a whole number from 1 to 500"]}) from exc
        contacts = contacts_submitted_by(user=request.user)[:limit]
        data = [_submitted(c) for c in contacts]
        return Response(s.SubmittedReferralSerializer(data, many=True).data)

    @extend_schema(
        summary="Submit a multi-agency referral about one or more children",
        description=(
            "The children are described, not chosen from records: the front door matches each "
            "to a child it knows or records them anew, and decides for each child within one "
            "working day. The answer says how complete the referral was and what was missing. "
            "If a child is in immediate danger, call 999 as well."
        ),
        request=s.ReferralSubmitSerializer,
        responses={201: s.ReferralReceiptSerializer, 400: BAD_REQUEST},
    )
    def post(self, request):
        serializer = s.ReferralSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        try:
            contact = partner_referral_submit(by=request.user, channel=Channel.API, **data)
        except DjangoValidationError as exc:
            raise ValidationError(_drf_errors(exc)) from exc
        items = list(contact.children.select_related("person").order_by("id"))
        receipt = {
            "id": contact.pk,
            "reference": contact.reference,
            "received_at": contact.received_at,
            "children": [
                {
                    "name": item.name_for_referrer,
                    "status": item.status,
                    "decision_due_at": item.decision_due_at,
                }
                for item in items
            ],
            "completeness": contact.completeness,
            "missing": _missing(contact, [item.person for item in items]),
        }
        location = request.build_absolute_uri(reverse("api:contact", args=[contact.pk]))
        return Response(
            s.ReferralReceiptSerializer(receipt).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": location},
        )


class ContactDetail(APIView):
    """One referral you submitted, with the outcome for each child."""

    required_permission = "contact.own"

    @extend_schema(
        summary="A referral you submitted and what was decided for each child",
        responses={
            200: s.SubmittedReferralSerializer,
            404: OpenApiResponse(description="Not found, or not submitted by you"),
        },
    )
    def get(self, request, pk):
        try:
            contact = submitted_contact_get_for(user=request.user, pk=pk)
        except Http404 as exc:
            raise NotFound() from exc
        return Response(s.SubmittedReferralSerializer(_submitted(contact)).data)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def query_period(params) -> tuple[datetime.date, datetime.date]:
    """?from=yyyy-mm-dd&to=yyyy-mm-dd, both optional: the last 12 months to today by default."""
    today = timezone.localdate()
    errors, dates = {}, {}
    for name in ("from", "to"):
        raw = params.get(name)
        if raw is None or raw == "":
            continue
        try:
            if not _DATE.fullmatch(raw):
                raise ValueError
            dates[name] = datetime.date.fromisoformat(raw)
        except ValueError:
            errors[name] = [f"Enter a real date as yyyy-mm-dd, like {today:%Y-%m-%d}"]
    if errors:
        raise ValidationError(errors)
    date_to = dates.get("to", today)
    date_from = dates.get("from", add_months(date_to, -12) + datetime.timedelta(days=1))
    if date_from > date_to:
        raise ValidationError({"from": ["The start date must be on or before the end date"]})
    return date_from, date_to


def _row(row) -> dict:
    def rounded(x):
        return None if x is None else round(x, 4)

    return {
        "group": row.group,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "value": rounded(row.value),
        "mean": rounded(row.mean),
    }


class FrontDoorIndicators(APIView):
    """The front door's indicators over a period, from lantern.front_door.indicators."""

    required_permission = "front_door.indicators"

    @extend_schema(
        summary="The front door's indicators for a period (FD1, FD3, FD6, FD9, FD11, CP2)",
        description=(
            "Each indicator has a plain-words definition, its counting rule, and rows of "
            "numerator, denominator and value (numerator / denominator, 0–1; null when nothing "
            "was counted). Per-agency indicators have a row per agency group and a last row, "
            "with group null, for all agencies together."
        ),
        parameters=[
            OpenApiParameter(
                "from",
                OpenApiTypes.DATE,
                description="First day of the period, yyyy-mm-dd (default: 12 months before "
                "`to`, plus a day)",
            ),
            OpenApiParameter(
                "to", OpenApiTypes.DATE, description="Last day, yyyy-mm-dd (default: today)"
            ),
        ],
        responses={200: s.IndicatorSerializer(many=True), 400: BAD_QUERY},
    )
    def get(self, request):
        date_from, date_to = query_period(request.query_params)
        data = [
            {
                "id": i.id,
                "title": i.title,
                "definition": i.definition,
                "counting_rule": i.counting_rule,
                "date_from": i.date_from,
                "date_to": i.date_to,
                "rows": [_row(r) for r in i.rows],
            }
            for i in all_indicators(date_from, date_to)
        ]
        return Response(s.IndicatorSerializer(data, many=True).data)

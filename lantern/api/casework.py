"""The casework indicators (issue 4): assessments within 45 working days (AP7), ICPCs within
15 working days, CP plans lasting 2 years or more, second or subsequent CP plans, and CP visits
in timescale.

    GET  /api/v1/indicators/casework?from=&to=     casework.indicators

Each indicator is computed by its app (lantern/<app>/indicators.py) over the period; the API
gives its numerator, denominator and value with the definition in plain words. The lists of
children behind each figure are not in this response (they are case records): the dashboard's
drill-down, which applies record access, is where they are opened."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from lantern.api.front_door import BAD_QUERY, query_period

FIELDS = ("label", "definition", "numerator", "denominator", "value", "unit")


def casework_indicators(date_from, date_to) -> list[dict]:
    """Every casework indicator for the period, each as {id, label, definition, numerator,
    denominator, value, unit, date_from, date_to}."""
    from lantern.assessments.indicators import assessments_within_timescale
    from lantern.child_protection.indicators import (
        cp_plans_subsequent,
        cp_plans_two_years_or_more,
        cp_visits_in_timescale,
        icpc_timeliness,
    )

    sources = [
        ("assessments-within-45-working-days", assessments_within_timescale),
        ("icpcs-within-15-working-days", icpc_timeliness),
        ("cp-plans-lasting-2-years-or-more", cp_plans_two_years_or_more),
        ("cp-plans-second-or-subsequent", cp_plans_subsequent),
        ("cp-visits-in-timescale", cp_visits_in_timescale),
    ]
    out = []
    for indicator_id, fn in sources:
        result = fn(date_from, date_to)
        out.append(
            {
                "id": indicator_id,
                **{k: result.get(k) for k in FIELDS},
                "date_from": date_from,
                "date_to": date_to,
            }
        )
    return out


class CaseworkIndicatorSerializer(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()
    definition = serializers.CharField(help_text="What is counted, in plain words")
    numerator = serializers.IntegerField()
    denominator = serializers.IntegerField()
    value = serializers.FloatField(
        allow_null=True, help_text="numerator / denominator as a percent; null when none counted"
    )
    unit = serializers.CharField()
    date_from = serializers.DateField()
    date_to = serializers.DateField()


class CaseworkIndicators(APIView):
    required_permission = "casework.indicators"

    @extend_schema(
        summary="Assessment, child protection conference, plan and visit indicators",
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
        responses={200: CaseworkIndicatorSerializer(many=True), 400: BAD_QUERY},
    )
    def get(self, request):
        date_from, date_to = query_period(request.query_params)
        data = casework_indicators(date_from, date_to)
        return Response(CaseworkIndicatorSerializer(data, many=True).data)

"""The JSON API. Same permissions and access selectors as the pages; every view declares
`required_permission` (checked by HasDeclaredPermission)."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from lantern.api import serializers as s
from lantern.checks.registry import all_checks, flags_for_person, get_check
from lantern.checks.selectors import flag_rows
from lantern.people.matching.search import search
from lantern.people.models import Warning
from lantern.people.record import chronology_rows
from lantern.people.selectors import (
    RestrictedRecord,
    people_searchable_by,
    person_get_for,
    record_ids,
)
from lantern.people.services import record_view_log


def _person_for(request, pk):
    try:
        person = person_get_for(user=request.user, pk=pk)
    except Http404 as exc:
        raise NotFound() from exc
    except RestrictedRecord as exc:
        raise PermissionDenied(
            "This record is restricted. Open it in Lantern and give your reason."
        ) from exc
    return person


class SchemaView(SpectacularAPIView):
    required_permission = "api.use"


class PeopleSearch(APIView):
    required_permission = "person.search"

    @extend_schema(
        summary="Find a known person",
        parameters=[
            OpenApiParameter("name", str, description="Any order; nicknames and typos are fine"),
            OpenApiParameter("dob", str, description="yyyy-mm-dd, dd/mm/yyyy, yyyy-mm or yyyy"),
            OpenApiParameter("postcode", str),
            OpenApiParameter("nhs_number", str),
            OpenApiParameter("limit", int, description="At most 50; default 20"),
        ],
        responses=s.SearchResponseSerializer,
    )
    def get(self, request):
        q = request.query_params
        try:
            limit = max(1, min(50, int(q.get("limit", 20))))
        except ValueError:
            limit = 20
        matches = search(
            name=q.get("name", ""),
            dob=q.get("dob", ""),
            postcode=q.get("postcode", ""),
            nhs_number=q.get("nhs_number", ""),
            limit=limit,
            queryset=people_searchable_by(user=request.user),
        )
        results = [
            {
                "id": m.person.pk,
                "person_id": m.person.person_id,
                "name": m.person.full_name,
                "date_of_birth": m.person.date_of_birth,
                "score": round(m.score, 3),
                "band": m.band,
                "reasons": m.reasons,
                "restricted": m.person.restricted,
            }
            for m in matches
        ]
        return Response(s.SearchResponseSerializer({"results": results}).data)


def _person_checks(ids, today):
    return [
        {
            "check": c.id,
            "finding": c.finding,
            "title": c.title,
            "detail": f.detail,
            "since": f.since,
        }
        for c, f in flags_for_person(ids, today)
    ]


class PersonDetail(APIView):
    required_permission = "person.view"

    @extend_schema(
        summary="A person's details, warnings and practice checks", responses=s.PersonSerializer
    )
    def get(self, request, pk):
        person = _person_for(request, pk)
        record_view_log(user=request.user, person=person, via="api")
        ids = record_ids(person)
        data = {
            **{
                f: getattr(person, f)
                for f in s.PersonSerializer().fields
                if hasattr(person, f) and f not in ("id", "disabilities", "warnings", "checks")
            },
            "id": person.pk,
            "disabilities": list(person.disabilities.values_list("code", flat=True)),
            "warnings": [
                {"kind": w.kind, "detail": w.detail, "review_date": w.review_date}
                for w in Warning.objects.filter(person_id__in=ids, ended_on__isnull=True)
            ],
            "checks": _person_checks(ids, timezone.localdate()),
        }
        return Response(s.PersonSerializer(data).data)


class PersonChronology(APIView):
    required_permission = "person.view"

    @extend_schema(
        summary="A person's chronology, newest first",
        responses=s.ChronologyEntrySerializer(many=True),
    )
    def get(self, request, pk):
        person = _person_for(request, pk)
        record_view_log(user=request.user, person=person, via="api")
        rows = chronology_rows(record_ids(person))
        data = [
            {
                "date": r.entry.occurred_on,
                "kind": r.entry.kind,
                "label": r.label,
                "summary": r.entry.summary,
                "recorded_by": str(r.entry.recorded_by) if r.entry.recorded_by else None,
                "significant": r.entry.significant,
                "link": r.href,
            }
            for r in rows
        ]
        return Response(s.ChronologyEntrySerializer(data, many=True).data)


class PersonChecks(APIView):
    required_permission = "person.view"

    @extend_schema(
        summary="The practice checks that flag this person now",
        responses=s.CheckFlagSerializer(many=True),
    )
    def get(self, request, pk):
        person = _person_for(request, pk)
        data = _person_checks(record_ids(person), timezone.localdate())
        return Response(s.CheckFlagSerializer(data, many=True).data)


class CheckList(APIView):
    required_permission = "checks.view"

    @extend_schema(
        summary="Every registered practice check and how many records it flags",
        responses=s.CheckSerializer(many=True),
    )
    def get(self, request):
        today = timezone.localdate()
        data = [
            {
                "id": c.id,
                "finding": c.finding,
                "title": c.title,
                "explanation": c.explanation,
                "flagged": len(c.flags(today)),
            }
            for c in all_checks()
        ]
        return Response(s.CheckSerializer(data, many=True).data)


class CheckDetail(APIView):
    required_permission = "checks.view"

    @extend_schema(
        summary="The records a practice check flags now", responses=s.CheckDetailSerializer
    )
    def get(self, request, check_id):
        check = get_check(check_id)
        if check is None:
            raise NotFound("No such check")
        rows = flag_rows(today=timezone.localdate(), check_id=check_id)
        data = {
            "id": check.id,
            "finding": check.finding,
            "title": check.title,
            "explanation": check.explanation,
            "flagged": len(rows),
            "records": [
                {
                    "person_id": r.person.person_id,
                    "id": r.person.pk,
                    "name": r.person.full_name,
                    "detail": r.flag.detail,
                    "since": r.flag.since,
                }
                for r in rows
            ],
        }
        return Response(s.CheckDetailSerializer(data).data)

"""The checks the foundation can already support. Later apps register theirs in their own
`checks.py` (imported by their AppConfig.ready)."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q

from lantern.checks.registry import Check, Flag, register
from lantern.people.models import Allocation, Person, Warning


@register
class WarningPastReview(Check):
    id = "FD7-WARNING-REVIEW"
    finding = "FD7"
    title = "Warning past its review date"
    explanation = (
        "A warning on this person has not been reviewed by the date set. Workers at the front "
        "door rely on warnings to understand a family's history and risks; an out-of-date "
        "warning may be wrong, or may be ignored."
    )
    action = "Review the warning: confirm it with a new review date, or end it with a reason."

    def flags(self, today, person_ids=None):
        qs = Warning.objects.filter(ended_on__isnull=True, review_date__lt=today)
        qs = self.restrict(qs, "person_id", person_ids)
        return [
            Flag(
                self.id,
                w.person_id,
                f"{w.get_kind_display()} warning was due for review on {w.review_date:%-d %B %Y}",
                since=w.review_date,
                record=f"warning:{w.pk}",
            )
            for w in qs.order_by("review_date")
        ]


@register
class IdentityNotRecorded(Check):
    id = "AP5-IDENTITY"
    finding = "AP5"
    title = "Child's identity not recorded"
    explanation = (
        "This child has an open case but their ethnicity, first language, religion or "
        "disability is not recorded. Inspectors found children's unique characteristics and "
        "needs were not considered; they cannot be considered if they are not known."
    )
    action = "Ask the child and family, and record what is missing on the child's details."

    def flags(self, today, person_ids=None):
        open_cases = Allocation.objects.filter(end_date__isnull=True).values("person_id")
        qs = (
            Person.objects.filter(pk__in=open_cases, merged_into__isnull=True)
            .annotate(n_disabilities=Count("disabilities"))
            .filter(
                Q(ethnicity="NOBT") | Q(first_language="") | Q(religion="") | Q(n_disabilities=0)
            )
        )
        qs = self.restrict(qs, "pk", person_ids)
        out = []
        for p in qs.only("pk", "ethnicity", "first_language", "religion"):
            missing = [
                label
                for label, gap in (
                    ("ethnicity", p.ethnicity == "NOBT"),
                    ("first language", not p.first_language),
                    ("religion", not p.religion),
                    ("disability", p.n_disabilities == 0),
                )
                if gap
            ]
            out.append(Flag(self.id, p.pk, "Not recorded: " + ", ".join(missing)))
        return out


@register
class ManyWorkers(Check):
    id = "PM5-WORKER-CHANGES"
    finding = "PM5"
    title = "Three or more social workers in 12 months"
    explanation = (
        "This child has had three or more allocated social workers in the last 12 months. "
        "Each change means a new relationship for the child; frequent changes were linked to "
        "drift in children's plans."
    )
    action = (
        "Consider the impact on the child in supervision, and whether visits should increase "
        "while the new worker gets to know them."
    )

    def flags(self, today, person_ids=None):
        since = today - datetime.timedelta(days=365)
        qs = Allocation.objects.filter(worker__isnull=False).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=since)
        )
        qs = self.restrict(qs, "person_id", person_ids)
        workers: dict[int, set[int]] = defaultdict(set)
        for pid, wid in qs.values_list("person_id", "worker_id"):
            workers[pid].add(wid)
        return [
            Flag(self.id, pid, f"{len(w)} different social workers since {since:%-d %B %Y}")
            for pid, w in sorted(workers.items())
            if len(w) >= 3
        ]

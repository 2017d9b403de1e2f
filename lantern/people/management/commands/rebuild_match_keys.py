"""Rebuild every person's search keys, e.g. after the key formats change (see
lantern/people/matching/keys.py). Safe to run on a live system: one batch per transaction."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from lantern.people.matching.keys import bulk_rows
from lantern.people.models import MatchKey, Person


class Command(BaseCommand):
    help = "Recompute the MatchKey rows of every person, in batches, with progress."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, batch_size: int, **options):
        ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        started = time.monotonic()
        step = max(1, len(ids) // 10)
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            people = Person.objects.filter(pk__in=batch).prefetch_related(
                "previous_names", "addresses"
            )
            with transaction.atomic():
                MatchKey.objects.filter(person_id__in=batch).delete()
                # Merged people have no keys: their survivor is found instead.
                rows = bulk_rows(p for p in people if p.merged_into_id is None)
                MatchKey.objects.bulk_create(rows, batch_size=5000)
            done = min(start + batch_size, len(ids))
            if done // step != (done - len(batch)) // step or done == len(ids):
                self.stdout.write(
                    f"  {done:,}/{len(ids):,} people ({done * 100 // max(len(ids), 1)}%) "
                    f"{time.monotonic() - started:.0f}s"
                )
        self.stdout.write(f"Keys rebuilt for {len(ids):,} people")

"""Generate a synthetic local authority: staff, families, open cases, warnings, restricted
records, planted duplicates, five years of front-door history (contacts, screening, decisions,
referrals, strategy discussions, section 47 enquiries) and of the casework after it
(assessments, plans, conferences, core groups, visits and case notes, closures), the same every
time for the same seed, scale and --today."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from lantern.people.models import Person
from lantern.synthetic.demo import logins_table
from lantern.synthetic.models import Generation
from lantern.synthetic.plan import generate_plan
from lantern.synthetic.writers import write_in_bulk, write_with_services


class Command(BaseCommand):
    help = (
        "Generate a deterministic synthetic local authority (North East Lincolnshire at "
        "--scale 1.0: about 35,000 children and their families)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--scale",
            type=float,
            default=0.1,
            help="Size relative to North East Lincolnshire (default 0.1: about 3,500 children).",
        )
        parser.add_argument(
            "--bulk",
            action="store_true",
            help="Write with bulk inserts instead of the people services (same records, faster).",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The date the history ends, YYYY-MM-DD (default today).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=None,
            help="Rows per transaction (default 5000 with --bulk, 500 service calls without).",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add to a database that already has people (ids then differ from a fresh run).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress lines.")

    def handle(self, *args, seed, scale, bulk, today, batch_size, append, quiet, **options):
        if scale <= 0:
            raise CommandError("--scale must be more than 0.")
        existing = Person.objects.count()
        if existing and not append:
            raise CommandError(
                f"The database already has {existing:,} people. Generate into an empty database "
                "(or pass --append)."
            )
        today = today or datetime.date.today()
        started = time.monotonic()
        say = (lambda text: None) if quiet else self.stdout.write
        say(f"Planning seed {seed}, scale {scale} (history to {today:%-d %B %Y})…")
        plan = generate_plan(seed=seed, scale=scale, today=today)
        say(
            f"  planned {len(plan.people):,} people, {len(plan.relationships):,} relationships, "
            f"{len(plan.allocations):,} allocations in {time.monotonic() - started:.1f}s"
        )
        last = {"step": "", "tenth": -1}

        def progress(step: str, done: int, total: int) -> None:
            tenth = done * 10 // max(total, 1)
            if step != last["step"] or tenth > last["tenth"] or done == total:
                if step == last["step"] and tenth == last["tenth"]:
                    return
                last.update(step=step, tenth=tenth)
                say(
                    f"  {step}: {done:,}/{total:,} ({done * 100 // max(total, 1)}%) "
                    f"{time.monotonic() - started:.1f}s"
                )

        writer = write_in_bulk if bulk else write_with_services
        kwargs = {"batch": batch_size} if batch_size else {}
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size=-200000")
        written = writer(plan, progress=progress, **kwargs)
        elapsed = time.monotonic() - started
        # Fresh planner statistics: without them PostgreSQL plans the search's key lookup as a
        # scan of every person (seconds instead of milliseconds) until autovacuum catches up.
        say("  updating the database's planner statistics (ANALYZE)…")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        Generation.objects.create(
            seed=seed, scale=scale, today=today, bulk=bulk, people=written.people, seconds=elapsed
        )
        rate = written.people / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {written.people:,} people ({written.children:,} children, "
                f"{written.open_cases:,} open cases, {written.planted_duplicates:,} planted "
                f"duplicates; over five years {written.contacts:,} contacts, "
                f"{written.referrals:,} referrals, {written.assessments:,} assessments, "
                f"{written.plans:,} plans, {written.conferences:,} conferences, "
                f"{written.visits:,} visits and {written.closures:,} closures) in {elapsed:.1f}s: "
                f"{rate:,.0f} people per second "
                f"({'bulk' if bulk else 'services'}; first person ID {written.first_person_id})"
            )
        )
        self.stdout.write("")
        self.stdout.write(logins_table())

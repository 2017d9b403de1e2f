"""Look for records that may be the same person and queue them for a decision."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantern.people.matching.duplicates import find_duplicates
from lantern.people.matching.score import DUPLICATE_THRESHOLD


class Command(BaseCommand):
    help = "Find possible duplicate people and record them as open duplicate candidates."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--threshold",
            type=float,
            default=DUPLICATE_THRESHOLD,
            help=f"Lowest score (0 to 1) to record (default {DUPLICATE_THRESHOLD}).",
        )

    def handle(self, *args, threshold: float, **options) -> None:
        if not 0 <= threshold <= 1:
            raise CommandError("The threshold must be between 0 and 1.")
        reported = -1

        def progress(done: int, total: int) -> None:
            nonlocal reported
            tenth = done * 10 // max(total, 1)
            if tenth > reported:
                reported = tenth
                self.stdout.write(f"{tenth * 10}% of records checked")

        count = find_duplicates(threshold=threshold, progress=progress)
        pairs = "pair" if count == 1 else "pairs"
        self.stdout.write(
            self.style.SUCCESS(f"{count} possible duplicate {pairs} awaiting a decision")
        )

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lantern.accounts.models import User
from lantern.people.services.imports import people_import_csv


class Command(BaseCommand):
    help = "Import people from a legacy system's CSV extract (see README for the columns)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--as-user", default=None, help="username recorded as the importer")

    def handle(self, *args, file: Path, as_user: str | None, **options):
        if not file.exists():
            raise CommandError(f"No file {file}")
        by = None
        if as_user:
            by = User.objects.filter(username=as_user).first()
            if by is None:
                raise CommandError(f"No user {as_user}")

        def progress(done, total):
            if total and (done % max(1, total // 10) == 0 or done == total):
                self.stdout.write(f"  {done}/{total} rows checked")

        report = people_import_csv(
            by=by, text=file.read_text(encoding="utf-8-sig"), progress=progress
        )
        for error in report.file_errors:
            self.stderr.write(error)
        if report.file_errors:
            raise CommandError("Nothing was imported.")
        for r in report.rejected:
            self.stdout.write(f"Row {r.row} rejected ({r.person_id}): {'; '.join(r.reasons)}")
        for r in report.duplicates:
            self.stdout.write(
                f"Row {r.row} not imported, likely duplicate ({r.person_id} {r.name}): "
                f"{'; '.join(r.reasons)}"
            )
        self.stdout.write(
            f"{len(report.created)} created, {len(report.rejected)} rejected, "
            f"{len(report.duplicates)} likely duplicates not imported"
        )

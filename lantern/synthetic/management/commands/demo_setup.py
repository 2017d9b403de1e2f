"""Make sure there is something to look at: generate the demo authority into an empty database,
then print the demo logins. Run by `make run`; does nothing to a database that has people."""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from lantern.people.models import Person
from lantern.synthetic.demo import FULL_SIZE_HINT, logins_table

DEFAULT_DEMO_SCALE = 0.1


class Command(BaseCommand):
    help = "Generate the demo authority if the database has no people; print the demo logins."

    def handle(self, *args, **options):
        if Person.objects.exists():
            self.stdout.write("The database already has people; nothing generated.")
            self.stdout.write("")
            self.stdout.write(logins_table())
        else:
            scale = float(os.environ.get("LANTERN_DEMO_SCALE") or DEFAULT_DEMO_SCALE)
            call_command("generate_la", seed=1, scale=scale, bulk=True, stdout=self.stdout)
            # So the duplicates page has the planted pairs waiting for a decision.
            self.stdout.write("Looking for likely duplicate records…")
            call_command("find_duplicates", stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(FULL_SIZE_HINT)

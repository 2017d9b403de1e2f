"""Measurements on whatever database DATABASE_URL points at (run by bench/run.py).

Prints one JSON object: search latency and accuracy, record-page latency and query count, and
(with --matching) the duplicate finder's precision and recall against the planted duplicates.
Timings are of the server side only (the search function; the page through Django's test
client), measured after a warm-up.
"""

import argparse
import datetime
import gc
import json
import os
import random
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def percentile(values, p):
    values = sorted(values)
    if not values:
        return None
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def search_queries(n: int, seed: int):
    from lantern.people.models import Address, Person

    rng = random.Random(seed)
    max_id = Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    picked = []
    while len(picked) < n:
        pk = rng.randint(1, max_id)
        row = (
            Person.objects.filter(pk=pk, merged_into__isnull=True, date_of_birth__isnull=False)
            .values("pk", "first_name", "last_name", "date_of_birth")
            .first()
        )
        if row and row["first_name"]:
            picked.append(row)
    postcodes = dict(
        Address.objects.filter(
            person_id__in=[p["pk"] for p in picked], to_date__isnull=True
        ).values_list("person_id", "postcode")
    )
    queries = []
    for i, p in enumerate(picked):
        dob: datetime.date = p["date_of_birth"]
        variant = i % 4
        if variant == 0:  # misspelt surname, full date of birth
            q = {"name": f"{p['first_name']} {typo(p['last_name'], rng)}", "dob": dob.isoformat()}
        elif variant == 1:  # names swapped, year only
            q = {"name": f"{p['last_name']} {p['first_name']}", "dob": str(dob.year)}
        elif variant == 2:  # day and month transposed, where that is a date
            swapped = (
                f"{dob.year}-{dob.day:02d}-{dob.month:02d}" if dob.day <= 12 else dob.isoformat()
            )
            q = {"name": f"{typo(p['first_name'], rng)} {p['last_name']}", "dob": swapped}
        else:  # name and postcode typed without a space, lower case
            pc = (postcodes.get(p["pk"]) or "").replace(" ", "").lower()
            q = {"name": f"{p['first_name']} {p['last_name']}", "postcode": pc}
        queries.append((p["pk"], q))
    return queries


def warm_up(seed: int) -> None:
    """A running server has its database in memory; a freshly built one may not be. Read the
    SQLite file through once, then run a different set of searches, before measuring."""
    from django.db import connection

    from lantern.people.matching.search import search

    if connection.vendor == "sqlite":
        with open(connection.settings_dict["NAME"], "rb") as f:
            while f.read(16 * 1024 * 1024):
                pass
    for _, q in search_queries(200, seed + 1000):
        search(**q)


def measure_search(n: int, seed: int) -> dict:
    from lantern.people.matching.search import search

    warm_up(seed)
    queries = search_queries(n, seed)
    times, first, top10 = [], 0, 0
    for pk, q in queries:
        start = time.perf_counter()
        results = search(**q, limit=10)
        times.append((time.perf_counter() - start) * 1000)
        ids = [m.person.pk for m in results]
        first += bool(ids) and ids[0] == pk
        top10 += pk in ids
    return {
        "search_n": len(queries),
        "search_p50_ms": percentile(times, 50),
        "search_p95_ms": percentile(times, 95),
        "search_first": first / len(queries),
        "search_top10": top10 / len(queries),
    }


def build_family(user, *, mother: str, surname: str, child: str, n: int, line1: str, born: int):
    """A mother and her n children at one address (siblings through the shared parent)."""
    from lantern.people.services import person_create, relationship_add

    address = {"line1": line1, "postcode": "DN31 1HU", "town": "Grimsby"}
    parent = person_create(
        by=user,
        details={
            "first_name": mother,
            "last_name": surname,
            "sex": "F",
            "date_of_birth": datetime.date(born - 24, 3, 3),
        },
        address=address,
    )
    children = [
        person_create(
            by=user,
            details={
                "first_name": f"{child}{i}",
                "last_name": surname,
                "sex": "M",
                "date_of_birth": datetime.date(born + i, 1, 1 + i),
            },
            address=address,
        )
        for i in range(n)
    ]
    for c in children:
        relationship_add(
            by=user, person=parent, other=c, type="parent", parental_responsibility=True
        )
    return children


def build_record_child():
    """A child with 6 siblings (one shared mother) and 200 chronology entries."""
    from django.db import transaction

    from lantern.accounts.models import Team, User
    from lantern.people.chronology import chronology_record
    from lantern.people.models import Person

    team, _ = Team.objects.get_or_create(name="Bench team", defaults={"kind": "cin"})
    user, _ = User.objects.get_or_create(
        username="bench.sw", defaults={"role": "social_worker", "team": team}
    )
    existing_child = Person.objects.filter(first_name="Benchchild0", last_name="Mother").first()
    if existing_child is not None:  # built by an earlier run on this database
        return user, existing_child
    children = build_family(
        user,
        mother="Bench",
        surname="Mother",
        child="Benchchild",
        n=7,
        line1="1 Bench Road",
        born=2008,
    )
    child = children[0]
    from lantern.people.models import ChronologyEntry

    existing = ChronologyEntry.objects.filter(person=child).count()
    with transaction.atomic():
        for i in range(200 - existing):
            chronology_record(
                person=child,
                kind="details_changed",
                summary=f"Bench event {i}",
                occurred_on=datetime.date(2021, 1, 1) + datetime.timedelta(days=i * 5),
                by=user,
            )
    return user, child


def time_page(user, url: str, n: int) -> dict:
    """p50/p95 of n loads of a page as `user` (after 5 to warm up), and its SQL query count."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    for _ in range(5):
        assert client.get(url).status_code == 200
    # As config/wsgi.py does when the server starts: what is loaded stays out of full garbage
    # collections (without this, one request in ten pays 50–80 ms walking the bench's own data).
    gc.collect()
    gc.freeze()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return {
        "n": n,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "queries": len(ctx.captured_queries),
    }


def measure_record_page(n: int) -> dict:
    from lantern.people.models import ChronologyEntry

    user, child = build_record_child()
    timed = time_page(user, f"/people/{child.pk}/", n)
    return {
        **{f"record_{k}": v for k, v in timed.items()},
        "record_entries": ChronologyEntry.objects.filter(person=child).count(),
    }


def build_screening_contact():
    """A child with 10 earlier contacts (some became referrals) and 5 siblings with history of
    their own, and a new contact about the child waiting to be screened."""
    from django.utils import timezone

    from lantern.accounts.models import Team, User
    from lantern.front_door.models import ContactChild
    from lantern.people.models import Person
    from tests.factories.front_door import decide, make_contact, screen

    team, _ = Team.objects.get_or_create(name="Bench front door", defaults={"kind": "front_door"})
    worker, _ = User.objects.get_or_create(
        username="bench.fd", defaults={"role": "front_door", "team": team}
    )
    manager, _ = User.objects.get_or_create(
        username="bench.tm", defaults={"role": "team_manager", "team": team}
    )
    existing = Person.objects.filter(first_name="Screenchild0", last_name="Benchfamily").first()
    if existing is not None:  # built by an earlier run on this database
        item = ContactChild.objects.filter(person=existing, status="awaiting").first()
        return worker, item
    children = build_family(
        worker,
        mother="Screen",
        surname="Benchfamily",
        child="Screenchild",
        n=6,
        line1="2 Bench Road",
        born=2010,
    )
    now = timezone.now()
    child, siblings = children[0], children[1:]
    plans = [(child, n) for n in range(10)] + [(s, n) for s in siblings for n in range(2)]
    for person, n in plans:
        received = now - datetime.timedelta(days=30 + 45 * n)
        item = make_contact(worker, person, received_at=received).children.get()
        screen(worker, item, recommendation="advice" if n % 2 else "assessment")
        if n % 2:
            decide(
                manager,
                item,
                outcome="advice",
                override_reason="Bench: concerns noted.",
                now=received + datetime.timedelta(hours=3),
            )
        else:
            decide(manager, item, now=received + datetime.timedelta(hours=3))
    item = make_contact(worker, child).children.get()
    return worker, item


def measure_screening_page(n: int) -> dict:
    user, item = build_screening_contact()
    timed = time_page(user, f"/front-door/screening/{item.pk}/", n)
    return {f"screening_{k}": v for k, v in timed.items()}


def measure_matching() -> dict:
    from lantern.people.matching.duplicates import pairs_above
    from lantern.people.matching.score import DUPLICATE_THRESHOLD
    from lantern.people.models import Person
    from lantern.synthetic.models import PlantedDuplicate

    truth = {
        (min(a, b), max(a, b))
        for a, b in PlantedDuplicate.objects.values_list("original_id", "duplicate_id")
    }
    # Only the generated authority counts: people the bench itself added (the record-page
    # family) are not part of the ground truth.
    extra = set(
        Person.objects.exclude(created_by__username="synthetic.generator").values_list(
            "pk", flat=True
        )
    )
    start = time.perf_counter()
    found = {
        (min(p.first, p.second), max(p.first, p.second))
        for p in pairs_above(DUPLICATE_THRESHOLD)
        if p.first not in extra and p.second not in extra
    }
    elapsed = time.perf_counter() - start
    hits = len(found & truth)
    return {
        "matching_threshold": DUPLICATE_THRESHOLD,
        "matching_planted": len(truth),
        "matching_found": len(found),
        "matching_precision": hits / len(found) if found else None,
        "matching_recall": hits / len(truth) if truth else None,
        "matching_seconds": elapsed,
    }


def build_team(workers: int = 10, children: int = 200):
    """A team of `workers` social workers and a manager with `children` children between them,
    each with casework: a referral, an assessment (half authorised), a CIN plan with a need and
    three actions (every fifth child a child protection plan instead), case notes and visits.
    Made through the services (the test factories), once per database."""
    from django.db import transaction

    from lantern.accounts.models import Team, User
    from lantern.people.services import allocation_set
    from tests.factories import assessments as A
    from tests.factories import plans as P
    from tests.factories.child_protection import make_visit

    team, _ = Team.objects.get_or_create(name="Bench home team", defaults={"kind": "cin"})
    manager, _ = User.objects.get_or_create(
        username="bench.home.tm", defaults={"role": "team_manager", "team": team}
    )
    staff = [
        User.objects.get_or_create(
            username=f"bench.home.sw{i}", defaults={"role": "social_worker", "team": team}
        )[0]
        for i in range(workers)
    ]
    from lantern.people.models import Allocation

    if Allocation.objects.filter(team=team, end_date__isnull=True).count() >= children:
        return manager, staff[0]
    today = datetime.date.today()
    per_family = 5
    for f in range(children // per_family):
        worker = staff[f % workers]
        with transaction.atomic():
            kids = build_family(
                worker,
                mother="Benchhome",
                surname=f"Family{f}",
                child="Kid",
                n=per_family,
                line1=f"{f + 1} Home Bench Street",
                born=2012,
            )
            for i, child in enumerate(kids):
                allocation_set(
                    by=manager,
                    person=child,
                    team=team,
                    worker=worker,
                    start_date=today - datetime.timedelta(days=120),
                )
                referral = A.make_referral(
                    worker, child, referral_date=today - datetime.timedelta(days=90)
                )
                assessment = A.start(worker, child, referral=referral)
                A.complete(worker, assessment)
                if i % 2 == 0:
                    assessment = A.submit(worker, assessment)
                    A.authorise(manager, assessment)
                kind = "cp" if i == 0 else "cin"
                P.smart_plan(
                    worker,
                    child,
                    kind=kind,
                    actions=3,
                    referral=referral,
                    start_date=today - datetime.timedelta(days=60),
                )
                for d in (50, 35, 20, 6):
                    make_visit(worker, child, today - datetime.timedelta(days=d), seen=True)
    return manager, staff[0]


def measure_home_pages(n: int) -> dict:
    manager, worker = build_team()
    sw = time_page(worker, "/", n)
    tm = time_page(manager, "/", n)
    return {
        **{f"home_sw_{k}": v for k, v in sw.items()},
        **{f"home_tm_{k}": v for k, v in tm.items()},
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--matching", action="store_true")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    import django

    django.setup()
    from lantern.people.models import Person

    out = {"people": Person.objects.count()}
    out.update(measure_search(args.searches, args.seed))
    out.update(measure_record_page(args.pages))
    out.update(measure_screening_page(args.pages))
    out.update(measure_home_pages(args.pages))
    if args.matching:
        out.update(measure_matching())
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()

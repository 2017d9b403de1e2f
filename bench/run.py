"""`make bench`: builds the benchmark authority on SQLite and on PostgreSQL, measures, prints a
table with the goals beside the figures. Nothing here is a test; timings never go into tests.

    uv run python -m bench.run                   # 500,000 people (the issue's scale)
    uv run python -m bench.run --people 50000    # a quicker look
    uv run python -m bench.run --no-postgres     # SQLite only
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# People generated per unit of --scale (scale 1.0 ≈ North East Lincolnshire's population of
# children with their families); measured from the generator.
PEOPLE_PER_SCALE = 72_900

GOALS = {
    "search_p95_ms": ("≤ 50 ms", lambda v: v <= 50),
    "record_p95_ms": ("≤ 150 ms", lambda v: v <= 150),
    "screening_p95_ms": ("≤ 150 ms", lambda v: v <= 150),
    "home_sw_p95_ms": ("≤ 200 ms", lambda v: v <= 200),
    "home_tm_p95_ms": ("≤ 200 ms", lambda v: v <= 200),
    "matching_precision": ("≥ 0.99", lambda v: v >= 0.99),
    "matching_recall": ("≥ 0.98", lambda v: v >= 0.98),
}


def manage(args, env, *, capture=False):
    cmd = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(cmd, env=env, check=True, cwd=ROOT, text=True, capture_output=capture)


def last_generation(env: dict) -> tuple[int, float] | None:
    """(people, seconds) of the generator run already in this database, if any."""
    code = (
        "from lantern.synthetic.models import Generation as G; g = G.objects.first(); "
        "print(f'{g.people} {g.seconds}' if g else '')"
    )
    try:
        out = manage(["shell", "--no-imports", "-c", code], env, capture=True).stdout.strip()
    except subprocess.CalledProcessError:
        return None
    if not out:
        return None
    people, seconds = out.split()
    return int(people), float(seconds)


def prepare(name: str, url: str, env: dict, scale: float, seed: int, reuse: bool) -> dict:
    env = {**env, "DATABASE_URL": url}
    if reuse and (done := last_generation(env)):
        print(f"[{name}] reusing the authority already built ({done[0]:,} people)", flush=True)
        manage(["migrate", "--no-input", "-v0"], env)  # migrations added since it was built
        return {"env": env, "generate_seconds": done[1]}
    print(f"[{name}] migrating a fresh database…", flush=True)
    manage(["migrate", "--no-input", "-v0"], env)
    print(f"[{name}] generating the authority (scale {scale:g}, bulk)…", flush=True)
    start = time.perf_counter()
    manage(["generate_la", "--seed", str(seed), "--scale", f"{scale}", "--bulk"], env)
    elapsed = time.perf_counter() - start
    return {"env": env, "generate_seconds": elapsed}


def measure(env: dict, matching: bool) -> dict:
    cmd = [sys.executable, "-m", "bench.measure"] + (["--matching"] if matching else [])
    out = subprocess.run(cmd, env=env, check=True, cwd=ROOT, text=True, capture_output=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh_postgres(base_url: str, reuse: bool) -> str | None:
    """The URL of the lantern_bench database: dropped and created anew unless reusing it."""
    db = "lantern_bench"
    try:
        found = subprocess.run(
            ["psql", base_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{db}'"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if not (reuse and found == "1"):
            subprocess.run(
                [
                    "psql",
                    base_url,
                    "-q",
                    "-c",
                    f"DROP DATABASE IF EXISTS {db}",
                    "-c",
                    f"CREATE DATABASE {db}",
                ],
                check=True,
                capture_output=True,
            )
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"PostgreSQL not available ({error}); skipping it.")
        return None
    return base_url.rsplit("/", 1)[0] + f"/{db}"


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep var/bench.sqlite3 and the lantern_bench PostgreSQL database from an earlier "
        "run instead of generating them again (generation of 500,000 people takes ~20 min)",
    )
    args = parser.parse_args()
    scale = round(args.people / PEOPLE_PER_SCALE, 3)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_ENV"] = "development"
    env["DEBUG"] = "false"  # DEBUG keeps every SQL query in memory during generation
    results = {}
    sqlite_path = VAR / "bench.sqlite3"
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    targets = [("SQLite", f"sqlite:///{sqlite_path}")]
    if not args.no_postgres:
        pg = fresh_postgres(PG_URL, args.reuse)
        if pg:
            targets.append(("PostgreSQL", pg))
    for i, (name, url) in enumerate(targets):
        prepared = prepare(name, url, env, scale, args.seed, args.reuse)
        print(f"[{name}] measuring…", flush=True)
        figures = measure(prepared["env"], matching=(i == 0))
        figures["generate_seconds"] = prepared["generate_seconds"]
        figures["generate_rate"] = figures["people"] / prepared["generate_seconds"]
        results[name] = figures
    print_table(results)
    (VAR / "bench-results.json").write_text(json.dumps(results, indent=2))


def print_table(results: dict):
    rows = [
        ("People in the database", "people", None, 0),
        ("Person search p50 (ms)", "search_p50_ms", None, 1),
        ("Person search p95 (ms)", "search_p95_ms", "search_p95_ms", 1),
        ("Search: right person first", "search_first", None, 3),
        ("Search: right person in top 10", "search_top10", None, 3),
        ("Record page p50 (ms; 200 entries, 6 siblings)", "record_p50_ms", None, 1),
        ("Record page p95 (ms)", "record_p95_ms", "record_p95_ms", 1),
        ("Record page SQL queries", "record_queries", None, 0),
        ("Screening page p50 (ms; 10 earlier contacts, 5 siblings)", "screening_p50_ms", None, 1),
        ("Screening page p95 (ms)", "screening_p95_ms", "screening_p95_ms", 1),
        ("Screening page SQL queries", "screening_queries", None, 0),
        ("Social worker's home p50 (ms; 20 children with casework)", "home_sw_p50_ms", None, 1),
        ("Social worker's home p95 (ms)", "home_sw_p95_ms", "home_sw_p95_ms", 1),
        ("Social worker's home SQL queries", "home_sw_queries", None, 0),
        ("Team manager's home p50 (ms; 10 workers, 200 children)", "home_tm_p50_ms", None, 1),
        ("Team manager's home p95 (ms)", "home_tm_p95_ms", "home_tm_p95_ms", 1),
        ("Team manager's home SQL queries", "home_tm_queries", None, 0),
        ("Matching precision (planted duplicates)", "matching_precision", "matching_precision", 3),
        ("Matching recall (planted duplicates)", "matching_recall", "matching_recall", 3),
        ("Planted duplicates / pairs found", None, None, 0),
        ("Generator throughput (people/s, bulk)", "generate_rate", None, 0),
        ("Generator time (s)", "generate_seconds", None, 0),
    ]
    names = list(results)
    width = 58
    header = f"{'Measure':<{width}}" + "".join(f"{n:>14}" for n in names) + f"{'Goal':>12}  Met"
    print()
    print(header)
    print("-" * len(header))
    for label, key, goal_key, digits in rows:
        cells = []
        for n in names:
            r = results[n]
            if key is None:
                value = (
                    f"{r.get('matching_planted', '–')}/{r.get('matching_found', '–')}"
                    if "matching_planted" in r
                    else "–"
                )
            else:
                value = (
                    fmt(r.get(key), digits)
                    if digits
                    else fmt(int(r[key]) if r.get(key) is not None else None)
                )
            cells.append(f"{value:>14}")
        goal, met = "", ""
        if goal_key:
            text, ok = GOALS[goal_key]
            values = [
                results[n].get(goal_key) for n in names if results[n].get(goal_key) is not None
            ]
            goal = text
            met = "yes" if values and all(ok(v) for v in values) else "NO"
        print(f"{label:<{width}}" + "".join(cells) + f"{goal:>12}  {met}")


if __name__ == "__main__":
    main()

"""The demo logins: one per role, all with the same password."""

from lantern.accounts.models import User
from lantern.accounts.roles import Role
from lantern.synthetic.plan import DEMO_LOGINS, DEMO_PASSWORD

FULL_SIZE_HINT = (
    "To build the full-size authority (about 35,000 children), into an empty database:\n"
    "  uv run python manage.py generate_la --seed 1 --scale 1.0 --bulk"
)


def logins_table() -> str:
    """The demo logins that exist, as a table of role, username and password."""
    present = set(
        User.objects.filter(username__in=[u for u, _, _ in DEMO_LOGINS.values()]).values_list(
            "username", flat=True
        )
    )
    rows = [
        (Role(role).label, username, DEMO_PASSWORD)
        for role, (username, _, _) in DEMO_LOGINS.items()
        if username in present
    ]
    if not rows:
        return "No demo logins in this database."
    header = ("Role", "Username", "Password")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)

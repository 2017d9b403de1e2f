"""The calendar's closure days and the local rule settings, read once per web request.

Every page works out due dates, and a busy page (a team's work list, a child's record) asks
for the calendar and the rule settings in a dozen places. Within `shared_reads()` — the
middleware below wraps each request in it — the first ask reads the database and the rest
share the answer. Outside it (commands, imports, tests calling services) each ask reads
afresh, as before. The timescale services forget the shared answers when they change them, so
a request that edits the calendar sees its own change.
"""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_SHARED: ContextVar[dict | None] = ContextVar("lantern_timescales_shared", default=None)
_SELECTION: ContextVar[dict | None] = ContextVar("lantern_selection_shared", default=None)


@contextmanager
def shared_reads() -> Iterator[None]:
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(key: str, load: Callable[[], T]) -> T:
    """`load()`, once per shared_reads() block (every time outside one)."""
    memo = _SHARED.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]


def forget_shared() -> None:
    memo = _SHARED.get()
    if memo is not None:
        memo.clear()


class SharedReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with shared_reads():
            return self.get_response(request)


# -- one selection of children, read by several checks and work providers ----------------------


@contextmanager
def shared_selection() -> Iterator[None]:
    """Within the block, a selector marked @per_selection runs once for the same children, day
    and calendar, however many checks and work providers ask for it (a team's work list asks
    for each child protection timescale twice: once for what is due, once for the checks).
    Only for reads that nothing in the block writes to."""
    token = _SELECTION.set({})
    try:
        yield
    finally:
        _SELECTION.reset(token)


def per_selection(fn: Callable[..., T]) -> Callable[..., T]:
    """Share `fn(person_ids, today, calendar)` within shared_selection(); calls with keyword
    options, or outside a block, run as usual. The children are matched by identity (the same
    list or queryset object), which the memo holds so that no other object can take its id."""

    @functools.wraps(fn)
    def wrapper(person_ids, today, calendar, **options):
        memo = _SELECTION.get()
        if memo is None or options:
            return fn(person_ids, today, calendar, **options)
        key = (fn.__qualname__, id(person_ids), today, id(calendar))
        hit = memo.get(key)
        if hit is not None and hit[0] is person_ids and hit[1] is calendar:
            return hit[2]
        result = fn(person_ids, today, calendar)
        memo[key] = (person_ids, calendar, result)
        return result

    return wrapper

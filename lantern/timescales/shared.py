"""The calendar's closure days and the local rule settings, read once per web request.

Every page works out due dates, and a busy page (a team's work list, a child's record) asks
for the calendar and the rule settings in a dozen places. Within `shared_reads()` — the
middleware below wraps each request in it — the first ask reads the database and the rest
share the answer. Outside it (commands, imports, tests calling services) each ask reads
afresh, as before. The timescale services forget the shared answers when they change them, so
a request that edits the calendar sees its own change.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_SHARED: ContextVar[dict | None] = ContextVar("lantern_timescales_shared", default=None)


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

"""Waiting longer after each failure in a row: the one formula (`backoff_delay`) for every
retry schedule — the worker's database outages, webhook pushes, frontend cache purges.

`Backoff` waits out a database that is briefly unavailable: locked (SQLite), restarting or
unreachable (PostgreSQL). The worker's loops catch `DATABASE_ERRORS`, call
`Backoff.failed()` and try again: it logs the failure, drops the broken connection so that
the next try reconnects, and waits a little longer after each failure in a row, up to `cap`
seconds.
"""

import contextlib
import logging
import threading
import time
from dataclasses import dataclass

from django.db import DatabaseError, InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

# What a lock, a restart or a lost network does to a query; errors in the SQL itself
# (ProgrammingError, IntegrityError) are bugs and are not waited out.
DATABASE_ERRORS = (OperationalError, InterfaceError)


def backoff_delay(failures: int, *, first: float, longest: float) -> float:
    """Seconds to wait after the `failures`-th failure in a row: first, 2×first, 4×first…
    never more than `longest`."""
    return min(longest, first * 2 ** max(failures - 1, 0))


@dataclass
class Backoff:
    """Seconds to wait after each failure in a row: `first`, doubling, at most `cap`."""

    first: float = 0.5
    cap: float = 10.0
    failures: int = 0

    def delay(self) -> float:
        return backoff_delay(self.failures, first=self.first, longest=self.cap)

    def failed(self, what: str, error: Exception, stop: threading.Event | None = None) -> None:
        """Log the failure, drop this thread's connections and wait before the next try."""
        self.failures += 1
        delay = self.delay()
        # The first failure of a run gets its traceback; the ones after it, a line each.
        logger.warning(
            "%s failed (%s: %s); try %d again in %.1f s",
            what,
            type(error).__name__,
            str(error).strip() or "no message",
            self.failures + 1,
            delay,
            exc_info=self.failures == 1,
        )
        connections_drop()
        if stop is None:
            time.sleep(delay)
        else:
            stop.wait(delay)

    def succeeded(self) -> None:
        self.failures = 0


def connections_drop() -> None:
    """Close this thread's database connections, even broken ones: the next query opens a
    fresh one."""
    for connection in connections.all(initialized_only=True):
        # Closing a connection the server already dropped fails too; it is gone either way.
        with contextlib.suppress(DatabaseError):
            connection.close()


def retry_database_errors(call, *, what: str):
    """Call `call()` until no database error stops it; return what it returns."""
    backoff = Backoff()
    while True:
        try:
            return call()
        except DATABASE_ERRORS as error:
            backoff.failed(what, error)

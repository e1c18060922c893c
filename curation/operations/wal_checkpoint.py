"""SQLite's write-ahead log copied back into the database after a response, not during
a request.

In WAL mode every commit appends its pages to the log, and SQLite copies the log back
into the database file (a checkpoint, with two fsyncs) inside whichever commit takes
the log past ``wal_autocheckpoint`` pages. So one request in many paid for everyone's
writes: a bulk import of 2,000 articles spent 100 of its 360 ms checkpointing. Here
the threshold is raised (settings.py's ``SQLITE_WAL_AUTOCHECKPOINT``) and, when a
response is closed (``request_finished``), a PASSIVE checkpoint copies what the log
holds, whoever wrote it: it waits for nobody, and costs microseconds when there is
nothing to copy. Under gunicorn a response with a length (every page and API answer)
has reached the client by then, so nobody waits for it (but the worker is busy until it
is done). A streamed export whose end is marked by closing the connection (HTTP/1.0, as
behind some proxies) ends for its client only after it. The threshold stays as a bound
for work outside requests (the command-line import) and for a request that writes more
than it.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)


def checkpoint_after_response(**_signal) -> None:
    """``request_finished``'s receiver: a PASSIVE checkpoint on each open SQLite
    connection that is not inside a transaction."""
    for connection in connections.all(initialized_only=True):
        if connection.vendor != "sqlite" or connection.connection is None:
            continue  # not SQLite, or closed (by close_old_connections, just before)
        if connection.in_atomic_block:
            continue  # a checkpoint cannot run inside a transaction
        try:
            checkpoint(connection)
        except DatabaseError as error:  # the response has gone: nothing to tell anyone
            logger.warning("The WAL checkpoint after a response failed: %s", error)


def checkpoint(connection) -> tuple[int, int, int]:
    """``PRAGMA wal_checkpoint(PASSIVE)``: (1 if it could not run, frames in the log,
    frames copied); (0, -1, -1) for a database not in WAL mode."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        return tuple(cursor.fetchone())

"""Reading a large batch on a second core: helper processes read chunks of it while the
request's own process reads the first chunk and then saves.

A request handles a bulk import in one process, and reading (cleaning and metadata
detection) is a third of its time. With ``processes`` helpers, every chunk but the first
is handed to them as soon as the batch arrives, so by the time the request's process
has read and saved the first chunk the next ones are ready. The helpers are spawned
(not forked: a forked child would share the database connection's file locks) once per
process, on first use or by ``start_helpers``, and live as long as it does.

If a helper dies, its chunks are read in this process instead and the pool is started
afresh next time: a helper's failure costs time, never an item.

The helpers share their server process's process group, so a Ctrl-C in a terminal or a
service manager's SIGTERM reaches them too. They are started with both signals blocked
and end when their server process, stopping, shuts the pool down, or as soon as it is
gone, if it was killed before it could. Interrupted first, a helper printed a traceback
(KeyboardInterrupt) into the server's log, and one stopped while its server process was
starting made that start fail (gunicorn: "Worker failed to boot", with a traceback).
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

logger = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def start_helpers[C](processes: int, warm_up: Callable[[C], object] = int, sample: C = 0) -> None:
    """Start the helpers now (at server start) rather than in the first large import,
    which would otherwise wait for them, and have them run ``warm_up(sample)`` (a
    module-level function): a helper loads the code it runs on first use, and the first
    large import waited for that too."""
    pool = _helpers(processes)
    if pool is not None:
        for done in [_submit(pool, warm_up, sample) for _ in range(processes)]:
            done.result()


def mapped_in_order[C, R](
    read: Callable[[C], list[R]], chunks: Sequence[C], *, processes: int
) -> Iterator[R]:
    """``read(chunk)`` for each chunk, item by item in the chunks' order: the first chunk
    in this process, the others by ``processes`` helpers meanwhile (or here too when
    ``processes`` is 0). ``read`` must be a module-level function the helpers can import."""
    pool = _helpers(processes) if len(chunks) > 1 else None
    pending = [
        _submitted(pool, read, chunk) if index else None for index, chunk in enumerate(chunks)
    ]
    for chunk, future in zip(chunks, pending, strict=True):
        yield from _result(future, read, chunk)


def _submitted[C](pool: ProcessPoolExecutor | None, read: Callable, chunk: C) -> Future | None:
    if pool is None:
        return None
    try:
        return _submit(pool, read, chunk)
    except (BrokenProcessPool, RuntimeError):  # a helper died; the pool takes no more work
        _forget()
        return None


def _submit(pool: ProcessPoolExecutor, call: Callable, argument: object) -> Future:
    """``pool.submit``, which starts a helper when none is idle: the helper starts with
    SIGINT and SIGTERM blocked, as the calling thread has them meanwhile (a process
    inherits its parent thread's signal mask), and never unblocks them."""
    with _stop_signals_blocked():
        return pool.submit(call, argument)


def _end_with_the_server_process() -> None:
    """In each helper as it starts: end it when the process that started it ends, however
    that ends. A server process killed outright (gunicorn's timeout, the OOM killer, a
    ``kill`` of its pid alone) runs no exit handler to shut its pool down, and its
    helpers, waiting for work, were left running for good."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        watch = threading.Thread(target=_exit_once_gone, args=(parent.sentinel,), daemon=True)
        watch.start()


def _exit_once_gone(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


@contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _result[C, R](future: Future | None, read: Callable[[C], list[R]], chunk: C) -> list[R]:
    if future is None:
        return read(chunk)
    try:
        return future.result()
    except BrokenProcessPool:
        logger.warning("An import helper process stopped; its chunk is read here instead.")
        _forget()
        return read(chunk)


def _helpers(processes: int) -> ProcessPoolExecutor | None:
    global _pool, _pool_size
    if processes < 1:
        return None
    if _pool is None or _pool_size != processes:
        _forget()
        _pool = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_end_with_the_server_process,
        )
        _pool_size = processes
    return _pool


def _forget() -> None:
    """Drop the pool: the next large import starts a new one."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None

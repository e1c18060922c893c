"""Stopping a server process that has import helpers: Ctrl-C in a terminal (SIGINT) or
a service manager's SIGTERM reaches the whole process group, helpers included. The
helpers leave the stopping to their server process, which shuts them down as it exits:
nothing is printed, and no helper outlives it. A server process killed outright (gunicorn's
timeout, the OOM killer) shuts nothing down: its helpers end on their own."""

import os
import signal
import subprocess
import sys
import time

import pytest

# A server process as gunicorn's workers are one: it exits (running its exit handlers,
# which shut the pool down) on SIGINT or SIGTERM.
SERVER_PROCESS = """
import signal, sys, time
from curation.articles.importing.parallel import start_helpers

def stop(number, frame):
    sys.exit(0)

signal.signal(signal.SIGINT, stop)
signal.signal(signal.SIGTERM, stop)
start_helpers(2)
print("ready", flush=True)
time.sleep(120)
"""


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_the_helpers_stop_quietly_with_their_server_process(stop_signal):
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER_PROCESS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    try:
        assert server.stdout.readline() == "ready\n"
        os.killpg(server.pid, stop_signal)
        _, printed = server.communicate(timeout=30)
        deadline = time.monotonic() + 10
        while _group_alive(server.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group_alive(server.pid), "a helper outlived its server process"
        assert printed == ""
        assert server.returncode == 0
    finally:
        if _group_alive(server.pid):
            os.killpg(server.pid, signal.SIGKILL)


def test_the_helpers_end_when_their_server_process_is_killed_outright():
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER_PROCESS],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout.readline() == "ready\n"
        os.kill(server.pid, signal.SIGKILL)  # the server process alone: no exit handler runs
        server.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _group_alive(server.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group_alive(server.pid), "a helper outlived its killed server process"
    finally:
        if _group_alive(server.pid):
            os.killpg(server.pid, signal.SIGKILL)

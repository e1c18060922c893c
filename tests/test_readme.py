"""Every command the README shows works as written, in the checkout where quickstart ran.

The commands are read from the README itself: each line of its ```sh blocks and each
inline `code` that starts like a command. Each step of each command (steps are joined
by ``&&``) is one test below, chosen by what the step does:

- installing (a venv, pip, apt-get): the same step CI runs, so it is checked against
  ``.ci/run`` rather than run again over the venv every other test is using;
- the test suite: CI runs the README's test command exactly; other pytest commands are
  run with ``--collect-only``, so their options are checked without running the suite
  inside itself;
- ``manage.py`` commands: run in a fresh data folder where quickstart has run, with
  none of the test suite's settings in the environment, as a newcomer would. The
  quickstart that serves is started on a free port, fetched from, and stopped;
  ``benchmark`` runs with ``--quick``;
- the comparison with Label Studio: its options are parsed by its own parser (it
  installs Label Studio and runs for ten minutes; ``benchmark --quick`` runs its desk side);
- anything else the README shows (the other benchmarks) is run as written.

A synopsis such as ``find_dates [--reference YYYY-MM-DD] [FILE|-]`` is run twice: bare,
and with an example for each placeholder (``EXAMPLES``).
"""

import os
import queue
import re
import shlex
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.benchmarks.peers import run as peers_run

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
CI_SCRIPT = (ROOT / ".ci" / "run").read_text()
COMMAND_STARTS = ("python", ".venv/bin/", "apt-get ", "pip ")
# Example values for the placeholders of a synopsis.
EXAMPLES = {
    "YYYY-MM-DD": "2024-06-26",
    "DATE": "2024-06-26",
    "SLUG": "financial-times",
    "PATH...": "seeds/",
    "FILE|-": "seeds/000_04889a4c5d51775a.txt",
}
SEED_TEXT = (ROOT / "seeds" / "000_04889a4c5d51775a.txt").read_text()
SERVER_START_TIMEOUT = 120


def readme_command(label: str) -> str:
    match = re.search(rf"^{label}[^\n]*:\s*```sh\n(.+?)\n```", README, re.S | re.M)
    assert match, f"README has no {label!r} command block"
    return match.group(1).strip()


def readme_commands() -> list[str]:
    """The commands the README shows, in order."""
    blocks = re.findall(r"```sh\n(.+?)\n```", README, re.S)
    in_blocks = [line for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    without_blocks = re.sub(r"```.*?```", "", README, flags=re.S)
    inline = re.findall(r"`([^`\n]+)`", without_blocks)
    return [
        command.strip()
        for command in in_blocks + inline
        if command.strip().startswith(COMMAND_STARTS)
    ]


def readme_steps() -> list[str]:
    steps = []
    for command in readme_commands():
        for step in command.split(" && "):
            if step.strip() not in steps:
                steps.append(step.strip())
    return steps


def expand(step: str) -> list[str]:
    """A synopsis as runnable commands: without its optional parts, and with all of them,
    placeholders filled from EXAMPLES. A plain command is returned as it is."""
    if not re.search(r"\[|\b[A-Z]{2,}\b|\.\.\.", step):
        return [step]
    bare = re.sub(r"\s*\[[^\]]*\]", "", step)
    full = re.sub(r"\[([^\]]*)\]", r"\1", step)
    runnable = []
    for command in dict.fromkeys([bare, full]):
        for placeholder, example in EXAMPLES.items():
            command = command.replace(placeholder, example)
        unknown = re.findall(r"\b[A-Z][A-Z_-]+\b|\.\.\.|\|", command)
        assert not unknown, f"{step!r}: give EXAMPLES a value for {unknown}"
        runnable.append(command)
    return runnable


def clean_environment(data_dir: Path) -> dict[str, str]:
    """A newcomer's environment: none of the suite's settings, a fresh data folder."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "CURATION_"))
    }
    return env | {"CURATION_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def demo_checkout(tmp_path_factory) -> dict[str, str]:
    """The environment of a checkout where quickstart has run."""
    env = clean_environment(tmp_path_factory.mktemp("var"))
    result = subprocess.run(
        [".venv/bin/python", "manage.py", "quickstart", "--no-serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_until(process: subprocess.Popen, marker: str, *, timeout: float) -> str:
    """What the process printed up to and including ``marker``."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line) for line in process.stdout], daemon=True
    ).start()
    seen = ""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        try:
            seen += lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            pytest.fail(f"Still no {marker!r} after {timeout} s. It printed:\n{seen}")
        assert process.poll() is None or not lines.empty(), f"It stopped:\n{seen}"
    return seen


def serve_and_stop(command: str, env: dict[str, str]) -> tuple[str, int]:
    """Start a quickstart that serves, on a free port; fetch the login page; stop it."""
    port = free_port()
    argv = shlex.split(command)
    if "--port" in argv:
        argv[argv.index("--port") + 1] = str(port)
    else:
        argv += ["--port", str(port)]
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        printed = read_until(process, "Quit the server with", timeout=SERVER_START_TIMEOUT)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as response:
            status = response.status
            assert b"Log in" in response.read()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert f"Open http://127.0.0.1:{port}/" in printed
    return printed, status


def run(command: str, env: dict[str, str], *, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        shell=True,
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_readme_shows_commands_this_file_runs():
    steps = readme_steps()
    assert ".venv/bin/python manage.py quickstart" in steps
    assert any("import_articles" in step for step in steps)
    assert len(steps) >= 8


def test_ci_runs_the_readme_test_command_exactly():
    command = readme_command("Run the tests")
    assert command in CI_SCRIPT


def test_the_run_command_uses_quickstart():
    assert readme_command("Run it").endswith("manage.py quickstart")


@pytest.mark.parametrize("step", readme_steps())
def test_each_readme_command_works_as_written(step, request):
    if step.startswith(("python3 -m venv", ".venv/bin/pip install")):
        # Installing the desk without its test tools is part of what CI installs.
        with_test_tools = re.sub(r"-e \.$", '-e ".[test]"', step)
        assert with_test_tools in CI_SCRIPT, f"CI does not run the setup step {step!r}"
    elif step.startswith("apt-get install"):
        for package in step.split()[2:]:
            assert re.search(rf"needs\+=\({re.escape(package)}\)", CI_SCRIPT), package
            assert 'apt-get install -y -qq "${needs[@]}"' in CI_SCRIPT
    elif step == ".venv/bin/pytest":
        assert readme_command("Run the tests").endswith(step)  # CI runs it: see above
    elif step.startswith(".venv/bin/pytest "):
        result = run(f"{step} --collect-only -q -p no:cacheprovider", os.environ.copy())
        assert result.returncode == 0, result.stdout + result.stderr
        collected = [line for line in result.stdout.splitlines() if "::" in line]
        assert collected and all(line.startswith("tests/") for line in collected)
        if "not e2e" in step:
            assert not [line for line in collected if line.startswith("tests/e2e/")]
    elif " manage.py quickstart" in step:
        env = request.getfixturevalue("demo_checkout")
        printed, status = serve_and_stop(step, env)
        assert status == 200
        assert "Seed articles: 0 imported, 3 already there." in printed
    elif step.endswith(" manage.py benchmark"):
        # The full run takes minutes and is measured quiet; --quick runs each one small.
        result = run(f"{step} --quick", request.getfixturevalue("demo_checkout"))
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
        assert "| benchmark " in result.stdout and "Traceback" not in result.stderr
    elif " manage.py " in step:
        env = request.getfixturevalue("demo_checkout")
        for command in expand(step):
            result = run(command, env, stdin=SEED_TEXT)
            assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
            assert "Traceback" not in result.stderr, result.stderr
    elif step.startswith(".venv/bin/python tests/benchmarks/peers/run.py"):
        # The comparison installs Label Studio (1 GB) and runs for ten minutes or more, so
        # its options are checked by its own parser; its desk side runs in benchmark --quick.
        options = shlex.split(step, comments=True)[2:]
        assert peers_run.arguments(options).scale in (1, 10)
    elif step.startswith(".venv/bin/python tests/benchmarks/"):
        result = run(step, clean_environment(request.getfixturevalue("tmp_path")))
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr
    else:
        pytest.fail(f"The README shows {step!r}, and this test does not know how to run it.")


def test_import_articles_after_quickstart_reads_the_seeds_and_skips_their_readme(
    demo_checkout,
):
    result = run(".venv/bin/python manage.py import_articles seeds/", demo_checkout)
    assert result.returncode == 0, result.stderr
    assert "skipped  seeds/README.md: a README file, not an article" in result.stdout
    assert "0 imported, 3 already there, 0 failed (3 files; 1 skipped" in result.stdout

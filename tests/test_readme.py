"""The README's two commands are the ones newcomers and CI run."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_command(label: str) -> str:
    text = (ROOT / "README.md").read_text()
    match = re.search(rf"^{label}[^\n]*:\s*```sh\n(.+?)\n```", text, re.S | re.M)
    assert match, f"README has no {label!r} command block"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command_exactly():
    command = readme_command("Run the tests")
    assert command in (ROOT / ".ci" / "run").read_text()


def test_the_run_command_uses_quickstart():
    assert readme_command("Run it").endswith("manage.py quickstart")

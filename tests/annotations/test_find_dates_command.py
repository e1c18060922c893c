import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin: str | None = None) -> list[dict]:
    out = io.StringIO()
    if stdin is not None:
        sys_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command("find_dates", *args, stdout=out)
    finally:
        if stdin is not None:
            sys.stdin = sys_stdin
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_seed_000_against_an_editors_reference_date():
    text = (SEEDS / "000_04889a4c5d51775a.txt").read_text(encoding="utf-8")
    found = run(str(SEEDS / "000_04889a4c5d51775a.txt"), "--reference", "2024-06-26")
    by_text = {row["text"]: row["value"] for row in found}
    assert by_text["last Thursday"] == "2024-06-20"
    assert by_text["mid-July"] == "2024-07-11/2024-07-20"
    assert by_text["July 24"] == "2024-07-24"
    for row in found:
        assert text[row["start"] : row["end"]] == row["text"]


def test_without_a_reference_relative_dates_stay_unresolved():
    found = run("-", stdin="The meeting was scheduled for last Thursday, in March 2023.")
    assert found == [
        {
            "start": 30,
            "end": 43,
            "text": "last Thursday",
            "value": None,
            "reason": "no publication date",
        },
        {"start": 48, "end": 58, "text": "March 2023", "value": "2023-03"},
    ]


def test_an_expression_that_counts_from_another_date_is_printed_with_its_reason():
    found = run(
        "-",
        "--reference",
        "2024-06-26",
        stdin="The mayor resigned on 3 May 2024 and left the day after.",
    )
    assert found == [
        {"start": 22, "end": 32, "text": "3 May 2024", "value": "2024-05-03"},
        {
            "start": 46,
            "end": 55,
            "text": "day after",
            "value": None,
            "reason": "refers to another date",
        },
    ]


def test_offsets_are_code_points():
    [row] = run("-", "--reference", "2024-10-09", stdin="🙂 YESTERDAY")
    assert row == {"start": 2, "end": 11, "text": "YESTERDAY", "value": "2024-10-08"}


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="No such file: nowhere.txt"):
        run("nowhere.txt")


def test_a_bad_reference_is_refused_from_the_command_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "find_dates", "--reference", "26/06/2024", "-"],
        cwd=ROOT,
        input="today",
        text=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
    )
    assert result.returncode != 0
    assert "'26/06/2024' is not a date; use YYYY-MM-DD" in result.stderr

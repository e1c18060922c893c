"""``manage.py benchmark``: each benchmark's figures in one table, with its target and
whether the median meets it; the recorders the benchmark scripts share."""

import json

import pytest
from django.core.management import CommandError, call_command

from curation.operations.management.commands import benchmark as command
from curation.operations.management.commands.benchmark import BENCHMARKS, benchmark_table
from tests.benchmarks import common


def test_every_benchmark_script_exists_and_records_its_figures():
    for benchmark in BENCHMARKS:
        script = common.ROOT / "tests" / "benchmarks" / benchmark.script
        assert "record_time(" in script.read_text() or "record_rate(" in script.read_text()


def test_quick_runs_print_one_table_with_targets_and_verdicts(capsys):
    call_command("benchmark", "--quick", "--only", "anchoring,find_dates")
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].split("|")[1:6]]
    assert header == ["benchmark", "workload", "median", "p95", "target"]
    anchoring = next(line for line in lines if "re-anchoring" in line)
    assert "1,000 annotations" in anchoring and "≤ 100 ms" in anchoring
    assert anchoring.rstrip(" |").endswith(("pass", "FAIL"))
    dates = next(line for line in lines if line.startswith("| find_dates"))
    assert "MB/s" in dates and "≥ 2 MB/s" in dates
    assert "cores" in out  # the machine the figures ran on


def test_every_benchmark_runs_in_its_quick_form(capsys):
    """Each script, on small workloads (about 45 s in all): a benchmark broken by a change
    stops the command with its output. On CI's PostgreSQL run this also shows that they
    keep to SQLite databases of their own, whatever DATABASE_URL says."""
    call_command("benchmark", "--quick")
    printed = capsys.readouterr()
    for benchmark in BENCHMARKS:
        assert f"  {benchmark.name}: " in printed.err  # "  import: 3 s", after it ran
    rows = [line for line in printed.out.splitlines() if line.startswith("| ")][2:]
    assert len(rows) > 2 * len(BENCHMARKS)


def test_an_unknown_benchmark_is_named_with_the_choices():
    with pytest.raises(CommandError, match="No benchmark named nope.*import, workspace"):
        call_command("benchmark", "--only", "nope")


def test_the_table_says_pass_fail_or_nothing_and_aligns_figures_right():
    rows = [
        {
            "name": "a",
            "workload": "w",
            "median": "5 ms",
            "p95": "9 ms",
            "target": "≤ 10 ms",
            "passed": True,
        },
        {
            "name": "bb",
            "workload": "w",
            "median": "50 ms",
            "p95": "90 ms",
            "target": "≤ 10 ms",
            "passed": False,
        },
        {
            "name": "c",
            "workload": "w",
            "median": "1 ms",
            "p95": "1 ms",
            "target": "—",
            "passed": None,
        },
    ]
    table = benchmark_table(rows).splitlines()
    assert table[1].startswith("|--") and "-:|" in table[1]
    assert table[2].rstrip().endswith("| pass |")
    assert table[3].rstrip().endswith("| FAIL |")
    assert table[4].rstrip().endswith("|      |")
    assert "|   5 ms |" in table[2] and "|  50 ms |" in table[3]  # under "median"


def test_the_recorders_write_median_p95_target_and_verdict(tmp_path, monkeypatch):
    results = tmp_path / "results.jsonl"
    monkeypatch.setenv(common.RESULTS_ENV, str(results))
    common.record_time("page", "100 rows", [10, 20, 30, 40, 100], target_ms=30)
    common.record_rate("import", "2,000 docs", [0.5, 0.4, 0.25], 2000, "docs/s", 5000)
    common.record_time("watched", "x", [1.0], target_ms=None)
    page, rate, watched = (json.loads(line) for line in results.read_text().splitlines())
    assert page == {
        "name": "page",
        "workload": "100 rows",
        "median": "30.0 ms",
        "p95": "88.0 ms",
        "target": "≤ 30 ms",
        "passed": True,
    }
    assert (rate["median"], rate["target"], rate["passed"]) == (
        "5,000 docs/s",
        "≥ 5,000 docs/s",
        True,
    )
    assert rate["p95"] == "4,082 docs/s"  # the slow tail: 2,000 / 0.49 s
    assert (watched["target"], watched["passed"]) == ("—", None)


def test_strict_fails_on_a_missed_target_and_says_which(tmp_path, monkeypatch):
    script = tmp_path / "bench_slow.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(common.ROOT)!r})\n"
        "from tests.benchmarks.common import record_time\n"
        "record_time('slow page', '1 row', [150.0, 160.0], 100)\n"
        "record_time('fast page', '1 row', [5.0], 100)\n"
    )
    monkeypatch.setattr(command, "SCRIPTS", tmp_path)
    monkeypatch.setattr(command, "BENCHMARKS", [command.Benchmark("slow", script.name, ())])
    call_command("benchmark")  # reports the miss, still succeeds
    with pytest.raises(CommandError, match="Missed: slow page$"):
        call_command("benchmark", "--strict")


def test_targets_are_read_from_labels():
    assert common.target_ms("(target <= 100 ms)") == 100
    assert common.target_ms("(target median <= 20 ms)") == 20
    assert common.target_ms("(target <= 1 s)") == 1000
    assert common.target_ms("") is None

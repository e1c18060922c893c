import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from curation.articles.models import Article, Source
from tests.factories import SourceFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
pytestmark = pytest.mark.django_db


def run_import(*args, capsys=None):
    call_command("import_articles", *map(str, args))
    return capsys.readouterr() if capsys else None


def test_imports_a_folder_of_seeds_with_detected_metadata(tmp_path, capsys):
    SourceFactory(name="Financial Times", slug="financial-times")
    folder = tmp_path / "seeds" / "nested"
    folder.mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "seeds" / ".hidden.txt").write_text("Not imported\n\nHidden files are skipped.")
    (tmp_path / "seeds" / "photo.jpg").write_bytes(b"\xff\xd8\xff")

    output = run_import(tmp_path / "seeds", capsys=capsys)

    assert "3 imported, 0 already there, 0 failed (3 files)." in output.out
    ft = Article.objects.get(title="Israel cancels defence minister's visit to US")
    assert ft.source.slug == "financial-times"
    assert ft.kicker == "Middle East war"
    assert ft.published_on is None and not ft.date_detected
    assert "YESTERDAY" in ft.import_notes
    dated = Article.objects.get(body__startswith="Prime Minister Benjamin Netanyahu reestablished")
    assert dated.published_on == date(2024, 6, 27) and dated.title_derived
    assert dated.raw_text.startswith(" date 2024-06-27")


def test_reimport_reports_already_imported_and_saves_nothing_twice(capsys):
    run_import(SEEDS / "000_04889a4c5d51775a.txt")
    article = Article.objects.get()

    call_command("import_articles", str(SEEDS / "000_04889a4c5d51775a.txt"), verbosity=2)
    output = capsys.readouterr()

    assert Article.objects.count() == 1
    assert f"already imported (article #{article.pk})" in output.out
    assert "0 imported, 1 already there, 0 failed" in output.out


def test_a_failed_file_is_reported_with_its_reason_and_exits_non_zero(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A title\n\nSome body text that is fine.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    with pytest.raises(CommandError) as raised:
        run_import(tmp_path)
    output = capsys.readouterr()

    assert raised.value.returncode == 1
    assert "1 imported, 0 already there, 2 failed" in output.out
    assert "empty.txt" in output.err and "empty" in output.err.lower()
    assert "photo.txt: This is a PNG image, not a text file" in output.err
    assert Article.objects.count() == 1


def test_exit_status_is_one_from_the_command_line(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(tmp_path / "empty.txt"),
         "--no-progress"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
             "CURATION_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 1, result.stderr
    assert "empty.txt" in result.stderr


def test_a_jsonl_file_with_a_bad_line_imports_nothing_and_names_the_line(tmp_path, capsys):
    rows = [
        {"title": "First", "body": "The first body.", "source": "Reuters"},
        {"title": "Second", "body": "The second body."},
        {"title": "Third, without a body"},
    ]
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text("\n".join(json.dumps(row) for row in rows) + "\n")

    with pytest.raises(CommandError):
        run_import(bulk)
    output = capsys.readouterr()

    assert "line 3" in output.err and '"body"' in output.err
    assert Article.objects.count() == 0
    assert not Source.objects.filter(name="Reuters").exists()


def test_jsonl_rows_become_articles_with_their_named_source(tmp_path, capsys):
    rows = [
        {"title": "First", "body": "The first body.", "source": "Reuters",
         "published_on": "2024-06-20", "url": "https://example.org/1"},
        {"body": "A second article without a title. It goes on.", "source": "reuters"},
    ]
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text("\n".join(json.dumps(row) for row in rows) + "\n")

    output = run_import(bulk, capsys=capsys)

    assert "2 imported" in output.out
    first, second = Article.objects.order_by("id")
    assert first.source == second.source and first.source.name == "Reuters"
    assert first.published_on == date(2024, 6, 20) and first.url == "https://example.org/1"
    assert second.title_derived and second.published_on is None
    assert first.format == "jsonl"


def test_source_and_published_on_options(tmp_path, capsys):
    source = SourceFactory(name="Axios", slug="axios")
    (tmp_path / "a.txt").write_text("A headline\n\nLast Thursday something happened.\n")

    run_import(tmp_path, "--source", "axios", "--published-on", "2024-06-26", capsys=capsys)

    article = Article.objects.get()
    assert article.source == source
    assert article.published_on == date(2024, 6, 26)
    assert not article.date_detected


def test_unknown_source_slug_is_refused_before_importing(tmp_path):
    (tmp_path / "a.txt").write_text("A headline\n\nBody text.\n")
    with pytest.raises(CommandError, match="No source with slug 'nope'"):
        run_import(tmp_path, "--source", "nope")
    assert Article.objects.count() == 0


def test_a_missing_path_is_a_failure_not_a_crash(tmp_path, capsys):
    with pytest.raises(CommandError):
        run_import(tmp_path / "nowhere.txt")
    assert "nowhere.txt: No such file or folder." in capsys.readouterr().err


def test_a_source_created_by_a_failed_jsonl_file_does_not_leak_into_the_next(tmp_path, capsys):
    (tmp_path / "a_bad.jsonl").write_text(
        json.dumps({"body": "One.", "source": "Reuters"}) + "\n" + json.dumps({"x": 1}) + "\n")
    (tmp_path / "b_good.jsonl").write_text(json.dumps({"body": "Two.", "source": "Reuters"}))

    with pytest.raises(CommandError):
        run_import(tmp_path)

    article = Article.objects.get()
    assert article.body == "Two." and article.source.name == "Reuters"
    assert Source.objects.filter(name="Reuters").count() == 1

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from curation.articles.importing.files import iter_import_files
from curation.articles.models import Article, Source
from curation.articles.services import articles_import_paths
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

    assert "3 imported, 0 already there, 0 failed (3 files; 2 skipped, listed above)." in (
        output.out
    )
    assert f"skipped  {tmp_path}/seeds/.hidden.txt: a hidden file" in output.out
    assert f"skipped  {tmp_path}/seeds/photo.jpg: not an article file" in output.out
    ft = Article.objects.get(title="Israel cancels defence minister's visit to US")
    assert ft.source.slug == "financial-times"
    assert ft.kicker == "Middle East war"
    assert ft.published_on is None and not ft.date_detected
    assert "YESTERDAY" in ft.import_notes
    dated = Article.objects.get(body__startswith="Prime Minister Benjamin Netanyahu reestablished")
    assert dated.published_on == date(2024, 6, 27) and dated.title_derived
    assert dated.raw_text.startswith(" date 2024-06-27")


def test_the_seed_folder_imports_its_three_articles_and_skips_its_readme(capsys):
    output = run_import(SEEDS, capsys=capsys)

    assert "3 imported, 0 already there, 0 failed (3 files; 1 skipped, listed above)." in (
        output.out
    )
    assert f"skipped  {SEEDS}/README.md: a README file, not an article" in output.out
    assert Article.objects.count() == 3
    assert not Article.objects.filter(title="Seed articles").exists()


def test_project_files_and_hidden_folders_in_a_folder_are_skipped_and_listed(tmp_path, capsys):
    for name in ["LICENSE.txt", "CHANGELOG.md", "CONTRIBUTING.md", "NOTICE", "readme.txt"]:
        (tmp_path / name).write_text(f"{name}\n\nThis is not a news article at all.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "story.txt").write_text("Hidden\n\nInside a hidden folder.\n")
    (tmp_path / "notice.txt").write_text("Notice to residents\n\nA story about a notice.\n")

    output = run_import(tmp_path, capsys=capsys)

    assert "1 imported, 0 already there, 0 failed (1 file; 6 skipped, listed above)." in (
        output.out
    )
    assert Article.objects.get().title == "Notice to residents"
    for name, kind in [
        ("LICENSE.txt", "LICENSE"),
        ("CHANGELOG.md", "CHANGELOG"),
        ("NOTICE", "NOTICE"),
        ("readme.txt", "README"),
    ]:
        assert f"skipped  {tmp_path}/{name}: a {kind} file, not an article" in output.out
    assert f"skipped  {tmp_path}/.git: a hidden folder: nothing in it was read" in output.out


def test_a_file_named_on_its_own_is_read_whatever_its_name(tmp_path, capsys):
    (tmp_path / "README.md").write_text("A story kept in a README\n\nIt is read when named.\n")
    output = run_import(tmp_path / "README.md", capsys=capsys)
    assert "1 imported, 0 already there, 0 failed (1 file)." in output.out
    assert "skipped" not in output.out


def test_a_long_list_of_skipped_files_is_cut_short(tmp_path, capsys):
    for n in range(25):
        (tmp_path / f"photo{n:02d}.jpg").write_bytes(b"\xff\xd8\xff")
    output = run_import(tmp_path, capsys=capsys)
    assert output.out.count("skipped  ") == 21
    assert "skipped  … and 5 more" in output.out
    assert "0 imported, 0 already there, 0 failed (0 files; 25 skipped, listed above)." in (
        output.out
    )


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
        [
            sys.executable,
            "manage.py",
            "import_articles",
            str(tmp_path / "empty.txt"),
            "--no-progress",
        ],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "CURATION_DATA_DIR": str(tmp_path / "data"),
        },
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
        {
            "title": "First",
            "body": "The first body.",
            "source": "Reuters",
            "published_on": "2024-06-20",
            "url": "https://example.org/1",
        },
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


def import_in_batches_of_one(*paths: Path):
    """Save after every article, so that a later failure must undo earlier writes."""
    return list(articles_import_paths(files=iter_import_files(paths), batch_size=1))


def test_a_jsonl_file_is_imported_whole_or_not_at_all(tmp_path):
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(
        json.dumps({"body": "Saved first.", "source": "Reuters"})
        + "\n"
        + json.dumps({"body": "Saved second."})
        + "\n"
        + "{not json\n"
    )

    [(_, outcomes)] = import_in_batches_of_one(bulk)

    assert [outcome.status for outcome in outcomes] == ["failed"]
    assert outcomes[0].where == "bulk.jsonl, line 3"
    assert "Nothing from this file was imported." in outcomes[0].message
    assert Article.objects.count() == 0
    assert not Source.objects.exists()


def test_a_source_created_by_a_failed_jsonl_file_does_not_leak_into_the_next(tmp_path):
    (tmp_path / "a_bad.jsonl").write_text(
        json.dumps({"body": "One.", "source": "Reuters"}) + "\n" + json.dumps({"x": 1}) + "\n"
    )
    (tmp_path / "b_good.jsonl").write_text(json.dumps({"body": "Two.", "source": "Reuters"}))

    results = import_in_batches_of_one(tmp_path)

    assert [outcome.status for _, outcomes in results for outcome in outcomes] == [
        "failed",
        "imported",
    ]
    article = Article.objects.get()
    assert article.body == "Two." and article.source.name == "Reuters"
    assert Source.objects.filter(name="Reuters").count() == 1


def test_command_line_imports_are_credited_to_nobody_even_after_a_web_edit(tmp_path, annotator):
    from datetime import date as date_

    from curation.articles.services import article_update_metadata

    (tmp_path / "a.txt").write_text("A headline\n\nBody text.\n")
    run_import(tmp_path)
    article = Article.objects.get()

    article_update_metadata(
        article=article, changes={"published_on": date_(2024, 6, 26)}, changed_by=annotator
    )

    created, changed = article.history.order_by("history_id")
    assert created.history_user is None and created.history_change_reason == "imported"
    assert changed.history_user == annotator


def test_an_unsafe_url_in_a_jsonl_row_is_dropped(tmp_path):
    rows = [
        {"body": "One.", "url": "javascript:alert(document.cookie)"},
        {"body": "Two.", "url": "https://example.org/two"},
        {"body": "Three.", "url": "/relative/path"},
    ]
    (tmp_path / "bulk.jsonl").write_text("\n".join(json.dumps(row) for row in rows))

    run_import(tmp_path)

    assert list(Article.objects.order_by("id").values_list("url", flat=True)) == [
        "",
        "https://example.org/two",
        "",
    ]


def test_a_concurrent_import_of_the_same_text_is_reported_as_already_there(monkeypatch):
    from django.db import IntegrityError

    from curation.articles import services
    from tests.factories import ArticleFactory

    # Another editor saved the same text after our lookup and before our insert: the
    # first attempt hits the unique content hash, the retry finds their article.
    rival = ArticleFactory(body="Raced body.", source=None)
    real_save_new, attempts = services._save_new, []

    def save_losing_the_race_once(batch):
        attempts.append(batch)
        if len(attempts) == 1:
            raise IntegrityError("UNIQUE constraint failed: articles_article.content_hash")
        return real_save_new(batch)

    monkeypatch.setattr(services, "_save_new", save_losing_the_race_once)
    article = ArticleFactory.build(source=None, body="Raced body.")

    [outcome] = services.articles_save(batch=[("raced.txt", article)])

    assert len(attempts) == 2
    assert outcome.status == "already" and outcome.article_id == rival.pk
    assert Article.objects.count() == 1


def test_other_integrity_errors_are_not_retried(monkeypatch):
    from django.db import IntegrityError

    from curation.articles import services
    from tests.factories import ArticleFactory

    calls = []

    def broken_insert(articles):
        calls.append(1)
        raise IntegrityError("NOT NULL constraint failed")

    monkeypatch.setattr(services, "_insert", broken_insert)
    with pytest.raises(IntegrityError):
        services.articles_save(batch=[("x", ArticleFactory.build(source=None))])
    assert len(calls) == 1


def test_a_future_publication_date_is_imported_but_listed_to_check(tmp_path, capsys):
    (tmp_path / "future.txt").write_text(
        "A headline\n\nPublished: 1 January 2031\n\nThe talks resumed, officials said.\n"
    )
    (tmp_path / "past.txt").write_text(
        "Another headline\n\nPublished: 1 January 2024\n\nThe talks ended, officials said.\n"
    )

    output = run_import(tmp_path, capsys=capsys)

    future = Article.objects.get(title="A headline")
    assert future.published_on == date(2031, 1, 1)
    assert (
        f"check   future.txt (article #{future.pk}): its publication date, 1 January 2031, "
        "is in the future. Check it." in output.out
    )
    assert "past.txt" not in output.out
    assert "2 imported, 0 already there, 0 failed (2 files; 1 to check, listed above)." in (
        output.out
    )
    assert (
        "When it was imported, its publication date, 1 January 2031, is in the future. "
        "Check it." in future.import_notes
    )
    assert Article.objects.get(title="Another headline").import_notes == ""


def test_a_future_date_from_the_option_is_listed_too(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("A headline\n\nNo date in this text.\n")
    output = run_import(tmp_path, "--published-on", "2031-01-01", capsys=capsys)
    assert "its publication date, 1 January 2031, is in the future" in output.out


def test_a_future_date_in_a_jsonl_row_is_listed_with_its_line(tmp_path, capsys):
    rows = [
        {"body": "One.", "published_on": "2031-01-01"},
        {"body": "Two.", "published_on": "2024-01-01"},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(row) for row in rows))
    output = run_import(tmp_path, capsys=capsys)
    article = Article.objects.get(body="One.")
    assert f"check   feed.jsonl, line 1 (article #{article.pk}): its publication date" in output.out
    assert "1 to check" in output.out

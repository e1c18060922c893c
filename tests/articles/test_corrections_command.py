"""``manage.py correct_article ARTICLE_ID FILE --reason``: an updated file applied as a
correction, one JSON line per annotation, a summary on stderr; errors change nothing."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from curation.annotations.models import Mention, Status
from curation.articles.models import Article, ArticleRevision
from tests.corrections import mark, nth, record_event

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_410c50c9ff093c32.txt"
KEYS = ["id", "kind", "rule", "old_start", "old_end", "new_start", "new_end", "status"]


@pytest.fixture
def article() -> Article:
    call_command("import_articles", str(SEED), verbosity=0)
    return Article.objects.get()


def corrected_file(tmp_path, old: str, new: str) -> Path:
    """The seed's file with one edit: what an outlet's updated version looks like."""
    text = SEED.read_text()
    assert text.count(old) == 1
    path = tmp_path / "updated.txt"
    path.write_text(text.replace(old, new))
    return path


def run(*args) -> tuple[list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("correct_article", *map(str, args), stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_a_corrected_file_moves_every_annotation_and_says_how(article, tmp_path):
    body = article.body
    gallant = mark(article, "Yoav Gallant", status=Status.APPROVED)  # before the edit
    postponing = record_event(
        article, "minister Gallant will be postponing his trip to Washington"
    )  # before the edit too
    austin = mark(article, "Lloyd Austin")  # deleted by the edit
    singh = mark(article, "Singh", occurrence=1)  # after it: "Singh insisted"
    path = corrected_file(
        tmp_path,
        "Defence secretary Lloyd Austin had been scheduled to host",
        "The Pentagon had been due to host",
    )
    lines, summary = run(article.pk, path, "--reason", "the outlet's update")

    article.refresh_from_db()
    assert article.body != body and "The Pentagon had been due" in article.body
    assert all(list(line) == KEYS for line in lines)
    by_id = {(line["kind"], line["id"]): line for line in lines}
    assert by_id["mention", gallant.pk] == {
        "id": gallant.pk,
        "kind": "mention",
        "rule": "position",
        "old_start": gallant.start,
        "old_end": gallant.end,
        "new_start": gallant.start,
        "new_end": gallant.end,
        "status": "ok",
    }
    assert by_id["mention", austin.pk] == {
        "id": austin.pk,
        "kind": "mention",
        "rule": "orphan",
        "old_start": austin.start,
        "old_end": austin.end,
        "new_start": None,
        "new_end": None,
        "status": "orphan",
    }
    moved = by_id["mention", singh.pk]
    assert (moved["rule"], moved["status"]) == ("diff", "ok")
    assert moved["new_start"] == nth(article.body, "Singh insisted")
    assert moved["new_start"] - moved["old_start"] == len(article.body) - len(body)
    event = by_id["event", postponing.pk]
    assert (event["rule"], event["status"], event["new_start"]) == (
        "position",
        "ok",
        postponing.start,
    )
    assert summary == (
        f"Article #{article.pk}: Revision 2 saved: 3 annotations kept on their words, "
        "0 to check, 1 orphan.\n"
    )
    revision = article.revisions.get(number=2)
    assert (revision.reason, revision.author) == ("the outlet's update", None)


def test_the_file_goes_through_the_import_pipeline(article, tmp_path):
    """The header (kicker, title, standfirst, byline) and the markup are read as an
    import reads them: only the body's edit reaches the article."""
    path = corrected_file(tmp_path, "deputy Pentagon press", "Deputy Pentagon press")
    run(article.pk, path, "--reason", "capital")
    article.refresh_from_db()
    assert article.body.count("Deputy Pentagon press") == 1
    assert "Israel cancels defence minister's visit to US" not in article.body
    assert article.revisions.count() == 2


@pytest.mark.parametrize(
    "case, message",
    [
        ("unknown id", "There is no article #"),
        ("missing file", "No such file or folder"),
        ("empty file", "is empty"),
        ("only a title", "no article text left"),
        ("a folder", "is a folder"),
        ("a JSON Lines file", "holds many articles"),
        ("an unsupported file", "Unsupported file type"),
        ("the same text", "the same as the current one"),
        ("no reason", "Say why the text is corrected"),
    ],
)
def test_errors_are_clear_and_change_nothing(article, tmp_path, case, message):
    mention = mark(article, "Sabrina Singh")
    article_id, path, reason = article.pk, tmp_path / "updated.txt", "typo"
    if case == "unknown id":
        article_id = article.pk + 100
        path.write_text(SEED.read_text().replace("Tuesday", "Monday"))
    elif case == "empty file":
        path.write_text("")
    elif case == "only a title":
        path.write_text("# A title\n")
        path = path.rename(tmp_path / "updated.md")
    elif case == "a folder":
        path = tmp_path
    elif case == "a JSON Lines file":
        path = tmp_path / "updated.jsonl"
        path.write_text('{"title": "x", "body": "y"}\n')
    elif case == "an unsupported file":
        path = tmp_path / "updated.pdf"
        path.write_bytes(b"%PDF")
    elif case == "the same text":
        path.write_bytes(SEED.read_bytes())
    elif case == "no reason":
        path.write_text(SEED.read_text().replace("Tuesday", "Monday"))
        reason = "   "
    with pytest.raises(CommandError, match=message) as refused:
        run(article_id, path, "--reason", reason)
    assert "Nothing was changed" in str(refused.value)
    assert refused.value.returncode == 1
    article.refresh_from_db()
    assert "Tuesday" in article.body
    assert not ArticleRevision.objects.filter(number__gt=1).exists()
    assert Mention.objects.get(pk=mention.pk).start == mention.start


IMPORT_AND_MARK_SINGH = """
from django.core.management import call_command
from curation.annotations.models import Entity, EntityKind, Mention
from curation.annotations.spans import anchor
from curation.articles.models import Article
call_command("import_articles", sys.argv[-1], verbosity=0)
article = Article.objects.get()
at = article.body.index("Sabrina Singh")
span = anchor(article.body, at, at + 13)
entity = Entity.objects.create(name="Sabrina Singh", kind=EntityKind.objects.get(slug="person"))
Mention.objects.create(article=article, entity=entity, start=span.start, end=span.end,
    quote=span.quote, prefix=span.prefix, suffix=span.suffix)
"""


def test_the_command_exits_0_and_prints_json_lines_or_exits_1(tmp_path):
    """As a shell runs it, in a process and a database of its own."""
    from tests.test_quickstart import manage

    def desk(*args):
        return manage(*args, data_dir=tmp_path / "data", DJANGO_DEBUG="1")

    assert desk("migrate", "-v", "0").returncode == 0
    script = IMPORT_AND_MARK_SINGH.replace("sys.argv[-1]", repr(str(SEED)))
    assert desk("shell", "-v", "0", "-c", script).returncode == 0
    updated = corrected_file(tmp_path, "We were just informed", "We were informed")

    done = desk("correct_article", "1", str(updated), "--reason", "the day")
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(text) for text in done.stdout.splitlines()]
    assert list(line) == KEYS and (line["rule"], line["status"]) == ("diff", "ok")
    assert line["new_start"] == line["old_start"] - len("just ")
    assert "Revision 2 saved: 1 annotation kept on their words" in done.stderr

    again = desk("correct_article", "1", str(updated), "--reason", "the day")
    assert again.returncode == 1 and again.stdout == ""
    assert "the same as the current one" in again.stderr


def test_a_missing_reason_is_refused_by_the_arguments(article, tmp_path):
    path = corrected_file(tmp_path, "We were just informed", "We were informed")
    with pytest.raises(CommandError, match="the following arguments are required: --reason"):
        call_command("correct_article", str(article.pk), str(path))

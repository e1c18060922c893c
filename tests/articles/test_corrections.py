"""articles.corrections: a correction is a new revision, made by someone allowed to, with
a reason, all or nothing; imports start every article at revision 1."""

from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection

from curation import roles
from curation.annotations.models import Event, Mention, Reanchoring, Status
from curation.articles import corrections
from curation.articles.corrections import (
    CorrectionError,
    CorrectionNotAllowed,
    StaleRevision,
    article_correct,
    body_from_edit,
    current_revision_number,
)
from curation.articles.importing import content_hash, parse_document
from curation.articles.importing.files import iter_import_files
from curation.articles.models import Article, ArticleRevision
from curation.articles.services import articles_import_paths
from curation.chronology.models import Entry, EntryEvent
from tests.corrections import BODY, article_with, mark, record_event
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CORRECTED = BODY.replace("Hezbollah fired", "Hizbollah fired")


@pytest.fixture
def editor():
    return UserFactory(username="rita", role=roles.REVIEWER)


@pytest.fixture
def importer():
    return UserFactory(username="ivan", role=roles.ANNOTATOR)


def test_a_correction_is_a_new_revision_and_the_articles_body(editor, importer):
    article = article_with(imported_by=importer)
    result = article_correct(
        article=article, new_body=CORRECTED, by=editor, reason="  typo in a   name "
    )
    article.refresh_from_db()
    assert article.body == CORRECTED
    assert article.content_hash == content_hash(CORRECTED)
    first, second = ArticleRevision.objects.filter(article=article).order_by("number")
    # Revision 1 is the imported text, dated and credited as the import.
    assert (first.number, first.body, first.reason, first.author) == (1, BODY, "imported", importer)
    assert first.created_at == article.imported_at
    assert (second.number, second.body, second.reason, second.author) == (
        2,
        CORRECTED,
        "typo in a name",
        editor,
    )
    assert result.revision == second and result.outcomes == []
    assert current_revision_number(article) == 2
    latest = article.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == "corrected (revision 2): typo in a name"


def test_a_reason_of_the_longest_allowed_is_kept_whole_in_the_history(editor):
    article = article_with()
    reason = "the outlet corrected a name " * 17  # 476 characters, under the 500 allowed
    article_correct(article=article, new_body=CORRECTED, by=editor, reason=reason)
    change = article.history.latest().history_change_reason
    assert change == f"corrected (revision 2): {reason.strip()}"


def test_each_correction_takes_the_next_number(editor):
    article = article_with()
    article_correct(article=article, new_body=CORRECTED, by=editor, reason="one")
    article_correct(article=article, new_body=CORRECTED + " More.", by=editor, reason="two")
    assert list(article.revisions.values_list("number", "reason")) == [
        (1, "imported"),
        (2, "one"),
        (3, "two"),
    ]


@pytest.mark.parametrize(
    "role, allowed",
    [
        (roles.ANNOTATOR, False),
        (roles.REVIEWER, True),
        (roles.CURATOR, True),
        (roles.ADMIN, True),
        (None, False),
    ],
)
def test_only_roles_with_the_permission_correct(role, allowed):
    article = article_with()
    person = UserFactory(role=role)
    if allowed:
        article_correct(article=article, new_body=CORRECTED, by=person, reason="typo")
    else:
        with pytest.raises(CorrectionNotAllowed, match="ask a reviewer"):
            article_correct(article=article, new_body=CORRECTED, by=person, reason="typo")
    article.refresh_from_db()
    assert (article.body == CORRECTED) is allowed
    assert ArticleRevision.objects.filter(article=article).count() == (2 if allowed else 0)


def test_the_permission_is_given_by_the_roles_not_checked_by_group_name():
    granted = {
        group.name
        for group in Group.objects.filter(
            permissions__codename="correct_article", permissions__content_type__app_label="articles"
        )
    }
    assert granted == {roles.REVIEWER, roles.CURATOR, roles.ADMIN}
    article = article_with()
    person = UserFactory()
    person.user_permissions.add(
        apps.get_model("auth", "Permission").objects.get(codename="correct_article")
    )
    article_correct(article=article, new_body=CORRECTED, by=person, reason="typo")


@pytest.mark.parametrize(
    "body, reason, message",
    [
        (CORRECTED, "", "Say why the text is corrected"),
        (CORRECTED, "   ", "Say why the text is corrected"),
        (CORRECTED, "x" * 501, "keep it under 500"),
        ("", "typo", "The new text is empty"),
        (" \n\n ", "typo", "The new text is empty"),
        (BODY, "typo", "the same as the current one"),
    ],
)
def test_a_correction_that_cant_be_made_changes_nothing(editor, body, reason, message):
    article = article_with()
    with pytest.raises(CorrectionError, match=message):
        article_correct(article=article, new_body=body, by=editor, reason=reason)
    article.refresh_from_db()
    assert article.body == BODY
    assert not ArticleRevision.objects.filter(article=article).exists()


def test_a_text_too_long_for_an_import_is_refused(editor, settings):
    settings.CURATION_IMPORT_MAX_BYTES = 100
    with pytest.raises(CorrectionError, match="at most 100"):
        article_correct(article=article_with(), new_body=CORRECTED, by=editor, reason="typo")


def test_another_articles_text_is_refused(editor):
    other = ArticleFactory(title="The other one", body=CORRECTED)
    article = article_with()
    with pytest.raises(CorrectionError, match=f"already article #{other.pk}, “The other one”"):
        article_correct(article=article, new_body=CORRECTED, by=editor, reason="typo")
    article.refresh_from_db()
    assert article.body == BODY


def test_a_correction_made_against_an_older_revision_is_refused(editor):
    article = article_with()
    article_correct(article=article, new_body=CORRECTED, by=editor, reason="first")
    other = UserFactory(username="olga", role=roles.REVIEWER)
    with pytest.raises(StaleRevision, match=r"corrected by rita at .* \(revision 2\)"):
        article_correct(
            article=article,
            new_body=CORRECTED + " Again.",
            by=other,
            reason="second",
            expected_revision=1,
        )
    article.refresh_from_db()
    assert article.body == CORRECTED
    assert article.revisions.count() == 2
    # Against the current revision, it goes through.
    article_correct(
        article=article,
        new_body=CORRECTED + " Again.",
        by=other,
        reason="second",
        expected_revision=2,
    )
    assert current_revision_number(article) == 3


def test_the_command_line_corrects_as_the_desk(editor):
    article = article_with()
    result = article_correct(article=article, new_body=CORRECTED, by=None, reason="from a file")
    assert result.revision.author is None


# --- all or nothing -----------------------------------------------------------------------


def _fail(*args, **kwargs):  # a receiver or a step that breaks
    raise RuntimeError("a later step failed")


@pytest.mark.parametrize(
    "step",
    ["a receiver after the re-anchoring", "the re-anchoring's records", "the chronology"],
)
def test_when_any_step_fails_nothing_changes(editor, monkeypatch, step):
    from curation.annotations import reanchoring
    from curation.chronology import corrections as chronology_corrections

    article = article_with()
    gallant = mark(article, "Gallant", occurrence=1)  # it moves: the edit is before it
    denial = record_event(article, "Officials in Beirut denied the report", status=Status.APPROVED)
    entry = Entry.objects.create(headline="Denial", event_type=denial.event_type, slug="denial")
    EntryEvent.objects.create(entry=entry, event=denial)
    rows = {
        "mention": Mention.objects.values().get(pk=gallant.pk),
        "event": Event.objects.values().get(pk=denial.pk),
        "entry": Entry.objects.values().get(pk=entry.pk),
        "citation": EntryEvent.objects.values().get(event=denial),
    }
    history_rows = (Mention.history.count(), Event.history.count(), Entry.history.count())
    new_body = BODY.replace("fired rockets", "fired dozens of rockets").replace(
        "Officials in Beirut denied the report on Monday.", "Nobody commented."
    )
    if step == "a receiver after the re-anchoring":
        corrections.article_corrected.connect(_fail, dispatch_uid="test.fail")
    elif step == "the re-anchoring's records":
        monkeypatch.setattr(reanchoring, "_record", _fail)
    else:
        monkeypatch.setattr(chronology_corrections, "_note", _fail)
    try:
        with pytest.raises(RuntimeError, match="a later step failed"):
            article_correct(article=article, new_body=new_body, by=editor, reason="typo")
    finally:
        corrections.article_corrected.disconnect(dispatch_uid="test.fail")
    article.refresh_from_db()
    assert article.body == BODY and article.content_hash == content_hash(BODY)
    assert not ArticleRevision.objects.filter(article=article).exists()
    assert rows == {
        "mention": Mention.objects.values().get(pk=gallant.pk),
        "event": Event.objects.values().get(pk=denial.pk),
        "entry": Entry.objects.values().get(pk=entry.pk),
        "citation": EntryEvent.objects.values().get(event=denial),
    }
    assert history_rows == (Mention.history.count(), Event.history.count(), Entry.history.count())
    assert not Reanchoring.objects.exists()
    # The same correction, with nothing failing, moves the mention, orphans the event
    # and flags the entry.
    monkeypatch.undo()
    article_correct(article=article, new_body=new_body, by=editor, reason="typo")
    gallant.refresh_from_db()
    denial.refresh_from_db()
    entry.refresh_from_db()
    assert new_body[gallant.start : gallant.end] == "Gallant"
    assert gallant.start == rows["mention"]["start"] + len("dozens of ")
    assert denial.is_orphan and entry.needs_attention


# --- revision 1 ---------------------------------------------------------------------------


def test_an_import_starts_each_article_at_revision_1_written_by_its_first_correction(
    importer, editor
):
    files = sorted(SEEDS.glob("*.txt"))
    outcomes = [
        outcome
        for _, found in articles_import_paths(files=iter_import_files(files), imported_by=importer)
        for outcome in found
    ]
    assert {outcome.status for outcome in outcomes} == {"imported"}
    # Until its first correction the body is revision 1: no second copy is stored.
    assert not ArticleRevision.objects.exists()
    article = Article.objects.order_by("pk").first()
    assert current_revision_number(article) == 1
    imported_body = article.body
    article_correct(article=article, new_body=imported_body + " More.", by=editor, reason="r")
    first, second = article.revisions.order_by("number")
    assert (first.number, first.body, first.reason, first.author) == (
        1,
        imported_body,
        "imported",
        importer,
    )
    assert first.created_at == article.imported_at
    assert (second.number, second.author) == (2, editor)


def test_the_migration_gives_existing_articles_their_revision_1(importer):
    with_one = article_with(imported_by=importer)
    without = ArticleFactory()
    migration = import_module("curation.articles.migrations.0003_article_revisions")

    class SchemaEditor:
        pass

    editor = SchemaEditor()
    editor.connection = connection
    migration.imported_bodies_as_revision_1(apps, editor)
    for article, author in [(with_one, importer), (without, None)]:
        (revision,) = article.revisions.all()
        assert (revision.number, revision.body, revision.author, revision.reason) == (
            1,
            article.body,
            author,
            "imported",
        )
        assert revision.created_at == article.imported_at


# --- an edited body -----------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(path.name for path in SEEDS.glob("*.txt")))
def test_an_unchanged_body_reads_back_as_itself(seed):
    body = parse_document((SEEDS / seed).read_bytes(), filename=seed).body
    assert body_from_edit(body) == body
    assert body_from_edit(body.replace("\n", "\r\n") + "\r\n") == body


def test_an_edited_body_is_stored_as_imports_store_text():
    typed = "  First  paragraph\r\nwraps here.\r\n\r\n\r\nSecond\u00a0one.  "
    assert body_from_edit(typed) == "First paragraph wraps here.\n\nSecond one."

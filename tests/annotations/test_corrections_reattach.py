"""annotations.reattach: an orphan is put on words of the corrected text by a person who
may edit it, as the server reads the selection."""

import pytest

from curation import roles
from curation.annotations import selectors, services
from curation.annotations.errors import AnnotationError, NotAllowed, StaleVersion
from curation.annotations.models import Mention, Status
from curation.annotations.reattach import orphan_reattach
from curation.articles.corrections import article_correct
from tests.corrections import BODY, article_with, mark, nth, on_its_words, record_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The last paragraph is rewritten: "Officials in Beirut denied the report" loses its words.
REWRITTEN = BODY.replace(
    "Officials in Beirut denied the report on Monday.",
    "On Monday, the government in Beirut said the report was false.",
)


@pytest.fixture
def editor():
    return UserFactory(username="rita", role=roles.REVIEWER)


@pytest.fixture
def author():
    return UserFactory(username="annie", role=roles.ANNOTATOR)


def orphaned(article, item, editor):
    article_correct(article=article, new_body=REWRITTEN, by=editor, reason="rewritten")
    item.refresh_from_db()
    assert item.is_orphan
    return item


def test_an_orphan_mention_is_put_on_the_words_selected(editor):
    article = article_with()
    officials = orphaned(article, mark(article, "Officials", status=Status.APPROVED), editor)
    start = nth(REWRITTEN, "government")
    # A rough selection, snapped to the whole word as a new mark's is.
    orphan_reattach(
        item=officials,
        start=start + 1,
        end=start + 8,
        by=editor,
        expected_version=officials.version,
    )
    officials.refresh_from_db()
    assert (officials.start, officials.end, officials.quote) == (start, start + 10, "government")
    assert on_its_words(officials)
    assert officials.status == Status.SUBMITTED
    assert officials.history.latest().history_change_reason == "re-attached to “government”"
    assert officials in selectors.article_mentions(article)
    assert selectors.article_orphans(article) == ([], [])


def test_an_orphan_event_is_put_on_its_new_evidence(editor, author):
    article = article_with()
    denial = record_event(
        article, "Officials in Beirut denied the report", status=Status.APPROVED, by=author
    )
    denial = orphaned(article, denial, editor)
    evidence = "the government in Beirut said the report was false"
    start = nth(REWRITTEN, evidence)
    orphan_reattach(
        item=denial,
        start=start,
        end=start + len(evidence),
        by=editor,
        expected_version=denial.version,
        quote=evidence,
    )
    denial.refresh_from_db()
    assert denial.quote == evidence and on_its_words(denial)


def test_an_author_re_attaches_their_own_draft_but_not_someone_elses(editor, author):
    article = article_with()
    mine = orphaned(article, mark(article, "Officials", by=author), editor)
    assert mine.status == Status.DRAFT
    start = nth(REWRITTEN, "government")
    orphan_reattach(
        item=mine, start=start, end=start + 10, by=author, expected_version=mine.version
    )
    other = UserFactory(username="colin", role=roles.ANNOTATOR)
    theirs = mark(article, "Beirut", occurrence=0, by=other)
    Mention.objects.filter(pk=theirs.pk).update(start=None, end=None)
    theirs.refresh_from_db()
    with pytest.raises(NotAllowed):
        orphan_reattach(
            item=theirs, start=start, end=start + 10, by=author, expected_version=theirs.version
        )


@pytest.mark.parametrize(
    "case, message",
    [
        ("not an orphan", "on its words already"),
        ("a stale version", None),
        ("another text", "doesn't match the article"),
        ("across paragraphs", "runs across two paragraphs"),
        ("already marked", "already marked as"),
        ("outside the text", "is not inside the article"),
    ],
)
def test_a_re_attachment_that_cant_be_made_changes_nothing(editor, case, message):
    article = article_with()
    officials = orphaned(article, mark(article, "Officials"), editor)
    start, end, quote = nth(REWRITTEN, "government"), nth(REWRITTEN, "government") + 10, None
    version = officials.version
    item = officials
    if case == "not an orphan":
        item = mark(article, "Haifa")
    elif case == "a stale version":
        version -= 1
    elif case == "another text":
        quote = "Beirut"
    elif case == "across paragraphs":
        start = nth(REWRITTEN, "ready")
    elif case == "already marked":
        Mention.objects.create(
            article=article,
            entity=officials.entity,
            start=start,
            end=end,
            quote="government",
        )
    elif case == "outside the text":
        start, end = len(REWRITTEN) + 5, len(REWRITTEN) + 9
    before = Mention.objects.values().get(pk=officials.pk)
    with pytest.raises(StaleVersion if message is None else AnnotationError) as refused:
        orphan_reattach(
            item=item, start=start, end=end, by=editor, expected_version=version, quote=quote
        )
    if message:
        assert message in str(refused.value)
    assert Mention.objects.values().get(pk=officials.pk) == before


def test_an_orphan_is_deleted_as_any_work_is(editor):
    article = article_with()
    officials = orphaned(article, mark(article, "Officials"), editor)
    services.mention_delete(
        mention=officials, deleted_by=editor, expected_version=officials.version
    )
    assert not Mention.objects.filter(pk=officials.pk).exists()

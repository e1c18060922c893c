"""The workspace's text and entity rows come from the cache until what they show
changes: after every kind of write, the page served is the page a fresh render gives."""

import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from curation import spliced_page
from curation.annotations import marking, pre_annotation_review, services, workflow
from curation.annotations.models import Entity, EntityKind, EventType, Mention
from curation.annotations.pre_annotations import MentionItem, Placement, suggested_mentions_create
from curation.annotations.suggested import SuggestedMention
from curation.articles.corrections import article_correct
from curation.articles.models import Article
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "Hezbollah fired rockets at dawn.\n\nIsrael answered, Reuters said on Thursday."


@pytest.fixture(autouse=True)
def spliced_however_short(monkeypatch):
    """Every page here is sent with its text spliced in when gzipped, as a long
    article's is (``shown`` compares it with the plain page)."""
    monkeypatch.setattr(spliced_page, "WORTH_SPLICING", 0)


@pytest.fixture
def world():
    article = ArticleFactory(body=BODY)
    hezbollah = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    israel = EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="place"))
    reuters = EntityFactory(name="Reuters", kind=EntityKind.objects.get(slug="organisation"))
    editor = UserFactory(username="editor", role="annotator")
    reviewer = UserFactory(username="checker", role="reviewer")
    mention = MentionFactory(article=article, entity=hezbollah, created_by=editor)
    return {
        "article": article,
        "hezbollah": hezbollah,
        "israel": israel,
        "reuters": reuters,
        "editor": editor,
        "reviewer": reviewer,
        "mention": mention,
    }


def shown(client, article) -> tuple[str, str]:
    """The article text and the entity rows, as the workspace page shows them: the same
    whether the page is sent gzipped, with the kept text spliced in, or not."""
    url = reverse("annotations:workspace", args=[article.pk])
    plain = _text_and_rows(client.get(url).content.decode())
    gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    assert _text_and_rows(gzip.decompress(gzipped.content).decode()) == plain
    return plain


def _text_and_rows(html: str) -> tuple[str, str]:
    text = html.split('id="workspace-text"')[1].split('id="workspace-side"')[0]
    rows = html.split('id="entity-counts"')[1].split("</ul>")[0]
    return text, rows


def create_mention(w):
    services.mention_create(
        article=w["article"],
        start=BODY.index("Israel"),
        end=BODY.index("Israel") + 6,
        entity=w["israel"],
        created_by=w["editor"],
    )


def relink(w):
    services.mention_relink(
        mention=w["mention"],
        entity=w["israel"],
        changed_by=w["editor"],
        expected_version=None,
        learn_alias=False,
    )


def delete(w):
    services.mention_delete(mention=w["mention"], deleted_by=w["editor"], expected_version=None)


def submit_then_approve(w):
    workflow.submit(w["mention"], by=w["editor"], expected_version=None)
    workflow.approve(
        Mention.objects.get(pk=w["mention"].pk), by=w["reviewer"], expected_version=None
    )


def submit_all_drafts(w):
    workflow.submit_drafts(Mention.objects.filter(article=w["article"]), by=w["editor"])


def rename_entity(w):
    services.entity_update(
        entity=w["hezbollah"], changes={"name": "Hizbollah"}, changed_by=w["reviewer"]
    )


def change_the_entitys_kind(w):
    Entity.objects.filter(pk=w["hezbollah"].pk).update(
        kind=EntityKind.objects.get(slug="organisation")
    )


def rename_a_kind_in_admin(w):
    kind = EntityKind.objects.get(slug="group")
    kind.slug = "armed-group"
    kind.save()


def merge_entities(w):
    other = EntityFactory(name="Hizbullah", kind=EntityKind.objects.get(slug="group"))
    services.entity_merge(survivor=other, merged=w["hezbollah"], merged_by=w["reviewer"])


def record_event(w):
    services.event_create(
        article=w["article"],
        start=0,
        end=BODY.index("."),
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Rockets at dawn",
        created_by=w["editor"],
    )


def tagger_suggests(w):
    result = suggested_mentions_create(
        article=w["article"],
        items=[MentionItem(Placement(quote="Reuters"), label="ORG")],
        origin="spacy-3.8",
        created_by=w["editor"],
    )
    assert result[0].status == "created"


def accept_a_tagger_suggestion(w):
    tagger_suggests(w)
    # the page shows the suggestion now, and the acceptance below must replace it
    w["between"]()
    pre_annotation_review.suggested_mention_accept(
        suggestion=SuggestedMention.objects.get(), accepted_by=w["editor"]
    )


def dismiss_a_tagger_suggestion(w):
    tagger_suggests(w)
    w["between"]()
    pre_annotation_review.suggested_dismiss(
        suggestion=SuggestedMention.objects.get(), dismissed_by=w["editor"]
    )


def accept_the_desks_suggestions(w):
    from curation.annotations import selectors

    article = w["article"]
    suggestions = selectors.suggestions_for(article, selectors.article_marks(article))
    assert suggestions
    services.suggestions_accept(
        article=article, suggestions=suggestions, created_by=w["editor"], learn_alias=False
    )


def mark_several_through_the_api(w):
    marking.mentions_mark(
        article=w["article"],
        items=[
            (Placement(quote="Israel"), w["israel"].pk),
            (Placement(quote="Reuters"), w["reuters"].pk),
        ],
        created_by=w["editor"],
    )


def correct_the_text(w):
    article_correct(
        article=w["article"],
        new_body=BODY.replace("at dawn", "before dawn"),
        by=w["reviewer"],
        reason="The time was wrong.",
    )


def approve_in_bulk(w):
    Mention.objects.filter(article=w["article"]).update(status="approved")


def delete_in_bulk(w):
    Mention.objects.filter(article=w["article"]).delete()


def change_the_body_in_bulk(w):
    new_body = BODY.replace("on Thursday", "on Friday")
    Article.objects.filter(pk=w["article"].pk).update(body=new_body)


def edit_a_mention_in_admin(w):
    mention = Mention.objects.get(pk=w["mention"].pk)
    mention.entity = w["israel"]
    mention.save()


def rename_an_entity_with_sql(w):
    with connection.cursor() as cursor:
        table = Entity._meta.db_table
        cursor.execute(f"UPDATE {table} SET name = %s WHERE id = %s", ["Hizb", w["hezbollah"].pk])


def tagger_suggests_an_entity(w):
    result = suggested_mentions_create(
        article=w["article"],
        items=[MentionItem(Placement(quote="Reuters"), entity=w["reuters"].pk)],
        origin="spacy-3.8",
        created_by=w["editor"],
    )
    assert result[0].status == "created"
    w["between"]()


def rename_the_kind_of_a_suggested_entity(w):
    tagger_suggests_an_entity(w)
    kind = EntityKind.objects.get(slug="organisation")
    kind.name = "Company"
    kind.save()


def dismiss_suggestions_in_bulk(w):
    tagger_suggests_an_entity(w)
    SuggestedMention.objects.filter(article=w["article"]).update(decision="dismissed")


WRITES = [
    create_mention,
    relink,
    delete,
    submit_then_approve,
    submit_all_drafts,
    rename_entity,
    change_the_entitys_kind,
    rename_a_kind_in_admin,
    merge_entities,
    record_event,
    tagger_suggests,
    accept_a_tagger_suggestion,
    dismiss_a_tagger_suggestion,
    accept_the_desks_suggestions,
    mark_several_through_the_api,
    correct_the_text,
    approve_in_bulk,
    delete_in_bulk,
    change_the_body_in_bulk,
    edit_a_mention_in_admin,
    rename_an_entity_with_sql,
    rename_the_kind_of_a_suggested_entity,
    dismiss_suggestions_in_bulk,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__)
def test_after_a_write_the_page_is_what_a_fresh_render_shows(annotator_client, world, write):
    article = world["article"]
    before = shown(annotator_client, article)
    assert shown(annotator_client, article) == before  # now from the cache
    seen_midway = []  # by writes of two steps, the page between them
    world["between"] = lambda: seen_midway.append(shown(annotator_client, article))

    write(world)
    served = shown(annotator_client, article)
    cache.clear()
    fresh = shown(annotator_client, article)

    assert served == fresh
    assert served != (seen_midway[0] if seen_midway else before)  # the write showed


def test_a_text_built_by_a_request_a_correction_overtook_is_not_served_after_it(
    annotator_client, world
):
    from curation.annotations.views.common import workspace_context

    article = world["article"]
    read_before = Article.objects.get(pk=article.pk)  # then the correction commits
    correct_the_text(world)
    overtaken = workspace_context(read_before, user=world["editor"])["text"]
    assert "at dawn" in overtaken.html  # built from the old body, and kept
    served = shown(annotator_client, article)
    cache.clear()
    assert served == shown(annotator_client, article)
    assert "before dawn" in served[0]


def test_the_cache_is_read_not_rebuilt_when_nothing_changed(annotator_client, world, monkeypatch):
    from curation.annotations import rendered_text

    article = world["article"]
    shown(annotator_client, article)
    builds = []
    monkeypatch.setattr(
        rendered_text.WorkspaceText,
        "_paragraphs_html",
        lambda self: builds.append("text") or "",
    )
    monkeypatch.setattr(
        rendered_text.WorkspaceText,
        "_entity_rows_html",
        lambda self: builds.append("rows") or "",
    )
    text, rows = shown(annotator_client, article)
    assert builds == []
    assert "Hezbollah" in text and "Hezbollah" in rows


def test_a_cache_that_fails_costs_the_cache_not_the_page(annotator_client, world, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(cache, "get_many", broken)
    monkeypatch.setattr(cache, "set_many", broken)
    text, rows = shown(annotator_client, world["article"])
    assert 'data-m="' in text and "Hezbollah" in rows


def test_markup_in_the_text_is_escaped_when_it_comes_from_the_cache(annotator_client):
    article = ArticleFactory(body="<script>alert(1)</script> and <b>Israel</b> spoke.")
    MentionFactory(article=article, quote_text="Israel", entity=EntityFactory(name="<i>Isr</i>"))
    for _ in range(2):  # built, then read back
        text, rows = shown(annotator_client, article)
        assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "&lt;b&gt;" in text and "<i>" not in rows and "&lt;i&gt;Isr&lt;/i&gt;" in rows


def test_a_cached_page_is_served_without_reading_the_mentions(annotator_client, world, monkeypatch):
    from curation.annotations import selectors

    article = world["article"]
    before = shown(annotator_client, article)

    def unread(article):
        raise AssertionError("the mentions were read")

    monkeypatch.setattr(selectors, "article_marks", unread)
    assert shown(annotator_client, article) == before


def test_an_id_used_again_after_the_database_was_emptied_gets_its_own_text(annotator_client):
    # `flush` empties the tables but not the cache's: an article imported afresh may get
    # an id that had its text cached, with no token either time.
    first = ArticleFactory(body="Hezbollah fired rockets.")
    assert "Hezbollah fired" in shown(annotator_client, first)[0]
    pk = first.pk
    Article.objects.filter(pk=pk).delete()
    second = ArticleFactory(pk=pk, body="Israel answered.")
    text, _ = shown(annotator_client, second)
    assert "Israel answered" in text and "Hezbollah" not in text


def test_a_gzipped_page_sends_the_kept_text_as_it_was_compressed(
    annotator_client, world, monkeypatch
):
    from curation.annotations.views.common import workspace_context
    from curation.compression import Deflated

    article = world["article"]
    shown(annotator_client, article)
    kept = workspace_context(article, user=world["editor"])["text"].deflated_html
    assert kept is not None and b"Hezbollah" in kept.plain()

    def decompressed(self):
        raise AssertionError("the kept text was decompressed")

    monkeypatch.setattr(Deflated, "plain", decompressed)
    url = reverse("annotations:workspace", args=[article.pk])
    response = annotator_client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert kept.data in response.content  # its blocks, copied in
    assert "Hezbollah</span>" in gzip.decompress(response.content).decode()
    assert response["Content-Length"] == str(len(response.content))


def test_while_suggestions_are_shown_the_text_is_sent_as_built(annotator_client, world):
    url = reverse("annotations:workspace", args=[world["article"].pk]) + "?suggest=1"
    response = annotator_client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert "Hezbollah</span>" in gzip.decompress(response.content).decode()

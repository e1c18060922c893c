"""The Orphans panel of the workspace, and every workspace view that takes a mention's or
an event's id, given an orphan's: each works (deleting, relinking, editing, history) and
swaps the panel, never a 500."""

import re
from html import unescape

import pytest

from curation.annotations import selectors
from curation.annotations.models import EntityKind, Event, EventType, Mention, Status
from tests.annotations.orphans import HTMX, orphaned_work, url
from tests.factories import ArticleFactory, EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(annotator):
    return orphaned_work(by=annotator)


def orphans_panel(html: str) -> str:
    found = re.search(r'<section id="orphans-panel".*?</section>', html, re.S)
    assert found, "no Orphans panel"
    return found.group(0)


def test_the_panel_lists_each_orphan_with_its_quote_what_it_was_and_its_context(
    annotator_client, work
):
    html = annotator_client.get(url("workspace", work.article.pk)).content.decode()
    panel = orphans_panel(html)
    assert '<section id="orphans-panel" class="workspace-panel card orphans-panel" ' in panel
    assert 'aria-label="Orphans"' in panel
    assert "whose words were removed by a correction of the article" in panel
    items = re.findall(r'<li class="orphan" id="orphan-(\w+)-(\d+)">(.*?)</li>', panel, re.S)
    assert [(kind, int(pk)) for kind, pk, _ in items] == [
        ("mention", work.mention.pk),
        ("event", work.event.pk),
    ]
    mention, event = (unescape(re.sub(r"\s+", " ", body)) for _, _, body in items)
    assert '<q class="orphan-quote" hx-disable>Officials</q>' in mention
    assert "Mention of Officials" in mention
    context = (
        "…Gallant said Israel was ready. <mark>Officials</mark> in Beirut denied the report on …"
    )
    assert context in mention
    assert '<q class="orphan-quote" hx-disable>Officials in Beirut denied the report</q>' in event
    assert "Event: Beirut denial" in event
    for body, kind, pk in ((mention, "mention", work.mention.pk), (event, "event", work.event.pk)):
        assert (
            f'data-reattach="/articles/{work.article.pk}/annotate/{kind}s/{pk}/reattach/"' in body
        )
        assert f'hx-post="/articles/{work.article.pk}/annotate/{kind}s/{pk}/delete/"' in body
        assert "hx-confirm=" in body  # deleting asks first
        assert ">Re-attach <kbd>r</kbd></button>" in body and ">Delete</button>" in body
        assert "disabled" not in body
    # Orphans are in no highlight, and in neither the entity counts nor the events list.
    assert f'data-m="{work.mention.pk}"' not in html
    assert '<span class="count" id="mention-count">1 mention</span>' in html
    assert "Beirut denial" not in html.split('id="events-panel"')[1].split("</section>")[0]


def test_someone_who_may_not_change_an_orphan_is_told_so(colleague_client, work):
    panel = orphans_panel(colleague_client.get(url("workspace", work.article.pk)).content.decode())
    assert panel.count(" disabled>") == 4  # Re-attach and Delete, for both orphans
    assert "Only its author (while it is a draft or rejected) or a reviewer" in panel


def test_no_orphans_no_panel(annotator_client, work):
    Mention.objects.filter(pk=work.mention.pk).delete()
    Event.objects.filter(pk=work.event.pk).delete()
    html = annotator_client.get(url("workspace", work.article.pk)).content.decode()
    assert 'id="orphans-panel"' not in html
    assert 'id="orphan-slot"' in html  # where deleting answers, outside the panel


def test_quotes_context_and_names_are_escaped(annotator_client, annotator):
    article = ArticleFactory(body="Nothing here now.")
    entity = EntityFactory(name="<i>Bad</i> name")
    Mention.objects.create(
        article=article,
        entity=entity,
        quote="<script>alert(1)</script>",
        prefix='"><b>before',
        suffix="</q>after",
        created_by=annotator,
    )
    Event.objects.create(
        article=article,
        quote="<img src=x onerror=alert(2)>",
        event_type=EventType.objects.first(),
        headline='<svg onload="alert(3)">',
        created_by=annotator,
    )
    panel = orphans_panel(annotator_client.get(url("workspace", article.pk)).content.decode())
    for raw in ("<script>", "<b>before", "</q>after", "<img", "<svg", "<i>Bad"):
        assert raw not in panel
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "&lt;svg onload=&quot;alert(3)&quot;&gt;" in panel
    assert "Mention of &lt;i&gt;Bad&lt;/i&gt; name" in panel


@pytest.mark.parametrize("orphans", [2, 20])
def test_the_workspace_with_its_orphans_runs_a_constant_number_of_queries(
    annotator_client, annotator, colleague, orphans, django_assert_num_queries
):
    article = ArticleFactory(body="What was said is gone.")
    kinds = list(EntityKind.objects.all())
    types = list(EventType.objects.all()[:3])
    for n in range(orphans // 2):
        Mention.objects.create(
            article=article,
            entity=EntityFactory(name=f"Name{n}", kind=kinds[n % len(kinds)]),
            quote=f"Name{n}",
            created_by=annotator if n % 2 else colleague,
            status=Status.SUBMITTED if n % 3 else Status.DRAFT,
        )
        Event.objects.create(
            article=article,
            quote=f"Name{n} met",
            event_type=types[n % len(types)],
            headline=f"Meeting {n}",
            created_by=colleague if n % 2 else annotator,
        )
    # session, user, the permissions (one query); the article; its text's token; its
    # mentions counted, placed or not; its events, placed or not (the orphaned events'
    # participants; the editor's drafts among them); the kinds; the mentions and events
    # taggers suggested; since there are orphans, its orphaned mentions and events; the
    # rendered text and entity rows, not in the cache yet, then built from the placed
    # mentions and kept there
    with django_assert_num_queries(25):
        response = annotator_client.get(url("workspace", article.pk))
    assert orphans_panel(response.content.decode()).count('<li class="orphan"') == orphans


# --- the workspace's views that take an id, given an orphan's ---------------------------


def test_deleting_an_orphan_mention_answers_with_the_panel(annotator_client, work):
    response = annotator_client.post(
        url("mention-delete", work.article.pk, work.mention.pk),
        {"version": work.mention.version},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not Mention.objects.filter(pk=work.mention.pk).exists()
    assert "Removed the mention “Officials”." in html
    assert not re.search(r'<p id="p-\d+"', html)  # no paragraph changed
    panel = orphans_panel(html)
    assert f"orphan-mention-{work.mention.pk}" not in panel
    assert f"orphan-event-{work.event.pk}" in panel
    assert html.rstrip().endswith("</section>")  # the panel last: its button sent this


@pytest.mark.parametrize("panel_rows", [1, 100])
def test_deleting_or_relinking_an_orphan_leaves_the_side_panel_alone(
    annotator_client, work, panel_rows, monkeypatch
):
    """The side panel counts only mentions on their words: an orphan's entity has no row
    to change there (a page listing its first rows would otherwise be sent a row twice)."""
    monkeypatch.setattr(selectors, "PANEL_ROWS", panel_rows)
    other = EntityFactory(name="Beirut officials")
    relinked = annotator_client.post(
        url("mention-edit", work.article.pk, work.mention.pk),
        {"entity": other.pk, "confirmed": "on", "version": work.mention.version},
        **HTMX,
    )
    deleted = annotator_client.post(
        url("mention-delete", work.article.pk, work.mention.pk),
        {"version": work.mention.version + 1},
        **HTMX,
    )
    for response in (relinked, deleted):
        html = response.content.decode()
        assert response.status_code == 200, html
        assert "entity-row-" not in html and 'id="mention-count"' not in html
    assert not Mention.objects.filter(pk=work.mention.pk).exists()


def test_deleting_the_last_orphan_removes_the_panel(annotator_client, work):
    annotator_client.post(
        url("mention-delete", work.article.pk, work.mention.pk),
        {"version": work.mention.version},
        **HTMX,
    )
    response = annotator_client.post(
        url("event-delete", work.article.pk, work.event.pk),
        {"version": work.event.version},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not Event.objects.filter(pk=work.event.pk).exists()
    assert "Deleted the event “Beirut denial”." in html
    assert html.rstrip().endswith('<section id="orphans-panel" hx-swap-oob="delete"></section>')


def test_someone_else_cant_delete_an_orphan(colleague_client, work):
    response = colleague_client.post(
        url("mention-delete", work.article.pk, work.mention.pk),
        {"version": work.mention.version},
        **HTMX,
    )
    assert response.status_code == 403
    assert Mention.objects.filter(pk=work.mention.pk).exists()


def orphan_requests(work):
    """Every workspace view that takes a mention's or an event's id, with an orphan's."""
    a, m, e = work.article.pk, work.mention, work.event
    other = EntityFactory(name="Beirut officials")
    event_form = {
        "headline": "Beirut denial, revised",
        "event_type": str(e.event_type),
        "date": "",
        "version": e.version,
    }
    return [
        ("get", url("mention-edit", a, m.pk), {}),
        (
            "post",
            url("mention-edit", a, m.pk),
            {"entity": other.pk, "version": m.version, "confirmed": "on"},
        ),
        ("get", url("event-edit", a, e.pk), {}),
        ("post", url("event-edit", a, e.pk), event_form),
        ("get", url("mention-history", m.pk), {}),
        ("get", url("event-history", e.pk), {}),
        ("post", url("mention-delete", a, m.pk), {"version": m.version + 1}),
        ("post", url("event-delete", a, e.pk), {"version": e.version + 1}),
    ]


def test_every_view_that_takes_an_id_works_on_an_orphan(annotator_client, work):
    """In order, by the author: each change takes the next version."""
    answers = []
    for method, address, data in orphan_requests(work):
        response = getattr(annotator_client, method)(address, data, **HTMX)
        answers.append((method, address, response.status_code))
        if method == "post" and "history" not in address:
            html = response.content.decode()
            assert 'id="orphans-panel"' in html, address  # the panel shows what changed
            assert not re.search(r'<p id="p-\d+"', html), address
    assert all(status == 200 for *_, status in answers), answers
    assert not Mention.objects.filter(pk=work.mention.pk).exists()
    assert not Event.objects.filter(pk=work.event.pk).exists()


@pytest.mark.parametrize("kind", ["mention", "event"])
def test_an_orphan_is_not_submitted_and_the_author_is_told_why(annotator_client, work, kind):
    item = getattr(work, kind)
    response = annotator_client.post(
        url(f"{kind}-state", work.article.pk, item.pk),
        {"action": "submit", "version": item.version},
        **HTMX,
    )
    assert response.status_code == 403
    assert "removed its words. Re-attach it first." in response.content.decode()
    item.refresh_from_db()
    assert item.status == "draft"


def test_relinking_an_orphan_shows_the_new_entity_in_the_panel(annotator_client, work):
    other = EntityFactory(name="Beirut officials")
    response = annotator_client.post(
        url("mention-edit", work.article.pk, work.mention.pk),
        {"entity": other.pk, "version": work.mention.version, "confirmed": "on"},
        **HTMX,
    )
    assert response.status_code == 200
    assert "Mention of Beirut officials" in orphans_panel(response.content.decode())


@pytest.mark.parametrize("left", ["mention", "event"])
def test_an_article_whose_only_orphan_is_a_mention_or_an_event_lists_it(
    annotator_client, work, left
):
    """The workspace reads the orphans only when its mentions or its events include one."""
    gone = work.event if left == "mention" else work.mention
    type(gone).objects.filter(pk=gone.pk).delete()
    kept = work.mention if left == "mention" else work.event
    html = annotator_client.get(url("workspace", work.article.pk)).content.decode()
    items = re.findall(r'<li class="orphan" id="orphan-(\w+)-(\d+)">', orphans_panel(html))
    assert items == [(left, str(kept.pk))]


def test_an_article_without_orphans_shows_no_panel(annotator_client, work):
    for item in (work.mention, work.event):
        type(item).objects.filter(pk=item.pk).delete()
    html = annotator_client.get(url("workspace", work.article.pk)).content.decode()
    assert 'id="orphans-panel"' not in html

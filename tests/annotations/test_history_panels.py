"""Where people find the History panel: in a mention's popover, in the workspace's events
list and on an entity's page. Each panel is a closed <details> that loads the item's
history (annotations:*-history) when opened; what it loads reads who did what and why."""

import re

import pytest
from django.urls import reverse

from curation.annotations import services, workflow
from curation.annotations.models import Event, EventType, Status
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
PANEL = re.compile(
    r'<details class="history-toggle">\s*<summary>(?P<summary>[^<]*)</summary>\s*'
    r'<div class="history-slot" hx-get="(?P<url>[^"]+)" hx-trigger="toggle once from:closest '
    r'details"[^>]*>\s*<a href="(?P<href>[^"]+)">Open the history</a>'
)


def panels(html: str) -> list[dict]:
    return [match.groupdict() for match in PANEL.finditer(html)]


def stored(item):
    return type(item).objects.get(pk=item.pk)


@pytest.fixture
def rejected_mention(annotator, reviewer):
    """The annotator's mention of Gallant, submitted and rejected by the reviewer."""
    article = ArticleFactory(body="Gallant spoke in Tel Aviv.")
    mention = MentionFactory(
        article=article, entity=EntityFactory(name="Gallant"), created_by=annotator
    )
    workflow.submit(stored(mention), by=annotator, expected_version=1)
    workflow.reject(stored(mention), by=reviewer, reason="Not a party", expected_version=2)
    return stored(mention)


def test_a_mentions_popover_has_its_history_panel(annotator_client, rejected_mention):
    popover = annotator_client.get(
        reverse(
            "annotations:mention-edit", args=[rejected_mention.article_id, rejected_mention.pk]
        ),
        **HTMX,
    )
    assert popover.status_code == 200
    history_url = reverse("annotations:mention-history", args=[rejected_mention.pk])
    assert panels(popover.text) == [{"summary": "History", "url": history_url, "href": history_url}]
    panel = annotator_client.get(history_url, **HTMX).text
    assert (
        '<strong class="history-who">rita</strong> '
        '<span class="history-summary">rejected the mention</span>' in panel
    )
    assert "rejected: Not a party" in panel
    assert '<strong class="history-who">annie</strong>' in panel


def test_each_event_in_the_workspace_has_its_history_panel(annotator, annotator_client):
    article = ArticleFactory(body="Talks in Doha resumed.")
    event = services.event_create(
        article=article,
        start=0,
        end=5,
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Talks resumed",
        created_by=annotator,
        participants=[],
    )
    workflow.submit(stored(event), by=annotator, expected_version=1)
    page = annotator_client.get(reverse("annotations:workspace", args=[article.pk])).text
    history_url = reverse("annotations:event-history", args=[event.pk])
    assert {"summary": "History", "url": history_url, "href": history_url} in panels(page)
    panel = annotator_client.get(history_url, **HTMX).text
    assert (
        '<strong class="history-who">annie</strong> '
        '<span class="history-summary">submitted the event</span>' in panel
    )
    assert Event.objects.get(pk=event.pk).status == Status.SUBMITTED


def test_an_entitys_page_has_its_history_panel(annotator, annotator_client):
    entity = EntityFactory(name="Hizbollah")
    services.entity_update(entity=entity, changes={"name": "Hezbollah"}, changed_by=annotator)
    page = annotator_client.get(reverse("annotations:entity", args=[entity.pk])).text
    history_url = reverse("annotations:entity-history", args=[entity.pk])
    section = re.search(r'<section id="entity-history">(.*?)</section>', page, re.S)
    assert section and "<h2>History</h2>" in section.group(1)
    assert panels(section.group(1)) == [
        {"summary": "Show who changed what", "url": history_url, "href": history_url}
    ]
    panel = annotator_client.get(history_url, **HTMX).text
    assert "<del>Hizbollah</del>" in panel and "<ins>Hezbollah</ins>" in panel

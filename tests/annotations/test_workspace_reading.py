"""Issue 7, item 25: every workspace view that shows article text needs the right to read
the article (articles.view_article), not only the right to annotate."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from curation.annotations.models import Event, EventType, Mention, Status
from curation.annotations.pre_annotations import (
    EventItem,
    MentionItem,
    Placement,
    suggested_events_create,
    suggested_mentions_create,
)
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "A confidential sentence from a copyrighted article about Tehran."
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def writer_who_cannot_read():
    """Everything an annotator may do, except read articles."""
    group = Group.objects.create(name="writes-but-cannot-read")
    group.permissions.set(
        Permission.objects.filter(group__name="annotator").exclude(codename="view_article")
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def cannot_read(writer_who_cannot_read) -> Client:
    client = Client()
    client.force_login(writer_who_cannot_read)
    return client


def test_no_workspace_view_shows_text_to_someone_who_may_not_read_it(cannot_read):
    article = ArticleFactory(body=SECRET)
    mention = MentionFactory(article=article, entity=EntityFactory(name="Tehran"))
    other = EntityFactory(name="Iran")
    n = len(SECRET)
    requests = [
        ("get", reverse("annotations:workspace", args=[article.pk]), {}),
        ("get", reverse("annotations:mention-new", args=[article.pk]), {"start": 0, "end": n}),
        (
            "post",
            reverse("annotations:mention-create", args=[article.pk]),
            {"start": 0, "end": 1, "entity": other.pk},
        ),
        ("get", reverse("annotations:mention-edit", args=[article.pk, mention.pk]), {}),
        (
            "post",
            reverse("annotations:mention-edit", args=[article.pk, mention.pk]),
            {"entity": other.pk},
        ),
        ("post", reverse("annotations:mention-delete", args=[article.pk, mention.pk]), {}),
        (
            "get",
            reverse("annotations:event-new", args=[article.pk]),
            {"start": 0, "end": n},
        ),
    ]
    for method, address, data in requests:
        response = getattr(cannot_read, method)(address, data, **HTMX)
        assert response.status_code == 403, address
        assert "confidential" not in response.content.decode(), address
    assert Mention.objects.get() == mention and mention.entity.name == "Tehran"


def test_the_event_and_tagger_views_show_no_text_to_someone_who_may_not_read_it(
    cannot_read, writer_who_cannot_read
):
    """Each of these shows the passage it is about. The event is the user's own draft, so
    that only the right to read stands between them and its form; once they may read the
    article, the same requests show them the text."""
    article = ArticleFactory(body=SECRET, published_on=date(2024, 6, 26))
    event = Event.objects.create(
        article=article,
        start=0,
        end=len("A confidential sentence"),
        quote="A confidential sentence",
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline="Something happened",
        created_by=writer_who_cannot_read,
        status=Status.DRAFT,
    )
    tagger = UserFactory(username="spacy-bot", role="annotator")
    (tagged_mention,) = suggested_mentions_create(
        article=article,
        items=[MentionItem(Placement(quote="confidential sentence"), label="ORG")],
        origin="spacy",
        created_by=tagger,
    )
    (tagged_event,) = suggested_events_create(
        article=article,
        items=[EventItem(Placement(quote="A confidential sentence"), "assault", "Fired")],
        origin="spacy",
        created_by=tagger,
    )
    assert tagged_mention.status == tagged_event.status == "created"
    shows_text = [
        reverse("annotations:event-edit", args=[article.pk, event.pk]),
        reverse("annotations:tagged-mention", args=[article.pk, tagged_mention.id]),
        reverse("annotations:tagged-event", args=[article.pk, tagged_event.id]),
    ]
    # The preview reads a relative date against the article's publication date.
    preview = reverse("annotations:date-preview", args=[article.pk])

    for address in shows_text:
        response = cannot_read.get(address, **HTMX)
        assert response.status_code == 403, address
        assert "confidential" not in response.content.decode(), address
    refused = cannot_read.get(preview, {"date": "yesterday"}, **HTMX)
    assert refused.status_code == 403
    assert "2024" not in refused.content.decode()

    writer_who_cannot_read.groups.get().permissions.add(
        Permission.objects.get(codename="view_article")
    )
    for address in shows_text:
        response = cannot_read.get(address, **HTMX)
        assert response.status_code == 200, address
        assert "confidential" in response.content.decode(), address
    shown = cannot_read.get(preview, {"date": "yesterday"}, **HTMX)
    assert "25 June 2024" in shown.content.decode()

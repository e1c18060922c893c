"""Back in the workspace (issue 9, scope 5): an event in a chronology entry says so in the
event panel, with a link to the entry for curators and without one for those who can't
open it, at no query more than the page runs without entries."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curation.chronology import services
from tests.chronology.desk import client_for, entity, waiting_event
from tests.factories import AnnotatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator():
    return UserFactory(username="cura", role="curator")


@pytest.fixture
def reported(curator):
    """Two approved events of one article (the second moved into the first's article)."""
    first = waiting_event("2024-06-20", headline="White House cancels the SCG meeting")
    second = waiting_event("2024-07", headline="Talks rescheduled", type_slug="agree")
    second.article = first.article
    second.save()
    return first, second


def workspace(client, event) -> str:
    response = client.get(f"/articles/{event.article_id}/annotate/")
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_curators_get_a_link_to_the_entry(curator, reported):
    first, second = reported
    entry = services.entry_create(
        events=[first], by=curator, headline="The SCG meeting is called off"
    )

    html = workspace(client_for(curator), first)

    assert (
        f'In the chronology entry <a href="/curate/entries/{entry.pk}/">'
        "“The SCG meeting is called off”</a>"
    ) in html
    assert html.count("In the chronology entry") == 1  # the second event is in none


def test_annotators_read_the_entry_without_a_link(curator, reported):
    first, _ = reported
    entry = services.entry_create(
        events=[first], by=curator, headline="The SCG meeting is called off"
    )

    html = workspace(client_for(AnnotatorFactory()), first)

    assert "In the chronology entry “The SCG meeting is called off”</span>" in html
    assert f"/curate/entries/{entry.pk}/" not in html


@pytest.mark.parametrize("role", ["curator", "annotator"])
def test_entries_cost_the_workspace_no_query(curator, reported, role, django_assert_num_queries):
    client = client_for(curator if role == "curator" else AnnotatorFactory())
    for event in reported:
        event.participants.create(entity=entity("White House"))
    workspace(client, reported[0])  # caches warmed (the gazetteer, kind styles)
    with CaptureQueriesContext(connection) as without_entries:
        workspace(client, reported[0])

    for event in reported:
        services.entry_create(events=[event], by=curator)

    with django_assert_num_queries(len(without_entries)):
        html = workspace(client, reported[0])
    assert html.count("In the chronology entry") == 2

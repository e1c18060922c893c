"""An entity's public page (/c/entities/<id>/): its name, kind, description and Wikidata
link, and the published entries it takes part in, by chronology, each linked to where it
is listed on the chronology's page filtered by the entity. An entity in no published
entry of a public chronology is not public; names and descriptions are escaped."""

from datetime import date

import pytest
from django.test import Client

from curation.annotations import services as annotation_services
from curation.chronology.models import Entry
from curation.chronology.views import public
from tests.chronology import public_data as data
from tests.chronology.reading import one, parse, text, texts, with_class
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def page_of(entity, client=None):
    return (client or Client()).get(f"/c/entities/{entity.pk}/")


@pytest.fixture
def white_house():
    return data.entity(
        "White House", "organisation", wikidata_id="Q35525", description="The US presidency"
    )


@pytest.fixture
def israel():
    return data.entity("Israel", "place", wikidata_id="Q801")


@pytest.fixture
def topic():
    return data.chronology("US–Israel consultations on Iran, 2024", slug="iran")


def cited(*participants, location=None, source="Axios", date_value="2024-06-20"):
    return data.approved_event(
        data.article(source_name=source, published_on=date(2024, 6, 21)),
        date_value=date_value,
        participants=participants,
        location=location,
    )


def test_the_page_says_who_it_is_and_where_it_takes_part(topic, white_house, israel):
    data.entry(
        [topic],
        "2024-06-20",
        headline="White House cancels the meeting",
        events=[cited((white_house, "actor"), (israel, "target"))],
    )
    data.entry(
        [topic],
        "2024-07-11/2024-07-20",
        headline="The meeting is rescheduled",
        type_slug="agree-meeting-rescheduled",
        events=[
            cited((white_house, "target"), location=israel, date_value="2024-07-11/2024-07-20")
        ],
    )
    response = page_of(white_house)
    assert response.status_code == 200
    tree = parse(response)
    assert text(tree.xpath("//h1")[0]) == "White House"
    assert texts(tree, "entity-kind") == ["Organisation"]
    assert texts(tree, "entity-description") == ["The US presidency"]
    (wikidata,) = with_class(tree, "wikidata-link", "a")
    assert wikidata.get("href") == "https://www.wikidata.org/wiki/Q35525"
    assert text(wikidata) == "Q35525 on Wikidata"

    (group,) = with_class(tree, "entity-chronology", "section")
    assert group.xpath(".//h3/a/@href") == ["/c/iran/"]
    assert "takes part in 2 entries here" in text(group)
    rows = group.xpath(".//ol[@class='entity-entries']/li")
    assert [text(row.xpath("a")[0]) for row in rows] == [
        "White House cancels the meeting",
        "The meeting is rescheduled",
    ]
    assert texts(group, "entry-date") == ["20 June 2024", "mid-July 2024"]
    assert texts(group, "type-badge") == [
        "REJECT › meeting cancelled or postponed",
        "AGREE › meeting rescheduled",
    ]
    assert texts(group, "participant-roles") == ["as actor", "as target"]
    slugs = [entry.slug for entry in Entry.objects.order_by("date_lower")]
    assert [row.xpath("a/@href")[0] for row in rows] == [
        f"/c/iran/?entity={white_house.pk}#entry-{slug}" for slug in slugs
    ]
    place = parse(page_of(israel))
    assert texts(place, "participant-roles") == ["as target", "as location"]


def test_each_entry_links_to_the_page_of_the_filtered_list_it_is_on(
    topic, white_house, monkeypatch
):
    monkeypatch.setattr(public, "PER_PAGE", 2)
    monkeypatch.setattr(public, "ENTRIES_PER_CHRONOLOGY", 3)
    made = [
        data.entry([topic], f"2024-06-0{day}", events=[cited((white_house, "actor"))])
        for day in range(1, 6)
    ]
    tree = parse(page_of(white_house))
    links = tree.xpath("//ol[@class='entity-entries']/li/a/@href")
    filtered = f"/c/iran/?entity={white_house.pk}"
    assert links == [
        f"{filtered}#entry-{made[0].slug}",
        f"{filtered}#entry-{made[1].slug}",
        f"{filtered}&page=2#entry-{made[2].slug}",
    ]
    (more,) = [a for a in tree.xpath("//a") if text(a).startswith("All 5 entries")]
    assert more.get("href") == filtered
    # The link leads to the list where that entry is.
    listed = parse(Client().get(links[2].split("#")[0]))
    assert listed.get_element_by_id(f"entry-{made[2].slug}") is not None


def test_an_entity_in_no_published_entry_is_not_public(topic, white_house, israel):
    assert page_of(white_house).status_code == 404
    data.entry([topic], "2024-06-20", status=Entry.Status.DRAFT, events=[cited((israel, "actor"))])
    assert page_of(israel).status_code == 404
    assert Client().get("/c/entities/999999/").status_code == 404


def test_an_entity_only_in_a_private_chronology_is_a_preview_for_curators(white_house):
    secret = data.chronology("Secret talks", slug="secret", public=False)
    data.entry([secret], "2024-06-20", events=[cited((white_house, "actor"))])
    assert page_of(white_house).status_code == 404
    curator = Client()
    curator.force_login(UserFactory(username="cura", role="curator"))
    response = page_of(white_house, curator)
    assert response.status_code == 200
    assert "private: staff only" in text(parse(response))
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"


def test_only_public_chronologies_are_listed_to_the_public(topic, white_house):
    data.entry([topic], "2024-06-20", headline="In public", events=[cited((white_house, "actor"))])
    secret = data.chronology("Secret talks", slug="secret", public=False)
    data.entry([secret], "2024-06-21", headline="In secret", events=[cited((white_house, "actor"))])
    tree = parse(page_of(white_house))
    assert [text(h) for h in tree.xpath("//section//h3")] == [topic.title]
    assert "In secret" not in text(tree)


def test_names_and_descriptions_are_escaped_and_a_bad_wikidata_id_is_no_link(topic):
    sneaky = data.entity(
        "<script>alert('name')</script>",
        "person",
        description="<img src=x onerror=alert(1)>",
        wikidata_id="javascript:alert(1)",
    )
    data.entry(
        [topic],
        "2024-06-20",
        headline="<b>Bold</b> claim",
        events=[cited((sneaky, "actor"))],
    )
    response = page_of(sneaky)
    page = response.content.decode()
    for raw in ["<script>alert('name')", "<img src=x", "<b>Bold", "javascript:alert"]:
        assert raw not in page
    tree = parse(response)
    assert text(tree.xpath("//h1")[0]) == "<script>alert('name')</script>"
    assert texts(tree, "entity-description") == ["<img src=x onerror=alert(1)>"]
    assert not with_class(tree, "wikidata-link")


def test_a_merged_entity_s_old_address_leads_to_the_one_it_was_merged_into(topic, white_house):
    data.entry([topic], "2024-06-20", events=[cited((white_house, "actor"))])
    old = data.entity("The White House", "organisation")
    annotation_services.entity_merge(
        survivor=white_house, merged=old, merged_by=UserFactory(username="editor")
    )
    response = page_of(old)
    assert response.status_code == 302 and response["Location"] == f"/c/entities/{white_house.pk}/"


def test_the_page_runs_the_same_queries_for_few_and_many_entries(
    topic, white_house, israel, django_assert_num_queries
):
    data.entry([topic], "2024-06-20", events=[cited((white_house, "actor"))])
    client = Client()
    # The entity, its entries by chronology, its roles there, the places it is.
    with django_assert_num_queries(4) as few:
        page_of(white_house, client)
    for day in range(1, 10):
        data.entry(
            [topic, data.chronology(f"Other {day}")],
            f"2024-07-0{day}",
            events=[cited((white_house, "actor"), (israel, "target"), location=israel)],
        )
    with django_assert_num_queries(len(few)):
        tree = parse(page_of(white_house, client))
    assert len(with_class(tree, "entity-chronology", "section")) == 10
    assert one(tree, "entity-kind") is not None

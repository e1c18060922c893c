"""The public chronology page (/c/<slug>/) and the index (/c/), read as a visitor reads
them: the timeline (one mark per entry, a range drawn as a bar across its bounds, an
approximate date faded, coloured by type, each mark a link named by its entry, zoomed to
the filters), the entries by year and month at their true precision with participants,
citations and "reported by N sources", the filters through htmx with the state in the
URL, the JSON-LD, the pager and the empty states. Only the cited passages of an article
ever reach the page, and everything people wrote is escaped."""

from datetime import date
from types import SimpleNamespace

import lxml.html
import pytest
from django.test import Client

from curation.chronology.models import Entry
from curation.chronology.views import public
from tests.chronology import public_data as data
from tests.chronology.reading import (
    class_rules,
    classes,
    css_value,
    entries,
    headlines,
    jsonld,
    one,
    parse,
    percent,
    text,
    texts,
    with_class,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CANCELLED = "White House cancels the Strategic Consultative Group meeting"
RESCHEDULED = "The meeting is rescheduled for mid-July"
CALL = "Officials speak by phone"
# Parts of every seed article that lie outside the quoted passage and its short context.
NEVER_SHOWN = [data.SECRET, "Reporting from Washington", "explains the background"]


@pytest.fixture
def seed():
    """The seed chronology's shape: the SCG cancellation reported by Axios and JNS, the
    meeting rescheduled for mid-July, and a phone call of about 13 June."""
    topic = data.chronology("US–Israel consultations on Iran, 2024", slug="iran")
    white_house = data.entity(
        "White House", "organisation", wikidata_id="Q35525", description="The US presidency"
    )
    israel = data.entity("Israel", "place", wikidata_id="Q801")
    sullivan = data.entity("Jake Sullivan", "person")
    axios = data.approved_event(
        data.article(
            source_name="Axios",
            title="Scoop: White House cancels strategic meeting with Israel",
            published_on=date(2024, 6, 21),
        ),
        participants=[(white_house, "actor"), (israel, "target")],
    )
    jns = data.approved_event(
        data.article(source_name="JNS", title="US calls off talks", published_on=date(2024, 6, 20)),
        participants=[(white_house, "actor")],
    )
    cancelled = data.entry([topic], "2024-06-20", headline=CANCELLED, events=[axios, jns])
    rescheduled = data.entry(
        [topic],
        "2024-07-11/2024-07-20",
        headline=RESCHEDULED,
        type_slug="agree-meeting-rescheduled",
        events=[
            data.approved_event(
                data.article(source_name="Axios", title="Talks back on"),
                date_value="2024-07-11/2024-07-20",
                type_slug="agree-meeting-rescheduled",
                participants=[(sullivan, "actor")],
                location=israel,
            )
        ],
    )
    call = data.entry([topic], "2024-06-13~", headline=CALL, type_slug="consult-call")
    return SimpleNamespace(
        topic=topic,
        white_house=white_house,
        israel=israel,
        sullivan=sullivan,
        cancelled=cancelled,
        rescheduled=rescheduled,
        call=call,
    )


def get(url="/c/iran/", client=None, headers=None, **query):
    return (client or Client()).get(url, query, headers=headers)


HTMX = {"HX-Request": "true"}


def entry_article(tree, headline: str):
    found = [item for item in entries(tree) if text(one(item, "entry-headline")) == headline]
    assert len(found) == 1, headlines(tree)
    return found[0]


def mark_for(tree, headline: str):
    found = [mark for mark in with_class(tree, "mark", "li") if text(mark).startswith(headline)]
    assert len(found) == 1, texts(tree, "mark", "li")
    return found[0]


# --- the timeline ------------------------------------------------------------------------


def test_each_entry_has_one_mark_that_links_to_it_by_its_text(seed):
    tree = parse(get())
    marks = with_class(tree, "mark", "li")
    assert len(marks) == len(entries(tree)) == 3
    for mark in marks:
        (link,) = mark.xpath("a")
        target = tree.get_element_by_id(link.get("href").removeprefix("#"))
        assert target.tag == "article" and target.get("tabindex") == "-1"
        assert text(link).startswith(text(one(target, "entry-headline")))
    assert text(mark_for(tree, RESCHEDULED)) == f"{RESCHEDULED}, mid-July 2024"
    assert text(mark_for(tree, CALL)) == f"{CALL}, c. 13 June 2024"
    figure = one(tree, "timeline", "figure")
    assert figure.get("aria-labelledby") == "timeline-caption"
    assert one(tree, "timeline-ticks").get("aria-hidden") == "true"


def test_a_range_is_a_bar_across_its_bounds_and_a_day_is_a_point(seed):
    tree = parse(get())
    # The axis runs from 13 June to 20 July: 38 days.
    bar = mark_for(tree, RESCHEDULED)
    assert {"mark", "mark-bar"} <= classes(bar) and "mark-point" not in classes(bar)
    # Places are classes in hundredths of a percent (chronology/timeline_classes.py).
    assert percent(bar, "left") == pytest.approx(28 / 38 * 100, abs=0.005)  # from 11 July
    assert percent(bar, "width") == pytest.approx(10 / 38 * 100, abs=0.005)  # ten days
    day = mark_for(tree, CANCELLED)
    assert "mark-point" in classes(day) and percent(day, "width") == 0
    assert percent(day, "left") == pytest.approx(7.5 / 38 * 100, abs=0.005)  # mid-20 June


def test_an_approximate_date_is_faded_and_marks_take_their_type_colour(seed):
    tree = parse(get())
    assert "mark-approximate" in classes(mark_for(tree, CALL))
    assert "mark-approximate" not in classes(mark_for(tree, CANCELLED))
    assert "/event-types.css" in tree.xpath("//link[@rel='stylesheet']/@href")
    type_colours = class_rules(Client().get("/event-types.css").text)
    colours = {
        headline: css_value(mark_for(tree, headline), "--type", type_colours)
        for headline in (CANCELLED, RESCHEDULED, CALL)
    }
    assert colours == {
        CANCELLED: seed.cancelled.event_type.parent.colour,
        RESCHEDULED: seed.rescheduled.event_type.parent.colour,
        CALL: seed.call.event_type.parent.colour,
    }
    assert len(set(colours.values())) == 3
    article = entry_article(tree, CANCELLED)
    assert css_value(article, "--type", type_colours) == colours[CANCELLED]


def test_the_timeline_zooms_to_the_filtered_range(seed):
    tree = parse(get(**{"from": "2024-07-01", "to": "2024-07-31"}))
    assert headlines(tree) == [RESCHEDULED]
    (bar,) = with_class(tree, "mark", "li")
    assert percent(bar, "left") == pytest.approx(10 / 31 * 100, abs=0.005)
    assert percent(bar, "width") == pytest.approx(10 / 31 * 100, abs=0.005)
    ticks = [text(tick) for tick in one(tree, "timeline-ticks").xpath("li")]
    assert ticks == ["1 Jul", "8 Jul", "15 Jul", "22 Jul", "29 Jul"]
    assert "matching the filters" in text(one(tree, "timeline-caption"))


# --- the entries -------------------------------------------------------------------------


def test_an_entry_shows_headline_type_participants_citations_and_sources(seed):
    tree = parse(get())
    article = entry_article(tree, CANCELLED)
    assert texts(article, "type-badge") == ["REJECT › meeting cancelled or postponed"]
    assert text(one(article, "entry-date")) == "20 June 2024"
    links = {text(a): a.get("href") for a in one(article, "participants").xpath(".//a")}
    assert links == {
        "Israel": f"/c/entities/{seed.israel.pk}/",
        "White House": f"/c/entities/{seed.white_house.pk}/",
    }
    assert texts(article, "participant-roles") == ["place; target", "organisation; actor"]
    assert text(one(article, "source-count")) == "Reported by 2 sources"
    citations = with_class(article, "citation", "li")
    # By publication date: JNS (20 June) before Axios (21 June).
    assert [text(one(c, "citation-source")) for c in citations] == [
        "JNS, US calls off talks, 20 June 2024",
        "Axios, Scoop: White House cancels strategic meeting with Israel, 21 June 2024",
    ]
    for citation in citations:
        assert [text(m) for m in citation.xpath(".//mark")] == [data.QUOTE]
        before, after = texts(citation, "context")
        assert before == "…the talks all week long."  # whole words only
        assert after == "with Israeli officials. A…"  # the last word may be cut: left out
        assert citation.xpath(".//cite")


def test_two_citations_from_one_outlet_are_one_source(seed):
    same = [data.approved_event(data.article(source_name="Reuters")) for _ in range(2)]
    data.entry([seed.topic], "2024-06-25", headline="Reuters twice", events=same)
    article = entry_article(parse(get()), "Reuters twice")
    assert len(with_class(article, "citation", "li")) == 2
    assert text(one(article, "source-count")) == "Reported by 1 source"


@pytest.fixture
def mixed():
    topic = data.chronology("Mixed", slug="mixed")
    for value, headline in [
        ("2024-07-11/2024-07-20", "mid-July"),
        ("", "undated"),
        ("2024-06-20", "a day"),
        ("2024", "the year"),
        ("2024-06-13~", "about a day"),
        ("2023-22", "a summer"),
        ("2024-06", "a month"),
    ]:
        data.entry([topic], value, headline=headline)
    return topic


def test_entries_are_grouped_by_year_and_month_in_order_at_their_precision(mixed):
    tree = parse(get("/c/mixed/"))
    assert headlines(tree) == [
        "a summer",
        "the year",
        "a month",
        "about a day",
        "a day",
        "mid-July",
        "undated",
    ]
    assert texts(tree, "year-heading") == ["2023", "2024", "Date unknown"]
    assert texts(tree, "month-heading") == ["June 2023", "January 2024", "June 2024", "July 2024"]
    assert texts(tree, "entry-date") == [
        "summer 2023",
        "2024",
        "June 2024",
        "c. 13 June 2024",
        "20 June 2024",
        "mid-July 2024",
        "Date unknown",
    ]
    times = [t.get("datetime") for t in tree.xpath("//p[@class='entry-date']/time")]
    assert times == ["2024", "2024-06", "2024-06-13", "2024-06-20"]  # a span has no <time>
    notes = {text(one(e, "entry-headline")): texts(e, "entry-note") for e in entries(tree)}
    assert notes["the year"] == ["Listed where it begins; it runs to December 2024."]
    assert notes["a summer"] == ["Listed where it begins; it runs to August 2023."]
    assert notes["a day"] == notes["mid-July"] == []
    assert len(with_class(tree, "mark", "li")) == 6  # the undated entry has no place on it


def test_drafts_and_other_chronologies_entries_are_not_listed(seed):
    data.entry([seed.topic], "2024-06-21", headline="A draft", status=Entry.Status.DRAFT)
    data.entry([data.chronology("Elsewhere")], "2024-06-22", headline="Elsewhere")
    tree = parse(get())
    assert headlines(tree) == [CALL, CANCELLED, RESCHEDULED]
    assert text(one(tree, "results-count")) == "3 entries."


# --- what the page never shows, and escaping ----------------------------------------------


def test_no_article_text_beyond_the_quoted_passages(seed):
    page = get().content.decode()
    assert data.QUOTE in page
    for words in NEVER_SHOWN:
        assert words not in page


def test_what_people_wrote_is_escaped(seed):
    script = "<script>alert('quote')</script>"
    body = f"<b>Washington</b> said {script} at the <i>meeting</i>, it was heard. {data.SECRET}"
    article = data.article(
        source_name="<b>Outlet</b>", title="<img src=x onerror=alert(1)>", body=body
    )
    sneaky = data.entity("<i>Party</i>", "person")
    event = data.approved_event(article, quote=script, participants=[(sneaky, "actor")])
    data.entry(
        [seed.topic],
        "2024-06-22",
        headline="<script>alert('headline')</script>",
        description="Line one <em>\nline two",
        events=[event],
    )
    response = get()
    page = response.content.decode()
    for raw in [
        script,
        "<script>alert('headline')",
        "<b>Outlet",
        "<img src=x",
        "<i>Party",
        "<em>",
        "<b>Washington",  # the quote's context, before
        "<i>meeting",  # and after
    ]:
        assert raw not in page
    tree = parse(response)
    article_element = entry_article(tree, "<script>alert('headline')</script>")
    assert [text(m) for m in article_element.xpath(".//mark")] == [script]
    assert texts(article_element, "context") == [
        "<b>Washington</b> said",  # the article starts here: no "…"
        "at the <i>meeting</i>, it was…",  # whole words only
    ]
    assert texts(article_element, "source-name") == ["<b>Outlet</b>"]
    assert text(one(article_element, "entry-description")) == "Line one <em>line two"
    assert article_element.xpath(".//p[@class='entry-description']/br")  # lines kept
    assert text(mark_for(tree, "<script>alert('headline')</script>")).endswith("22 June 2024")
    graph = jsonld(tree)["@graph"]
    assert "<script>alert('headline')</script>" in [node["name"] for node in graph]
    assert data.SECRET not in page
    options = get("/c/iran/entity-options/").content.decode()
    assert "&lt;i&gt;Party&lt;/i&gt; (person)" in options and "<i>" not in options


# --- JSON-LD -----------------------------------------------------------------------------


def test_json_ld_has_each_entry_as_an_event_at_its_true_precision(mixed):
    described = jsonld(parse(get("/c/mixed/")))
    assert described["@context"] == "https://schema.org"
    dates = {
        node["name"]: (node.get("startDate"), node.get("endDate")) for node in described["@graph"]
    }
    assert dates == {
        "a summer": ("2023-06", "2023-08"),
        "the year": ("2024", "2024"),
        "a month": ("2024-06", "2024-06"),
        "about a day": ("2024-06-13", "2024-06-13"),
        "a day": ("2024-06-20", "2024-06-20"),
        "mid-July": ("2024-07-11", "2024-07-20"),
        "undated": (None, None),
    }
    assert all(node["@type"] == "Event" for node in described["@graph"])
    approximate = next(n for n in described["@graph"] if n["name"] == "about a day")
    assert approximate["description"] == "Date: c. 13 June 2024."


def test_json_ld_names_participants_places_and_the_quoted_words(seed):
    graph = jsonld(parse(get()))["@graph"]
    cancelled = next(node for node in graph if node["name"] == CANCELLED)
    assert cancelled["@id"] == f"http://testserver/c/iran/#entry-{seed.cancelled.slug}"
    assert cancelled["organizer"] == [
        {
            "@type": "Organization",
            "name": "White House",
            "url": f"http://testserver/c/entities/{seed.white_house.pk}/",
            "sameAs": "https://www.wikidata.org/wiki/Q35525",
        }
    ]
    assert [quotation["text"] for quotation in cancelled["subjectOf"]] == [data.QUOTE] * 2
    publishers = [q["isBasedOn"]["publisher"]["name"] for q in cancelled["subjectOf"]]
    assert publishers == ["JNS", "Axios"]
    rescheduled = next(node for node in graph if node["name"] == RESCHEDULED)
    assert rescheduled["location"][0]["name"] == "Israel"


# --- filters -----------------------------------------------------------------------------


def test_filters_by_entity_type_and_dates_narrow_the_list_and_the_timeline(seed):
    by_entity = parse(get(entity=seed.white_house.pk))
    assert headlines(by_entity) == [CANCELLED]
    assert len(with_class(by_entity, "mark", "li")) == 1
    assert by_entity.xpath("//select[@name='entity']/option[@selected]/@value") == [
        str(seed.white_house.pk)
    ]
    by_place = parse(get(entity=seed.israel.pk))  # a target of one, the place of another
    assert headlines(by_place) == [CANCELLED, RESCHEDULED]

    agree = seed.rescheduled.event_type.parent
    by_parent_type = parse(get(type=agree.pk))  # a parent type takes in its subtypes
    assert headlines(by_parent_type) == [RESCHEDULED]
    by_dates = parse(get(**{"from": "2024-06-14", "to": "2024-06-30"}))
    assert headlines(by_dates) == [CANCELLED]
    assert by_dates.xpath("//input[@name='from']/@value") == ["2024-06-14"]
    assert "matching the filters" in text(one(by_dates, "results-count"))

    nothing = parse(get(entity=seed.sullivan.pk, type=agree.pk, to="2024-06-30"))
    assert headlines(nothing) == []
    assert text(one(nothing, "results-count")).startswith("No entries match these filters.")
    assert not with_class(nothing, "timeline")


def test_the_entity_choices_come_after_the_page_and_the_type_choices_with_it(seed):
    tree = parse(get())
    (select,) = tree.xpath("//select[@name='entity']")
    assert [text(option) for option in select.xpath("option")] == ["All entities"]
    assert select.get("hx-get") == "/c/iran/entity-options/"
    assert select.get("hx-trigger") == "load" and select.get("hx-swap") == "innerHTML"
    assert select.get("hx-push-url") == "false"  # fetching the choices is no step in history
    type_options = [text(option) for option in tree.xpath("//select[@name='type']/option")]
    assert type_options == [
        "All types",
        "AGREE",
        "AGREE › meeting rescheduled",
        "CONSULT",
        "CONSULT › phone call",
        "REJECT",
        "REJECT › meeting cancelled or postponed",
    ]
    chosen = parse(get(entity=seed.sullivan.pk)).xpath("//select[@name='entity']/option")
    assert [(option.get("value"), text(option)) for option in chosen] == [
        ("", "All entities"),
        (str(seed.sullivan.pk), "Jake Sullivan (person)"),
    ]
    assert chosen[1].get("selected") is not None


def test_the_entity_choices_are_the_entities_of_the_published_entries(seed):
    data.entity("Nobody here", "person")
    data.entry([seed.topic], "2024-06-22", status=Entry.Status.DRAFT, headline="Draft")
    response = get("/c/iran/entity-options/", entity=str(seed.israel.pk))
    assert response.status_code == 200
    options = lxml.html.fragments_fromstring(response.content.decode())
    assert [(option.get("value"), text(option)) for option in options] == [
        ("", "All entities"),
        (str(seed.israel.pk), "Israel (place)"),
        (str(seed.sullivan.pk), "Jake Sullivan (person)"),
        (str(seed.white_house.pk), "White House (organisation)"),
    ]
    assert [option.get("value") for option in options if option.get("selected") is not None] == [
        str(seed.israel.pk)
    ]


def test_the_filters_go_through_htmx_and_keep_their_state_in_the_url(seed):
    tree = parse(get())
    form = tree.get_element_by_id("chronology-filters")
    assert form.get("method") == "get" and form.get("action") == "/c/iran/"
    assert form.get("hx-get") == "/c/iran/" and form.get("hx-push-url") == "true"
    assert form.get("hx-target") == "#chronology-results"
    assert {field.get("name") for field in form.xpath(".//select|.//input")} == {
        "entity",
        "type",
        "from",
        "to",
    }
    response = get(entity=seed.white_house.pk, headers=HTMX)
    (fragment,) = lxml.html.fragments_fromstring(response.content.decode().strip())
    assert fragment.get("id") == "chronology-results"
    assert not fragment.xpath("//form") and b"<html" not in response.content
    assert headlines(fragment) == [CANCELLED]
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"entity": "abc"}, "No entity in this chronology is number abc."),
        ({"entity": "9" * 30}, f"No entity in this chronology is number {'9' * 30}."),
        ({"entity": "-1"}, "No entity in this chronology is number -1."),
        ({"type": "999999"}, "No type in this chronology is number 999999."),
        ({"from": "2024-13-01"}, "The “from” date isn't a date we can read."),
        ({"to": "20 June"}, "write it as year-month-day, like 2024-06-20."),
        (
            {"from": "2024-07-01", "to": "2024-06-01"},
            "The “to” date (2024-06-01) is before the “from” date (2024-07-01). Swap them",
        ),
    ],
)
def test_a_bad_filter_is_a_422_that_says_what_to_write(seed, query, message):
    for headers in ({}, HTMX):
        response = get(headers=headers, **query)
        assert response.status_code == 422
        tree = parse(response)
        (alert,) = tree.xpath("//*[@role='alert' and contains(@class, 'filter-errors')]")
        assert message in text(alert)
        assert entries(tree) == [] and not with_class(tree, "timeline")


def test_an_entity_of_another_chronology_is_refused(seed):
    stranger = data.entity("Kremlin", "organisation")
    data.entry(
        [data.chronology("Elsewhere")],
        "2024-06-01",
        events=[data.approved_event(data.article(), participants=[(stranger, "actor")])],
    )
    response = get(entity=stranger.pk)
    assert response.status_code == 422
    assert f"No entity in this chronology is number {stranger.pk}." in response.content.decode()


def test_back_to_a_bad_filter_puts_the_whole_page_back(seed):
    response = get(headers={**HTMX, "HX-History-Restore-Request": "true"}, **{"from": "x"})
    assert response.status_code == 200  # htmx restores history only from a 200
    assert b"<html" in response.content and b"isn&#x27;t a date we can read" in response.content


# --- pages and empty states ----------------------------------------------------------------


def test_a_long_chronology_is_paged_and_the_pager_keeps_the_filters(seed, monkeypatch):
    monkeypatch.setattr(public, "PER_PAGE", 2)
    for day in range(1, 6):
        data.entry([seed.topic], f"2024-08-0{day}", headline=f"August {day}")
    first = parse(get())
    assert headlines(first) == [CALL, CANCELLED]
    assert text(one(first, "results-count")) == "Entries 1–2 of 8."
    assert text(one(first, "page-count")) == "Page 1 of 4"
    assert len(with_class(first, "mark", "li")) == 2  # the page's marks only

    second = parse(get(page="2"))
    assert headlines(second) == [RESCHEDULED, "August 1"]
    assert second.xpath("//a[@rel='prev']/@href") == ["?page=1"]
    assert (
        second.xpath("//nav[@class='pagination chronology-pager']//*[@aria-current]")[0].text == "2"
    )

    filtered = parse(get(**{"from": "2024-08-01", "page": "2"}))
    assert headlines(filtered) == ["August 3", "August 4"]
    assert filtered.xpath("//a[@rel='next']/@href") == ["?from=2024-08-01&page=3"]
    assert filtered.xpath("//a[@rel='next']/@hx-get") == ["?from=2024-08-01&page=3"]

    assert headlines(parse(get(page="99"))) == [
        "August 4",
        "August 5",
    ]  # past the end: the last page
    assert headlines(parse(get(page="abc"))) == [CALL, CANCELLED]


def test_an_empty_chronology_says_nothing_is_published_yet():
    topic = data.chronology("Empty", slug="empty")
    data.entry([topic], "2024-06-01", status=Entry.Status.DRAFT)
    response = get("/c/empty/")
    assert response.status_code == 200
    tree = parse(response)
    assert text(one(tree, "results-count")) == "Nothing has been published in this chronology yet."
    assert entries(tree) == [] and not with_class(tree, "timeline")
    assert not tree.xpath("//script[@type='application/ld+json']")


def test_the_page_links_its_exports_and_its_feed(seed):
    tree = parse(get())
    assert tree.xpath("//ul[@class='exports']//a/@href") == [
        "/c/iran/timeline.json",
        "/c/iran/entries.csv",
        "/c/iran/feed.atom",
        "/c/iran/calendar.ics",
        "/c/iran/annotations.jsonld",
    ]
    assert tree.xpath("//link[@rel='alternate']/@href") == ["/c/iran/feed.atom"]


def test_the_page_has_a_phone_viewport_and_print_styles(seed):
    tree = parse(get())
    assert tree.xpath("//meta[@name='viewport']/@content") == [
        "width=device-width, initial-scale=1"
    ]
    sheets = tree.xpath("//link[@rel='stylesheet']/@href")
    assert "/static/css/chronology.css" in sheets
    css = b"".join(Client().get("/static/css/chronology.css").streaming_content).decode()
    printed = css[css.index("@media print") :]
    for hidden in (".site-header", ".chronology-filters", ".chronology-pager", ".chronology-foot"):
        assert hidden in printed.split("display: none")[0]
    assert "break-inside: avoid" in printed


# --- who sees it -------------------------------------------------------------------------


def test_a_private_chronology_is_a_404_for_the_public_and_a_preview_for_curators(seed):
    seed.topic.is_public = False
    seed.topic.save()
    assert get().status_code == 404
    assert get("/c/iran/entity-options/").status_code == 404
    stranger = Client()
    stranger.force_login(UserFactory(username="nobody"))
    assert get(client=stranger).status_code == 404
    assert get("/c/no-such-chronology/").status_code == 404

    curator = Client()
    curator.force_login(UserFactory(username="cura", role="curator"))
    response = get(client=curator)
    assert response.status_code == 200
    assert "Preview: this chronology is private" in text(one(parse(response), "preview-note"))
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    options = get("/c/iran/entity-options/", client=curator)
    assert options.status_code == 200 and "no-store" in options["Cache-Control"]


# --- the index ---------------------------------------------------------------------------


def test_the_index_lists_public_chronologies_with_their_size_and_dates(seed):
    data.chronology("Secret talks", slug="secret", public=False)
    data.entry([data.chronology("Older", slug="older")], "2009", headline="Long ago")
    tree = parse(get("/c/"))
    cards = with_class(tree, "chronology-card")
    assert [text(card.xpath(".//h2")[0]) for card in cards] == [  # by title
        "Older",
        "US–Israel consultations on Iran, 2024",
    ]
    iran = next(card for card in cards if "Iran" in text(card))
    assert iran.xpath(".//h2/a/@href") == ["/c/iran/"]
    facts = [text(dd) for dd in iran.xpath(".//dd")]
    assert facts == ["3", "c. 13 June 2024 to mid-July 2024"]
    assert "Secret talks" not in text(tree)


def test_the_index_says_when_nothing_is_public():
    data.chronology("Secret talks", public=False)
    tree = parse(get("/c/"))
    assert texts(tree, "empty-state") == [
        "No chronology is public yet. When curators publish one, it will be listed here."
    ]


def test_the_menu_offers_articles_only_to_those_who_may_read_them():
    """Articles are for the desk's staff: a visitor's menu doesn't lead to a login page."""
    articles = 'href="/articles/"'
    assert articles not in get("/c/").content.decode()
    reader = Client()
    reader.force_login(UserFactory(role="annotator"))
    assert articles in get("/c/", client=reader).content.decode()
    no_role = Client()
    no_role.force_login(UserFactory())
    assert articles not in get("/c/", client=no_role).content.decode()

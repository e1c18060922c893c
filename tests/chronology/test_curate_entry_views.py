"""An entry's page (/curate/entries/<id>/) through HTTP: detach, split, merge entries,
edit, the date conflict and its confirmation, publish and unpublish; a change against an
older version is a 409 that says who changed it, garbled input a 422 with what to do, and
an htmx answer is the entry's part of the page alone."""

import re
from html import unescape

import pytest

from curation.annotations.models import Event, EventType, Status
from curation.chronology import services
from curation.chronology.models import Chronology, Entry, EntryEvent
from tests.chronology.desk import client_for, entity, waiting_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
EXPECTED_ENTRY_PAGE_QUERIES = 16


@pytest.fixture
def curator():
    return UserFactory(username="cura", first_name="Cora", role="curator")


@pytest.fixture
def client(curator):
    return client_for(curator)


@pytest.fixture
def topic():
    return Chronology.objects.create(title="Iran talks, 2024", slug="iran-talks", is_public=True)


@pytest.fixture
def reports():
    white_house = entity("White House")
    return {
        "day": waiting_event("2024-06-20", headline="WH cancels SCG", participants=(white_house,)),
        "week": waiting_event(
            "2024-06-17/2024-06-23",
            headline="SCG called off",
            participants=(white_house,),
            source="Jewish News Syndicate",
        ),
        "july": waiting_event(
            "2024-07", headline="SCG scrapped", participants=(white_house,), source="Haaretz"
        ),
    }


@pytest.fixture
def entry(curator, reports):
    """The day's and the week's reports: their dates agree."""
    return services.entry_create(events=[reports["day"], reports["week"]], by=curator)


@pytest.fixture
def conflicted(curator, reports):
    """All three reports: July doesn't overlap June, so the sources differ on the date."""
    return services.entry_create(events=list(reports.values()), by=curator)


def url(entry: Entry, action: str = "") -> str:
    return f"/curate/entries/{entry.pk}/" + (f"{action}/" if action else "")


def text(response) -> str:
    return unescape(response.content.decode())


def fresh(entry: Entry) -> Entry:
    return Entry.objects.get(pk=entry.pk)


def entry_part(response) -> str:
    """An htmx answer is the entry's part of the page alone."""
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="entry"') and "<html" not in html, html[:200]
    return unescape(html)


# --- the page ------------------------------------------------------------------------------


def test_the_page_shows_each_source_with_its_date_and_words(client, entry):
    html = text(client.get(url(entry)))
    assert "Sources differ on date" not in html
    assert len(re.findall(r'class="entry-event type-\d+"', html)) == 2
    assert "Jewish News Syndicate" in html and "17–23 June 2024" in html
    assert "<mark>The White House canceled the meeting</mark>" in html


def test_sources_that_differ_are_flagged_with_each_sources_date(client, conflicted):
    html = text(client.get(url(conflicted)))
    flag = html[html.index('<section class="card date-conflict"') :]
    flag = flag[: flag.index("</section>")]
    assert re.findall(r"<li><strong>([^<]+)</strong>: ([^<(]+)", flag) == [
        ("Jewish News Syndicate", "17–23 June 2024"),
        ("Axios", "20 June 2024"),
        ("Haaretz", "July 2024"),
    ]
    assert "Confirm the date: 20 June 2024" in flag


def test_an_entry_merged_away_leads_to_the_one_it_went_into(client, curator, entry, reports):
    other = services.entry_create(events=[reports["july"]], by=curator)
    gone = f"/curate/entries/{other.pk}/"
    services.entries_merge(survivor=entry, merged=other, by=curator, expected_versions=(None, None))
    response = client.get(gone, follow=True)
    assert response.redirect_chain == [(url(entry), 302)]
    assert f"That entry was merged into this one (entry {entry.pk})." in text(response)
    assert client.get("/curate/entries/999999/").status_code == 404


# --- edit, confirm, publish -------------------------------------------------------------------


def test_edit_saves_and_answers_with_the_entry_alone(client, entry):
    response = client.post(
        url(entry, "edit"),
        {
            "headline": "  The White House   calls off the SCG  ",
            "event_type": entry.event_type_id,
            "date": "mid-June 2024",
            "description": "Both outlets cite Axios.",
            "version": entry.version,
        },
        **HTMX,
    )
    assert response.status_code == 200
    html = entry_part(response)
    assert "Saved." in html and "<h1 hx-disable>The White House calls off the SCG</h1>" in html
    saved = fresh(entry)
    assert saved.headline == "The White House calls off the SCG"
    assert saved.date == "2024-06-11/2024-06-20" and saved.version == entry.version + 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("headline", "", "Give the entry a one-line headline."),
        ("headline", "x" * 301, "A headline is one line of up to 300 characters; this one has 301"),
        ("date", "next Tuesday", "an entry has no article to read it against"),
        ("date", "2024-13-45", "“2024-13-45”: there is no month 13; months are 01-12."),
        ("date", "9" * 61, "A date is at most 60 characters"),
        ("event_type", "abc", "Choose the entry's type from the list."),
        ("event_type", "999999", "Choose the entry's type from the list."),
        ("description", "d" * 2001, "A description is up to 2,000 characters"),
    ],
)
def test_edit_refuses_what_it_cannot_read_and_keeps_what_was_typed(
    client, entry, field, value, message
):
    data = {
        "headline": "Typed headline",
        "event_type": entry.event_type_id,
        "date": "2024-06-20",
        "description": "",
        "version": entry.version,
        field: value,
    }
    response = client.post(url(entry, "edit"), data, **HTMX)

    assert response.status_code == 422
    html = entry_part(response)
    assert "Check the fields marked below; nothing was saved." in html
    assert message in html
    if field != "headline":
        assert 'value="Typed headline"' in html
    assert fresh(entry).headline == entry.headline and fresh(entry).version == entry.version


def test_edit_against_an_older_version_is_refused_and_keeps_what_was_typed(client, entry):
    services.entry_update(
        entry=fresh(entry),
        by=UserFactory(username="carl", first_name="Carl", role="curator"),
        expected_version=entry.version,
        headline="Carl's headline",
        event_type=entry.event_type,
        date=entry.date,
    )
    response = client.post(
        url(entry, "edit"),
        {
            "headline": "Cora's headline",
            "event_type": entry.event_type_id,
            "date": "2024-06-20",
            "version": entry.version,
        },
        **HTMX,
    )
    assert response.status_code == 409
    html = entry_part(response)
    assert "This entry was changed by Carl at" in html and "Reload to see their version" in html
    assert "<h1 hx-disable>Carl's headline</h1>" in html  # the entry as it is now stored
    assert 'value="Cora\'s headline"' in html  # what they typed, to copy or send again
    assert fresh(entry).headline == "Carl's headline"


def test_a_form_without_a_version_is_refused_as_out_of_date(client, entry):
    for version in ("", "abc", "9" * 40):
        response = client.post(url(entry, "confirm-date"), {"version": version}, **HTMX)
        assert response.status_code == 409
        assert "This page is older than the entry it shows" in entry_part(response)
    assert fresh(entry).date_confirmed_at is None


def test_publishing_waits_for_the_date_to_be_confirmed(client, conflicted, topic, curator):
    response = client.post(
        url(conflicted, "publish"),
        {"chronologies": [topic.pk], "version": conflicted.version},
        **HTMX,
    )
    assert response.status_code == 422
    assert "Its sources differ on the date. Check each source's date and confirm" in entry_part(
        response
    )
    assert fresh(conflicted).status == Entry.Status.DRAFT

    response = client.post(url(conflicted, "confirm-date"), {"version": conflicted.version}, **HTMX)
    assert response.status_code == 200
    html = entry_part(response)
    assert "Date confirmed: 20 June 2024. The entry can be published." in html
    assert "was confirmed by cura on" in html
    confirmed = fresh(conflicted)
    assert confirmed.date_confirmed_by == curator

    response = client.post(
        url(conflicted, "publish"),
        {"chronologies": [topic.pk], "version": confirmed.version},
        **HTMX,
    )
    assert response.status_code == 200
    assert "Published in “Iran talks, 2024”." in entry_part(response)
    published = fresh(conflicted)
    assert published.status == Entry.Status.PUBLISHED and published.published_at
    assert list(published.chronologies.all()) == [topic]


def test_changing_the_date_asks_for_a_new_confirmation(client, conflicted, curator):
    services.entry_confirm_date(entry=conflicted, by=curator, expected_version=conflicted.version)
    response = client.post(
        url(conflicted, "edit"),
        {
            "headline": conflicted.headline,
            "event_type": conflicted.event_type_id,
            "date": "2024-07",
            "version": fresh(conflicted).version,
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert "Confirm the date: July 2024" in entry_part(response)
    assert fresh(conflicted).date_confirmed_at is None


def test_only_approved_events_are_published(client, entry, topic, reports):
    Event.objects.filter(pk=reports["week"].pk).update(status=Status.SUBMITTED)
    response = client.post(
        url(entry, "publish"), {"chronologies": [topic.pk], "version": entry.version}, **HTMX
    )
    assert response.status_code == 422
    assert (
        "“SCG called off” is submitted again: only approved events are published. Detach it, "
        "or wait for its review."
    ) in entry_part(response)
    assert fresh(entry).status == Entry.Status.DRAFT
    assert "Submitted again" in text(client.get(url(entry)))


@pytest.mark.parametrize(
    ("chronologies", "message"),
    [
        ([], "Choose the chronology (or chronologies) to publish it in."),
        (["abc"], "The chronologies came back garbled."),
        (["999999"], "One of the chronologies chosen no longer exists."),
    ],
)
def test_publishing_needs_chronologies_that_exist(client, entry, chronologies, message):
    response = client.post(
        url(entry, "publish"), {"chronologies": chronologies, "version": entry.version}, **HTMX
    )
    assert response.status_code == 422
    assert message in entry_part(response)


def test_unpublish_makes_it_a_draft_again(client, entry, topic, curator):
    services.entry_publish(
        entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
    )
    html = text(client.get(url(entry)))
    assert "Unpublish" in html and f'<a href="/c/{topic.slug}/">Iran talks, 2024</a>' in html

    response = client.post(url(entry, "unpublish"), {"version": fresh(entry).version}, **HTMX)

    assert response.status_code == 200
    assert "Unpublished: it is a draft again, off the public pages." in entry_part(response)
    assert fresh(entry).status == Entry.Status.DRAFT


# --- detach, split, merge ------------------------------------------------------------------


def test_detach_sends_an_event_back_to_the_waiting_list(client, entry, reports):
    response = client.post(
        url(entry, "detach"), {"event": reports["week"].pk, "version": entry.version}, **HTMX
    )
    assert response.status_code == 200
    assert "Detached “SCG called off”: it waits on the curation page again." in entry_part(response)
    assert list(fresh(entry).events.all()) == [reports["day"]]
    assert f'id="card-{reports["week"].pk}"' in client.get("/curate/").content.decode()


def test_detaching_the_last_event_deletes_the_entry(client, curator, reports):
    alone = services.entry_create(events=[reports["july"]], by=curator)
    response = client.post(
        url(alone, "detach"), {"event": reports["july"].pk, "version": alone.version}, **HTMX
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/curate/"
    assert not Entry.objects.filter(pk=alone.pk).exists()
    assert "so the entry was deleted. The event waits here again." in text(client.get("/curate/"))


def test_detach_of_an_event_not_in_the_entry_is_refused(client, entry, reports):
    for event in (reports["july"].pk, "abc", ""):
        response = client.post(url(entry, "detach"), {"event": event, "version": entry.version})
        assert response.status_code == 422
        assert "That event is no longer in this entry." in text(response)
    assert fresh(entry).events.count() == 2


def test_split_moves_the_ticked_events_into_a_new_entry(client, conflicted, reports):
    response = client.post(
        url(conflicted, "split"),
        {"event": [reports["july"].pk], "version": conflicted.version},
        **HTMX,
    )
    assert response.status_code == 200
    new = Entry.objects.exclude(pk=conflicted.pk).get()
    html = entry_part(response)
    assert f'Split 1 event off into the new entry <a href="/curate/entries/{new.pk}/">' in html
    assert list(new.events.all()) == [reports["july"]]
    assert set(fresh(conflicted).events.all()) == {reports["day"], reports["week"]}
    assert "Sources differ on date" not in html  # what was left agrees


@pytest.mark.parametrize("ticked", ["none", "all", "garbled"])
def test_split_needs_some_of_the_events_not_none_and_not_all(client, entry, reports, ticked):
    events = {
        "none": [],
        "all": [reports["day"].pk, reports["week"].pk],
        "garbled": ["abc", "-2"],
    }[ticked]
    response = client.post(url(entry, "split"), {"event": events, "version": entry.version})
    assert response.status_code == 422
    assert re.search(r"Tick the events to split off|not none and not all", text(response))
    assert Entry.objects.count() == 1


def test_merge_takes_a_suggested_entry_at_the_version_seen(client, curator, entry, topic):
    eve = waiting_event("2024-06-19", headline="Talks off", participants=(entity("White House"),))
    other = services.entry_create(events=[eve], by=curator)
    other.chronologies.add(topic)
    html = text(client.get(url(entry)))
    suggestion = html[html.index(f'<a href="/curate/entries/{other.pk}/">Talks off</a>') :]
    assert suggestion.index(
        "same type REJECT › meeting cancelled or postponed; dates 20 June 2024 / 19 June 2024 "
        "overlap; shared: White House"
    ) < suggestion.index(f'<input type="hidden" name="other" value="{other.pk}">')

    response = client.post(
        url(entry, "merge"),
        {"other": other.pk, "other_version": other.version, "version": entry.version},
        **HTMX,
    )

    assert response.status_code == 200
    html = entry_part(response)
    assert "Merged the entry “Talks off” into this one." in html
    assert "Merge into this entry</button>" in html and "Talks off</a>" not in html
    assert not Entry.objects.filter(pk=other.pk).exists()
    merged = fresh(entry)
    assert merged.events.count() == 3 and EntryEvent.objects.get(event=eve).entry == merged
    assert list(merged.chronologies.all()) == [topic]


def test_merge_against_an_entry_changed_since_is_refused(client, curator, entry, reports):
    other = services.entry_create(events=[reports["july"]], by=curator)
    seen = other.version
    services.entry_confirm_date(entry=other, by=curator, expected_version=seen)
    response = client.post(
        url(entry, "merge"),
        {"other": other.pk, "other_version": seen, "version": entry.version},
        **HTMX,
    )
    assert response.status_code == 409
    assert "This entry was changed by Cora at" in entry_part(response)
    assert Entry.objects.filter(pk=other.pk).exists()
    assert EntryEvent.objects.get(event=reports["july"]).entry_id == other.pk


@pytest.mark.parametrize(
    ("other", "message"),
    [
        ("", "Give the number of the entry to merge into this one, such as 12."),
        ("twelve", "Give the number of the entry to merge into this one, such as 12."),
        ("9" * 30, "Give the number of the entry to merge into this one, such as 12."),
        ("999999", "There is no entry 999999: check its number."),
        ("SELF", "An entry can't be merged into itself."),
    ],
)
def test_merge_by_number_says_what_is_wrong(client, entry, other, message):
    other = other.replace("SELF", f"#{entry.pk}")
    response = client.post(url(entry, "merge"), {"other": other, "version": entry.version}, **HTMX)
    assert response.status_code == 422
    assert message in entry_part(response)


def test_a_change_to_an_entry_merged_away_says_where_it_went(client, curator, entry, reports):
    other = services.entry_create(events=[reports["july"]], by=curator)
    gone = f"/curate/entries/{other.pk}/edit/"
    services.entries_merge(survivor=entry, merged=other, by=curator, expected_versions=(None, None))
    response = client.post(gone, {"version": 1}, **HTMX)
    assert response.status_code == 422
    assert f"This entry was merged into entry {entry.pk} a moment ago, so nothing was changed." in (
        text(response)
    )
    assert response["HX-Reswap"] == "none"


def test_without_htmx_a_change_goes_back_to_the_page_with_its_message(client, entry):
    response = client.post(url(entry, "confirm-date"), {"version": entry.version}, follow=True)
    assert response.redirect_chain == [(url(entry), 302)]
    assert "Date confirmed: 20 June 2024." in text(response)


@pytest.mark.parametrize("size", [2, 12])
def test_an_entry_page_runs_a_constant_number_of_queries(
    client, curator, size, django_assert_num_queries
):
    """However many events and sources it gathers, and entries it may be merged with."""
    white_house = entity("White House")
    events = [
        waiting_event("2024-06-20", participants=(white_house,), source=f"Outlet {n}")
        for n in range(size)
    ]
    entry = services.entry_create(events=events, by=curator)
    for _ in range(size):
        similar = waiting_event("2024-06-20", participants=(white_house,))
        services.entry_create(events=[similar], by=curator)
    # session, user, one for permissions; the entry, its events and their participants,
    # its chronologies, all chronologies (twice: the list and the form), the form's
    # types; similar entries: the entry's events and participants, the pool, theirs, and
    # "not the same"
    with django_assert_num_queries(EXPECTED_ENTRY_PAGE_QUERIES):
        assert client.get(url(entry)).status_code == 200


def test_event_types_in_the_form_are_grouped_by_category(client, entry):
    html = client.get(url(entry)).content.decode()
    names = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', html)
    reject = EventType.objects.get(slug="reject")
    assert names.index(str(reject)) + 1 == names.index(
        str(EventType.objects.get(slug="reject-meeting-cancelled"))
    )


def test_publishing_in_chronologies_with_long_titles_keeps_them_whole_in_the_history(
    entry, curator
):
    titles = [f"{n}: " + "a long chronology title " * 8 for n in range(3)]  # ~200 each
    chronologies = [
        Chronology.objects.create(title=title[:200], slug=f"long-{n}", is_public=True)
        for n, title in enumerate(titles)
    ]
    published = services.entry_publish(
        entry=entry, chronologies=chronologies, by=curator, expected_version=entry.version
    )
    reason = published.history.latest().history_change_reason
    assert reason == "published in " + ", ".join(c.title for c in chronologies)
    assert len(reason) > 500

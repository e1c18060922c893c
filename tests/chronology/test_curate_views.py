"""The curation page (/curate/) and the entries list (/curate/entries/) through HTTP: the
waiting events in date order with their suggestions and why; c, m and n; refusals that
say what happened (409 for a change made against an older version, 422 for anything
garbled, never a 500); htmx answers that carry only the fragments that changed; a
constant number of queries however many rows; pagination and empty states."""

import re
from html import unescape

import pytest

from curation.annotations.models import Status
from curation.chronology import services
from curation.chronology.models import Entry, EntryEvent, NotSameEvent
from tests.chronology.desk import client_for, entity, waiting_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
WHY_DAY_IN_WEEK = (
    "same type REJECT › meeting cancelled or postponed; dates 17–23 June 2024 / 20 June 2024 "
    "overlap; shared: Israel, White House"
)


@pytest.fixture
def curator():
    return UserFactory(username="cura", first_name="Cora", role="curator")


@pytest.fixture
def client(curator):
    return client_for(curator)


@pytest.fixture
def scg():
    """The SCG cancellation as two outlets reported it (a week, and a day in it), a third
    report a day earlier sharing only the White House, and a strike with nothing like it."""
    white_house, israel = entity("White House"), entity("Israel", "place")
    return {
        "week": waiting_event(
            "2024-06-17/2024-06-23",
            headline="SCG gathering called off",
            participants=(white_house, israel),
            source="Jewish News Syndicate",
        ),
        "day": waiting_event(
            "2024-06-20",
            headline="White House cancels the SCG meeting",
            participants=(white_house,),
            location=israel,
        ),
        "eve": waiting_event(
            "2024-06-19", headline="Talks off, officials say", participants=(white_house,)
        ),
        "strike": waiting_event(
            "2024-06-10",
            headline="Strike on a depot",
            type_slug="assault-missile-strike",
            participants=(entity("Israel Defense Forces"),),
        ),
    }


def card_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article id="card-(\d+)"', html)]


def card(html: str, pk: int) -> str:
    start = html.index(f'<article id="card-{pk}"')
    return html[start : html.index("</article>", start)]


def suggested(html: str, pk: int) -> list[str]:
    return re.findall(r'class="suggestion" data-key="([a-z]+-\d+)"', card(html, pk))


def shown(*events) -> list[int]:
    return [event.pk for event in events]


# --- the waiting list -------------------------------------------------------------------


def test_approved_events_not_in_an_entry_wait_in_date_order(client, curator):
    dates = ["2024-07", "", "2024-06-20", "2024", "2024-06-17/2024-06-23", "2024-06-20~"]
    waiting = {date: waiting_event(date) for date in dates}
    for status in (Status.DRAFT, Status.SUBMITTED, Status.REJECTED):
        waiting_event("2024-06-20", status=status)
    services.entry_create(events=[waiting_event("2024-06-21")], by=curator)

    html = client.get("/curate/").content.decode()

    expected = ["2024", "2024-06-17/2024-06-23", "2024-06-20", "2024-06-20~", "2024-07", ""]
    assert card_ids(html) == [waiting[date].pk for date in expected]
    assert "(6 in all)" in html
    assert '<span class="badge badge-warn">date unknown</span>' in card(html, waiting[""].pk)


def test_each_card_shows_its_suggestions_and_why(client, scg, curator):
    html = client.get("/curate/").content.decode()

    week, day, eve, strike = scg["week"], scg["day"], scg["eve"], scg["strike"]
    # The day shares two names with the week: it comes before the eve, which shares one.
    assert suggested(html, week.pk) == [f"event-{day.pk}", f"event-{eve.pk}"]
    assert WHY_DAY_IN_WEEK in card(html, week.pk)
    assert (
        "same type REJECT › meeting cancelled or postponed; dates 19 June 2024 / 20 June 2024 "
        "overlap; shared: White House"  # single days a day apart
    ) in card(html, eve.pk)
    assert suggested(html, strike.pk) == []
    assert "No suggestion: no waiting event or entry shares" in card(html, strike.pk)
    # Only the top suggestion carries the keys.
    assert card(html, week.pk).count("<kbd>m</kbd>") == 1


def test_an_entry_is_suggested_with_its_version(client, scg, curator):
    entry = services.entry_create(events=[scg["week"], scg["day"]], by=curator)

    html = client.get("/curate/").content.decode()

    assert suggested(html, scg["eve"].pk) == [f"entry-{entry.pk}"]
    eve = card(html, scg["eve"].pk)
    assert f'name="with" value="entry-{entry.pk}"' in eve
    assert f'<input type="hidden" name="version" value="{entry.version}">' in eve
    assert "Add to this entry" in eve


def test_related_types_are_suggested_and_say_so(client):
    white_house = entity("White House")
    cancelled = waiting_event("2024-06-20", participants=(white_house,))
    rejected = waiting_event("2024-06-20", type_slug="reject", participants=(white_house,))

    html = client.get("/curate/").content.decode()

    assert suggested(html, cancelled.pk) == [f"event-{rejected.pk}"]
    assert (
        "related types REJECT › meeting cancelled or postponed / REJECT; same date 20 June "
        "2024; shared: White House"
    ) in card(html, cancelled.pk)


# --- c, m, n ------------------------------------------------------------------------------


def test_c_makes_an_entry_of_one_event_and_its_card_leaves(client, scg):
    day = scg["day"]
    response = client.post(
        f"/curate/events/{day.pk}/entry/", {"shown": shown(*scg.values())}, **HTMX
    )

    assert response.status_code == 200
    entry = Entry.objects.get()
    assert list(entry.events.all()) == [day] and entry.status == Entry.Status.DRAFT
    html = response.content.decode()
    assert "New draft entry “White House cancels the SCG meeting”." in html
    assert f'<a href="/curate/entries/{entry.pk}/">Open the entry</a>' in html
    assert f'<div id="card-{day.pk}" hx-swap-oob="delete"></div>' in html


def test_m_merges_two_events_into_a_new_entry(client, scg):
    week, day = scg["week"], scg["day"]
    response = client.post(
        f"/curate/events/{week.pk}/merge/",
        {"with": f"event-{day.pk}", "shown": shown(*scg.values())},
        **HTMX,
    )

    assert response.status_code == 200
    entry = Entry.objects.get()
    assert set(entry.events.all()) == {week, day}
    assert entry.date == "2024-06-20"  # the more precise report's
    html = response.content.decode()
    assert (
        "Merged “SCG gathering called off” and “White House cancels the SCG meeting” into a "
        "new draft entry."
    ) in html


def test_m_adds_an_event_to_a_suggested_entry_at_the_version_seen(client, scg, curator):
    entry = services.entry_create(events=[scg["week"], scg["day"]], by=curator)
    eve = scg["eve"]

    response = client.post(
        f"/curate/events/{eve.pk}/merge/",
        {"with": f"entry-{entry.pk}", "version": entry.version, "shown": [eve.pk]},
        **HTMX,
    )

    assert response.status_code == 200
    assert "Added “Talks off, officials say” to the entry “White House cancels" in (
        response.content.decode()
    )
    assert EntryEvent.objects.get(event=eve).entry == entry


def test_m_against_an_entry_changed_since_is_refused_with_who_changed_it(client, scg, curator):
    entry = services.entry_create(events=[scg["week"]], by=curator)
    seen = entry.version
    services.entry_update(
        entry=entry,
        by=UserFactory(username="colleague", first_name="Carl", role="curator"),
        expected_version=seen,
        headline="Renamed meanwhile",
        event_type=entry.event_type,
        date=entry.date,
    )
    eve = scg["eve"]

    response = client.post(
        f"/curate/events/{eve.pk}/merge/",
        {"with": f"entry-{entry.pk}", "version": seen, "shown": [eve.pk]},
        **HTMX,
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "This entry was changed by Carl at" in html
    assert "so your change was not saved. Reload to see their version" in html
    assert 'class="curate-status is-error"' in html
    assert not EntryEvent.objects.filter(event=eve).exists()
    # The card stays, and its suggestion shows the entry as it now is.
    assert f'<div id="card-{eve.pk}" hx-swap-oob="delete">' not in html


def test_m_on_an_event_another_curator_took_says_where_it_went_and_drops_its_card(
    client, scg, curator
):
    week, day, eve = scg["week"], scg["day"], scg["eve"]
    services.entry_create(events=[week, day], by=curator)

    response = client.post(
        f"/curate/events/{eve.pk}/merge/",
        {"with": f"event-{day.pk}", "shown": shown(week, day, eve)},
        **HTMX,
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "“White House cancels the SCG meeting” is already in the entry" in html
    # The cards of the events that left the list meanwhile go; the eve's stays.
    assert f'<div id="card-{week.pk}" hx-swap-oob="delete">' in html
    assert f'<div id="card-{day.pk}" hx-swap-oob="delete">' in html
    assert f'<div id="card-{eve.pk}" hx-swap-oob="delete">' not in html
    assert EntryEvent.objects.count() == 2


def test_n_is_remembered_and_the_pair_never_suggested_again(client, scg, curator):
    week, day = scg["week"], scg["day"]

    response = client.post(
        f"/curate/events/{week.pk}/not-same/",
        {"with": f"event-{day.pk}", "shown": shown(*scg.values())},
        **HTMX,
    )

    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert (
        "Noted: “SCG gathering called off” is not the same as “White House cancels the SCG "
        "meeting”. They won't be suggested together again."
    ) in html
    pair = NotSameEvent.objects.get()
    assert (pair.first_id, pair.second_id, pair.decided_by) == (week.pk, day.pk, curator)
    # Both cards' suggestions are sent again, without each other; no card leaves.
    assert f'<section id="suggestions-{week.pk}"' in html
    assert f'<section id="suggestions-{day.pk}"' in html
    assert 'hx-swap-oob="delete"' not in html
    page = client.get("/curate/").content.decode()
    assert f"event-{day.pk}" not in suggested(page, week.pk)
    assert f"event-{week.pk}" not in suggested(page, day.pk)
    # ...nor once one of them is in an entry.
    entry = services.entry_create(events=[day], by=curator)
    page = client.get("/curate/").content.decode()
    assert f"entry-{entry.pk}" not in suggested(page, week.pk)


def test_n_on_an_entry_sets_the_event_apart_from_each_of_its_events(client, scg, curator):
    week, day, eve = scg["week"], scg["day"], scg["eve"]
    entry = services.entry_create(events=[week, day], by=curator)

    response = client.post(
        f"/curate/events/{eve.pk}/not-same/",
        {"with": f"entry-{entry.pk}", "shown": [eve.pk]},
        **HTMX,
    )

    assert response.status_code == 200
    assert f"is not the same as the entry “{entry.headline}”" in response.content.decode()
    assert set(NotSameEvent.objects.values_list("first", "second")) == {
        (week.pk, eve.pk),
        (day.pk, eve.pk),
    }
    assert suggested(client.get("/curate/").content.decode(), eve.pk) == []


def test_an_answer_carries_only_the_fragments_that_changed(client, scg):
    """Merging the week and the day: their cards leave, the eve's suggestions change (the
    two events became an entry) and are sent again; the strike's card is not in it."""
    week, day, eve, strike = scg["week"], scg["day"], scg["eve"], scg["strike"]

    response = client.post(
        f"/curate/events/{week.pk}/merge/",
        {"with": f"event-{day.pk}", "shown": shown(strike, week, day, eve)},
        **HTMX,
    )

    html = response.content.decode()
    assert "<html" not in html and "<article" not in html
    assert re.findall(r'id="(card-\d+|suggestions-\d+|curate-status)"', html) == [
        "curate-status",
        f"card-{week.pk}",
        f"card-{day.pk}",
        f"suggestions-{eve.pk}",
    ]
    entry = Entry.objects.get()
    assert f'data-key="entry-{entry.pk}"' in html


def test_without_htmx_an_action_goes_back_to_the_page_with_its_message(client, scg):
    response = client.post(f"/curate/events/{scg['strike'].pk}/entry/", {"page": "2"}, follow=True)

    assert response.redirect_chain == [("/curate/?page=2", 302)]
    assert "New draft entry “Strike on a depot”." in response.content.decode()


def test_a_csrf_token_is_required(curator, scg):
    client = client_for(curator, csrf=True)
    response = client.post(f"/curate/events/{scg['day'].pk}/entry/", **HTMX)
    assert response.status_code == 403
    assert not Entry.objects.exists()


# --- garbled input: a message, never a 500 ----------------------------------------------


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("merge", {"with": ""}, "The suggestion came back garbled"),
        ("merge", {"with": "event-abc"}, "The suggestion came back garbled"),
        ("merge", {"with": "entry-1e9"}, "The suggestion came back garbled"),
        ("merge", {"with": "event-" + "9" * 30}, "The suggestion came back garbled"),
        ("merge", {"with": "SELF"}, "The suggestion came back garbled"),
        ("merge", {"with": "event-999999"}, "The event suggested was deleted a moment ago"),
        ("merge", {"with": "entry-999999"}, "The entry suggested was merged or deleted"),
        ("not-same", {"with": "thing-1"}, "The suggestion came back garbled"),
        ("not-same", {"with": "SELF"}, "The suggestion came back garbled"),
        ("not-same", {"with": "event-999999"}, "What was suggested is gone"),
        ("not-same", {"with": "entry-999999"}, "What was suggested is gone"),
    ],
)
def test_garbled_suggestions_are_refused_with_a_message(client, scg, action, data, message):
    day = scg["day"]
    data = {
        "shown": ["x", "-1", "1" * 40, str(day.pk), "٣"],
        "page": "../etc",
        **{key: value.replace("SELF", f"event-{day.pk}") for key, value in data.items()},
    }

    response = client.post(f"/curate/events/{day.pk}/{action}/", data, **HTMX)

    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Entry.objects.exists() and not NotSameEvent.objects.exists()


def test_garbled_versions_are_refused_as_out_of_date(client, scg, curator):
    entry = services.entry_create(events=[scg["week"]], by=curator)
    for version in ("", "abc", "-1", "9" * 30, "٣"):
        response = client.post(
            f"/curate/events/{scg['day'].pk}/merge/",
            {"with": f"entry-{entry.pk}", "version": version},
            **HTMX,
        )
        assert response.status_code == 409, version
        assert "This page is older than the entry it shows" in response.content.decode()
    assert entry.entry_events.count() == 1


def test_an_event_that_is_no_longer_approved_is_refused(client, scg):
    from curation.annotations.models import Event

    Event.objects.filter(pk=scg["day"].pk).update(status=Status.SUBMITTED)
    response = client.post(f"/curate/events/{scg['day'].pk}/entry/", **HTMX)
    assert response.status_code == 422
    assert "is submitted: only approved events go into a chronology" in (response.content.decode())


# --- queries, pages, empty states --------------------------------------------------------


def desk_of(*, waiting: int, entries: int, curator) -> None:
    """``waiting`` events and ``entries`` entries (of one event each) on days of June, all
    sharing the White House, so that they suggest one another."""
    white_house, israel = entity("White House"), entity("Israel", "place")
    events = [
        waiting_event(
            f"2024-06-{1 + n % 28:02d}",
            participants=(white_house,),
            location=israel if n % 2 else None,
        )
        for n in range(waiting + entries)
    ]
    for event in events[waiting:]:
        services.entry_create(events=[event], by=curator)


@pytest.mark.parametrize("size", [5, 50])
def test_the_page_runs_a_constant_number_of_queries(
    client, curator, size, django_assert_num_queries
):
    desk_of(waiting=size, entries=size // 5, curator=curator)
    # session, user, one for permissions, count, page, participants, pool events and
    # entries, their participants, the entries' events and participants, "not the same"
    with django_assert_num_queries(12):
        response = client.get("/curate/")
    assert len(card_ids(response.content.decode())) == min(size, 20)
    assert 'data-key="entry-' in response.content.decode()


@pytest.mark.parametrize("size", [5, 50])
def test_the_entries_list_runs_a_constant_number_of_queries(
    client, curator, size, django_assert_num_queries
):
    desk_of(waiting=5, entries=size, curator=curator)
    # session, user, one for permissions, count, the filter's chronologies and types, the
    # page of entries, their chronologies
    with django_assert_num_queries(8):
        response = client.get("/curate/entries/")
    assert response.content.decode().count('href="/curate/entries/') == size


def test_the_waiting_list_is_paged(client):
    events = [waiting_event(f"2024-05-{n:02d}") for n in range(1, 26)]

    first = client.get("/curate/").content.decode()
    second = client.get("/curate/?page=2").content.decode()

    assert card_ids(first) == [event.pk for event in events[:20]]
    assert card_ids(second) == [event.pk for event in events[20:]]
    assert "Page 1 of 2 · 25 waiting" in first and 'href="?page=2"' in first
    assert "Page 2 of 2 · 25 waiting" in second and 'href="?page=1"' in second
    # A page past the end, or a garbled one, shows a page that exists.
    assert card_ids(client.get("/curate/?page=99").content.decode()) == card_ids(second)
    assert card_ids(client.get("/curate/?page=x").content.decode()) == card_ids(first)
    # Each card's forms say which page to come back to without htmx.
    assert '<input type="hidden" name="page" value="2">' in second


def test_the_entries_list_is_paged(client, curator):
    for n in range(1, 8):
        services.entry_create(events=[waiting_event(f"2024-05-{n:02d}")], by=curator)
    html = client.get("/curate/entries/?per_page=5&page=2").content.decode()
    assert html.count('href="/curate/entries/') == 2


def test_empty_states(client):
    page = client.get("/curate/").content.decode()
    assert "No approved event waits for an entry." in page
    assert "(0 in all)" in page and "Page 1 of" not in page
    entries = client.get("/curate/entries/").content.decode()
    assert "No entries yet. Make one on the curation page: press c on an approved event." in (
        entries
    )


def test_the_entries_list_flags_sources_that_differ(client, curator):
    differ = services.entry_create(
        events=[waiting_event("2024-06-20"), waiting_event("2024-07")], by=curator
    )
    agree = services.entry_create(events=[waiting_event("2024-06-20")], by=curator)

    html = client.get("/curate/entries/?sources_differ=true").content.decode()

    assert f'href="/curate/entries/{differ.pk}/"' in html
    assert f'href="/curate/entries/{agree.pk}/"' not in html
    assert '<span class="badge badge-warn">Sources differ on date</span>' in html
    services.entry_confirm_date(entry=differ, by=curator, expected_version=differ.version)
    html = client.get("/curate/entries/").content.decode()
    assert '<span class="badge badge-ok">Sources differ: date confirmed</span>' in html


def test_the_entries_list_answers_htmx_with_its_table_alone(client, curator):
    services.entry_create(events=[waiting_event("2024-06-20")], by=curator)
    html = client.get("/curate/entries/?q=Event", **HTMX).content.decode()
    assert "<html" not in html and 'id="entries-table"' in html

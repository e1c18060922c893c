"""The review queue page: who may see it, what a row shows, the counts, the filters, the
sorting, the empty queue, and a constant number of queries whatever its size."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from curation.annotations.models import EventType, Status
from curation.articles.models import Source
from tests.factories import SourceFactory, UserFactory
from tests.review.work import article, bulk_work, client_for, event, mention, person

pytestmark = pytest.mark.django_db

QUEUE = "/review/"
COUNTS = "/review/counts/"


def row_ids(response) -> list[str]:
    """The rows of the queue's table as the page shows them, in order, as "mention-12"
    or "event-3"."""
    return re.findall(r'<tr id="row-((?:mention|event)-\d+)"', response.content.decode())


# --- who may see it ----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_people_without_a_role_and_annotators_are_refused(stranger_client, annotator_client):
    assert stranger_client.get(QUEUE).status_code == 403
    assert annotator_client.get(QUEUE).status_code == 403


@pytest.mark.parametrize("role", ["reviewer", "curator", "admin"])
def test_reviewers_curators_and_admins_see_the_queue(role):
    assert client_for(UserFactory(role=role)).get(QUEUE).status_code == 200


def test_the_queue_is_reached_by_permission_not_by_group_name():
    """A user given only annotations.review_event, in no group, sees the events."""
    from django.contrib.auth.models import Permission

    author = UserFactory(role="annotator")
    waiting_event = event(by=author)
    mention(by=author)
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="review_event"))
    response = client_for(user).get(QUEUE)
    assert response.status_code == 200
    assert row_ids(response) == [f"event-{waiting_event.pk}"]


def test_the_nav_offers_review_to_reviewers_and_my_work_to_annotators(
    reviewer_client, annotator_client
):
    page = reviewer_client.get(QUEUE).content.decode()
    assert '<a href="/review/" aria-current="page">Review</a>' in page
    assert '<a href="/review/mine/" >My work</a>' in page
    page = annotator_client.get("/articles/").content.decode()
    assert 'href="/review/"' not in page
    assert '<a href="/review/mine/" >My work</a>' in page


# --- what a row shows --------------------------------------------------------------------


def test_a_mention_row_shows_its_quote_in_context_entity_article_author_and_time(
    reviewer_client, annotator
):
    item = mention(by=annotator, on=article("Talks off", source=SourceFactory(name="Axios")))
    page = reviewer_client.get(QUEUE).content.decode()
    assert (
        '<p class="snippet" hx-disable>Officials said <mark>Benjamin Netanyahu</mark> would travel to '
        "Washington…</p>"
    ) in page
    assert "<strong hx-disable>Benjamin Netanyahu</strong>" in page
    assert ">Talks off</a>" in page and ">Axios</td>" in page
    assert ">annie</td>" in page
    stamp = timezone.localtime(item.submitted_at)
    assert f'<time datetime="{stamp.isoformat()}">' in page


def test_an_event_row_shows_its_date_in_words_type_and_participants(reviewer_client, annotator):
    from curation.annotations.models import Participant

    item = event(by=annotator, date="2024-07-11/2024-07-20")
    Participant.objects.create(event=item, entity=person("White House"), role="actor")
    Participant.objects.create(event=item, entity=person("Benjamin Netanyahu"), role="target")
    page = reviewer_client.get(QUEUE).content.decode()
    assert '<span class="work-date">mid-July 2024</span>' in page
    assert "2024-07-11/2024-07-20" not in page  # the human reading, never the EDTF
    assert "REJECT › meeting cancelled or postponed</span>" in page
    assert "White House, Benjamin Netanyahu (target)" in page
    assert "<mark>was reportedly canceled by the White House</mark>" in page


def test_quotes_context_names_and_titles_are_escaped(reviewer_client, annotator):
    body = (
        'He wrote <script>alert("x")</script> & <b>bold</b> then named '
        "<img src=x onerror=alert(1)> in the note."
    )
    on = article('<i>Title</i> & "quotes"', body=body)
    entity = person("<svg onload=alert(2)>")
    mention(by=annotator, on=on, text="<img src=x onerror=alert(1)>", entity=entity)
    event(by=annotator, on=on, text="<b>bold</b>", headline="<script>alert(3)</script>")
    page = reviewer_client.get(QUEUE).content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<svg onload" not in page and "<b>bold" not in page
    assert "<i>Title" not in page  # nor in the article filter's options
    assert '<option value="' + str(on.pk) + '">&lt;i&gt;Title&lt;/i&gt; &amp; &quot;quotes' in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;svg onload=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "&lt;i&gt;Title&lt;/i&gt; &amp; &quot;quotes&quot;" in page


def test_the_reviewers_own_items_offer_no_approve_and_say_why(reviewer, reviewer_client):
    mine = mention(by=reviewer)
    page = reviewer_client.get(QUEUE).content.decode()
    row = page[page.index(f'id="row-mention-{mine.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "Yours: another reviewer approves it." in row
    assert 'data-action="approve"' not in row
    assert 'data-action="reject"' in row


def test_without_four_eyes_the_reviewer_may_approve_their_own(reviewer, reviewer_client, settings):
    settings.CURATION_FOUR_EYES = False
    mine = mention(by=reviewer)
    page = reviewer_client.get(QUEUE).content.decode()
    row = page[page.index(f'id="row-mention-{mine.pk}"') :]
    assert 'data-action="approve"' in row[: row.index("</tr>")]


def test_an_empty_queue_says_so(reviewer_client, annotator):
    mention(by=annotator, status=Status.DRAFT)
    mention(by=annotator, status=Status.APPROVED, text="White House")
    response = reviewer_client.get(QUEUE)
    assert row_ids(response) == []
    assert "Nothing waits for review." in response.content.decode()


def test_the_header_counts_work_in_each_state(reviewer_client, annotator):
    on = article()
    mention(by=annotator, on=on, status=Status.DRAFT)
    mention(by=annotator, on=on, status=Status.SUBMITTED, text="White House")
    mention(by=annotator, on=on, status=Status.REJECTED, text="Washington")
    event(by=annotator, on=on, status=Status.APPROVED)
    event(by=annotator, on=on, status=Status.SUBMITTED, text="next week")
    counts = reviewer_client.get(COUNTS, HTTP_HX_REQUEST="true").context["counts"]
    assert counts.of("mention") == {"draft": 1, "submitted": 1, "approved": 0, "rejected": 1}
    assert counts.of("event") == {"draft": 0, "submitted": 1, "approved": 1, "rejected": 0}
    fragment = reviewer_client.get(COUNTS, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<table id="review-counts" class="state-counts">')
    assert (
        '<tr data-kind="mention"><th scope="row">Mentions</th>\n      <td data-state="draft">1'
        '</td><td data-state="submitted">1</td><td data-state="approved">0</td>'
        '<td data-state="rejected">1</td></tr>'
    ) in fragment


def test_the_page_fetches_its_counts_once_shown_and_only_reviewers_get_them(
    reviewer_client, annotator_client, stranger_client, client
):
    page = reviewer_client.get(QUEUE).content.decode()
    assert (
        '<div id="review-counts" class="state-counts state-counts-pending" aria-busy="true" '
        f'hx-get="{COUNTS}" hx-trigger="load" hx-swap="outerHTML">'
    ) in page
    assert "counts" not in reviewer_client.get(QUEUE).context
    assert annotator_client.get(COUNTS).status_code == 403
    assert stranger_client.get(COUNTS).status_code == 403
    assert client.get(COUNTS)["Location"].startswith("/accounts/login/")
    assert reviewer_client.post(COUNTS).status_code == 405


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def spread(annotator):
    """Work of two annotators over two articles of two sources, submitted at different
    times: today, three days ago, and a fortnight ago."""
    other = UserFactory(username="omar", role="annotator")
    axios = article("Axios piece", source=SourceFactory(name="Axios"))
    reuters = article("Reuters piece", source=SourceFactory(name="Reuters"))
    now = timezone.now()
    return {
        "today_mention": mention(by=annotator, on=axios, submitted_at=now),
        "old_mention": mention(
            by=other, on=reuters, text="White House", submitted_at=now - timedelta(days=14)
        ),
        "recent_event": event(by=other, on=axios, submitted_at=now - timedelta(days=3)),
        "visit": event(
            by=annotator,
            on=reuters,
            text="would travel to Washington",
            headline="Netanyahu to visit Washington",
            type_slug="consult-visit",
            submitted_at=now - timedelta(hours=1),
        ),
        "other": other,
        "axios": axios,
        "reuters": reuters,
    }


def keys(*items) -> set[str]:
    return {f"{item._meta.model_name}-{item.pk}" for item in items}


def test_filter_by_kind(reviewer_client, spread):
    response = reviewer_client.get(QUEUE, {"kind": "event"})
    assert set(row_ids(response)) == keys(spread["recent_event"], spread["visit"])
    response = reviewer_client.get(QUEUE, {"kind": "mention"})
    assert set(row_ids(response)) == keys(spread["today_mention"], spread["old_mention"])


def test_filter_by_event_type_keeps_only_events_of_that_type_or_its_subtypes(
    reviewer_client, spread
):
    visit = EventType.objects.get(slug="consult-visit")
    response = reviewer_client.get(QUEUE, {"event_type": visit.pk})
    assert row_ids(response) == [f"event-{spread['visit'].pk}"]
    consult = visit.parent
    response = reviewer_client.get(QUEUE, {"event_type": consult.pk})
    assert row_ids(response) == [f"event-{spread['visit'].pk}"]


def test_filter_by_article_source_and_annotator(reviewer_client, spread, annotator):
    response = reviewer_client.get(QUEUE, {"article": spread["axios"].pk})
    assert set(row_ids(response)) == keys(spread["today_mention"], spread["recent_event"])
    source = spread["reuters"].source
    response = reviewer_client.get(QUEUE, {"source": source.pk})
    assert set(row_ids(response)) == keys(spread["old_mention"], spread["visit"])
    response = reviewer_client.get(QUEUE, {"annotator": spread["other"].pk})
    assert set(row_ids(response)) == keys(spread["old_mention"], spread["recent_event"])
    response = reviewer_client.get(
        QUEUE, {"annotator": annotator.pk, "source": source.pk, "kind": "event"}
    )
    assert row_ids(response) == [f"event-{spread['visit'].pk}"]


def test_filter_by_age(reviewer_client, spread):
    today = set(row_ids(reviewer_client.get(QUEUE, {"age": "today"})))
    # Submitted an hour ago may be yesterday just after midnight: only the one of now is sure.
    assert f"mention-{spread['today_mention'].pk}" in today
    assert not today & keys(spread["recent_event"], spread["old_mention"])
    week = reviewer_client.get(QUEUE, {"age": "week"})
    assert set(row_ids(week)) == keys(
        spread["today_mention"], spread["recent_event"], spread["visit"]
    )
    older = reviewer_client.get(QUEUE, {"age": "older"})
    assert row_ids(older) == [f"mention-{spread['old_mention'].pk}"]


def test_the_filters_offer_the_articles_and_people_with_work_waiting(reviewer_client, spread):
    article("Nothing waiting here")
    form = reviewer_client.get(QUEUE).context["filter"].form
    titles = [label for value, label in form.fields["article"].choices if value]
    assert titles == ["Axios piece", "Reuters piece"]
    people = [label for value, label in form.fields["annotator"].choices if value]
    assert people == ["annie", "omar"]


def test_with_many_articles_waiting_the_filter_lists_the_newest_and_the_chosen_one(
    reviewer_client, annotator, monkeypatch
):
    from curation.review import filters

    monkeypatch.setattr(filters, "ARTICLE_CHOICES", 2)
    oldest, middle, newest = (article(f"Piece {n}") for n in "CBA")
    for on in (oldest, middle, newest):
        mention(by=annotator, on=on)
    form = reviewer_client.get(QUEUE).context["filter"].form
    choices = list(form.fields["article"].choices)
    assert [label for value, label in choices if value] == ["Piece A", "Piece B"]
    assert choices[0][1] == "All articles (listed below: the 2 newest with work waiting)"

    # an older one chosen by its link still filters the queue, and is shown chosen
    response = reviewer_client.get(QUEUE, {"article": oldest.pk})
    assert len(row_ids(response)) == 1
    assert f'<option value="{oldest.pk}" selected>Piece C</option>' in response.content.decode()


def test_the_newest_articles_listed_are_those_with_mentions_or_events_waiting(
    reviewer_client, annotator, monkeypatch
):
    from curation.review import filters

    monkeypatch.setattr(filters, "ARTICLE_CHOICES", 3)
    with_event, drafts_only, older, busy, newest = (article(f"Piece {n}") for n in "ABCDE")
    event(by=annotator, on=with_event)
    mention(by=annotator, on=drafts_only, status=Status.DRAFT)
    mention(by=annotator, on=older)
    for text in ("Officials", "White House", "Washington"):  # one article, listed once
        mention(by=annotator, on=busy, text=text)
    mention(by=annotator, on=newest)
    form = reviewer_client.get(QUEUE).context["filter"].form
    choices = list(form.fields["article"].choices)
    assert [label for value, label in choices if value] == ["Piece C", "Piece D", "Piece E"]
    # the one with an event waiting is the fourth newest: there are more than listed
    assert choices[0][1] == "All articles (listed below: the 3 newest with work waiting)"


def test_the_event_types_are_offered_under_their_category(reviewer_client, spread):
    form = reviewer_client.get(QUEUE).context["filter"].form
    labels = [label for value, label in form.fields["event_type"].choices]
    visit = EventType.objects.get(slug="consult-visit")
    assert labels[0] == "Any type"
    assert labels.index(visit.parent.name) < labels.index(f"{visit.parent.name} › {visit.name}")


def test_a_filtered_empty_queue_says_to_clear_the_filters(reviewer_client, spread):
    response = reviewer_client.get(QUEUE, {"kind": "event", "age": "older"})
    assert row_ids(response) == []
    assert "Clear the filters to see the rest." in response.content.decode()


def test_an_unknown_filter_value_shows_no_rows_and_the_error(reviewer_client, spread):
    response = reviewer_client.get(QUEUE, {"article": 999999})
    assert response.status_code == 200
    assert row_ids(response) == []
    assert response.context["table"].paginator.count == 0
    assert "Select a valid choice" in response.content.decode()


def test_filtering_through_htmx_sends_only_the_table(reviewer_client, spread):
    response = reviewer_client.get(QUEUE, {"kind": "event"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div class="table-container">')
    assert "<h1>" not in page and 'id="review-counts"' not in page


# --- sorting and paging ------------------------------------------------------------------


def test_the_oldest_waits_first_and_each_column_sorts_both_ways(reviewer_client, spread):
    by_age = [
        spread["old_mention"],
        spread["recent_event"],
        spread["visit"],
        spread["today_mention"],
    ]
    assert row_ids(reviewer_client.get(QUEUE)) == [f"{i._meta.model_name}-{i.pk}" for i in by_age]
    assert row_ids(reviewer_client.get(QUEUE, {"sort": "-submitted"})) == [
        f"{i._meta.model_name}-{i.pk}" for i in reversed(by_age)
    ]
    by_author = row_ids(reviewer_client.get(QUEUE, {"sort": "annotator"}))
    authors = {
        "annie": keys(spread["today_mention"], spread["visit"]),
        "omar": keys(spread["old_mention"], spread["recent_event"]),
    }
    assert set(by_author[:2]) == authors["annie"] and set(by_author[2:]) == authors["omar"]
    by_author_desc = row_ids(reviewer_client.get(QUEUE, {"sort": "-annotator"}))
    assert set(by_author_desc[:2]) == authors["omar"]
    by_article = row_ids(reviewer_client.get(QUEUE, {"sort": "-article"}))
    assert set(by_article[:2]) == keys(spread["old_mention"], spread["visit"])  # Reuters piece
    by_what = row_ids(reviewer_client.get(QUEUE, {"sort": "what"}))
    # Events first ("event" < "mention"), each kind by its label.
    assert by_what == [
        f"event-{spread['visit'].pk}",  # "Netanyahu to visit Washington"
        f"event-{spread['recent_event'].pk}",  # "White House cancels the meeting"
        f"mention-{spread['today_mention'].pk}",  # Benjamin Netanyahu
        f"mention-{spread['old_mention'].pk}",  # White House
    ]


def test_pages_of_mentions_and_events_together(reviewer_client, annotator):
    authors = [annotator]
    articles = [article(f"Article {n}") for n in range(3)]
    entities = [person(f"Person {n}") for n in range(10)]
    bulk_work(
        60,
        authors=authors,
        articles=articles,
        entities=entities,
        event_type=EventType.objects.get(slug="consult-visit"),
    )
    seen = []
    for page in (1, 2, 3):
        response = reviewer_client.get(QUEUE, {"page": page, "per_page": 25})
        seen += row_ids(response)
    assert len(seen) == 60 == len(set(seen))
    assert {key.split("-")[0] for key in seen[:25]} == {"mention", "event"}
    response = reviewer_client.get(QUEUE, {"page": 3}, HTTP_HX_REQUEST="true")
    assert "Page 3 of 3 · 60 in all" in response.content.decode()
    # A page out of range, or no number at all, shows the last or the first page.
    assert row_ids(reviewer_client.get(QUEUE, {"page": 99})) == seen[50:]
    assert row_ids(reviewer_client.get(QUEUE, {"page": "two"})) == seen[:25]
    assert row_ids(reviewer_client.get(QUEUE, {"per_page": "many"})) == seen[:25]
    assert len(row_ids(reviewer_client.get(QUEUE, {"per_page": 1000}))) == 60
    assert row_ids(reviewer_client.get(QUEUE, {"sort": "nonsense"})) == seen[:25]


# --- at scale ----------------------------------------------------------------------------


def make_queue(size: int) -> None:
    authors = [UserFactory(username=f"author{n}", role="annotator") for n in range(4)]
    articles = [
        article(f"Article {n}", source=SourceFactory(name=f"Outlet {n % 3}")) for n in range(40)
    ]
    entities = [person(f"Person {n}") for n in range(max(1, size // 80 + 1))]
    bulk_work(
        size,
        authors=authors,
        articles=articles,
        entities=entities,
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
    )


# session, user, the permissions (one query); the page of rows and their count
# (one per kind); the page's mentions, events and their participants; the filters' event
# types, articles, sources and annotators. The counts per state come in a request of their
# own: session, user, permissions and one per kind.
QUEUE_PAGE_QUERIES = 13
COUNTS_QUERIES = 5
# The table alone (HTMX), filtered: the same without the counts per state and the filter
# choices, but with the check that the posted source exists.
FILTERED_TABLE_QUERIES = 10


@pytest.mark.parametrize("size", [10, 10_000])
def test_the_queue_runs_the_same_queries_with_10_or_10000_items(
    size, reviewer_client, django_assert_num_queries
):
    make_queue(size)
    with django_assert_num_queries(QUEUE_PAGE_QUERIES):
        response = reviewer_client.get(QUEUE)
    assert len(row_ids(response)) == min(size, 25)
    with django_assert_num_queries(COUNTS_QUERIES):
        counts = reviewer_client.get(COUNTS, HTTP_HX_REQUEST="true").context["counts"]
    assert counts.total("submitted") == size
    assert {key.split("-")[0] for key in row_ids(response)} == {"mention", "event"}
    outlet = Source.objects.get(name="Outlet 0")
    with django_assert_num_queries(FILTERED_TABLE_QUERIES):
        response = reviewer_client.get(
            QUEUE,
            {"source": outlet.pk, "age": "week", "sort": "-submitted"},
            HTTP_HX_REQUEST="true",
        )
    assert {key.split("-")[0] for key in row_ids(response)} == {"mention", "event"}

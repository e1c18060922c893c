"""Dates typed into the event form: what the preview says, what is saved, and what is refused
with a message (the event form's clean_date, the date-preview view, the edtf filter)."""

import html
import re
from datetime import date

import pytest
from django.template import engines
from django.urls import reverse

from curation.annotations.models import Event, EventType
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "The talks were held in the summer, officials said.\n\nNothing else happened."
PASSAGE = "The talks were held"


@pytest.fixture
def article():
    return ArticleFactory(body=BODY, published_on=date(2024, 6, 26))


@pytest.fixture
def meeting():
    return EventType.objects.get(slug="consult-meeting")


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


def preview(client, article, typed: str) -> str:
    response = client.get(url("date-preview", article.pk), {"date": typed})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def reads_as(text: str) -> tuple[str, str] | None:
    """(the human reading, the EDTF beside it) from the preview fragment."""
    match = re.search(r"Reads as <strong>(.*?)</strong> <code>(.*?)</code>", text)
    return (match[1], match[2]) if match else None


def record(client, article, meeting, typed: str):
    return client.post(
        url("event-create", article.pk),
        {
            "start": 0,
            "end": len(PASSAGE),
            "quote": PASSAGE,
            "headline": "Talks held",
            "event_type": meeting.pk,
            "date": typed,
        },
        **HTMX,
    )


def listed_dates(text: str) -> list[str]:
    return re.findall(r'<span class="event-date">(.*?)</span>', html.unescape(text))


# --- the preview shows the human reading, the EDTF beside it --------------------------------

PREVIEWS = [
    ("summer 2024", ("summer 2024", "2024-22")),
    ("2024-22", ("summer 2024", "2024-22")),
    ("2024-24", ("winter 2024–25", "2024-24")),
    ("Q3 2024", ("Q3 2024", "2024-35")),
    ("third quarter of 2024", ("Q3 2024", "2024-35")),
    ("H1 2024", ("first half of 2024", "2024-40")),
    ("the second half of 2024", ("second half of 2024", "2024-41")),
    ("c. Q3 2024", ("c. Q3 2024", "2024-35~")),
    ("24/07/2024", ("24 July 2024", "2024-07-24")),
    ("since June 2024", ("from June 2024", "2024-06/..")),
    ("2024-06/..", ("from June 2024", "2024-06/..")),
]


@pytest.mark.parametrize(("typed", "expected"), PREVIEWS, ids=lambda v: str(v))
def test_the_preview_shows_how_a_date_reads(annotator_client, article, typed, expected):
    assert reads_as(preview(annotator_client, article, typed)) == expected


# (typed, words of the message the editor sees, in the preview and under the field)
REFUSED = [
    ("05/07/2024", "5 July 2024 or 7 May 2024? Write it as 2024-07-05 or 5 July 2024."),
    ("1 January 10000", "years run from 0001 to 9999. 10000 can't be stored."),
    ("2024-06-13?~%", "a date takes one mark at most"),
    ("9999-12-31/..", "an open end must start before 9999"),
    ("../2024-06", "an open start (..) is not supported"),
    ("before June 2024", "“before” names a limit"),
    ("24/07/24", "write the year with all its digits"),
]


@pytest.mark.parametrize(("typed", "message"), REFUSED, ids=lambda v: str(v))
def test_the_preview_explains_a_refusal(annotator_client, article, typed, message):
    shown = preview(annotator_client, article, typed)
    assert reads_as(shown) is None
    assert f'<span class="error" hx-disable>“{typed}”' in shown and message in shown


@pytest.mark.parametrize(("typed", "message"), REFUSED, ids=lambda v: str(v))
def test_the_event_form_refuses_with_the_same_message(
    annotator_client, article, meeting, typed, message
):
    response = record(annotator_client, article, meeting, typed)
    assert response.status_code == 422
    assert message in html.unescape(response.content.decode())
    assert not Event.objects.exists()


# --- what the form saves: the value, its bounds, and the list shows it in words -------------

SAVED = [
    ("Q3 2024", "2024-35", date(2024, 7, 1), date(2024, 9, 30), "Q3 2024"),
    (
        "the first half of 2024",
        "2024-40",
        date(2024, 1, 1),
        date(2024, 6, 30),
        "first half of 2024",
    ),
    ("H2 2024", "2024-41", date(2024, 7, 1), date(2024, 12, 31), "second half of 2024"),
    ("24/07/2024", "2024-07-24", date(2024, 7, 24), date(2024, 7, 24), "24 July 2024"),
    ("07/24/2024", "2024-07-24", date(2024, 7, 24), date(2024, 7, 24), "24 July 2024"),
    ("summer 2024", "2024-22", date(2024, 6, 1), date(2024, 8, 31), "summer 2024"),
    ("since June 2024", "2024-06/..", date(2024, 6, 1), date(9999, 12, 31), "from June 2024"),
]


@pytest.mark.parametrize(("typed", "value", "lower", "upper", "shown"), SAVED, ids=lambda v: str(v))
def test_the_event_form_saves_the_value_and_its_bounds(
    annotator_client, article, meeting, typed, value, lower, upper, shown
):
    response = record(annotator_client, article, meeting, typed)
    assert response.status_code == 200, response.content.decode()
    event = Event.objects.get()
    assert (event.date, event.date_lower, event.date_upper) == (value, lower, upper)
    assert listed_dates(response.content.decode()) == [shown]
    page = annotator_client.get(url("workspace", article.pk))
    assert listed_dates(page.content.decode()) == [shown]


def test_without_a_publication_date_a_numeric_day_still_reads(annotator_client, meeting):
    undated = ArticleFactory(body=BODY, published_on=None)
    response = record(annotator_client, undated, meeting, "24/07/2024")
    assert response.status_code == 200
    assert Event.objects.get().date == "2024-07-24"


# --- the edtf filter, the one way templates show dates ---------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2024-22", "summer 2024"),
        ("2024-35", "Q3 2024"),
        ("2024-40~", "c. first half of 2024"),
        ("2024-06/..", "from June 2024"),
        (date(2024, 6, 26), "26 June 2024"),
    ],
    ids=lambda v: str(v),
)
def test_the_edtf_filter_shows_every_stored_value_in_words(value, shown):
    template = engines["django"].from_string("{% load dates %}{{ value|edtf }}")
    assert template.render({"value": value}) == shown

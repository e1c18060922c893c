"""The export formats, built without the database (curation/chronology/exports/): dates at
their precision, escaping, the CSV formula guard, iCalendar spans read back by the
icalendar package, and the Web Annotation structures."""

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from curation.annotations.models import EventType
from curation.chronology.exports import csvtable, ical, timelinejs, webannotation
from curation.chronology.exports.dates import calendar_days, precision
from curation.chronology.exports.html import entry_html
from curation.chronology.models import Entry
from curation.chronology.selectors import Citation, PublicEntry, Taking

# Unsaved: the type reads "REJECT › meeting cancelled" without the database.
MEETING = EventType(pk=2, name="meeting cancelled", parent=EventType(pk=1, name="REJECT"))


def item(
    date_value="2024-06-20",
    *,
    headline="White House cancels the meeting",
    description="",
    quote="The White House canceled the meeting",
    before="officials said on Thursday that ",
    after=" with Israeli officials.",
    source="Axios",
    title="Scoop: White House cancels strategic meeting",
) -> PublicEntry:
    entry = Entry(
        pk=7,
        headline=headline,
        description=description,
        date=date_value,
        slug="white-house-cancels",
        event_type=MEETING,
    )
    citation = Citation(1, source, title, date(2024, 6, 20), before, quote, after)
    taking = Taking(3, "White House", "organisation", "Organisation", ("Actor",))
    return PublicEntry(entry=entry, citations=[citation], participants=[taking])


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-20", "day"),
        ("2024-06-13~", "day"),
        ("2024-07", "month"),
        ("2009", "year"),
        ("199X", "decade"),
        ("2023-22", "season"),
        ("2024-35", "quarter"),
        ("2024-40", "half"),
        ("2024-07-11/2024-07-20", "range"),
        ("2024-03/2024-05", "range"),
        ("2024-06/..", "open range"),
        ("", "unknown"),
    ],
)
def test_precision_names_each_kind_of_date(value, expected):
    assert precision(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-20", (date(2024, 6, 20), date(2024, 6, 21))),
        ("2024-06-13~", (date(2024, 6, 13), date(2024, 6, 14))),
        ("2024-07-11/2024-07-20", (date(2024, 7, 11), date(2024, 7, 21))),
        ("2024-12-30/2025-01-02", (date(2024, 12, 30), date(2025, 1, 3))),
        ("2024-07", None),
        ("2024", None),
        ("2023-22", None),
        ("2024-35", None),
        ("199X", None),
        ("2024-03/2024-05", None),
        ("2024-06-20/2024-07", None),
        ("2024-06-20/..", None),
        ("", None),
    ],
)
def test_calendar_days_are_days_and_runs_of_days_only(value, expected):
    assert calendar_days(value) == expected


# --- TimelineJS ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2024-06-20", {"year": 2024, "month": 6, "day": 20}, None),
        ("2024-06-13~", {"year": 2024, "month": 6, "day": 13}, None),
        ("2024-07", {"year": 2024, "month": 7}, None),
        ("2009", {"year": 2009}, None),
        ("199X", {"year": 1990}, {"year": 1999}),
        ("19XX", {"year": 1900}, {"year": 1999}),
        ("2023-22", {"year": 2023, "month": 6}, {"year": 2023, "month": 8}),
        ("2023-24", {"year": 2023, "month": 12}, {"year": 2024, "month": 2}),
        ("2024-35", {"year": 2024, "month": 7}, {"year": 2024, "month": 9}),
        ("2024-41", {"year": 2024, "month": 7}, {"year": 2024, "month": 12}),
        (
            "2024-07-11/2024-07-20",
            {"year": 2024, "month": 7, "day": 11},
            {"year": 2024, "month": 7, "day": 20},
        ),
        ("2024-03/2024-05", {"year": 2024, "month": 3}, {"year": 2024, "month": 5}),
        ("2009/2012", {"year": 2009}, {"year": 2012}),
        ("2024-06-20/2024-08", {"year": 2024, "month": 6, "day": 20}, {"year": 2024, "month": 8}),
        ("2024-06/..", {"year": 2024, "month": 6}, None),
    ],
)
def test_timeline_dates_carry_only_the_parts_the_value_has(value, start, end):
    dates = timelinejs.slide_dates(value)
    assert dates["start_date"] == start
    assert dates.get("end_date") == end


def test_a_slide_has_our_reading_of_the_date_and_the_citations_in_its_text():
    slide = timelinejs.slide(item("2024-07-11/2024-07-20"), link="https://desk/c/t/#entry-x")
    assert slide["display_date"] == "mid-July 2024"
    assert slide["text"]["headline"] == "White House cancels the meeting"
    text = slide["text"]["text"]
    assert "<mark>The White House canceled the meeting</mark>" in text
    assert "Axios, <cite>Scoop: White House cancels strategic meeting</cite>, 20 June 2024" in text
    assert "Reported by 1 source" in text
    assert 'href="https://desk/c/t/#entry-x"' in text
    assert slide["group"] == "REJECT"
    assert slide["unique_id"] == "entry-white-house-cancels"


def test_every_value_in_a_slide_is_escaped():
    slide = timelinejs.slide(
        item(
            headline="<script>alert(1)</script> & co",
            description="<img src=x onerror=alert(2)>",
            quote='"<b>bold</b>"',
            source="<i>Outlet</i>",
            title="A & B",
        ),
        link='https://desk/c/t/#entry-"x"',
    )
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    text = slide["text"]["text"]
    for markup in ("<script", "<img", "<b>", "<i>", 'entry-"x"'):
        assert markup not in text
    assert "&lt;img src=x onerror=alert(2)&gt;" in text
    assert "&quot;&lt;b&gt;bold&lt;/b&gt;&quot;" in text
    assert "&lt;i&gt;Outlet&lt;/i&gt;" in text and "A &amp; B" in text


def test_the_title_slide_says_how_many_undated_entries_are_left_out():
    title = timelinejs.title_slide(title="Iran <talks>", description="", undated=2)
    assert "start_date" not in title
    assert title["text"]["headline"] == "Iran &lt;talks&gt;"
    assert "2 entries have no date" in title["text"]["text"]
    assert (
        "no date"
        not in timelinejs.title_slide(title="T", description="D", undated=0)["text"]["text"]
    )


def test_the_atom_summary_starts_with_the_date_in_words():
    html = entry_html(item("2024-06-13~"), with_date=True)
    assert html.startswith("<p><strong>c. 13 June 2024</strong></p>")


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(start):
    assert csvtable.neutralise(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_other_cells_are_left_alone():
    for cell in ("Israel", "2024-06-20", "'quoted", "a=b", ""):
        assert csvtable.neutralise(cell) == cell


def test_a_row_reads_back_with_the_csv_module():
    row = csvtable.row(item("2024-07-11/2024-07-20", headline="=cmd|' /C calc'!A0"))
    text = csvtable.encode([csvtable.HEADER, row])
    header, read = list(csv.reader(io.StringIO(text)))
    assert header == csvtable.HEADER
    assert dict(zip(header, read, strict=True)) == {
        "date": "2024-07-11/2024-07-20",
        "date_display": "mid-July 2024",
        "precision": "range",
        "type": "REJECT › meeting cancelled",
        "headline": "'=cmd|' /C calc'!A0",
        "participants": "White House (Organisation: Actor)",
        "sources": "Axios, “Scoop: White House cancels strategic meeting”, 20 June 2024",
        "quotes": "The White House canceled the meeting",
    }


# --- iCalendar ----------------------------------------------------------------------------

STAMP = datetime(2024, 6, 21, 9, 30, tzinfo=UTC)


def calendar_of(*items_and_days, left_out=0) -> icalendar.Calendar:
    head = ical.calendar_head(
        name="Iran talks", description="Consultations.", url="https://desk/c/t/", left_out=left_out
    )
    events = b"".join(
        ical.calendar_event(entry, days=days, uid=f"entry-{n}@desk", link="https://l", stamp=STAMP)
        for n, (entry, days) in enumerate(items_and_days)
    )
    return icalendar.Calendar.from_ical(head + events + ical.CALENDAR_END)


def test_a_day_is_an_all_day_event_ending_the_next_day():
    calendar = calendar_of((item("2024-06-20"), calendar_days("2024-06-20")))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == date(2024, 6, 20)
    assert event.decoded("dtend") == date(2024, 6, 21)
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert str(event["summary"]) == "White House cancels the meeting"
    assert "“The White House canceled the meeting” (Axios" in str(event["description"])


def test_a_run_of_days_is_a_span_and_an_approximate_day_says_so():
    calendar = calendar_of(
        (item("2024-07-11/2024-07-20"), calendar_days("2024-07-11/2024-07-20")),
        (item("2024-06-13~"), calendar_days("2024-06-13~")),
    )
    span, approximate = calendar.walk("VEVENT")
    assert (span.decoded("dtstart"), span.decoded("dtend")) == (
        date(2024, 7, 11),
        date(2024, 7, 21),
    )
    assert str(approximate["summary"]) == "White House cancels the meeting (c. 13 June 2024)"
    assert str(approximate["description"]).startswith("Date: c. 13 June 2024 (approximate)")


def event_component(entry, *, days, uid, link, stamp) -> bytes:
    """The VEVENT as the package's Event component writes it: what calendar_event, which
    writes the lines itself, must give byte for byte."""
    approximate = entry.entry.date.endswith("~")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", days[0])
    event.add("dtend", days[1])
    summary = entry.entry.headline
    event.add("summary", summary + (f" ({entry.entry.date_display})" if approximate else ""))
    event.add("description", ical._description(entry, approximate=approximate, link=link))
    event.add("categories", [str(entry.entry.event_type)])
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    return event.to_ical()


@pytest.mark.parametrize(
    "entry",
    [
        item("2024-06-20"),
        item("2024-06-13~", headline="Talks; “again”, maybe \\ not"),
        item(
            "2024-07-11/2024-07-20",
            headline="Ünïcödé " * 20,
            description="Line one,\nline two; a \\ backslash.\r\nAnd 🙂 emoji " * 5,
            quote="« Quoted; with, everything »\n" * 3,
            source="Outlet, Inc.",
        ),
    ],
)
def test_an_event_is_what_the_icalendar_package_writes(entry):
    days = calendar_days(entry.entry.date)
    link = "https://desk.example/c/iran-talks/#entry-7;x=1,2"
    written = ical.calendar_event(entry, days=days, uid="entry-7@desk", link=link, stamp=STAMP)
    assert written == event_component(entry, days=days, uid="entry-7@desk", link=link, stamp=STAMP)


def test_the_calendar_says_how_many_entries_it_leaves_out():
    calendar = calendar_of(left_out=3)
    assert str(calendar["x-curation-left-out"]) == "3"
    assert str(calendar["description"]).endswith(
        "3 entries are not in this calendar: their dates are not days or runs of days (only "
        "a month, a season, a year or coarser, or no date)."
    )
    assert "3 entries are not in this calendar" in calendar["x-wr-caldesc"].to_ical().decode()
    assert str(calendar["name"]) == "Iran talks"


# --- Web Annotations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "written"),
    [
        (
            datetime(2024, 6, 21, 11, 30, 5, 999_999, tzinfo=ZoneInfo("Europe/Paris")),
            "2024-06-21T09:30:05Z",
        ),
        (datetime(2024, 1, 1, 0, 15, tzinfo=ZoneInfo("America/New_York")), "2024-01-01T05:15:00Z"),
        (datetime(999, 12, 31, 23, 59, 59, tzinfo=UTC), "0999-12-31T23:59:59Z"),
    ],
)
def test_times_are_written_in_utc_to_the_second(moment, written):
    assert webannotation.utc(moment) == written


def test_an_annotation_has_the_required_keys_and_both_selectors():
    target = webannotation.text_target(
        source="https://news.example/a",
        quote="Israel",
        prefix="talks with ",
        suffix=" on Iran",
        start=120,
        end=126,
        captured=STAMP,
    )
    made = webannotation.annotation(
        id="https://desk/history/event/4/",
        motivation="describing",
        created=STAMP,
        body=webannotation.event_bodies(
            headline="Talks",
            type_name="CONSULT",
            date="2024-07-11/2024-07-20",
            participants=[webannotation.Named("Israel", "Place", "Q801")],
        ),
        target=target,
    )
    assert made["type"] == "Annotation" and made["id"].startswith("https://")
    assert made["created"] == "2024-06-21T09:30:00Z"
    quote, position = made["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "Israel",
        "prefix": "talks with ",
        "suffix": " on Iran",
    }
    assert position == {"type": "TextPositionSelector", "start": 120, "end": 126}
    assert made["target"]["state"] == {"type": "TimeState", "sourceDate": "2024-06-21T09:30:00Z"}
    purposes = [(body["purpose"], body.get("value") or body.get("source")) for body in made["body"]]
    assert purposes == [
        ("describing", "Talks"),
        ("classifying", "CONSULT"),
        ("describing", "2024-07-11/2024-07-20"),
        ("tagging", "Israel"),
        ("tagging", "http://www.wikidata.org/entity/Q801"),
    ]
    assert made["body"][2]["conformsTo"] == webannotation.EDTF_SPECIFICATION


def test_a_mention_identifies_its_entity():
    bodies = webannotation.mention_bodies(webannotation.Named("Israel", "Place", "Q801"))
    assert bodies[0] == {
        "type": "SpecificResource",
        "purpose": "identifying",
        "source": "http://www.wikidata.org/entity/Q801",
    }
    assert [(b["purpose"], b["value"]) for b in bodies[1:]] == [
        ("tagging", "Israel"),
        ("classifying", "Place"),
    ]
    assert all(
        b["purpose"] != "identifying"
        for b in webannotation.mention_bodies(webannotation.Named("Nobody", "Person"))
    )


def test_pages_link_to_each_other_and_to_their_collection(monkeypatch):
    monkeypatch.setattr(webannotation, "PAGE_SIZE", 2)
    made = webannotation.collection(id="https://d/c", label="L", total=5, first_items=[{}, {}])
    assert made["first"]["id"] == "https://d/c?page=0" and "@context" not in made["first"]
    assert made["first"]["next"] == "https://d/c?page=1" and "prev" not in made["first"]
    assert made["last"] == "https://d/c?page=2"
    middle = webannotation.page(
        collection="https://d/c", number=1, has_next=True, items=[{}, {}], embedded=False
    )
    assert middle["@context"] == webannotation.CONTEXT
    assert (middle["prev"], middle["next"], middle["startIndex"]) == (
        "https://d/c?page=0",
        "https://d/c?page=2",
        2,
    )
    last = webannotation.page(
        collection="https://d/c", number=2, has_next=False, items=[{}], embedded=False
    )
    assert "next" not in last
    empty = webannotation.collection(id="https://d/c", label="L", total=0, first_items=[])
    assert "first" not in empty and empty["total"] == 0

"""The top of an article: date headers, kicker/title/standfirst, bylines, captions, derived titles."""

from datetime import date

import pytest

from curation.articles.importing import parse_text
from curation.articles.importing.header_lines import is_caption, read_byline
from curation.articles.importing.titles import derive_title, shorten

BODY = "The first paragraph of the story ends with a full stop."


@pytest.mark.parametrize(
    ("top", "published_on"),
    [
        pytest.param(
            " date 2024-06-27 ", date(2024, 6, 27), id="seed 001 form, body on the same line"
        ),
        pytest.param("Date: 27 June 2024\n\n", date(2024, 6, 27), id="Date: day month year"),
        pytest.param(
            "Published: June 27, 2024\n\n", date(2024, 6, 27), id="Published: month day, year"
        ),
        pytest.param(
            "Published on Thursday, 27th June 2024 10:45 BST\n\n",
            date(2024, 6, 27),
            id="weekday and time",
        ),
        pytest.param("Posted 2024-06-27T10:00:00Z\n\n", date(2024, 6, 27), id="ISO timestamp"),
        pytest.param("Dated 3 Sept 2024\n\n", date(2024, 9, 3), id="abbreviated month"),
    ],
)
def test_date_header_is_the_publication_date_and_leaves_the_body(top, published_on):
    article = parse_text(top + BODY)
    assert article.published_on == published_on
    assert article.date_detected is True
    assert article.body == BODY


def test_date_line_among_the_header_lines():
    article = parse_text(f"The headline\n\n27 June 2024\n\n{BODY}")
    assert (article.title, article.published_on, article.body) == (
        "The headline",
        date(2024, 6, 27),
        BODY,
    )


def test_impossible_date_in_the_header_is_left_in_the_text_with_a_warning():
    article = parse_text(f"Date: 2024-13-01 {BODY}")
    assert article.published_on is None
    assert article.body.startswith("Date: 2024-13-01")
    assert any('"2024-13-01" is not a real date' in warning for warning in article.warnings)


def test_a_body_that_starts_with_the_word_date_is_not_a_header():
    article = parse_text("Date night at the White House drew a crowd of donors.")
    assert article.published_on is None
    assert article.body == "Date night at the White House drew a crowd of donors."


@pytest.mark.parametrize(
    ("top", "kicker", "title", "standfirst"),
    [
        pytest.param(["Only a title"], "", "Only a title", "", id="one line: title"),
        pytest.param(
            ["Gaza", "Talks resume in Cairo after a pause"],
            "Gaza",
            "Talks resume in Cairo after a pause",
            "",
            id="two: short first is a kicker",
        ),
        pytest.param(
            ["Ceasefire talks resume in Cairo", "Mediators propose a phased truce to both sides"],
            "",
            "Ceasefire talks resume in Cairo",
            "Mediators propose a phased truce to both sides",
            id="two: title and standfirst",
        ),
        pytest.param(
            ["Middle East war", "Talks resume", "Mediators propose a phased truce"],
            "Middle East war",
            "Talks resume",
            "Mediators propose a phased truce",
            id="three: kicker, title, standfirst",
        ),
    ],
)
def test_header_lines_by_count(top, kicker, title, standfirst):
    article = parse_text("\n\n".join([*top, BODY]))
    assert (article.kicker, article.title, article.standfirst) == (kicker, title, standfirst)
    assert article.title_derived is False
    assert article.body == BODY


def test_header_lines_separated_by_single_line_breaks():
    article = parse_text(f"Talks resume in Cairo\nBy Jane Doe\n\n{BODY}")
    assert (article.title, article.byline, article.body) == (
        "Talks resume in Cairo",
        "Jane Doe",
        BODY,
    )


def test_a_wrapped_first_paragraph_is_not_a_header():
    text = "The talks resumed in Cairo on Thursday,\nofficials said, after weeks of delay.\n\nMore."
    article = parse_text(text)
    assert article.body.startswith("The talks resumed in Cairo on Thursday, officials said")
    assert article.title_derived is True


def test_header_detection_stops_at_the_first_sentence():
    article = parse_text(f"The title\n\n{BODY}\n\nA subheading later\n\nMore text.")
    assert article.title == "The title"
    assert "A subheading later" in article.body.split("\n\n")


def test_markdown_title_with_kicker_before_and_standfirst_after():
    article = parse_text(
        f"Middle East war\n\n# Talks resume\n\nA phased truce is proposed\n\n{BODY}",
        format="markdown",
    )
    assert (article.kicker, article.title, article.standfirst) == (
        "Middle East war",
        "Talks resume",
        "A phased truce is proposed",
    )


@pytest.mark.parametrize(
    "caption",
    [
        "Yoav Gallant in Washington on Wednesday © Reuters",
        "Protesters outside parliament. Photo: AP",
        "Smoke rises over the city (Getty Images)",
        "The minister arrives. Photograph: Jane Doe/Reuters",
        "Troops near the border. REUTERS/Amir Cohen",
        "Photo: AP",
        "Image caption, Smoke rises over Rafah on Thursday",
        "Image source, Getty Images",
    ],
)
def test_photo_captions_at_the_top_are_dropped(caption):
    article = parse_text(f"The title\n\n{caption}\n\n{BODY}")
    assert article.title == "The title"
    assert article.body == BODY
    assert any("photo caption" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "Israel cancels defence minister's visit to US",
        "Middle East war",
        "Iran strike imminent, says AP source",
        "Photos: Gaza after a night of strikes on Rafah",
        "Video: Israeli strikes on Rafah",
        "Credit Suisse shares fall again",
    ],
)
def test_headlines_are_not_captions(line):
    assert not is_caption(line)


@pytest.mark.parametrize(
    ("line", "names", "when"),
    [
        ("By Jane Doe", "Jane Doe", ""),
        ("BY JANE DOE", "JANE DOE", ""),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe, Reuters", ""),
        (
            "Steff Chávez and James Politi in Washington YESTERDAY",
            "Steff Chávez and James Politi in Washington",
            "YESTERDAY",
        ),
        ("Jane Doe in Tel Aviv", "Jane Doe in Tel Aviv", ""),
        ("Jane Doe, John Roe & Ann Lee", "Jane Doe, John Roe & Ann Lee", ""),
        (
            "Bashar al-Assad and Ursula von der Leyen",
            "Bashar al-Assad and Ursula von der Leyen",
            "",
        ),
        ("Jane Doe 27 June 2024", "Jane Doe", "27 June 2024"),
        ("Jane Doe | June 27, 2024 10:45 am", "Jane Doe", "June 27, 2024"),
        ("Jane Doe 2 hours ago", "Jane Doe", "2 hours ago"),
        ("Jane Doe Today", "Jane Doe", "Today"),
    ],
)
def test_bylines(line, names, when):
    assert read_byline(line) == (names, when)


@pytest.mark.parametrize(
    "line",
    [
        "US, Israel Reschedule Iran Talks After White House Cancellation: Report",
        "Middle East war",
        "Middle East and North Africa",
        "Israel cancels defence minister's visit to US",
        "Russia and Ukraine",
        "Jane Doe",  # a lone name could be a kicker: a byline needs "By", a connector or a date
        "By the numbers",
    ],
)
def test_not_bylines(line):
    assert read_byline(line) is None


def test_byline_with_an_absolute_date_gives_the_publication_date():
    article = parse_text(f"The title\n\nJane Doe in Cairo 27 June 2024\n\n{BODY}")
    assert (article.byline, article.published_on, article.warnings) == (
        "Jane Doe in Cairo",
        date(2024, 6, 27),
        [],
    )


@pytest.mark.parametrize("when", ["YESTERDAY", "Today", "2 hours ago"])
def test_byline_with_a_relative_date_asks_for_the_date(when):
    article = parse_text(f"The title\n\nBy Jane Doe {when}\n\n{BODY}")
    assert article.byline == "Jane Doe"
    assert article.published_on is None
    assert article.warnings == [
        f'The byline ends with "{when}", a date relative to a day the file does not give. Enter the publication date.'
    ]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        pytest.param(
            "Talks resumed in Cairo on Thursday. More followed.",
            "Talks resumed in Cairo on Thursday",
            id="short sentence, no full stop",
        ),
        pytest.param(
            "Why did the talks fail? Nobody knows.",
            "Why did the talks fail?",
            id="question mark kept",
        ),
        pytest.param(
            "Mr. Smith met Dr. Jones in the U.S. capital on Monday. Then he left.",
            "Mr. Smith met Dr. Jones in the U.S. capital on Monday",
            id="abbreviations do not end the sentence",
        ),
        pytest.param(
            "Officials met in Cairo on Thursday to restart talks, Axios reported Wednesday.",
            "Officials met in Cairo on Thursday to restart talks",
            id="reported attribution dropped",
        ),
        pytest.param(
            "The meeting will take place next month, according to Axios, citing five officials.",
            "The meeting will take place next month",
            id="according to and citing dropped",
        ),
        pytest.param(
            "Israel struck targets in Lebanon, and Hezbollah said it fired rockets.",
            "Israel struck targets in Lebanon, and Hezbollah said it fired rockets",
            id="a clause with said is not an attribution",
        ),
        pytest.param(
            "Prime Minister Benjamin Netanyahu reestablished multiple working groups that focus on "
            "the Iranian nuclear threat two weeks ago, Axios reported Wednesday.",
            "Prime Minister Benjamin Netanyahu reestablished multiple working groups…",
            id="long: cut before a clause",
        ),
        pytest.param(
            "GAZA CITY (AP) — Israeli strikes killed dozens overnight. Officials said more would follow.",
            "Israeli strikes killed dozens overnight",
            id="wire dateline dropped",
        ),
        pytest.param(
            "WASHINGTON, June 27 (Reuters) - The U.S. will send more aid. More.",
            "The U.S. will send more aid",
            id="wire dateline with date dropped",
        ),
        pytest.param(
            "Israel and the US are set to reconvene a joint meeting on Iran next month, mere days "
            "after the White House canceled it.",
            "Israel and the US are set to reconvene a joint meeting on Iran next month…",
            id="long: cut at a comma",
        ),
    ],
)
def test_derived_titles(body, title):
    assert derive_title(body) == title
    article = parse_text(body)
    assert (article.title, article.title_derived) == (title, True)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short enough", 20, "short enough"),
        (
            "one two three four five six seven eight nine ten eleven twelve",
            30,
            "one two three four five six…",
        ),
        (
            "the minister spoke of the dangers of the war in the region",
            40,
            "the minister spoke of the dangers…",
        ),
    ],
)
def test_shorten_cuts_at_a_word_and_drops_dangling_words(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


LEAD = (
    "Israeli airstrikes hit Rafah overnight, killing at least 12 people, according to the Gaza "
    "health ministry, as negotiators left Cairo without a deal."
)
SECOND = (
    "The talks, mediated by Egypt and Qatar, had been expected to produce a framework for a "
    "six-week pause in fighting and the release of hostages held in Gaza."
)
TITLE = "Israel strikes Rafah as talks stall"


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        pytest.param(
            "Israel-Gaza war\nIsrael strikes Rafah as talks stall\n"
            "Negotiators leave Cairo without a deal as fighting intensifies\n"
            "Jane Doe in Jerusalem and John Roe in Cairo\nThu 27 Jun 2024 10.45 BST\n",
            {
                "kicker": "Israel-Gaza war",
                "standfirst": "Negotiators leave Cairo without a deal as fighting intensifies",
                "byline": "Jane Doe in Jerusalem and John Roe in Cairo",
                "published_on": date(2024, 6, 27),
            },
            id="one line each, date line with time",
        ),
        pytest.param(
            "Israel strikes Rafah as talks stall\n27 June 2024\nShare\n"
            "Image source, Getty Images\nImage caption, Smoke rises over Rafah\n"
            "By Jane Doe, BBC News, Jerusalem\n",
            {"byline": "Jane Doe, BBC News, Jerusalem", "published_on": date(2024, 6, 27)},
            id="share button and image credits",
        ),
        pytest.param(
            "Israel strikes Rafah as talks stall\nBy Jane Doe and John Roe\n"
            "June 27, 2024 10:45 AM GMT+3Updated 2 hours ago\nCAIRO, June 27 (Reuters) - ",
            {"byline": "Jane Doe and John Roe", "published_on": date(2024, 6, 27)},
            id="date line with an update note, wire dateline stays in the body",
        ),
    ],
)
def test_pasted_article_tops(top, expected):
    article = parse_text(f"{top}{LEAD}\n{SECOND}\n")
    assert article.title == TITLE
    for name, value in expected.items():
        assert getattr(article, name) == value, name
    assert article.body.endswith(f"{LEAD}\n\n{SECOND}")
    assert article.body.split("\n\n")[0] in (LEAD, f"CAIRO, June 27 (Reuters) - {LEAD}")


def test_an_update_date_alone_stands_in_for_the_publication_date_flagged_to_check():
    article = parse_text(f"{TITLE}\n\nBY JANE DOE\nUpdated 10:45 AM EDT, June 3, 2024\n\n{LEAD}")
    assert (article.title, article.byline, article.published_on) == (
        TITLE,
        "JANE DOE",
        date(2024, 6, 3),
    )
    assert article.date_from_dateline and article.dateline == "Updated 10:45 AM EDT, June 3, 2024"
    assert article.warnings == [
        "The publication date, 3 June 2024, was read from “Updated 10:45 AM EDT, June 3, "
        "2024”: the article may first have appeared earlier. Check it."
    ]
    assert article.body == LEAD


def test_a_publication_date_wins_over_an_update_date():
    article = parse_text(
        f"{TITLE}\nPublished: June 1, 2024\nUpdated 10:45 AM EDT, June 3, 2024\n\n{LEAD}"
    )
    assert article.published_on == date(2024, 6, 1)
    assert not article.date_from_dateline and article.warnings == []


def test_a_headline_starting_with_updated_is_still_a_headline():
    article = parse_text(f"Updated guidance for travellers to the region\n\n{LEAD}")
    assert article.title == "Updated guidance for travellers to the region"

"""JSON Lines: one article a line, streamed, each problem named by its line."""

import json
from datetime import date

import pytest

from curation.articles.importing import CP1252_WARNING, ImportProblem, iter_jsonl


def line(**fields) -> bytes:
    return (json.dumps(fields) + "\n").encode()


GOOD = line(
    title="Talks resume in Cairo",
    body="Negotiators returned to Cairo.\r\n\r\nRead [more](https://x.example).",
    source="Daily Ledger",
    published_on="2024-06-27",
    url="https://ledger.example/a",
    kicker="Middle East",
    standfirst="A phased truce",
    byline="Jane Doe",
)


def test_fields_become_the_article():
    (article,) = iter_jsonl([GOOD], filename="feed.jsonl")
    assert article.format == "jsonl"
    assert article.line == 1
    assert article.raw_text == GOOD.decode().rstrip("\n")
    assert article.title == "Talks resume in Cairo"
    assert article.title_derived is False
    assert article.body == "Negotiators returned to Cairo.\n\nRead more."
    assert article.source_name == "Daily Ledger"
    assert article.published_on == date(2024, 6, 27)
    assert (article.url, article.kicker, article.standfirst, article.byline) == (
        "https://ledger.example/a",
        "Middle East",
        "A phased truce",
        "Jane Doe",
    )
    assert article.warnings == []


def test_missing_title_is_derived_and_missing_date_is_none():
    lines = [
        line(body="Officials met in Cairo on Thursday. More text.", published_on=""),
        line(body="Second."),
    ]
    first, second = iter_jsonl(lines, filename="feed.jsonl")
    assert (first.title, first.title_derived, first.published_on) == (
        "Officials met in Cairo on Thursday",
        True,
        None,
    )
    assert second.published_on is None


def test_body_is_cleaned_like_text():
    body = "One said it would not\n\nbe long.\n\n---\n\nCopyright The Financial Times Limited 2024. All rights reserved."
    (article,) = iter_jsonl([line(title="T", body=body)], filename="feed.jsonl")
    assert article.body == "One said it would not be long."
    assert article.source_name == "Financial Times"


def test_source_field_wins_over_a_footer():
    (article,) = iter_jsonl(
        [line(body="Text.\n\n© 2024 Reuters", source="Wire")], filename="f.jsonl"
    )
    assert article.source_name == "Wire"


def test_blank_lines_are_skipped_and_line_numbers_count_them():
    lines = [b"\xef\xbb\xbf" + line(body="One."), b"\n", b"   \r\n", line(body="Two.")]
    articles = list(iter_jsonl(lines, filename="feed.jsonl"))
    assert [(a.line, a.body) for a in articles] == [(1, "One."), (4, "Two.")]


def test_unknown_fields_are_named_in_a_warning():
    (article,) = iter_jsonl([line(body="Text.", id=7, tags=["x"])], filename="f.jsonl")
    assert article.warnings == ['Ignored fields this import does not use: "id", "tags".']


def test_cp1252_line_is_read_with_a_warning():
    (article,) = iter_jsonl([b'{"body": "Caf\xe9 society."}\n'], filename="f.jsonl")
    assert article.body == "Café society."
    assert article.warnings == [CP1252_WARNING]


BAD_LINES = [
    pytest.param(b'{"body": "x",}', ["line 3 is not valid JSON", "column 13"], id="invalid JSON"),
    pytest.param(b'["a", "b"]', ["line 3 is a list, not a JSON object"], id="not an object"),
    pytest.param(
        line(title="No body"),
        ['line 3 has no "body": every line needs the article text in "body".'],
        id="missing body",
    ),
    pytest.param(line(body="   "), ['line 3 has no "body"'], id="empty body"),
    pytest.param(
        line(body="Text.", title=5),
        ['line 3: "title" must be text (a JSON string), not a number (5).'],
        id="wrong type",
    ),
    pytest.param(
        line(body=["a"]), ['"body" must be text (a JSON string), not a list'], id="body is a list"
    ),
    pytest.param(
        line(body="Text.", published_on="2024-13-01"),
        ['published_on "2024-13-01" is not a date; use YYYY-MM-DD'],
        id="impossible date",
    ),
    pytest.param(
        line(body="Text.", published_on="27/06/2024"),
        ['published_on "27/06/2024" is not a date'],
        id="other date format",
    ),
    pytest.param(line(body="---"), ["no article text left after cleaning"], id="nothing left"),
    pytest.param(b'{"body": "caf\x81"}', ["byte 0x81", "Save the file as UTF-8"], id="undecodable"),
]


@pytest.mark.parametrize(("bad", "phrases"), BAD_LINES)
def test_bad_line_says_which_line_and_what_is_wrong(bad, phrases):
    lines = [line(body="One."), line(body="Two."), bad]
    with pytest.raises(ImportProblem) as raised:
        list(iter_jsonl(lines, filename="feed.jsonl"))
    assert raised.value.where == "feed.jsonl, line 3"
    for phrase in phrases:
        assert phrase in raised.value.message


def test_line_over_the_limit():
    too_long = line(body="x" * 200)
    assert len(too_long) == 213
    with pytest.raises(ImportProblem) as raised:
        list(iter_jsonl([too_long], filename="feed.jsonl", max_bytes=100))
    assert raised.value.where == "feed.jsonl, line 1"
    assert "Line 1 is 213 bytes, over the limit of 100 bytes" in raised.value.message
    assert "Split it into smaller parts and import each, or ask an admin" in raised.value.message
    assert "CURATION_IMPORT_MAX_BYTES" in raised.value.log_detail


@pytest.mark.parametrize("lines", [[], [b"\n", b"  \n"]], ids=["no lines", "blank lines"])
def test_file_without_objects(lines):
    with pytest.raises(ImportProblem) as raised:
        list(iter_jsonl(lines, filename="feed.jsonl"))
    assert raised.value.where == "feed.jsonl"
    assert "No articles found" in raised.value.message


def test_binary_file_is_refused_at_once():
    with pytest.raises(ImportProblem) as raised:
        next(iter_jsonl([b"%PDF-1.7\n", b"more"], filename="feed.jsonl"))
    assert "PDF document" in raised.value.message


def test_lines_are_read_one_at_a_time():
    consumed: list[int] = []

    def lines():
        for number, data in enumerate(
            [line(body="One."), line(body="Two."), b"{broken", line(body="Four.")], 1
        ):
            consumed.append(number)
            yield data

    articles = iter_jsonl(lines(), filename="feed.jsonl")
    assert consumed == []
    assert next(articles).body == "One."
    assert consumed == [1]
    assert next(articles).body == "Two."
    assert consumed == [1, 2]
    with pytest.raises(ImportProblem) as raised:
        next(articles)
    assert raised.value.where == "feed.jsonl, line 3"
    assert consumed == [1, 2, 3]

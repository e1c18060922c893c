"""The three seed articles, parsed as files: what an editor must see after importing them."""

from datetime import date
from pathlib import Path

import pytest

from curation.articles.importing import ParsedArticle, parse_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def parse_seed(prefix: str) -> ParsedArticle:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_document(path.read_bytes(), filename=path.name)


def paragraphs(article: ParsedArticle) -> list[str]:
    return article.body.split("\n\n")


@pytest.fixture(scope="module")
def seed_000() -> ParsedArticle:
    return parse_seed("000")


@pytest.fixture(scope="module")
def seed_001() -> ParsedArticle:
    return parse_seed("001")


@pytest.fixture(scope="module")
def seed_002() -> ParsedArticle:
    return parse_seed("002")


class TestSeed000TitleOnTheFirstLine:
    def test_title_is_the_first_line(self, seed_000):
        assert (
            seed_000.title
            == "US, Israel Reschedule Iran Talks After White House Cancellation: Report"
        )
        assert seed_000.title_derived is False

    def test_no_date_kicker_or_byline(self, seed_000):
        assert seed_000.published_on is None
        assert (seed_000.kicker, seed_000.standfirst, seed_000.byline) == ("", "", "")
        assert seed_000.warnings == []

    def test_body_starts_after_the_title(self, seed_000):
        assert seed_000.body.startswith("Israel and the US are set to reconvene")
        assert "Reschedule Iran Talks" not in seed_000.body

    def test_subheading_stays_as_its_own_paragraph(self, seed_000):
        body = paragraphs(seed_000)
        subheading = body.index("US-Israel Tensions Amid Fears of All-Out War with Hezbollah")
        assert body[subheading + 1].startswith("Jerusalem’s latest tensions with Washington")

    def test_every_paragraph_is_kept(self, seed_000):
        assert len(paragraphs(seed_000)) == 14
        assert seed_000.body.endswith("along the northern border with Lebanon.")

    def test_raw_text_is_the_file_as_decoded(self, seed_000):
        (path,) = SEEDS.glob("000_*.txt")
        assert seed_000.raw_text == path.read_text(encoding="utf-8")
        assert seed_000.format == "text"


class TestSeed001DateHeaderRunningIntoTheBody:
    def test_date_comes_from_the_header(self, seed_001):
        assert seed_001.published_on == date(2024, 6, 27)

    def test_header_is_removed_and_the_body_follows_on(self, seed_001):
        assert seed_001.body.startswith("Prime Minister Benjamin Netanyahu reestablished")
        assert "2024-06-27" not in seed_001.body
        assert "date" not in seed_001.body.split()[:3]

    def test_title_is_derived_from_the_first_sentence(self, seed_001):
        assert seed_001.title_derived is True
        assert seed_001.title.startswith("Prime Minister Benjamin Netanyahu reestablished")
        assert len(seed_001.title) <= 90

    def test_derived_title_is_cut_sensibly(self, seed_001):
        assert (
            seed_001.title
            == "Prime Minister Benjamin Netanyahu reestablished multiple working groups…"
        )

    def test_paragraphs(self, seed_001):
        assert len(paragraphs(seed_001)) == 10
        assert paragraphs(seed_001)[-1] == (
            "Hanegbi and Dermer instead met only with US National Security Adviser Jake Sullivan "
            "and Secretary of State Antony Blinken."
        )


class TestSeed002FinancialTimesPaste:
    def test_kicker_title_standfirst(self, seed_002):
        assert seed_002.kicker == "Middle East war"
        assert seed_002.title == "Israel cancels defence minister's visit to US"
        assert seed_002.title_derived is False
        assert seed_002.standfirst.startswith("Gallant's delayed trip raises concern")

    def test_photo_caption_is_dropped_with_a_note(self, seed_002):
        assert "© Reuters" not in seed_002.body
        assert "pictured" not in seed_002.body
        assert any("photo caption" in warning for warning in seed_002.warnings)

    def test_byline_without_its_relative_date(self, seed_002):
        assert (
            seed_002.byline
            == "Steff Chávez and James Politi in Washington and Neri Zilber in Tel Aviv"
        )

    def test_yesterday_is_not_a_date_but_a_warning(self, seed_002):
        assert seed_002.published_on is None
        assert (
            'The byline ends with "YESTERDAY", a date relative to a day the file does not give. '
            "Enter the publication date."
        ) in seed_002.warnings

    def test_markdown_links_become_their_text(self, seed_002):
        assert "[" + "ballistic missile attack" not in seed_002.body
        assert "](#)" not in seed_002.body
        assert (
            "for its ballistic missile attack last week and its expanding conflict in Lebanon"
            in seed_002.body
        )

    def test_editorial_brackets_stay(self, seed_002):
        assert "what their response [to the Iranian strikes] might be" in seed_002.body

    def test_rules_and_footer_are_gone(self, seed_002):
        assert "---" not in seed_002.body
        assert "Copyright" not in seed_002.body
        assert "Financial Times Limited" not in seed_002.body
        assert "All rights reserved" not in seed_002.body
        assert seed_002.body.endswith('like Gaza".')

    def test_outlet_comes_from_the_footer(self, seed_002):
        assert seed_002.source_name == "Financial Times"

    def test_paragraph_split_mid_sentence_is_one_paragraph(self, seed_002):
        (paragraph,) = [p for p in paragraphs(seed_002) if "would not have any impact on" in p]
        assert "would not have any impact on the dialogue between the two countries." in paragraph
        assert paragraph.startswith("She added the US would")

    def test_body_starts_with_the_first_paragraph(self, seed_002):
        assert seed_002.body.startswith("Israel has told the US")
        assert len(paragraphs(seed_002)) == 17


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_body_is_tidy(prefix):
    article = parse_seed(prefix)
    assert article.body == article.body.strip()
    assert "\n\n\n" not in article.body
    assert "  " not in article.body
    assert all(line == line.strip() for line in article.body.split("\n"))
    assert len(article.content_hash) == 64

"""HTML pages: trafilatura finds the article, then the same cleaning as text."""

from datetime import date

import pytest

from curation.articles.importing import ImportProblem, parse_document, parse_text

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ceasefire talks resume in Cairo | The Daily Ledger</title>
  <meta property="og:site_name" content="The Daily Ledger">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-06-27T10:00:00Z">
  <link rel="canonical" href="https://ledger.example/world/ceasefire-talks">
</head>
<body>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li>Subscribe now</li>
  </ul></nav>
  <main><article>
    <p class="kicker">Middle East</p>
    <h1>Ceasefire talks resume in Cairo</h1>
    <p class="byline">By Jane Doe</p>
    <p>Negotiators from both sides returned to Cairo on Thursday for a new round of talks,
       officials said, after weeks of stalled diplomacy over the terms of a truce.</p>
    <h2>A phased plan</h2>
    <p>The talks are expected to last several days. Mediators from Egypt and Qatar have
       proposed a <a href="/truce">phased agreement</a> that would begin with a six-week pause in fighting.</p>
    <ul><li>a six-week pause</li><li>an exchange of prisoners</li></ul>
    <p>&ldquo;We are cautiously hopeful,&rdquo; one diplomat said, asking not to be named
       because the discussions were private.</p>
  </article></main>
  <footer><p>Copyright 2024 The Daily Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def article():
    return parse_document(PAGE.encode(), filename="ceasefire.html")


def test_title_and_kicker(article):
    assert article.format == "html"
    assert article.title == "Ceasefire talks resume in Cairo"
    assert article.title_derived is False
    assert article.kicker == "Middle East"


def test_metadata(article):
    assert article.byline == "Jane Doe"
    assert article.published_on == date(2024, 6, 27)
    assert article.source_name == "The Daily Ledger"
    assert article.url == "https://ledger.example/world/ceasefire-talks"


def test_main_paragraphs_without_navigation_or_footer(article):
    assert article.body == (
        "Negotiators from both sides returned to Cairo on Thursday for a new round of talks, "
        "officials said, after weeks of stalled diplomacy over the terms of a truce.\n\n"
        "A phased plan\n\n"
        "The talks are expected to last several days. Mediators from Egypt and Qatar have proposed "
        "a phased agreement that would begin with a six-week pause in fighting.\n\n"
        "- a six-week pause\n- an exchange of prisoners\n\n"
        "“We are cautiously hopeful,” one diplomat said, asking not to be named because the "
        "discussions were private."
    )
    for chrome in ("Home", "World news", "Subscribe", "Privacy", "Copyright"):
        assert chrome not in article.body


def test_raw_text_is_the_html(article):
    assert article.raw_text == PAGE


def test_page_without_a_date_in_its_metadata_has_none():
    page = PAGE.replace(
        '<meta property="article:published_time" content="2024-06-27T10:00:00Z">', ""
    )
    assert parse_text(page, format="html").published_on is None


def test_page_without_article_text():
    page = "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>"
    with pytest.raises(ImportProblem) as raised:
        parse_document(page.encode(), filename="front.html")
    assert "no article text found in this HTML page" in raised.value.message
    assert raised.value.where == "front.html"

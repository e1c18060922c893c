"""Normalising and cleaning the body: one rule a row, through ``parse_text``."""

import pytest

from curation.articles.importing import ImportProblem, parse_text
from curation.articles.importing.cleaning import outlet_name

NORMALISATION = [
    pytest.param("Cafe\u0301 au lait.", "Caf\u00e9 au lait.", id="NFD becomes NFC"),
    pytest.param(
        "\ufeffFirst one.\n\nSecond one.", "First one.\n\nSecond one.", id="byte order mark"
    ),
    pytest.param("First one.\r\n\r\nSecond one.\r\n", "First one.\n\nSecond one.", id="CRLF"),
    pytest.param("First one.\r\rSecond one.", "First one.\n\nSecond one.", id="bare CR"),
    pytest.param(
        "First one.\n\n\n\n\nSecond one.", "First one.\n\nSecond one.", id="runs of blank lines"
    ),
    pytest.param(
        "First one.   \n \t \nSecond one.\t",
        "First one.\n\nSecond one.",
        id="trailing and blank-line spaces",
    ),
    pytest.param("Tabs\tand   many  spaces.", "Tabs and many spaces.", id="tabs and space runs"),
    pytest.param(
        "No-break\u00a0space and\u2009thin space.",
        "No-break space and thin space.",
        id="unicode spaces",
    ),
    pytest.param("   Indented line.", "Indented line.", id="leading spaces"),
    pytest.param("Bell\x07 and\x00 nul.", "Bell and nul.", id="control characters"),
    pytest.param(
        "A paragraph that was\nwrapped at a short width\nby an email client.\n\nNext one.",
        "A paragraph that was wrapped at a short width by an email client.\n\nNext one.",
        id="soft line breaks",
    ),
    pytest.param(
        "Points made:\n- first point\n- second point\n* third point\n1. numbered\n2) numbered too",
        "Points made:\n- first point\n- second point\n* third point\n1. numbered\n2) numbered too",
        id="list items keep their lines",
    ),
    pytest.param("  \n\nFirst one.\n\n  ", "First one.", id="body is stripped"),
]


@pytest.mark.parametrize(("text", "body"), NORMALISATION)
def test_normalisation(text, body):
    assert parse_text(text).body == body


def test_lines_of_unwrapped_text_are_paragraphs():
    long_one = "The first paragraph is one long line, as text copied from a web page is. " * 2
    long_two = (
        "The second paragraph follows on the next line, with no blank line between them. " * 2
    )
    article = parse_text(f"{long_one.strip()}\n{long_two.strip()}")
    assert article.body == f"{long_one.strip()}\n\n{long_two.strip()}"


CLEANING = [
    pytest.param("Read [the report](https://x.example/a) now.", "Read the report now.", id="link"),
    pytest.param(
        'See [this](#) and [that](/b "Title").',
        "See this and that.",
        id="links with anchors and titles",
    ),
    pytest.param(
        "A [wiki link](https://en.wikipedia.org/wiki/Gaza_(city)) here.",
        "A wiki link here.",
        id="link with parentheses",
    ),
    pytest.param(
        "He said [to the Iranian strikes] it was over.",
        "He said [to the Iranian strikes] it was over.",
        id="editorial brackets stay",
    ),
    pytest.param(
        "It was [sic] (in his words) late.",
        "It was [sic] (in his words) late.",
        id="bracket then space then parens",
    ),
    pytest.param(
        "Before.\n\n![A photo](https://x.example/p.jpg)\n\nAfter.",
        "Before.\n\nAfter.",
        id="image alone",
    ),
    pytest.param("Text ![icon](i.png) inline.", "Text inline.", id="image inline"),
    pytest.param("One.\n\n---\n\nTwo.", "One.\n\nTwo.", id="rule ---"),
    pytest.param("One.\n\n***\n\nTwo.", "One.\n\nTwo.", id="rule ***"),
    pytest.param("One.\n\n___\n\nTwo.", "One.\n\nTwo.", id="rule ___"),
    pytest.param("One.\n\n- - -\n\nTwo.", "One.\n\nTwo.", id="rule - - -"),
    pytest.param(
        "One said that it would not\n\nbe long.\n\nTwo.",
        "One said that it would not be long.\n\nTwo.",
        id="paragraph split mid-sentence",
    ),
    pytest.param(
        "One ends here:\n\nnot joined.",
        "One ends here:\n\nnot joined.",
        id="colon ends a paragraph",
    ),
    pytest.param(
        'He said "no."\n\nthen left.', 'He said "no."\n\nthen left.', id="quote after full stop"
    ),
    pytest.param(
        "Intro.\n\nA subheading\n\nFollowed by text.",
        "Intro.\n\nA subheading\n\nFollowed by text.",
        id="capital letter: not joined",
    ),
    pytest.param(
        "Intro.\n\n## A subheading\n\nfollowed by text.",
        "Intro.\n\n## A subheading followed by text.",
        id="text: not a heading, joined",
    ),
    pytest.param(
        "Story.\n\nCopyright The Financial Times Limited 2024. All rights reserved.",
        "Story.",
        id="copyright footer",
    ),
    pytest.param("Story.\n\n© 2024 Reuters", "Story.", id="© footer"),
    pytest.param("Story.\n\nCopyright 2024 Reuters", "Story.", id="copyright and a year"),
    pytest.param(
        "Story.\n\nCopyright infringement claims were dismissed.",
        "Story.\n\nCopyright infringement claims were dismissed.",
        id="copyright without a year or rights reserved is text",
    ),
    pytest.param(
        "Copyright law was debated, and all rights reserved by the treaty were discussed at length. "
        * 4,
        (
            "Copyright law was debated, and all rights reserved by the treaty were discussed at length. "
            * 4
        ).strip(),
        id="a long paragraph about copyright is not a footer",
    ),
]


@pytest.mark.parametrize(("text", "body"), CLEANING)
def test_cleaning(text, body):
    assert parse_text(text).body == body


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        (
            "[Copyright](#) The Financial Times Limited 2024. All rights reserved.",
            "Financial Times",
        ),
        ("Copyright The Financial Times Limited 2024. All rights reserved.", "Financial Times"),
        ("© 2024 Reuters", "Reuters"),
        ("Copyright © 2024 Axios Media Inc. All rights reserved.", "Axios Media"),
        ("© 2019-2024 The Guardian News & Media Ltd", "Guardian News & Media"),
        (
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be published.",
            "Associated Press",
        ),
        ("All rights reserved.", ""),
    ],
)
def test_outlet_name_from_footer(footer, outlet):
    assert parse_text(f"The story.\n\n{footer}").source_name == outlet
    if footer.startswith(("Copyright", "©")):
        assert outlet_name(footer) == outlet


def test_markdown_headings_lose_their_markers():
    article = parse_text(
        "# The title\n\nFirst paragraph.\n\n## A subheading ##\n\nMore text, **in bold** and *italic*.",
        format="markdown",
    )
    assert article.title == "The title"
    assert article.title_derived is False
    assert article.body == "First paragraph.\n\nA subheading\n\nMore text, in bold and italic."


def test_markdown_heading_is_not_joined_to_a_lowercase_paragraph():
    article = parse_text("Intro.\n\n## A subheading\n\nfollowed by text.", format="markdown")
    assert article.body == "Intro.\n\nA subheading\n\nfollowed by text."


def test_markdown_setext_heading_and_quote():
    article = parse_text("The title\n=========\n\n> Quoted words.\n\nBody text.", format="markdown")
    assert article.title == "The title"
    assert article.body == "Quoted words.\n\nBody text."


def test_hash_lines_in_plain_text_are_left_alone():
    assert (
        parse_text("First.\n\n# not a heading in text").body == "First.\n\n# not a heading in text"
    )


@pytest.mark.parametrize(
    "text",
    ["---\n\n***", "![only](an-image.png)", "Just a headline"],
    ids=["only rules", "only an image", "only a headline"],
)
def test_nothing_left_after_cleaning_is_an_error(text):
    with pytest.raises(ImportProblem) as raised:
        parse_text(text, where="Pasted text")
    assert "no article text left after cleaning" in raised.value.message
    assert raised.value.where == "Pasted text"


def test_raw_text_is_kept_exactly():
    text = "Title line\r\n\r\nBody  text.\r\n"
    article = parse_text(text)
    assert article.raw_text == text
    assert article.body == "Body text."

"""The import parser fuzzed (hypothesis): whatever bytes or text arrive, as a file of
any supported kind, as pasted text or as JSONL lines, it returns articles or raises
ImportProblem, the documented error with a message for the editor. Never anything
else, and never an article without a body."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from curation.articles.importing import ImportProblem
from curation.articles.importing.jsonl import iter_jsonl
from curation.articles.importing.pipeline import parse_document, parse_text

PIECES = (
    "<html> <body> <article> <p> </p> <h1> <script>alert(1)</script> <br> <!-- --> "
    "<meta charset=latin-1> &amp; &#0; &#xD800; By Jane Doe WASHINGTON (Reuters) — "
    "Published June 27, 2024 ## # --- * [link](http://x) © 2024 Axios All rights reserved "
    "YESTERDAY last Thursday mid-July \ufeff \x00 \r\n \u2028 é 🚀 ſ İ"
).split(" ")

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map(
        lambda pieces: "\n".join(" ".join(pieces[i : i + 4]) for i in range(0, len(pieces), 4))
    ),
)
encoded = st.one_of(
    st.binary(max_size=400),
    texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
    texts.map(lambda text: text.encode("utf-16")),
    texts.map(lambda text: text.encode("latin-1", "replace")),
)
filenames = st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a", "a.markdown"])


def holds_an_article(article) -> None:
    assert article.body.strip()
    assert article.title is not None


def article_or_problem(parse) -> None:
    try:
        article = parse()
    except ImportProblem as problem:
        assert problem.message
    else:
        holds_an_article(article)


@settings(max_examples=300, deadline=None)
@given(data=encoded, filename=filenames)
def test_a_file_of_any_bytes_is_an_article_or_an_import_problem(data, filename):
    article_or_problem(lambda: parse_document(data, filename=filename, max_bytes=4096))


@settings(max_examples=300, deadline=None)
@given(text=texts, format=st.sampled_from(["text", "markdown", "html"]))
def test_pasted_text_is_an_article_or_an_import_problem(text, format):
    article_or_problem(lambda: parse_text(text, format=format, max_bytes=4096))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
lines = st.one_of(
    st.binary(max_size=200),
    st.fixed_dictionaries(
        {},
        optional={
            "title": json_values,
            "body": json_values | texts,
            "source": json_values,
            "published_on": json_values | st.dates().map(str),
            "url": json_values,
            "byline": json_values,
        },
    ).map(lambda fields: json.dumps(fields).encode()),
)


@settings(max_examples=300, deadline=None)
@given(file_lines=st.lists(lines, max_size=4))
def test_jsonl_lines_are_articles_or_import_problems(file_lines):
    try:
        for article in iter_jsonl(
            [line + b"\n" for line in file_lines], filename="a.jsonl", max_bytes=4096
        ):
            holds_an_article(article)
    except ImportProblem as problem:
        assert problem.message

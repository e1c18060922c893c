"""review.excerpts: a span in its context, cut at words and paragraph breaks (plain)."""

from curation.review.excerpts import CONTEXT_CHARS, excerpt

BODY = (
    "Officials in Jerusalem said on Monday that Benjamin Netanyahu would travel to "
    "Washington next week for talks.\n\nA second paragraph follows here."
)


def around(text: str) -> tuple[str, str, str]:
    start = BODY.index(text)
    end = start + len(text)
    return BODY[max(0, start - CONTEXT_CHARS) : start], text, BODY[end : end + CONTEXT_CHARS]


def test_the_context_starts_and_ends_at_whole_words():
    shown = excerpt(*around("Benjamin Netanyahu"))
    # The stored prefix begins with the end of "in"; that part of a word is left out.
    assert around("Benjamin Netanyahu")[0].startswith("n Jerusalem")
    assert shown.before == " Jerusalem said on Monday that "
    assert shown.quote == "Benjamin Netanyahu"
    assert shown.after == " would travel to Washington"
    assert shown.more_before and shown.more_after


def test_the_context_stops_at_a_paragraph_break():
    shown = excerpt(*around("next week"))
    assert shown.after == " for talks."
    assert not shown.more_after
    shown = excerpt(*around("second paragraph"))
    assert shown.before == "A "
    assert not shown.more_before


def test_the_start_of_the_text_has_nothing_before_it():
    shown = excerpt(*around("Officials"))
    assert shown.before == ""
    assert not shown.more_before


def test_a_long_quote_keeps_its_start_and_end_in_whole_words():
    quote = " ".join(f"word{n}" for n in range(200))
    shown = excerpt("", quote, "", quote_max=60)
    assert shown.cut
    assert shown.quote.startswith("word0 word1")
    assert shown.quote_end.endswith("word198 word199")
    assert len(shown.quote) <= 30 and len(shown.quote_end) <= 30
    assert all(part.startswith("word") for part in shown.quote_end.split())


def test_runs_of_white_space_read_as_one_space():
    shown = excerpt("x" * 10 + "  said\u00a0  ", "Tehran\n", "  \t replied")
    assert shown.before == "xxxxxxxxxx said "
    assert shown.quote == "Tehran"
    assert shown.after == " replied"

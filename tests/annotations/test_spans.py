"""Offsets, anchors, snapping to words and cutting the body into segments (plain Python)."""

import itertools
import random

import pytest

from curation.annotations.spans import (
    CONTEXT_CHARS,
    Anchor,
    Segment,
    Span,
    SpanError,
    anchor,
    check_within_paragraph,
    index_to_utf16,
    paragraphs,
    snap_to_words,
    utf16_to_index,
)

SEED_BODY = (
    "Senior Israeli and US officials, as reported by Axios, say that although a date for the "
    "new meeting has not been set, it is expected to occur in mid-July, before Netanyahu’s "
    "scheduled address to the US Congress on July 24."
)


def browser_offset(text: str, index: int) -> int:
    """What the selection script sends: JavaScript string length, in UTF-16 units."""
    return len(text[:index].encode("utf-16-le")) // 2


# --- anchor ----------------------------------------------------------------------------------


def test_anchor_stores_quote_and_context():
    start = SEED_BODY.index("Netanyahu")
    end = start + len("Netanyahu")

    stored = anchor(SEED_BODY, start, end)

    assert stored == Anchor(
        start=start,
        end=end,
        quote="Netanyahu",
        prefix="ed to occur in mid-July, before ",
        suffix="’s scheduled address to the US C",
    )
    assert len(stored.prefix) == len(stored.suffix) == CONTEXT_CHARS


def test_anchor_context_stops_at_the_ends_of_the_body():
    assert anchor("US and Iran", 0, 2) == Anchor(0, 2, "US", "", " and Iran")
    assert anchor("US and Iran", 7, 11) == Anchor(7, 11, "Iran", "US and ", "")


def test_anchor_accepts_the_matching_browser_quote():
    assert anchor("US and Iran", 7, 11, quote="Iran").quote == "Iran"


def test_anchor_rejects_a_quote_that_differs_from_the_body():
    with pytest.raises(SpanError, match="doesn't match the article.*reload the page"):
        anchor("US and Iran", 7, 11, quote="Iraq")


BAD_OFFSETS = [
    pytest.param(-1, 2, "-1–2 is not inside the article, which is 11", id="negative start"),
    pytest.param(3, 3, "3–3 is not inside", id="empty"),
    pytest.param(5, 2, "5–2 is not inside", id="reversed"),
    pytest.param(7, 12, "7–12 is not inside the article, which is 11", id="past the end"),
    pytest.param("7", 11, "whole numbers", id="string"),
    pytest.param(7.0, 11, "whole numbers", id="float"),
    pytest.param(True, 11, "whole numbers", id="bool"),
]


@pytest.mark.parametrize(("start", "end", "message"), BAD_OFFSETS)
def test_anchor_rejects_bad_offsets(start, end, message):
    with pytest.raises(SpanError, match=message):
        anchor("US and Iran", start, end)


def test_an_emoji_before_a_span_counts_one_code_point():
    body = "Reaction 🙂🙂 from Hezbollah today."
    start, end = body.index("Hezbollah"), body.index("Hezbollah") + len("Hezbollah")
    sent_start, sent_end = browser_offset(body, start), browser_offset(body, end)
    assert (sent_start, sent_end) == (start + 2, end + 2)

    stored = anchor(body, utf16_to_index(body, sent_start), utf16_to_index(body, sent_end))

    assert (stored.start, stored.end, stored.quote) == (start, end, "Hezbollah")


# --- snap_to_words -----------------------------------------------------------------------------

SNAPS = [
    # (body, selected text as [ ] brackets, expected text)
    pytest.param('said [ "Hezbollah," ]then', "Hezbollah", id="quotes, comma and spaces"),
    pytest.param("the He[zbol]lah group", "Hezbollah", id="inside a word"),
    pytest.param("the He[zbollah gr]oup", "Hezbollah group", id="both ends inside words"),
    pytest.param("before [Netanyah]u’s address", "Netanyahu", id="apostrophe ends a word"),
    pytest.param("before [Netanyahu’s] address", "Netanyahu’s", id="whole possessive kept"),
    pytest.param("the I[srae]l-Hamas war", "Israel", id="hyphen ends a word"),
    pytest.param("the [Israel-Ha]mas war", "Israel-Hamas", id="inner hyphen kept"),
    pytest.param("to the [U.S.] Congress", "U.S.", id="abbreviation dot kept"),
    pytest.param("to the [U.S]. Congress", "U.S.", id="abbreviation dot added"),
    pytest.param("to the [U.S]", "U.S", id="no dot to add"),
    pytest.param("in the [U.S. ]today", "U.S.", id="space after abbreviation"),
    pytest.param("from the U.[S.] on", "S", id="lone letter is no abbreviation"),
    pytest.param("urged [Tehran.] Then", "Tehran", id="full stop"),
    pytest.param("urged [(Tehran)] to", "Tehran", id="brackets"),
    pytest.param("the [G]7 leaders", "G7", id="digits are word characters"),
    pytest.param("a Cafe\u0301 [C]afe\u0301 b", "Cafe\u0301", id="combining mark"),
    pytest.param("a caf[e]\u0301 b", "cafe\u0301", id="combining mark at the end"),
    pytest.param("[🙂 Iran 🙂]", "Iran", id="emoji trimmed"),
    pytest.param("[Iran]", "Iran", id="whole body"),
]


def split_selection(marked: str) -> tuple[str, int, int]:
    start = marked.index("[")
    end = marked.index("]") - 1
    return marked.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(("marked", "expected"), SNAPS)
def test_snap_to_words(marked, expected):
    body, start, end = split_selection(marked)

    snapped_start, snapped_end = snap_to_words(body, start, end)

    assert body[snapped_start:snapped_end] == expected


def test_snap_to_words_returns_offsets_into_the_body():
    body = 'said "Hezbollah," then'
    assert snap_to_words(body, 4, 18) == (6, 15)


@pytest.mark.parametrize("marked", ["a[ , ]b", "a [“”] b", "x [🙂] y", "[ ]"])
def test_snapping_nothing_but_punctuation_is_an_error(marked):
    body, start, end = split_selection(marked)
    with pytest.raises(SpanError, match="only spaces or punctuation"):
        snap_to_words(body, start, end)


def test_snapping_bad_offsets_is_an_error():
    with pytest.raises(SpanError, match="not inside the article"):
        snap_to_words("Iran", 2, 9)


# --- UTF-16 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        pytest.param("abc", [0, 1, 2, 3], id="ascii"),
        pytest.param("a🙂b", [0, 1, 3, 4], id="emoji"),
        pytest.param("🙂🙂", [0, 2, 4], id="two emoji"),
        pytest.param("é€😀\n𝔸x", [0, 1, 2, 4, 5, 7, 8], id="mixed"),
        pytest.param("", [0], id="empty"),
    ],
)
def test_utf16_offsets(text, units):
    assert [index_to_utf16(text, index) for index in range(len(text) + 1)] == units
    assert [utf16_to_index(text, unit) for unit in units] == list(range(len(text) + 1))
    assert units == [browser_offset(text, index) for index in range(len(text) + 1)]


def test_a_utf16_offset_between_a_surrogate_pair_is_an_error():
    with pytest.raises(SpanError, match="Position 2 falls inside the character '🙂'"):
        utf16_to_index("a🙂b", 2)


@pytest.mark.parametrize("offset", [-1, 5])
def test_a_utf16_offset_outside_the_text_is_an_error(offset):
    with pytest.raises(SpanError, match="4 UTF-16 units long"):
        utf16_to_index("a🙂b", offset)


def test_an_index_outside_the_text_is_an_error():
    with pytest.raises(SpanError, match="outside the text"):
        index_to_utf16("a🙂b", 4)


# --- paragraphs --------------------------------------------------------------------------------


def seg(body: str, start: int, end: int, *keys: object) -> Segment:
    return Segment(start, end, body[start:end], keys)


def test_paragraphs_without_spans():
    body = "First para.\n\nSecond para\n- a list item\n\n\nThird."

    assert paragraphs(body, []) == [
        [seg(body, 0, 11)],
        [seg(body, 13, 38)],
        [seg(body, 41, 47)],
    ]


def test_paragraphs_cut_at_every_span_boundary():
    body = "Iran and US talk.\n\nHezbollah said so."
    spans = [
        Span(0, 4, "iran"),
        Span(0, 11, "iran-and-us"),  # contains "iran"
        Span(9, 24, "us-to-hez"),  # overlaps the first, crosses the paragraph break
        Span(19, 28, "hezbollah"),
    ]

    assert paragraphs(body, spans) == [
        [
            seg(body, 0, 4, "iran-and-us", "iran"),
            seg(body, 4, 9, "iran-and-us"),
            seg(body, 9, 11, "iran-and-us", "us-to-hez"),
            seg(body, 11, 17, "us-to-hez"),
        ],
        [
            seg(body, 19, 24, "us-to-hez", "hezbollah"),
            seg(body, 24, 28, "hezbollah"),
            seg(body, 28, 37),
        ],
    ]


def test_keys_are_ordered_by_start_then_longer_first_then_input_order():
    body = "abcdefgh"
    spans = [
        Span(2, 4, "late"),
        Span(0, 4, "short"),
        Span(0, 8, "long"),
        Span(0, 4, "short-again"),
    ]

    assert paragraphs(body, spans) == [
        [
            seg(body, 0, 2, "long", "short", "short-again"),
            seg(body, 2, 4, "long", "short", "short-again", "late"),
            seg(body, 4, 8, "long"),
        ]
    ]


def test_newlines_at_the_ends_of_the_body_belong_to_no_paragraph():
    body = "\nOne\ntwo\n\nThree\n"
    assert paragraphs(body, [Span(0, 4, "k")]) == [
        [seg(body, 1, 4, "k"), seg(body, 4, 8)],
        [seg(body, 10, 15)],
    ]


def test_a_span_over_a_paragraph_break_only_is_in_no_segment():
    body = "One\n\nTwo"
    assert paragraphs(body, [Span(3, 5, "gap")]) == [[seg(body, 0, 3)], [seg(body, 5, 8)]]


@pytest.mark.parametrize("body", ["", "\n", "\n\n\n"])
def test_a_body_without_text_has_no_paragraphs(body):
    assert paragraphs(body, []) == []


@pytest.mark.parametrize(
    "span",
    [Span(-1, 2, "k"), Span(2, 2, "k"), Span(3, 2, "k"), Span(0, 9, "k"), Span(0.0, 2, "k")],
    ids=["negative", "empty", "reversed", "past the end", "float"],
)
def test_paragraphs_reject_invalid_spans(span):
    with pytest.raises(ValueError, match=r"Span 1 .* body of 8 characters"):
        paragraphs("One\n\nTwo", [Span(0, 3, "fine"), span])


def naive_paragraphs(body: str, spans: list[Span]) -> list[list[Segment]]:
    """The same cut, done the slow and obvious way, character by character."""
    separator = [False] * len(body)
    position = 0
    for char, run in itertools.groupby(body):
        length = len(list(run))
        at_an_end = position == 0 or position + length == len(body)
        if char == "\n" and (length >= 2 or at_an_end):
            separator[position : position + length] = [True] * length
        position += length
    ranked = sorted(enumerate(spans), key=lambda item: (item[1].start, -item[1].end, item[0]))

    def keys_at(index: int) -> tuple:
        return tuple(span.key for _, span in ranked if span.start <= index < span.end)

    result: list[list[Segment]] = []
    for index, char in enumerate(body):
        if separator[index]:
            continue
        new_paragraph = index == 0 or separator[index - 1]
        if new_paragraph:
            result.append([])
        paragraph = result[-1]
        if (
            not new_paragraph
            and keys_at(index) == keys_at(index - 1)
            and (index not in {span.start for span in spans} | {span.end for span in spans})
        ):
            last = paragraph[-1]
            paragraph[-1] = Segment(last.start, index + 1, last.text + char, last.keys)
        else:
            paragraph.append(Segment(index, index + 1, char, keys_at(index)))
    return result


def rebuilt_body(body: str, result: list[list[Segment]]) -> str:
    """Segment texts joined by the body's own text between them, which must be newline runs."""
    pieces = []
    position = 0
    for paragraph in result:
        separator = body[position : paragraph[0].start]
        assert set(separator) <= {"\n"}
        assert position == 0 or len(separator) >= 2
        pieces.append(separator)
        for segment in paragraph:
            assert segment.start == position or segment is paragraph[0]
            pieces.append(segment.text)
            position = segment.end
    assert set(body[position:]) <= {"\n"}
    pieces.append(body[position:])
    return "".join(pieces)


def check_segmentation(body: str, spans: list[Span]) -> None:
    result = paragraphs(body, spans)
    assert rebuilt_body(body, result) == body
    assert result == naive_paragraphs(body, spans)


ALPHABET = "ab 🙂é\n\n\n.’"


def random_case(rng: random.Random) -> tuple[str, list[Span]]:
    body = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 40)))
    spans = []
    for key in range(rng.randrange(0, 8) if len(body) > 1 else 0):
        start = rng.randrange(0, len(body))
        spans.append(Span(start, rng.randrange(start + 1, len(body) + 1), key))
    return body, spans


def test_segmentation_matches_the_naive_cut_on_random_bodies():
    rng = random.Random(20240624)
    for _ in range(2000):
        body, spans = random_case(rng)
        check_segmentation(body, spans)


def test_segmentation_properties_with_hypothesis():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @st.composite
    def body_and_spans(draw):
        body = draw(st.text(alphabet=st.sampled_from(list(ALPHABET)), max_size=60))
        if not body:
            return body, []
        bounds = st.integers(min_value=0, max_value=len(body))
        pairs = draw(st.lists(st.tuples(bounds, bounds).filter(lambda p: p[0] != p[1])))
        return body, [Span(min(p), max(p), key) for key, p in enumerate(pairs)]

    @hypothesis.settings(max_examples=500, deadline=None)
    @hypothesis.given(body_and_spans())
    def check(case):
        check_segmentation(*case)

    check()


def test_a_quote_that_differs_only_in_whitespace_still_matches():
    body = "First paragraph ends.\n\nSecond starts here."
    start, end = body.index("ends"), body.index("Second") + len("Second")
    assert anchor(body, start, end, quote="ends.\nSecond").quote == "ends.\n\nSecond"
    with pytest.raises(SpanError):
        anchor(body, start, end, quote="ends. Secon")


SENTENCES = (
    "The meeting was set for last Thursday. The meeting, originally scheduled for last "
    "Thursday, was reportedly canceled. It may happen in mid-July!\n\nNew paragraph here."
)


@pytest.mark.parametrize(
    "needle, expected",
    [
        (
            "originally scheduled",
            "The meeting, originally scheduled for last Thursday, was reportedly canceled.",
        ),
        ("The meeting was", "The meeting was set for last Thursday."),
        ("mid-July", "It may happen in mid-July!"),
        ("New paragraph", "New paragraph here."),
        (
            "canceled. It may",
            "The meeting, originally scheduled for last Thursday, was reportedly "
            "canceled. It may happen in mid-July!",
        ),
    ],
)
def test_sentence_around(needle, expected):
    from curation.annotations.spans import sentence_around

    start = SENTENCES.index(needle)
    sentence_start, sentence_end = sentence_around(SENTENCES, start, start + len(needle))
    assert SENTENCES[sentence_start:sentence_end] == expected


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("One.\n\nTwo.", (0, 10)),
        ("various nations.\n\n\nThe meeting", (8, 27)),
    ],
)
def test_a_span_across_a_paragraph_break_is_refused(body, span):
    with pytest.raises(SpanError, match="across two paragraphs"):
        check_within_paragraph(body, *span)


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("One.\n\nTwo.", (0, 4)),
        ("One.\n\nTwo.", (6, 10)),
        ("a list\nof lines", (0, 15)),  # a single line break stays inside a paragraph
    ],
)
def test_a_span_within_a_paragraph_is_accepted(body, span):
    assert check_within_paragraph(body, *span) is None

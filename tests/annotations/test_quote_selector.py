"""find_quote: a passage found by its words and the text around them (pure)."""

import pytest

from curation.annotations.quote_selector import QuoteError, find_quote

BODY = "Iran said no. The Iranian envoy said Iran would wait. Iran left."


def test_a_quote_found_once_is_placed():
    assert find_quote("one two three", "two") == (4, 7)


def test_the_prefix_and_suffix_tell_occurrences_apart():
    start, end = find_quote(BODY, "Iran", prefix="envoy said ", suffix=" would")
    assert BODY[start - 11 : end + 6] == "envoy said Iran would"


def test_part_agreement_of_the_context_is_enough_when_it_is_the_best():
    start, _ = find_quote(BODY, "Iran", prefix="xx. ", suffix=" left.")
    assert start == BODY.rindex("Iran")


def test_whole_words_are_preferred_to_part_of_a_longer_word():
    assert find_quote("the Iranian and the Iran", "Iran") == (20, 24)


def test_occurrences_alike_in_every_way_are_an_error_not_a_guess():
    with pytest.raises(QuoteError, match="occurs 3 times"):
        find_quote("Iran, Iran, Iran", "Iran")


def test_a_quote_that_is_not_there_or_empty_is_an_error():
    with pytest.raises(QuoteError, match="is not in the article"):
        find_quote(BODY, "Iraq")
    with pytest.raises(QuoteError, match="empty"):
        find_quote(BODY, "")


def test_code_points_not_utf16_units():
    body = "🙂 Tehran 🙂 Tehran"
    assert find_quote(body, "Tehran", prefix="🙂 ", suffix=" 🙂") == (2, 8)

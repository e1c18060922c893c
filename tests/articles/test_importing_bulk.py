"""read_bulk: a JSON array or JSON Lines, each item read alone (pure)."""

import json

import pytest

from curation.articles.importing.bulk import BulkFormatError, read_bulk


def read(body: bytes):
    count, items = read_bulk(body, max_bytes=10_000)
    return count, list(items)


def test_an_array_is_counted_then_read_item_by_item():
    count, items = read(json.dumps([{"body": "One."}, 5, {"body": "Two."}]).encode())
    assert count == 3
    assert [item.index for item in items] == [0, 1, 2]
    assert items[0].article.body == "One." and items[0].article.raw_text == '{"body": "One."}'
    assert "item 1 is a number (5), not a JSON object" in items[1].problem.message


def test_json_lines_count_lines_and_index_by_line_from_0():
    body = b'\xef\xbb\xbf{"body": "One."}\n\n{"body": 3}\r\n{"body": "Three."}\n'
    count, items = read(body)
    assert count == 3
    assert [item.index for item in items] == [0, 2, 3]
    assert 'line 3: "body" must be text' in items[1].problem.message
    assert items[2].article.line == 4


@pytest.mark.parametrize("lead", [b"", b" \r\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n  "])
@pytest.mark.parametrize("kind", [bytes, bytearray])  # a large body is read into a bytearray
def test_blanks_and_a_byte_order_mark_before_a_batch_are_passed_over(lead, kind):
    for body, expected in ((b'[{"body": "One."}]', 1), (b'{"body": "One."}\n{"body": "Two."}', 2)):
        count, items = read(kind(lead + body))
        assert count == expected and items[0].article.body == "One."


def test_an_item_over_the_size_limit_fails_alone():
    body = json.dumps([{"body": "x" * 20_000}, {"body": "ok"}]).encode()
    _, items = read(body)
    assert "over the limit" in items[0].problem.message
    assert items[1].article is not None


@pytest.mark.parametrize("body", [b"", b"  ", b"null", b"[1,", b'{"a": 1}'[:0]])
def test_a_body_that_is_no_batch_is_refused_whole(body):
    with pytest.raises(BulkFormatError):
        read(body)


def test_an_escape_for_half_a_character_is_refused_not_stored():
    _, items = read(b'[{"body": "ok \\ud83d"}, {"body": "fine", "other": "\\udc00"}]')
    assert "half of a UTF-16 pair" in items[0].problem.message
    assert items[1].article.raw_text.encode()  # stored escaped, so it is text


def test_an_item_keeps_its_own_text_exactly_as_sent():
    body = b'[ {"body": "One.",  "title" : "T\\u00e9"} ,\n{"body":"Two."}]  \n'
    _, items = read(body)
    assert [item.article.raw_text for item in items] == [
        '{"body": "One.",  "title" : "T\\u00e9"}',
        '{"body":"Two."}',
    ]
    assert items[0].article.title == "Té"


@pytest.mark.parametrize("body", [b"[{}] x", b'[{"body": "a"} {"body": "b"}]', b"[1,]"])
def test_an_array_with_anything_after_or_between_its_items_is_refused(body):
    with pytest.raises(BulkFormatError, match="not valid JSON"):
        read(body)


def test_an_array_with_a_number_too_long_to_read_is_refused_whole_with_the_reason():
    with pytest.raises(BulkFormatError, match="number too long to read"):
        read(b'[{"body": "x", "n": ' + b"9" * 5000 + b"}]")

"""Answers are gzipped at zlib's level 1 (curation/compression.py), whole or streamed,
with Django's headers and its padding against BREACH; a part kept compressed is
spliced in as it is (curation/spliced_page.py)."""

import gzip
import zlib

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory, override_settings
from django.utils.safestring import mark_safe

from curation import compression
from curation.middleware import GZipMiddleware
from curation.spliced_page import SplicedPage, render_spliced

TEXT = b"".join(b"<p>Talks with Tehran resumed on day %d.</p>\n" % n for n in range(5000))


def header_name(data: bytes) -> bytes:
    """The file name in a gzip header ("" when it has none)."""
    if not data[3] & gzip.FNAME:
        return b""
    return data[10 : data.index(b"\x00", 10)]


def test_a_whole_answer_is_gzip_at_the_fastest_level_with_a_name_of_random_length():
    names = set()
    for _ in range(30):
        packed = compression.compress(TEXT, max_random_bytes=100)
        assert gzip.decompress(packed) == TEXT
        assert packed[8] == 4  # "compressed with the fastest algorithm"
        names.add(len(header_name(packed)))
    assert len(names) > 5 and max(names) < 100
    faster = len(compression.compress(TEXT))
    assert len(gzip.compress(TEXT, compresslevel=1, mtime=0)) == faster


def test_a_stream_is_sent_as_it_comes_and_flushed_every_so_often():
    lines = [b"line %d of a long export\n" % n for n in range(40_000)]
    pieces = list(compression.compress_stream(iter(lines), max_random_bytes=100))
    assert gzip.decompress(b"".join(pieces)) == b"".join(lines)
    size = sum(map(len, lines))
    flushes = size // compression.STREAM_FLUSH_BYTES
    # A piece at each flush (the header comes with the first), and the end.
    assert len(pieces) == flushes + 1
    # Each flushed piece can be read on its own: the reader doesn't wait for the end.
    reader = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert reader.decompress(pieces[0]).startswith(b"line 0 of")


def test_an_empty_stream_is_an_empty_gzip_file():
    assert gzip.decompress(b"".join(compression.compress_stream(iter([])))) == b""


@pytest.mark.parametrize("streaming", [False, True])
def test_the_middleware_compresses_for_clients_that_accept_it(streaming):
    def answer(request):
        if streaming:
            return StreamingHttpResponse(iter([TEXT[:1000], TEXT[1000:]]))
        response = HttpResponse(TEXT)
        response["ETag"] = '"v1"'
        return response

    middleware = GZipMiddleware(answer)
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    response = middleware(request)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    body = b"".join(response.streaming_content) if streaming else response.content
    assert gzip.decompress(body) == TEXT
    if streaming:
        assert not response.has_header("Content-Length")
    else:
        assert response["Content-Length"] == str(len(body))
        assert response["ETag"] == 'W/"v1"'
    plain = middleware(RequestFactory().get("/"))
    assert not plain.has_header("Content-Encoding")
    assert (b"".join(plain.streaming_content) if streaming else plain.content) == TEXT


@pytest.mark.parametrize(
    ("first", "second"),
    [(b"", b""), (b"", b"Tehran"), (b"Tehran", b""), (b"a", b"b"), (TEXT[:999], TEXT)],
)
def test_the_crc_of_two_texts_joined_comes_from_their_own(first, second):
    combined = compression.crc32_combine(zlib.crc32(first), zlib.crc32(second), len(second))
    assert combined == zlib.crc32(first + second)


def test_a_deflated_part_gives_back_its_text():
    kept = compression.Deflated.of(TEXT)
    assert kept.plain() == TEXT
    assert (kept.crc, kept.size) == (zlib.crc32(TEXT), len(TEXT))
    assert len(kept.data) < len(TEXT) / 4


KEPT = compression.Deflated.of(TEXT[100:])


@pytest.mark.parametrize(
    "parts",
    [
        [TEXT[:100], KEPT, b"</body>"],
        [TEXT[:100], KEPT, TEXT[:100]],  # nothing after a kept part refers back past it
        [KEPT],
        [KEPT, KEPT],
        [b"<html>", KEPT, KEPT, b""],
        [b"<html>", b"</html>"],
        [],
    ],
)
def test_parts_are_one_gzip_file_with_the_kept_blocks_copied_in(parts):
    packed = compression.compress_parts(parts, max_random_bytes=100)
    plain = b"".join(part if isinstance(part, bytes) else part.plain() for part in parts)
    assert gzip.decompress(packed) == plain  # its CRC and length checked too
    if KEPT in parts:
        assert KEPT.data in packed


def spliced_page() -> SplicedPage:
    return SplicedPage([TEXT[:100], KEPT, b"</body>"])


def test_a_spliced_page_reads_as_its_plain_text_when_asked():
    page = spliced_page()
    assert page["Content-Length"] == str(len(TEXT) + 7)
    assert page.content == TEXT + b"</body>"
    assert page.deflated_parts is None  # read: from now on a plain answer
    assert b"".join(spliced_page()) == TEXT + b"</body>"
    replaced = spliced_page()
    replaced.content = b"other"
    assert replaced.content == b"other" and replaced.deflated_parts is None


def test_the_middleware_splices_a_kept_part_without_decompressing_it(monkeypatch):
    def decompressed(self):
        raise AssertionError("the kept part was decompressed")

    monkeypatch.setattr(compression.Deflated, "plain", decompressed)
    middleware = GZipMiddleware(lambda request: spliced_page())
    response = middleware(RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip"))
    assert response["Content-Encoding"] == "gzip"
    assert KEPT.data in response.content
    assert response["Content-Length"] == str(len(response.content))
    monkeypatch.undo()
    assert gzip.decompress(response.content) == TEXT + b"</body>"
    plain = middleware(RequestFactory().get("/"))
    assert not plain.has_header("Content-Encoding")
    assert plain.content == TEXT + b"</body>"


@override_settings(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"once.html": "<p>{{ text }}</p>", "twice.html": "{{ text }}{{ text }}"},
                    )
                ]
            },
        }
    ]
)
@pytest.mark.parametrize(("template", "times"), [("once.html", 1), ("twice.html", 2)])
def test_a_part_shown_other_than_once_is_written_out(template, times):
    context = {}
    response = render_spliced(
        RequestFactory().get("/"),
        template,
        context,
        stand_in=lambda marker: context.update(text=mark_safe(marker)),  # noqa: S308
        piece=compression.Deflated.of(b"Talks resumed."),
    )
    assert isinstance(response, SplicedPage) == (times == 1)
    assert response.content.decode().count("Talks resumed.") == times
    assert "spliced" not in response.content.decode()

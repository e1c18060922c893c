"""Answers are gzipped at zlib's level 1 (curation/compression.py), whole or streamed,
with Django's headers and its padding against BREACH."""

import gzip
import zlib

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from curation import compression
from curation.middleware import GZipMiddleware

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

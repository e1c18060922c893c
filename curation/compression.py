"""Gzip for the desk's answers as Django's GZipMiddleware writes it (a file name of
random length in the header, against BREACH), but at zlib's level 1, as nginx
compresses by default, and flushing a stream every ``STREAM_FLUSH_BYTES`` of input
rather than after each piece.

Level 6, Django's, took 5 ms of a 280 KB workspace page to send a sixth fewer bytes,
and a flush after each line made a streamed export longer and slower again.

A part that many answers send unchanged (a long article's cached text) can be kept
compressed (``Deflated``) and sent as it is: ``compress_parts`` splices its bytes
between the compressed rest, so its megabyte is neither decompressed nor compressed
again. Plain Python, no Django."""

from __future__ import annotations

import secrets
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from gzip import FNAME, GzipFile
from io import BytesIO

LEVEL = 1
STREAM_FLUSH_BYTES = 64 * 1024
_RAW_DEFLATE = -zlib.MAX_WBITS  # deflate blocks with no zlib or gzip wrapping
# gzip's header: its magic, deflate, flags, no time, "the fastest level", no known OS
_HEADER = b"\x1f\x8b\x08%c\x00\x00\x00\x00\x04\xff"


@dataclass(frozen=True, slots=True)
class Deflated:
    """Bytes compressed once to be sent many times: deflate blocks that end on a byte
    boundary and are not the stream's last (a sync flush), so that they can sit between
    other blocks of a gzip stream, with their CRC-32 and length for its trailer."""

    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, plain: bytes) -> Deflated:
        packer = zlib.compressobj(LEVEL, zlib.DEFLATED, _RAW_DEFLATE)
        data = packer.compress(plain) + packer.flush(zlib.Z_SYNC_FLUSH)
        return cls(data, zlib.crc32(plain), len(plain))

    def plain(self) -> bytes:
        return zlib.decompressobj(_RAW_DEFLATE).decompress(self.data)


def _random_name(max_random_bytes: int) -> bytes | None:
    return b"a" * secrets.randbelow(max_random_bytes) if max_random_bytes else None


def compress(data: bytes, *, max_random_bytes: int = 0) -> bytes:
    """``data`` gzipped, its header naming a file of 0 to ``max_random_bytes`` - 1
    bytes, so that the length of an answer says less about its content."""
    return compress_parts([data], max_random_bytes=max_random_bytes)


def compress_parts(parts: Iterable[bytes | Deflated], *, max_random_bytes: int = 0) -> bytes:
    """The parts, one after the other, gzipped as ``compress`` does; a ``Deflated``
    part's blocks are copied in as they are. The blocks after one start afresh, since
    they cannot refer back to text their compressor never saw."""
    name = _random_name(max_random_bytes)
    out = [_HEADER % (FNAME if name else 0), name + b"\x00" if name else b""]
    crc = size = 0
    packer = None
    for part in parts:
        if isinstance(part, Deflated):
            if packer is not None:
                out.append(packer.flush(zlib.Z_SYNC_FLUSH))
                packer = None
            out.append(part.data)
            crc, size = crc32_combine(crc, part.crc, part.size), size + part.size
        else:
            packer = packer or zlib.compressobj(LEVEL, zlib.DEFLATED, _RAW_DEFLATE)
            out.append(packer.compress(part))
            crc, size = zlib.crc32(part, crc), size + len(part)
    # the last block, marked as such (an empty one after a Deflated part)
    packer = packer or zlib.compressobj(LEVEL, zlib.DEFLATED, _RAW_DEFLATE)
    out.append(packer.flush(zlib.Z_FINISH))
    out.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(out)


def compress_stream(chunks: Iterable[bytes], *, max_random_bytes: int = 0) -> Iterator[bytes]:
    """``chunks`` gzipped as they come: what is compressed so far is sent at least
    every ``STREAM_FLUSH_BYTES`` of input, and at the end."""
    buffer = BytesIO()
    with _gzip_file(buffer, max_random_bytes) as file:
        pending = 0
        for chunk in chunks:
            file.write(chunk)
            pending += len(chunk)
            if pending >= STREAM_FLUSH_BYTES:
                file.flush()
                pending = 0
                yield _taken(buffer)
    yield _taken(buffer)


def _gzip_file(buffer: BytesIO, max_random_bytes: int) -> GzipFile:
    name = _random_name(max_random_bytes)
    return GzipFile(filename=name, mode="wb", compresslevel=LEVEL, fileobj=buffer, mtime=0)


def _taken(buffer: BytesIO) -> bytes:
    """What the buffer holds, emptying it."""
    data = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return data


# --- CRC-32 of two texts joined, from each one's CRC: zlib's crc32_combine, which
# Python's zlib module does not offer. Polynomials over GF(2), reflected as zlib keeps
# them: bit 31 is x^0.
_CRC_POLYNOMIAL = 0xEDB88320


def _multiply_mod_p(a: int, b: int) -> int:
    """a(x) b(x) modulo the CRC-32 polynomial."""
    product = 0
    bit = 1 << 31
    while a:
        if a & bit:
            product ^= b
            a ^= bit
        bit >>= 1
        b = (b >> 1) ^ _CRC_POLYNOMIAL if b & 1 else b >> 1
    return product


def _powers_of_x() -> list[int]:
    """x^(2^k) modulo the polynomial, for k from 0 to 31."""
    powers = [1 << 30]  # x^1
    for _ in range(31):
        powers.append(_multiply_mod_p(powers[-1], powers[-1]))
    return powers


_X_TO_2_TO_THE = _powers_of_x()


def crc32_combine(first_crc: int, second_crc: int, second_length: int) -> int:
    """The CRC-32 of A followed by B, from A's CRC and B's CRC and length: A's CRC
    times x^(8 × B's length), plus B's CRC."""
    shift = 1 << 31  # x^0
    bits, k = second_length, 3  # 8 × length: start at x^(2^3)
    while bits:
        if bits & 1:
            shift = _multiply_mod_p(_X_TO_2_TO_THE[k & 31], shift)
        bits >>= 1
        k += 1
    return _multiply_mod_p(shift, first_crc) ^ second_crc

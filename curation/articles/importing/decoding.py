"""Bytes to text: refuse what is not text, read UTF-8, fall back to Windows-1252."""

from __future__ import annotations

import codecs

from .types import ImportProblem

CP1252_WARNING = "Not valid UTF-8; read as Windows-1252 (cp1252). Check accented characters."

# Leading bytes of file types people pick by mistake, and how to name them.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)

# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_CONTROL_BYTES = frozenset([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_SNIFF_SIZE = 4096
_MAX_CONTROL_SHARE = 0.1


def decode_bytes(data: bytes, *, where: str) -> tuple[str, list[str]]:
    """Decode a whole file. Returns the text (without a byte order mark) and warnings."""
    if not data:
        raise ImportProblem(
            "The file is empty (0 bytes). Check that you picked the right file.", where=where
        )
    refuse_binary(data, where=where)
    text, warnings = decode_text(data, where=where)
    if not text.strip():
        raise ImportProblem(
            "The file holds only blank space and no text. Check that you picked the right file.",
            where=where,
        )
    return text, warnings


def refuse_binary(data: bytes, *, where: str) -> None:
    """Raise when the bytes are clearly a document, image or archive rather than text."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ImportProblem(
                f"This is {kind}, not a text file. Copy the article text out of it, "
                "or save it as plain text (.txt), and import that.",
                where=where,
            )
    if _has_bom(data):
        return
    _refuse_nul_bytes(data, where=where)
    sample = data[:_SNIFF_SIZE]
    if not sample:
        return
    control_share = len(sample.translate(None, _NOT_CONTROL_BYTES)) / len(sample)
    if control_share > _MAX_CONTROL_SHARE:
        raise ImportProblem(
            f"This looks like a binary file, not text: {control_share:.0%} of its first bytes are "
            "control characters. Save the article as plain text (.txt) and import that.",
            where=where,
        )


def decode_text(data: bytes, *, where: str) -> tuple[str, list[str]]:
    """Decode by byte order mark, else as UTF-8, else as Windows-1252 with a warning."""
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            return _decode_after_bom(data, bom, encoding, label, where=where), []
    _refuse_nul_bytes(data, where=where)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), [CP1252_WARNING]
    except UnicodeDecodeError as error:
        raise _undecodable(data, error.start, where=where) from None


def _refuse_nul_bytes(data: bytes, *, where: str) -> None:
    position = data.find(b"\x00")
    if position >= 0:
        raise ImportProblem(
            f"There is a NUL byte at position {position}, so this is not plain text: it is a "
            "binary file, or text saved as UTF-16 without a byte order mark. Save the article "
            "as UTF-8 text and try again.",
            where=where,
        )


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _encoding, _label in _BOMS)


def _decode_after_bom(data: bytes, bom: bytes, encoding: str, label: str, *, where: str) -> str:
    try:
        return data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        position = len(bom) + error.start
        raise ImportProblem(
            f"The file starts with a {label} byte order mark but is not valid {label}: "
            f"byte 0x{data[position]:02x} at position {position} is wrong. "
            "Save the file as UTF-8 and try again.",
            where=where,
        ) from None


def _undecodable(data: bytes, position: int, *, where: str) -> ImportProblem:
    line = data.count(b"\n", 0, position) + 1
    before = (
        data[max(0, position - 30) : position].decode("utf-8", "replace").split("\n")[-1].strip()
    )
    near = f', just after "{before}"' if before else ""
    return ImportProblem(
        f"This file is not readable text: byte 0x{data[position]:02x} at position {position} "
        f"(line {line}{near}) is neither UTF-8 nor Windows-1252. "
        "Save the file as UTF-8 and try again.",
        where=where,
    )

"""Files in: formats by extension, decoding, size limits and refusals with messages for people."""

import subprocess
import sys
from pathlib import Path

import pytest

from curation.articles.importing import (
    CP1252_WARNING,
    DEFAULT_MAX_BYTES,
    ImportProblem,
    decode_bytes,
    format_for_filename,
    parse_document,
    parse_text,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("filename", "format"),
    [
        ("story.txt", "text"),
        ("STORY.TXT", "text"),
        ("story", "text"),
        ("notes/story.md", "markdown"),
        ("story.markdown", "markdown"),
        ("page.html", "html"),
        ("page.htm", "html"),
        ("feed.jsonl", "jsonl"),
    ],
)
def test_format_for_filename(filename, format):
    assert format_for_filename(filename) == format


def test_unsupported_extension():
    with pytest.raises(ImportProblem) as raised:
        format_for_filename("report.pdf")
    assert (
        raised.value.message
        == 'Unsupported file type ".pdf". Import .txt, .md, .html or .jsonl files.'
    )
    assert raised.value.where == "report.pdf"
    assert (
        str(raised.value)
        == 'report.pdf: Unsupported file type ".pdf". Import .txt, .md, .html or .jsonl files.'
    )


def test_default_limit():
    assert DEFAULT_MAX_BYTES == 2 * 1024 * 1024


DECODED = [
    pytest.param(b"Plain ASCII.", "Plain ASCII.", [], id="ascii"),
    pytest.param("Café, naïve, “quotes”.".encode(), "Café, naïve, “quotes”.", [], id="utf-8"),
    pytest.param(b"\xef\xbb\xbfWith a BOM.", "With a BOM.", [], id="utf-8 BOM stripped"),
    pytest.param("UTF-16 café.".encode("utf-16"), "UTF-16 café.", [], id="utf-16 with BOM"),
    pytest.param(
        b"Caf\xe9 au lait, \x93quoted\x94.",
        "Café au lait, “quoted”.",
        [CP1252_WARNING],
        id="cp1252 fallback",
    ),
]


@pytest.mark.parametrize(("data", "text", "warnings"), DECODED)
def test_decode_bytes(data, text, warnings):
    assert decode_bytes(data, where="story.txt") == (text, warnings)


def test_cp1252_warning_text():
    assert (
        CP1252_WARNING
        == "Not valid UTF-8; read as Windows-1252 (cp1252). Check accented characters."
    )


REFUSED = [
    pytest.param(b"", ["empty"], id="empty"),
    pytest.param(b"  \r\n\t\n  ", ["only blank space"], id="whitespace only"),
    pytest.param(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", ["PDF document", "plain text (.txt)"], id="PDF"
    ),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", ["ZIP archive", "Word"], id="docx"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["PNG image"], id="PNG"),
    pytest.param(
        b"Some text\x00with a NUL byte", ["NUL byte at position 9", "UTF-8"], id="NUL bytes"
    ),
    pytest.param(
        bytes(range(1, 9)) * 20, ["binary file", "control characters"], id="control characters"
    ),
    pytest.param(
        b"Fine text on line one.\nThen caf\x81 here.",
        [
            "byte 0x81 at position 31",
            "line 2",
            'just after "Then caf"',
            "Save the file as UTF-8 and try again.",
        ],
        id="undecodable byte",
    ),
]


@pytest.mark.parametrize(("data", "phrases"), REFUSED)
def test_refused_bytes_say_what_is_wrong(data, phrases):
    with pytest.raises(ImportProblem) as raised:
        decode_bytes(data, where="story.txt")
    assert raised.value.where == "story.txt"
    for phrase in phrases:
        assert phrase in raised.value.message


def test_parse_document_decodes_then_parses():
    data = "Le titre\r\n\r\nCaf\u00e9 cr\u00e8me, said the owner.\r\n".encode("cp1252")
    article = parse_document(data, filename="cafe.txt")
    assert article.title == "Le titre"
    assert article.body == "Café crème, said the owner."
    assert article.raw_text == "Le titre\r\n\r\nCafé crème, said the owner.\r\n"
    assert article.warnings == [CP1252_WARNING]


def test_parse_document_markdown_by_extension():
    article = parse_document(b"# A title\n\nText with [a link](x).", filename="a.md")
    assert (article.format, article.title, article.body) == (
        "markdown",
        "A title",
        "Text with a link.",
    )


def test_parse_document_refuses_jsonl():
    with pytest.raises(ValueError):
        parse_document(b'{"body": "x"}', filename="feed.jsonl")


def test_file_over_the_limit_is_refused_before_decoding():
    data = b"\x81" * 2000  # undecodable too: the size is what gets reported
    with pytest.raises(ImportProblem) as raised:
        parse_document(data, filename="big.txt", max_bytes=1024)
    assert raised.value.where == "big.txt"
    assert raised.value.message == (
        "This file is 2 KB (2,000 bytes), over the limit of 1 KB (1,024 bytes) for one article. "
        "Split it into smaller parts and import each, or ask an admin to raise the limit."
    )
    # The setting's name is for the log, not for the editor who reads the message.
    assert raised.value.log_detail == ("2,000 bytes, over CURATION_IMPORT_MAX_BYTES (1,024 bytes)")


def test_default_limit_applies_to_files():
    with pytest.raises(ImportProblem) as raised:
        parse_document(b"a" * (DEFAULT_MAX_BYTES + 1), filename="big.txt")
    assert (
        "2 MB (2,097,153 bytes), over the limit of 2 MB (2,097,152 bytes)" in raised.value.message
    )


def test_pasted_text_over_the_limit_counts_utf8_bytes():
    text = "é" * 600  # 600 characters, 1,200 bytes
    with pytest.raises(ImportProblem) as raised:
        parse_text(text, where="Pasted text", max_bytes=1000)
    assert "1.2 KB (1,200 bytes)" in raised.value.message
    assert "ask an admin to raise the limit" in raised.value.message
    assert "CURATION_IMPORT_MAX_BYTES" not in raised.value.message
    assert parse_text("é" * 499 + ".", max_bytes=1000).body.startswith("éé")


def test_empty_file_through_parse_document():
    with pytest.raises(ImportProblem) as raised:
        parse_document(b"", filename="empty.md")
    assert (
        raised.value.message == "The file is empty (0 bytes). Check that you picked the right file."
    )


def test_the_package_imports_no_django():
    code = (
        "import sys; import curation.articles.importing as i; "
        "i.parse_text('A title\\n\\nSome text.'); "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'trafilatura')); "
        "print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("name", "is_dir", "reason"),
    [
        ("000_04889a4c5d51775a.txt", False, None),
        ("story.md", False, None),
        ("feed.jsonl", False, None),
        ("notice.txt", False, None),  # an ordinary word in lower case: maybe a story
        ("history.md", False, None),
        ("readmes.txt", False, None),
        ("nested", True, None),
        ("README.md", False, "a README file, not an article"),
        ("readme.txt", False, "a README file, not an article"),
        ("README.fr.md", False, "a README file, not an article"),
        ("LICENSE", False, "a LICENSE file, not an article"),
        ("LICENSE-MIT.txt", False, "a LICENSE file, not an article"),
        ("Licence.md", False, "a LICENCE file, not an article"),
        ("CHANGELOG.md", False, "a CHANGELOG file, not an article"),
        ("CONTRIBUTING.md", False, "a CONTRIBUTING file, not an article"),
        ("CODE_OF_CONDUCT.md", False, "a CODE_OF_CONDUCT file, not an article"),
        ("NOTICE", False, "a NOTICE file, not an article"),
        ("AUTHORS.txt", False, "an AUTHORS file, not an article"),
        (".DS_Store", False, "a hidden file (its name starts with a dot)"),
        (".draft.txt", False, "a hidden file (its name starts with a dot)"),
        (".git", True, "a hidden folder: nothing in it was read (its name starts with a dot)"),
        (
            "photo.jpg",
            False,
            'not an article file: the import reads .txt, .md, .html and .jsonl, not ".jpg" files',
        ),
        (
            "Makefile",
            False,
            "not an article file: the import reads .txt, .md, .html and .jsonl, not files "
            "without an extension",
        ),
    ],
)
def test_what_a_folder_import_skips_and_why(name, is_dir, reason):
    from curation.articles.importing.files import skip_reason

    assert skip_reason(name, is_dir=is_dir) == reason

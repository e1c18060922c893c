"""Files on disk: walking the paths given to an import, and reading one file."""

from collections.abc import Iterable, Iterator
from pathlib import Path

from .limits import check_size
from .pipeline import FORMAT_BY_EXTENSION, format_for_filename, parse_document
from .types import ImportProblem, ParsedArticle

# In a folder, only files with a known extension are articles (not README or LICENSE).
IMPORTABLE_SUFFIXES = {suffix for suffix in FORMAT_BY_EXTENSION if suffix}


def iter_import_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield every file to import: files as given, and the importable files inside
    folders (recursively, sorted by name, hidden ones skipped). A path that does not
    exist is yielded as is, so that the import reports it."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    entries = sorted(
        (entry for entry in folder.iterdir() if not entry.name.startswith(".")),
        key=lambda entry: entry.name,
    )
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.suffix.lower() in IMPORTABLE_SUFFIXES:
            yield entry


def parse_file(path: Path, *, max_bytes: int) -> ParsedArticle | ImportProblem | None:
    """Read and parse one text, Markdown or HTML file.

    Returns None for a JSONL file, which holds many articles (stream it through
    ``iter_jsonl``). A problem is returned rather than raised, so that one bad file
    among thousands is reported and the rest go on.
    """
    try:
        if format_for_filename(path.name) == "jsonl":
            return None
        # Checked before reading, so a huge file is refused without loading it.
        check_size(path.stat().st_size, max_bytes, what="This file", where=path.name)
        return parse_document(path.read_bytes(), filename=path.name, max_bytes=max_bytes)
    except ImportProblem as problem:
        return problem
    except FileNotFoundError:
        return ImportProblem("No such file or folder.", where=str(path))
    except OSError as error:
        return ImportProblem(f"Cannot read it ({error.strerror}).", where=path.name)

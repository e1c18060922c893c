"""Walking the paths given to an import, lazily and in a stable order."""

from collections.abc import Iterable, Iterator
from pathlib import Path

IMPORTABLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


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

"""Files on disk: walking the paths given to an import, and reading one file."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .limits import check_size
from .pipeline import FORMAT_BY_EXTENSION, format_for_filename, parse_document
from .types import ImportProblem, ParsedArticle

# In a folder, only files with a known extension are articles.
IMPORTABLE_SUFFIXES = {suffix for suffix in FORMAT_BY_EXTENSION if suffix}

# The files a project or a download keeps beside its content: "README.md", "LICENSE.txt",
# "CHANGELOG.md", "LICENSE-MIT", "README.fr.md". The first names are never an article's,
# in any case. The others are ordinary words too ("notice.txt" may be a story), so they
# count only in capitals, as projects write them: "NOTICE", "AUTHORS.txt".
_PROJECT_FILE_RE = re.compile(
    r"(?P<name>(?i:readme|licen[cs]e|changelog|contributing|code[_-]of[_-]conduct|copying)"
    r"|NOTICE|AUTHORS|CONTRIBUTORS|CHANGES|HISTORY|MAINTAINERS|SECURITY|INSTALL)"
    r"(?:[-_][A-Za-z0-9]{1,12})?(?:\.[A-Za-z0-9]{1,12})*"
)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """Something inside a folder being imported that is not an article, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def skip_reason(name: str, *, is_dir: bool = False) -> str | None:
    """Why a folder import leaves out the file (or folder) called ``name``; None to import it."""
    if name.startswith("."):
        what = "a hidden folder: nothing in it was read" if is_dir else "a hidden file"
        return f"{what} (its name starts with a dot)"
    if is_dir:
        return None
    if project_file := _PROJECT_FILE_RE.fullmatch(name):
        kind = project_file.group("name").upper()
        return f"{'an' if kind[0] in 'AEIOU' else 'a'} {kind} file, not an article"
    suffix = Path(name).suffix.lower()
    if suffix not in IMPORTABLE_SUFFIXES:
        kind = f'"{suffix}" files' if suffix else "files without an extension"
        return f"not an article file: the import reads .txt, .md, .html and .jsonl, not {kind}"
    return None


def iter_import_entries(paths: Iterable[Path]) -> Iterator[Path | SkippedFile]:
    """Yield every file to import, and every file or folder skipped, in order.

    Files named on their own are imported as given, whatever they are called: naming a
    file asks for it. Folders are read recursively, sorted by name, and what is not an
    article in them is skipped (see ``skip_reason``). A path that does not exist is
    yielded as is, so that the import reports it.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def iter_import_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to import from ``paths`` (see ``iter_import_entries``)."""
    return (entry for entry in iter_import_entries(paths) if isinstance(entry, Path))


def _walk(folder: Path) -> Iterator[Path | SkippedFile]:
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        is_dir = entry.is_dir()
        if reason := skip_reason(entry.name, is_dir=is_dir):
            yield SkippedFile(entry, reason)
        elif is_dir:
            yield from _walk(entry)
        else:
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

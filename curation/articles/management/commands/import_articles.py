import argparse
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from curation.articles.importing.files import iter_import_files
from curation.articles.models import Source
from curation.articles.services import articles_import_paths


class Command(BaseCommand):
    help = (
        "Import news articles from files and folders (.txt, .md, .html, .jsonl). "
        "Folders are searched recursively. Text already in the desk is reported, not "
        "imported twice. Exits with status 1 if any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--source", metavar="SLUG", help="the Source (by slug) of every imported article"
        )
        parser.add_argument(
            "--published-on",
            metavar="DATE",
            type=_iso_date,
            help="publication date (YYYY-MM-DD) for articles that state none",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar, even on a terminal"
        )

    def handle(
        self,
        *args,
        paths: list[Path],
        source: str | None,
        published_on: date | None,
        no_progress: bool,
        verbosity: int,
        **options,
    ) -> None:
        chosen_source = _source_by_slug(source) if source else None
        total = sum(1 for _ in iter_import_files(paths))
        show_bar = not no_progress and verbosity > 0 and sys.stderr.isatty()
        counts = {"imported": 0, "already": 0, "failed": 0}
        failures: list[str] = []

        with tqdm(total=total, unit="file", disable=not show_bar, file=sys.stderr) as bar:
            for _path, outcomes in articles_import_paths(
                files=iter_import_files(paths), source=chosen_source, published_on=published_on
            ):
                for outcome in outcomes:
                    counts[outcome.status] += 1
                    if outcome.status == "failed":
                        failures.append(str(outcome))
                    elif verbosity >= 2:
                        self.stdout.write(str(outcome))
                bar.update(1)

        for failure in failures:
            self.stderr.write(f"failed  {failure}")
        self.stdout.write(
            f"{counts['imported']} imported, {counts['already']} already there, "
            f"{counts['failed']} failed ({total} file{'s' if total != 1 else ''})."
        )
        if failures:
            raise CommandError(f"{len(failures)} failed; see the reasons above.", returncode=1)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _source_by_slug(slug: str) -> Source:
    try:
        return Source.objects.get(slug=slug)
    except Source.DoesNotExist:
        known = ", ".join(Source.objects.values_list("slug", flat=True)[:20]) or "none yet"
        raise CommandError(
            f"No source with slug {slug!r}. Known slugs: {known}. Add it in /admin/ first."
        ) from None

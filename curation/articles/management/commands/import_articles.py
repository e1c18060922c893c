import argparse
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from curation.articles.importing.files import SkippedFile, iter_import_entries, iter_import_files
from curation.articles.models import Source
from curation.articles.services import articles_import_paths

MAX_SKIPPED_LISTED = 20


class Command(BaseCommand):
    help = (
        "Import news articles from files and folders (.txt, .md, .html, .jsonl). "
        "Folders are searched recursively; hidden files and README, LICENSE or CHANGELOG "
        "files in them are skipped and listed. Text already in the desk is reported, not "
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
        total, skipped = 0, []
        for entry in iter_import_entries(paths):
            if isinstance(entry, SkippedFile):
                skipped.append(entry)
            else:
                total += 1
        show_bar = not no_progress and verbosity > 0 and sys.stderr.isatty()
        counts = {"imported": 0, "already": 0, "failed": 0}
        failures: list[str] = []
        warnings: list[str] = []

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
                    if outcome.warning:
                        warnings.append(
                            f"{outcome.where} (article #{outcome.article_id}): {outcome.warning}"
                        )
                bar.update(1)

        for failure in failures:
            self.stderr.write(f"failed  {failure}")
        if verbosity > 0:
            for warning in warnings:
                self.stdout.write(f"check   {warning}")
            self._list_skipped(skipped)
        extras = [f"{len(skipped)} skipped"] if skipped else []
        if warnings:
            extras.append(f"{len(warnings)} to check")
        files = f"{total} file{'s' if total != 1 else ''}"
        if extras:
            files += "; " + ", ".join(extras) + (", listed above" if verbosity > 0 else "")
        self.stdout.write(
            f"{counts['imported']} imported, {counts['already']} already there, "
            f"{counts['failed']} failed ({files})."
        )
        if failures:
            raise CommandError(f"{len(failures)} failed; see the reasons above.", returncode=1)

    def _list_skipped(self, skipped: list[SkippedFile]) -> None:
        for entry in skipped[:MAX_SKIPPED_LISTED]:
            self.stdout.write(f"skipped  {entry}")
        if len(skipped) > MAX_SKIPPED_LISTED:
            self.stdout.write(f"skipped  … and {len(skipped) - MAX_SKIPPED_LISTED} more")


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

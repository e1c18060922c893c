import argparse
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from curation.temporal import find_dates_jsonl


class Command(BaseCommand):
    help = (
        "Print the date expressions in a text, one JSON object a line: "
        '{"start", "end", "text", "value"}. Offsets are code points; value is EDTF, or '
        'null with a "reason" when it can\'t be resolved: "no publication date" (relative '
        'dates need --reference) or "refers to another date" ("the day before", "that year")."'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            nargs="?",
            default="-",
            metavar="FILE|-",
            help="a UTF-8 text file, or - for standard input (the default)",
        )
        parser.add_argument(
            "--reference",
            type=_iso_date,
            metavar="YYYY-MM-DD",
            help="the publication date that relative dates resolve against",
        )

    def handle(self, *args, file: str, reference: date | None, **options) -> None:
        text = _read(file)
        for line in find_dates_jsonl(text, reference):
            self.stdout.write(line)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _read(file: str) -> str:
    try:
        if file == "-":
            return sys.stdin.read()
        return Path(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"No such file: {file}") from None
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{file} is not UTF-8 text ({error.reason} at byte "
            f"{error.start}). Save it as UTF-8 and try again."
        ) from None

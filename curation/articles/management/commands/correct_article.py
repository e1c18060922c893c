import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from curation.articles.corrections import CorrectionError, article_correct
from curation.articles.importing import ImportProblem
from curation.articles.importing.files import parse_file
from curation.articles.models import Article


class Command(BaseCommand):
    help = (
        "Apply FILE (.txt, .md or .html, read by the same pipeline as imports) as a "
        "correction of article ARTICLE_ID: a new revision, with its mentions and events "
        "re-anchored. Prints one JSON object per annotation on stdout "
        '({"id", "kind", "rule", "old_start", "old_end", "new_start", "new_end", '
        '"status"}; rule: position, diff, quote, fuzzy or orphan; status: ok, '
        "needs-check or orphan; an orphan's new offsets are null) and a summary on "
        "stderr. On any error nothing is changed and the exit status is 1 (2 for a"
        " missing or malformed argument)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("article_id", type=int, metavar="ARTICLE_ID")
        parser.add_argument("file", type=Path, metavar="FILE")
        parser.add_argument(
            "--reason", required=True, help="why the text is corrected; kept with the revision"
        )

    def handle(self, *args, article_id: int, file: Path, reason: str, **options) -> None:
        article = Article.objects.filter(pk=article_id).first()
        if article is None:
            raise CommandError(f"There is no article #{article_id}. Nothing was changed.")
        new_body = _read_body(file)
        try:
            result = article_correct(article=article, new_body=new_body, by=None, reason=reason)
        except CorrectionError as error:
            message = str(error)
            if "Nothing was changed" not in message:
                message += " Nothing was changed."
            raise CommandError(message) from None
        for outcome in result.outcomes:
            self.stdout.write(json.dumps(outcome.as_json(), ensure_ascii=False))
        self.stderr.write(f"Article #{article.pk}: {result.summary()}")


def _read_body(file: Path) -> str:
    """The file's article text, as an import would read it."""
    if file.is_dir():
        raise CommandError(
            f"{file} is a folder: give the corrected article's file. Nothing was changed."
        )
    if file.exists() and file.stat().st_size == 0:
        raise CommandError(
            f"{file} is empty: give the file with the corrected article's text. "
            "Nothing was changed."
        )
    parsed = parse_file(file, max_bytes=settings.CURATION_IMPORT_MAX_BYTES)
    if parsed is None:
        raise CommandError(
            f"{file} is a JSON Lines file, which holds many articles: give one article's "
            ".txt, .md or .html file. Nothing was changed."
        )
    if isinstance(parsed, ImportProblem):
        raise CommandError(f"{parsed} Nothing was changed.")
    return parsed.body

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from curation import roles
from curation.articles.models import Source
from curation.articles.services import articles_import_paths

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"

# Demo accounts for a local trial. The passwords are printed, so they are for a
# laptop on 127.0.0.1 only: quickstart refuses to run with DEBUG off.
DEMO_ACCOUNTS = [
    ("annotator", "annotate-demo", roles.ANNOTATOR, False),
    ("reviewer", "review-demo", roles.REVIEWER, False),
    ("admin", "admin-demo", None, True),
]
DEMO_SOURCES = [
    ("Financial Times", "financial-times", "https://www.ft.com/"),
]


class Command(BaseCommand):
    help = (
        "Set up a local demo and serve it: migrate, create demo accounts, import "
        "the seed articles (idempotent) and run the server on 127.0.0.1:8000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-serve", action="store_true", help="set everything up, but don't start the server"
        )
        parser.add_argument("--port", default="8000")

    def handle(self, *args, no_serve: bool, port: str, **options) -> None:
        if not settings.DEBUG:
            self.stderr.write(
                "quickstart is for a local demo and needs DJANGO_DEBUG=1 "
                "(manage.py sets it unless you set it to 0)."
            )
            raise SystemExit(2)
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready.")
        self._create_demo_data()
        self._import_seeds()
        if no_serve:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Open http://127.0.0.1:{port}/ and log in as annotator / annotate-demo "
                "(admin / admin-demo for /admin/). Ctrl-C stops."
            )
        )
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)

    @transaction.atomic
    def _create_demo_data(self) -> None:
        User = get_user_model()
        self.stdout.write("Demo accounts (for this local demo only):")
        for username, password, role, is_admin in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": is_admin, "is_superuser": is_admin}
            )
            if created:
                user.set_password(password)
                user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
            note = "" if created else " (already there; password unchanged)"
            self.stdout.write(f"  {username:<10} password: {password}{note}")
        for name, slug, homepage in DEMO_SOURCES:
            Source.objects.get_or_create(slug=slug, defaults={"name": name, "homepage": homepage})

    def _import_seeds(self) -> None:
        seed_files = sorted(SEEDS_DIR.glob("*.txt"))
        counts = {"imported": 0, "already": 0, "failed": 0}
        for _path, outcomes in articles_import_paths(files=seed_files):
            for outcome in outcomes:
                counts[outcome.status] += 1
                if outcome.status == "failed":
                    self.stderr.write(f"  seed {outcome}")
        failed = f", {counts['failed']} failed" if counts["failed"] else ""
        self.stdout.write(
            f"Seed articles: {counts['imported']} imported, "
            f"{counts['already']} already there{failed}."
        )

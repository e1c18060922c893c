import argparse
import socket
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from curation import roles
from curation.articles.importing.files import iter_import_files
from curation.articles.models import Source
from curation.articles.services import articles_import_paths

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"

# Demo accounts for a local trial. The passwords are printed, so they are for a
# laptop on 127.0.0.1 only: quickstart refuses to run with DEBUG off.
DEMO_ACCOUNTS = [
    ("annotator", "annotate-demo", roles.ANNOTATOR, False),
    ("reviewer", "review-demo", roles.REVIEWER, False),
    ("curator", "curate-demo", roles.CURATOR, False),
    ("admin", "admin-demo", roles.ADMIN, True),
]
DEMO_SOURCES = [
    ("Financial Times", "financial-times", "https://www.ft.com/"),
]


class Command(BaseCommand):
    help = (
        "Set up a local demo and serve it: migrate, create demo accounts, import "
        "the seed articles (idempotent) and run the server on 127.0.0.1:8000 "
        "(or --port)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-serve", action="store_true", help="set everything up, but don't start the server"
        )
        parser.add_argument(
            "--port", type=_port_number, default=8000, help="the port to serve on (default 8000)"
        )

    def handle(self, *args, no_serve: bool, port: int, **options) -> None:
        if not settings.DEBUG:
            self.stderr.write(
                "quickstart is for a local demo and needs DJANGO_DEBUG=1 "
                "(manage.py sets it unless you set it to 0)."
            )
            raise SystemExit(2)
        if not no_serve:
            self._refuse_a_busy_port(port)  # before the setup, so nobody waits for nothing
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready.")
        self._create_demo_data()
        self._import_seeds()
        if no_serve:
            return
        self._refuse_a_busy_port(port)  # and again: something may have taken it meanwhile
        self.stdout.write(
            self.style.SUCCESS(
                f"Open http://127.0.0.1:{port}/ and log in as annotator / annotate-demo "
                "(admin / admin-demo for /admin/). Ctrl-C stops."
            )
        )
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)

    def _refuse_a_busy_port(self, port: int) -> None:
        if _port_is_free(port):
            return
        other = port + 1 if port < 65535 else 8001
        self.stderr.write(
            f"Port {port} on 127.0.0.1 is already in use, perhaps by another quickstart or "
            f"runserver. Stop that server, or serve on another port: "
            f"manage.py quickstart --port {other}"
        )
        raise SystemExit(2)

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
        counts = {"imported": 0, "already": 0, "failed": 0}
        # The same folder rules as import_articles: seeds/README.md is not an article.
        for _path, outcomes in articles_import_paths(files=iter_import_files([SEEDS_DIR])):
            for outcome in outcomes:
                counts[outcome.status] += 1
                if outcome.status == "failed":
                    self.stderr.write(f"  seed {outcome}")
        failed = f", {counts['failed']} failed" if counts["failed"] else ""
        self.stdout.write(
            f"Seed articles: {counts['imported']} imported, "
            f"{counts['already']} already there{failed}."
        )


def _port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port: use a number from 1 to 65535")
    return port


def _port_is_free(port: int) -> bool:
    """Whether runserver could listen on 127.0.0.1:``port``: bound the way it binds."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True

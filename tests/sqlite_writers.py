"""Run by tests/test_sqlite_concurrency.py in a fresh process: several threads, each with
its own connection to one SQLite file, run read-then-write transactions at the same time.
Prints how many transactions succeeded and the errors, as JSON."""

import json
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "curation.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection, transaction  # noqa: E402

from curation.articles.models import Source  # noqa: E402

WRITERS, TRANSACTIONS = 4, 25


def writer(number: int, errors: list[str]) -> None:
    for n in range(TRANSACTIONS):
        try:
            with transaction.atomic():
                count = Source.objects.count()  # read first: a deferred transaction would
                Source.objects.create(name=f"W{number}-{n}-{count}", slug=f"w{number}-{n}")
        except OperationalError as error:
            errors.append(str(error))
    connection.close()


call_command("migrate", verbosity=0)
errors: list[str] = []
threads = [threading.Thread(target=writer, args=(n, errors)) for n in range(WRITERS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"saved": Source.objects.count(), "errors": errors[:3]}))

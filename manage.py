#!/usr/bin/env python
import os
import sys
from pathlib import Path


def runs_the_local_demo(command: str) -> bool:
    """Whether this command runs in the local demo, with DEBUG on.

    quickstart is the local demo. It leaves a development key in the checkout's data
    folder (as any run with DJANGO_DEBUG=1 does), and every other command run there
    afterwards (import_articles, find_dates …) belongs to the same demo, unless a real
    DJANGO_SECRET_KEY is set.
    """
    if command == "quickstart":
        return True
    if os.environ.get("DJANGO_SECRET_KEY", "").strip():
        return False
    from curation.env import DEVELOPMENT_KEY_FILE, data_dir

    return (data_dir(Path(__file__).resolve().parent) / DEVELOPMENT_KEY_FILE).exists()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "curation.settings")
    if runs_the_local_demo(sys.argv[1] if len(sys.argv) > 1 else ""):
        # DJANGO_DEBUG=0 still wins: setdefault leaves a value that is set alone.
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

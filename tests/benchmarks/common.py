"""What the benchmarks share: a Django set up on a fresh SQLite database in a temporary
folder, and the machine's CPU for the figures' header line. Each benchmark runs as a
script (``.venv/bin/python tests/benchmarks/bench_<name>.py``) and puts the project's
root on ``sys.path`` before it imports this."""

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def setup_django(data_dir: str) -> None:
    """Django with the test settings, DEBUG off, on a new SQLite database in
    ``data_dir`` (never a DATABASE_URL from the environment), migrated."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "CURATION_DATA_DIR": data_dir,
            "DJANGO_DEBUG": "0",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"

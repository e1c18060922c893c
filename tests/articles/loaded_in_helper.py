"""What a helper process has loaded, asked from the tests: this module imports nothing of
the desk, so that asking does not load what is asked about."""

import sys


def has_loaded(module: str) -> bool:
    return module in sys.modules

"""The article's own date phrases that need its publication date ("last Thursday",
"YESTERDAY"), quoted in the warning an undated article carries."""

import hashlib
import threading
from collections import OrderedDict

from curation.temporal import NO_REFERENCE, find_dates

# Reading a long body for them takes milliseconds on every view of its pages, and the
# answer depends on the text alone: the last bodies' answers are kept, by digest.
_KEPT = 256
_recent: OrderedDict[tuple[bytes, int], list[str]] = OrderedDict()
_lock = threading.Lock()


def relative_date_phrases(body: str, *, limit: int = 3) -> list[str]:
    """The first ``limit`` distinct phrases in ``body`` that can't be resolved without a
    publication date, as written."""
    key = (hashlib.blake2b(body.encode(), digest_size=16).digest(), limit)
    with _lock:
        if key in _recent:
            _recent.move_to_end(key)
            return list(_recent[key])
    phrases = _phrases(body, limit)
    with _lock:
        _recent[key] = phrases
        if len(_recent) > _KEPT:
            _recent.popitem(last=False)
    return list(phrases)


def _phrases(body: str, limit: int) -> list[str]:
    phrases: dict[str, str] = {}
    for found in find_dates(body, None):
        if found.value is None and found.reason == NO_REFERENCE:
            phrases.setdefault(found.text.casefold(), found.text)
            if len(phrases) == limit:
                break
    return list(phrases.values())

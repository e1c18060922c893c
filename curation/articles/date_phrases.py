"""The article's own date phrases that need its publication date ("last Thursday",
"YESTERDAY"), quoted in the warning an undated article carries."""

from curation.temporal import NO_REFERENCE, find_dates


def relative_date_phrases(body: str, *, limit: int = 3) -> list[str]:
    """The first ``limit`` distinct phrases in ``body`` that can't be resolved without a
    publication date, as written."""
    phrases: dict[str, str] = {}
    for found in find_dates(body, None):
        if found.value is None and found.reason == NO_REFERENCE:
            phrases.setdefault(found.text.casefold(), found.text)
            if len(phrases) == limit:
                break
    return list(phrases.values())

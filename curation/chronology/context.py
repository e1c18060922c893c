"""A quote's stored context (``CONTEXT_CHARS`` either side) cut to whole words and to its
paragraph, with "…" where the paragraph goes on: how the curators' pages, the public
page and the exports show a citation. Only the stored context is shown, never more of
the article."""

from curation.annotations.spans import CONTEXT_CHARS  # what a span stores either side


def words_before(prefix: str) -> str:
    """The end of the context before a quote: "…" where the paragraph goes on."""
    if "\n" in prefix:
        return prefix[prefix.rfind("\n") + 1 :].lstrip()
    if len(prefix) < CONTEXT_CHARS:  # the article starts here
        return prefix.lstrip()
    words = prefix.split(" ", 1)
    kept = words[1] if len(words) == 2 and not prefix[0].isspace() else prefix
    return "…" + kept.lstrip()


def words_after(suffix: str) -> str:
    """The start of the context after a quote: "…" where the paragraph goes on."""
    if "\n" in suffix:
        return suffix[: suffix.find("\n")].rstrip()
    if len(suffix) < CONTEXT_CHARS:  # the article ends here
        return suffix.rstrip()
    words = suffix.rsplit(" ", 1)
    kept = words[0] if len(words) == 2 and not suffix[-1].isspace() else suffix
    return kept.rstrip() + "…"

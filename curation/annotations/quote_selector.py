"""Finding a passage by its words, as a W3C Web Annotation TextQuoteSelector does: the
exact text (``quote``) and a little of the text before and after it (``prefix``,
``suffix``), which tell its occurrences apart. Pure Python.

Among the occurrences of the quote, the one whose surroundings agree longest with the
prefix (read backwards from the quote) and the suffix (read forwards) is taken, and
between those that agree equally, the one that is whole words (not "Iran" inside
"Iranian"). When two are still alike, the selector doesn't say which is meant, and
that is an error rather than a guess.
"""

from __future__ import annotations

from os.path import commonprefix

MAX_OCCURRENCES = 10_000


class QuoteError(ValueError):
    """The quote can't be placed; the message says why and what to send instead."""


def find_quote(body: str, quote: str, *, prefix: str = "", suffix: str = "") -> tuple[int, int]:
    """(start, end) of the occurrence of ``quote`` in ``body`` that its prefix and suffix
    point at."""
    if not quote:
        raise QuoteError("The quote is empty: send the exact words, or offsets.")
    starts = _occurrences(body, quote)
    if not starts:
        raise QuoteError(
            f"“{_shortened(quote)}” is not in the article's text. Send the exact words as "
            "they are in the article's body (GET /articles/{id}), or offsets."
        )
    if len(starts) == 1:
        return starts[0], starts[0] + len(quote)
    scored = sorted(
        (
            (
                _agreement(body, start, start + len(quote), prefix, suffix),
                _whole_words(body, start, start + len(quote)),
                -start,
            )
            for start in starts
        ),
        reverse=True,
    )
    (*best, start), (*runner_up, _) = scored[0], scored[1]
    start = -start
    if best == runner_up:
        raise QuoteError(
            f"“{_shortened(quote)}” occurs {len(starts)} times in the article and its prefix "
            "and suffix fit more than one of them. Send a longer prefix or suffix, or offsets."
        )
    return start, start + len(quote)


def _occurrences(body: str, quote: str) -> list[int]:
    starts = []
    position = body.find(quote)
    while position != -1 and len(starts) < MAX_OCCURRENCES:
        starts.append(position)
        position = body.find(quote, position + 1)
    return starts


def _agreement(body: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the prefix and the suffix agree with the text around."""
    before = body[max(0, start - len(prefix)) : start]
    after = body[end : end + len(suffix)]
    return len(commonprefix([before[::-1], prefix[::-1]])) + len(commonprefix([after, suffix]))


def _whole_words(body: str, start: int, end: int) -> bool:
    """Whether the occurrence is not part of a longer word ("Iran" in "Iranian")."""
    return not (start > 0 and body[start - 1].isalnum()) and not (
        end < len(body) and body[end].isalnum()
    )


def _shortened(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

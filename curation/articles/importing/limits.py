"""How big one imported article may be."""

from __future__ import annotations

from .types import ImportProblem

DEFAULT_MAX_BYTES = 2 * 1024 * 1024


def check_size(size: int, max_bytes: int, *, what: str, where: str) -> None:
    """Refuse ``size`` bytes when it is over ``max_bytes``; ``what`` names the thing measured."""
    if size > max_bytes:
        raise ImportProblem(
            f"{what} is {describe_size(size)}, over the limit of {describe_size(max_bytes)} "
            "for one article. Split it into smaller parts and import each, or ask an admin "
            "to raise the limit.",
            where=where,
            # For whoever reads the log: the setting an admin would raise.
            log_detail=f"{size:,} bytes, over CURATION_IMPORT_MAX_BYTES ({max_bytes:,} bytes)",
        )


def describe_size(size: int) -> str:
    """``2621440`` → ``"2.5 MB (2,621,440 bytes)"``: rounded for reading, exact for comparing."""
    if size < 1024:
        return f"{size:,} bytes"
    unit, scale = ("MB", 1024 * 1024) if size >= 1024 * 1024 else ("KB", 1024)
    rounded = f"{size / scale:.1f}".removesuffix(".0")
    return f"{rounded} {unit} ({size:,} bytes)"


# How much text each of an article's display fields may hold (the Article model's limits).
TEXT_LIMITS = {"title": 500, "kicker": 200, "standfirst": 600, "byline": 500}


def shorten_to(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word where it can be, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def fit_text_limits(fields: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The fields shortened to ``TEXT_LIMITS``, and a note for each one that was cut."""
    fitted, notes = dict(fields), []
    for name, limit in TEXT_LIMITS.items():
        text = fields.get(name, "")
        if len(text) > limit:
            fitted[name] = shorten_to(text, limit)
            notes.append(
                f"The {name} had {len(text):,} characters; an article's {name} can have at "
                f"most {limit:,}, so it was cut short. Check it."
            )
    return fitted, notes

"""How big one imported article may be."""

from __future__ import annotations

from .types import ImportProblem

DEFAULT_MAX_BYTES = 2 * 1024 * 1024


def check_size(size: int, max_bytes: int, *, what: str, where: str) -> None:
    """Refuse ``size`` bytes when it is over ``max_bytes``; ``what`` names the thing measured."""
    if size > max_bytes:
        raise ImportProblem(
            f"{what} is {describe_size(size)}, over the limit of {describe_size(max_bytes)} "
            "for one article; split it or raise CURATION_IMPORT_MAX_BYTES.",
            where=where,
        )


def describe_size(size: int) -> str:
    """``2621440`` → ``"2.5 MB (2,621,440 bytes)"``: rounded for reading, exact for comparing."""
    if size < 1024:
        return f"{size:,} bytes"
    unit, scale = ("MB", 1024 * 1024) if size >= 1024 * 1024 else ("KB", 1024)
    rounded = f"{size / scale:.1f}".removesuffix(".0")
    return f"{rounded} {unit} ({size:,} bytes)"

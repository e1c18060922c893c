"""The rules find_dates applies, each a named regex and resolver (see ``base``).

Their order breaks ties between candidates that start and end at the same place: the earlier
rule wins.
"""

from curation.temporal.rules import anaphora, days, edges, groupings, holidays, relative, years
from curation.temporal.rules.base import DIGITS, Rule

RULES: tuple[Rule, ...] = (
    *days.RULES,
    *relative.RULES,
    *groupings.RULES,
    *years.RULES,
    *edges.RULES,
    *holidays.RULES,
    *anaphora.RULES,
)

__all__ = ["DIGITS", "RULES", "Rule"]

"""Whether a mention names where a sentence's news comes from ("according to Axios",
"Axios reported"), rather than someone taking part in what the sentence reports.

The event form offers the entities of the selected passage's sentence as participants;
one that is only cited there must not be proposed as the event's actor. Plain Python.

A span (a mention, offsets into the body) sits in an attribution phrase when, inside
its sentence:

- it follows "according to", "citing", "(as) reported / seen / obtained / quoted by",
  "a report / story / article / interview by, in or with", "in comments / remarks /
  a statement to" (an optional "the" in between);
- it is followed, possibly through a possessive and a reporter's name ("Axios’ Barak
  Ravid"), by a reporting verb: "reported", "reports", "has learned", "quoted";
- it is followed by a saying verb ("said", "says", "added", "wrote") that closes the
  clause ("…, Axios said." or "…, Singh said on Tuesday, hours before…"). "Israel said
  it would retaliate" is not an attribution: there Israel is the one acting;
- it follows "told" and either closes the clause ("…, two officials told Axios.") or
  the teller is an unnamed source ("a senior official told Axios that…"). "Israel has
  told the US that…" is not an attribution;
- it stands alone in parentheses as a dateline or after a sentence ("WASHINGTON
  (Axios) —", "…in July. (Axios)"), unlike an acronym ("the group (SCG), which…").
"""

from __future__ import annotations

import re

from curation.annotations.spans import sentence_around

_THE = r"(?:the\s+)?"

# Phrases that end just before the span.
_CITED_AFTER = re.compile(
    r"(?:"
    r"\baccording\s+to"
    r"|\bciting"
    r"|\b(?:reported|seen|obtained|reviewed|quoted|published)\s+by"
    r"|\b(?:report|reports|reporting|story|article|investigation|interview|analysis)"
    r"\s+(?:by|in|with)"
    r"|\b(?:comments|remarks|statement|interview)\s+to"
    r")\s+" + _THE + r"\Z",
    re.IGNORECASE,
)
_TOLD = re.compile(r"\btold\s+" + _THE + r"\Z", re.IGNORECASE)
_UNNAMED_SOURCE = re.compile(
    r"\b(?:officials?|sources?|person|people|spokes(?:man|woman|person)|aides?|diplomats?"
    r"|advis[eo]rs?|insiders?|familiar)\b",
    re.IGNORECASE,
)

# What may come between the span and its verb: a possessive and a reporter's name
# ("Axios’ Barak Ravid"), then a word or two ("has", "first").
_REPORTER = r"(?:(?:['’]s?)(?:\s+(?-i:[A-Z])[\w.-]*){1,3})?"
_FILLER = r"(?:\s+(?:has|had|have|also|first|earlier|previously|exclusively|later|initially))*"
_REPORTING_VERB = r"(?:reported|reports|learned|learnt|quoted)\b"
_SAYING_VERB = r"(?:said|says|added|wrote|writes|stated)"
# The end of a clause, after an optional time ("on Tuesday") or "in an interview".
_CLAUSE_END = (
    r"(?:\s+(?:on|in|at|late|early|last|this|earlier|later|yesterday|today|tonight"
    r"|overnight)\b[^.,;:!?\"”\n]{0,30})?\s*(?:[.,;:!?\"”)]|\Z)"
)

_REPORTS = re.compile(
    r"\A" + _REPORTER + _FILLER + r"(?:\s+[a-z]+)?\s+" + _REPORTING_VERB, re.IGNORECASE
)
_SAYS_LAST = re.compile(
    r"\A" + _REPORTER + _FILLER + r"\s+" + _SAYING_VERB + _CLAUSE_END, re.IGNORECASE
)
_ENDS_CLAUSE = re.compile(r"\A" + _CLAUSE_END, re.IGNORECASE)


def in_attribution(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] names the source its sentence is attributed to."""
    sentence_start, sentence_end = sentence_around(body, start, end)
    before, after = body[sentence_start:start], body[end:sentence_end]
    if _CITED_AFTER.search(before) or _REPORTS.match(after) or _SAYS_LAST.match(after):
        return True
    if told := _TOLD.search(before):
        teller = re.split(r"[,;:\"”]", before[: told.start()])[-1]
        if _ENDS_CLAUSE.match(after) or _UNNAMED_SOURCE.search(teller):
            return True
    return _in_parentheses_alone(body, start, end)


def _in_parentheses_alone(body: str, start: int, end: int) -> bool:
    if start == 0 or body[start - 1] != "(" or body[end : end + 1] != ")":
        return False
    before = body[: start - 1].rstrip(" \t")
    after = body[end + 1 : end + 4].lstrip(" \t")
    return not before or before[-1] in '\n.!?"”' or not after or after[0] in "\n—–-"

"""The words that give a clause its tense, for ``tense``. All lowercase, straight apostrophes.

- Future: will, shall, 'll, won't, the modals that look ahead (may, might, can, must, should),
  expected, scheduled, slated, planned, poised, due ("due to the storm" is a cause, not a
  future), upcoming, next; "would" and "could" (reported futures: "said the bridge would
  reopen in July"), but not "would have"; and the verbs of intent before "to": "plans to",
  "is to", "agreed to", "set to"/"set for", "going to".
- Past: was, were, had, did (and their negatives); has/have before a participle ("has
  arrested"); the past forms of irregular verbs (said, told, fell, met ...); and regular past
  forms, words in -ed ("arrested", "announced"), except the ones that are adjectives or nouns
  more often than verbs ("alleged", "based", "united", "hundred"); and "hit", "cut", "put" ...,
  whose past is their present, unless "to" or a modal comes before them.
- A past form right after a form of "be" is a passive ("was held", "will be held"), one right
  after a determiner an adjective ("the proposed law"), one after "remain" or "stay" a state
  ("will remain closed until Saturday"): none decides; the word before it may.
- Present: verbs of scheduled action ("returns", "resume", "meets", "opens"): news writes what
  is planned in the present ("He returns Monday"), so they look ahead. Not after a determiner
  ("the vote"), "to" or a modal ("to resume", "will resume"): the word before decides then.
"""

FUTURE_WORDS = frozenset(
    (
        "will shall won't shan't may might can must should expected scheduled slated planned "
        "poised upcoming forthcoming due next"
    ).split()
)
"""Words that look ahead on their own ("may" only in lowercase: "May" is a month)."""

FUTURE_BEFORE_TO = frozenset(
    (
        "plans plan planning planned is are am going aims aim aiming intends intend intending "
        "hopes hope hoping wants want seeks seek seeking prepares prepare preparing ready agreed "
        "decided vowed pledged promised voted threatened offered needs need has have likely "
        "expects expect set"
    ).split()
)
"""Words that look ahead before "to" ("is to", "agreed to reconvene")."""

SET_FOR = frozenset({"set"})
"""Words that look ahead before "for" ("set for May 6")."""

FUTURE_UNLESS_PERFECT = frozenset({"would", "could"})
"""Reported futures ("said the bridge would reopen in July"), unless "would have"."""

AMBIGUOUS_PAST = frozenset(
    "hit cut put cost hurt shut quit beat spread cast split let bid burst shed upset".split()
)
"""Verbs whose past is their present: past in a report ("the storm hit the coast on Sunday"),
unless "to" or a modal comes before ("will hit")."""

LINKING_VERBS = frozenset(
    "stay stays stayed remain remains remained keep keeps kept become becomes get gets".split()
)
"""After these, a past form is a state ("stay shut until Tuesday"), not a past event."""

PAST_AUXILIARIES = frozenset("was were had did wasn't weren't hadn't didn't".split())
PERFECT_AUXILIARIES = frozenset("has have 've hasn't haven't".split())
BE_FORMS = frozenset("is are am be been being was were isn't aren't wasn't weren't".split())
DETERMINERS = frozenset(
    (
        "the a an this that these those his her its their our my your whose some any no every "
        "each another"
    ).split()
)
MODALS = frozenset(
    (
        "will would shall should can could may might must won't wouldn't can't couldn't "
        "shouldn't mustn't do does did don't doesn't didn't to"
    ).split()
)
"""Words after which a verb is a bare infinitive: it is the word before that has the tense."""

IRREGULAR_PAST = frozenset(
    (
        "said told met fell rose took came went made gave saw began left won lost held sent "
        "spoke wrote found got led brought thought became kept ran paid sold struck fled flew "
        "broke drove fought caught chose drew grew knew threw stood sat sought taught spent "
        "built heard felt dealt sank stole swept withdrew underwent oversaw forgot forgave hid "
        "rode shook slept swam swore tore woke wore arose bought bore blew bled clung crept dug "
        "fed flung froze hung laid lent meant mistook overcame overtook rang sang shone shot "
        "shrank slid sprang stung strode swung undertook wept sped spun stuck overran overthrew "
        "upheld withheld foresaw forbade rebuilt retook rewrote"
    ).split()
)
IRREGULAR_PARTICIPLES = frozenset(
    (
        "taken given seen begun gone written spoken stolen chosen driven broken fallen known "
        "shown grown thrown drawn flown hidden ridden risen shaken sworn torn woken worn "
        "forgotten forgiven done beaten bitten eaten frozen undertaken overtaken withdrawn "
        "arisen overseen mistaken forbidden undergone sunk sung rung"
    ).split()
)
NOT_PAST = frozenset(
    (
        "hundred shed aged based alleged armed related limited united interested concerned "
        "worried detailed advanced experienced skilled talented supposed unexpected "
        "unprecedented unidentified unnamed unarmed unconfirmed unrelated unlimited undisclosed "
        "unspecified unemployed unfounded undated unopposed unresolved unvaccinated sacred "
        "naked wicked kindred beloved ragged rugged jagged crooked blessed wretched dogged "
        "hatred infrared embed"
    ).split()
)
"""Words in -ed that are adjectives or nouns more often than past verbs."""
PAST_IN_EED = frozenset("agreed freed decreed guaranteed refereed".split())

PRESENT_VERBS = frozenset(
    (
        "returns return resumes resume reopens reopen opens open begins begin starts start "
        "expires expire meets meet convenes convene votes vote travels travel visits visit "
        "hosts host holds hold faces face goes go leaves leave arrives arrive flies fly "
        "launches launch kicks takes take plays play hears hear testifies testify appears "
        "appear lands land comes come sits sit decides decide announces announce unveils "
        "unveil delivers deliver marks mark turns turn celebrates celebrate debuts debut "
        "premieres premiere closes ends steps stands gathers gather marches rallies rally "
        "strikes strike walks walk resigns resign retires retire speaks speak publishes "
        "publish elects elect follows follow"
    ).split()
)

NOT_BEFORE_PAST = (DETERMINERS - {"that"}) | BE_FORMS | LINKING_VERBS
"""("that" before a past form opens a clause: "the heatwave that gripped Europe".)"""
NOT_BEFORE_AMBIGUOUS_PAST = MODALS | NOT_BEFORE_PAST

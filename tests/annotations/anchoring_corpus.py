"""Correction cases for ``curation.annotations.anchoring``: real paragraphs from the seed
articles, realistic corrections, and what must become of every annotation on them.

Each case (``correction_cases.py`` says how one is written) has an old body, the
correction, and annotations ``(quote, n, expected)``: the n-th (from 0) occurrence of the
quote in the old body, stored the way the app stores it (``annotations.spans.anchor``: the
offsets, the quote, 32 characters of prefix and suffix), and what must become of it:

- ``ok(rule, start)``: placed by that rule (position, diff or quote) on text equal to its
  quote, at ``start``;
- ``check(start, text)``: placed by the fuzzy rule on ``text`` at ``start``, needs-check;
- ``ORPHAN``: not placed.

Offsets are code points into the new body (``"🇺🇸🇮🇱 "`` moves what follows by 5, where a
browser would count 9 UTF-16 units).
"""

from curation.annotations.anchoring import Rule
from tests.annotations.anchoring_seed_bodies import ARTICLE_000, ARTICLE_001, ARTICLE_002
from tests.annotations.correction_cases import ORPHAN, Case, Kept, check, curly, moved, ok, replaced

# Variants of the seeds as they might have stood before a correction.
# 002 with a phrase exactly as long as the gap between "Israel" and "Israel's" after it.
GAP_PHRASE = ", US officials say"
assert len(GAP_PHRASE) == len("Israel to discuss ")
ARTICLE_002_WITH_GAP_PHRASE = ARTICLE_002.replace(
    "a crucial chance for the US", f"a crucial chance{GAP_PHRASE} for the US"
)
# 002 with a short paragraph repeated two paragraphs later, as a CMS slip might leave it.
REPEATED = "A US official said a call between the two leaders was expected soon.\n\n"
ARTICLE_002_WITH_REPEAT = ARTICLE_002.replace(
    "While the US has backed", REPEATED + "While the US has backed"
)
# 002 with the paragraph split mid-sentence, as the raw file arrived (seeds/README.md).
ARTICLE_002_SPLIT = ARTICLE_002.replace(
    "any impact on the dialogue", "any impact on\n\nthe dialogue"
)
# 000 with double spaces, one of them inside a name.
ARTICLE_000_DOUBLE_SPACED = (
    ARTICLE_000.replace("Benjamin Netanyahu", "Benjamin  Netanyahu")
    .replace("same report. Talks", "same report.  Talks")
    .replace("Axios. This month", "Axios.  This month")
)
# 001 with no-break spaces, as a CMS export writes them.
ARTICLE_001_NBSP = ARTICLE_001.replace("Jake Sullivan", "Jake\u00a0Sullivan").replace(
    "March 2023", "March\u00a02023"
)
# 002 with a live-blog line that quotes a post with an emoji.
ARTICLE_002_WITH_POST = ARTICLE_002.replace(
    "Another US official said",
    "Gallant posted on X: “Spoke with my friend Lloyd Austin 🇺🇸🤝🇮🇱 we will meet soon.”\n\n"
    "Another US official said",
)

# 002 with a near twin of a short paragraph two paragraphs later (an update of the line).
NEAR_TWIN = "A US official said a call between the two leaders was expected shortly.\n\n"
ARTICLE_002_WITH_NEAR_TWIN = ARTICLE_002.replace(
    "While the US has backed", NEAR_TWIN + "While the US has backed"
)

# --- the cases ------------------------------------------------------------------------

P, D, Q = Rule.POSITION, Rule.DIFF, Rule.QUOTE

CASES = (
    Case(
        "nothing changed",
        ARTICLE_002,
        (Kept(0, len(ARTICLE_002)),),
        (
            ("Gallant", 0, ok(P, 50)),
            ("Hizbollah", 1, ok(P, 3349)),
            ("Iran's missile attack", 0, ok(P, 202)),
        ),
    ),
    Case(
        "a typo fixed before the spans",
        ARTICLE_001,
        replaced(ARTICLE_001, ("Barak Ravid on reported", "Barak Ravid reported")),
        (
            ("Barak Ravid", 0, ok(P, 675)),
            ("Iran", 3, ok(D, 763)),
            ("Netanyahu’s video", 0, ok(D, 862)),
            ("Netanyahu’s video", 1, ok(D, 1771)),
            ("Jake Sullivan", 0, ok(D, 1861)),
        ),
    ),
    Case(
        "a same-length spelling fix before the spans keeps their positions",
        ARTICLE_000,
        replaced(ARTICLE_000, ("security advisor", "security adviser")),
        (
            ("Tzachi Hanegbi", 0, ok(P, 698)),
            ("Ron Dermer", 0, ok(P, 726)),
            ("Washington", 0, ok(P, 752)),
            ("Lloyd Austin", 0, ok(P, 2043)),
        ),
    ),
    Case(
        "a sentence inserted at the start of a paragraph",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            (
                "Israeli Prime Minister Benjamin",
                "The decision was taken late on Monday. Israeli Prime Minister Benjamin",
            ),
        ),
        (
            ("Lebanon", 0, ok(P, 660)),
            ("Benjamin Netanyahu", 0, ok(D, 732)),
            ("Gallant", 3, ok(D, 756)),
            ("Joe Biden", 0, ok(D, 1012)),
        ),
    ),
    Case(
        "an update paragraph added at the top, naming the same outlet and city",
        ARTICLE_000,
        (
            "Update, June 28: Axios now reports that the meeting will take place in "
            "Washington in the week of July 15.\n\n",
            Kept(0, len(ARTICLE_000)),
        ),
        (
            ("Israel and the US", 0, ok(D, 107)),
            ("Axios", 0, ok(D, 240)),
            ("Washington", 0, ok(D, 859)),
            ("Hezbollah", 4, ok(D, 2626)),
        ),
    ),
    Case(
        "a paragraph deleted, its words found again further on",
        ARTICLE_002,
        replaced(ARTICLE_002, (REPEATED, "")),
        (
            ("Biden", 1, ok(P, 1044)),
            ("US official", 0, ORPHAN),
            ("two leaders", 0, ORPHAN),
            ("US official", 1, ok(D, 2631)),
            ("Lloyd Austin", 0, ok(D, 1144)),
        ),
    ),
    Case(
        "a name respelled inside two spans, same length",
        ARTICLE_002,
        replaced(ARTICLE_002, ("Hizbollah", "Hezbollah", 0), ("Hizbollah", "Hezbollah", 1)),
        (
            ("Hizbollah", 0, check(3197, "Hezbollah")),
            ("Hizbollah", 1, check(3349, "Hezbollah")),
            ("Iran-backed proxy group", 0, ok(P, 3212)),
            ("Gaza", 0, ok(P, 3461)),
        ),
    ),
    Case(
        "a word respelled longer inside a span",
        ARTICLE_001,
        replaced(ARTICLE_001, ("reestablished", "re-established")),
        (
            ("Benjamin Netanyahu", 0, ok(P, 15)),
            (
                "reestablished multiple working groups",
                0,
                check(34, "re-established multiple working groups"),
            ),
            ("Iranian nuclear threat", 0, ok(D, 91)),
            ("Jake Sullivan", 0, ok(D, 1865)),
        ),
    ),
    Case(
        "a paragraph moved down three paragraphs",
        ARTICLE_002,
        moved(ARTICLE_002, REPEATED, before="But the postponement"),
        (
            ("US official", 0, ok(Q, 1759)),
            ("two leaders", 0, ok(Q, 1795)),
            ("Lloyd Austin", 0, ok(D, 1144)),
            ("Biden", 1, ok(P, 1044)),
            ("Iranian nuclear facilities", 0, ok(D, 1453)),
        ),
    ),
    Case(
        "a sentence moved to another paragraph",
        ARTICLE_000,
        moved(
            ARTICLE_000,
            " Talks are likely to focus on concerns in Israel, over advancements in Iran's "
            "nuclear program, with fears that they could be tied to potential weaponization "
            "efforts.",
            before="\n\nUS and Israeli officials say",
        ),
        (
            ("Ron Dermer", 0, ok(P, 726)),
            ("Iran's nuclear program", 0, ok(D, 1049)),
            ("potential weaponization efforts", 0, ok(D, 1111)),
            ("SCG", 0, ok(Q, 853)),
            ("Tehran", 0, ok(P, 1296)),
        ),
    ),
    Case(
        "a span deleted",
        ARTICLE_001,
        replaced(ARTICLE_001, (" and Secretary of State Antony Blinken", "")),
        (
            ("Jake Sullivan", 0, ok(P, 1864)),
            ("Antony Blinken", 0, ORPHAN),
            ("Secretary of State", 0, ORPHAN),
        ),
    ),
    Case(
        "a quote that appears twice: one occurrence's sentence deleted",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            ("Singh insisted relations between Austin and Gallant remained strong. ", ""),
        ),
        (
            ("Austin and Gallant", 0, ORPHAN),
            ("Austin and Gallant", 1, ok(D, 2759)),
            ("Gallant", 5, ok(P, 1851)),
            ("Gallant", 7, ok(D, 2539)),
        ),
    ),
    Case(
        "an insertion exactly as long as the gap between two occurrences",
        ARTICLE_002,
        replaced(ARTICLE_002, ("a crucial chance for", f"a crucial chance{GAP_PHRASE} for")),
        (
            ("Israel", 2, ok(D, 545)),
            ("Israel", 3, ok(D, 563)),
            ("Iran", 1, ok(D, 600)),
        ),
    ),
    Case(
        "a deletion exactly as long as the gap: the next occurrence slides into the old place",
        ARTICLE_002_WITH_GAP_PHRASE,
        replaced(ARTICLE_002_WITH_GAP_PHRASE, (GAP_PHRASE, "")),
        (
            ("Israel", 2, ok(D, 527)),
            ("Israel", 3, ok(D, 545)),
            ("Gallant", 2, ok(P, 464)),
        ),
    ),
    Case(
        "a repeated paragraph: the first copy deleted, the second keeps its own spans",
        ARTICLE_002_WITH_REPEAT,
        replaced(ARTICLE_002_WITH_REPEAT, (REPEATED, "")),
        (
            ("two leaders", 0, ORPHAN),
            ("expected soon", 0, ORPHAN),
            ("two leaders", 1, ok(D, 1304)),
            ("Lloyd Austin", 0, ok(D, 1144)),
        ),
    ),
    Case(
        "straight quotes and apostrophes made typographic",
        ARTICLE_002,
        curly(ARTICLE_002),
        (
            ("Gallant", 0, ok(P, 50)),
            ("many days", 0, ok(P, 1077)),
            ('"many days"', 0, check(1076, "“many days”")),
            ("Iran's missile attack", 0, check(202, "Iran’s missile attack")),
            ("Iran's missile attack", 1, check(1389, "Iran’s missile attack")),
            ("I don't think there's tension", 0, check(2265, "I don’t think there’s tension")),
        ),
    ),
    Case(
        "double spaces collapsed, one inside a name",
        ARTICLE_000_DOUBLE_SPACED,
        replaced(
            ARTICLE_000_DOUBLE_SPACED,
            ("Benjamin  Netanyahu", "Benjamin Netanyahu"),
            ("report.  Talks", "report. Talks"),
            ("Axios.  This", "Axios. This"),
        ),
        (
            ("Benjamin  Netanyahu", 0, check(300, "Benjamin Netanyahu")),
            ("Israel-Hamas war", 0, ok(D, 391)),
            ("Tzachi Hanegbi", 0, ok(D, 698)),
            ("G7 leaders", 0, ok(D, 1279)),
        ),
    ),
    Case(
        "no-break spaces made plain",
        ARTICLE_001_NBSP,
        replaced(
            ARTICLE_001_NBSP,
            ("Jake\u00a0Sullivan", "Jake Sullivan"),
            ("March\u00a02023", "March 2023"),
        ),
        (
            ("Jake\u00a0Sullivan", 0, check(1864, "Jake Sullivan")),
            ("March\u00a02023", 0, check(1398, "March 2023")),
            ("Antony Blinken", 0, ok(P, 1901)),
            ("forum", 1, ok(P, 1369)),
        ),
    ),
    Case(
        "emoji inserted before spans: offsets move by code points, not UTF-16 units",
        ARTICLE_000,
        replaced(ARTICLE_000, ("US-Israel Tensions", "🇺🇸🇮🇱 US-Israel Tensions")),
        (
            ("Tehran", 1, ok(P, 1481)),
            ("US-Israel Tensions", 0, ok(D, 1558)),
            ("Hezbollah", 0, ok(D, 1608)),
            ("Lloyd Austin", 0, ok(D, 2048)),
        ),
    ),
    Case(
        "a paragraph deleted; its near twin two paragraphs on is another occurrence",
        ARTICLE_002_WITH_NEAR_TWIN,
        replaced(ARTICLE_002_WITH_NEAR_TWIN, (REPEATED, "")),
        (
            ("the two leaders was expected soon", 0, ORPHAN),
            ("the two leaders was expected shortly", 0, ok(D, 1300)),
            ("Lloyd Austin", 0, ok(D, 1144)),
        ),
    ),
    Case(
        "a sentence deleted; a similar phrase nearby is another occurrence",
        ARTICLE_000,
        replaced(
            ARTICLE_000,
            (
                " Talks are likely to focus on concerns in Israel, over advancements in Iran's "
                "nuclear program, with fears that they could be tied to potential weaponization "
                "efforts.",
                "",
            ),
        ),
        (
            ("Iran's nuclear program", 0, ORPHAN),
            ("Iranian nuclear program", 0, ok(D, 919)),
            ("same report", 0, ok(P, 795)),
        ),
    ),
    Case(
        "a paragraph moved to the top, with a phrase that appears twice",
        ARTICLE_002,
        moved(
            ARTICLE_002,
            "While the US has backed Israel's right to respond to Iran's missile attack, "
            "Washington has sought to place some limits on the retaliation, warning Netanyahu's "
            "government against striking Iranian nuclear facilities and indicating it would not "
            "be in favour of an attack on the Islamic republic's oil sector.\n\n",
            before="Israel has told the US",
        ),
        (
            ("Iran's missile attack", 0, ok(D, 509)),
            ("Iran's missile attack", 1, ok(Q, 53)),
            ("Netanyahu's government", 0, ok(Q, 147)),
            ("Yoav Gallant", 0, ok(D, 352)),
        ),
    ),
    Case(
        "a sentence rewritten: a name in it comes back in other words",
        ARTICLE_001,
        replaced(
            ARTICLE_001,
            (
                "US National Security Adviser Jake Sullivan and Secretary of State Antony Blinken.",
                "Secretary of State Antony Blinken; Jake Sullivan did not attend.",
            ),
        ),
        (
            ("Jake Sullivan", 0, ORPHAN),
            ("Antony Blinken", 0, ok(D, 1854)),
            ("Hanegbi and Dermer", 0, ok(P, 1794)),
        ),
    ),
    Case(
        "two paragraphs joined, and a typo fixed in the next",
        ARTICLE_001,
        replaced(
            ARTICLE_001,
            ("Axios reported Wednesday.\n\nThree", "Axios reported Wednesday. Three"),
            ("defense officials", "defence officials"),
        ),
        (
            ("working groups", 0, ok(P, 57)),
            ("Three Israeli officials", 0, ok(D, 154)),
            ("new intelligence", 0, ok(D, 222)),
            ("nuclear weapon", 0, ok(D, 300)),
            ("Foreign Ministry", 0, ok(D, 351)),
            ("National Security Council", 0, ok(D, 431)),
        ),
    ),
    Case(
        "a paragraph split in two, and a word changed in the one before",
        ARTICLE_000,
        replaced(
            ARTICLE_000,
            ("as reported by Axios, say that", "as reported by Axios, said that"),
            ("same report. Talks", "same report.\n\nTalks"),
        ),
        (
            ("Senior Israeli and US officials", 0, ok(P, 410)),
            ("mid-July", 0, ok(D, 556)),
            ("Ron Dermer", 0, ok(D, 727)),
            ("Talks are likely", 0, ok(D, 810)),
            ("SCG", 0, ok(D, 1020)),
        ),
    ),
    Case(
        "a span holding an emoji, after a correction before it",
        ARTICLE_002_WITH_POST,
        replaced(
            ARTICLE_002_WITH_POST,
            ("Sabrina Singh said on Tuesday", "Sabrina Singh said on Tuesday afternoon"),
        ),
        (
            ("my friend Lloyd Austin 🇺🇸🤝🇮🇱 we will meet soon", 0, ok(D, 2736)),
            ("Gallant", 9, ok(D, 2832)),
            ("Sabrina Singh", 0, ok(P, 351)),
        ),
    ),
    Case(
        "an emoji inserted inside a span",
        ARTICLE_002_WITH_POST,
        replaced(ARTICLE_002_WITH_POST, ("🇮🇱 we will", "🇮🇱 🙏 we will")),
        (
            ("Spoke with my friend Lloyd Austin", 0, ok(P, 2715)),
            ("🇺🇸🤝🇮🇱 we will meet soon", 0, check(2749, "🇺🇸🤝🇮🇱 🙏 we will meet soon")),
            ("Another US official", 0, ok(D, 2778)),
        ),
    ),
    Case(
        "a dateline prepended before a span at the very start",
        ARTICLE_001,
        ("JERUSALEM — ", Kept(0, len(ARTICLE_001))),
        (
            ("Prime Minister Benjamin Netanyahu", 0, ok(D, 12)),
            ("Prime Minister Benjamin Netanyahu", 1, ok(D, 853)),
        ),
    ),
    Case(
        "a note appended after a span at the very end",
        ARTICLE_001,
        (Kept(0, len(ARTICLE_001)), "\n\nThis article was updated on June 28."),
        (
            ("Antony Blinken", 0, ok(P, 1901)),
            ("Israel", 0, ok(P, 161)),
        ),
    ),
    Case(
        "evidence across a paragraph break, a paragraph inserted before it",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            (
                "A call between Netanyahu",
                "The White House declined to comment.\n\nA call between Netanyahu",
            ),
        ),
        (
            (
                "has not taken place, they added.\n\nA US official said a call",
                0,
                ok(D, 1130),
            ),
            ("Joe Biden", 0, ok(P, 973)),
        ),
    ),
    Case(
        "a word changed inside an evidence span",
        ARTICLE_002,
        replaced(
            ARTICLE_002, ("told Gallant to postpone his visit", "told Gallant to delay his visit")
        ),
        (
            (
                "Netanyahu told Gallant to postpone his visit to Washington",
                0,
                check(702, "Netanyahu told Gallant to delay his visit to Washington"),
            ),
            ("a person familiar with the matter", 0, ok(D, 764)),
        ),
    ),
    Case(
        "a paragraph split mid-sentence joined again",
        ARTICLE_002_SPLIT,
        replaced(ARTICLE_002_SPLIT, ("on\n\nthe dialogue", "on the dialogue")),
        (
            (
                "would not have any impact on\n\nthe dialogue between the two countries",
                0,
                check(2623, "would not have any impact on the dialogue between the two countries"),
            ),
            ("Gallant's trip", 0, ok(P, 2608)),
            ("Another US official", 0, ok(D, 2693)),
            ("Hizbollah", 1, ok(D, 3349)),
        ),
    ),
    Case(
        "two paragraphs swapped",
        ARTICLE_001,
        moved(
            ARTICLE_001,
            "According to the officials, Israel is concerned that Iran will seek to take advantage "
            "of the transition period following the US presidential elections in November to "
            "advance its nuclear program.\n\n",
            before="The working groups bring",
        ),
        (
            ("National Security Council", 0, ok(D, 628)),
            ("US presidential elections", 0, ok(Q, 443)),
            ("Iran", 2, ok(Q, 371)),
            ("working groups", 1, ok(D, 518)),
        ),
    ),
    Case(
        "another article's text given as the correction",
        ARTICLE_001,
        (ARTICLE_000,),
        (
            ("working groups", 0, ORPHAN),
            ("Jake Sullivan", 0, ORPHAN),
            ("Antony Blinken", 0, ORPHAN),
        ),
    ),
    Case(
        "a copy-edit pass: spellings, several places",
        ARTICLE_000,
        replaced(
            ARTICLE_000,
            ("White House canceled it", "White House cancelled it"),
            ("reportedly canceled", "reportedly cancelled"),
            ("security advisor", "security adviser"),
            ("weaponization", "weaponisation"),
            ("Defense Secretary", "Defence Secretary"),
        ),
        (
            ("White House", 0, ok(P, 95)),
            ("canceled it", 0, check(107, "cancelled it")),
            ("reportedly canceled", 0, check(240, "reportedly cancelled")),
            ("potential weaponization efforts", 0, check(942, "potential weaponisation efforts")),
            ("March 2023", 0, ok(D, 1134)),
            ("Lloyd Austin", 0, ok(D, 2045)),
            ("Hezbollah", 4, ok(D, 2521)),
        ),
    ),
    Case(
        "a sentence with the same names inserted before a span",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            (
                "Singh insisted relations",
                "Gallant spoke to Austin by phone on Monday, a US official said. Singh insisted relations",
            ),
        ),
        (
            ("Austin and Gallant", 0, ok(D, 2292)),
            ("Gallant", 6, ok(D, 2303)),
            ("Austin", 1, ok(D, 2292)),
        ),
    ),
    Case(
        "a capital letter corrected inside a span",
        ARTICLE_002,
        replaced(ARTICLE_002, ("Defence secretary Lloyd", "Defence Secretary Lloyd")),
        (
            ("Defence secretary Lloyd Austin", 0, check(1196, "Defence Secretary Lloyd Austin")),
            ("Lloyd Austin", 0, ok(P, 1214)),
        ),
    ),
    Case(
        "a hyphen dropped inside a span, spans after it move back",
        ARTICLE_002,
        replaced(ARTICLE_002, ("co-ordination", "coordination")),
        (
            ("co-ordination", 0, check(155, "coordination")),
            (
                "jeopardise co-ordination with Israel",
                0,
                check(144, "jeopardise coordination with Israel"),
            ),
            ("Iran's missile attack", 0, ok(D, 201)),
            ("Yoav Gallant", 0, ok(P, 45)),
        ),
    ),
    Case(
        "a span's words rewritten",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            (
                "prompting fears the cancellation could jeopardise co-ordination with Israel",
                "raising fears that the delay could complicate planning with Israel",
            ),
        ),
        (
            ("jeopardise co-ordination", 0, ORPHAN),
            ("Yoav Gallant", 0, ok(P, 45)),
            ("Iran's missile attack", 0, ok(D, 193)),
        ),
    ),
    Case(
        "a correction inside the prefix only",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            ("to postpone his visit to Washington", "to put off his visit to Washington"),
        ),
        (
            ("Washington", 2, ok(D, 749)),
            ("a person familiar with the matter", 0, ok(D, 766)),
            ("Benjamin Netanyahu", 0, ok(P, 693)),
        ),
    ),
    Case(
        "a sentence rewritten around a quote that also appears elsewhere",
        ARTICLE_002,
        replaced(
            ARTICLE_002,
            (
                "A US official said a call between the two leaders was expected soon.",
                "A second US official said the two leaders would speak within days.",
            ),
        ),
        (
            ("expected soon", 0, ORPHAN),
            ("two leaders", 0, ok(D, 1156)),
            ("Another US official", 0, ok(D, 2691)),
        ),
    ),
)

"""Finding known names in text: one rule a row, exact offsets (code points) and texts."""

import random
import re
import string
from pathlib import Path

import pytest

from curation.annotations.gazetteer import Gazetteer, GazetteerMatch, normalise_alias

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_04889a4c5d51775a.txt"

HEZBOLLAH, IRAN, NETANYAHU, US, TURKEY, TURKEY_BIRD, UN, HAMAS, ISRAEL, TEHRAN = range(1, 11)

ALIASES = [
    ("Hezbollah", HEZBOLLAH),
    ("Hizbollah", HEZBOLLAH),
    ("Iran", IRAN),
    ("Netanyahu", NETANYAHU),
    ("Benjamin Netanyahu", NETANYAHU),
    ("Prime Minister Benjamin Netanyahu", NETANYAHU),
    ("Prime Minister", 14),  # an office
    ("Benjamin", 15),  # a first name, shared by many
    ("US", US),
    ("U.S.", US),
    ("Turkey", TURKEY),
    ("turkey", TURKEY_BIRD),
    ("UN", UN),
    ("al-Qaeda", 11),
    ("Hamas", HAMAS),
    ("Hamas", 12),  # a second entity with the same alias
    ("Israel", ISRAEL),
    ("Tehran", TEHRAN),
    ("Nasrallah's", 13),  # written with a straight apostrophe
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ALIASES)


def found(gazetteer: Gazetteer, text: str) -> list[tuple[int, int, str, tuple[int, ...]]]:
    return [(m.start, m.end, m.text, m.entity_ids) for m in gazetteer.find(text)]


FINDS = [
    # word boundaries
    pytest.param("Iranian officials", [], id="no Iran inside Iranian"),
    pytest.param("Iran's program", [(0, 4, "Iran", (IRAN,))], id="Iran before an apostrophe"),
    pytest.param("an Iran-backed group", [(3, 7, "Iran", (IRAN,))], id="Iran before a hyphen"),
    pytest.param("the USA and US", [(12, 14, "US", (US,))], id="no US inside USA"),
    pytest.param("a bus", [], id="no US inside bus"),
    pytest.param("US2 and 2US", [], id="digits are part of words"),
    pytest.param("to the U.S. Congress", [(7, 11, "U.S.", (US,))], id="alias ending in a dot"),
    pytest.param("the U.S.A.", [], id="dotted alias inside a longer one"),
    # case
    pytest.param("let us go", [], id="acronym only in capitals"),
    pytest.param("Us and uS", [], id="acronym not in mixed case"),
    pytest.param("the UN said", [(4, 6, "UN", (UN,))], id="acronym in capitals"),
    pytest.param("IRAN and iran", [(0, 4, "IRAN", (IRAN,))], id="capitalised alias in capitals"),
    pytest.param("Turkey", [(0, 6, "Turkey", (TURKEY, TURKEY_BIRD))], id="Turkey fits both"),
    pytest.param("TURKEY", [(0, 6, "TURKEY", (TURKEY, TURKEY_BIRD))], id="TURKEY fits both"),
    pytest.param("roast turkey", [(6, 12, "turkey", (TURKEY_BIRD,))], id="turkey is the bird"),
    pytest.param(
        "Al-Qaeda, AL-QAEDA, al-qaeda",
        [(0, 8, "Al-Qaeda", (11,)), (10, 18, "AL-QAEDA", (11,)), (20, 28, "al-qaeda", (11,))],
        id="lower-case alias in any case",
    ),
    # apostrophes, quotes and spaces
    pytest.param(
        "before Netanyahu’s address",
        [(7, 16, "Netanyahu", (NETANYAHU,))],
        id="curly apostrophe after a match",
    ),
    pytest.param(
        "Nasrallah’s speech and Nasrallah's",
        [(0, 11, "Nasrallah’s", (13,)), (23, 34, "Nasrallah's", (13,))],
        id="curly and straight apostrophes are equal",
    ),
    pytest.param(
        "said Benjamin  Netanyahu",
        [(5, 24, "Benjamin  Netanyahu", (NETANYAHU,))],
        id="two spaces",
    ),
    pytest.param(
        "Benjamin\nNetanyahu\tand Benjamin\u00a0Netanyahu",
        [
            (0, 18, "Benjamin\nNetanyahu", (NETANYAHU,)),
            (23, 41, "Benjamin\u00a0Netanyahu", (NETANYAHU,)),
        ],
        id="line break, tab and no-break space",
    ),
    pytest.param(
        "Benjamin\n\nNetanyahu",
        [(0, 8, "Benjamin", (15,)), (10, 19, "Netanyahu", (NETANYAHU,))],
        id="never across a paragraph break",
    ),
    pytest.param(
        "a   b \n\n\n  Iran",
        [(11, 15, "Iran", (IRAN,))],
        id="offsets after collapsed whitespace",
    ),
    # overlaps
    pytest.param(
        "said Prime Minister Benjamin Netanyahu today",
        [(5, 38, "Prime Minister Benjamin Netanyahu", (NETANYAHU,))],
        id="longest match wins",
    ),
    pytest.param(
        "Minister Benjamin Netanyahu",
        [(9, 27, "Benjamin Netanyahu", (NETANYAHU,))],
        id="longest of what is there",
    ),
    pytest.param(
        "Prime Minister Benjamin Netanyahus",
        [(0, 14, "Prime Minister", (14,)), (15, 23, "Benjamin", (15,))],
        id="a longer match must end at a boundary too",
    ),
    pytest.param(
        "Iran Tehran",
        [(0, 4, "Iran", (IRAN,)), (5, 11, "Tehran", (TEHRAN,))],
        id="adjacent words",
    ),
    pytest.param(
        "US-Israel",
        [(0, 2, "US", (US,)), (3, 9, "Israel", (ISRAEL,))],
        id="either side of a hyphen",
    ),
    pytest.param(
        "Iran/Israel/Hamas",
        [(0, 4, "Iran", (IRAN,)), (5, 11, "Israel", (ISRAEL,)), (12, 17, "Hamas", (HAMAS, 12))],
        id="slashes",
    ),
    # entities
    pytest.param(
        "Hezbollah, or Hizbollah,",
        [(0, 9, "Hezbollah", (HEZBOLLAH,)), (14, 23, "Hizbollah", (HEZBOLLAH,))],
        id="two aliases of one entity",
    ),
    pytest.param("Hamas", [(0, 5, "Hamas", (HAMAS, 12))], id="shared alias"),
    # offsets are code points
    pytest.param("🙂🙂 Iran", [(3, 7, "Iran", (IRAN,))], id="emoji before a match"),
    pytest.param("İİ Iran", [(3, 7, "Iran", (IRAN,))], id="İ lowers to two characters"),
    pytest.param("Cafe\u0301 Iran", [(6, 10, "Iran", (IRAN,))], id="combining mark"),
    pytest.param("", [], id="empty text"),
]


@pytest.mark.parametrize(("text", "expected"), FINDS)
def test_find(gazetteer, text, expected):
    assert found(gazetteer, text) == expected
    for start, end, matched, _ in expected:
        assert text[start:end] == matched


def test_the_seed_article():
    body = SEED.read_text(encoding="utf-8")
    aliases = ["Hezbollah", "Iran", "Benjamin Netanyahu", "Netanyahu", "Tehran", "US"]
    gazetteer = Gazetteer((alias, entity_id) for entity_id, alias in enumerate(aliases, 1))

    matches = gazetteer.find(body)

    assert [(m.start, m.text) for m in matches] == [
        (0, "US"),  # the headline: "US, Israel Reschedule Iran Talks"
        (22, "Iran"),
        (88, "US"),
        (131, "Iran"),
        (373, "Benjamin Netanyahu"),  # "Prime Minister Benjamin Netanyahu": not Netanyahu
        (502, "US"),
        (645, "Netanyahu"),  # "Netanyahu’s"
        (682, "US"),  # "the US Congress"
        (951, "Iran"),  # "Iran's"
        (1051, "US"),  # "The US-Israel strategic consultative group"
        (1218, "US"),
        (1369, "Tehran"),
        (1554, "Tehran"),
        (1626, "US"),
        (1676, "Hezbollah"),
        (1785, "Hezbollah"),  # "Israel-Hezbollah war"
        (1862, "Iran"),  # "Iran-backed"
        (1874, "Hezbollah"),
        (2156, "US"),
        (2322, "US"),
        (2384, "Hezbollah"),
        (2441, "Netanyahu"),
        (2592, "Hezbollah"),
    ]
    # Checked by hand against the text:
    assert body.startswith("US, Israel Reschedule Iran Talks")
    assert body[358:391] == "Prime Minister Benjamin Netanyahu"
    assert body[645:656] == "Netanyahu’s"
    assert body[1785 - 7 : 1794 + 4] == "Israel-Hezbollah war"
    iranian = [m.start() for m in re.finditer("Iranian", body)]
    assert len(iranian) == 2 and not set(iranian) & {m.start for m in matches}
    assert all(m.end - m.start == len(m.text) for m in matches)
    assert {m.text: m.entity_ids for m in matches} == {
        "Hezbollah": (1,),
        "Iran": (2,),
        "Benjamin Netanyahu": (3,),
        "Netanyahu": (4,),
        "Tehran": (5,),
        "US": (6,),
    }


def test_an_empty_gazetteer_finds_nothing():
    gazetteer = Gazetteer([])
    assert len(gazetteer) == 0
    assert gazetteer.find("Iran and the US") == []


def test_length_counts_distinct_patterns():
    gazetteer = Gazetteer(
        [("Iran", 1), ("IRAN", 2), ("iran", 3), ("Hezbollah", 4), ("Hizbollah", 4), ("  ", 5)]
    )
    assert len(gazetteer) == 2 + 1  # Iran in three cases is one pattern; blank aliases none


def test_a_repeated_alias_gives_its_entity_once():
    gazetteer = Gazetteer([("Iran", 2), ("Iran", 2), (" Iran ", 2)])
    assert gazetteer.find("Iran") == [GazetteerMatch(0, 4, "Iran", (2,))]


def test_aliases_are_taken_in_nfc():
    gazetteer = Gazetteer([("Cafe\u0301 Noir", 1)])
    assert found(gazetteer, "at Caf\u00e9 Noir") == [(3, 12, "Caf\u00e9 Noir", (1,))]


@pytest.mark.parametrize(
    ("alias", "normalised"),
    [
        ("  Netanyahu’s\u00a0 Office ", "netanyahu's office"),
        ("“Hamas”", '"hamas"'),
        ("Cafe\u0301", "caf\u00e9"),
        ("Straße", "strasse"),
        ("Prime\n\nMinister", "prime minister"),
        ("IRGC", "irgc"),
    ],
)
def test_normalise_alias(alias, normalised):
    assert normalise_alias(alias) == normalised


# --- against a slow, obvious search --------------------------------------------------------


def naive_find(aliases: list[tuple[str, int]], text: str) -> list[tuple[int, int, str, tuple]]:
    """Regexes for the same rules, one alias at a time, then leftmost-longest."""
    candidates: dict[tuple[int, int], set[int]] = {}
    for alias, entity_id in aliases:
        parts = [
            r"(?=\s)[^\S\n]*\n?[^\S\n]*"
            if char == " "
            else "['’]"
            if char == "'"
            else re.escape(char)
            for char in alias
        ]
        pattern = re.compile(rf"(?<![^\W_])(?=({''.join(parts)})(?![^\W_]))", re.IGNORECASE)
        for match in pattern.finditer(text):
            matched = match.group(1)
            if alias.isupper() and not matched.isupper():
                continue
            if alias[0].isupper() and not alias.isupper() and matched[0].islower():
                continue
            candidates.setdefault((match.start(1), match.end(1)), set()).add(entity_id)
    chosen = []
    resume_at = 0
    for start, end in sorted(candidates, key=lambda span: (span[0], -span[1])):
        if start >= resume_at:
            chosen.append((start, end, text[start:end], tuple(sorted(candidates[start, end]))))
            resume_at = end
    return chosen


RANDOM_ALIASES = [
    ("Iran", 1),
    ("Iran Air", 2),
    ("US", 3),
    ("Us Weekly", 4),
    ("al-Qaeda", 5),
    ("Ali's", 6),
    ("Ali", 7),
    ("a b", 8),
    ("Air", 9),
]
RANDOM_WORDS = ["Iran", "iran", "IRAN", "Air", "air", "US", "us", "Us", "Weekly", "al", "Qaeda"]
RANDOM_WORDS += ["Ali", "a", "b", "B", "🙂", "x1"]
RANDOM_GLUE = [" ", " ", " ", "  ", "\n", "\n\n", "-", "’", "'", "s", ", ", "🙂"]


def test_find_agrees_with_the_naive_search_on_random_texts():
    rng = random.Random(24)
    gazetteer = Gazetteer(RANDOM_ALIASES)
    for _ in range(1500):
        text = "".join(
            rng.choice(RANDOM_WORDS) + rng.choice(RANDOM_GLUE) for _ in range(rng.randrange(8))
        )
        assert found(gazetteer, text) == naive_find(RANDOM_ALIASES, text), text


def test_find_on_a_long_article_with_a_large_gazetteer():
    """20,000 aliases (all two-letter acronyms among them) over 50,000 characters."""
    rng = random.Random(3)
    aliases = {a + b for a in string.ascii_uppercase for b in string.ascii_uppercase}
    syllables = ["ka", "ri", "to", "man", "el", "is", "ra", "han", "be", "nu", "hez", "bol"]
    while len(aliases) < 20_000:
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        aliases.add(name if rng.random() < 0.6 else f"{name} {name[::-1].capitalize()}")
    entries = [(alias, entity_id) for entity_id, alias in enumerate(sorted(aliases))]
    gazetteer = Gazetteer(entries + [(alias, 1) for alias in ("Hezbollah", "Iran", "US")])
    body = ("\n\n".join([SEED.read_text(encoding="utf-8")] * 20))[:50_000]

    matches = gazetteer.find(body)

    assert len(matches) > 400
    assert all(body[m.start : m.end] == m.text for m in matches)
    assert [m.text for m in matches if m.text == "Iranian"] == []

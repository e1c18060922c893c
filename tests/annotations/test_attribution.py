"""Which mentions name a sentence's source rather than someone in the news (plain Python).

The sentences are the seed articles' own, followed by a few common forms the seeds
don't happen to use."""

from pathlib import Path

import pytest

from curation.annotations.attribution import in_attribution

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_TEXT = "\n\n".join(path.read_text() for path in sorted(SEEDS.glob("0*.txt")))

# (sentence, the mention, whether it is only cited there)
TABLE = [
    # seed 000
    (
        "Israel and the US are set to reconvene a joint meeting on Iran next month, mere "
        "days after the White House canceled it, according to Axios, citing five officials "
        "from both nations.",
        [("Axios", True), ("Israel", False), ("US", False), ("White House", False)],
    ),
    (
        "Senior Israeli and US officials, as reported by Axios, say that although a date "
        "for the new meeting has not been set",
        [("Axios", True), ("US", False)],
    ),
    (
        "before Netanyahu’s scheduled address to the US Congress on July 24.",
        [("Netanyahu", False), ("US Congress", False)],
    ),
    (
        "US and Israeli officials say that the Iranian nuclear program has significantly "
        "escalated since then, according to Axios.",
        [("Axios", True), ("US", False)],
    ),
    (
        "This month, G7 leaders urged Tehran to cease and reverse its nuclear escalations "
        "and stop its enrichment of uranium that they said have no credible justifications, "
        "according to a draft communique seen by Reuters.",
        [("Reuters", True), ("G7", False), ("Tehran", False)],
    ),
    (
        "A senior Israeli delegation headed by national security advisor Tzachi Hanegbi and "
        "Minister Ron Dermer will travel to Washington for the talks, according to the same "
        "report.",
        [("Tzachi Hanegbi", False), ("Ron Dermer", False), ("Washington", False)],
    ),
    (
        "Defense Secretary Lloyd Austin stated on Tuesday that the US is urgently working "
        "towards a diplomatic agreement",
        [("Lloyd Austin", False), ("US", False)],
    ),
    (
        'This week, Netanyahu announced that the "intense phase" of fighting Hamas in Gaza '
        "is nearing its end",
        [("Netanyahu", False), ("Hamas", False)],
    ),
    (
        "The US-Israel strategic consultative group (SCG), the forum for the two countries",
        [("SCG", False)],
    ),
    # seed 001
    (
        "Prime Minister Benjamin Netanyahu reestablished multiple working groups that focus "
        "on the Iranian nuclear threat two weeks ago, Axios reported Wednesday.",
        [("Axios", True), ("Benjamin Netanyahu", False)],
    ),
    (
        "On Tuesday, Axios’ Barak Ravid on reported that Israel and the US have agreed to "
        "reconvene a joint meeting on Iran in July that was canceled by the White House last "
        "week",
        [
            ("Axios", True),
            ("Barak Ravid", True),
            ("Israel", False),
            ("US", False),
            ("White House", False),
        ],
    ),
    (
        "According to the officials, Israel is concerned that Iran will seek to take "
        "advantage of the transition period",
        [("Israel", False), ("Iran", False)],
    ),
    # seed 002
    (
        "Israel has told the US that defence minister Yoav Gallant will no longer travel to "
        "Washington this week",
        [("Israel", False), ("US", False), ("Yoav Gallant", False), ("Washington", False)],
    ),
    (
        '"We were just informed that minister Gallant will be postponing his trip to '
        'Washington, DC," deputy Pentagon press secretary Sabrina Singh said on Tuesday, '
        "hours before he was due to fly to the US.",
        [("Sabrina Singh", True), ("Gallant", False), ("Washington", False), ("US", False)],
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu told Gallant to postpone his visit to "
        "Washington, said a person familiar with the matter.",
        [("Benjamin Netanyahu", False), ("Gallant", False)],
    ),
    (
        "Netanyahu speaks with US President Joe Biden on the phone, the person said.",
        [("Netanyahu", False), ("Joe Biden", False)],
    ),
    (
        "Singh insisted relations between Austin and Gallant remained strong.",
        [("Singh", False), ("Austin", False)],
    ),
    # the forms the seeds don't use
    (
        "The meeting was moved to July, two US officials told Axios.",
        [("Axios", True), ("US", False)],
    ),
    (
        "A senior Israeli official told Axios that the meeting was moved to July.",
        [("Axios", True)],
    ),
    ("Axios has learned that the meeting was moved to July.", [("Axios", True)]),
    ("The meeting was moved to July, Axios said.", [("Axios", True)]),
    ("Axios first reported the cancellation.", [("Axios", True)]),
    ("The talks were moved, according to a report by Axios.", [("Axios", True)]),
    ("The talks were moved, a report by Axios said.", [("Axios", True)]),
    ("Reuters reported the talks were moved, citing Axios.", [("Axios", True), ("Reuters", True)]),
    ("WASHINGTON (Axios) — The talks were moved.", [("Axios", True)]),
    ("The talks were moved to July. (Axios)", [("Axios", True)]),
    (
        '"We will be there," Netanyahu told the Financial Times in an interview.',
        [("Financial Times", True), ("Netanyahu", False)],
    ),
    ("Israel said it would send a delegation to Washington.", [("Israel", False)]),
    ("Hezbollah said in a statement that it fired rockets.", [("Hezbollah", False)]),
    ("Biden told Netanyahu that the meeting would go ahead.", [("Netanyahu", False)]),
]

CASES = [
    pytest.param(sentence, name, cited, id=f"{name}: {sentence[:50]}")
    for sentence, names in TABLE
    for name, cited in names
]


@pytest.mark.parametrize(("sentence", "name", "cited"), CASES)
def test_a_mention_is_cited_only_in_an_attribution_phrase(sentence, name, cited):
    start = sentence.index(name)
    assert in_attribution(sentence, start, start + len(name)) is cited


def test_the_seed_sentences_are_the_seeds_own():
    for sentence, _ in TABLE[:17]:
        assert sentence in SEED_TEXT


def test_a_phrase_in_the_next_paragraph_does_not_count():
    body = "Fears of war with Hezbollah\n\nReported attacks rose this week."
    start = body.index("Hezbollah")
    assert not in_attribution(body, start, start + len("Hezbollah"))


def test_a_mention_at_the_start_or_end_of_the_body():
    assert not in_attribution("Axios", 0, 5)
    assert in_attribution("(Axios)", 1, 6)
    assert not in_attribution("Israel", 0, 6)

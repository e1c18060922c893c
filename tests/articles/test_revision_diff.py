"""articles.revision_diff: what changed between two texts, paragraph then word by word."""

from curation.articles import revision_diff
from curation.articles.revision_diff import DELETE, EQUAL, INSERT, DiffPiece, text_diff

OLD = (
    "Hezbolah fired rockets at Haifa on Sunday.\n\n"
    "Yoav Gallant met Lloyd Austin in Washington.\n\n"
    "Officials in Beirut denied the report."
)


def shown(diff) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(b.kind, [(p.kind, p.text) for p in b.pieces]) for b in diff.blocks]


def sides(pieces: tuple[DiffPiece, ...]) -> tuple[str, str]:
    """The old text (equal and deleted pieces) and the new (equal and inserted)."""
    old = "".join(p.text for p in pieces if p.kind in (EQUAL, DELETE))
    new = "".join(p.text for p in pieces if p.kind in (EQUAL, INSERT))
    return old, new


def test_a_typo_is_one_word_struck_out_and_one_inserted():
    new = OLD.replace("Hezbolah", "Hezbollah")
    diff = text_diff(OLD, new)
    assert shown(diff)[0] == (
        "changed",
        [
            (DELETE, "Hezbolah"),
            (INSERT, "Hezbollah"),
            (EQUAL, " fired rockets at Haifa on Sunday."),
        ],
    )
    assert (diff.deleted_words, diff.inserted_words) == (1, 1)
    assert not diff.unchanged


def test_the_pieces_of_a_changed_paragraph_give_back_both_texts():
    old = "Gallant, pictured, met Austin on Wednesday © Reuters in Washington."
    new = "Gallant met US defence secretary Austin on Thursday in Washington, DC."
    [block] = text_diff(old, new).blocks
    assert block.kind == "changed"
    assert sides(block.pieces) == (old, new)


def test_added_and_removed_paragraphs_are_whole_blocks():
    added = OLD + "\n\nA US official said a call was expected soon."
    assert shown(text_diff(OLD, added))[-1] == (
        "added",
        [(INSERT, "A US official said a call was expected soon.")],
    )
    removed = OLD.replace("Yoav Gallant met Lloyd Austin in Washington.\n\n", "")
    assert ("removed", [(DELETE, "Yoav Gallant met Lloyd Austin in Washington.")]) in shown(
        text_diff(OLD, removed)
    )


def test_unchanged_paragraphs_far_from_a_change_are_folded():
    old = "\n\n".join(f"Paragraph {n}." for n in range(10))
    new = old.replace("Paragraph 5.", "Paragraph five.")
    kinds = [(b.kind, b.folded_count) for b in text_diff(old, new, context=1).blocks]
    assert kinds == [
        ("folded", 4),
        ("same", 0),
        ("changed", 0),
        ("same", 0),
        ("folded", 3),
    ]


def test_the_same_text_has_no_changes():
    diff = text_diff(OLD, OLD, context=0)
    assert diff.unchanged
    assert [(b.kind, b.folded_count) for b in diff.blocks] == [("folded", 3)]


def test_a_passage_too_long_to_compare_word_by_word_is_shown_removed_then_added(monkeypatch):
    monkeypatch.setattr(revision_diff, "WORD_DIFF_LIMIT", 10)
    new = OLD.replace("Hezbolah", "Hezbollah")
    assert shown(text_diff(OLD, new))[0:2] == [
        ("removed", [(DELETE, "Hezbolah fired rockets at Haifa on Sunday.")]),
        ("added", [(INSERT, "Hezbollah fired rockets at Haifa on Sunday.")]),
    ]


def test_markup_in_the_text_is_kept_as_text_for_the_template_to_escape():
    new = OLD.replace("Haifa", "<script>alert(1)</script>")
    pieces = dict((kind, text) for kind, text in shown(text_diff(OLD, new))[0][1][1:3])
    assert pieces == {DELETE: "Haifa", INSERT: "<script>alert(1)</script>"}

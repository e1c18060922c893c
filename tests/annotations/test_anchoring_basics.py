"""annotations.anchoring on a few plain edits (the full corpus is test_anchoring_corpus)."""

from curation.annotations.anchoring import Rule, Span, Status, reanchor

OLD = "Israel cancels Gallant visit.\n\nHizbollah fired rockets at Israel. Iran watched Iran."


def span(key, text, occurrence=0, body=OLD):
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    end = start + len(text)
    return Span(key, start, end, text, body[max(0, start - 32) : start], body[end : end + 32])


SPANS = [span("gallant", "Gallant"), span("hezbollah", "Hizbollah"), span("iran", "Iran", 1)]


def placed(new):
    return {p.key: (p.rule, p.start, p.end, p.status) for p in reanchor(OLD, new, SPANS)}


def test_nothing_changed_keeps_every_position():
    assert {key: rule for key, (rule, *_) in placed(OLD).items()} == dict.fromkeys(
        ["gallant", "hezbollah", "iran"], Rule.POSITION
    )


def test_a_typo_fixed_before_the_spans_moves_them_by_the_diff():
    new = OLD.replace("cancels", "cancelled")
    result = placed(new)
    assert result["gallant"] == (Rule.DIFF, 17, 24, Status.OK)
    assert result["iran"] == (Rule.DIFF, 81, 85, Status.OK)
    assert new.rindex("Iran") == 81  # the second Iran, not the first


def test_a_name_respelled_inside_a_span_needs_a_check():
    new = OLD.replace("Hizbollah", "Hezbollah")
    assert placed(new)["hezbollah"] == (Rule.FUZZY, 31, 40, Status.NEEDS_CHECK)


def test_a_deleted_span_is_an_orphan():
    new = OLD.replace("Hizbollah fired rockets at Israel. ", "")
    assert placed(new)["hezbollah"] == (Rule.ORPHAN, None, None, Status.ORPHAN)

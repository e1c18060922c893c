"""Rendering the article text as segments.

A 50,000-character article with 1,000 mentions has a few thousand segments; a template
loop with a handful of tags per segment took most of the workspace's render time, so
each paragraph's segments are built here. Every piece of article text and every
attribute value is escaped (``table_rows.text``: what Django's ``escape`` does, without
its checks for lazy strings, which were half the time of a change's answer), and the
paragraph's HTML is marked safe once it is built of escaped values: article text is
never marked safe as it is.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from curation.annotations import workflow
from curation.annotations.selectors import ParagraphView, SegmentView
from curation.table_rows import text

register = template.Library()


@register.simple_tag(takes_context=True)
def actions_for(context, item) -> set[str]:
    """What the person viewing the page may do to ``item`` now ("edit", "delete",
    "submit", "withdraw", "approve", "reject", "reopen"): the buttons to show.
    ``{% actions_for event as actions %}``."""
    return workflow.actions_for(context["user"], item)


@register.simple_tag
def segments(paragraph: ParagraphView) -> SafeString:
    # every value in it escaped by _segment
    return mark_safe("".join(map(_segment, paragraph.segments)))  # noqa: S308


def _escaped(*values) -> tuple[str, ...]:
    return tuple(map(text, values))


_PLAIN = '<span class="seg" data-s="{}">{}</span>'
_MENTION = '<span class="seg {}" data-s="{}" data-m="{}" data-e="{}">{}</span>'
# The first segment of a mention is where links (#m-12) and j/k land.
_MENTION_START = (
    '<span class="seg {}" data-s="{}" data-m="{}" data-e="{}" id="{}" data-starts="{}">{}</span>'
)
_SUGGESTION = '<span class="seg {}" data-s="{}" data-sug="{}" data-sug-label="{}">{}</span>'
# A text that names several entities: the popover offers each of them.
_AMBIGUOUS_SUGGESTION = (
    '<span class="seg {}" data-s="{}" data-sug="{}" data-sug-label="{}" '
    'data-sug-choices="{}">{}</span>'
)


# A mention a tagger suggested (pre_annotations): its popover says what and by whom.
_TAGGED = '<span class="seg {}" data-s="{}" data-tagged="{}" title="{}">{}</span>'


def _segment(segment: SegmentView):
    if segment.event_ids:
        return _segment_with_event(segment)
    if segment.mention_ids:
        if segment.anchor:
            return _MENTION_START.format(
                *_escaped(
                    segment.css,
                    segment.start,
                    segment.mention_ids,
                    segment.entity_ids,
                    segment.anchor,
                    segment.starts,
                    segment.text,
                )
            )
        return _MENTION.format(
            *_escaped(
                segment.css,
                segment.start,
                segment.mention_ids,
                segment.entity_ids,
                segment.text,
            )
        )
    if segment.suggestion_choices:
        return _AMBIGUOUS_SUGGESTION.format(
            *_escaped(
                segment.css,
                segment.start,
                segment.suggestion,
                segment.suggestion_label,
                segment.suggestion_choices,
                segment.text,
            )
        )
    if segment.suggestion:
        return _SUGGESTION.format(
            *_escaped(
                segment.css,
                segment.start,
                segment.suggestion,
                segment.suggestion_label,
                segment.text,
            )
        )
    if segment.tagged:
        return _TAGGED.format(
            *_escaped(
                segment.css, segment.start, segment.tagged, segment.tagged_label, segment.text
            )
        )
    return _PLAIN.format(*_escaped(segment.start, segment.text))


def _segment_with_event(segment: SegmentView):
    """Evidence of an event, perhaps also a mention: rarer, so built attribute by attribute."""
    attributes = {
        "class": f"seg {segment.css}",
        "data-s": segment.start,
        "data-ev": segment.event_ids,
    }
    if segment.mention_ids:
        attributes |= {"data-m": segment.mention_ids, "data-e": segment.entity_ids}
    if segment.suggestion:
        attributes |= {
            "data-sug": segment.suggestion,
            "data-sug-label": segment.suggestion_label,
        }
        if segment.suggestion_choices:
            attributes["data-sug-choices"] = segment.suggestion_choices
    if segment.tagged:
        attributes |= {"data-tagged": segment.tagged, "title": segment.tagged_label}
    if segment.anchor:
        attributes |= {"id": segment.anchor, "data-starts": segment.starts}
    listed = "".join(
        ' {}="{}"'.format(*_escaped(name, value)) for name, value in attributes.items()
    )
    return "<span{}>{}</span>".format(listed, *_escaped(segment.text))

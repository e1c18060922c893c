"""``{{ value|edtf }}``: an EDTF date for people ("mid-July 2024"), never more precise than
it is. The one way dates are shown (curation.temporal.display)."""

from django import template

from curation.temporal import display

register = template.Library()


@register.filter
def edtf(value: str) -> str:
    if not value:
        return ""
    try:
        return display(value)
    except ValueError:
        return value

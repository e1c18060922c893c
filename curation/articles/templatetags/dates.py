"""``{{ value|edtf }}``: an EDTF date for people ("mid-July 2024"), never more precise than
it is. The one way dates are shown (curation.temporal.display)."""

from datetime import date

from django import template

from curation.temporal import display

register = template.Library()


@register.filter
def edtf(value) -> str:
    """An EDTF string, or a date (an article's publication date), for people."""
    if not value:
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    try:
        return display(value)
    except ValueError:
        return value

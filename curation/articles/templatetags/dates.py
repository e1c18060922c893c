"""``{{ value|edtf }}``: an EDTF date for people ("mid-July 2024"), never more precise than
it is. The one way dates are shown (curation.temporal.display)."""

from datetime import date

from django import template

from curation.articles import date_phrases
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


@register.simple_tag
def relative_date_phrases(body: str) -> list[str]:
    """``{% relative_date_phrases article.body as phrases %}``: the text's own phrases that
    wait for a publication date ("YESTERDAY", "last week")."""
    return date_phrases.relative_date_phrases(body)

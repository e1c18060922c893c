"""User content inside an element that htmx leaves alone (``hx-disable``).

Escaping already keeps typed markup as text; this is the second wall. Should escaping
ever break, htmx still does not process attributes (hx-get, hx-trigger...) inside such an
element. The template filter is a builtin (settings.TEMPLATES), so every template has it:
``{{ article.kicker|inert }}``. Python that builds HTML calls ``inert()`` itself.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def inert(value) -> SafeString:
    """The value, escaped, in a ``<span hx-disable>``."""
    return format_html("<span hx-disable>{}</span>", value)

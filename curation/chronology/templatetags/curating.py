"""``{{ event.prefix|words_before }}`` and ``{{ event.suffix|words_after }}``: a quote's
stored context cut to whole words and to its paragraph (``chronology.context``), for the
curators' pages."""

from django import template

from curation.chronology import context

register = template.Library()

register.filter("words_before", context.words_before)
register.filter("words_after", context.words_after)

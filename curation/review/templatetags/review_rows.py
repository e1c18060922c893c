"""The queue's row, drawn by ``curation.review.rows_html``, for the templates that send
rows out of band after an action (``review/acted.html``)."""

from django import template

from curation.review import rows_html

register = template.Library()


@register.simple_tag
def queue_row(item, oob=False):
    return rows_html.queue_row(item, oob=oob)

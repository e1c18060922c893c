"""The review tables' rows, drawn by ``curation.review.rows_html``."""

from django import template

from curation.review import rows_html

register = template.Library()


@register.simple_tag
def queue_row(item, oob=False):
    return rows_html.queue_row(item, oob=oob)


@register.simple_tag
def mine_row(item):
    return rows_html.mine_row(item)

import django_tables2 as tables
from django.utils.html import format_html

from curation.annotations.models import Entity
from curation.table_rows import TEMPLATE, RowsInPython, text, url


class EntityTable(RowsInPython, tables.Table):
    # hx-disable: the name is text from people (curation/inert.py).
    name = tables.Column(linkify=True, attrs={"td": {"class": "title", "hx-disable": ""}})
    kind = tables.Column(
        verbose_name="Kind", accessor="kind__name", order_by=("kind__order", "kind__name")
    )
    mention_count = tables.Column(verbose_name="Mentions", attrs={"td": {"class": "num"}})
    article_count = tables.Column(verbose_name="Articles", attrs={"td": {"class": "num"}})
    wikidata_id = tables.Column(verbose_name="Wikidata", empty_values=("",), default="—")

    class Meta:
        model = Entity
        fields = ["name", "kind", "mention_count", "article_count", "wikidata_id"]
        order_by = ("name",)
        empty_text = "No entities match. Entities are created by marking text in an article."
        attrs = {"class": "data-table"}
        template_name = TEMPLATE

    MAX_PER_PAGE = 200

    def paginate(self, *args, per_page: int = 50, **kwargs) -> None:
        super().paginate(*args, per_page=max(1, min(per_page, self.MAX_PER_PAGE)), **kwargs)

    def cells(self, record: Entity) -> dict[str, str]:
        return {
            "name": f'<a href="{url("annotations:entity", pk=record.pk)}">{text(record.name)}</a>',
            "kind": self.render_kind(record.kind.name, record),
            "mention_count": text(record.mention_count),
            "article_count": text(record.article_count),
            "wikidata_id": text(record.wikidata_id) if record.wikidata_id else "—",
        }

    def render_kind(self, value, record):
        return format_html('<span class="kind-dot k-{}"></span>{}', record.kind.slug, value)

import django_tables2 as tables
from django.db.models import F
from django.utils.html import format_html

from curation.articles.models import Article
from curation.articles.templatetags.dates import edtf
from curation.table_rows import TEMPLATE, RowsInPython, local_date, text, url


class ArticleTable(RowsInPython, tables.Table):
    # Cells of text from people carry hx-disable (curation/inert.py).
    title = tables.Column(linkify=True, attrs={"td": {"class": "title", "hx-disable": ""}})
    source = tables.Column(
        accessor="source__name",
        verbose_name="Source",
        default="—",
        order_by=("source__name",),
        attrs={"td": {"hx-disable": ""}},
    )
    published_on = tables.Column(
        verbose_name="Published", empty_values=(), attrs={"td": {"class": "nowrap"}}
    )
    imported_at = tables.DateTimeColumn(
        verbose_name="Imported", format="j M Y", attrs={"td": {"class": "nowrap"}}
    )
    # Counted by articles_for_list(): how far the annotation has come.
    mention_count = tables.Column(
        verbose_name="Mentions", attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    event_count = tables.Column(
        verbose_name="Events", attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )

    class Meta:
        model = Article
        fields = ["title", "source", "published_on", "mention_count", "event_count", "imported_at"]
        order_by = ("-imported_at",)
        empty_text = "No articles match. Clear the filters, or import some articles."
        attrs = {"class": "data-table"}
        template_name = TEMPLATE

    MAX_PER_PAGE = 100

    def paginate(self, *args, per_page: int = 25, **kwargs) -> None:
        # ?per_page= comes from the URL: clamp it so nobody renders the whole desk at once.
        super().paginate(*args, per_page=max(1, min(per_page, self.MAX_PER_PAGE)), **kwargs)

    def cells(self, record: Article) -> dict[str, str]:
        source = record.source
        return {
            "title": f'<a href="{url("articles:detail", pk=record.pk)}">{text(record.title)}</a>',
            "source": text(source.name) if source is not None else "—",
            "published_on": self.render_published_on(record.published_on, record),
            "imported_at": local_date(record.imported_at, "j M Y"),
            "mention_count": text(record.mention_count),
            "event_count": text(record.event_count),
        }

    def render_published_on(self, value, record):
        if value is None:
            return format_html('<span class="badge badge-warn">{}</span>', "needs date")
        return format_html('<time datetime="{}">{}</time>', value.isoformat(), edtf(value))

    def order_published_on(self, queryset, is_descending):
        published = F("published_on")
        ordering = (
            published.desc(nulls_last=True) if is_descending else published.asc(nulls_last=True)
        )
        return queryset.order_by(ordering, "-id"), True

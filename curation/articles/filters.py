import django_filters
from django.db.models import Q, QuerySet

from curation.articles.models import Article, Source
from curation.articles.selectors import annotated, not_yet_annotated
from curation.quick_widgets import QuickInput, QuickSelect


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Search",
        widget=QuickInput(attrs={"type": "search", "placeholder": "Words in the title or text"}),
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.order_by("name"), empty_label="All sources", widget=QuickSelect
    )
    date = django_filters.ChoiceFilter(
        label="Date",
        method="by_date",
        empty_label="Any date",
        choices=[("has", "Has a date"), ("needs", "Needs a date")],
        widget=QuickSelect,
    )
    annotation = django_filters.ChoiceFilter(
        label="Annotation",
        method="by_annotation",
        empty_label="Annotated or not",
        choices=[("none", "Not yet annotated"), ("some", "Annotated")],
        widget=QuickSelect,
    )

    class Meta:
        model = Article
        fields = ["q", "source", "date", "annotation"]

    MAX_SEARCH_WORDS = 10

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value[:200].split()[: self.MAX_SEARCH_WORDS]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return queryset

    def by_date(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(published_on__isnull=(value == "needs"))

    def by_annotation(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """No mention and no event yet, or some (the queryset counts them)."""
        return not_yet_annotated(queryset) if value == "none" else annotated(queryset)

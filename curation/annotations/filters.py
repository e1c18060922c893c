import django_filters
from django.db.models import Q, QuerySet

from curation.annotations.models import Entity, EntityKind
from curation.quick_widgets import QuickInput, QuickSelect


class EntityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Search",
        widget=QuickInput(attrs={"type": "search", "placeholder": "A name or alias"}),
    )
    kind = django_filters.ModelChoiceFilter(
        queryset=EntityKind.objects.all(), empty_label="All kinds", widget=QuickSelect
    )

    class Meta:
        model = Entity
        fields = ["q", "kind"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = " ".join(value[:200].split())
        if not value:
            return queryset
        matching_alias = Entity.objects.filter(aliases__normalised__contains=value.casefold())
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=matching_alias.values("pk")))

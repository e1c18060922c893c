import django_filters
from django.db.models import Q, QuerySet

from curation.annotations.models import Entity, EntityKind


class EntityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Search",
        widget=django_filters.widgets.forms.TextInput(
            attrs={"type": "search", "placeholder": "A name or alias"}
        ),
    )
    kind = django_filters.ModelChoiceFilter(
        queryset=EntityKind.objects.all(), empty_label="All kinds"
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

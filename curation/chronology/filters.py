"""The entries list's filters: words of the headline, status, chronology, type, and
whether the sources differ on the date, and whether a correction left it to check."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from curation.chronology.forms import event_types_in_order
from curation.chronology.models import Chronology, Entry


class EntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Search",
        widget=django_filters.widgets.forms.TextInput(
            attrs={"type": "search", "placeholder": "Words of the headline"}
        ),
    )
    status = django_filters.ChoiceFilter(
        choices=Entry.Status.choices, empty_label="Drafts and published"
    )
    chronology = django_filters.ModelChoiceFilter(
        label="Chronology",
        field_name="chronologies",
        queryset=Chronology.objects.order_by("title"),
        empty_label="Any chronology",
    )
    event_type = django_filters.ModelChoiceFilter(
        label="Type", method="of_type", queryset=event_types_in_order(), empty_label="Any type"
    )
    sources_differ = django_filters.BooleanFilter(
        label="Dates",
        widget=django_filters.widgets.BooleanWidget(),
    )

    needs_attention = django_filters.BooleanFilter(
        label="Corrections",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Entry
        fields = ["q", "status", "chronology", "event_type", "sources_differ", "needs_attention"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A select that says what each choice means, rather than yes/no.
        self.form.fields["sources_differ"].widget.choices = [
            ("", "Any"),
            ("true", "Sources differ on date"),
            ("false", "Sources agree"),
        ]
        self.form.fields["needs_attention"].widget.choices = [
            ("", "Any"),
            ("true", "Needs attention after a correction"),
            ("false", "Nothing to check"),
        ]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value[:200].split()[:10]:
            queryset = queryset.filter(headline__icontains=word)
        return queryset

    def of_type(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(Q(event_type=value) | Q(event_type__parent=value))

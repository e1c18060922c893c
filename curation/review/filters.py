"""The review queue's filters. The queue is a UNION of mentions and events, which can't be
filtered once combined, so the filter set hands its cleaned values to
``selectors.work_rows``, which filters each kind before combining them."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from curation.annotations.models import EventType
from curation.articles.models import Source
from curation.compiled_queries import fixed_rows
from curation.quick_widgets import QuickSelect
from curation.review import selectors

KIND_CHOICES = [("mention", "Mentions"), ("event", "Events")]
AGE_CHOICES = [
    ("today", "Submitted today"),
    ("week", "In the last 7 days"),
    ("older", "Older than 7 days"),
]


def reviewable_kinds(user) -> list[str]:
    """The kinds of work ``user`` may review (checked by permission)."""
    return [kind for kind in selectors.KINDS if user.has_perm(f"annotations.review_{kind}")]


def age_bounds(age: str, *, now=None) -> tuple:
    """(submitted_after, submitted_before) for an age choice, in the desk's time zone."""
    now = timezone.localtime(now)
    week_ago = now - timedelta(days=7)
    if age == "today":
        return now.replace(hour=0, minute=0, second=0, microsecond=0), None
    if age == "week":
        return week_ago, None
    if age == "older":
        return None, week_ago
    return None, None


ARTICLE_CHOICES = 200  # the most articles the article filter lists


class QueueFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=KIND_CHOICES, empty_label="Mentions and events", widget=QuickSelect
    )
    # The choices below are (id, label) pairs read once, when the form is drawn or checks a
    # chosen value: thousands of articles may have work waiting, and building a model
    # instance for each option (a ModelChoiceFilter's way) was most of the page.
    event_type = django_filters.TypedChoiceFilter(
        label="Event type", choices=(), coerce=int, empty_value=None, widget=QuickSelect
    )
    article = django_filters.TypedChoiceFilter(
        label="Article", choices=(), coerce=int, empty_value=None, widget=QuickSelect
    )
    source = django_filters.TypedChoiceFilter(
        label="Source", choices=(), coerce=int, empty_value=None, widget=QuickSelect
    )
    annotator = django_filters.TypedChoiceFilter(
        label="Annotator", choices=(), coerce=int, empty_value=None, widget=QuickSelect
    )
    age = django_filters.ChoiceFilter(
        label="Age", choices=AGE_CHOICES, empty_label="Any age", widget=QuickSelect
    )

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.kinds = reviewable_kinds(request.user)
        fields = self.form.fields
        fields["event_type"].choices = cache(self._event_type_choices)
        fields["article"].choices = cache(self._article_choices)
        fields["source"].choices = cache(self._source_choices)
        fields["annotator"].choices = cache(self._annotator_choices)
        if "event" not in self.kinds:
            del fields["event_type"]
        if len(self.kinds) < 2:
            del fields["kind"]

    # The menus' queries are the same on every page (compiled_queries says why they are
    # compiled once).

    @staticmethod
    def _event_type_choices() -> list[tuple]:
        """Each category followed by its subtypes, as in the workspace's event form."""
        types = fixed_rows(
            "review-filter:event-types",
            lambda: EventType.objects.order_by(
                Coalesce("parent__name", "name"), F("parent").asc(nulls_first=True), "name"
            ).values_list("id", "name", "parent__name"),
        )
        return [("", "Any type")] + [
            (pk, EventType.label(name, parent)) for pk, name, parent in types
        ]

    @staticmethod
    def _source_choices() -> list[tuple]:
        sources = fixed_rows(
            "review-filter:sources",
            lambda: Source.objects.order_by("name").values_list("id", "name"),
        )
        return [("", "All sources"), *sources]

    def _annotator_choices(self) -> list[tuple]:
        username = get_user_model().USERNAME_FIELD
        people = fixed_rows(
            ("review-filter:annotators", *self.kinds),
            lambda: selectors.annotators_waiting(self.kinds).values_list("id", username),
        )
        return [("", "Anyone"), *people]

    def _article_choices(self) -> list[tuple]:
        """The newest ``ARTICLE_CHOICES`` articles with work waiting, by title, and the
        one chosen, if it is older: with thousands waiting, a list of them all was most
        of the page, and longer than anyone reads."""
        newest = fixed_rows(
            ("review-filter:articles", ARTICLE_CHOICES, *self.kinds),
            lambda: selectors.newest_articles_waiting(self.kinds, ARTICLE_CHOICES + 1),
        )
        shown = newest[:ARTICLE_CHOICES]
        chosen = str(self.data.get("article", ""))
        if chosen.isdigit() and int(chosen) not in {pk for pk, _ in shown}:
            waiting = selectors.articles_waiting(self.kinds).filter(pk=int(chosen))
            shown += list(waiting.values_list("id", "title"))
        shown.sort(key=lambda choice: (choice[1], choice[0]))
        everything = "All articles"
        if len(newest) > ARTICLE_CHOICES:
            everything += f" (listed below: the {ARTICLE_CHOICES} newest with work waiting)"
        return [("", everything), *shown]

    @property
    def active(self) -> bool:
        """Whether any filter narrows the queue."""
        return self.is_bound and any(self.form.cleaned_data.get(name) for name in self.form.fields)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if not self.active:
            return queryset  # the view's: all the work its reviewer may review
        data = self.form.cleaned_data
        kind = data.get("kind")
        after, before = age_bounds(data.get("age") or "")
        return selectors.work_rows(
            kinds=[kind] if kind else self.kinds,
            event_type=data.get("event_type"),
            article=data.get("article"),
            source=data.get("source"),
            annotator=data.get("annotator"),
            submitted_after=after,
            submitted_before=before,
        )

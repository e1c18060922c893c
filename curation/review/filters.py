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
from curation.review import selectors
from curation.review.widgets import QuickSelect

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
    event_type = django_filters.ModelChoiceFilter(
        label="Event type",
        queryset=EventType.objects.none(),
        empty_label="Any type",
        widget=QuickSelect,
    )
    # Its choices are (id, title) pairs, not Article instances: thousands of articles
    # may have work waiting, and building an instance for each was most of the page.
    article = django_filters.TypedChoiceFilter(
        label="Article", choices=(), coerce=int, empty_value=None, widget=QuickSelect
    )
    source = django_filters.ModelChoiceFilter(
        label="Source",
        queryset=Source.objects.order_by("name"),
        empty_label="All sources",
        widget=QuickSelect,
    )
    annotator = django_filters.ModelChoiceFilter(
        label="Annotator",
        queryset=get_user_model().objects.none(),
        empty_label="Anyone",
        widget=QuickSelect,
    )
    age = django_filters.ChoiceFilter(
        label="Age", choices=AGE_CHOICES, empty_label="Any age", widget=QuickSelect
    )

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.kinds = reviewable_kinds(request.user)
        fields = self.form.fields
        # Each category followed by its subtypes, as in the workspace's event form.
        fields["event_type"].queryset = EventType.objects.select_related("parent").order_by(
            Coalesce("parent__name", "name"), F("parent").asc(nulls_first=True), "name"
        )
        # read (once) when the form is drawn or checks a chosen article, not for every table
        fields["article"].choices = cache(self._article_choices)
        fields["annotator"].queryset = selectors.annotators_waiting(self.kinds)
        fields["annotator"].label_from_instance = lambda user: user.get_username()
        if "event" not in self.kinds:
            del fields["event_type"]
        if len(self.kinds) < 2:
            del fields["kind"]

    def _article_choices(self) -> list[tuple]:
        """The newest ``ARTICLE_CHOICES`` articles with work waiting, by title, and the
        one chosen, if it is older: with thousands waiting, a list of them all was most
        of the page, and longer than anyone reads."""
        waiting = selectors.articles_waiting(self.kinds).values_list("id", "title")
        newest = list(waiting.order_by("-id")[: ARTICLE_CHOICES + 1])
        shown = newest[:ARTICLE_CHOICES]
        chosen = str(self.data.get("article", ""))
        if chosen.isdigit() and int(chosen) not in {pk for pk, _ in shown}:
            shown += list(waiting.filter(pk=int(chosen)))
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

"""Chronologies and their entries: approved events from several articles gathered into
one cited line each, published into one or more topics.

An entry's participants and citations are derived from its events (never copied), so a
correction of an event's evidence shows in every chronology that cites it. An event
belongs to at most one entry (``EntryEvent.event`` is one-to-one).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from curation.annotations.models import Event, EventType, validate_edtf
from curation.temporal import bounds, display, sort_key

DESCRIPTION_MAX_LENGTH = 2000


class Chronology(models.Model):
    """A topic ("US–Israel consultations on Iran, 2024") that entries are published in."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    is_public = models.BooleanField(
        "public", default=False, help_text="Shown at /c/ and its own page, without a login."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "chronologies"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("chronology:public", args=[self.slug])


class Entry(models.Model):
    """One happening in a chronology, cited by the approved events it gathers."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=300)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    event_type = models.ForeignKey(
        EventType, on_delete=models.PROTECT, related_name="entries", verbose_name="type"
    )
    date = models.CharField("date (EDTF)", max_length=60, blank=True, validators=[validate_edtf])
    date_lower = models.DateField(null=True, blank=True, editable=False)
    date_upper = models.DateField(null=True, blank=True, editable=False)
    # The span's length in days, for ordering in the database as events are ordered:
    # earlier start first, then the shorter span, then the earlier end (temporal.sort_key).
    date_days = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The curator's word that the entry's date stands although its sources differ.
    date_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date_confirmed_at = models.DateTimeField(null=True, blank=True)
    events = models.ManyToManyField(Event, through="EntryEvent", related_name="+")
    chronologies = models.ManyToManyField(Chronology, related_name="entries", blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    # Set when a correction of an article moved a cited event onto changed words or lost
    # its words (curation.chronology.corrections); the note says which and why.
    needs_attention = models.BooleanField(default=False, editable=False)
    attention_note = models.TextField(blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = [
            F("date_lower").asc(nulls_last=True),
            "date_days",
            "date_upper",
            "id",
        ]
        verbose_name_plural = "entries"
        permissions = [("publish_entry", "Can publish and unpublish chronology entries")]
        indexes = [
            models.Index(fields=["status", "date_lower", "date_days", "date_upper"]),
            models.Index(fields=["published_at"]),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs):
        self.date_lower, self.date_upper = bounds(self.date) if self.date else (None, None)
        self.date_days = (self.date_upper - self.date_lower).days if self.date else None
        if kwargs.get("update_fields") is not None and "date" in kwargs["update_fields"]:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "date_lower",
                "date_upper",
                "date_days",
            }
        super().save(*args, **kwargs)

    @property
    def date_display(self) -> str:
        return display(self.date) if self.date else "date unknown"

    @property
    def sort_key(self):
        return sort_key(self.date, self.pk or 0) if self.date else None


class EntryEvent(models.Model):
    """An approved event cited by an entry. One entry per event, at most."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="entry_events")
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="chronology_entry")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    # The citation as last approved, kept for the public page while a correction of the
    # article has the event waiting for a check or re-attachment. Blank: the event's own.
    approved_quote = models.TextField(blank=True, editable=False)
    approved_prefix = models.CharField(max_length=64, blank=True, editable=False)
    approved_suffix = models.CharField(max_length=64, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["entry", "added_at", "id"]

    def __str__(self) -> str:
        return f"{self.event} in {self.entry}"


class NotSameEvent(models.Model):
    """A curator's word that two events report different happenings: the pair is never
    suggested again. Stored with the lower id first, so each pair has one row."""

    first = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="not_same_pair_unique"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="not_same_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ≠ {self.second_id}"

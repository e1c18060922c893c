"""Entities (canonical records with aliases), their mentions in articles, and events."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from curation.annotations.gazetteer import normalise_alias
from curation.articles.models import Article
from curation.temporal import bounds, display, sort_key, validate

NAME_MAX_LENGTH = 300  # an entity's name, or an alias

wikidata_id_validator = RegexValidator(
    r"^Q[1-9]\d*$", "A Wikidata id is Q followed by digits, like Q42."
)


class EntityKind(models.Model):
    """What sort of thing an entity is. A small set, seeded by a migration and editable
    in admin: person, organisation, place (geo-political or location), group, other."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    colour = models.CharField(
        max_length=7,
        default="#8a8a8a",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour like #1f5fbf.")],
        help_text="Highlight colour in the workspace.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Entity(models.Model):
    name = models.CharField("canonical name", max_length=NAME_MAX_LENGTH)
    kind = models.ForeignKey(EntityKind, on_delete=models.PROTECT, related_name="entities")
    description = models.CharField(max_length=500, blank=True)
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "entities"
        indexes = [models.Index(fields=["name"]), models.Index(fields=["updated_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="entity_wikidata_id_unique",
                violation_error_message="Another entity already has this Wikidata id.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("annotations:entity", args=[self.pk])


class Alias(models.Model):
    """Another name for an entity ("Hizbollah" for Hezbollah). ``normalised`` is the
    form names are compared in (see gazetteer.normalise_alias)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=NAME_MAX_LENGTH)
    # Casefolding can lengthen a name ("ß" is "ss"): by at most three code points for
    # one, over all of Unicode.
    normalised = models.CharField(max_length=3 * NAME_MAX_LENGTH, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["text"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "normalised"],
                name="alias_unique_per_entity",
                violation_error_message="This entity already has that alias.",
            ),
        ]
        indexes = [models.Index(fields=["normalised"]), models.Index(fields=["updated_at"])]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.normalised = normalise_alias(self.text)
        super().save(*args, **kwargs)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


REVIEW_NOTE_MAX_LENGTH = 1000


class AnchoredWork(models.Model):
    """What every piece of annotation work on an article's body has: a span, its review
    status, who made it and who reviewed it.

    Offsets are code points into ``article.body``, end exclusive; ``quote`` is
    body[start:end] as the server computed it, and ``prefix``/``suffix`` the 32
    characters either side, so the work can be re-anchored if the body changes.

    An orphan is work whose words a correction of the article took away
    (``annotations.reanchoring``): it keeps its quote and context, and has no offsets
    (``start`` and ``end`` are both null), so no query that reads positions can place
    it anywhere. It is shown in no highlight and published nowhere until a person
    re-attaches it.

    ``status`` changes only through ``annotations.workflow``. ``version`` counts saved
    changes: an edit names the version it was made against, and a stale one is refused
    (``annotations.versions``). ``review_note`` is the reason of the last rejection or
    reopening, shown to the annotator.
    """

    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_note = models.CharField(max_length=REVIEW_NOTE_MAX_LENGTH, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_orphan(self) -> bool:
        return self.start is None


def placed_or_orphan(name: str) -> models.CheckConstraint:
    """Both offsets, in order, or neither (an orphan)."""
    return models.CheckConstraint(
        condition=(Q(start__isnull=True) & Q(end__isnull=True))
        | (Q(start__isnull=False) & Q(end__isnull=False) & Q(start__gte=0) & Q(start__lt=F("end"))),
        name=name,
    )


class Mention(AnchoredWork):
    """A span of an article's body that names an entity."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="mentions")

    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start", "-end", "id"]
        permissions = [
            ("review_mention", "Can approve, reject and reopen mentions"),
            ("change_others_mention", "Can edit and delete other people's mentions"),
        ]
        constraints = [
            placed_or_orphan("mention_start_before_end"),
            models.UniqueConstraint(
                fields=["article", "start", "end", "entity"],
                name="mention_unique_span_entity",
                violation_error_message="This text is already marked as this entity.",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "start"]),
            models.Index(fields=["status", "submitted_at"]),
            # The review queue's filter choices: the newest articles with work waiting
            # (a walk down status, article) and the people with work waiting (a probe of
            # status, created_by for each).
            models.Index(fields=["status", "article", "created_by"]),
            models.Index(fields=["status", "created_by"]),
            # The export of every approved one, read in order of id a batch at a time
            # (chronology/export_reads.in_batches): without it each batch sorted them all.
            models.Index(fields=["status", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.quote} → {self.entity}"


class DismissedSuggestion(models.Model):
    """An editor said "not this" to a gazetteer suggestion in one article: the same text
    is no longer suggested as that entity there."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="dismissed_suggestions"
    )
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="+")
    normalised = models.CharField(max_length=3 * NAME_MAX_LENGTH)  # as Alias.normalised
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "entity", "normalised"], name="dismissal_unique"
            ),
        ]


def validate_edtf(value: str) -> None:
    try:
        validate(value)
    except ValueError as error:
        raise ValidationError(str(error)) from None


class EventType(models.Model):
    """What happened, from a taxonomy seeded with the 16 top-level categories of the
    PLOVER political event ontology and a few subtypes diplomacy news needs. Editors
    extend it in admin."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=500, blank=True)
    colour = models.CharField(
        max_length=7,
        default="#6b6b78",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour like #1f5fbf.")],
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label(self.name, self.parent.name if self.parent_id else None)

    @staticmethod
    def label(name: str, parent_name: str | None) -> str:
        """How a type is named to people: "Category › Subtype", or the category alone."""
        return f"{parent_name} › {name}" if parent_name is not None else name

    def clean(self) -> None:
        # Two levels: a top-level category and its subtypes (the form's groups).
        if self.parent_id and (self.parent_id == self.pk or self.parent.parent_id):
            raise ValidationError({"parent": "Choose a top-level category as the parent."})


EVENT_NOTES_MAX_LENGTH = 2000


class Event(AnchoredWork):
    """Something that happened, as an article reports it: an evidence passage (the span),
    a type, a headline in the editor's words, a date with honest precision, and
    participants.

    ``date`` is EDTF ("2024-06-20", "2024-07", "2024-07-11/2024-07-20", "2024-06-13~");
    ``date_lower``/``date_upper`` are its bounds, derived on save, for sorting and
    filtering. ``date_text`` is the phrase the date came from, and ``date_start``/
    ``date_end`` its position in the body, when it came from the text.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    event_type = models.ForeignKey(
        EventType, on_delete=models.PROTECT, related_name="events", verbose_name="type"
    )
    headline = models.CharField(max_length=300)
    notes = models.TextField(blank=True, validators=[MaxLengthValidator(EVENT_NOTES_MAX_LENGTH)])
    date = models.CharField("date (EDTF)", max_length=60, blank=True, validators=[validate_edtf])
    date_lower = models.DateField(null=True, blank=True, editable=False)
    date_upper = models.DateField(null=True, blank=True, editable=False)
    date_text = models.CharField(max_length=200, blank=True)
    date_start = models.PositiveIntegerField(null=True, blank=True)
    date_end = models.PositiveIntegerField(null=True, blank=True)
    location = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="events_here"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date_lower", "date_upper", "id"]
        permissions = [
            ("review_event", "Can approve, reject and reopen events"),
            ("change_others_event", "Can edit and delete other people's events"),
        ]
        constraints = [
            placed_or_orphan("event_start_before_end"),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True) | Q(date_start__lt=F("date_end")),
                name="event_date_span_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "start"]),
            # a chronology's annotations.jsonld finds its pages' events here
            models.Index(fields=["status", "article", "start"]),
            models.Index(fields=["date_lower", "date_upper"]),
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["status", "article", "created_by"]),
            models.Index(fields=["status", "created_by"]),
            models.Index(fields=["status", "id"]),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs):
        self.date_lower, self.date_upper = bounds(self.date) if self.date else (None, None)
        if kwargs.get("update_fields") is not None and "date" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "date_lower", "date_upper"}
        super().save(*args, **kwargs)

    @property
    def date_display(self) -> str:
        return display(self.date) if self.date else "date unknown"

    @property
    def sort_key(self):
        return event_sort_key(self.date, self.pk)


def event_sort_key(edtf: str, pk: int | None) -> tuple:
    """Events in date order, undated ones last; then by id."""
    return sort_key(edtf, pk or 0) if edtf else (date.max, 0, date.max, pk or 0)


class Participant(models.Model):
    class Role(models.TextChoices):
        ACTOR = "actor", "Actor"
        TARGET = "target", "Target"
        OTHER = "other", "Other"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=10, choices=Role, default=Role.ACTOR)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "entity", "role"], name="participant_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity} ({self.get_role_display()})"


class Reanchoring(models.Model):
    """Where one correction of an article took one mention or event: the offsets before
    and after (none after, for an orphan), the rule that placed it and the outcome, and
    for an event the date phrase's offsets too. ``object_id`` is no foreign key, so that
    a deleted item's history still reads it."""

    class Kind(models.TextChoices):
        MENTION = "mention", "Mention"
        EVENT = "event", "Event"

    class Rule(models.TextChoices):  # annotations.anchoring.Rule
        POSITION = "position", "position held"
        DIFF = "diff", "moved with the text around it"
        QUOTE = "quote", "found by its words and context"
        FUZZY = "fuzzy", "found by similar words"
        ORPHAN = "orphan", "not found"

    class Outcome(models.TextChoices):  # annotations.anchoring.Status
        OK = "ok", "On its words"
        NEEDS_CHECK = "needs-check", "Re-anchored, please check"
        ORPHAN = "orphan", "Orphan: its words are gone"

    revision = models.ForeignKey(
        "articles.ArticleRevision", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    object_id = models.PositiveBigIntegerField()
    rule = models.CharField(max_length=10, choices=Rule)
    outcome = models.CharField(max_length=12, choices=Outcome)
    old_start = models.PositiveIntegerField()
    old_end = models.PositiveIntegerField()
    new_start = models.PositiveIntegerField(null=True, blank=True)
    new_end = models.PositiveIntegerField(null=True, blank=True)
    old_quote = models.TextField()
    new_quote = models.TextField(blank=True)  # "" for an orphan
    old_date_start = models.PositiveIntegerField(null=True, blank=True)
    old_date_end = models.PositiveIntegerField(null=True, blank=True)
    new_date_start = models.PositiveIntegerField(null=True, blank=True)
    new_date_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["revision", "kind", "object_id"]
        indexes = [models.Index(fields=["kind", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(outcome="orphan", new_start__isnull=True, new_end__isnull=True)
                    | (
                        ~Q(outcome="orphan")
                        & Q(new_start__isnull=False, new_end__isnull=False)
                        & Q(new_start__lt=F("new_end"))
                    )
                ),
                name="reanchoring_orphan_has_no_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.rule} in revision {self.revision_id}"


class NamesVersion(models.Model):
    """A counter bumped after every committed change to an entity's name or aliases, so
    each process knows when to rebuild its gazetteer (see known_names.gazetteer)."""

    counter = models.PositiveBigIntegerField(default=0)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("counter", flat=True).first() or 0

    @classmethod
    def bump(cls, **kwargs) -> None:
        def bump_after_commit():
            if not cls.objects.filter(pk=1).update(counter=F("counter") + 1):
                cls.objects.get_or_create(pk=1, defaults={"counter": 1})

        transaction.on_commit(bump_after_commit)


class TextVersion(models.Model):
    """A token for what the workspace shows of an article's text: its body, its mentions
    (with their entities' names and kinds), its events' passages and the taggers' open
    suggestions. Database triggers (text_triggers) give it a new random value in the
    same transaction as every write to any of these, whoever makes it: a service, the
    admin, a cascade or a bulk update. The workspace keys its cached text by it
    (rendered_text). An article with no row has not changed since it was imported.

    Never written by the app. The article is a plain id, not a foreign key, so that the
    triggers may write it while the article itself is being deleted; the article's own
    delete trigger then removes the row."""

    article_id = models.BigIntegerField(primary_key=True)
    token = models.BigIntegerField()

    @classmethod
    def of(cls, article_id: int) -> int | None:
        return cls.objects.filter(pk=article_id).values_list("token", flat=True).first()


# Pre-annotations from external taggers live in their own module.
from curation.annotations.suggested import SuggestedEvent, SuggestedMention  # noqa: E402, F401

"""Entities (canonical records with aliases) and their mentions in articles."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from curation.annotations.gazetteer import normalise_alias
from curation.articles.models import Article

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
    name = models.CharField("canonical name", max_length=300)
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
    text = models.CharField(max_length=300)
    normalised = models.CharField(max_length=300, editable=False)
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


class Mention(models.Model):
    """A span of an article's body that names an entity.

    Offsets are code points into ``article.body``, end exclusive; ``quote`` is
    body[start:end] as the server computed it, and ``prefix``/``suffix`` the 32
    characters either side, so the mention can be re-anchored if the body changes.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start", "-end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(start__lt=F("end")), name="mention_start_before_end"
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end", "entity"],
                name="mention_unique_span_entity",
                violation_error_message="This text is already marked as this entity.",
            ),
        ]
        indexes = [models.Index(fields=["article", "start"])]

    def __str__(self) -> str:
        return f"{self.quote} → {self.entity}"


class DismissedSuggestion(models.Model):
    """An editor said "not this" to a gazetteer suggestion in one article: the same text
    is no longer suggested as that entity there."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="dismissed_suggestions"
    )
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="+")
    normalised = models.CharField(max_length=300)
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

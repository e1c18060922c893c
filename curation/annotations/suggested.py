"""Mentions and events suggested by an external tagger (spaCy, an in-house NER service)
through the API: pre-annotations an editor accepts or dismisses in the workspace.

A suggestion is not a Mention or an Event: it appears in no review queue, count or
export, and its tagger is not its author. It is anchored as the workspace anchors a
selection (offsets into the body, the server's quote and context). ``origin`` names
the tagger ("spacy-3.8 en_core_web_lg") and is shown with it. Accepting one creates
the mention or event through the usual services, as a draft by the editor who
accepted it (``created``); dismissing one keeps it, dismissed, so that the tagger
sending it again doesn't bring it back.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from curation.annotations.models import (
    NAME_MAX_LENGTH,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    validate_edtf,
)
from curation.articles.models import Article

ORIGIN_MAX_LENGTH = 200


class Decision(models.TextChoices):
    OPEN = "open", "Waiting for an editor"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"


class Suggested(models.Model):
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    origin = models.CharField(max_length=ORIGIN_MAX_LENGTH)
    decision = models.CharField(max_length=10, choices=Decision, default=Decision.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account whose API token sent it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class SuggestedMention(Suggested):
    """A name the tagger found: as an entity the desk knows (``entity``), or as a name
    and kind (an entity of that name is looked up, or made, when it is accepted)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="suggested_mentions"
    )
    entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    kind = models.ForeignKey(
        EntityKind, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(max_length=40, blank=True, help_text="The tagger's own label: ORG.")
    # What it suggests, for sending the same suggestion twice: "entity:12", or
    # "name:<kind>:<normalised name>".
    target = models.CharField(max_length=4 * NAME_MAX_LENGTH, editable=False)
    mention = models.ForeignKey(
        Mention, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["article", "start", "-end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(start__lt=F("end")),
                name="suggested_mention_start_before_end",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end", "origin", "target"],
                name="suggested_mention_once",
            ),
        ]
        indexes = [models.Index(fields=["article", "decision"])]

    def __str__(self) -> str:
        return f"{self.quote} → {self.entity or self.name} ({self.origin})"

    @property
    def kind_slug(self) -> str:
        kind = self.entity.kind if self.entity_id else self.kind
        return kind.slug if kind else "other"

    @property
    def target_label(self) -> str:
        """What it would mark the text as: "Hezbollah (Group)", or a name to look up."""
        if self.entity_id:
            return f"{self.entity.name} ({self.entity.kind.name})"
        return f"{self.name} ({self.kind.name if self.kind else 'Other'})"

    @property
    def label_in_text(self) -> str:
        return f"{self.target_label}, suggested by {self.origin}"


class SuggestedEvent(Suggested):
    """An event the tagger found: its evidence, type, headline, date and the entities
    taking part (``taking_part``: (entity id, role) pairs)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggested_events")
    event_type = models.ForeignKey(EventType, on_delete=models.PROTECT, related_name="+")
    headline = models.CharField(max_length=300)
    date = models.CharField(max_length=60, blank=True, validators=[validate_edtf])
    location = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The entities taking part, as "id:role" pairs: "12:actor 15:target". Plain text, so
    # that nothing asks the database for JSON support (a check that connects to it).
    participants = models.TextField(blank=True)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["article", "start", "-end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(start__lt=F("end")),
                name="suggested_event_start_before_end",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end", "origin", "event_type", "headline"],
                name="suggested_event_once",
            ),
        ]
        indexes = [models.Index(fields=["article", "decision"])]

    def __str__(self) -> str:
        return f"{self.headline} ({self.origin})"

    @property
    def taking_part(self) -> list[tuple[int, str]]:
        return [
            (int(entity_id), role)
            for entity_id, role in (pair.split(":", 1) for pair in self.participants.split())
        ]

    @staticmethod
    def participants_text(pairs) -> str:
        return " ".join(f"{entity_id}:{role}" for entity_id, role in pairs)

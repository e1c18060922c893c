from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

SOURCE_NOTES_MAX_LENGTH = 2000


class Source(models.Model):
    """A news outlet articles come from."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(blank=True)
    notes = models.TextField(max_length=SOURCE_NOTES_MAX_LENGTH, blank=True)
    active = models.BooleanField(
        default=True, help_text="Inactive sources are kept for old articles but not offered."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def linkable(url: str) -> str:
    """``url`` if it is safe to link to (http or https), else ""."""
    return url if url.startswith(("https://", "http://")) else ""


class Article(models.Model):
    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        MARKDOWN = "markdown", "Markdown"
        HTML = "html", "HTML"
        JSONL = "jsonl", "JSON Lines"

    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    # The limits of the text an editor can change; importing.limits.TEXT_LIMITS keeps to them.
    title = models.CharField(max_length=500)
    kicker = models.CharField(max_length=200, blank=True)
    standfirst = models.TextField(max_length=600, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_on = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    body = models.TextField(help_text="The clean text that gets annotated. Offsets point into it.")
    raw_text = models.TextField(help_text="Exactly what was imported.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    format = models.CharField(max_length=10, choices=Format)
    date_detected = models.BooleanField(
        default=True, help_text="False when the importer found no publication date."
    )
    date_from_dateline = models.BooleanField(
        default=False,
        help_text="The date was read from a dateline or an “Updated” stamp: check it.",
    )
    title_derived = models.BooleanField(
        default=False, help_text="True when the title was made from the first sentence."
    )
    import_notes = models.TextField(blank=True, help_text="What the importer warned about.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    # The body and raw text never change through metadata edits, so history skips them.
    history = HistoricalRecords(excluded_fields=["body", "raw_text"])

    class Meta:
        ordering = ["-imported_at", "-id"]
        permissions = [
            ("correct_article", "Can correct an article's text (its annotations follow it)"),
        ]
        indexes = [
            models.Index(fields=["published_on"]),
            models.Index(fields=["-imported_at", "-id"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    @property
    def web_url(self) -> str:
        """The URL if it is safe to link to (http or https), else ""."""
        return linkable(self.url)

    @property
    def needs_date(self) -> bool:
        return self.published_on is None


REVISION_REASON_MAX_LENGTH = 500
IMPORTED = "imported"  # the reason of every revision 1


class ArticleRevision(models.Model):
    """One version of an article's body: number 1 is the imported text, each correction
    adds the next (``articles.corrections``). ``Article.body`` is always the text of the
    highest number; past ones stay readable here."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty for the command line.",
    )
    reason = models.CharField(max_length=REVISION_REASON_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"],
                name="article_revision_number_unique",
                violation_error_message="That revision number is taken.",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="article_revision_number_1_up"),
            models.CheckConstraint(condition=~Q(reason=""), name="article_revision_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} revision {self.number}"

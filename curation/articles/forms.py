from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from curation.articles.models import REVISION_REASON_MAX_LENGTH, Article, Source
from curation.articles.services import is_in_the_future
from curation.articles.templatetags.dates import edtf


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        # Empty files get the importer's own message, per file, in the preview.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return super().clean(data, initial) if self.required else []
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


def active_sources():
    return Source.objects.filter(active=True).order_by("name")


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose options can be loaded once and shared by many forms on one
    page (the import preview has a form per article). Once loaded, neither showing the
    options nor checking a choice runs a query."""

    loaded: dict[str, object] | None = None

    def load(self, objects: list) -> None:
        self.loaded = {str(obj.pk): obj for obj in objects}
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        self.choices = empty + [(obj.pk, self.label_from_instance(obj)) for obj in objects]

    def to_python(self, value):
        if self.loaded is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return self.loaded[str(getattr(value, "pk", value))]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class TextLimitsStated:
    """Each text field says how long it may be, and says so again, plainly, when it is longer."""

    def state_text_limits(self) -> None:
        for name, field in self.fields.items():
            limit = getattr(field, "max_length", None)
            if not isinstance(field, forms.CharField) or not limit:
                continue
            stated = f"At most {limit:,} characters."
            field.help_text = f"{field.help_text} {stated}" if field.help_text else stated
            label = str(field.label or name)
            what = label if label.isupper() else label[:1].lower() + label[1:]
            field.error_messages["max_length"] = (
                f"The {what} can have at most {limit:,} characters; this has "
                "%(show_value)s. Shorten it."
            )


class FutureDateConfirmed:
    """A publication date in the future is accepted only once the editor confirms it.

    When the date (posted, or the initial one) is after today and was not accepted
    before, the form gets a ``confirm_future_date`` checkbox right after the date, and
    refuses to validate until it is ticked.
    """

    date_field = "published_on"
    confirm_field = "confirm_future_date"
    accepted_date: date | None = None  # a date confirmed before is not questioned again

    def ask_about_a_future_date(self) -> None:
        day = self._date_shown()
        if not is_in_the_future(day) or day == self.accepted_date:
            return
        confirm = forms.BooleanField(
            required=False,
            label=f"Yes, {edtf(day)} is right",
            help_text="This publication date is in the future. Tick this if it is right; "
            "otherwise correct the date.",
        )
        fields = {}
        for name, field in self.fields.items():
            fields[name] = field
            if name == self.date_field:
                fields[self.confirm_field] = confirm
        self.fields = fields

    def _date_shown(self) -> date | None:
        value = self[self.date_field].value()
        if isinstance(value, date) or value is None:
            return value
        try:
            return self.fields[self.date_field].to_python(value)
        except ValidationError:
            return None

    def check_future_date(self, cleaned: dict) -> None:
        day = cleaned.get(self.date_field)
        if self.confirm_field in self.fields and is_in_the_future(day):
            if not cleaned.get(self.confirm_field):
                self.add_error(
                    self.date_field,
                    f"{edtf(day)} is in the future. Correct the date, or tick "
                    f"“Yes, {edtf(day)} is right” if it is.",
                )


class ImportForm(forms.Form):
    MAX_FILES = 50
    MAX_TOTAL_BYTES = 20 * 1024 * 1024

    text = forms.CharField(
        label="Paste an article",
        required=False,
        strip=False,
        widget=forms.Textarea(
            attrs={"rows": 10, "placeholder": "Title on the first line, then the article text."}
        ),
    )
    files = MultipleFileField(
        label="…or upload files",
        required=False,
        help_text=".txt, .md, .html or .jsonl; up to 50 at a time.",
        widget=MultipleFileInput(attrs={"accept": ".txt,.md,.markdown,.html,.htm,.jsonl"}),
    )
    source = forms.ModelChoiceField(
        queryset=active_sources(),
        required=False,
        empty_label="Detect from the text",
        help_text="Leave empty to use the outlet named in the text, if the desk knows it.",
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or "").strip() and not cleaned.get("files"):
            raise ValidationError("Paste an article or choose at least one file.")
        files = cleaned.get("files") or []
        if len(files) > self.MAX_FILES:
            raise ValidationError(
                f"That is {len(files)} files; the limit here is {self.MAX_FILES}. Upload them "
                f"{self.MAX_FILES} at a time, or ask an admin to import the whole folder with "
                "the import_articles command."
            )
        if sum(file.size for file in files) > self.MAX_TOTAL_BYTES:
            raise ValidationError(
                "Those files add up to more than 20 MB. Upload fewer at a time, or ask an "
                "admin to import them with the import_articles command."
            )
        return cleaned


class PreviewItemForm(TextLimitsStated, FutureDateConfirmed, forms.Form):
    """One previewed article: its signed parse result and the metadata an editor may fix."""

    payload = forms.CharField(widget=forms.HiddenInput)
    where = forms.CharField(widget=forms.HiddenInput, required=False)
    include = forms.BooleanField(required=False, initial=True, label="Import this article")
    title = forms.CharField(max_length=Article._meta.get_field("title").max_length)
    published_on = forms.DateField(
        required=False,
        label="Publication date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Needed to resolve dates like “last Thursday” in the text.",
    )
    source = LoadedModelChoiceField(
        queryset=active_sources(), required=False, empty_label="Unknown"
    )
    byline = forms.CharField(
        max_length=Article._meta.get_field("byline").max_length, required=False
    )

    APPLY_AS_NEW, APPLY_AS_CORRECTION = "new", "correction"

    def __init__(
        self,
        *args,
        sources: list[Source] | None = None,
        earlier_version: Article | None = None,
        may_correct: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if sources is not None:
            self.fields["source"].load(sources)
        self.state_text_limits()
        self.ask_about_a_future_date()
        posted = self.is_bound and self.data.get(self.add_prefix("correction_of"))
        if (earlier_version is not None and may_correct) or posted:
            self._offer_correction(earlier_version)

    def _offer_correction(self, earlier: Article | None) -> None:
        """The choice to apply this text as a correction of an article it looks like an
        updated version of (same URL, or same source and title)."""
        which = f"article #{earlier.pk}, “{earlier.title}”" if earlier else "the earlier version"
        self.fields["correction_of"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=earlier.pk if earlier else None
        )
        self.fields["apply_as"] = forms.ChoiceField(
            label="An earlier version is in the desk",
            choices=[
                (self.APPLY_AS_CORRECTION, f"Apply as a correction of {which}"),
                (self.APPLY_AS_NEW, "Import as a new article"),
            ],
            initial=self.APPLY_AS_CORRECTION,
            widget=forms.RadioSelect,
            help_text="A correction replaces that article's text (its title, date and "
            "source stay as they are) and keeps its annotations on their words.",
        )
        self.fields["correction_reason"] = forms.CharField(
            label="Reason for the correction",
            max_length=REVISION_REASON_MAX_LENGTH,
            required=False,
            initial="An updated version, imported",
        )

    @property
    def is_correction(self) -> bool:
        return (
            "apply_as" in self.fields
            and self.cleaned_data.get("apply_as") == self.APPLY_AS_CORRECTION
        )

    def clean(self):
        cleaned = super().clean()
        self.check_future_date(cleaned)
        if "apply_as" in self.fields and cleaned.get("apply_as") == self.APPLY_AS_CORRECTION:
            if not cleaned.get("correction_of"):
                self.add_error("apply_as", "Which article this corrects was lost: start over.")
            if not " ".join((cleaned.get("correction_reason") or "").split()):
                self.add_error(
                    "correction_reason", "Say why the text is corrected: it is kept with it."
                )
        return cleaned


class SourceAdminForm(TextLimitsStated, forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "slug", "homepage", "notes", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.state_text_limits()


class ArticleMetadataForm(TextLimitsStated, FutureDateConfirmed, forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "kicker", "standfirst", "byline", "source", "published_on", "url"]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "standfirst": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"published_on": "Publication date", "url": "URL"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.source_id
        self.fields["source"].queryset = Source.objects.filter(active=True) | Source.objects.filter(
            pk=current
        )
        self.state_text_limits()
        self.accepted_date = self.instance.published_on
        self.ask_about_a_future_date()

    def clean(self):
        cleaned = super().clean()
        self.check_future_date(cleaned)
        return cleaned


class ArticleCorrectionForm(forms.Form):
    """A correction of an article's text: the whole new text, why, and the revision the
    editor started from (a correction made meanwhile by someone else is not overwritten)."""

    body = forms.CharField(
        label="Text",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "cols": 100}),
        help_text="The whole article text, paragraphs separated by a blank line. Marked "
        "words that are still there keep their marks; the rest are flagged.",
    )
    reason = forms.CharField(
        max_length=REVISION_REASON_MAX_LENGTH,
        help_text="What was corrected and why (“typo in a name”, “updated by the outlet”).",
    )
    expected_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

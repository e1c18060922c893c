from django import forms
from django.core.exceptions import ValidationError

from curation.articles.models import Article, Source


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
                f"That is {len(files)} files; the limit here is {self.MAX_FILES}. Import a "
                "folder of files with `python manage.py import_articles FOLDER` instead."
            )
        if sum(file.size for file in files) > self.MAX_TOTAL_BYTES:
            raise ValidationError(
                "Those files add up to more than 20 MB. Upload fewer at a time, or import "
                "them with `python manage.py import_articles FOLDER`."
            )
        return cleaned


class PreviewItemForm(forms.Form):
    """One previewed article: its signed parse result and the metadata an editor may fix."""

    payload = forms.CharField(widget=forms.HiddenInput)
    where = forms.CharField(widget=forms.HiddenInput, required=False)
    include = forms.BooleanField(required=False, initial=True, label="Import this article")
    title = forms.CharField(max_length=500)
    published_on = forms.DateField(
        required=False,
        label="Publication date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Needed to resolve dates like “last Thursday” in the text.",
    )
    source = forms.ModelChoiceField(
        queryset=active_sources(), required=False, empty_label="Unknown"
    )
    byline = forms.CharField(max_length=500, required=False)


class ArticleMetadataForm(forms.ModelForm):
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

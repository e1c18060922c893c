from django import forms

from curation.annotations.models import Entity, EntityKind, EventType
from curation.temporal import parse_date_input


class SpanForm(forms.Form):
    """Offsets into the article body (code points, end exclusive) and the text the
    browser believes is there."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    quote = forms.CharField(required=False, strip=False)


class MentionCreateForm(SpanForm):
    """Either an existing entity (``entity``), the first match for ``q`` (Enter in the
    search box), or a new entity (``create`` with ``name`` and ``kind``)."""

    entity = forms.ModelChoiceField(queryset=Entity.objects.all(), required=False)
    q = forms.CharField(required=False)
    create = forms.BooleanField(required=False)
    name = forms.CharField(max_length=300, required=False)
    kind = forms.ModelChoiceField(queryset=EntityKind.objects.all(), required=False)
    suggest = forms.BooleanField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("create"):
            if not (cleaned.get("name") or "").strip():
                self.add_error("name", "Give the new entity a name.")
            if not cleaned.get("kind"):
                self.add_error("kind", "Choose what kind of entity it is.")
        elif not cleaned.get("entity") and not (cleaned.get("q") or "").strip():
            raise forms.ValidationError("Choose an entity, or create a new one.")
        return cleaned


class RelinkForm(forms.Form):
    entity = forms.ModelChoiceField(queryset=Entity.objects.all(), required=False)
    q = forms.CharField(required=False)
    suggest = forms.BooleanField(required=False)


class SuggestionForm(SpanForm):
    entity = forms.ModelChoiceField(queryset=Entity.objects.all())
    suggest = forms.BooleanField(required=False)


class AliasForm(forms.Form):
    text = forms.CharField(label="New alias", max_length=300)


class EntityForm(forms.ModelForm):
    class Meta:
        model = Entity
        fields = ["name", "kind", "description", "wikidata_id"]


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Entity.objects.select_related("kind"),
        label="Merge into",
        help_text="This entity keeps its name; the one you are on becomes its alias.",
    )


class EventForm(forms.Form):
    """The event side form. The date takes EDTF ("2024-07") or words ("mid-July 2024",
    "last Thursday"), read against the article's publication date."""

    headline = forms.CharField(
        max_length=300,
        help_text="One line, in your own words.",
        widget=forms.TextInput(attrs={"placeholder": "Israel and US cancel Iran talks"}),
    )
    event_type = forms.CharField(
        label="Type",
        max_length=200,
        help_text="Start typing: meeting, visit, cancelled, strike, agree…",
        widget=forms.TextInput(
            attrs={"list": "event-types", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    date = forms.CharField(
        max_length=60,
        required=False,
        help_text="EDTF (2024-07, 2024-07-11/2024-07-20) or words (mid-July 2024).",
    )
    date_text = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    date_start = forms.IntegerField(
        required=False, min_value=0, max_value=2**31, widget=forms.HiddenInput
    )
    date_end = forms.IntegerField(
        required=False, min_value=1, max_value=2**31, widget=forms.HiddenInput
    )
    location = forms.ModelChoiceField(
        queryset=Entity.objects.none(), required=False, empty_label="None"
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, article, event_types, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.event_types = event_types
        self.fields["location"].queryset = Entity.objects.filter(pk__in=[p.pk for p in places])
        self.fields["location"].choices = [("", "None"), *((p.pk, p.name) for p in places)]

    def clean_event_type(self) -> EventType:
        """The type whose full label ("REJECT › meeting cancelled or postponed"), own name,
        slug or id was typed, ignoring case, when exactly one fits."""
        typed = " ".join(self.cleaned_data["event_type"].split()).casefold()
        for attribute in (str, lambda t: t.name, lambda t: t.slug, lambda t: str(t.pk)):
            fits = [t for t in self.event_types if attribute(t).casefold() == typed]
            if len(fits) == 1:
                return fits[0]
        raise forms.ValidationError(
            f"No single event type is called “{self.cleaned_data['event_type']}”. Pick one "
            "from the list that appears as you type."
        )

    def clean_date(self) -> str:
        text = self.cleaned_data["date"].strip()
        if not text:
            return ""
        value = parse_date_input(text, self.article.published_on)
        if value is None:
            if self.article.published_on is None:
                raise forms.ValidationError(
                    f"“{text}” needs the article's publication date, which is missing. "
                    "Add it on the article page, or enter the date itself (2024-06-20)."
                )
            raise forms.ValidationError(
                f"Can't read “{text}” as a date. Try 2024-06-20, 2024-07, "
                "mid-July 2024 or last Thursday."
            )
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_start"), cleaned.get("date_end")
        if (start is None) != (end is None) or (start is not None and start >= end):
            cleaned["date_start"] = cleaned["date_end"] = None
        return cleaned

from django import forms

from curation.annotations.models import (
    EVENT_NOTES_MAX_LENGTH,
    Entity,
    EntityKind,
    Event,
    EventType,
)
from curation.temporal import DateInputError, NeedsReference, read_date_input

LARGEST_ID = 2**63 - 1


class ModelIdsField(forms.ModelMultipleChoiceField):
    """Several objects by id. An id past the database's integers is no choice, refused
    before the query (SQLite would raise OverflowError on it)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if text.isascii() and text.isdigit() and (len(text) > 19 or int(text) > LARGEST_ID):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text[:20]},
                )
        return super()._check_values(value)


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
    # The editor saw that the name is already another entity's, and went on.
    confirmed = forms.BooleanField(required=False)

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
    confirmed = forms.BooleanField(required=False)


class SuggestionForm(SpanForm):
    entity = forms.ModelChoiceField(queryset=Entity.objects.all())
    suggest = forms.BooleanField(required=False)


class SuggestionDismissForm(SpanForm):
    """The editor's "Not this": the entity a text was suggested as, or each of them when
    it names several."""

    entity = ModelIdsField(queryset=Entity.objects.all())


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


HEADLINE_MAX_LENGTH = Event._meta.get_field("headline").max_length
GARBLED = dict.fromkeys(
    ("invalid", "max_length", "min_value", "max_value"),
    "The form came back with the date's place in the text garbled. Close it, select the "
    "passage again and press v.",
)


class EventForm(forms.Form):
    """The event side form. The date takes EDTF ("2024-07") or words ("mid-July 2024",
    "last Thursday"), read against the article's publication date."""

    headline = forms.CharField(
        max_length=HEADLINE_MAX_LENGTH,
        help_text=f"One line, in your own words: up to {HEADLINE_MAX_LENGTH} characters.",
        error_messages={
            "max_length": f"A headline is one line of up to {HEADLINE_MAX_LENGTH} characters; "
            "this one has %(show_value)s. Shorten it, and put the detail in the notes."
        },
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
        error_messages={
            "max_length": "A date is at most 60 characters; this one has %(show_value)s. "
            "Type it as 2024-07-11, 2024-07 or a few words (mid-July 2024)."
        },
    )
    # Where the date was found in the text: filled in by the desk, checked by the save.
    date_text = forms.CharField(
        max_length=200, required=False, widget=forms.HiddenInput, error_messages=GARBLED
    )
    date_start = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=2**31,
        widget=forms.HiddenInput,
        error_messages=GARBLED,
    )
    date_end = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=2**31,
        widget=forms.HiddenInput,
        error_messages=GARBLED,
    )
    location = forms.ModelChoiceField(
        queryset=Entity.objects.none(), required=False, empty_label="None"
    )
    notes = forms.CharField(
        required=False,
        max_length=EVENT_NOTES_MAX_LENGTH,
        help_text=f"Optional: up to {EVENT_NOTES_MAX_LENGTH:,} characters.",
        error_messages={
            "max_length": f"Notes are up to {EVENT_NOTES_MAX_LENGTH:,} characters; these have "
            "%(show_value)s. Shorten them, or keep the longer text outside the desk."
        },
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, article, event_types, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.event_types = event_types
        self.fields["location"].queryset = places  # read when shown, or to check a choice

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
        """The EDTF value; the message from curation.temporal when it can't be stored
        faithfully (it says what to write instead)."""
        text = self.cleaned_data["date"].strip()
        if not text:
            return ""
        try:
            return read_date_input(text, self.article.published_on)
        except NeedsReference:
            raise forms.ValidationError(
                f"“{text}” needs the article's publication date, which is missing. "
                "Add it on the article page, or enter the date itself (2024-06-20)."
            ) from None
        except DateInputError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_start"), cleaned.get("date_end")
        if (start is None) != (end is None) or (start is not None and start >= end):
            cleaned["date_start"] = cleaned["date_end"] = None
        return cleaned

    def hidden_field_errors(self) -> list[str]:
        """The errors of the fields the desk fills in, each once: the editor doesn't see
        those fields, so the form shows these at its top."""
        return list(dict.fromkeys(e for field in self.hidden_fields() for e in field.errors))

"""The curators' forms: an entry's details, where to publish it, and a chronology."""

from __future__ import annotations

from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce

from curation.annotations.forms import ModelIdsField
from curation.annotations.models import EventType
from curation.chronology.models import DESCRIPTION_MAX_LENGTH, Chronology, Entry
from curation.temporal import DateInputError, NeedsReference, read_date_input

HEADLINE_MAX_LENGTH = Entry._meta.get_field("headline").max_length


def event_types_in_order():
    """Each category followed by its subtypes, as in the workspace's event form."""
    return EventType.objects.select_related("parent").order_by(
        Coalesce("parent__name", "name"), F("parent").asc(nulls_first=True), "name"
    )


class EntryForm(forms.Form):
    """An entry's headline, type, date and description. The date takes EDTF or words
    ("mid-July 2024"); relative words ("last week") have no article to be read against."""

    headline = forms.CharField(
        max_length=HEADLINE_MAX_LENGTH,
        help_text=f"One line: up to {HEADLINE_MAX_LENGTH} characters.",
        error_messages={
            "required": "Give the entry a one-line headline.",
            "max_length": f"A headline is one line of up to {HEADLINE_MAX_LENGTH} characters; "
            "this one has %(show_value)s. Shorten it, and put the detail in the description.",
        },
    )
    event_type = forms.ModelChoiceField(
        label="Type",
        queryset=EventType.objects.none(),
        error_messages={"invalid_choice": "Choose the entry's type from the list."},
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
    description = forms.CharField(
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=f"Optional: up to {DESCRIPTION_MAX_LENGTH:,} characters.",
        error_messages={
            "max_length": f"A description is up to {DESCRIPTION_MAX_LENGTH:,} characters; this "
            "one has %(show_value)s. Shorten it."
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event_type"].queryset = event_types_in_order()

    def clean_date(self) -> str:
        text = self.cleaned_data["date"].strip()
        if not text:
            return ""
        try:
            return read_date_input(text, None)
        except NeedsReference:
            raise forms.ValidationError(
                f"“{text}” depends on the day it was written, and an entry has no article "
                "to read it against. Enter the date itself (2024-06-20, 2024-06, mid-June "
                "2024)."
            ) from None
        except DateInputError as error:
            raise forms.ValidationError(str(error)) from None


class PublishForm(forms.Form):
    chronologies = ModelIdsField(
        queryset=Chronology.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose the chronology (or chronologies) to publish it in.",
            "invalid_choice": "One of the chronologies chosen no longer exists. Reload the "
            "page and choose again.",
            "invalid_pk_value": "The chronologies came back garbled. Reload the page and "
            "choose again.",
        },
    )


class ChronologyForm(forms.ModelForm):
    class Meta:
        model = Chronology
        fields = ["title", "slug", "description", "is_public"]
        help_texts = {
            "slug": "Its address: /c/<slug>/. Letters, digits and hyphens.",
        }
        error_messages = {
            "title": {"required": "Give the chronology a title."},
            "slug": {
                "required": "Give the chronology an address (its slug), such as iran-talks.",
                "unique": "Another chronology already has this address. Choose another slug.",
                "invalid": "A slug has only letters, digits, hyphens and underscores, such "
                "as iran-talks-2024.",
            },
        }

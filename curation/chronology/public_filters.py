"""The public chronology page's filters: an entity, a type and a date range, read from
the URL (?entity=12&type=3&from=2024-06-01&to=2024-07-31), so a filtered page can be
shared and works without JavaScript. Each wrong value gets a message that says which
filter and what to write instead."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django import forms

from curation.annotations.models import Entity, EventType

DATE_FORMAT = "%Y-%m-%d"


def _date_field(label: str, which: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
        error_messages={
            "invalid": (
                f"The {which} date isn't a date we can read. Pick it from the calendar, "
                "or write it as year-month-day, like 2024-06-20."
            )
        },
    )


class EntryFilterForm(forms.Form):
    entity = forms.TypedChoiceField(
        label="Entity",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": "No entity in this chronology is number %(value)s. "
            "Choose one from the list, or “All entities”."
        },
    )
    type = forms.TypedChoiceField(
        label="Type",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": "No type in this chronology is number %(value)s. "
            "Choose one from the list, or “All types”."
        },
    )

    def __init__(
        self,
        data,
        *,
        entities: Iterable[Entity],
        event_types: Iterable[EventType],
    ) -> None:
        super().__init__(data)
        # "from" and "to" are the URL's words; "from" can't be a Python attribute.
        self.fields["from"] = _date_field("From", "“from”")
        self.fields["to"] = _date_field("To", "“to”")
        self.fields["entity"].choices = [("", "All entities")] + [
            (entity.pk, f"{entity.name} ({entity.kind.name.lower()})") for entity in entities
        ]
        self.fields["type"].choices = [("", "All types")] + [
            (kind.pk, str(kind)) for kind in event_types
        ]

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("from"), cleaned.get("to")
        if first and last and last < first:
            self.add_error(
                "to",
                f"The “to” date ({last:%Y-%m-%d}) is before the “from” date "
                f"({first:%Y-%m-%d}). Swap them, or clear one.",
            )
        return cleaned

    @property
    def date_from(self) -> date | None:
        return self.cleaned_data.get("from")

    @property
    def date_to(self) -> date | None:
        return self.cleaned_data.get("to")

    @property
    def is_filtered(self) -> bool:
        return any(self.cleaned_data.get(name) for name in ("entity", "type", "from", "to"))

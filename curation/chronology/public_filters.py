"""The public chronology page's filters: an entity, a type and a date range, read from
the URL (?entity=12&type=3&from=2024-06-01&to=2024-07-31), so a filtered page can be
shared and works without JavaScript. Each wrong value gets a message that says which
filter and what to write instead."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache

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


BIGGEST_ID = 2**63 - 1  # of a BigAutoField; a bigger number would be a database error


class EntityField(forms.TypedChoiceField):
    """The entity filter: its choices are every entity of the chronology, drawn in the
    form; a value is checked by asking about that one entity (``takes_part``), so a list
    fetched by htmx never reads them all."""

    takes_part: Callable[[int], bool] = staticmethod(lambda pk: False)

    def valid_value(self, value) -> bool:
        try:
            pk = int(value)
        except (TypeError, ValueError):
            return False
        return 0 < pk <= BIGGEST_ID and self.takes_part(pk)


class EntryFilterForm(forms.Form):
    entity = EntityField(
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
        entities: Callable[[], Iterable[Entity]],
        takes_part: Callable[[int], bool],
        event_types: Callable[[], Iterable[EventType]],
    ) -> None:
        """``entities`` and ``event_types`` read the choices when they are first needed:
        to draw the form, or (the types) to check a value given for that filter; an
        entity given is checked with ``takes_part``. A list fetched by htmx draws no
        form, so it reads no choices unless it is filtered by type."""
        super().__init__(data)
        self.fields["entity"].takes_part = takes_part
        # "from" and "to" are the URL's words; "from" can't be a Python attribute.
        self.fields["from"] = _date_field("From", "“from”")
        self.fields["to"] = _date_field("To", "“to”")

        @cache
        def entity_choices():
            return [("", "All entities")] + [
                (entity.pk, f"{entity.name} ({entity.kind.name.lower()})") for entity in entities()
            ]

        @cache
        def type_choices():
            return [("", "All types")] + [(kind.pk, str(kind)) for kind in event_types()]

        self.fields["entity"].choices = entity_choices
        self.fields["type"].choices = type_choices

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

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


ALL_ENTITIES = "All entities"


def entity_label(entity: Entity) -> str:
    """An entity as the filter lists it: "White House (organisation)"."""
    return f"{entity.name} ({entity.kind.name.lower()})"


BIGGEST_ID = 2**63 - 1  # of a BigAutoField; a bigger number would be a database error


class EntityField(forms.TypedChoiceField):
    """The entity filter. A value is checked by asking about that one entity
    (``takes_part``), never by reading every entity of the chronology."""

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
        takes_part: Callable[[int], bool],
        entity_named: Callable[[int], Entity | None],
        event_types: Callable[[], Iterable[EventType]],
        entity_options_url: str,
    ) -> None:
        """The entity list can be long (every entity of every published entry: reading
        it is most of a long chronology's page), so the form draws only “All entities”
        and the entity chosen (``entity_named``), and the page fetches the rest from
        ``entity_options_url`` once it has loaded. An entity given is checked with
        ``takes_part``. The types, a short list, are read when first needed: to draw
        the form, or to check a type given."""
        super().__init__(data)
        entity = self.fields["entity"]
        entity.takes_part = takes_part
        entity.widget.attrs.update(
            {
                "hx-get": entity_options_url,
                "hx-trigger": "load",
                "hx-target": "this",
                "hx-swap": "innerHTML",
                "hx-push-url": "false",  # (the form's requests go in the history, not this)
            }
        )
        # "from" and "to" are the URL's words; "from" can't be a Python attribute.
        self.fields["from"] = _date_field("From", "“from”")
        self.fields["to"] = _date_field("To", "“to”")

        @cache
        def entity_choices():
            chosen = getattr(self, "cleaned_data", {}).get("entity")
            found = entity_named(chosen) if chosen else None
            return [("", ALL_ENTITIES)] + ([(found.pk, entity_label(found))] if found else [])

        @cache
        def type_choices():
            return [("", "All types")] + [(kind.pk, str(kind)) for kind in event_types()]

        entity.choices = entity_choices
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

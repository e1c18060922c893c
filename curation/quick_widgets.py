"""Form widgets written in Python, for the filter forms above the long lists (articles,
entities, the review queue), which every page of them draws.

Django draws a widget through a template (and a template per option of a menu): the
review queue's menus list up to 200 articles, and a template per option was a third of
its page's time; the four fields of the article list's form took 2 ms of every page.
These write the same HTML (tests/test_quick_widgets.py compares them with Django's),
every value and label escaped."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A menu; its choices flat (no groups)."""

    def use_required_attribute(self, initial) -> bool:
        # Django's asks the first choice (reading a model choice's query) before it
        # looks whether the field is required at all: none of the filters is.
        return self.is_required and super().use_required_attribute(initial)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(option))}"'
            f"{' selected' if str(option) in chosen else ''}>{escape(str(label))}</option>"
            for option, label in self.choices
        )
        attributes = self.build_attrs(self.attrs, attrs) | {"name": name}
        # the options: every value and label escaped above
        return format_html("<select{}>{}</select>", flatatt(attributes), mark_safe(options))  # noqa: S308


class QuickInput(forms.TextInput):
    """A one-line field (``attrs={"type": "search"}`` makes it a search box)."""

    def render(self, name, value, attrs=None, renderer=None):
        attributes = {"type": self.input_type, "name": name}
        if (shown := self.format_value(value)) is not None:
            attributes["value"] = shown
        attributes |= self.build_attrs(self.attrs, attrs)
        return format_html("<input{}>", flatatt(attributes))

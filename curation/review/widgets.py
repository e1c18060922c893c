from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A <select> built in Python, every value and label escaped, rather than with a
    template per option: the queue's filters list every article and person with work
    waiting (thousands of options), and a template per option was a third of the
    page's time, and format_html per option a fifth of what was left."""

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

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A <select> built in Python, every value and label escaped by format_html, rather
    than with a template per option: the queue's filters list every article and person
    with work waiting, and a template per option was a third of the page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(option), " selected" if str(option) in chosen else "", label)
                for option, label in self.choices
            ),
        )
        attributes = self.build_attrs(self.attrs, attrs) | {"name": name}
        return format_html("<select{}>{}</select>", flatatt(attributes), options)

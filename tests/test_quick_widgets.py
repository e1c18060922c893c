"""The filter forms' widgets (curation/quick_widgets.py) write what Django's write."""

import pytest
from django import forms
from django.test.html import parse_html

from curation.articles.filters import ArticleFilter
from curation.quick_widgets import QuickInput, QuickSelect
from tests.factories import SourceFactory


def unread():
    """Choices that must not be read (a callable: Django reads them when asked)."""
    raise AssertionError("the choices were read")


def test_an_optional_menu_is_not_required_without_reading_its_choices():
    menu = QuickSelect(choices=unread)
    menu.is_required = False
    assert menu.use_required_attribute(None) is False


CHOICES = [("", "All"), ("1", '<b>One</b> & "two"'), ("2", "Two")]


@pytest.mark.parametrize("value", [None, "", "1", "2", "9"])
def test_a_menu_is_djangos_menu(value):
    attrs = {"id": "id_article", "aria-invalid": "true"}
    quick = QuickSelect(choices=CHOICES).render("article", value, attrs=attrs)
    django = forms.Select(choices=CHOICES).render("article", value, attrs=attrs)
    assert parse_html(quick) == parse_html(django)
    assert "&lt;b&gt;One&lt;/b&gt; &amp; &quot;two&quot;" in quick


@pytest.mark.parametrize("value", [None, "", "Hezbollah", '<script>"x"</script> & y'])
@pytest.mark.parametrize("kind", ["text", "search"])
def test_a_field_is_djangos_field(value, kind):
    options = {"type": kind, "placeholder": "Words <in> the title"}
    attrs = {"id": "id_q", "required": True, "disabled": False}
    quick = QuickInput(attrs=dict(options)).render("q", value, attrs=attrs)
    django = forms.TextInput(attrs=dict(options)).render("q", value, attrs=attrs)
    assert parse_html(quick) == parse_html(django)
    assert "<script>" not in quick


@pytest.mark.django_db
def test_the_article_lists_form_is_what_djangos_widgets_draw(monkeypatch):
    SourceFactory(name="<i>Wire</i>")
    data = {"q": "talks <b>", "source": "", "date": "needs", "annotation": ""}
    quick = ArticleFilter(data=data).form.as_div()
    for field in ArticleFilter(data=data).form.fields.values():
        assert isinstance(field.widget, QuickSelect | QuickInput)
    monkeypatch.setattr(QuickSelect, "render", forms.Select.render)
    monkeypatch.setattr(QuickInput, "render", forms.TextInput.render)
    assert parse_html(ArticleFilter(data=data).form.as_div()) == parse_html(quick)

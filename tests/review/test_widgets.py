"""The queue's filter menus (curation/review/widgets.py)."""

from curation.review.widgets import QuickSelect


def unread():
    """Choices that must not be read (a callable: Django reads them when asked)."""
    raise AssertionError("the choices were read")


def test_an_optional_menu_is_not_required_without_reading_its_choices():
    menu = QuickSelect(choices=unread)
    menu.is_required = False
    assert menu.use_required_attribute(None) is False


def test_menus_show_their_choices_escaped_with_the_chosen_one_selected():
    menu = QuickSelect(choices=[("", "All"), ("1", "<b>One</b>"), ("2", "Two")])
    html = menu.render("article", "1", attrs={"id": "id_article"})
    assert html.startswith('<select id="id_article" name="article">')
    assert '<option value="1" selected>&lt;b&gt;One&lt;/b&gt;</option>' in html
    assert '<option value="2">Two</option>' in html

"""The event types' colours as a stylesheet (/event-types.css): one `.type-<id>` rule a
type, its own colour or its category's, revalidated by ETag, and nothing but a colour the
model allows ever reaches it, so an admin-typed value can't end the rule and style the
page (the Content-Security-Policy allows no inline styles, so this is where colours
come from)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from curation.annotations.models import EventType
from curation.annotations.views.event_types import DEFAULT_COLOUR

pytestmark = pytest.mark.django_db

URL = "/event-types.css"


def rules(css: str) -> dict[str, str]:
    """Each type's id and the colour its rule gives, checking every line is one rule."""
    found = {}
    for line in css.splitlines():
        match = re.fullmatch(r"\.type-(\d+) \{ --type: (#[0-9a-fA-F]{6}); \}", line)
        assert match, f"not a type rule: {line!r}"
        found[int(match[1])] = match[2]
    return found


def test_it_is_linked_from_every_page_the_login_page_included():
    assert reverse("annotations:event-type-styles") == URL
    html = Client().get("/accounts/login/").content.decode()
    assert f'<link rel="stylesheet" href="{URL}">' in html


def test_each_type_has_its_colour_or_its_categorys_and_the_browser_revalidates():
    client = Client()  # colours are no secret
    category = EventType.objects.create(slug="talks", name="Talks", colour="#1f5fbf")
    own = EventType.objects.create(slug="summit", name="Summit", colour="#aa3300", parent=category)
    css = client.get(URL)
    assert css["Content-Type"].startswith("text/css")
    assert "no-cache" in css["Cache-Control"]
    colours = rules(css.text)
    assert set(colours) == set(EventType.objects.values_list("pk", flat=True))
    assert colours[category.pk] == "#1f5fbf" and colours[own.pk] == "#aa3300"
    assert client.get(URL, HTTP_IF_NONE_MATCH=css["ETag"]).status_code == 304

    EventType.objects.filter(pk=own.pk).update(colour="#123456")  # an admin's edit
    changed = client.get(URL, HTTP_IF_NONE_MATCH=css["ETag"])
    assert changed.status_code == 200
    assert rules(changed.text)[own.pk] == "#123456"


@pytest.mark.parametrize(
    "hostile",  # seven characters at most: the column's length
    [
        "red}*{}",
        "#f;}a{b",
        "</style",
        "#12}<i>",
        "#abc",  # short hex: the model's validator refuses it too
        "#12345g",
        "#12345\n",
        "",
    ],
)
def test_a_colour_the_model_would_refuse_never_reaches_the_stylesheet(hostile):
    category = EventType.objects.create(slug="talks", name="Talks", colour="#1f5fbf")
    # .update() skips the validators, as a raw write to the database would.
    stray = EventType.objects.create(slug="stray", name="Stray", parent=category)
    EventType.objects.filter(pk=stray.pk).update(colour=hostile)
    orphan = EventType.objects.create(slug="orphan", name="Orphan")
    EventType.objects.filter(pk=orphan.pk).update(colour=hostile)
    css = Client().get(URL).text
    colours = rules(css)  # every line is still one well-formed rule
    assert colours[stray.pk] == "#1f5fbf"  # its category's colour instead
    assert colours[orphan.pk] == DEFAULT_COLOUR
    if hostile:
        assert hostile not in css

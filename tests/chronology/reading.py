"""Reading the public pages as a browser would, for the tests: the HTML parsed with lxml,
elements found by class, their text with the whitespace squeezed, a CSS custom property
that a stylesheet gives an element's classes, a timeline place from its classes, and the
page's JSON-LD."""

from __future__ import annotations

import json
import re

import lxml.html


def parse(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.content.decode())


def with_class(tree, name: str, tag: str = "*") -> list:
    """The elements under ``tree`` (itself included) whose class list has ``name``."""
    return tree.xpath(
        f"descendant-or-self::{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    )


def one(tree, name: str, tag: str = "*"):
    found = with_class(tree, name, tag)
    assert len(found) == 1, f"{len(found)} elements of class {name!r}"
    return found[0]


def text(element) -> str:
    return " ".join(element.text_content().split())


def texts(tree, name: str, tag: str = "*") -> list[str]:
    return [text(element) for element in with_class(tree, name, tag)]


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def class_rules(css: str) -> dict[str, dict[str, str]]:
    """A stylesheet's one-class rules (``.name { --prop: value; }``): the properties of
    each class."""
    rules: dict[str, dict[str, str]] = {}
    for name, body in re.findall(r"^\.([-\w]+)\s*\{([^}]*)\}", css, flags=re.MULTILINE):
        for prop, value in re.findall(r"([-\w]+)\s*:\s*([^;]+)", body):
            rules.setdefault(name, {})[prop] = value.strip()
    return rules


def css_value(element, prop: str, rules: dict[str, dict[str, str]]) -> str:
    """``prop`` as the ``rules`` (``class_rules``) give it to the element's classes."""
    found = [rules[name][prop] for name in classes(element) if prop in rules.get(name, {})]
    assert len(found) == 1, f"{prop} from {classes(element)}: {found}"
    return found[0]


def percent(element, name: str) -> float:
    """A timeline place (``left``, ``width``) from the element's classes:
    ``left-73 left-hundredths-68`` is 73.68 (chronology/timeline_classes.py)."""
    names = classes(element)
    (whole,) = [int(c.rsplit("-", 1)[1]) for c in names if re.fullmatch(rf"{name}-\d+", c)]
    (rest,) = [
        int(c.rsplit("-", 1)[1]) for c in names if re.fullmatch(rf"{name}-hundredths-\d+", c)
    ]
    return whole + rest / 100


def jsonld(tree) -> dict:
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    return json.loads(scripts[0].text)


def entries(tree) -> list:
    """The entries listed, in the page's order."""
    return with_class(tree, "entry", "article")


def headlines(tree) -> list[str]:
    return texts(tree, "entry-headline")

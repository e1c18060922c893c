"""Reading the public pages as a browser would, for the tests: the HTML parsed with lxml,
elements found by class, their text with the whitespace squeezed, a CSS custom property
from a style attribute, and the page's JSON-LD."""

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


def style_value(element, prop: str) -> str:
    found = re.search(rf"{re.escape(prop)}:\s*([^;]+)", element.get("style") or "")
    assert found, f"no {prop} in {element.get('style')!r}"
    return found.group(1).strip()


def percent(element, prop: str) -> float:
    return float(style_value(element, prop).rstrip("%"))


def jsonld(tree) -> dict:
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    return json.loads(scripts[0].text)


def entries(tree) -> list:
    """The entries listed, in the page's order."""
    return with_class(tree, "entry", "article")


def headlines(tree) -> list[str]:
    return texts(tree, "entry-headline")

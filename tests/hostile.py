"""Hostile text for the fields people type or import: script, event handlers, htmx
attributes, javascript: URLs, tag and attribute breakers, and template syntax.

Every payload that would make the browser fetch something points at its own address on
HOSTILE_ORIGIN, a local port nothing listens on, so a test sees any request it caused
(``is_hostile_request``) and which field and payload caused it.
"""

from __future__ import annotations

from html.parser import HTMLParser

HOSTILE_ORIGIN = "http://127.0.0.1:9"  # the discard port: nothing answers there
TEMPLATE_SYNTAX = "{{ 7*7 }}"

_PAYLOADS = [
    "<script>alert(1);fetch('{url}')</script>",
    "<img src={url} onerror=alert(1)>",
    "<svg onload=alert(1)><image href='{url}'/></svg>",
    "javascript:alert(1)//{url}",
    '"><script>alert(1)</script><img src="{url}">',
    "' onmouseover='alert(1)' data-hostile='{url}",
    '" onfocus="alert(1)" autofocus data-hostile="{url}',
    '<div hx-get="{url}" hx-trigger="load">htmx load</div>',
    '<a hx-post="{url}" hx-trigger="load, click">htmx post</a>',
    "<iframe src='{url}'></iframe><link rel=stylesheet href='{url}'>",
    "</textarea><img src='{url}' onerror=alert(1)>",
    "</title><img src='{url}' onerror=alert(1)>",
    "</script><script>alert(1)</script><style>@import '{url}';</style>",
    TEMPLATE_SYNTAX + " {% debug %} ${7*7} #{7*7} <%= 7*7 %>",
]


def payloads(field: str) -> list[str]:
    """Each payload with its own address under /<field>/<number>."""
    return [p.replace("{url}", f"{HOSTILE_ORIGIN}/{field}/{n}") for n, p in enumerate(_PAYLOADS)]


def hostile(field: str, *, limit: int | None = None) -> str:
    """All the payloads for one field, in one string (cut to ``limit`` characters for a
    field with a maximum length; the template syntax comes first, so it survives)."""
    text = " ".join([payloads(field)[-1], *payloads(field)[:-1]])
    return text[:limit] if limit else text


def is_hostile_request(url: str) -> bool:
    return url.startswith(HOSTILE_ORIGIN)


# In the page: the elements that payload markup built or armed, or [] when there are
# none. The desk's own attributes may hold user text (a title, a value, data-quote):
# that is escaped text, not markup. What must never appear is an event handler, a
# javascript: URL, a script that calls alert (or a JSON one that no longer parses), or
# an address attribute (src, href, an
# hx- verb...) that points at the hostile origin.
FIND_INJECTED_ELEMENTS = """
(origin) => {
  const addressAttributes = new Set(["src", "href", "action", "formaction", "data", "poster",
    "srcset", "hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete", "data-hx-get",
    "data-hx-post", "hx-trigger", "xlink:href"]);
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith("on")
          || (addressAttributes.has(name) && value.includes(origin))
          || (["href", "src", "action", "formaction"].includes(name)
              && /^\\s*javascript:/i.test(value))) {
        found.push(`<${element.tagName.toLowerCase()} ${name}="${value.slice(0, 80)}">`);
      }
    }
    if (element.tagName === "SCRIPT") {
      const type = (element.type || "").toLowerCase();
      if (type.endsWith("json")) {
        // Data, not code (JSON-LD): it holds the payloads as JSON strings, whole.
        try { JSON.parse(element.textContent); } catch (error) {
          found.push(`<script type=${type}> that is not JSON: ${error}`);
        }
      } else if (element.textContent.includes("alert(1)")) {
        found.push(`<script>${element.textContent.slice(0, 80)}`);
      }
    }
    if (["IFRAME", "OBJECT", "EMBED"].includes(element.tagName)) {
      found.push(`<${element.tagName.toLowerCase()}>`);
    }
  }
  return found;
}
"""

# Text of the page that holds payload text but sits outside every [hx-disable] container:
# htmx would process it if it ever became markup. A form field's own value (a textarea,
# an option) and a script's data are not markup htmx reads, so they are left out.
NOT_MARKUP = ("textarea", "option", "script", "style", "title", "template")
FIND_USER_TEXT_OUTSIDE_HX_DISABLE = """
([marker, scope]) => {
  const outside = [];
  const root = document.querySelector(scope);
  if (!root) return outside;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (node.textContent.includes(marker) && !parent.closest("[hx-disable]")
        && !parent.closest("textarea, option, script, style, title, template")) {
      outside.push(parent.tagName + ": " + node.textContent.trim().slice(0, 60));
    }
  }
  return outside;
}
"""

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip


class _TextOutsideHxDisable(HTMLParser):
    """The server-side twin of FIND_USER_TEXT_OUTSIDE_HX_DISABLE, for HTML as sent."""

    def __init__(self, marker: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.open: list[tuple[str, bool]] = []  # (tag, has hx-disable)
        self.outside: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in _VOID:
            self.open.append((tag, any(name == "hx-disable" for name, _ in attrs)))

    def handle_endtag(self, tag) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data) -> None:
        if self.marker not in data or any(disabled for _, disabled in self.open):
            return
        if any(tag in NOT_MARKUP for tag, _ in self.open):
            return
        where = " > ".join(tag for tag, _ in self.open[-3:])
        self.outside.append(f"{where}: {data.strip()[:60]}")


def user_text_outside_hx_disable(html: str, marker: str) -> list[str]:
    """Each text of ``html`` holding ``marker`` that no element with hx-disable holds."""
    parser = _TextOutsideHxDisable(marker)
    parser.feed(html)
    parser.close()
    return parser.outside

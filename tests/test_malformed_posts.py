"""Every URL pattern of the desk and its API, sent hostile POST bodies by the person who
may do everything (every role, staff) with a valid CSRF token: malformed, oversized and
mistyped bodies, with and without HTMX's headers. No answer may be a 500, and a refusal
must say what was wrong.

The patterns come from the URL resolver, walked through every include. Each path
parameter is filled from a table of the parameters this crawler knows
(``PARAMETER_VALUES``, and ``PK_OF`` for the ambiguous ``pk``): a new pattern whose
parameter or converter it doesn't know fails ``test_every_url_pattern_can_be_filled``, so
no URL escapes the crawl unnoticed.

Left out, on purpose:
- ``admin:*``: Django's own admin (tests/test_permission_matrix.py checks who gets in);
- ``api-v1:openapi-json`` and ``api-v1:openapi-view``: ninja's GET-only documentation.

What counts as a right answer (``problems_with``):
- never 5xx;
- 400, 403, 404, 409, 413, 415 and 422 carry a message: visible text in the page or
  fragment (a 403 refusal says why), or for /api/ a JSON ``{"error": {"message": …}}``;
- 405 (a read-only page posted to) carries an ``Allow`` header naming what it takes;
- 200 only where a form is shown again with the errors in it (``FORMS_SHOWN_AGAIN``), or
  where the address reads no body at all (``TAKES_NO_INPUT``: the body cannot be wrong);
- 204, 3xx only for ``TAKES_NO_INPUT`` (what they do needs no fields) and for ``login``
  (a login form shown again is a 200; Django's own).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, SlugConverter, StringConverter
from django.urls.resolvers import RegexPattern, RoutePattern

from curation import roles
from curation.annotations.models import Alias, EntityKind, Event, EventType
from curation.annotations.suggested import SuggestedEvent, SuggestedMention
from curation.api.tokens import token_create
from curation.chronology.models import Chronology, Entry, EntryEvent
from curation.review.urls import WorkKind
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

LEFT_OUT = {"api-v1:openapi-json", "api-v1:openapi-view"}  # and the admin: namespace
KNOWN_CONVERTERS = (IntConverter, SlugConverter, StringConverter, WorkKind)
# Regex patterns (no parameters to fill): the address each is crawled at.
REGEX_ADDRESSES = {"^api/v1/": "/api/v1/no-such-address"}


# --- the patterns --------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    name: str  # with its namespace; "" for an unnamed pattern
    namespace: str
    route: str  # the whole route, includes joined
    converters: dict  # parameter name -> converter instance
    is_regex: bool

    @property
    def is_api(self) -> bool:
        return self.route.startswith(("api/v1/", "^api/v1/"))


def all_patterns() -> Iterator[Pattern]:
    def walk(patterns, prefix: str, namespace: str | None, converters: dict):
        for pattern in patterns:
            inner_converters = {**converters, **getattr(pattern.pattern, "converters", {})}
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner, inner_converters
                )
            elif isinstance(pattern, URLPattern):
                name = pattern.name or ""
                full = f"{namespace}:{name}" if namespace and name else name
                yield Pattern(
                    name=full,
                    namespace=namespace or "",
                    route=prefix + str(pattern.pattern),
                    converters=inner_converters,
                    is_regex=isinstance(pattern.pattern, RegexPattern)
                    and not isinstance(pattern.pattern, RoutePattern),
                )

    for pattern in walk(get_resolver().url_patterns, "", None, {}):
        if pattern.namespace.split(":")[0] == "admin" or pattern.name in LEFT_OUT:
            continue
        yield pattern


# --- the world the parameters are filled from ------------------------------------------------


@pytest.fixture
def world(db):
    """Someone with every role and staff ("boss"), an annotator's work for the boss to
    review, and one of everything a URL names."""
    boss = UserFactory(username="boss", is_staff=True)
    boss.groups.add(
        *Group.objects.filter(
            name__in=[roles.ANNOTATOR, roles.REVIEWER, roles.CURATOR, roles.ADMIN]
        )
    )
    author = UserFactory(username="author", role=roles.ANNOTATOR)
    body = "Israel and Iran met in Vienna on 20 June 2024. Iran spoke. Israel left."
    article = ArticleFactory(body=body)
    entity = EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="place"))
    alias = Alias.objects.create(entity=entity, text="Jerusalem")
    meeting = EventType.objects.get(slug="consult-meeting")
    span = {"article": article, "start": 0, "end": 6, "quote": "Israel", "created_by": author}

    def event(status: str, **fields) -> Event:
        return Event.objects.create(
            **span, event_type=meeting, headline="Talks", status=status, **fields
        )

    draft_mention = MentionFactory(article=article, entity=entity, created_by=author)
    submitted_mention = MentionFactory(
        article=article,
        entity=entity,
        created_by=author,
        status="submitted",
        quote_text="Iran",
    )
    draft_event, submitted_event = event("draft"), event("submitted")
    waiting, published_event = event("approved", date="2024-06-20"), event("approved")
    public = Chronology.objects.create(title="Iran talks", slug="iran-talks", is_public=True)
    private = Chronology.objects.create(title="Notes", slug="notes", is_public=False)
    draft_entry = Entry.objects.create(
        headline="Draft", event_type=meeting, date="2024-06-21", slug="draft"
    )
    published = Entry.objects.create(
        headline="Published",
        event_type=meeting,
        date="2024-06-20",
        slug="published",
        status=Entry.Status.PUBLISHED,
    )
    EntryEvent.objects.create(entry=published, event=published_event)
    published.chronologies.add(public)
    tagged = {"article": article, "start": 0, "end": 6, "quote": "Israel", "origin": "tagger"}
    token, _ = token_create(user=boss, name="crawler", created_by=boss)
    return {
        "boss": boss,
        "article": article.pk,
        "entity": entity.pk,
        "alias": alias.pk,
        "mention": draft_mention.pk,
        "event": draft_event.pk,
        "submitted": {"mention": submitted_mention.pk, "event": submitted_event.pk},
        "waiting event": waiting.pk,
        "draft entry": draft_entry.pk,
        "published entry": published.pk,
        "public chronology": public.slug,
        "private chronology": private.pk,
        "tagged mention": SuggestedMention.objects.create(**tagged, entity=entity).pk,
        "tagged event": SuggestedEvent.objects.create(
            **tagged, event_type=meeting, headline="Met"
        ).pk,
        "token": token.pk,
        "event type": meeting.slug,
    }


# A parameter is filled by (URL name, parameter) first, then by the parameter alone; each
# gives the values to crawl (several: a review URL for a mention and for an event).
Fill = Callable[[dict, dict], list]  # (world, parameters filled so far) -> values

PARAMETER_VALUES: dict[str, Fill] = {
    "entity_id": lambda w, so_far: [w["entity"]],
    "alias_id": lambda w, so_far: [w["alias"]],
    "mention_id": lambda w, so_far: [w["mention"]],
    "event_id": lambda w, so_far: [w["event"]],
    "article_id": lambda w, so_far: [w["article"]],
    "number": lambda w, so_far: [1],
    "slug": lambda w, so_far: [w["public chronology"]],
    "kind": lambda w, so_far: ["mention", "event"],
}
BY_NAME: dict[tuple[str, str], Fill] = {
    ("annotations:tagged-mention", "tagged_id"): lambda w, so_far: [w["tagged mention"]],
    ("annotations:tagged-event", "tagged_id"): lambda w, so_far: [w["tagged event"]],
}
# ``pk`` means a different thing in each app: what it is, URL by URL (a prefix ending in
# ":" or "-" stands for every name it begins).
_ARTICLE: Fill = lambda w, so_far: [w["article"]]  # noqa: E731
PK_OF: dict[str, Fill] = {
    "articles:": _ARTICLE,
    "annotations:": _ARTICLE,
    "chronology:article-annotations": _ARTICLE,
    "chronology:curate-create": lambda w, so_far: [w["waiting event"]],
    "chronology:curate-merge": lambda w, so_far: [w["waiting event"]],
    "chronology:curate-not-same": lambda w, so_far: [w["waiting event"]],
    "chronology:curate-entry-unpublish": lambda w, so_far: [w["published entry"]],
    "chronology:curate-entry": lambda w, so_far: [w["draft entry"], w["published entry"]],
    "chronology:curate-entry-": lambda w, so_far: [w["draft entry"]],
    "chronology:curate-chronology-edit": lambda w, so_far: [w["private chronology"]],
    "review:": lambda w, so_far: [w["submitted"][so_far["kind"]]],
}


def filler(pattern: Pattern, parameter: str) -> Fill | None:
    if (pattern.name, parameter) in BY_NAME:
        return BY_NAME[(pattern.name, parameter)]
    if parameter != "pk":
        return PARAMETER_VALUES.get(parameter)
    if pattern.name in PK_OF:
        return PK_OF[pattern.name]
    prefixes = [p for p in PK_OF if p.endswith((":", "-")) and pattern.name.startswith(p)]
    return PK_OF[max(prefixes, key=len)] if prefixes else None


def unfillable(pattern: Pattern) -> list[str]:
    """What the crawler doesn't know about this pattern, if anything."""
    if pattern.is_regex:
        return [] if pattern.route in REGEX_ADDRESSES else [f"regex {pattern.route!r}"]
    wrong = []
    for parameter, converter in pattern.converters.items():
        if not isinstance(converter, KNOWN_CONVERTERS):
            wrong.append(f"converter {type(converter).__name__} of <{parameter}>")
        if filler(pattern, parameter) is None:
            wrong.append(f"parameter <{parameter}>")
    return wrong


PARAMETER = r"<(?:[^>:]+:)?([^>]+)>"  # <int:pk> or <pk>


def addresses(pattern: Pattern, world: dict) -> list[str]:
    if pattern.is_regex:
        return [REGEX_ADDRESSES[pattern.route]]
    parameters = re.findall(PARAMETER, pattern.route)
    fillings = [{}]
    for parameter in parameters:  # in the order of the route: "kind" before "pk"
        fill = filler(pattern, parameter)
        fillings = [{**so_far, parameter: v} for so_far in fillings for v in fill(world, so_far)]
    found = []
    for filled in fillings:
        address = re.sub(PARAMETER, lambda m, filled=filled: str(filled[m.group(1)]), pattern.route)
        found.append("/" + address)
    return found


def test_every_url_pattern_can_be_filled():
    wrong = {p.name or p.route: unfillable(p) for p in all_patterns() if unfillable(p)}
    assert not wrong, (
        "URL patterns the hostile-POST crawler cannot fill: teach PARAMETER_VALUES, BY_NAME "
        f"or PK_OF about them: {wrong}"
    )


# --- the bodies ----------------------------------------------------------------------------

# Every field name the desk's forms and views read (forms.py, request.POST.get).
NUMBER_FIELDS = [
    "start", "end", "entity", "kind", "version", "survivor", "token", "expected_revision",
    "chronologies", "participant", "location", "date_start", "date_end", "page", "with",
    "other", "into", "source", "correction_of", "number", "id",
]  # fmt: skip
TEXT_FIELDS = [
    "quote", "q", "name", "text", "reason", "headline", "notes", "description", "date",
    "date_text", "title", "slug", "byline", "kicker", "standfirst", "body", "wikidata_id",
    "url", "event_type", "payload", "where", "correction_reason", "username", "password",
]  # fmt: skip
CHOICE_FIELDS = ["state", "action", "apply_as", "role", "item", "include", "create", "is_public",
                 "suggest", "confirmed", "published_on"]  # fmt: skip
THREE_MB = 3 * 1024 * 1024
HUGE_NUMBER = "9" * 5000  # more digits than Python's int() takes from a string


@dataclass(frozen=True)
class Body:
    label: str
    data: Callable[[dict], object]  # world -> a dict (encoded as a form) or bytes
    content_type: str | None = None  # None: Django's multipart form


def _form(**values) -> Callable[[dict], dict]:
    return lambda w: {
        key: (value(w) if callable(value) else value) for key, value in values.items()
    }


def _valid_text(w) -> dict:
    return {
        "quote": "Israel", "headline": "Talks", "event_type": w["event type"],
        "reason": "Because", "name": "Name", "text": "Text", "title": "Title", "slug": "slug",
        "date": "2024-06-20", "body": "Body text.",
    }  # fmt: skip


FORM_BODIES = [
    Body("text where numbers go", lambda w: {f: "abc" for f in NUMBER_FIELDS} | _valid_text(w)),
    Body(
        "unknown choices",
        lambda w: (
            {
                "state": "flying",
                "action": "explode",
                "kind": "dragon",
                "apply_as": "maybe",
                "role": "god",
                "item": "dragon:1",
                "include": "perhaps",
                "event_type": "no-such-type",
                "date": "the 45th of Smarch",
                "published_on": "2024-13-45",
                "url": "javascript:x",
                "wikidata_id": "not-a-qid",
                "slug": "no spaces/allowed",
                "chronologies": "notes",
            }
            | {f: "1" for f in ("start", "version")}
        ),
    ),  # fmt: skip
    Body(
        "negative and out of range",
        lambda w: (
            {
                "start": -5,
                "end": 10**40,
                "version": -1,
                "entity": 2**64,
                "survivor": 2**63,
                "token": -1,
                "expected_revision": 0,
                "date_start": -1,
                "date_end": 2**40,
                "item": f"mention:{10**30}",
                "participant": 2**70,
                "chronologies": 2**64,
                "page": -1,
                "location": -3,
                "with": 2**65,
                "other": -1,
                "into": 2**64,
                "correction_of": 2**64,
                "source": -1,
            }
            | _valid_text(w)
        ),
    ),  # fmt: skip
    Body(
        "end before start",
        lambda w: (
            {
                "start": 20,
                "end": 3,
                "entity": w["entity"],
                "date_start": 9,
                "date_end": 2,
                "version": 1,
                "survivor": w["entity"],
                "expected_revision": 1,
            }
            | _valid_text(w)
        ),
    ),  # fmt: skip
    Body("missing fields", lambda w: {}),
    Body(
        "100 kB in every text field",
        lambda w: (
            {f: "x" * 100_000 for f in TEXT_FIELDS}
            | {"start": 0, "end": 6, "entity": w["entity"], "version": 1}
        ),
    ),  # fmt: skip
    Body(
        "3 MB field",
        lambda w: {
            "text": "word " * (THREE_MB // 5),
            "quote": "x" * THREE_MB,
            "start": 0,
            "end": THREE_MB,
        },
    ),  # fmt: skip
    Body("huge numbers", lambda w: {f: HUGE_NUMBER for f in NUMBER_FIELDS} | _valid_text(w)),
    Body(
        "NUL characters",
        lambda w: (
            {f: "a\x00b" for f in TEXT_FIELDS + CHOICE_FIELDS}
            | {"start": "0\x00", "end": "6", "entity": w["entity"], "version": 1}
        ),
    ),  # fmt: skip
    Body(
        "JSON to a form",
        lambda w: json.dumps({"start": 0, "end": "x", "quote": ["Israel"]}),
        "application/json",
    ),  # fmt: skip
    Body(
        "invalid UTF-8",
        lambda w: (
            b"start=\xff\xfe&end=6&quote=Isr\xc3\x28ael&reason=\xff"
            b"&headline=\xe2\x82&text=\xf0\x28\x8c\x28&name=\xff&q=\xfe"
        ),
        "application/x-www-form-urlencoded",
    ),  # fmt: skip
    Body(
        "multipart without boundary",
        lambda w: b"--x\r\nContent-Disposition: form-data\r\n",
        "multipart/form-data",
    ),  # fmt: skip
]

API_BODIES = [
    Body(
        "wrong types",
        lambda w: json.dumps(
            {
                "origin": 5,
                "items": "not a list",
                "to": 3,
                "start": "abc",
                "end": [],
                "entity": {},
                "articles": {"x": 1},
                "text": 7,
            }
        ),
        "application/json",
    ),  # fmt: skip
    Body(
        "items of wrong types",
        lambda w: json.dumps(
            {
                "origin": "t",
                "items": [
                    {
                        "start": "abc",
                        "end": None,
                        "entity": "x",
                        "type": 5,
                        "headline": [],
                        "participants": "x",
                    },
                    7,
                    None,
                ],
            }
        ),
        "application/json",
    ),  # fmt: skip
    Body("a list, not an object", lambda w: json.dumps([1, 2, 3]), "application/json"),
    Body(
        "unknown choices",
        lambda w: json.dumps(
            {
                "to": "flying",
                "origin": "t",
                "items": [
                    {
                        "start": 0,
                        "end": 6,
                        "entity": w["entity"],
                        "type": "no-such-type",
                        "headline": "h",
                        "participants": [{"entity": w["entity"], "role": "god"}],
                    }
                ],
                "version": 1,
                "format": "dragon",
            }
        ),
        "application/json",
    ),  # fmt: skip
    Body(
        "negative and out of range",
        lambda w: json.dumps(
            {
                "to": "submitted",
                "version": -1,
                "origin": "t",
                "items": [
                    {
                        "start": -5,
                        "end": 10**40,
                        "quote": "x",
                        "entity": 2**64,
                        "type": "x",
                        "headline": "h",
                        "location": 2**70,
                    },
                    {"start": 10**6, "end": 10**6 + 1, "quote": "x", "entity": w["entity"]},
                ],
            }
        ),
        "application/json",
    ),  # fmt: skip
    Body(
        "end before start",
        lambda w: json.dumps(
            {
                "to": "submitted",
                "version": 1,
                "origin": "t",
                "items": [
                    {
                        "start": 20,
                        "end": 3,
                        "quote": "Israel",
                        "entity": w["entity"],
                        "type": w["event type"],
                        "headline": "h",
                    }
                ],
            }
        ),
        "application/json",
    ),  # fmt: skip
    Body("missing fields", lambda w: json.dumps({}), "application/json"),
    Body(
        "3 MB field",
        lambda w: json.dumps(
            {
                "origin": "x" * THREE_MB,
                "items": [{"quote": "x" * 100, "headline": "x" * 100_000}],
                "to": "x" * 1000,
            }
        ),
        "application/json",
    ),
    Body(
        "huge numbers",
        lambda w: (
            '{"version": ' + HUGE_NUMBER + ', "to": "submitted", '
            '"origin": "t", "items": [{"start": 1e400, "end": '
            + HUGE_NUMBER
            + ', "entity": '
            + HUGE_NUMBER
            + "}]}"
        ),
        "application/json",
    ),  # fmt: skip
    Body(
        "NUL characters",
        lambda w: json.dumps(
            {
                "origin": "a\x00b",
                "to": "sub\x00mitted",
                "items": [
                    {
                        "start": 0,
                        "end": 6,
                        "quote": "Isr\x00ael",
                        "name": "a\x00",
                        "headline": "a\x00b",
                        "type": w["event type"],
                    }
                ],
            }
        ),
        "application/json",
    ),  # fmt: skip
    Body("form to JSON", lambda w: {"origin": "t", "start": "0", "to": "submitted"}),
    Body(
        "urlencoded to JSON", lambda w: "origin=t&to=submitted", "application/x-www-form-urlencoded"
    ),  # fmt: skip
    Body("broken JSON", lambda w: '{"origin": "t", "items": [', "application/json"),
    Body(
        "invalid UTF-8", lambda w: b'{"origin": "\xff\xfe", "to": "\xc3\x28"}', "application/json"
    ),  # fmt: skip
    Body(
        "JSON Lines of garbage",
        lambda w: b'{"title": 5}\n[\n\xff\n{"body": null}\n',
        "application/x-ndjson",
    ),  # fmt: skip
]

HTMX = {"HX-Request": "true", "HX-Current-URL": "http://testserver/", "HX-Target": "main"}


# --- what counts as a right answer --------------------------------------------------------

# Forms shown again with their errors at 200 (Django's login form does this).
FORMS_SHOWN_AGAIN = {"login"}
# Addresses that read nothing from the body: whatever is sent, they do their one thing.
TAKES_NO_INPUT = {
    "home": "redirects to the article list",
    "logout": "logs out (a redirect to the login page)",
    "annotations:drafts-submit": "submits the person's drafts in the article",
    "annotations:suggestions-accept-all": "accepts every suggestion shown",
    "annotations:alias-delete": "deletes the alias named in the address",
    "chronology:curate-create": "makes a draft entry of the event in the address",
}
# Bodies some addresses rightly take: the fields the address reads are valid in them
# (the hostile values sit in fields it doesn't read, or in ones it drops by design).
VALID_VERSION = {"unknown choices", "100 kB in every text field", "NUL characters",
                 "end before start"}  # fmt: skip
VALID_TEXT = {"text where numbers go", "negative and out of range", "end before start",
              "huge numbers", "invalid UTF-8"}  # fmt: skip
TAKEN: dict[str, tuple[set[str], str]] = {
    **{
        name: (VALID_VERSION, "reads only the version, valid in these bodies")
        for name in (
            "annotations:mention-delete",
            "annotations:event-delete",
            "review:approve",
            "chronology:curate-entry-confirm-date",
            "chronology:curate-entry-unpublish",
        )
    },  # fmt: skip
    "annotations:alias-add": (VALID_TEXT, "a valid alias text"),
    "api-tokens": (VALID_TEXT, "a valid token name (the revoke id is another form)"),
    "chronology:curate-chronology-new": (VALID_TEXT - {"invalid UTF-8"}, "valid title, slug"),
    "chronology:curate-chronology-edit": (VALID_TEXT - {"invalid UTF-8"}, "valid title, slug"),
    "annotations:mention-edit": (
        {"100 kB in every text field", "end before start"},
        "a valid entity id (the text fields are not read)",
    ),
    # EventForm.clean drops a garbled date position (date_start >= date_end) by design.
    "annotations:event-edit": ({"end before start"}, "valid headline, type and date"),
    "review:edit": (
        {"end before start", "100 kB in every text field"},
        "as event-edit; a 100 kB body is refused in the form, shown again at 200 by HTMX",
    ),
    "review:reject": ({"end before start"}, "a valid reason"),
    "articles:edit": ({"end before start"}, "a valid title; the rest is optional"),
    "articles:correct": ({"end before start"}, "a valid body, reason and revision"),
    "articles:import-preview": (
        {"100 kB in every text field", "3 MB field", "end before start", "invalid UTF-8"},
        "a pasted text: its preview, each article's problems shown in it",
    ),
}
# Saving an import with no article checked says so, and saves nothing.
NOTHING_TO_SAVE = "No article was checked for import."
MESSAGE_STATUSES = {400, 403, 404, 409, 413, 415, 422, 429}


def visible_text(content: bytes) -> str:
    html = content.decode("utf-8", "replace")
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"(?s)<[^>]*>", " ", html).split())


def warned(response) -> bool:
    """A redirect back to the page with a warning or an error for it (messages)."""
    return any(
        message.level >= messages.WARNING and message.message.strip()
        for message in get_messages(response.wsgi_request)
    )


def batch_problems(results: list[dict]) -> str | None:
    """The API's batch answers (imports, suggestions) are a 200 with an outcome per item:
    each refused item carries its message."""
    silent = [r["index"] for r in results if r["status"] == "failed" and not (
        (r.get("error") or {}).get("message") or "").strip()]  # fmt: skip
    return f"items {silent} failed without a message" if silent else None


def problems_with(pattern: Pattern, body: Body, response) -> str | None:
    status = response.status_code
    if status >= 500:
        return f"{status}"
    if status in MESSAGE_STATUSES:
        if pattern.is_api and response.get("Content-Type", "").startswith("application/json"):
            error = json.loads(response.content).get("error", {})
            return None if (error.get("message") or "").strip() else f"{status} without a message"
        if pattern.is_api:
            return f"{status} not in JSON: {response.get('Content-Type')}"
        if len(visible_text(response.content)) < 10:
            return f"{status} without a message: {response.content[:200]!r}"
        return None
    if status == 405:
        return None if response.get("Allow") else "405 without an Allow header"
    if pattern.name in TAKES_NO_INPUT and status in (200, 204, 302, 303):
        return None
    if pattern.name in TAKEN and body.label in TAKEN[pattern.name][0] and status < 400:
        return None
    if pattern.name == "articles:import-save" and status == 200:
        return None if NOTHING_TO_SAVE in response.content.decode() else "200: saved something?"
    if pattern.is_api and status == 200 and "results" in (answer := response.json()):
        return batch_problems(answer["results"])
    if status in (302, 303) and warned(response):
        return None
    if pattern.name in FORMS_SHOWN_AGAIN and status == 200:
        return None
    return f"{status} accepted a hostile body"


# --- the crawl -----------------------------------------------------------------------------


def boss_client(world) -> tuple[Client, str]:
    """A client that checks CSRF, logged in as the boss, and the CSRF token of a page."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(world["boss"])
    client.get("/articles/")
    return client, client.cookies["csrftoken"].value


def send(client: Client, address: str, body: Body | None, world: dict, headers: dict):
    """One POST, rolled back, so every request meets the same world."""
    kwargs = {}
    if body is not None:
        kwargs["data"] = body.data(world)
        if body.content_type:
            kwargs["content_type"] = body.content_type
    with transaction.atomic():
        response = client.post(address, headers=headers, **kwargs)
        transaction.set_rollback(True)
    return response


def test_no_hostile_body_gets_a_server_error_or_a_silent_refusal(world):
    """Each body goes to each address once, as a plain form post or as an HTMX request
    (alternating by body and address, so that every address and every body meets both)."""
    begun = time.monotonic()
    client, token = boss_client(world)
    wrong, sent = [], 0
    crawl = [(p, a) for p in all_patterns() for a in addresses(p, world)]
    for number, (pattern, address) in enumerate(crawl):
        for index, body in enumerate(API_BODIES if pattern.is_api else FORM_BODIES):
            htmx = (number + index) % 2 == 1
            headers = {"X-CSRFToken": token, **(HTMX if htmx else {})}
            response = send(client, address, body, world, headers)
            sent += 1
            if pattern.name == "logout":
                client.force_login(world["boss"])
            if problem := problems_with(pattern, body, response):
                how = "with HTMX headers" if htmx else "plain"
                wrong.append(f"POST {address} ({pattern.name}) {body.label}, {how}: {problem}")
    print(f"{sent} hostile POSTs to {len(crawl)} addresses in {time.monotonic() - begun:.1f} s")
    assert not wrong, f"{len(wrong)} wrong answers:\n" + "\n".join(wrong)


def test_no_write_without_the_csrf_token(world):
    """A POST without the token: the desk's pages answer with the CSRF failure page. The
    API takes tokens, not cookies; a staff browser session is its only cookie door and
    needs the CSRF header for writes (curation/api/auth.py): 403 ``csrf_failed``, or
    405/404 where nothing is written."""
    client, _ = boss_client(world)
    wrong = []
    for pattern in all_patterns():
        for address in addresses(pattern, world):
            response = send(client, address, FORM_BODIES[3], world, {})
            if pattern.name == "logout":
                client.force_login(world["boss"])
            status = response.status_code
            if pattern.is_api and response.get("Content-Type", "").startswith("application/json"):
                code = json.loads(response.content).get("error", {}).get("code")
                if not (status == 403 and code == "csrf_failed" or status in (404, 405)):
                    wrong.append(f"{address} ({pattern.name}): {status} {code}")
                continue
            if status != 403 or "This form has expired" not in response.content.decode():
                wrong.append(f"{address} ({pattern.name}): {status}, not the CSRF failure page")
    assert not wrong, "POSTs without a CSRF token that were not refused for it:\n" + "\n".join(
        wrong
    )

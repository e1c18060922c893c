"""The load clients: threads, each a person (or an API client) at the desk with a
``requests`` session of their own, doing what that role does, with a pause between
actions, until a deadline or a stop signal (and never more than MAX_ACTIONS each).

- annotators (logged in): open their articles' workspace, mark names (the workspace's
  HTMX POST), record events, look at the public chronology;
- reviewers and a curator (logged in): read the review queue, approve other people's
  submitted work (the queue's HTMX POST, with the version seen), open workspaces;
- API clients (bearer tokens): list articles, import 100 articles in one request;
- anonymous readers: the public chronology page.

Every answer is timed and its status recorded. A write counts as acknowledged only when
its answer says it was saved; ``Run.acks`` keeps what each acknowledged write saved,
for the checks against the database afterwards.
"""

from __future__ import annotations

import itertools
import math
import os
import random
import re
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

import requests

MAX_ACTIONS = 5000
SESSION_START_TIMEOUT = 180
REQUEST_TIMEOUT = 120
THINK_SECONDS = (0.2, 0.8)
IMPORT_SIZE = 100
CSRF_IN_PAGE = re.compile(r'"X-CSRFToken": "([^"]+)"')
CSRF_IN_FORM = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATIC_IN_PAGE = re.compile(r'(?:href|src)="(/static/[^"]+)"')
WORDS = (
    "minister talks ceasefire officials delegation proposal week meeting envoy border "
    "agreement capital statement report sources military aid programme security council "
    "vote session draft members press briefing region government spokesman"
).split()

READ, WRITE, LOGIN, STATIC = "read", "write", "login", "static"


@dataclass
class Sample:
    kind: str
    category: str
    status: int
    ms: float


@dataclass
class Run:
    """Everything the clients saw. Lists are appended to from several threads (a single
    append is atomic in CPython)."""

    samples: list[Sample] = field(default_factory=list)  # while the load runs
    warmup: list[Sample] = field(default_factory=list)  # logins and first pages, before
    acks: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    unexpected: list[str] = field(default_factory=list)  # answers that weren't what we asked
    errors: list[str] = field(default_factory=list)  # no answer at all (connection, timeout)
    writes_in_flight: int = 0  # sent, not yet answered (for a kill in the middle of one)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def sending(self, category: str, change: int) -> None:
        if category == WRITE:
            with self.lock:
                self.writes_in_flight += change

    def server_errors(self) -> list[Sample]:
        return [sample for sample in self.warmup + self.samples if sample.status >= 500]


class Client(threading.Thread):
    weights: dict[str, int] = {}

    def __init__(
        self,
        *,
        number: int,
        base: str,
        plan: dict,
        part: dict,
        run: Run,
        stop: threading.Event,
        ready: threading.Barrier,
        seconds: float,
        think: tuple[float, float],
    ) -> None:
        super().__init__(name=f"load-client-{number}", daemon=True)
        self.number, self.base, self.plan, self.part = number, base, plan, part
        self.results = run
        self.stop, self.ready, self.seconds, self.think = stop, ready, seconds, think
        self.deadline = math.inf
        self.measuring = False
        self.rng = random.Random(number)
        self.http = requests.Session()
        self.csrf = ""

    # -- the loop ---------------------------------------------------------------------

    def run(self) -> None:  # the thread's body
        try:
            logged_in = self.start_session()
            # Everyone logs in first; the timed run starts when the last one has.
            self.ready.wait(timeout=SESSION_START_TIMEOUT)
            if not logged_in:
                return
            self.deadline = time.monotonic() + self.seconds
            self.measuring = True
            kinds, weights = zip(*self.weights.items(), strict=True)
            for _ in range(MAX_ACTIONS):
                if self.over():
                    return
                getattr(self, self.rng.choices(kinds, weights)[0])()
                if self.stop.wait(self.rng.uniform(*self.think)):
                    return
        except threading.BrokenBarrierError:
            self.results.unexpected.append(f"{self.name}: the others did not log in in time")
        except Exception as error:  # a bug in the driver must fail the test, not hide
            self.results.unexpected.append(f"{self.name} crashed: {error!r}")
            self.ready.abort()
        finally:
            self.http.close()

    def over(self) -> bool:
        return self.stop.is_set() or time.monotonic() >= self.deadline

    def start_session(self) -> bool:
        return True

    # -- requests -----------------------------------------------------------------------

    def call(
        self,
        kind: str,
        category: str,
        method: str,
        path: str,
        *,
        expect: int = 200,
        saved: str | None = None,
        **options,
    ) -> requests.Response | None:
        """One request, timed and recorded; the response when it is the one expected
        (status ``expect``, and ``saved`` in its text), else None."""
        started = time.perf_counter()
        self.results.sending(category, +1)
        try:
            response = self.http.request(
                method,
                self.base + path,
                timeout=REQUEST_TIMEOUT,
                allow_redirects=False,
                **options,
            )
            body = response.content  # the whole answer is part of the time
        except requests.RequestException as error:
            if not self.stop.is_set():
                self.results.errors.append(f"{kind} {method} {path}: {error!r}")
            return None
        finally:
            self.results.sending(category, -1)
        ms = (time.perf_counter() - started) * 1000
        sample = Sample(kind, category, response.status_code, ms)
        (self.results.samples if self.measuring else self.results.warmup).append(sample)
        if response.status_code != expect or (saved is not None and saved not in response.text):
            self.results.unexpected.append(
                f"{kind} {method} {path} as {self.name}: {response.status_code} {body[:300]!r}"
            )
            return None
        return response

    def htmx_post(self, kind: str, path: str, data: dict, *, saved: str, page: str):
        return self.call(
            kind,
            WRITE,
            "POST",
            path,
            data=data,
            saved=saved,
            headers={
                "HX-Request": "true",
                "HX-Current-URL": self.base + page,
                "X-CSRFToken": self.csrf,
            },
        )

    def log_in(self, username: str, password: str, first_page: str) -> bool:
        """The login form (its CSRF token), then the first page: its token for HTMX
        (Django rotates the token on login) and its static files, fetched once."""
        form = self.call("login", LOGIN, "GET", "/accounts/login/")
        if form is None:
            return False
        token = CSRF_IN_FORM.search(form.text).group(1)
        done = self.call(
            "login",
            LOGIN,
            "POST",
            "/accounts/login/",
            expect=302,
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "",
            },
        )
        if done is None:
            return False
        page = self.call("first page", READ, "GET", first_page)
        if page is None:
            return False
        # htmx's header token on <body>; else the page's logout form's
        self.csrf = (CSRF_IN_PAGE.search(page.text) or CSRF_IN_FORM.search(page.text)).group(1)
        self.fetch_static(page.text)
        return True

    def fetch_static(self, page: str) -> None:
        for path in sorted(set(STATIC_IN_PAGE.findall(page))):
            self.call("static", STATIC, "GET", path)

    def public_page(self) -> None:
        self.call("public chronology", READ, "GET", f"/c/{self.plan['chronology']}/")


class Annotator(Client):
    weights = {"workspace": 4, "mark_name": 3, "record_event": 1, "public_page": 1}

    def start_session(self) -> bool:
        self.articles = self.part["articles"]
        self.names = iter(
            (article["id"], span) for article in self.articles for span in article["names"]
        )
        self.sentences = itertools.cycle(
            (article["id"], span) for article in self.articles for span in article["sentences"]
        )
        self.events = itertools.count(1)
        return self.log_in(self.part["username"], self.plan["password"], self.page())

    def page(self, article_id: int | None = None) -> str:
        article_id = article_id or self.rng.choice(self.articles)["id"]
        return f"/articles/{article_id}/annotate/"

    def workspace(self) -> None:
        self.call("workspace", READ, "GET", self.page())

    def mark_name(self) -> None:
        taken = next(self.names, None)
        if taken is None:  # every name in its articles is marked: read instead
            return self.workspace()
        article_id, (start, end, entity_id, quote) = taken
        if self.htmx_post(
            "mark name",
            f"/articles/{article_id}/annotate/mentions/",
            {"start": start, "end": end, "quote": quote, "entity": entity_id},
            saved="Marked “",
            page=self.page(article_id),
        ):
            self.results.acks["mentions"].append(
                {
                    "article": article_id,
                    "start": start,
                    "end": end,
                    "entity": entity_id,
                    "quote": quote,
                    "by": self.part["username"],
                }
            )

    def record_event(self) -> None:
        article_id, (start, end, quote) = next(self.sentences)
        headline = f"Load event {self.number}-{next(self.events)}"
        if self.htmx_post(
            "record event",
            f"/articles/{article_id}/annotate/events/",
            {
                "start": start,
                "end": end,
                "quote": quote,
                "headline": headline,
                "event_type": self.plan["event_type"],
                "date": "2024-06-20",
            },
            saved="Recorded: ",
            page=self.page(article_id),
        ):
            self.results.acks["events"].append(
                {
                    "article": article_id,
                    "start": start,
                    "end": end,
                    "quote": quote,
                    "headline": headline,
                    "date": "2024-06-20",
                    "by": self.part["username"],
                }
            )


class Reviewer(Client):
    weights = {"review_queue": 2, "approve": 2, "workspace": 1}

    def start_session(self) -> bool:
        self.queue = iter(self.part["queue"])
        return self.log_in(self.part["username"], self.plan["password"], "/review/")

    def review_queue(self) -> None:
        self.call("review queue", READ, "GET", "/review/")

    def workspace(self) -> None:
        article_id = self.rng.choice(self.plan["read_articles"])
        self.call("workspace", READ, "GET", f"/articles/{article_id}/annotate/")

    def approve(self) -> None:
        item = next(self.queue, None)
        if item is None:
            return self.review_queue()
        kind, pk, version = item
        if self.htmx_post(
            "approve",
            f"/review/{kind}/{pk}/approve/",
            {"version": version},
            saved="Approved ",
            page="/review/",
        ):
            self.results.acks["approvals"].append(
                {"kind": kind, "id": pk, "version": version, "by": self.part["username"]}
            )


class ApiClient(Client):
    weights = {"list_articles": 4, "bulk_import": 1}

    def start_session(self) -> bool:
        self.http.headers["Authorization"] = f"Bearer {self.part['token']}"
        self.batches = itertools.count(1)
        self.tag = uuid.uuid4().hex[:8]
        return True

    def list_articles(self) -> None:
        self.call("API list articles", READ, "GET", "/api/v1/articles")

    def bulk_import(self) -> None:
        batch = next(self.batches)
        items = [
            {
                "title": f"Wire {self.tag} {self.number}-{batch}-{n}: " + self.words(5),
                "body": self.body(),
                "source": "Load Wire",
                "published_on": "2024-06-27",
            }
            for n in range(IMPORT_SIZE)
        ]
        answer = self.call("API bulk import", WRITE, "POST", "/api/v1/articles/import", json=items)
        if answer is None:
            return
        results = answer.json()["results"]
        if [r["status"] for r in results] != ["imported"] * IMPORT_SIZE:
            self.results.unexpected.append(f"bulk import as {self.name}: {results[:3]}")
        for result in results:
            if result["status"] == "imported":
                item = items[result["index"]]
                self.results.acks["imports"].append(
                    {"id": result["id"], "title": item["title"], "body": item["body"]}
                )

    def words(self, count: int) -> str:
        return " ".join(self.rng.choices(WORDS, k=count)).capitalize()

    def body(self) -> str:
        return (
            "\n\n".join(
                " ".join(self.words(self.rng.randint(10, 18)) + "." for _ in range(3))
                for _ in range(4)
            )
            + f"\n\nFiled by desk {uuid.uuid4().hex}."
        )


class Reader(Client):
    weights = {"public_page": 1}

    def start_session(self) -> bool:
        page = self.call("public chronology", READ, "GET", f"/c/{self.plan['chronology']}/")
        if page is not None:
            self.fetch_static(page.text)
        return page is not None


def clients(
    plan: dict,
    bases: list[str],
    run: Run,
    stop: threading.Event,
    seconds: float,
    think: tuple[float, float] = THINK_SECONDS,
) -> list[Client]:
    """Sixteen clients (with the default seed), spread over the servers in turn."""
    people = (
        [(Annotator, part) for part in plan["annotators"]]
        + [(Reviewer, part) for part in plan["reviewers"]]
        + [(ApiClient, {"token": token}) for token in plan["api_tokens"]]
        + [(Reader, {}), (Reader, {})]
    )
    ready = threading.Barrier(len(people))
    return [
        kind(
            number=number,
            base=bases[number % len(bases)],
            plan=plan,
            part=part,
            run=run,
            stop=stop,
            ready=ready,
            seconds=seconds,
            think=think,
        )
        for number, (kind, part) in enumerate(people)
    ]


def drive(
    plan: dict,
    bases: list[str],
    seconds: float,
    *,
    run: Run | None = None,
    stop: threading.Event | None = None,
) -> Run:
    run = run or Run()
    stop = stop or threading.Event()
    team = clients(plan, bases, run, stop, seconds)
    for client in team:
        client.start()
    for client in team:
        client.join(timeout=SESSION_START_TIMEOUT + seconds + REQUEST_TIMEOUT)
    return run


def load_seconds(default: float = 60) -> float:
    raw = os.environ.get("CURATION_LOAD_SECONDS", "").strip()
    return float(raw) if raw else default

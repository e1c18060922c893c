"""The desk's phases of one run (their Label Studio counterparts: ls_phases.py), each
timed as timing.py times every request. Figures by key: lists of milliseconds (lower is
better), rates (docs/s, req/s) or megabytes, which table.py pairs with Label Studio's.

The order is the same for both apps: reading, the lists of 100, the exports (before any
write adds to what they export), one write at a time, the batch writes, the concurrent
writes, the bulk import and, after all of it, the servers' memory."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Callable
from functools import partial

from tests.benchmarks.peers.desk import DeskServer
from tests.benchmarks.peers.timing import (
    UnexpectedAnswer,
    children,
    descendants,
    import_rates,
    in_threads,
    peak_growth_mb,
    peak_kb,
    repeated,
    rss_mb,
    timed,
)
from tests.benchmarks.peers.workload import MARKED, TAGGER_LABELS, Workload, import_documents

Figures = dict[str, list[float]]
ANNOTATIONS_PAGE = 500  # curation.chronology.exports.webannotation.PAGE_SIZE
ACCEPTED = re.compile(r"Accepted (\d+) suggestion")
PER_PAGE = "?per_page=100"  # each of the three tables takes up to 100 a page
UNPROCESSABLE = 422  # a form's refusal in the workspace


def rows_at_least(count: int) -> Callable:
    """A table page with ``count`` rows or more (its header row aside)."""
    return lambda response: response.text.count("<tr") - 1 >= count


class DeskPhases:
    def __init__(self, desk: DeskServer, workload: Workload, run: int, say: Callable) -> None:
        self.desk, self.workload, self.run_number, self.say = desk, workload, run, say
        self.sizes, self.plan, self.base = workload.sizes, desk.plan, desk.base
        self.annotator, self.reviewer = desk.browser("annotator"), desk.browser("reviewer")
        self.api = desk.api()
        self.rounds = {"warmup": self.sizes.warmup, "repeats": self.sizes.repeats}
        self.free = workload.free_spans()  # names nobody marked, for the writes
        self.figures: Figures = {}

    def run(self) -> Figures:
        for phase in (
            self.reading,
            self.lists,
            self.exports,
            self.writes,
            self.batch_writes,
            self.concurrent_writes,
            self.bulk_import,
            self.memory,
        ):
            self.say(phase.__name__.replace("_", " "))
            phase()
        return self.figures

    def get(self, session, path: str, check=None) -> Callable[[], float]:
        return lambda: timed(session, "GET", self.base + path, check=check)[0]

    def htmx(self, article: int) -> dict:
        """The headers of HTMX's requests from the article's workspace."""
        page = f"{self.base}/articles/{article}/annotate/"
        return {"HX-Request": "true", "HX-Current-URL": page}

    # -- the phases ------------------------------------------------------------------------

    def reading(self) -> None:
        for key, article in (("read_big", self.plan["big"]), ("read_page", self.plan["page"])):
            page = self.get(self.annotator, f"/articles/{article}/annotate/")
            self.figures[key] = repeated(page, **self.rounds)

    def lists(self) -> None:
        documents = min(100, self.sizes.documents)
        for key, session, path, rows in (
            ("list_articles", self.annotator, "/articles/", documents),
            ("list_review", self.reviewer, "/review/", documents),
            ("list_entities", self.annotator, "/entities/", min(100, self.sizes.entities)),
        ):
            page = self.get(session, path + PER_PAGE, rows_at_least(rows))
            self.figures[key] = repeated(page, **self.rounds)

    def exports(self) -> None:
        """The public chronology's exports (an entry for each document's event), and the
        W3C annotations of every document, one request each: the desk has no export of
        every document's annotations at once."""
        workers = children(self.desk.master_pid)
        before = peak_kb(workers)
        chronology = f"/c/{self.plan['chronology']}/"
        rounds = {"warmup": 1, "repeats": self.sizes.export_repeats}
        every_entry = lambda response: response.text.count("\n") > self.sizes.documents  # noqa: E731
        for key, file, check in (
            ("export_csv", "entries.csv", every_entry),
            ("export_timeline", "timeline.json", None),
            ("export_calendar", "calendar.ics", None),
        ):
            self.figures[key] = repeated(
                self.get(self.annotator, chronology + file, check), **rounds
            )
        pages = math.ceil(self.sizes.documents / ANNOTATIONS_PAGE)

        def every_page() -> float:
            """The collection, then its first page and every next one, as a client of
            the Web Annotation protocol follows them."""
            url = f"{self.base}{chronology}annotations.jsonld"
            milliseconds, response = timed(self.annotator, "GET", url)
            url, read = response.json()["first"]["id"], 0
            while url:
                taken, response = timed(self.annotator, "GET", url)
                milliseconds, read = milliseconds + taken, read + 1
                url = response.json().get("next")
            if read != pages:
                raise UnexpectedAnswer(f"annotations.jsonld: {read} pages, not {pages}")
            return milliseconds

        self.figures["export_annotations"] = repeated(every_page, **rounds)
        self.every_annotation(rounds)
        readers = self.desk.browsers("annotator", self.sizes.threads)
        seconds, errors = in_threads(
            [
                partial(
                    timed,
                    readers[n % self.sizes.threads],
                    "GET",
                    f"{self.base}/articles/{article}/annotations.jsonld",
                )
                for n, article in enumerate(self.plan["articles"])
            ],
            self.sizes.threads,
        )
        if errors:
            raise UnexpectedAnswer(f"{len(errors)} article exports failed, the first: {errors[0]}")
        self.figures["export_articles"] = [seconds * 1000]
        self.figures["export_memory"] = [peak_growth_mb(before, peak_kb(workers))]

    def every_annotation(self, rounds: dict) -> None:
        """Every article's approved annotations in one streamed request (JSON Lines),
        where the checkout has that export."""
        url = f"{self.base}/articles/annotations.jsonl"
        with self.annotator.get(url, stream=True, timeout=60) as probe:
            if probe.status_code == 404:
                return
        approved = self.sizes.documents * (MARKED + 1)  # and an event each
        every_line = lambda response: response.content.count(b"\n") >= approved  # noqa: E731
        dump = lambda: timed(self.annotator, "GET", url, check=every_line)[0]  # noqa: E731
        self.figures["export_dump"] = repeated(dump, **rounds)

    def mention(self, session, index: int, span: tuple[int, int, int]) -> float:
        """Marking a name as HTMX sends it from the workspace's popover."""
        start, end, entity = span
        article = self.plan["articles"][index]
        return timed(
            session,
            "POST",
            f"{self.base}/articles/{article}/annotate/mentions/",
            data={
                "start": start,
                "end": end,
                "quote": self.workload.documents[index].body[start:end],
                "entity": self.plan["entities"][entity],
            },
            headers=self.htmx(article),
            check=lambda response: "Marked “" in response.text,
        )[0]

    def event(self, article: int, body: str, start: int, end: int, headline: str) -> float:
        """Recording an event as HTMX sends it from the workspace's event form."""
        return timed(
            self.annotator,
            "POST",
            f"{self.base}/articles/{article}/annotate/events/",
            data={
                "start": start,
                "end": end,
                "quote": body[start:end],
                "headline": headline,
                "event_type": self.plan["event_type"],
                "date": "2024-06-20",
            },
            headers=self.htmx(article),
            check=lambda response: "Recorded: " in response.text,
        )[0]

    def refused_mention(self) -> float:
        """The mention's request without an entity: refused by its form. What every
        write's request costs before its work (login, role, CSRF, the article, the form)
        and a small answer: the floor of the workspace's one-span writes."""
        start, end, _ = self.workload.documents[0].spans[0]
        article = self.plan["articles"][0]
        return timed(
            self.annotator,
            "POST",
            f"{self.base}/articles/{article}/annotate/mentions/",
            data={"start": start, "end": end, "quote": self.workload.documents[0].body[start:end]},
            headers=self.htmx(article),
            expect=UNPROCESSABLE,
            check=lambda response: "Choose an entity" in response.text,
        )[0]

    def writes(self) -> None:
        self.figures["write_mention"] = repeated(
            lambda: self.mention(self.annotator, *next(self.free)), **self.rounds
        )
        self.figures["write_refused"] = repeated(self.refused_mention, **self.rounds)
        documents = self.workload.documents
        sentences = ((n, document.sentences[1]) for n, document in enumerate(documents))

        def event() -> float:
            index, (start, end) = next(sentences)
            article = self.plan["articles"][index]
            return self.event(article, documents[index].body, start, end, f"Peers event {index}")

        self.figures["write_event"] = repeated(event, **self.rounds)
        big, passages = self.workload.big, itertools.cycle(self.workload.big.sentences)

        def event_in_big() -> float:
            return self.event(self.plan["big"], big.body, *next(passages), "Dossier event")

        self.figures["write_event_big"] = repeated(event_in_big, **self.rounds)
        together = self.workload.marked_together()

        def marked_together() -> float:
            """Five names of a document marked in one request, as the API marks them."""
            index, spans = next(together)
            body = documents[index].body
            items = [
                {"start": start, "end": end, "quote": body[start:end], "entity": entity_id}
                for start, end, entity in spans
                for entity_id in [self.plan["entities"][entity]]
            ]
            article = self.plan["articles"][index]
            return timed(
                self.api,
                "POST",
                f"{self.base}/api/v1/articles/{article}/mentions/drafts",
                json={"items": items},
                check=lambda response: response.json()["created"] == len(items),
            )[0]

        requests = repeated(marked_together, **self.rounds)
        self.figures["write_marked_request"] = requests
        self.figures["write_marked"] = [milliseconds / MARKED for milliseconds in requests]

    def batch_writes(self) -> None:
        """A tagger's pre-annotations through the API, and accepting every suggestion of
        an article of known names (a fresh article each time), per span."""
        batches = zip(self.plan["batch"], self.workload.batch, strict=True)
        entities = self.workload.entities

        def preannotate() -> float:
            article, document = next(batches)
            items = [
                {"start": start, "end": end, "label": TAGGER_LABELS[entities[entity][1]]}
                for start, end, entity in document.spans
            ]
            milliseconds, _ = timed(
                self.api,
                "POST",
                f"{self.base}/api/v1/articles/{article}/mentions",
                json={"origin": "peers tagger", "items": items},
                check=lambda response: response.json()["created"] == len(items),
            )
            return milliseconds / len(items)

        rounds = {"warmup": 1, "repeats": self.sizes.batch_repeats}
        self.figures["batch_preannotate"] = repeated(preannotate, **rounds)
        suggested = iter(self.plan["suggest"])

        def accept_all() -> float:
            article = next(suggested)
            milliseconds, response = timed(
                self.annotator,
                "POST",
                f"{self.base}/articles/{article}/annotate/suggestions/accept-all/",
                headers=self.htmx(article),
                check=lambda response: ACCEPTED.search(response.text) is not None,
            )
            accepted = int(ACCEPTED.search(response.text).group(1))
            if accepted < self.sizes.batch_spans * 0.9:
                raise UnexpectedAnswer(f"accepted {accepted} of {self.sizes.batch_spans}")
            return milliseconds / accepted

        self.figures["batch_accept"] = repeated(accept_all, **rounds)

    def concurrent_writes(self) -> None:
        threads = self.sizes.threads
        writers = self.desk.browsers("annotator", threads)
        total = threads * self.sizes.writes_per_thread
        spans = [next(self.free) for _ in range(total)]
        seconds, errors = in_threads(
            [partial(self.mention, writers[n % threads], *spans[n]) for n in range(total)],
            threads,
        )
        self.figures["concurrency"] = [(total - len(errors)) / seconds]
        self.figures["concurrency_errors"] = [len(errors)]

    def bulk_import(self) -> None:
        self.figures["import_rate"] = import_rates(self.sizes, self.import_once, self.say)

    def import_once(self, round_: int) -> float:
        documents = import_documents(self.workload, self.run_number, round_)
        payload = [
            {**document, "source": "Peers Wire", "published_on": "2024-06-27"}
            for document in documents
        ]
        milliseconds, _ = timed(
            self.api,
            "POST",
            f"{self.base}/api/v1/articles/import",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            check=lambda response: response.json()["imported"] == len(documents),
        )
        return len(documents) / (milliseconds / 1000)

    def memory(self) -> None:
        master = self.desk.master_pid
        self.figures["memory"] = [rss_mb([master, *children(master)])]
        self.figures["memory_all"] = [rss_mb(descendants(master))]  # and the import helpers

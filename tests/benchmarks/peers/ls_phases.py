"""Label Studio's phases of one run, in the desk's order (desk_phases.py), timed the same
way: its documented REST API with the legacy token, as a script or a labelling front end
would call it. Seeding (a project of the documents, each with a five-span annotation;
another of the big document and the batch documents) is never timed."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from tests.benchmarks.peers.desk_phases import Figures
from tests.benchmarks.peers.label_studio import LabelStudioServer, result
from tests.benchmarks.peers.timing import (
    children,
    import_rates,
    in_threads,
    peak_growth_mb,
    peak_kb,
    repeated,
    rss_mb,
    timed,
)
from tests.benchmarks.peers.workload import MARKED, Document, Workload, import_documents


class LabelStudioPhases:
    def __init__(self, ls: LabelStudioServer, workload: Workload, run: int, say: Callable) -> None:
        self.ls, self.workload, self.run_number, self.say = ls, workload, run, say
        self.sizes, self.base, self.entities = workload.sizes, ls.base, workload.entities
        self.api = ls.api()
        self.rounds = {"warmup": self.sizes.warmup, "repeats": self.sizes.repeats}
        self.figures: Figures = {}

    def run(self) -> Figures:
        for phase in (
            self.seeding,
            self.reading,
            self.lists,
            self.export,
            self.writes,
            self.batch_writes,
            self.concurrent_writes,
            self.bulk_import,
            self.memory,
        ):
            self.say(phase.__name__.replace("_", " "))
            phase()
        return self.figures

    def get(self, path: str, check=None) -> Callable[[], float]:
        return lambda: timed(self.api, "GET", self.base + path, check=check)[0]

    def task(self, document: Document, spans=None) -> dict:
        task = {"data": {"text": document.body, "title": document.title}}
        if spans is not None:
            task["annotations"] = [{"result": result(document, spans, self.entities)}]
        return task

    # -- the phases ------------------------------------------------------------------------

    def seeding(self) -> None:
        documents = self.workload.documents
        self.project = self.ls.project(self.api, "Peers documents")
        self.task_ids = self.ls.import_tasks(
            self.api,
            self.project,
            [self.task(document, document.spans[:MARKED]) for document in documents],
        )
        self.tasks = iter(enumerate(self.task_ids))  # each write on a task of its own
        big = self.workload.big
        extras = self.ls.project(self.api, "Peers extras")
        self.big_id, *self.batch_ids = self.ls.import_tasks(
            self.api,
            extras,
            [self.task(big, big.spans), *(self.task(batch) for batch in self.workload.batch)],
        )

    def reading(self) -> None:
        spans = len(self.workload.big.spans)
        whole = lambda response: len(response.json()["annotations"][0]["result"]) == spans  # noqa: E731
        self.figures["read_task"] = repeated(
            self.get(f"/api/tasks/{self.big_id}", whole), **self.rounds
        )

    def lists(self) -> None:
        rows = min(100, self.sizes.documents)
        hundred = lambda response: len(response.json()["tasks"]) == rows  # noqa: E731
        page = self.get(f"/api/tasks?project={self.project}&page_size=100", hundred)
        self.figures["list_tasks"] = repeated(page, **self.rounds)

    def export(self) -> None:
        workers = children(self.ls.master_pid)
        before = peak_kb(workers)
        every_task = lambda response: len(response.json()) == self.sizes.documents  # noqa: E731
        self.figures["export_json"] = repeated(
            self.get(f"/api/projects/{self.project}/export?exportType=JSON", every_task),
            warmup=1,
            repeats=self.sizes.export_repeats,
        )
        self.figures["export_memory"] = [peak_growth_mb(before, peak_kb(workers))]

    def annotate(self, session) -> float:
        """One annotation of five spans (names the seeded one left), on a fresh task."""
        index, task = next(self.tasks)
        document = self.workload.documents[index]
        spans = document.spans[MARKED : 2 * MARKED]
        return timed(
            session,
            "POST",
            f"{self.base}/api/tasks/{task}/annotations",
            expect=201,
            json={"result": result(document, spans, self.entities), "lead_time": 1.0},
        )[0]

    def writes(self) -> None:
        requests = repeated(lambda: self.annotate(self.api), **self.rounds)
        self.figures["write_request"] = requests
        self.figures["write_span"] = [milliseconds / MARKED for milliseconds in requests]

    def batch_writes(self) -> None:
        """One annotation of every name of a batch document (500), per span."""
        batches = zip(self.batch_ids, self.workload.batch, strict=True)

        def batch() -> float:
            task, document = next(batches)
            milliseconds, _ = timed(
                self.api,
                "POST",
                f"{self.base}/api/tasks/{task}/annotations",
                expect=201,
                json={"result": result(document, document.spans, self.entities), "lead_time": 1},
            )
            return milliseconds / len(document.spans)

        rounds = {"warmup": 1, "repeats": self.sizes.batch_repeats}
        self.figures["batch_span"] = repeated(batch, **rounds)

    def concurrent_writes(self) -> None:
        threads = self.sizes.threads
        writers = [self.ls.api() for _ in range(threads)]
        total = threads * self.sizes.writes_per_thread
        seconds, errors = in_threads(
            [partial(self.annotate, writers[n % threads]) for n in range(total)], threads
        )
        self.figures["concurrency"] = [(total - len(errors)) / seconds]
        self.figures["concurrency_errors"] = [len(errors)]

    def bulk_import(self) -> None:
        """Into a new project, every import of the run, as the desk's imports add to its
        one desk."""
        project = self.ls.project(self.api, f"Peers import {self.run_number}")
        self.figures["import_rate"] = import_rates(
            self.sizes, lambda round_: self.import_once(project, round_), self.say
        )

    def import_once(self, project: int, round_: int) -> float:
        documents = import_documents(self.workload, self.run_number, round_)
        tasks = [{"data": {"text": d["body"], "title": d["title"]}} for d in documents]
        milliseconds, _ = timed(
            self.api,
            "POST",
            f"{self.base}/api/projects/{project}/import",
            expect=201,
            data=json.dumps(tasks).encode(),
            headers={"Content-Type": "application/json"},
            check=lambda response: response.json()["task_count"] == len(documents),
        )
        return len(documents) / (milliseconds / 1000)

    def memory(self) -> None:
        master = self.ls.master_pid
        self.figures["memory"] = [rss_mb([master, *children(master)])]

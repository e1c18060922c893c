"""Run by ``desk.py`` in a fresh process, with the app's own settings and environment:
migrate the fresh database, then seed it with the workload (a JSON file written by
``workload.py``) and print the plan the timed client follows (JSON, on the last line).

- an annotator (with an API token), a reviewer and a curator;
- the entities, and every document imported through the import pipeline;
- per document: five approved mentions, one submitted mention (the review queue) and an
  approved event, which an entry of the public chronology cites;
- the 500-span and 1,000-span documents, every name an approved mention;
- the documents of the batch writes, with no mentions.

Mentions and events are inserted in bulk, with their history, as the desk's own
accept-all does; entries in bulk without history, as ``tests/chronology/public_data``.

    python tests/benchmarks/peers/desk_seed.py WORKLOAD.json
"""

import json
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from simple_history.utils import bulk_create_with_history  # noqa: E402

from curation import roles  # noqa: E402
from curation.annotations.models import (  # noqa: E402
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Participant,
    Status,
)
from curation.annotations.spans import anchor  # noqa: E402
from curation.api.tokens import token_create  # noqa: E402
from curation.articles.bulk_import import articles_import_items  # noqa: E402
from curation.articles.importing.bulk import read_bulk  # noqa: E402
from curation.articles.models import Article  # noqa: E402
from curation.chronology.models import Chronology, Entry, EntryEvent  # noqa: E402
from curation.temporal import bounds  # noqa: E402

PASSWORD = "peers-benchmark-password-not-for-real-use"
CHRONOLOGY_SLUG = "peers"
EVENT_TYPE = "consult-meeting"
PUBLISHED_ON = "2024-06-27"
BATCH = 1000


def user(name: str, role: str, password_hash: str) -> User:
    made = User.objects.create(username=name, password=password_hash)
    made.groups.add(Group.objects.get(name=role))
    return made


def import_documents(documents: list[dict], by: User) -> list[Article]:
    """Through the API's pipeline (cleaning, metadata detection, the duplicate check);
    the stored bodies must be the generated ones, or the spans would be elsewhere."""
    lines = "\n".join(
        json.dumps(
            {
                "title": document["title"],
                "body": document["body"],
                "source": "Peers Wire",
                "published_on": PUBLISHED_ON,
            }
        )
        for document in documents
    )
    _, items = read_bulk(lines.encode(), max_bytes=settings.CURATION_IMPORT_MAX_BYTES)
    outcomes = articles_import_items(items=items, imported_by=by)
    failed = [outcome for outcome in outcomes if outcome.status != "imported"]
    if failed:
        raise SystemExit(f"seed import: {len(failed)} not imported, the first: {failed[0]}")
    ids = [outcome.article_id for outcome in outcomes]
    articles = Article.objects.in_bulk(ids)
    for document, article_id in zip(documents, ids, strict=True):
        if articles[article_id].body != document["body"]:
            raise SystemExit(
                f"the import changed the body of “{document['title']}”: the workload's "
                "spans would not fit it. Generate text the cleaning leaves alone."
            )
    return [articles[article_id] for article_id in ids]


def mention(article: Article, span, entity: Entity, status: str, people: dict) -> Mention:
    start, end, _ = span
    placed = anchor(article.body, start, end)
    now = timezone.now()
    return Mention(
        article=article,
        entity=entity,
        start=placed.start,
        end=placed.end,
        quote=placed.quote,
        prefix=placed.prefix,
        suffix=placed.suffix,
        status=status,
        created_by=people["annotator"],
        submitted_at=now,
        reviewed_by=people["reviewer"] if status == Status.APPROVED else None,
        reviewed_at=now if status == Status.APPROVED else None,
    )


def main() -> None:
    workload = json.loads(Path(sys.argv[1]).read_text())
    call_command("migrate", interactive=False, verbosity=0)
    password_hash = make_password(PASSWORD)
    people = {
        "annotator": user("peers-annotator", roles.ANNOTATOR, password_hash),
        "reviewer": user("peers-reviewer", roles.REVIEWER, password_hash),
        "curator": user("peers-curator", roles.CURATOR, password_hash),
    }
    _, token = token_create(
        user=people["annotator"], name="peers benchmark", created_by=people["annotator"]
    )
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    entities = bulk_create_with_history(
        [
            Entity(name=name, kind=kinds[kind], created_by=people["curator"])
            for name, kind in workload["entities"]
        ],
        Entity,
        batch_size=BATCH,
        default_user=people["curator"],
    )
    extras = [workload["big"], workload["page"], *workload["batch"], *workload["suggest"]]
    articles = import_documents(workload["documents"] + extras, people["annotator"])
    documents, (big, page, *rest) = (
        articles[: len(workload["documents"])],
        articles[len(workload["documents"]) :],
    )
    batch, suggest = rest[: len(workload["batch"])], rest[len(workload["batch"]) :]

    mentions = []
    for article, document in zip(documents, workload["documents"], strict=True):
        spans = document["spans"]
        mentions += [
            mention(article, span, entities[span[2]], Status.APPROVED, people) for span in spans[:5]
        ]
        mentions.append(mention(article, spans[5], entities[spans[5][2]], Status.SUBMITTED, people))
    for article, document in ((big, workload["big"]), (page, workload["page"])):
        mentions += [
            mention(article, span, entities[span[2]], Status.APPROVED, people)
            for span in document["spans"]
        ]
    bulk_create_with_history(mentions, Mention, batch_size=BATCH, default_user=people["annotator"])
    chronology = publish_events(documents, workload["documents"], entities, people)
    plan = {
        "password": PASSWORD,
        "users": {role: made.username for role, made in people.items()},
        "token": token,
        "articles": [article.pk for article in documents],
        "entities": [entity.pk for entity in entities],
        "big": big.pk,
        "page": page.pk,
        "batch": [article.pk for article in batch],
        "suggest": [article.pk for article in suggest],
        "chronology": chronology.slug,
        "event_type": EVENT_TYPE,
    }
    print(json.dumps(plan))


def publish_events(articles, documents, entities, people) -> Chronology:
    """An approved event on each document's first sentence (its first name taking part),
    each cited by a published entry of one public chronology."""
    event_type = EventType.objects.get(slug=EVENT_TYPE)
    now = timezone.now()
    events, participants_of = [], []
    for number, (article, document) in enumerate(zip(articles, documents, strict=True)):
        start, end = document["sentences"][0]
        placed = anchor(article.body, start, end)
        value = (date(2020, 1, 1) + timedelta(days=number % 1500)).isoformat()
        lower, upper = bounds(value)
        events.append(
            Event(
                article=article,
                start=placed.start,
                end=placed.end,
                quote=placed.quote,
                prefix=placed.prefix,
                suffix=placed.suffix,
                event_type=event_type,
                headline=f"Meeting reported in dispatch {number}",
                date=value,
                date_lower=lower,
                date_upper=upper,
                status=Status.APPROVED,
                created_by=people["annotator"],
                submitted_at=now,
                reviewed_by=people["reviewer"],
                reviewed_at=now,
            )
        )
        participants_of.append(entities[document["spans"][0][2]])
    events = bulk_create_with_history(
        events, Event, batch_size=BATCH, default_user=people["annotator"]
    )
    Participant.objects.bulk_create(
        [
            Participant(event=event, entity=taking, role=Participant.Role.ACTOR)
            for event, taking in zip(events, participants_of, strict=True)
        ],
        batch_size=BATCH,
    )
    chronology = Chronology.objects.create(
        title="Peers chronology", slug=CHRONOLOGY_SLUG, is_public=True, created_by=people["curator"]
    )
    entries = Entry.objects.bulk_create(
        [
            Entry(
                headline=event.headline,
                event_type=event_type,
                date=event.date,
                date_lower=event.date_lower,
                date_upper=event.date_upper,
                date_days=(event.date_upper - event.date_lower).days,
                status=Entry.Status.PUBLISHED,
                published_at=now,
                slug=f"peers-{number}",
                created_by=people["curator"],
            )
            for number, event in enumerate(events)
        ],
        batch_size=BATCH,
    )
    EntryEvent.objects.bulk_create(
        [
            EntryEvent(entry=entry, event=event, added_by=people["curator"])
            for entry, event in zip(entries, events, strict=True)
        ],
        batch_size=BATCH,
    )
    through = Entry.chronologies.through
    through.objects.bulk_create(
        [through(entry=entry, chronology=chronology) for entry in entries], batch_size=BATCH
    )
    return chronology


if __name__ == "__main__":
    main()

"""Run by tests/load/stack.py in a fresh process, with the app's own settings and
environment: migrate the fresh database, then seed it through the services as a desk
would be after some days of work, and print the plan the load clients follow (JSON, on
the last line).

- the seed articles (seeds/) and generated ones, imported by the command line's pipeline;
- users with the annotator, reviewer and curator roles, and API tokens;
- entities for the names in the generated articles; mentions and events made by
  annotators and submitted for review (the reviewers' pool);
- a public chronology whose entries cite approved events.

    python tests/load/seed.py            # all of that
    python tests/load/seed.py --minimal  # migrate, one annotator and an API token
"""

import json
import random
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402

from curation import roles  # noqa: E402
from curation.annotations import services as annotation_services  # noqa: E402
from curation.annotations import workflow  # noqa: E402
from curation.annotations.models import Entity, EntityKind, EventType  # noqa: E402
from curation.api.tokens import token_create  # noqa: E402
from curation.articles.importing.files import iter_import_files  # noqa: E402
from curation.articles.models import Article  # noqa: E402
from curation.articles.services import articles_import_paths  # noqa: E402
from curation.chronology import services as chronology_services  # noqa: E402

PASSWORD = "load-test-password-not-for-real-use"
CHRONOLOGY_SLUG = "load-test-desk"
ANNOTATORS, REVIEWERS, CURATORS, API_USERS = 7, 4, 1, 2
ARTICLES_PER_ANNOTATOR = 2
POOL_ARTICLES = 6
POOL_MENTIONS_PER_ARTICLE = 45
POOL_EVENTS_PER_ARTICLE = 10
CHRONOLOGY_ENTRIES = 20
EVENT_TYPE = "consult-meeting"

NAMES = [
    ("Benjamin Netanyahu", "person"),
    ("Tzachi Hanegbi", "person"),
    ("Ron Dermer", "person"),
    ("Jake Sullivan", "person"),
    ("Antony Blinken", "person"),
    ("Yoav Gallant", "person"),
    ("Lloyd Austin", "person"),
    ("William Burns", "person"),
    ("White House", "organisation"),
    ("Pentagon", "organisation"),
    ("State Department", "organisation"),
    ("Axios", "organisation"),
    ("Congress", "organisation"),
    ("Hamas", "group"),
    ("Hezbollah", "group"),
    ("Washington", "place"),
    ("Tehran", "place"),
    ("Jerusalem", "place"),
    ("Cairo", "place"),
    ("Doha", "place"),
    ("Beirut", "place"),
    ("Gaza", "place"),
]
PEOPLE = [name for name, kind in NAMES if kind in ("person", "organisation", "group")]
PLACES = [name for name, kind in NAMES if kind == "place"]
SENTENCES = [
    "{a} met {b} in {p} on Tuesday to discuss the ceasefire proposal.",
    "Officials said {a} would travel to {p} next week, according to {b}.",
    "{a} and {b} spoke by phone late on Monday, two officials told reporters in {p}.",
    "The talks in {p} were called off after {a} objected to the draft sent by {b}.",
    "{b} said the meeting with {a} had been postponed until the middle of July.",
    "A delegation led by {a} is expected in {p} before the end of the month.",
]


def generated_body(rng: random.Random, number: int, paragraphs: int) -> str:
    text = []
    for _ in range(paragraphs):
        sentences = [
            rng.choice(SENTENCES).format(
                a=rng.choice(PEOPLE), b=rng.choice(PEOPLE), p=rng.choice(PLACES)
            )
            for _ in range(rng.randint(3, 4))
        ]
        text.append(" ".join(sentences))
    text.append(f"Dispatch {number}, paragraph {paragraphs + 1}.")
    return "\n\n".join(text)


def import_articles(folder: Path, rng: random.Random, count: int, by: User) -> list[Article]:
    """The seed articles and ``count`` generated ones, through the command line's
    import; returns the generated ones, in order."""
    titles = []
    for number in range(count):
        title = f"Load desk dispatch {number}: talks on the ceasefire"
        titles.append(title)
        body = generated_body(rng, number, paragraphs=8)
        (folder / f"dispatch-{number:03}.txt").write_text(f"{title}\n\n{body}\n")
    files = iter_import_files([ROOT / "seeds", folder])
    for path, outcomes in articles_import_paths(
        files=files, published_on=date(2024, 6, 27), imported_by=by
    ):
        for outcome in outcomes:
            if outcome.status != "imported":
                raise SystemExit(f"seed import of {path}: {outcome}")
    by_title = {article.title: article for article in Article.objects.filter(title__in=titles)}
    return [by_title[title] for title in titles]


def name_spans(article: Article, entities: dict[str, Entity]) -> list[list]:
    """Every occurrence of a known name in the stored body: [start, end, entity id, quote]."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(name) for name in entities) + r")\b")
    return [
        [match.start(), match.end(), entities[match.group()].pk, match.group()]
        for match in pattern.finditer(article.body)
    ]


def sentence_spans(article: Article) -> list[list]:
    """Sentences without their full stop, as the workspace snaps a selection to words:
    [start, end, quote]."""
    return [
        [match.start(), match.end(), match.group()]
        for match in re.finditer(r"[A-Z][^.\n]{20,}(?=\.)", article.body)
    ]


def users(prefix: str, count: int, role: str, password_hash: str) -> list[User]:
    group = Group.objects.get(name=role)
    made = []
    for number in range(count):
        user = User.objects.create(username=f"{prefix}{number}", password=password_hash)
        user.groups.add(group)
        made.append(user)
    return made


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    password_hash = make_password(PASSWORD)  # hashed once: it is slow on purpose
    if "--minimal" in sys.argv:
        (importer,) = users("load-importer-", 1, roles.ANNOTATOR, password_hash)
        _, token = token_create(user=importer, name="fault test", created_by=importer)
        print(json.dumps({"api_tokens": [token]}))
        return

    rng = random.Random(2024)
    annotators = users("load-annotator-", ANNOTATORS, roles.ANNOTATOR, password_hash)
    reviewers = users("load-reviewer-", REVIEWERS, roles.REVIEWER, password_hash)
    curators = users("load-curator-", CURATORS, roles.CURATOR, password_hash)
    api_users = users("load-api-", API_USERS, roles.ANNOTATOR, password_hash)
    tokens = [token_create(user=user, name="load test", created_by=user)[1] for user in api_users]

    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    entities = {
        name: Entity.objects.create(name=name, kind=kinds[kind], created_by=curators[0])
        for name, kind in NAMES
    }
    event_type = EventType.objects.get(slug=EVENT_TYPE)

    with tempfile.TemporaryDirectory() as folder:
        generated = import_articles(
            Path(folder), rng, ANNOTATORS * ARTICLES_PER_ANNOTATOR + POOL_ARTICLES, annotators[0]
        )
    own, pool = generated[: ANNOTATORS * ARTICLES_PER_ANNOTATOR], generated[-POOL_ARTICLES:]

    # The reviewers' pool: annotators' work, submitted.
    queue = []
    for number, article in enumerate(pool):
        author = annotators[number % ANNOTATORS]
        for start, end, entity_id, _quote in name_spans(article, entities)[
            :POOL_MENTIONS_PER_ARTICLE
        ]:
            mention = annotation_services.mention_create(
                article=article,
                start=start,
                end=end,
                entity=Entity.objects.get(pk=entity_id),
                created_by=author,
            )
            workflow.submit(mention, by=author, expected_version=mention.version)
            queue.append(["mention", mention.pk, mention.version])
        for start, end, _quote in sentence_spans(article)[:POOL_EVENTS_PER_ARTICLE]:
            event = annotation_services.event_create(
                article=article,
                start=start,
                end=end,
                event_type=event_type,
                headline=f"Pool event {len(queue)}",
                date="2024-06-20",
                created_by=author,
            )
            workflow.submit(event, by=author, expected_version=event.version)
            queue.append(["event", event.pk, event.version])
    rng.shuffle(queue)

    # A public chronology: approved events, gathered into published entries.
    curator = curators[0]
    chronology = chronology_services.chronology_create(
        by=curator, title="Load test desk", slug=CHRONOLOGY_SLUG, is_public=True
    )
    seeds = list(Article.objects.exclude(pk__in=[a.pk for a in generated]).order_by("pk"))
    for number in range(CHRONOLOGY_ENTRIES):
        article = seeds[number % len(seeds)]
        start, end, _quote = sentence_spans(article)[number // len(seeds)]
        author = annotators[number % ANNOTATORS]
        event = annotation_services.event_create(
            article=article,
            start=start,
            end=end,
            event_type=event_type,
            headline=f"Chronology event {number}",
            date=f"2024-06-{number + 1:02}",
            created_by=author,
        )
        workflow.submit(event, by=author, expected_version=event.version)
        workflow.approve(event, by=reviewers[0], expected_version=event.version)
        entry = chronology_services.entry_create(events=[event], by=curator)
        chronology_services.entry_publish(
            entry=entry, chronologies=[chronology], by=curator, expected_version=entry.version
        )

    reviewing = reviewers + curators
    plan = {
        "password": PASSWORD,
        "chronology": CHRONOLOGY_SLUG,
        "event_type": EVENT_TYPE,
        "annotators": [
            {
                "username": user.username,
                "articles": [
                    {
                        "id": article.pk,
                        "names": name_spans(article, entities),
                        "sentences": sentence_spans(article),
                    }
                    for article in own[
                        n * ARTICLES_PER_ANNOTATOR : (n + 1) * ARTICLES_PER_ANNOTATOR
                    ]
                ],
            }
            for n, user in enumerate(annotators)
        ],
        "reviewers": [
            {"username": user.username, "queue": queue[n :: len(reviewing)]}
            for n, user in enumerate(reviewing)
        ],
        "read_articles": [article.pk for article in Article.objects.order_by("pk")],
        "api_tokens": tokens,
        "article_count": Article.objects.count(),
    }
    print(json.dumps(plan))


if __name__ == "__main__":
    main()

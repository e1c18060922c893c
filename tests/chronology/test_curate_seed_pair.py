"""The seed pair (issue 9): seeds 000 and 001 both report the White House cancelling the
US–Israel Strategic Consultative Group meeting. Imported from seeds/, annotated with their
own words, submitted and approved by a second person, the two events come out on /curate/
as one suggested pair, and nothing else on the page pairs with them."""

import re
from datetime import date
from pathlib import Path

import pytest

from curation.annotations import services as annotation_services
from curation.annotations import workflow
from curation.annotations.models import Entity, EntityKind, EventType
from curation.articles.models import Article
from curation.articles.services import articles_import_paths
from curation.chronology.models import Entry
from curation.temporal import find_dates
from tests.chronology.desk import client_for
from tests.factories import AnnotatorFactory, UserFactory

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SCG_000 = "The meeting, originally scheduled for last Thursday, was reportedly canceled"
SCG_001 = (
    "the gathering was canceled by the White House, shortly before it was scheduled to take place"
)
SCG_001_SENTENCE = "were in Washington last week for a gathering of the forum, but " + SCG_001
WORKING_GROUPS = (
    "Prime Minister Benjamin Netanyahu reestablished multiple working groups that focus on "
    "the Iranian nuclear threat two weeks ago"
)


@pytest.fixture
def seeds() -> dict[str, Article]:
    """The three seeds imported as the desk imports files; 000 and 002 have no date in
    their text, so an editor enters it (README: 000 was published on 26 June 2024)."""
    outcomes = [
        outcome
        for _, found in articles_import_paths(files=sorted(SEEDS.glob("*.txt")))
        for outcome in found
    ]
    assert [outcome.status for outcome in outcomes] == ["imported"] * 3, outcomes
    articles = {
        Path(outcome.where).name[:3]: Article.objects.get(pk=outcome.article_id)
        for outcome in outcomes
    }
    for seed, published in (("000", date(2024, 6, 26)), ("002", date(2024, 10, 9))):
        Article.objects.filter(pk=articles[seed].pk).update(published_on=published)
        articles[seed].refresh_from_db()
    assert articles["001"].published_on == date(2024, 6, 27)
    return articles


def entity(name: str, kind: str) -> Entity:
    return Entity.objects.get_or_create(
        name=name, defaults={"kind": EntityKind.objects.get(slug=kind)}
    )[0]


def resolved(article: Article, phrase: str, *, within: str) -> str:
    """The EDTF date the desk reads ``phrase`` in the sentence ``within`` as, against
    the article's publication date."""
    start = article.body.index(within)
    [found] = [
        mention
        for mention in find_dates(article.body, article.published_on)
        if mention.text == phrase and start <= mention.start < start + len(within)
    ]
    return found.value


def approved_event(article: Article, passage: str, *, date_value, type_slug, participants):
    """Marked by an annotator with the article's own words, submitted, and approved by a
    reviewer (four eyes)."""
    annotator = AnnotatorFactory()
    reviewer = UserFactory(role="reviewer")
    start = article.body.index(passage)
    event = annotation_services.event_create(
        article=article,
        start=start,
        end=start + len(passage),
        quote=passage,
        event_type=EventType.objects.get(slug=type_slug),
        headline=passage[:80],
        created_by=annotator,
        date=date_value,
        participants=[(entity(name, kind), role) for name, kind, role in participants],
    )
    workflow.submit(event, by=annotator, expected_version=event.version)
    workflow.approve(event, by=reviewer, expected_version=event.version)
    return event


@pytest.fixture
def approved(seeds):
    white_house = ("White House", "organisation", "actor")
    israel = ("Israel", "place", "target")
    events = {
        "scg 000": approved_event(
            seeds["000"],
            SCG_000,
            date_value=resolved(seeds["000"], "last Thursday", within=SCG_000),
            type_slug="reject-meeting-cancelled",
            participants=[white_house, israel],
        ),
        "scg 001": approved_event(
            seeds["001"],
            SCG_001,
            # "were in Washington last week for a gathering of the forum, but the gathering
            # was canceled": the date is earlier in the sentence than the passage.
            date_value=resolved(seeds["001"], "last week", within=SCG_001_SENTENCE),
            type_slug="reject-meeting-cancelled",
            participants=[white_house, israel],
        ),
        # Same type, and Israel again, but in October: not the same happening.
        "gallant 002": approved_event(
            seeds["002"],
            "Israel has told the US that defence minister Yoav Gallant will no longer travel "
            "to Washington this week",
            date_value="2024-10-09",
            type_slug="reject-meeting-cancelled",
            participants=[("Israel", "place", "actor"), ("Yoav Gallant", "person", "actor")],
        ),
        # Israel again, and in June, but another kind of happening.
        "working groups 001": approved_event(
            seeds["001"],
            "Prime Minister Benjamin Netanyahu reestablished multiple working groups",
            date_value=resolved(seeds["001"], "two weeks ago", within=WORKING_GROUPS),
            type_slug="cooperate",
            participants=[("Benjamin Netanyahu", "person", "actor"), israel],
        ),
    }
    return events


def suggestions_on_the_page(html: str) -> dict[int, list[str]]:
    """Each card's suggestions: event id -> the keys it suggests, best first."""
    cards = re.split(r'<article id="card-', html)[1:]
    return {
        int(card[: card.index('"')]): re.findall(
            r'class="suggestion" data-key="([a-z]+-\d+)"', card
        )
        for card in cards
    }


def test_the_two_reports_of_the_cancelled_scg_meeting_are_one_suggested_pair(approved):
    scg_000, scg_001 = approved["scg 000"], approved["scg 001"]
    assert (scg_000.date, scg_001.date) == ("2024-06-20", "2024-06-17/2024-06-23")
    curator = UserFactory(username="cura", role="curator")

    response = client_for(curator).get("/curate/")

    html = response.content.decode()
    assert suggestions_on_the_page(html) == {
        scg_001.pk: [f"event-{scg_000.pk}"],  # last week (17–23 June) comes first
        scg_000.pk: [f"event-{scg_001.pk}"],
        approved["working groups 001"].pk: [],
        approved["gallant 002"].pk: [],
    }
    assert (
        "same type REJECT › meeting cancelled or postponed; dates 20 June 2024 / 17–23 June "
        "2024 overlap; shared: Israel, White House"
    ) in html
    assert SCG_000 in html and SCG_001 in html


def test_merging_the_pair_makes_one_entry_citing_both_seeds(approved, seeds):
    scg_000, scg_001 = approved["scg 000"], approved["scg 001"]
    client = client_for(UserFactory(username="cura", role="curator"))

    response = client.post(
        f"/curate/events/{scg_000.pk}/merge/",
        {"with": f"event-{scg_001.pk}", "shown": [scg_000.pk, scg_001.pk]},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    entry = Entry.objects.get()
    assert entry.date == "2024-06-20"  # the more precise report's
    assert {e.article_id for e in entry.events.all()} == {seeds["000"].pk, seeds["001"].pk}
    after = suggestions_on_the_page(client.get("/curate/").content.decode())
    assert after == {approved["working groups 001"].pk: [], approved["gallant 002"].pk: []}

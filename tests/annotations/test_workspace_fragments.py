"""What the workspace sends back after a change: only what the change touched, the same
HTML as a full render of the page, and a cost that doesn't grow with the article."""

import random
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curation.annotations import selectors
from curation.annotations.models import Alias, EntityKind, Event, EventType, Mention
from curation.annotations.selectors import EntityCount, gone_rows, panel_update
from curation.annotations.spans import Span, paragraph_bounds, paragraphs
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


# --- cutting only some paragraphs (pure) ----------------------------------------------------


def test_cutting_some_paragraphs_with_only_their_spans_gives_their_segments_in_the_whole():
    rng = random.Random(26)
    alphabet = "ab é🙂\n\n\n."
    for _ in range(2000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60)))
        spans = []
        for key in range(rng.randrange(0, 8) if len(body) > 1 else 0):
            start = rng.randrange(0, len(body))
            spans.append(Span(start, rng.randrange(start + 1, len(body) + 1), key))
        bounds = paragraph_bounds(body)
        whole = paragraphs(body, spans)
        assert len(whole) == len(bounds)
        chosen = sorted(rng.sample(range(len(bounds)), rng.randrange(0, len(bounds) + 1)))
        subset = [bounds[index] for index in chosen]
        overlapping = [
            span for span in spans if any(s < span.end and span.start < e for s, e in subset)
        ]
        assert paragraphs(body, overlapping, bounds=subset) == [whole[i] for i in chosen]


# --- segments are escaped as format_html escapes (pure) ---------------------------------------


def test_markup_in_the_text_and_in_names_is_escaped_in_a_change(annotator_client):
    body = 'He said "<script>alert(1)</script>" to Hezbollah.\n\nThe <b>Bold</b> replied.'
    article = ArticleFactory(body=body)
    group = EntityKind.objects.get(slug="group")
    hezbollah = EntityFactory(name='Hezbollah "><img src=x onerror=alert(1)>', kind=group)
    Alias.objects.create(entity=hezbollah, text="Hezbollah")
    bold = EntityFactory(name="<b>Bold</b>", kind=group)
    page = workspace(annotator_client, article, suggest=True)
    start = body.index("<b>Bold</b>")
    response = annotator_client.post(
        url("mention-create", article.pk),
        {"start": start, "end": start + 11, "entity": bold.pk, "suggest": "on"},
        **HTMX,
    )
    html = response.content.decode()
    for payload in ("<script>", "<img", "<b>"):
        assert payload not in html and payload not in str(page.by_id)
    assert "&lt;script&gt;" in page.paragraphs["p-0"]
    assert (
        'data-sug-label="Hezbollah &quot;&gt;&lt;img src=x onerror=alert(1)&gt; (Group)"'
        in (page.paragraphs["p-0"])
    )
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html  # the text, the message and the row


# --- the panel's rows (pure) ------------------------------------------------------------------


def rows(*counts: tuple[int, str, int]) -> list[EntityCount]:
    """Rows in the panel's order: most mentions first, then by name, then by id."""
    built = [EntityCount(entity_id, name, "person", count) for entity_id, name, count in counts]
    return sorted(built, key=lambda row: (-row.count, row.name.casefold(), row.id))


def apply(panel: list[int], update) -> list[int]:
    """The entity ids listed after the browser applies the update, as htmx does."""
    assert set(update.removed) <= set(panel), "htmx logs an error for a row that isn't there"
    listed = [entity_id for entity_id in panel if entity_id not in update.removed]
    for row, before in update.inserted:
        listed.insert(listed.index(before) if before is not None else len(listed), row.id)
    return listed


def test_a_new_entity_row_goes_where_a_full_render_puts_it():
    after = rows((1, "Iran", 3), (2, "Israel", 1), (3, "Hezbollah", 1))
    update = panel_update(after, {3: 1})
    assert update.removed == []  # it had no row
    assert update.inserted == [(after[1], 2)]  # before Israel: H < I
    assert apply([1, 2], update) == [row.id for row in after]
    assert update.mention_count == 5 and not update.emptiness_changed


def test_a_row_whose_count_grows_moves_up():
    after = rows((1, "Iran", 2), (2, "Zarif", 3), (3, "Abbas", 1))
    update = panel_update(after, {2: 1})
    assert update.removed == [2]
    assert apply([1, 2, 3], update) == [2, 1, 3] == [row.id for row in after]


def test_a_relink_moves_both_rows_and_a_row_that_drops_to_nothing_goes():
    after = rows((1, "Iran", 2), (2, "Israel", 2), (4, "Tehran", 1))
    # Zarif (3) lost his only mention to Israel, which had one.
    update = panel_update(after, {2: 1, 3: -1})
    assert sorted(update.removed) == [2, 3]
    assert apply([1, 2, 3, 4], update) == [1, 2, 4] == [row.id for row in after]


def test_relinked_to_the_same_entity_replaces_its_row():
    after = rows((1, "Iran", 1))
    update = panel_update(after, {1: 0})
    assert update.removed == [1] and apply([1], update) == [1]


def test_two_changed_rows_next_to_each_other_are_inserted_last_first():
    after = rows((1, "Alpha", 2), (2, "Beta", 2), (3, "Gamma", 1))
    update = panel_update(after, {1: 1, 2: 1})  # each had one mention before
    assert [row.id for row, _ in update.inserted] == [2, 1]
    assert apply([3, 1, 2], update) == [1, 2, 3]


def test_the_hint_changes_only_when_the_list_empties_or_fills():
    assert panel_update(rows((1, "Iran", 1)), {1: 1}).emptiness_changed
    assert panel_update([], {1: -1}).emptiness_changed
    assert not panel_update(rows((1, "Iran", 2)), {1: 1}).emptiness_changed


def test_a_page_listing_the_first_rows_lists_the_first_rows_after_any_change():
    rng = random.Random(100)
    for _ in range(3000):
        names = rng.sample(["Abbas", "Beirut", "Gaza", "Iran", "Israel", "Zarif"], 6)
        before = rows(*((i, names[i], rng.choice([0, 0, 1, 2, 3])) for i in range(6)))
        counts = {row.id: row.count for row in before}
        changed = rng.sample(range(6), rng.choice([1, 2]))  # a mark or removal; a relink
        changes = {i: rng.randint(-counts.get(i, 0), 2) for i in changed}
        after = rows(
            *((i, names[i], counts.get(i, 0) + changes.get(i, 0)) for i in range(6)),
        )
        after = [row for row in after if row.count]
        before = [row for row in before if row.count]
        gone = {row.id: row for row in before if row.id not in {r.id for r in after}}
        limit = rng.choice([None, 1, 2, 3, 4])
        update = panel_update(after, changes, limit=limit, gone=gone)
        listed = apply([row.id for row in before[:limit]], update)
        assert listed == [row.id for row in after[:limit]], (before, changes, limit)
        assert update.hidden_count == len(after) - len(after[:limit])
        hidden_before = len(before) - len(before[:limit])
        assert update.hidden_count_changed == (update.hidden_count != hidden_before)


def test_a_page_listing_the_first_rows_needs_the_rows_gone():
    after = rows((1, "Iran", 2))
    with pytest.raises(ValueError, match="needs gone"):
        panel_update(after, {2: -1}, limit=1)
    update = panel_update(after, {2: -1}, limit=1, gone={2: EntityCount(2, "Abbas", "person", 1)})
    assert update.removed == [] and update.inserted == []  # Abbas was not listed
    assert panel_update(after, {2: -1}).removed == [2]  # every row listed: it was


@pytest.mark.django_db
def test_the_rows_gone_are_read_with_their_names_even_of_an_entity_deleted_meanwhile():
    abbas = EntityFactory(name="Abbas")
    deleted = EntityFactory(name="Zarif")
    deleted_id = deleted.pk
    deleted.delete()
    gone = gone_rows({abbas.pk: -2, deleted_id: -1, 7: 1}, rows((7, "Iran", 1)))
    assert gone == {
        abbas.pk: EntityCount(abbas.pk, "Abbas", abbas.kind.slug, 2),
        deleted_id: EntityCount(deleted_id, "", "", 1),
    }


# --- the fragments are the page's own HTML -----------------------------------------------------


class _Elements(HTMLParser):
    """The outer HTML of every element with an id, and the ids in the entity list."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        # getpos() counts lines at "\n" only
        self.lines = [0, *(match.end() for match in re.finditer("\n", html))]
        self.open: list[tuple[str, str | None, int, dict]] = []
        self.by_id: dict[str, str] = {}
        self.oob: list[tuple[str, str, str]] = []  # (hx-swap-oob, id, outer html)
        self.feed(html)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"br", "input", "img", "meta", "link", "hr"}:
            return
        self.open.append((tag, attributes.get("id"), self._offset(), attributes))

    def handle_endtag(self, tag):
        while self.open:
            open_tag, element_id, start, attributes = self.open.pop()
            if open_tag == tag:
                break
        end = self._offset() + len(f"</{tag}>")
        outer = self.html[start:end]
        if element_id:
            self.by_id.setdefault(element_id, outer)
        if "hx-swap-oob" in attributes:
            self.oob.append((attributes["hx-swap-oob"], element_id or "", outer))


def without_oob(html: str) -> str:
    return html.replace(' hx-swap-oob="true"', "")


def inner(html: str) -> str:
    return html[html.index(">") + 1 : html.rindex("<")]


class Page:
    """The parts of the workspace a change can swap, from a full render."""

    def __init__(self, html: str):
        elements = _Elements(html)
        self.by_id = elements.by_id
        self.paragraphs = {k: v for k, v in elements.by_id.items() if re.fullmatch(r"p-\d+", k)}
        self.row_html: dict[str, str] = {}
        self._list_rows(elements)

    def _list_rows(self, elements: _Elements) -> None:
        self.rows = re.findall(r'<li id="entity-row-(\d+)">', elements.by_id["entity-counts"])
        self.row_html |= {k: v for k, v in elements.by_id.items() if k.startswith("entity-row-")}

    def show_all(self, response_html: str) -> None:
        """What htmx does with the answer to "Show the other … entities": the list
        swapped whole (outerHTML), then the out-of-band pieces."""
        self._list_rows(_Elements(response_html))
        self.apply(response_html)

    def apply(self, response_html: str) -> None:
        """Do to these parts what htmx does with the response's out-of-band pieces."""
        for swap, element_id, outer in _Elements(response_html).oob:
            if swap == "true":
                assert element_id in self.by_id, f"no #{element_id} on the page"
                self.by_id[element_id] = without_oob(outer)
                if element_id.startswith("p-"):
                    self.paragraphs[element_id] = without_oob(outer)
                if element_id == "entity-counts":
                    self._list_rows(_Elements(without_oob(outer)))
            elif swap == "delete":  # htmx logs an error when the row isn't there
                self.rows.remove(element_id.removeprefix("entity-row-"))
            else:
                where, target = swap.split(":")
                row = re.search(r'<li id="entity-row-(\d+)">', outer)[1]
                self.row_html[f"entity-row-{row}"] = inner(outer)
                if where == "beforeend":
                    assert target == "#entity-counts"
                    self.rows.append(row)
                else:
                    assert where == "beforebegin"
                    self.rows.insert(self.rows.index(target.removeprefix("#entity-row-")), row)


def workspace(client, article, *, suggest=False, all_rows=False) -> Page:
    """The page as a full render shows it; ``all_rows``: after "Show the other … entities"."""
    response = client.get(url("workspace", article.pk), {"suggest": "1"} if suggest else {})
    assert response.status_code == 200
    page = Page(response.content.decode())
    if all_rows:
        listed = client.get(url("entity-rows", article.pk), **HTMX)
        assert listed.status_code == 200
        page.show_all(listed.content.decode())
    return page


def assert_same(page: Page, fresh: Page) -> None:
    """What the browser holds after the change is what a full render now shows."""
    # each mention is anchored once, at its first segment (j/k and #m-12 links land there)
    anchors = re.findall(r' id="m-(\d+)"', "".join(fresh.paragraphs.values()))
    assert len(anchors) == len(set(anchors))
    assert page.paragraphs == fresh.paragraphs
    assert page.rows == fresh.rows
    for row in fresh.rows:
        assert page.row_html[f"entity-row-{row}"] == fresh.row_html[f"entity-row-{row}"]
    for piece in ("mention-count", "entity-hint", "entity-more", "suggest-status", "my-drafts"):
        assert page.by_id.get(piece) == fresh.by_id.get(piece), piece


BODY = (
    "Israel and Iran traded threats. Officials in Tehran met Hezbollah.\n\n"
    "Hizbollah fired rockets. Netanyahu spoke; Benjamin Netanyahu left.\n\n"
    "In Beirut, Hezbollah said Iran had not been told. Netanyahu did not reply.\n\n"
    "Tehran and Beirut were quiet."
)


@pytest.fixture
def marked(annotator):
    """An article with the annotator's mentions in every paragraph, one crossing a
    paragraph break (as an old import left it), events, and entities that Suggest finds
    elsewhere."""
    article = ArticleFactory(body=BODY)
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    entities = {
        name: EntityFactory(name=name, kind=kinds[kind])
        for name, kind in [
            ("Israel", "place"),
            ("Iran", "place"),
            ("Tehran", "place"),
            ("Hezbollah", "group"),
            ("Benjamin Netanyahu", "person"),
            ("Beirut", "place"),
        ]
    }
    for name, occurrence in [("Israel", 0), ("Iran", 0), ("Hezbollah", 0), ("Beirut", 1)]:
        start = [m.start() for m in re.finditer(name, BODY)][occurrence]
        MentionFactory(
            article=article,
            entity=entities[name],
            quote_text=name,
            start=start,
            created_by=annotator,
        )
    crossing = BODY.index("Hezbollah.")
    Mention.objects.create(
        article=article,
        entity=entities["Hezbollah"],
        start=crossing,
        end=BODY.index(" fired"),
        quote=BODY[crossing : BODY.index(" fired")],
        created_by=annotator,
    )
    meeting = EventType.objects.get(slug="consult-meeting")
    for sentence in ("Officials in Tehran met Hezbollah.", "Netanyahu did not reply."):
        start = BODY.index(sentence)
        # three events on one passage: the text lists them in date order, undated last
        for headline, date in [("A", "2024-06-21"), ("B", ""), ("C", "2024-06-20")]:
            Event.objects.create(
                article=article,
                start=start,
                end=start + len(sentence),
                quote=sentence,
                event_type=meeting,
                headline=headline,
                date=date,
            )
    return article, entities


def span_at(text: str, occurrence: int = 0) -> dict:
    start = [m.start() for m in re.finditer(re.escape(text), BODY)][occurrence]
    return {"start": start, "end": start + len(text), "quote": text}


# How much of the side panel the page lists: every row (fewer entities than the panel
# lists first), its first rows only, or every row after "Show the other … entities".
ALL_FIT, FIRST_ROWS, ALL_ASKED = "all fit", "first rows", "all asked for"


@pytest.mark.parametrize("listed", [ALL_FIT, FIRST_ROWS, ALL_ASKED])
@pytest.mark.parametrize("suggest", [False, True])
def test_creating_relinking_and_removing_leaves_the_page_as_a_full_render_shows_it(
    annotator_client, marked, suggest, listed, monkeypatch
):
    article, entities = marked
    if listed != ALL_FIT:  # the article names 4 entities, and 0 to 5 along the way
        monkeypatch.setattr(selectors, "PANEL_ROWS", 3)
    all_rows = listed == ALL_ASKED
    if all_rows:  # static/js/workspace.js's header, once every row is listed
        annotator_client.defaults["HTTP_X_ENTITY_ROWS"] = "all"
    page = workspace(annotator_client, article, suggest=suggest, all_rows=all_rows)
    flag = {"suggest": "on"} if suggest else {}
    assert (" hidden" in page.by_id["entity-more"].split(">")[0]) == (listed != FIRST_ROWS)

    def then(response) -> None:
        assert response.status_code == 200, response.content.decode()
        assert b'class="popover-done"' in response.content, response.content.decode()
        page.apply(response.content.decode())
        assert_same(page, workspace(annotator_client, article, suggest=suggest, all_rows=all_rows))

    # in the paragraph after the crossing mention: its anchor stays in the first one
    then(
        annotator_client.post(
            url("mention-create", article.pk),
            {**span_at("Netanyahu"), "entity": entities["Benjamin Netanyahu"].pk, **flag},
            **HTMX,
        )
    )
    mention = Mention.objects.get(quote="Netanyahu")
    then(
        annotator_client.post(
            url("mention-edit", article.pk, mention.pk),
            {"entity": entities["Israel"].pk, "confirmed": "on", "version": 1, **flag},
            **HTMX,
        )
    )
    assert Mention.objects.get(pk=mention.pk).entity == entities["Israel"]
    assert page.rows.count(str(entities["Benjamin Netanyahu"].pk)) == 0
    # submitted: the segment's state changes, and the count of the editor's drafts
    then(
        annotator_client.post(
            url("mention-state", article.pk, mention.pk),
            {"action": "submit", "version": 2, **({"suggest": "1"} if suggest else {})},
            **HTMX,
        )
    )
    assert 'class="seg m k-place st-submitted"' in "".join(page.paragraphs.values())
    israel = Mention.objects.get(quote="Israel")
    then(
        annotator_client.post(
            url("mention-delete", article.pk, israel.pk),
            {"version": israel.version, **({"suggest": "1"} if suggest else {})},
            **HTMX,
        )
    )
    # a new entity from the popover: a row for it, and while suggesting, its name found
    # in other paragraphs
    then(
        annotator_client.post(
            url("mention-create", article.pk),
            {
                **span_at("Tehran"),
                "create": "on",
                "name": "Tehran",
                "kind": entities["Tehran"].kind.pk,
                "confirmed": "on",
                **flag,
            },
            **HTMX,
        )
    )
    # a reviewer would be needed for the submitted one: take it back first
    then(
        annotator_client.post(
            url("mention-state", article.pk, mention.pk),
            {"action": "withdraw", "version": 3, **({"suggest": "1"} if suggest else {})},
            **HTMX,
        )
    )
    for mention in Mention.objects.filter(article=article):
        then(
            annotator_client.post(
                url("mention-delete", article.pk, mention.pk),
                {"version": mention.version, **({"suggest": "1"} if suggest else {})},
                **HTMX,
            )
        )
    assert "Submit all my drafts" not in page.by_id["my-drafts"]
    assert "Nothing marked yet" in page.by_id["entity-hint"]
    assert " hidden" not in page.by_id["entity-hint"].split(">")[0]


def test_a_learnt_alias_brings_its_suggestions_in_other_paragraphs(annotator_client):
    body = (
        "Hizbollah fired.\n\nIsrael replied.\n\nHizbollah fired again.\n\nHezbollah said so."
        "\n\nHizbollah fired once more."
    )
    article = ArticleFactory(body=body)
    hezbollah = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="place"))
    page = workspace(annotator_client, article, suggest=True)
    assert "2 suggestions" in page.by_id["suggest-status"]  # Israel, Hezbollah

    response = annotator_client.post(
        url("mention-create", article.pk),
        {"start": 0, "end": 9, "quote": "Hizbollah", "entity": hezbollah.pk, "suggest": "on"},
        **HTMX,
    )
    assert Alias.objects.filter(entity=hezbollah, text="Hizbollah").exists()
    html = response.content.decode()
    # the marked paragraph; the other "Hizbollah", now suggested; and, as this is the
    # entity's first mention, where its name is suggested. Not "Israel replied."
    assert re.findall(r'<p id="(p-\d+)"', html) == ["p-0", "p-2", "p-3", "p-4"]
    page.apply(html)
    assert_same(page, workspace(annotator_client, article, suggest=True))
    assert "4 suggestions" in page.by_id["suggest-status"]  # and two Hizbollah

    start = body.index("Hizbollah fired again")
    response = annotator_client.post(
        url("suggestion-accept", article.pk),
        {"start": start, "end": start + 9, "quote": "Hizbollah", "entity": hezbollah.pk},
        **HTMX,
    )
    html = response.content.decode()
    # the alias is known now: the last "Hizbollah" is suggested as it was
    assert re.findall(r'<p id="(p-\d+)"', html) == ["p-2"]
    page.apply(html)
    assert_same(page, workspace(annotator_client, article, suggest=True))


def test_marking_a_known_name_sends_only_its_paragraph_while_suggesting(annotator_client, marked):
    article, entities = marked
    page = workspace(annotator_client, article, suggest=True)
    response = annotator_client.post(
        url("suggestion-accept", article.pk),
        {**span_at("Iran", 1), "entity": entities["Iran"].pk},
        **HTMX,
    )
    html = response.content.decode()
    assert re.findall(r'<p id="(p-\d+)"', html) == ["p-2"]
    page.apply(html)
    assert_same(page, workspace(annotator_client, article, suggest=True))
    # Tehran has no mention anywhere yet: it may be new, so where its name is suggested
    # is sent as well
    response = annotator_client.post(
        url("suggestion-accept", article.pk),
        {**span_at("Tehran"), "entity": entities["Tehran"].pk},
        **HTMX,
    )
    html = response.content.decode()
    assert re.findall(r'<p id="(p-\d+)"', html) == ["p-0", "p-3"]
    page.apply(html)
    assert_same(page, workspace(annotator_client, article, suggest=True))


def test_a_dismissal_updates_every_paragraph_where_that_text_was_suggested(
    annotator_client, marked
):
    article, entities = marked
    page = workspace(annotator_client, article, suggest=True)
    response = annotator_client.post(
        url("suggestion-dismiss", article.pk),
        {**span_at("Tehran"), "entity": entities["Tehran"].pk},
        **HTMX,
    )
    html = response.content.decode()
    assert "won&#x27;t be suggested as Tehran here again" in html
    assert re.findall(r'<p id="(p-\d+)"', html) == ["p-0", "p-3"]
    page.apply(html)
    assert_same(page, workspace(annotator_client, article, suggest=True))


def test_without_suggestions_only_the_touched_paragraph_and_rows_are_sent(annotator_client, marked):
    article, entities = marked
    response = annotator_client.post(
        url("mention-create", article.pk),
        {**span_at("Netanyahu"), "entity": entities["Benjamin Netanyahu"].pk},
        **HTMX,
    )
    html = response.content.decode()
    assert re.findall(r'<p id="(p-\d+)"', html) == ["p-1"]
    assert re.findall(r'<li id="entity-row-(\d+)"', html) == [
        str(entities["Benjamin Netanyahu"].pk)
    ]
    assert "suggest-status" not in html and "workspace-panel" not in html


# --- the cost of a change doesn't grow with the article --------------------------------------


def long_article(mentions: int):
    """``mentions`` names, ten to a paragraph, each marked as its own entity."""
    names = [f"Name{n} Surname{n}" for n in range(mentions)]
    paragraphs_ = [
        " ".join(f"Officials said {name} spoke." for name in names[at : at + 10])
        for at in range(0, mentions, 10)
    ]
    body = "\n\n".join([*paragraphs_, f"Nobody said anything here. Target{mentions} spoke."])
    article = ArticleFactory(body=body)
    person = EntityKind.objects.get(slug="person")
    entities = [EntityFactory(name=name, kind=person) for name in names]
    Mention.objects.bulk_create(
        Mention(
            article=article,
            entity=entity,
            start=body.index(entity.name),
            end=body.index(entity.name) + len(entity.name),
            quote=entity.name,
        )
        for entity in entities
    )
    return article, entities


def measured(client, method_url: str, data: dict) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.post(method_url, data, **HTMX)
    assert response.status_code == 200, response.content.decode()[:500]
    assert b'class="popover-done"' in response.content, response.content.decode()[:500]
    return len(captured), len(response.content)


def cost_of_each_change(client, mentions: int, *, suggest: bool) -> dict:
    article, entities = long_article(mentions)
    # names of their own, so that the text marked becomes a new alias in either article
    word = f"Target{mentions}"
    target = EntityFactory(name=f"{word} Person")
    flag = {"suggest": "on"} if suggest else {}
    start = article.body.index(word)
    costs = {
        "create": measured(
            client,
            url("mention-create", article.pk),
            {"start": start, "end": start + len(word), "entity": target.pk, **flag},
        )
    }
    mention = Mention.objects.get(article=article, quote=word)
    other = EntityFactory(name=word)  # relinked to: the text is its name, no alias to learn
    costs["relink"] = measured(
        client,
        url("mention-edit", article.pk, mention.pk),
        {"entity": other.pk, "version": 1, **flag},
    )
    costs["delete"] = measured(
        client,
        url("mention-delete", article.pk, mention.pk),
        {"version": 2, **({"suggest": "1"} if suggest else {})},
    )
    return costs


@pytest.mark.django_db
def test_a_paragraph_costs_the_same_queries_with_1_or_10_mentions(annotator_client):
    article, _ = long_article(10)
    costs = []
    for word in ("Nobody", "Officials"):  # in the last paragraph, and in the first
        entity = EntityFactory(name=word)  # the text is its name: no alias to learn
        start = article.body.index(word)
        costs.append(
            measured(
                annotator_client,
                url("mention-create", article.pk),
                {"start": start, "end": start + len(word), "entity": entity.pk},
            )[0]
        )
    assert costs[0] == costs[1]


@pytest.mark.django_db
@pytest.mark.parametrize("panel_rows", [selectors.PANEL_ROWS, 1000])
@pytest.mark.parametrize("suggest", [False, True])
def test_a_change_costs_the_same_queries_and_bytes_with_10_or_500_mentions(
    annotator_client, suggest, panel_rows, monkeypatch
):
    monkeypatch.setattr(selectors, "PANEL_ROWS", panel_rows)
    small = cost_of_each_change(annotator_client, 10, suggest=suggest)
    large = cost_of_each_change(annotator_client, 500, suggest=suggest)
    for change in ("create", "relink", "delete"):
        small_queries, small_bytes = small[change]
        large_queries, large_bytes = large[change]
        assert large_queries == small_queries, change
        assert large_bytes < 4000, (change, large_bytes)
        if panel_rows == 1000:  # every row listed: the same fragments in both
            # only ids and offsets have more digits
            assert abs(large_bytes - small_bytes) <= 200, (change, small_bytes, large_bytes)


def every_mention_read(article):
    raise AssertionError("the change read every mention of the article")


def record_event_in_the_last_paragraph(client, mentions: int, monkeypatch):
    """Queries, bytes and HTML of recording an event there (which reads only the
    mentions that paragraph holds), and that paragraph as the whole page then shows it."""
    article, _ = long_article(mentions)
    passage = "Nobody said anything here."
    start = article.body.index(passage)
    data = {
        "start": start,
        "end": start + len(passage),
        "quote": passage,
        "headline": "Nothing said",
        "event_type": "consult-meeting",
        "date": "2024-06-20",
    }
    with monkeypatch.context() as during, CaptureQueriesContext(connection) as captured:
        during.setattr(selectors, "article_marks", every_mention_read)
        response = client.post(url("event-create", article.pk), data, **HTMX)
    html = response.content.decode()
    assert 'class="popover-done"' in html, html[:500]
    page = client.get(url("workspace", article.pk)).content.decode()
    last = re.findall(r'<p id="p-\d+".*?</p>', page, flags=re.S)[-1]
    return len(captured), len(response.content), html, last


@pytest.mark.django_db
def test_recording_an_event_sends_its_paragraph_as_the_page_shows_it_whatever_the_article(
    annotator_client, monkeypatch
):
    small_queries, small_bytes, _, _ = record_event_in_the_last_paragraph(
        annotator_client, 10, monkeypatch
    )
    queries, size, html, last_paragraph = record_event_in_the_last_paragraph(
        annotator_client, 500, monkeypatch
    )
    sent = re.findall(r'<p id="p-\d+".*?</p>', html, flags=re.S)
    assert [re.sub(r' hx-swap-oob="[^"]*"', "", p) for p in sent] == [last_paragraph]
    assert queries == small_queries
    assert abs(size - small_bytes) <= 200, (small_bytes, size)  # ids have more digits

"""The review rows built in Python (curation/review/rows_html.py): every value from the
database or from people comes out as text, in elements and in attributes, in each of a
row's states; and the rows carry what the queue's script and the tests read."""

import html
import re

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from curation.annotations.models import Entity, EntityKind, Participant, Status
from curation.review import rows_html, selectors
from tests.factories import SourceFactory, UserFactory
from tests.review.work import article, event, mention

pytestmark = pytest.mark.django_db

MARKUP = '<b x="1">&\'</b>'
ESCAPED = html.escape(MARKUP)


def markup(name: str) -> str:
    return f"{MARKUP}{name}"


def assert_escaped(page: str, *names: str) -> None:
    assert "<b " not in page, page[max(0, page.find("<b ") - 200) : page.find("<b ") + 100]
    for name in names:
        assert f"{ESCAPED}{name}" in page, name


def hostile_article():
    # Context shorter than a span's stored prefix and suffix, so the row shows all of it.
    body = f"{markup('prefix')} {markup('quote')} {markup('suffix')}"
    return article(markup("title"), body=body, source=SourceFactory(name=markup("source")))


def loaded(kind: str, pk: int, user) -> selectors.WorkItem:
    return selectors.work_item(kind, pk, user=user)


def test_a_mention_row_escapes_every_value(reviewer):
    author = UserFactory(username=markup("author"), role="annotator")
    kind = EntityKind.objects.get(slug="person")
    entity = Entity.objects.create(name=markup("entity"), kind=kind)
    item = mention(by=author, on=hostile_article(), text=markup("quote"), entity=entity)
    row = loaded("mention", item.pk, reviewer)
    row.message = markup("message")
    page = rows_html.queue_row(row) + rows_html.mine_row(row)
    assert_escaped(
        page, "entity", "quote", "title", "source", "author", "message", "prefix", "suffix"
    )
    assert f'aria-label="Select this mention: {ESCAPED}quote"' in page


def test_an_event_row_escapes_every_value(reviewer):
    author = UserFactory(username=markup("author"), role="annotator")
    item = event(by=author, on=hostile_article(), text=markup("quote"), headline=markup("head"))
    kind = EntityKind.objects.get(slug="person")
    Participant.objects.create(
        event=item, entity=Entity.objects.create(name=markup("person"), kind=kind), role="target"
    )
    place = Entity.objects.create(name=markup("place"), kind=EntityKind.objects.get(slug="place"))
    type(item).objects.filter(pk=item.pk).update(location=place)
    item.event_type.name = markup("type")
    item.event_type.save()
    page = rows_html.queue_row(loaded("event", item.pk, reviewer))
    assert_escaped(page, "head", "person", "place", "type", "quote", "title", "author")
    assert f"{ESCAPED}person (target)" in page


def test_a_refused_reason_is_shown_escaped_with_its_error(reviewer, annotator):
    class Reason(forms.Form):
        reason = forms.CharField()

    form = Reason(data={"reason": markup("typed")})
    form.is_valid()
    form.add_error("reason", markup("error"))
    item = loaded("mention", mention(by=annotator).pk, reviewer)
    page = rows_html.queue_row(item, reject_form=form)
    assert_escaped(page, "typed", "error")
    reject = page[page.index('<form id="reject-') :]
    assert " hidden" not in reject[: reject.index(">")]  # open, with what was typed
    assert 'aria-invalid="true"' in reject and "autofocus" in reject


def test_a_rejection_and_its_reviewer_are_escaped_in_my_work(annotator):
    reviewer = UserFactory(username=markup("reviewer"), role="reviewer")
    item = mention(by=annotator, status=Status.REJECTED)
    type(item).objects.filter(pk=item.pk).update(review_note=markup("reason"), reviewed_by=reviewer)
    page = rows_html.mine_row(loaded("mention", item.pk, annotator))
    assert_escaped(page, "reason", "reviewer")
    assert "Submit again" in page


def test_a_row_carries_no_reject_form_until_asked_for_only_its_address(reviewer, annotator):
    made = mention(by=annotator)
    page = rows_html.queue_row(loaded("mention", made.pk, reviewer))
    assert '<form id="reject-' not in page
    assert re.search(
        rf'<button [^>]*data-action="reject" data-reject-url="/review/mention/{made.pk}/reject/" '
        r'aria-expanded="false">',
        page,
    )


def test_the_page_has_one_hidden_reject_form_for_review_js_to_copy(reviewer, annotator):
    for _ in range(3):
        mention(by=annotator)
    client = Client()
    client.force_login(reviewer)
    page = client.get(reverse("review:queue")).content.decode()
    assert page.count('data-action="reject" data-reject-url=') == 3
    assert page.count('class="reject-form') == 1
    template = page[page.index('<template id="reject-form-template">') :]
    form = template[: template.index("</template>")]
    assert re.match(r'<template id="reject-form-template"><form id="reject-" [^>]* hidden>', form)
    assert 'name="reason"' in form and 'name="version" value=""' in form


def test_links_point_at_this_rows_item_and_article(reviewer, annotator):
    first, second = mention(by=annotator), mention(by=annotator)
    page = rows_html.queue_row(loaded("mention", second.pk, reviewer))
    assert f'hx-post="/review/mention/{second.pk}/approve/"' in page
    assert f'href="/articles/{second.article_id}/"' in page
    assert f'data-open="/articles/{second.article_id}/annotate/#m-{second.pk}"' in page
    assert f"/{first.pk}/" not in page.replace(f"/{second.pk}/", "")


def test_a_gone_row_spans_its_table(reviewer):
    assert 'colspan="8"' in rows_html.gone_row("mention")
    assert 'colspan="5"' in rows_html.gone_row("event", mine=True)
    assert "&lt;i&gt;" in rows_html.gone_row("<i>")


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.REJECTED]
)
@pytest.mark.parametrize("sourced", [True, False])
def test_a_page_of_rows_reads_mentions_as_values_and_draws_them_as_the_mentions(
    status, sourced, reviewer, annotator
):
    # The tables read a page of mentions as values (curation/review/mention_rows.py);
    # an action's answer reads the mention itself. Both rows are the same HTML.
    if sourced:
        item = mention(by=annotator, on=hostile_article(), text=markup("quote"), status=status)
    else:
        item = mention(by=annotator, on=article(markup("title"), source=None), status=status)
    type(item).objects.filter(pk=item.pk).update(
        reviewed_by=reviewer, review_note=markup("note"), reviewed_at=item.updated_at
    )
    for user in (reviewer, annotator):
        [from_values] = selectors.work_items([{"kind": "mention", "id": item.pk}], user=user)
        from_model = loaded("mention", item.pk, user)
        assert type(from_values.obj) is not type(from_model.obj)
        assert from_values.actions == from_model.actions
        for draw in (rows_html.queue_row, rows_html.mine_row):
            assert draw(from_values) == draw(from_model)

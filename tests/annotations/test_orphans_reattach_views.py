"""Re-attaching an orphan from the workspace: the person selects the new words and
confirms; the answer swaps the paragraph it now sits in, the counts and the Orphans
panel, and a refusal says why (403, 409, 422), never a 500."""

import re
from html import unescape

import pytest
from django.test import Client

from curation.annotations.models import Event, Mention, Status
from tests.annotations.orphans import HTMX, REWRITTEN, orphaned_work, selection, url
from tests.corrections import nth, on_its_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(annotator):
    return orphaned_work(by=annotator)


def reattach_mention(client, work, **post):
    data = {**selection("government"), "version": work.mention.version, **post}
    return client.post(url("mention-reattach", work.article.pk, work.mention.pk), data, **HTMX)


def reattach_event(client, work, **post):
    evidence = "the government in Beirut said the report was false"
    data = {**selection(evidence), "version": work.event.version, **post}
    return client.post(url("event-reattach", work.article.pk, work.event.pk), data, **HTMX)


def stored(item):
    return type(item).objects.values().get(pk=item.pk)


def test_the_author_re_attaches_a_mention_and_only_what_changed_is_swapped(annotator_client, work):
    response = reattach_mention(annotator_client, work)
    html = response.content.decode()
    assert response.status_code == 200
    work.mention.refresh_from_db()
    start = nth(REWRITTEN, "government")
    assert (work.mention.start, work.mention.end) == (start, start + len("government"))
    assert on_its_words(work.mention)
    assert "Re-attached the mention of Officials to “government”." in html
    # the paragraph it now sits in, marked; not the others, not the whole text
    assert re.search(r'<p id="p-2" [^>]*hx-swap-oob="true">', html)
    assert f'data-m="{work.mention.pk}"' in html
    assert 'id="p-0"' not in html and 'id="p-1"' not in html
    assert 'id="workspace-text"' not in html
    # the counts: Haifa and now Officials
    assert re.search(r'id="mention-count" hx-swap-oob="true">2 mentions<', html)
    # the Orphans panel, last, with only the event left
    panel = html[html.index('<section id="orphans-panel"') :]
    assert 'hx-swap-oob="true"' in panel.split(">")[0]
    assert f'id="orphan-event-{work.event.pk}"' in panel
    assert f'id="orphan-mention-{work.mention.pk}"' not in panel
    assert '<span class="count" id="orphan-count">1</span>' in panel


def test_re_attaching_the_last_orphan_removes_the_panel(annotator_client, reviewer_client, work):
    assert reattach_mention(annotator_client, work).status_code == 200
    response = reattach_event(reviewer_client, work)  # a reviewer, on the annotator's event
    html = response.content.decode()
    assert response.status_code == 200
    work.event.refresh_from_db()
    assert work.event.quote == "the government in Beirut said the report was false"
    assert "Re-attached the event “Beirut denial”" in html
    assert 'id="events-panel"' in html and "Beirut denial" in html.split('id="events-panel"')[1]
    assert html.rstrip().endswith('<section id="orphans-panel" hx-swap-oob="delete"></section>')
    page = annotator_client.get(url("workspace", work.article.pk)).content.decode()
    assert 'id="orphans-panel"' not in page


@pytest.mark.parametrize(
    "persona, kind, allowed",
    [
        ("author", "mention", True),
        ("author", "event", True),
        ("colleague", "mention", False),
        ("colleague", "event", False),
        ("reviewer", "mention", True),
        ("reviewer", "event", True),
    ],
)
def test_re_attaching_follows_the_rules_of_editing(
    request, work, persona, kind, allowed, annotator_client
):
    client = {
        "author": annotator_client,
        "colleague": request.getfixturevalue("colleague_client"),
        "reviewer": request.getfixturevalue("reviewer_client"),
    }[persona]
    item = work.mention if kind == "mention" else work.event
    before = stored(item)
    response = (reattach_mention if kind == "mention" else reattach_event)(client, work)
    if allowed:
        assert response.status_code == 200
        item.refresh_from_db()
        assert not item.is_orphan
    else:
        assert response.status_code == 403
        assert response["X-Desk-Refusal"] == "1"
        assert f"You can't re-attach this {kind}" in unescape(response.content.decode())
        assert stored(item) == before


def test_an_author_cant_re_attach_their_work_once_approved(annotator_client, work):
    Mention.objects.filter(pk=work.mention.pk).update(status=Status.APPROVED)
    response = reattach_mention(annotator_client, work)
    assert response.status_code == 403
    assert Mention.objects.get(pk=work.mention.pk).is_orphan


def test_people_without_a_role_or_a_login_are_turned_away(stranger_client, work):
    before = stored(work.mention)
    assert reattach_mention(stranger_client, work).status_code == 403
    anonymous = reattach_mention(Client(), work)
    assert anonymous.status_code in (302, 200) and "login" in (
        anonymous.get("Location", "") + anonymous.get("HX-Redirect", "")
    )
    assert stored(work.mention) == before


def test_a_re_attachment_needs_the_csrf_token(annotator, work):
    client = Client(enforce_csrf_checks=True)
    client.force_login(annotator)
    before = stored(work.mention)
    response = reattach_mention(client, work)
    assert response.status_code == 403
    assert "403_csrf.html" in {template.name for template in response.templates}
    assert stored(work.mention) == before


def test_a_stale_version_is_refused_naming_who_changed_it(annotator_client, reviewer, work):
    from curation.annotations import services

    # The reviewer relinks the orphan after the annotator's page was made.
    services.mention_relink(
        mention=work.mention,
        entity=work.placed.entity,
        changed_by=reviewer,
        expected_version=work.mention.version,
        learn_alias=False,
    )
    before = stored(work.mention)
    response = reattach_mention(annotator_client, work, version=work.mention.version - 1)
    html = response.content.decode()
    assert response.status_code == 409
    assert re.search(r"This mention was changed by rita at \d\d:\d\d on ", html)
    assert stored(work.mention) == before


def test_a_form_without_a_version_is_refused_as_out_of_date(annotator_client, work):
    data = selection("government")
    response = annotator_client.post(
        url("mention-reattach", work.article.pk, work.mention.pk), data, **HTMX
    )
    assert response.status_code == 409
    assert "This page is older than the mention it shows" in response.content.decode()
    assert Mention.objects.get(pk=work.mention.pk).is_orphan


def test_a_mention_is_not_re_attached_across_paragraphs_but_an_event_may_be(annotator_client, work):
    # From "ready." at the end of the second paragraph into the third.
    start = nth(REWRITTEN, "ready")
    end = nth(REWRITTEN, "On Monday") + len("On Monday")
    across = {"start": start, "end": end, "quote": REWRITTEN[start:end]}
    response = reattach_mention(annotator_client, work, **across)
    assert response.status_code == 422
    assert "runs across two paragraphs" in response.content.decode()
    assert Mention.objects.get(pk=work.mention.pk).is_orphan

    response = reattach_event(annotator_client, work, **across)
    assert response.status_code == 200
    assert Event.objects.get(pk=work.event.pk).quote == REWRITTEN[start:end]


@pytest.mark.parametrize(
    "post, message",
    [
        ({"start": "", "end": "x"}, "That selection has no usable position"),
        ({"quote": "Beirut"}, "doesn't match the article"),
        ({"start": 5000, "end": 5010}, "is not inside the article"),
    ],
)
def test_a_selection_that_cant_be_used_is_refused_with_a_message(
    annotator_client, work, post, message
):
    before = stored(work.mention)
    response = reattach_mention(annotator_client, work, **post)
    assert response.status_code == 422
    assert message in unescape(response.content.decode())
    assert stored(work.mention) == before


def test_work_on_its_words_is_not_re_attached(annotator_client, work):
    before = stored(work.placed)
    response = annotator_client.post(
        url("mention-reattach", work.article.pk, work.placed.pk),
        {**selection("government"), "version": work.placed.version},
        **HTMX,
    )
    assert response.status_code == 422
    assert "only an orphan is re-attached" in response.content.decode()
    assert stored(work.placed) == before


def test_an_orphan_of_another_article_is_not_found(annotator_client, work, annotator):
    other = orphaned_work(by=annotator, lead="Update: ")
    response = annotator_client.post(
        url("mention-reattach", work.article.pk, other.mention.pk),
        {**selection("government"), "version": other.mention.version},
        **HTMX,
    )
    assert response.status_code == 404


def test_re_attaching_while_suggesting_keeps_the_suggestion_count(annotator_client, work):
    response = reattach_mention(annotator_client, work, suggest="1")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="suggest-status"' in html

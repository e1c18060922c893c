"""Correcting an article's text from admin: through the same service, with a reason,
and the revisions listed read-only."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from curation import roles
from curation.articles.corrections import article_correct
from curation.articles.models import ArticleRevision
from tests.corrections import BODY, article_with, mark, nth
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EDITED = BODY.replace("met Lloyd Austin", "met US Defense Secretary Lloyd Austin")


@pytest.fixture
def boss():
    return UserFactory(username="boss", role=roles.ADMIN, is_staff=True)


@pytest.fixture
def boss_client(boss) -> Client:
    client = Client()
    client.force_login(boss)
    return client


def correct_url(article) -> str:
    return reverse("admin:articles_article_correct", args=[article.pk])


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_change_page_links_to_the_correction_and_lists_revisions(boss_client, boss):
    article = article_with()
    article_correct(
        article=article, new_body=EDITED, by=boss, reason="<b>title</b> added & checked"
    )
    page = boss_client.get(change_url(article)).content.decode()
    assert f'href="{correct_url(article)}"' in page
    assert "&lt;b&gt;title&lt;/b&gt; added &amp; checked" in page
    assert "<b>title</b>" not in page
    for revision in article.revisions.all():
        assert reverse("admin:articles_articlerevision_change", args=[revision.pk]) in page
    assert "imported" in page


def test_a_correction_from_admin_moves_the_marks_with_the_text(boss_client, boss):
    article = article_with()
    gallant = mark(article, "Gallant", occurrence=1)
    form = boss_client.get(correct_url(article))
    assert form.status_code == 200
    assert form.context["form"]["body"].value() == BODY
    assert form.context["form"]["expected_revision"].value() == 1
    response = boss_client.post(
        correct_url(article),
        # A browser sends a textarea's line breaks as CRLF.
        {"body": EDITED.replace("\n", "\r\n"), "reason": "title added", "expected_revision": 1},
        follow=True,
    )
    assert response.redirect_chain == [(change_url(article), 302)]
    assert "Revision 2 saved: 1 annotation kept on their words, 0 to check, 0 orphans." in (
        response.content.decode()
    )
    article.refresh_from_db()
    gallant.refresh_from_db()
    assert article.body == EDITED
    assert gallant.start == nth(EDITED, "Gallant", 1)
    revision = article.revisions.get(number=2)
    assert (revision.author, revision.reason) == (boss, "title added")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"body": EDITED, "reason": "", "expected_revision": 1}, "This field is required"),
        ({"body": EDITED, "reason": "   ", "expected_revision": 1}, "This field is required"),
        ({"body": BODY, "reason": "nothing", "expected_revision": 1}, "nothing to correct"),
        ({"body": "  ", "reason": "gone", "expected_revision": 1}, "The new text is empty"),
    ],
)
def test_a_correction_that_cant_be_made_is_shown_and_changes_nothing(boss_client, data, message):
    article = article_with()
    response = boss_client.post(correct_url(article), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    article.refresh_from_db()
    assert article.body == BODY and not ArticleRevision.objects.exists()


def test_a_correction_made_meanwhile_is_not_overwritten(boss_client, boss):
    article = article_with()
    other = UserFactory(username="olga", role=roles.REVIEWER)
    article_correct(article=article, new_body=EDITED, by=other, reason="first")
    response = boss_client.post(
        correct_url(article),
        {"body": BODY + " More.", "reason": "second", "expected_revision": 1},
    )
    assert response.status_code == 422
    assert "corrected by olga" in response.content.decode()
    article.refresh_from_db()
    assert article.body == EDITED


def test_staff_without_the_permission_cannot_correct():
    article = article_with()
    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "change_article"])
    )
    client = Client()
    client.force_login(clerk)
    assert f'href="{correct_url(article)}"' not in client.get(change_url(article)).content.decode()
    assert client.get(correct_url(article)).status_code == 403
    response = client.post(
        correct_url(article), {"body": EDITED, "reason": "typo", "expected_revision": 1}
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.body == BODY


def test_the_correction_page_needs_the_admin_login(client):
    article = article_with()
    response = client.get(correct_url(article))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_revision_is_readable_and_never_editable(boss_client, boss):
    article = article_with()
    article_correct(article=article, new_body=EDITED, by=boss, reason="title added")
    first = article.revisions.get(number=1)
    url = reverse("admin:articles_articlerevision_change", args=[first.pk])
    page = boss_client.get(url)
    assert page.status_code == 200
    assert "Hezbollah fired rockets at Haifa" in page.content.decode()
    assert 'name="body"' not in page.content.decode()
    boss_client.post(url, {"body": "rewritten", "reason": "x"})
    first.refresh_from_db()
    assert first.body == BODY
    assert boss_client.get(reverse("admin:articles_articlerevision_add")).status_code == 403


def test_an_unknown_article_is_said_so(boss_client):
    response = boss_client.get(reverse("admin:articles_article_correct", args=[99999]), follow=True)
    assert "doesn’t exist" in response.content.decode()

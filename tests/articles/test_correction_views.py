"""Correcting an article from its page, and reading its revisions and what changed."""

import re

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curation import roles
from curation.annotations.models import Mention
from curation.articles.corrections import article_correct
from curation.articles.models import Article, ArticleRevision
from tests.corrections import BODY, article_with, mark, on_its_words
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TYPO = BODY.replace("Hezbollah fired", "Hezbolah fired")  # the typo the editor fixes
GALLANT = "Yoav Gallant met Lloyd Austin in Washington on 25 June. "


def client_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer():
    return UserFactory(username="rita", role=roles.REVIEWER)


@pytest.fixture
def article():
    return article_with(TYPO)


def correct_url(article: Article) -> str:
    return reverse("articles:correct", args=[article.pk])


def post_correction(client: Client, article: Article, body: str, reason="typo", expected=1):
    return client.post(
        correct_url(article), {"body": body, "reason": reason, "expected_revision": expected}
    )


def message_of(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


# --- who may correct ---------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.REVIEWER, roles.CURATOR, roles.ADMIN])
def test_the_roles_that_correct_get_the_form_filled_with_the_current_text(role, article):
    client = client_as(UserFactory(username=f"{role}-user", role=role))
    response = client.get(correct_url(article))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["body"].value() == TYPO
    assert form["expected_revision"].value() == 1
    html = response.content.decode()
    assert 'name="expected_revision" value="1"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Correct the text" in client.get(article.get_absolute_url()).content.decode()


def test_an_annotator_may_read_the_article_but_not_correct_it(annotator_client, article):
    page = annotator_client.get(article.get_absolute_url()).content.decode()
    assert "Correct the text" not in page
    assert reverse("articles:revisions", args=[article.pk]) in page
    assert annotator_client.get(correct_url(article)).status_code == 403
    response = post_correction(annotator_client, article, BODY)
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.body == TYPO and not article.revisions.exists()


def test_without_a_role_or_a_login_there_is_no_correction(stranger_client, article):
    assert stranger_client.get(correct_url(article)).status_code == 403
    response = Client().post(
        correct_url(article), {"body": BODY, "reason": "typo", "expected_revision": 1}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    article.refresh_from_db()
    assert article.body == TYPO


def test_a_correction_needs_the_csrf_token(reviewer, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    response = post_correction(client, article, BODY)
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.body == TYPO


# --- saving ------------------------------------------------------------------------------


def test_a_correction_is_saved_and_says_what_became_of_the_annotations(reviewer, article):
    haifa, gallant = mark(article, "Haifa"), mark(article, "Gallant", occurrence=1)
    before_start = gallant.start
    response = post_correction(client_as(reviewer), article, BODY, reason="typo in a name")
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    article.refresh_from_db()
    assert article.body == BODY
    latest = article.revisions.get(number=2)
    assert (latest.author, latest.reason) == (reviewer, "typo in a name")
    assert on_its_words(haifa) and on_its_words(gallant)
    assert gallant.start == before_start + 1
    assert message_of(response) == (
        "Revision 2 saved: 2 annotations kept on their words (2 moved with the text), "
        "0 to check, 0 orphans."
    )


def test_an_orphan_is_announced_with_a_link_to_the_workspace(reviewer, article):
    mark(article, "Haifa")
    mark(article, "Lloyd Austin")
    client = client_as(reviewer)
    response = post_correction(
        client, article, TYPO.replace(GALLANT, ""), reason="sentence withdrawn"
    )
    assert response.status_code == 302
    workspace = reverse("annotations:workspace", args=[article.pk])
    assert message_of(response) == (
        "Revision 2 saved: 1 annotation kept on its words (0 moved with the text), 0 to "
        f'check, 1 orphan. <a href="{workspace}#orphans-panel">See the orphans in the '
        "workspace</a>."
    )
    page = client.get(response["Location"]).content.decode()
    assert f'<a href="{workspace}#orphans-panel">' in page
    assert Mention.objects.get(quote="Lloyd Austin").is_orphan


def test_a_stale_form_is_refused_and_keeps_what_was_typed(reviewer, article):
    other = UserFactory(username="otto", role=roles.CURATOR)
    article_correct(article=article, new_body=BODY, by=other, reason="their fix")
    typed = TYPO.replace("Haifa", "Haifa, Israel")
    response = post_correction(client_as(reviewer), article, typed, reason="mine", expected=1)
    assert response.status_code == 409
    html = response.content.decode()
    assert re.search(r"corrected by otto at \d\d:\d\d on .* \(revision 2\)", html)
    assert "Reload to see the current text" in html
    assert response.context["form"]["body"].value() == typed
    assert f"{reverse('articles:diff', args=[article.pk])}?from=1" in html
    article.refresh_from_db()
    assert article.body == BODY and article.revisions.count() == 2


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"reason": ""}, "This field is required."),
        ({"reason": "   "}, "This field is required."),
        ({"reason": "x" * 501}, "Ensure this value has at most 500 characters"),
        ({"body": TYPO}, "The new text is the same as the current one"),
        ({"body": "  \n "}, "The new text is empty."),
        ({"expected_revision": ""}, "no longer says which revision it was made from"),
        ({"expected_revision": "two"}, "no longer says which revision it was made from"),
    ],
)
def test_bad_input_comes_back_as_a_form_error(reviewer, article, fields, message):
    data = {"body": BODY, "reason": "typo", "expected_revision": "1", **fields}
    response = client_as(reviewer).post(correct_url(article), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert response.context["form"]["body"].value() == data["body"]
    article.refresh_from_db()
    assert article.body == TYPO and not article.revisions.exists()


def test_a_text_over_the_import_limit_is_a_form_error(reviewer, article, settings):
    settings.CURATION_IMPORT_MAX_BYTES = 100
    response = post_correction(client_as(reviewer), article, BODY + " More." * 20)
    assert response.status_code == 422
    assert "an article may have at most 100" in response.content.decode()


# --- revisions -----------------------------------------------------------------------------


def corrected(article: Article, *bodies: str, by=None) -> Article:
    by = by or UserFactory(username="corrector", role=roles.REVIEWER)
    for number, body in enumerate(bodies, start=2):
        article_correct(article=article, new_body=body, by=by, reason=f"fix {number}")
    return article


def test_the_revisions_are_listed_for_readers(annotator_client, article, reviewer):
    corrected(article, BODY, by=reviewer)
    response = annotator_client.get(reverse("articles:revisions", args=[article.pk]))
    assert response.status_code == 200
    rows = [
        (r.number, r.author and r.author.username, r.reason, r.size)
        for r in response.context["revisions"]
    ]
    assert rows == [(2, "rita", "fix 2", len(BODY)), (1, None, "imported", len(TYPO))]
    html = response.content.decode()
    assert reverse("articles:revision", args=[article.pk, 1]) in html
    assert f"{reverse('articles:diff', args=[article.pk])}?from=1&amp;to=2" in html


def test_the_revisions_page_runs_the_same_queries_for_2_or_20(
    annotator_client, reviewer, django_assert_num_queries
):
    def article_with_revisions(count: int) -> str:
        item = article_with(f"Revision 1 of {count}.")
        for number in range(1, count + 1):
            ArticleRevision.objects.create(
                article=item,
                number=number,
                body=f"Revision {number} of {count}.",
                author=UserFactory(username=f"author{count}-{number}", role=roles.REVIEWER),
                reason=f"fix {number}",
            )
        return reverse("articles:revisions", args=[item.pk])

    small, large = article_with_revisions(2), article_with_revisions(20)
    annotator_client.get(small)  # the session and permissions, once
    with CaptureQueriesContext(connection) as two:
        assert annotator_client.get(small).status_code == 200
    with django_assert_num_queries(len(two.captured_queries)):
        response = annotator_client.get(large)
    assert len(response.context["revisions"]) == 20
    assert "author20-20" in response.content.decode()


def test_an_article_never_corrected_has_its_imported_text_as_revision_1(annotator_client, article):
    listing = annotator_client.get(reverse("articles:revisions", args=[article.pk]))
    assert [r.number for r in listing.context["revisions"]] == [1]
    text = annotator_client.get(reverse("articles:revision", args=[article.pk, 1]))
    assert text.status_code == 200 and "Hezbolah fired" in text.content.decode()
    assert (
        annotator_client.get(reverse("articles:revision", args=[article.pk, 2])).status_code == 404
    )
    diff = annotator_client.get(reverse("articles:diff", args=[article.pk]))
    assert diff.status_code == 200 and diff.context["diff"].unchanged
    assert not article.revisions.exists()


def test_each_revisions_text_is_readable(annotator_client, article):
    corrected(article, BODY)
    response = annotator_client.get(reverse("articles:revision", args=[article.pk, 1]))
    assert response.context["revision"].body == TYPO
    assert "Hezbolah fired" in response.content.decode()


def test_the_diff_defaults_to_the_last_correction(annotator_client, article):
    corrected(article, BODY, BODY.replace("Monday", "Tuesday"))
    response = annotator_client.get(reverse("articles:diff", args=[article.pk]))
    assert (response.context["from_number"], response.context["to_number"]) == (2, 3)
    html = response.content.decode()
    assert "<del>Monday</del><ins>Tuesday</ins>" in html
    assert "Hezbolah" not in html


def test_any_two_revisions_can_be_compared(annotator_client, article):
    corrected(article, BODY, BODY.replace("Monday", "Tuesday"))
    response = annotator_client.get(
        reverse("articles:diff", args=[article.pk]), {"from": 1, "to": 3}
    )
    html = response.content.decode()
    assert "<del>Hezbolah</del><ins>Hezbollah</ins>" in html
    assert "<del>Monday</del><ins>Tuesday</ins>" in html
    assert '<option value="1" selected>' in html and '<option value="3" selected>' in html


@pytest.mark.parametrize("asked", [{"from": "9"}, {"to": "zero"}, {"from": "-1"}])
def test_a_revision_that_isnt_there_is_said_not_a_500(annotator_client, article, asked):
    corrected(article, BODY)
    response = annotator_client.get(reverse("articles:diff", args=[article.pk]), asked)
    assert response.status_code == 422
    [value] = asked.values()
    assert f"“{value}” is not a revision of this article" in response.content.decode()
    assert "<del>Hezbolah</del><ins>Hezbollah</ins>" in response.content.decode()


def test_markup_in_an_articles_text_is_shown_as_text(annotator_client, article):
    script = '<script>alert("x")</script>'
    corrected(article, BODY.replace("Haifa", f"Haifa {script} <b>bold</b>"))
    pages = [
        annotator_client.get(reverse("articles:diff", args=[article.pk])),
        annotator_client.get(reverse("articles:revision", args=[article.pk, 2])),
    ]
    for response in pages:
        html = response.content.decode()
        assert "<script>alert" not in html and "<b>bold</b>" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "&lt;b&gt;bold&lt;/b&gt;" in html

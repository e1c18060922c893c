"""The web import recognises an updated version of an article (same URL, or same source
and title) and offers to apply it as a correction instead of a duplicate."""

import json
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from curation import roles
from curation.annotations.models import Status
from curation.articles.models import Article
from tests.corrections import BODY, mark, nth
from tests.factories import ArticleFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

PREVIEW = reverse("articles:import-preview")
SAVE = reverse("articles:import-save")
TITLE = "Gallant meets Austin in Washington"
EDITED = BODY.replace("met Lloyd Austin", "met US Defense Secretary Lloyd Austin")


@pytest.fixture
def axios():
    return SourceFactory(name="Axios", slug="axios")


@pytest.fixture
def article(axios):
    return ArticleFactory(title=TITLE, source=axios, body=BODY, url="https://axios.com/a/1")


def client_for(role: str | None) -> Client:
    client = Client()
    client.force_login(UserFactory(role=role))
    return client


@pytest.fixture
def reviewer_client():
    return client_for(roles.REVIEWER)


def paste(client: Client, text: str, source=None):
    data = {"text": text}
    if source is not None:
        data["source"] = source.pk
    return client.post(PREVIEW, data, HTTP_HX_REQUEST="true")


def posted_fields(response) -> dict[str, str]:
    """The preview's fields as a browser posts them: checked boxes and radios only."""
    fields: dict[str, str] = {}

    class Collect(HTMLParser):
        select = ""

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input" and name:
                if attrs.get("type") in ("checkbox", "radio"):
                    if "checked" in attrs:
                        fields[name] = attrs.get("value", "on")
                else:
                    fields[name] = attrs.get("value", "")
            if tag == "select":
                self.select = name
                fields.setdefault(name, "")
            if tag == "option" and "selected" in attrs:
                fields[self.select] = attrs.get("value", "")

    Collect().feed(response.content.decode())
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def test_an_updated_version_with_the_same_source_and_title_is_offered_as_a_correction(
    reviewer_client, article, axios
):
    gallant = mark(article, "Gallant", occurrence=1, status=Status.APPROVED)
    preview = paste(reviewer_client, f"{TITLE}\n\n{EDITED}", axios)
    page = preview.content.decode()
    assert (
        f'This looks like an updated version of <a href="{reverse("articles:detail", args=[article.pk])}">article #{article.pk}</a>'
        in page
    )
    assert f"Apply as a correction of article #{article.pk}, “{TITLE}”" in page
    fields = posted_fields(preview)
    assert fields["item-0-apply_as"] == "correction"  # the default
    assert fields["item-0-correction_of"] == str(article.pk)

    done = reviewer_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    assert done.status_code == 200
    assert (
        f'applied as a correction of <a href="{reverse("articles:detail", args=[article.pk])}">article #{article.pk}</a>'
        in done.content.decode()
    )
    assert "Revision 2 saved: 1 annotation kept on their words" in done.content.decode()
    assert Article.objects.count() == 1
    article.refresh_from_db()
    gallant.refresh_from_db()
    assert article.body == EDITED and article.title == TITLE
    assert gallant.start == nth(EDITED, "Gallant", 1) and gallant.status == Status.APPROVED
    assert article.revisions.get(number=2).reason == "An updated version, imported"


def test_the_same_url_is_recognised_whatever_the_title(reviewer_client, article):
    line = {"title": "A new headline", "body": EDITED, "url": "https://axios.com/a/1"}
    upload = SimpleUploadedFile("update.jsonl", (json.dumps(line) + "\n").encode())
    preview = reviewer_client.post(PREVIEW, {"files": [upload]}, HTTP_HX_REQUEST="true")
    fields = posted_fields(preview)
    assert fields["item-0-correction_of"] == str(article.pk)
    fields["item-0-correction_reason"] = "the outlet updated it"
    reviewer_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    article.refresh_from_db()
    assert article.body == EDITED and article.title == TITLE
    assert article.revisions.get(number=2).reason == "the outlet updated it"


def test_the_editor_may_import_it_as_a_new_article_instead(reviewer_client, article, axios):
    fields = posted_fields(paste(reviewer_client, f"{TITLE}\n\n{EDITED}", axios))
    fields["item-0-apply_as"] = "new"
    done = reviewer_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    assert "1 article imported" in done.content.decode()
    assert Article.objects.count() == 2
    article.refresh_from_db()
    assert article.body == BODY


def test_a_correction_needs_a_reason(reviewer_client, article, axios):
    fields = posted_fields(paste(reviewer_client, f"{TITLE}\n\n{EDITED}", axios))
    fields["item-0-correction_reason"] = "  "
    response = reviewer_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "Say why the text is corrected" in response.content.decode()
    article.refresh_from_db()
    assert article.body == BODY and Article.objects.count() == 1


def test_an_annotator_is_told_and_not_offered_the_correction(article, axios):
    annotator = client_for(roles.ANNOTATOR)
    preview = paste(annotator, f"{TITLE}\n\n{EDITED}", axios)
    page = preview.content.decode()
    assert "This looks like an updated version of" in page
    assert "Ask a reviewer to apply it as a correction" in page
    assert "apply_as" not in page
    # Forcing the choice into the form is refused by the service, and nothing changes.
    fields = posted_fields(preview)
    fields |= {
        "item-0-correction_of": str(article.pk),
        "item-0-apply_as": "correction",
        "item-0-correction_reason": "sneaky",
    }
    done = annotator.post(SAVE, fields, HTTP_HX_REQUEST="true")
    assert "You can&#x27;t correct articles" in done.content.decode()
    article.refresh_from_db()
    assert article.body == BODY and Article.objects.count() == 1


@pytest.mark.parametrize(
    "text, source",
    [
        (f"Another headline\n\n{EDITED}", "axios"),  # same source, other title
        (f"{TITLE}\n\n{EDITED}", "other"),  # same title, other source
        (f"{TITLE}\n\n{EDITED}", None),  # same title, no source
    ],
)
def test_other_articles_are_not_taken_for_updates(reviewer_client, article, axios, text, source):
    chosen = {"axios": axios, "other": SourceFactory(name="Reuters"), None: None}[source]
    page = paste(reviewer_client, text, chosen).content.decode()
    assert "looks like an updated version" not in page and "apply_as" not in page


def test_a_text_already_in_the_desk_is_not_offered_as_a_correction(reviewer_client, article, axios):
    page = paste(reviewer_client, f"{TITLE}\n\n{BODY}", axios).content.decode()
    assert "Already imported" in page and "apply_as" not in page

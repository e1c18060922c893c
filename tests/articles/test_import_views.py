from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from curation.articles.models import Article
from tests.factories import ArticleFactory, SourceFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
pytestmark = pytest.mark.django_db

PREVIEW = reverse("articles:import-preview")
SAVE = reverse("articles:import-save")


def seed_upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (SEEDS / name).read_bytes(), content_type="text/plain")


def preview(client: Client, **data):
    return client.post(PREVIEW, data, HTTP_HX_REQUEST="true")


def save_data_from(response) -> dict:
    """The form fields the preview rendered, as the browser would post them back."""
    from html.parser import HTMLParser

    fields: dict[str, str] = {}

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "input" and attrs.get("name"):
                if attrs.get("type") == "checkbox":
                    if "checked" in attrs:
                        fields[attrs["name"]] = "on"
                else:
                    fields[attrs["name"]] = attrs.get("value", "")
            if tag == "select":
                self.select = attrs["name"]
                fields.setdefault(self.select, "")
            if tag == "option" and "selected" in attrs:
                fields[self.select] = attrs.get("value", "")

    Collect().feed(response.content.decode())
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def test_the_import_page_needs_a_login():
    response = Client().get(reverse("articles:import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_htmx_requests_without_a_session_redirect_the_whole_page():
    response = Client().post(PREVIEW, {"text": "x"}, HTTP_HX_REQUEST="true")
    assert response.headers["HX-Redirect"].startswith(reverse("login"))


@pytest.mark.parametrize("url", [reverse("articles:import"), PREVIEW, SAVE])
def test_users_without_the_annotator_role_are_refused(stranger_client, url):
    response = (stranger_client.get if url.endswith("import/") else stranger_client.post)(url)
    assert response.status_code == 403
    assert b"annotator role" in response.content


@pytest.mark.parametrize("url", [PREVIEW, SAVE])
def test_posts_need_a_csrf_token(annotator, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(annotator)
    response = client.post(url, {"text": "Title\n\nBody."})
    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_preview_shows_detected_metadata_and_saves_nothing(annotator_client):
    SourceFactory(name="Financial Times", slug="financial-times")

    response = preview(
        annotator_client,
        files=[seed_upload("002_410c50c9ff093c32.txt"), seed_upload("001_41630f0f27625ba4.txt")],
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Israel cancels defence minister&#x27;s visit to US" in html
    assert "Steff Chávez and James Politi in Washington and Neri Zilber in Tel Aviv" in html
    assert "YESTERDAY" in html  # the warning that the date could not be resolved
    assert 'value="2024-06-27"' in html
    assert "made from the first sentence" in html
    assert "<html" not in html  # an HTMX fragment, not a page
    assert Article.objects.count() == 0
    fields = save_data_from(response)
    ft_source = [name for name, value in fields.items() if name.endswith("-source") and value]
    assert len(ft_source) == 1


def test_save_after_preview_applies_the_editors_corrections(annotator_client, annotator):
    source = SourceFactory(name="Times of Israel", slug="times-of-israel")
    response = preview(annotator_client, files=[seed_upload("000_04889a4c5d51775a.txt")])
    fields = save_data_from(response)
    fields.update(
        {
            "item-0-published_on": "2024-06-26",
            "item-0-source": str(source.pk),
            "item-0-title": "US and Israel reschedule Iran talks",
        }
    )

    response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    article = Article.objects.get()
    assert b"1 article imported" in response.content
    assert article.title == "US and Israel reschedule Iran talks" and not article.title_derived
    assert article.published_on.isoformat() == "2024-06-26"
    assert article.source == source and article.imported_by == annotator
    assert article.body.startswith("Israel and the US are set to reconvene")
    assert article.history.count() == 0  # written at the first change; see test_history.py


def test_errors_appear_inline_per_file_and_the_good_files_still_preview(annotator_client):
    response = preview(
        annotator_client,
        files=[
            SimpleUploadedFile("empty.txt", b""),
            SimpleUploadedFile("scan.pdf", b"%PDF-1.7 ..."),
            seed_upload("000_04889a4c5d51775a.txt"),
        ],
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "empty.txt" in html and "scan.pdf" in html
    assert html.count("Can't import this") == 2
    assert "Unsupported file type &quot;.pdf&quot;" in html
    assert "US, Israel Reschedule Iran Talks" in html


def test_pasted_text_previews_and_saves(annotator_client):
    text = "A pasted headline\n\nThe body of the pasted article. It has two sentences."
    response = preview(annotator_client, text=text)
    fields = save_data_from(response)
    assert fields["item-0-title"] == "A pasted headline"

    annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert Article.objects.get().body == "The body of the pasted article. It has two sentences."


def test_an_empty_form_says_what_to_do(annotator_client):
    response = preview(annotator_client, text="   ")
    assert response.status_code == 422
    assert b"Paste an article or choose at least one file." in response.content


def test_already_imported_text_is_flagged_in_preview_and_not_duplicated(annotator_client):
    response = preview(annotator_client, text="Headline\n\nSame body text here.")
    annotator_client.post(SAVE, save_data_from(response), HTTP_HX_REQUEST="true")
    existing = Article.objects.get()

    response = preview(annotator_client, text="Headline\n\nSame body text here.")
    assert f"article #{existing.pk}".encode() in response.content
    fields = save_data_from(response)
    fields["item-0-include"] = "on"
    response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert Article.objects.count() == 1
    assert (
        f'already imported (<a href="/articles/{existing.pk}/">article #{existing.pk}'.encode()
        in response.content
    )


def test_a_tampered_preview_is_refused(annotator_client):
    response = preview(annotator_client, text="Headline\n\nBody text here.")
    fields = save_data_from(response)
    fields["item-0-payload"] = fields["item-0-payload"][:-3] + "abc"

    response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert b"changed outside the desk" in response.content
    assert Article.objects.count() == 0


def test_an_invalid_correction_saves_nothing_and_shows_the_error(annotator_client):
    response = preview(
        annotator_client,
        files=[seed_upload("000_04889a4c5d51775a.txt"), seed_upload("001_41630f0f27625ba4.txt")],
    )
    fields = save_data_from(response)
    fields["item-1-published_on"] = "27 June"

    response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert b"Enter a valid date" in response.content
    assert b"001_41630f0f27625ba4.txt" in response.content
    assert Article.objects.count() == 0


def test_the_whole_flow_works_without_htmx(annotator_client):
    response = annotator_client.post(PREVIEW, {"text": "Headline\n\nPlain body text."})
    assert b"<html" in response.content
    annotator_client.post(SAVE, save_data_from(response))
    assert Article.objects.count() == 1


def test_article_text_is_escaped_in_the_preview(annotator_client):
    ArticleFactory()  # something else in the desk
    response = preview(
        annotator_client, text="<script>alert(1)</script> headline\n\nBody <b>bold</b> text."
    )
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_more_than_fifty_files_get_a_message_not_a_bare_error(annotator_client):
    files = [SimpleUploadedFile(f"{n}.txt", b"Title\n\nBody.") for n in range(51)]
    response = preview(annotator_client, files=files)
    assert response.status_code == 422
    assert b"That is 51 files; the limit here is 50." in response.content


def test_a_big_jsonl_file_is_sent_to_the_command_line(annotator_client):
    lines = "\n".join(f'{{"title": "T{n}", "body": "Body {n}."}}' for n in range(101))
    response = preview(annotator_client, files=[SimpleUploadedFile("big.jsonl", lines.encode())])
    assert b"more than 100 articles in one file" in response.content
    assert b"import_articles" in response.content


def test_a_jsonl_file_of_a_hundred_articles_previews_and_saves(annotator_client):
    lines = "\n".join(f'{{"title": "T{n}", "body": "Body {n}."}}' for n in range(100))
    response = preview(annotator_client, files=[SimpleUploadedFile("feed.jsonl", lines.encode())])
    response = annotator_client.post(SAVE, save_data_from(response), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert Article.objects.count() == 100


def test_an_unchecked_article_with_a_bad_correction_does_not_block_the_others(annotator_client):
    response = preview(
        annotator_client,
        files=[seed_upload("000_04889a4c5d51775a.txt"), seed_upload("001_41630f0f27625ba4.txt")],
    )
    fields = save_data_from(response)
    fields["item-0-published_on"] = "nonsense"
    del fields["item-0-include"]

    response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert Article.objects.get().published_on.isoformat() == "2024-06-27"


def test_odd_posts_to_save_are_handled(annotator_client):
    response = annotator_client.post(
        SAVE, {"item-99999999-payload": "x", "count": "10**7"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b"No article was checked for import." in response.content


def test_file_names_and_warnings_are_escaped_in_the_preview(annotator_client):
    response = preview(
        annotator_client,
        files=[
            SimpleUploadedFile("<img src=x onerror=alert(1)>.txt", b"Title\n\nBody text."),
            SimpleUploadedFile("<b>bad</b>.pdf", b"x"),
        ],
    )
    assert b"<img src=x" not in response.content and b"<b>bad" not in response.content
    assert b"&lt;img src=x onerror=alert(1)&gt;.txt" in response.content


def test_a_csrf_failure_explains_itself(annotator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(annotator)
    response = client.post(PREVIEW, {"text": "Title\n\nBody."})
    assert response.status_code == 403
    assert b"This form has expired" in response.content

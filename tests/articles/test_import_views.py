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


DATELINED = (
    "Israel strikes Lebanon\n\nBEIRUT, 14 August 2024 — Israeli jets struck the south on Wednesday."
)


def test_a_date_read_from_a_dateline_is_flagged_in_the_preview_and_on_the_article(
    annotator_client,
):
    response = preview(annotator_client, text=DATELINED)
    html = response.content.decode()
    assert 'value="2024-08-14"' in html
    assert "from a dateline</span> “BEIRUT, 14 August 2024”" in html
    assert "was read from the dateline “BEIRUT, 14 August 2024”. Check it." in html

    annotator_client.post(SAVE, save_data_from(response), HTTP_HX_REQUEST="true")

    article = Article.objects.get()
    assert article.published_on.isoformat() == "2024-08-14" and article.date_from_dateline
    page = annotator_client.get(article.get_absolute_url()).content.decode()
    assert ">from a dateline</span>" in page
    assert "read from the dateline “BEIRUT, 14 August 2024”" in page  # the import note


def test_a_date_the_editor_corrects_in_the_preview_is_no_longer_a_datelines(annotator_client):
    fields = save_data_from(preview(annotator_client, text=DATELINED))
    fields["item-0-published_on"] = "2024-08-13"
    annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    article = Article.objects.get()
    assert article.published_on.isoformat() == "2024-08-13" and not article.date_from_dateline


FUTURE = (
    "A headline from the future\n\nPublished: 1 January 2031\n\nThe talks resumed, officials said."
)


def test_a_future_date_in_the_preview_is_saved_only_once_the_editor_confirms_it(
    annotator_client,
):
    response = preview(annotator_client, text=FUTURE)
    html = response.content.decode()
    assert 'value="2031-01-01"' in html
    assert "Yes, 1 January 2031 is right" in html
    assert "This publication date is in the future." in html
    fields = save_data_from(response)
    assert "item-0-confirm_future_date" not in fields  # not ticked for the editor

    refused = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert refused.status_code == 422
    assert "1 January 2031 is in the future. Correct the date, or tick" in (
        refused.content.decode()
    )
    assert Article.objects.count() == 0

    fields["item-0-confirm_future_date"] = "on"
    saved = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")

    assert saved.status_code == 200 and b"1 article imported" in saved.content
    assert Article.objects.get().published_on.isoformat() == "2031-01-01"


def test_a_future_date_typed_into_the_preview_is_questioned_too(annotator_client):
    fields = save_data_from(preview(annotator_client, text="Headline\n\nThe body text here."))
    fields["item-0-published_on"] = "2031-01-01"
    response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert b"Yes, 1 January 2031 is right" in response.content
    assert Article.objects.count() == 0


def test_an_oversized_paste_tells_the_editor_what_to_do_and_the_log_the_setting(
    annotator_client, settings, caplog
):
    settings.CURATION_IMPORT_MAX_BYTES = 1000
    response = preview(annotator_client, text="Headline\n\n" + "Long text. " * 200)
    html = response.content.decode()
    assert "over the limit of 1,000 bytes for one article" in html
    assert "Split it into smaller parts and import each, or ask an admin" in html
    assert "CURATION_IMPORT_MAX_BYTES" not in html
    assert "over CURATION_IMPORT_MAX_BYTES (1,000 bytes)" in caplog.text


def test_an_oversized_upload_gets_the_same_message(annotator_client, settings, caplog):
    settings.CURATION_IMPORT_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.txt", b"Headline\n\n" + b"Long text. " * 200)
    html = preview(annotator_client, files=[big]).content.decode()
    assert "This file is 2.2 KB (2,210 bytes), over the limit of 1,000 bytes" in html
    assert "CURATION_IMPORT_MAX_BYTES" not in html
    assert "big.txt refused: 2,210 bytes, over CURATION_IMPORT_MAX_BYTES" in caplog.text


def test_import_is_not_offered_when_every_item_failed(annotator_client):
    response = preview(
        annotator_client,
        files=[SimpleUploadedFile("empty.txt", b""), SimpleUploadedFile("scan.pdf", b"%PDF")],
    )
    html = response.content.decode()
    assert html.count("Can't import this") == 2
    assert "Import checked articles" not in html
    assert "None of these can be imported." in html
    assert "Start over" in html


def test_import_is_offered_when_something_can_be_imported(annotator_client):
    response = preview(
        annotator_client,
        files=[SimpleUploadedFile("empty.txt", b""), seed_upload("000_04889a4c5d51775a.txt")],
    )
    html = response.content.decode()
    assert "Import checked articles" in html and "None of these can be imported." not in html


def test_an_over_long_standfirst_is_cut_with_a_note(annotator_client):
    import json

    row = {"title": "T", "body": "Body.", "standfirst": "word " * 200}
    upload = SimpleUploadedFile("feed.jsonl", json.dumps(row).encode())
    response = preview(annotator_client, files=[upload])
    assert (
        b"The standfirst had 999 characters; an article&#x27;s standfirst can have at most 600"
        in response.content
    )
    annotator_client.post(SAVE, save_data_from(response), HTTP_HX_REQUEST="true")
    standfirst = Article.objects.get().standfirst
    assert len(standfirst) <= 600 and standfirst.endswith("word…")


def numbered_uploads(count: int) -> list[SimpleUploadedFile]:
    """Articles each naming its own outlet in a copyright footer, so every hint differs."""
    return [
        SimpleUploadedFile(
            f"{n:02d}.txt",
            f"Headline {n}\n\nBody of article {n}. It is long enough.\n\n© Outlet {n} 2024".encode(),
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("count", [2, 20])
def test_the_preview_runs_a_constant_number_of_queries(
    annotator_client, count, django_assert_num_queries
):
    for n in range(0, count, 2):
        SourceFactory(name=f"Outlet {n}")
    # session, user, the permissions (one query); the texts already in the
    # desk; the sources (offered by every form, and matched against the footers); the
    # articles these may be updated versions of
    with django_assert_num_queries(6):
        response = preview(annotator_client, files=numbered_uploads(count))
    assert response.content.decode().count('class="card preview-item') == count
    fields = save_data_from(response)
    chosen = [value for name, value in fields.items() if name.endswith("-source") and value]
    assert len(chosen) == count // 2


@pytest.mark.parametrize("count", [2, 20])
def test_the_save_runs_a_constant_number_of_queries(
    annotator_client, count, django_assert_num_queries
):
    SourceFactory(name="Outlet 0")
    fields = save_data_from(preview(annotator_client, files=numbered_uploads(count)))
    # session, user, the permissions (one query); the sources; then a
    # savepoint and its release around the texts already there, the insert (one
    # statement run for every row) and the new ids
    with django_assert_num_queries(9):
        response = annotator_client.post(SAVE, fields, HTTP_HX_REQUEST="true")
    assert f"{count} articles imported".encode() in response.content
    assert Article.objects.count() == count

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from curation.articles.models import Article, Source

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(DEBUG=True)
def test_quickstart_sets_up_accounts_and_seeds_idempotently(capsys):
    call_command("quickstart", "--no-serve")
    first = capsys.readouterr().out
    call_command("quickstart", "--no-serve")
    second = capsys.readouterr().out

    assert "annotator  password: annotate-demo" in first
    assert "Seed articles: 3 imported, 0 already there." in first
    assert "Seed articles: 0 imported, 3 already there." in second
    assert Article.objects.count() == 3
    ft = Article.objects.get(title="Israel cancels defence minister's visit to US")
    assert ft.source == Source.objects.get(name="Financial Times")

    users = get_user_model().objects
    assert users.get(username="annotator").has_perm("articles.add_article")
    assert users.get(username="reviewer").has_perm("articles.change_article")
    assert users.get(username="admin").is_superuser

    client = Client()
    assert client.login(username="admin", password="admin-demo")
    assert client.get("/admin/articles/source/").status_code == 200
    editor = Client()
    assert editor.login(username="annotator", password="annotate-demo")
    page = editor.get("/", follow=True).content.decode()
    for article in Article.objects.all():
        assert article.title.replace("'", "&#x27;") in page


def test_quickstart_refuses_to_run_with_debug_off():
    with pytest.raises(SystemExit):
        call_command("quickstart", "--no-serve")
    assert not get_user_model().objects.filter(username="admin").exists()

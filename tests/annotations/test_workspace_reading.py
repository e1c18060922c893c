"""Issue 7, item 25: every workspace view that shows article text needs the right to read
the article (articles.view_article), not only the right to annotate."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from curation.annotations.models import Mention
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "A confidential sentence from a copyrighted article about Tehran."


@pytest.fixture
def cannot_read() -> Client:
    """Everything an annotator may do, except read articles."""
    group = Group.objects.create(name="writes-but-cannot-read")
    group.permissions.set(
        Permission.objects.filter(group__name="annotator").exclude(codename="view_article")
    )
    user = UserFactory()
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_no_workspace_view_shows_text_to_someone_who_may_not_read_it(cannot_read):
    article = ArticleFactory(body=SECRET)
    mention = MentionFactory(article=article, entity=EntityFactory(name="Tehran"))
    other = EntityFactory(name="Iran")
    n = len(SECRET)
    requests = [
        ("get", reverse("annotations:workspace", args=[article.pk]), {}),
        ("get", reverse("annotations:mention-new", args=[article.pk]), {"start": 0, "end": n}),
        (
            "post",
            reverse("annotations:mention-create", args=[article.pk]),
            {"start": 0, "end": 1, "entity": other.pk},
        ),
        ("get", reverse("annotations:mention-edit", args=[article.pk, mention.pk]), {}),
        (
            "post",
            reverse("annotations:mention-edit", args=[article.pk, mention.pk]),
            {"entity": other.pk},
        ),
        ("post", reverse("annotations:mention-delete", args=[article.pk, mention.pk]), {}),
        (
            "get",
            reverse("annotations:event-new", args=[article.pk]),
            {"start": 0, "end": n},
        ),
    ]
    for method, address, data in requests:
        response = getattr(cannot_read, method)(address, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 403, address
        assert "confidential" not in response.content.decode(), address
    assert Mention.objects.get() == mention and mention.entity.name == "Tehran"

import pytest
from django.test import Client
from django.urls import reverse

from curation.annotations.models import Alias, Mention
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db


def a_mention():
    entity = EntityFactory()
    return MentionFactory(entity=entity, article=ArticleFactory(body=f"{entity.name} said."))


@pytest.fixture
def admin_client_() -> Client:
    client = Client()
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["entitykind", "entity", "mention", "eventtype", "event"])
def test_changelists_load(admin_client_, model):
    a_mention()
    assert admin_client_.get(reverse(f"admin:annotations_{model}_changelist")).status_code == 200


def entity_change(entity, aliases: list[str]) -> dict:
    data = {
        "name": entity.name,
        "kind": entity.kind_id,
        "description": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": str(len(aliases)),
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for n, text in enumerate(aliases):
        data[f"aliases-{n}-text"] = text
    return data


def test_duplicate_aliases_in_the_inline_are_a_form_error(admin_client_):
    hezbollah = EntityFactory(name="Hezbollah")
    response = admin_client_.post(
        reverse("admin:annotations_entity_change", args=[hezbollah.pk]),
        entity_change(hezbollah, ["Hizbollah", "HIZBOLLAH", "hezbollah"]),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "is the same name as “Hizbollah”" in html
    assert "the entity&#x27;s own name" in html
    assert not Alias.objects.exists()


def test_an_alias_in_the_inline_is_saved_with_its_normalised_form(admin_client_):
    hezbollah = EntityFactory(name="Hezbollah")
    admin_client_.post(
        reverse("admin:annotations_entity_change", args=[hezbollah.pk]),
        entity_change(hezbollah, ["Hizb’allah"]),
    )
    assert Alias.objects.get().normalised == "hizb'allah"


def test_a_mentions_entity_is_read_only_in_admin(admin_client_):
    mention = a_mention()
    other = EntityFactory()
    admin_client_.post(
        reverse("admin:annotations_mention_change", args=[mention.pk]),
        {"entity": other.pk, "status": "submitted"},
    )
    mention.refresh_from_db()
    assert mention.entity != other and mention.status == "submitted"


def test_searching_entities_by_alias_does_not_inflate_counts(admin_client_):
    hezbollah = EntityFactory(name="Hezbollah")
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    Alias.objects.create(entity=hezbollah, text="Hizballah")
    MentionFactory(entity=hezbollah, article=ArticleFactory(body="Hezbollah fired."))
    response = admin_client_.get(reverse("admin:annotations_entity_changelist"), {"q": "hiz"})
    [row] = response.context["cl"].result_list
    assert row.mention_count == 1 == Mention.objects.count()

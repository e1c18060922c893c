"""Issue 7, items 4-6 and 8: what marking text in the workspace does with names the desk
already knows, selections across paragraphs, and who may create entities and aliases."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from curation.annotations.models import (
    Alias,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Status,
)
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "Axios reported that Hezbollah fired.\n\nThe meeting was cancelled by Hezbollah."
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def kind(slug: str) -> EntityKind:
    return EntityKind.objects.get(slug=slug)


def span(text: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    return {"start": start, "end": start + len(text), "quote": text}


def create_url(article) -> str:
    return reverse("annotations:mention-create", args=[article.pk])


# --- item 4: a mention within one paragraph ---------------------------------------------


def test_a_mention_across_a_paragraph_break_is_refused(annotator_client, article):
    start = BODY.index("fired")
    end = BODY.index("The meeting") + len("The meeting")
    entity = EntityFactory(name="Meeting")
    payload = {"start": start, "end": end, "quote": BODY[start:end], "entity": entity.pk}

    popover = annotator_client.get(
        reverse("annotations:mention-new", args=[article.pk]), payload, **HTMX
    )
    assert popover.status_code == 422
    assert "runs across two paragraphs" in popover.content.decode()

    response = annotator_client.post(create_url(article), payload, **HTMX)
    assert response.status_code == 422
    assert "runs across two paragraphs" in response.content.decode()
    assert not Mention.objects.exists()


def test_event_evidence_may_cross_a_paragraph_break(annotator_client, article):
    start = BODY.index("Hezbollah fired")
    end = BODY.index("was cancelled") + len("was cancelled")
    evidence = BODY[start:end]
    assert "\n\n" in evidence
    payload = {"start": start, "end": end, "quote": evidence}

    form = annotator_client.get(
        reverse("annotations:event-new", args=[article.pk]), payload, **HTMX
    )
    assert form.status_code == 200
    assert "runs across two paragraphs" not in form.content.decode()

    cancelled = EventType.objects.get(slug="reject-meeting-cancelled")
    response = annotator_client.post(
        reverse("annotations:event-create", args=[article.pk]),
        {**payload, "headline": "Meeting cancelled", "event_type": cancelled.pk},
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200, page
    assert "Recorded: Meeting cancelled" in page
    assert 'id="p-0"' in page and 'id="p-1"' in page  # both paragraphs it touches
    event = Event.objects.get()
    assert (event.start, event.end, event.quote) == (start, end, evidence)


# --- item 5: a text that names another entity -------------------------------------------


def test_marking_another_entitys_name_asks_before_it_becomes_an_alias(
    annotator_client, reviewer_client, article
):
    axios = EntityFactory(name="Axios", kind=kind("organisation"))
    MentionFactory(article=ArticleFactory(body="Axios said so."), entity=axios)
    hezbollah = EntityFactory(name="Hezbollah", kind=kind("group"))

    question = annotator_client.post(
        create_url(article), {**span("Axios"), "entity": hezbollah.pk}, **HTMX
    )
    page = question.content.decode()
    assert question.status_code == 200
    assert "“Axios” is already the name of Axios (Organisation, 1 mention)" in page
    assert "Use Axios" in page and "Mark it as Hezbollah anyway" in page
    assert "/merge/" not in page  # merging needs a reviewer
    offered = reviewer_client.post(
        create_url(article), {**span("Axios"), "entity": hezbollah.pk}, **HTMX
    ).content.decode()
    assert f"/entities/{axios.pk}/merge/?into={hezbollah.pk}" in offered
    assert not Mention.objects.filter(article=article).exists()
    assert not hezbollah.aliases.exists()

    # "Use Axios" posts the span with Axios; going on anyway posts it confirmed.
    annotator_client.post(create_url(article), {**span("Axios"), "entity": axios.pk}, **HTMX)
    assert Mention.objects.get(article=article).entity == axios
    Mention.objects.filter(article=article).delete()
    annotator_client.post(
        create_url(article),
        {**span("Axios"), "entity": hezbollah.pk, "confirmed": "on"},
        **HTMX,
    )
    assert Mention.objects.get(article=article).entity == hezbollah
    assert list(hezbollah.aliases.values_list("text", flat=True)) == ["Axios"]


def test_a_text_that_is_already_the_entitys_alias_is_not_questioned(annotator_client, article):
    hezbollah = EntityFactory(name="Hezbollah", kind=kind("group"))
    other = EntityFactory(name="Hizbollah Party", kind=kind("organisation"))
    Alias.objects.create(entity=other, text="Axios")
    Alias.objects.create(entity=hezbollah, text="Axios")

    response = annotator_client.post(
        create_url(article), {**span("Axios"), "entity": hezbollah.pk}, **HTMX
    )
    assert "Marked “Axios” as Hezbollah." in response.content.decode()


def test_the_merge_offer_needs_the_right_to_merge(article):
    user = UserFactory(role="annotator")
    user.user_permissions.remove(Permission.objects.get(codename="delete_entity"))
    user.groups.first().permissions.remove(Permission.objects.get(codename="delete_entity"))
    from django.test import Client

    client = Client()
    client.force_login(user)
    EntityFactory(name="Axios", kind=kind("organisation"))
    hezbollah = EntityFactory(name="Hezbollah", kind=kind("group"))
    page = client.post(
        create_url(article), {**span("Axios"), "entity": hezbollah.pk}, **HTMX
    ).content.decode()
    assert "Mark it as Hezbollah anyway" in page
    assert "/merge/" not in page


# --- item 6: a new entity with a known name ---------------------------------------------


def test_creating_an_entity_whose_name_exists_offers_the_existing_one(annotator_client, article):
    organisation = EntityFactory(name="Hezbollah", kind=kind("organisation"))
    MentionFactory(entity=organisation, article=ArticleFactory(body="Hezbollah said."))
    new = {**span("Hezbollah"), "create": "on", "name": "hezbollah", "kind": kind("group").pk}

    question = annotator_client.post(create_url(article), new, **HTMX)
    page = question.content.decode()
    assert "The desk already knows “hezbollah”: Hezbollah (Organisation, 1 mention)" in page
    assert f'name="entity" value="{organisation.pk}"' in page
    assert "Create another “hezbollah” (Group)" in page
    assert Entity.objects.count() == 1 and not Mention.objects.filter(article=article).exists()

    annotator_client.post(create_url(article), {**new, "confirmed": "on"}, **HTMX)
    assert Entity.objects.filter(name__iexact="hezbollah").count() == 2
    assert Mention.objects.get(article=article).entity.kind.slug == "group"


def test_an_alias_counts_as_a_known_name_for_a_new_entity(annotator_client, article):
    group = EntityFactory(name="Hizbollah", kind=kind("group"))
    Alias.objects.create(entity=group, text="Hezbollah")
    new = {**span("Hezbollah"), "create": "on", "name": "Hezbollah", "kind": kind("group").pk}
    page = annotator_client.post(create_url(article), new, **HTMX).content.decode()
    assert "The desk already knows “Hezbollah”: Hizbollah (Group, 0 mentions)" in page


# --- item 8: creating entities and aliases needs those permissions ----------------------


def limited_annotator(*codenames: str):
    """An annotator whose role lacks some permissions (a custom newsroom role), and a
    client logged in as them."""
    from django.contrib.auth.models import Group
    from django.test import Client

    group = Group.objects.create(name=f"limited-{'-'.join(codenames)}")
    group.permissions.set(
        Permission.objects.filter(group__name="annotator").exclude(codename__in=codenames)
    )
    user = UserFactory()
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client, user


def annotator_without(*codenames: str):
    return limited_annotator(*codenames)[0]


def test_creating_a_new_entity_with_a_mention_needs_add_entity(article):
    client = annotator_without("add_entity")
    new = {**span("Hezbollah"), "create": "on", "name": "Hezbollah", "kind": kind("group").pk}
    assert client.post(create_url(article), new, **HTMX).status_code == 403
    assert not Entity.objects.exists() and not Mention.objects.exists()
    popover = client.get(
        reverse("annotations:mention-new", args=[article.pk]), span("Hezbollah"), **HTMX
    )
    assert popover.status_code == 200
    assert "Create a new entity" not in popover.content.decode()


def test_the_automatic_alias_needs_add_alias(article):
    client = annotator_without("add_alias")
    hezbollah = EntityFactory(name="Hizbollah", kind=kind("group"))
    response = client.post(
        create_url(article), {**span("Hezbollah"), "entity": hezbollah.pk}, **HTMX
    )
    assert "Marked “Hezbollah” as Hizbollah." in response.content.decode()
    assert Mention.objects.get().entity == hezbollah
    assert not hezbollah.aliases.exists()


def test_relinking_needs_change_mention(article):
    """The user's own draft, which an author may relink: only the role is missing, and
    the refusal says so (not that only the author may change it)."""
    client, user = limited_annotator("change_mention")
    mention = MentionFactory(
        article=article, entity=EntityFactory(name="Axios"), created_by=user, status=Status.DRAFT
    )
    other = EntityFactory(name="Axios Media")
    edit = reverse("annotations:mention-edit", args=[article.pk, mention.pk])
    assert client.get(edit, **HTMX).status_code == 200  # the popover still opens
    relink = {"entity": other.pk, "confirmed": "on", "version": mention.version}
    response = client.post(edit, relink, **HTMX)
    assert response.status_code == 403
    page = response.content.decode()
    assert "doesn't have the role this page needs" in page
    assert "only its author" not in page
    mention.refresh_from_db()
    assert mention.entity.name == "Axios"

    user.groups.get().permissions.add(Permission.objects.get(codename="change_mention"))
    again = client.post(edit, relink, **HTMX)
    assert again.status_code == 200  # with the permission, the same request relinks it
    mention.refresh_from_db()
    assert mention.entity == other

"""An entity's page, its aliases and merging: name clashes, messages that tell entities of
one name apart, names that casefold longer, merges someone else got to first, and the
kind colours of the directory."""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from curation.annotations import entity_reads, known_names, services
from curation.annotations.labels import clash_warning, distinct_labels
from curation.annotations.models import (
    Alias,
    DismissedSuggestion,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
)
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


def kind(slug: str) -> EntityKind:
    return EntityKind.objects.get(slug=slug)


def mentioned(entity: Entity, times: int = 1) -> Entity:
    article = ArticleFactory(body=" ".join([entity.name] * times) + ".")
    step = len(entity.name) + 1
    for n in range(times):
        Mention.objects.create(
            article=article,
            entity=entity,
            start=n * step,
            end=n * step + len(entity.name),
            quote=entity.name,
        )
    return entity


# --- labels: plain tests, no database -------------------------------------------------


def fake(pk: int, name: str, kind_name: str, mentions: int = 0):
    return SimpleNamespace(
        pk=pk, name=name, kind=SimpleNamespace(name=kind_name), mention_count=mentions
    )


def test_labels_are_names_until_two_entities_share_one():
    assert distinct_labels([fake(1, "Hezbollah", "Group"), fake(2, "Axios", "Organisation")]) == [
        "Hezbollah",
        "Axios",
    ]
    assert distinct_labels(
        [fake(1, "Hezbollah", "Group"), fake(2, "hezbollah", "Organisation")]
    ) == ["Hezbollah (Group)", "hezbollah (Organisation)"]
    assert distinct_labels([fake(12, "Hezbollah", "Group"), fake(14, "Hezbollah", "Group")]) == [
        "Hezbollah (Group, #12)",
        "Hezbollah (Group, #14)",
    ]


def test_the_clash_warning_names_each_entity_with_its_kind_and_mentions():
    hezbollah = fake(1, "Hezbollah", "Group")
    axios = fake(2, "Axios", "Organisation", mentions=14)
    assert clash_warning(
        "Axios", hezbollah, [axios], question="Add it as an alias of {entity} anyway?"
    ) == (
        "“Axios” is already the name of Axios (Organisation, 14 mentions). "
        "Add it as an alias of Hezbollah anyway?"
    )
    other = fake(3, "Hezbollah", "Group", mentions=1)
    assert clash_warning(
        "Hizbollah", hezbollah, [other], question="Add it as an alias of {entity} anyway?"
    ) == (
        "“Hizbollah” is already an alias of Hezbollah (Group, #3, 1 mention). "
        "Add it as an alias of Hezbollah (Group, #1) anyway?"
    )


# --- item 5: an alias or a new name that another entity already has -------------------


@pytest.mark.django_db
def test_an_alias_that_is_another_entitys_name_is_questioned_first(
    annotator_client, reviewer_client
):
    hezbollah = EntityFactory(name="Hezbollah", kind=kind("group"))
    axios = mentioned(EntityFactory(name="Axios", kind=kind("organisation")), times=14)

    response = annotator_client.post(url("alias-add", hezbollah.pk), {"text": "Axios"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert (
        "“Axios” is already the name of Axios (Organisation, 14 mentions). "
        "Add it as an alias of Hezbollah anyway?"
    ) in html
    # merging needs a reviewer: an annotator is not offered it
    assert "/merge/" not in html and "instead…" not in html
    assert 'name="confirmed" value="Axios"' in html
    assert not Alias.objects.exists()
    offered = reviewer_client.post(url("alias-add", hezbollah.pk), {"text": "Axios"}, **HTMX)
    html = offered.content.decode()
    assert f'href="/entities/{axios.pk}/merge/?into={hezbollah.pk}"' in html
    assert "Merge Axios into Hezbollah instead…" in html

    confirmed = annotator_client.post(
        url("alias-add", hezbollah.pk), {"text": "Axios", "confirmed": "Axios"}, **HTMX
    )
    assert confirmed.status_code == 200 and "already the name" not in confirmed.content.decode()
    assert list(hezbollah.aliases.values_list("text", flat=True)) == ["Axios"]


@pytest.mark.django_db
def test_an_alias_that_is_another_entitys_alias_is_questioned_without_javascript_too(
    annotator_client,
):
    hezbollah = EntityFactory(name="Hezbollah")
    hizbollah = EntityFactory(name="Hizb Allah")
    Alias.objects.create(entity=hizbollah, text="Hizbollah")

    response = annotator_client.post(url("alias-add", hezbollah.pk), {"text": "HIZBOLLAH"})

    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html  # the whole page
    assert "“HIZBOLLAH” is already an alias of Hizb Allah (Person, 0 mentions)." in html
    assert not hezbollah.aliases.exists()
    # Confirming one text does not confirm another.
    annotator_client.post(
        url("alias-add", hezbollah.pk), {"text": "Hizbollah", "confirmed": "Hezbollah"}
    )
    assert not hezbollah.aliases.exists()


@pytest.mark.django_db
def test_a_free_alias_is_added_at_once(annotator_client):
    hezbollah = EntityFactory(name="Hezbollah")
    EntityFactory(name="Axios")
    response = annotator_client.post(url("alias-add", hezbollah.pk), {"text": "Hizbollah"}, **HTMX)
    assert response.status_code == 200 and b"is already" not in response.content
    assert list(hezbollah.aliases.values_list("text", flat=True)) == ["Hizbollah"]


def entity_data(entity: Entity, **changes) -> dict:
    """The entity form as the page fills it in, with the version it was made from."""
    return {
        "name": entity.name,
        "kind": entity.kind_id,
        "description": entity.description,
        "wikidata_id": entity.wikidata_id,
        "version": entity.version,
    } | changes


@pytest.mark.django_db
def test_renaming_to_another_entitys_name_is_questioned_first(annotator_client, reviewer_client):
    hezbollah = EntityFactory(name="Hezbollah", kind=kind("group"))
    axios = mentioned(EntityFactory(name="Axios", kind=kind("organisation")), times=2)

    response = annotator_client.post(
        url("entity-edit", hezbollah.pk), entity_data(hezbollah, name="axios"), **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "“axios” is already the name of Axios (Organisation, 2 mentions). Rename Hezbollah anyway?"
    ) in html
    assert "/merge/" not in html  # merging is for reviewers
    # the question keeps the version the form was made from
    assert f'name="version" value="{hezbollah.version}"' in html
    offered = reviewer_client.post(
        url("entity-edit", hezbollah.pk), entity_data(hezbollah, name="axios"), **HTMX
    ).content.decode()
    assert f'href="/entities/{hezbollah.pk}/merge/?into={axios.pk}"' in offered
    assert "Merge Hezbollah into Axios instead…" in offered
    hezbollah.refresh_from_db()
    assert hezbollah.name == "Hezbollah"

    annotator_client.post(
        url("entity-edit", hezbollah.pk),
        entity_data(hezbollah, name="axios", confirmed="axios"),
        **HTMX,
    )
    hezbollah.refresh_from_db()
    assert hezbollah.name == "axios"


@pytest.mark.django_db
def test_saving_other_details_of_an_entity_that_shares_a_name_asks_nothing(annotator_client):
    first = EntityFactory(name="Hezbollah", kind=kind("group"))
    EntityFactory(name="Hezbollah", kind=kind("organisation"))
    response = annotator_client.post(
        url("entity-edit", first.pk), entity_data(first, description="Lebanese party"), **HTMX
    )
    assert response.status_code == 200 and b"Saved." in response.content
    first.refresh_from_db()
    assert first.description == "Lebanese party"


# --- item 9: the old name shows as an alias at once; the directory's kinds -------------


@pytest.mark.django_db
def test_a_renamed_entitys_old_name_is_swapped_into_its_aliases(annotator_client):
    entity = EntityFactory(name="Hizbollah")
    response = annotator_client.post(
        url("entity-edit", entity.pk), entity_data(entity, name="Hezbollah"), **HTMX
    )
    html = response.content.decode()
    assert '<section id="aliases" hx-swap-oob="true">' in html
    aliases = html[html.index('<section id="aliases"') :]
    assert "<li><span hx-disable>Hizbollah</span>" in aliases


@pytest.mark.django_db
def test_the_directory_heads_its_kind_column_kind_and_links_the_kind_colours(annotator_client):
    EntityFactory(name="Hezbollah", kind=kind("group"))
    html = annotator_client.get(url("entities")).content.decode()
    headers = re.findall(r"<th\b[^>]*>\s*(?:<a[^>]*>)?([^<]*)<", html)
    assert headers == ["Canonical name", "Kind", "Mentions", "Articles", "Wikidata"]
    assert '<span class="kind-dot k-group"></span>Group' in html
    assert f'<link rel="stylesheet" href="{url("kind-styles")}">' in html


@pytest.mark.django_db
def test_the_kind_stylesheet_gives_each_kind_its_colour_and_follows_admin_edits():
    client = Client()  # colours are no secret: the login page uses them too
    css = client.get(url("kind-styles"))
    assert css["Content-Type"].startswith("text/css")
    for entity_kind in EntityKind.objects.all():
        assert f".k-{entity_kind.slug} {{ --kind: {entity_kind.colour}; }}" in css.text
    again = client.get(url("kind-styles"), HTTP_IF_NONE_MATCH=css["ETag"])
    assert again.status_code == 304

    EntityKind.objects.filter(slug="group").update(colour="#123456")
    # Values the admin's validators would refuse never reach the stylesheet.
    EntityKind.objects.create(slug="bad", name="Bad", colour="red}<i")
    EntityKind.objects.create(slug="x}<b>{", name="Worse", colour="#654321")
    changed = client.get(url("kind-styles"), HTTP_IF_NONE_MATCH=css["ETag"])
    assert changed.status_code == 200
    assert ".k-group { --kind: #123456; }" in changed.text
    assert "k-bad" not in changed.text and "#654321" not in changed.text
    assert "<" not in changed.text


# --- item 18: messages that name two entities of one name ---------------------------------


@pytest.mark.django_db
def test_merging_two_entities_of_one_name_says_which_went_where(reviewer_client):
    group = EntityFactory(name="Hezbollah", kind=kind("group"))
    organisation = EntityFactory(name="Hezbollah", kind=kind("organisation"))
    response = reviewer_client.post(
        url("entity-merge", group.pk), {"survivor": organisation.pk}, follow=True
    )
    assert "Merged Hezbollah (Group) into Hezbollah (Organisation)." in response.content.decode()

    first, second = (EntityFactory(name="Hezbollah", kind=kind("group")) for _ in range(2))
    response = reviewer_client.post(
        url("entity-merge", first.pk), {"survivor": second.pk}, follow=True
    )
    assert (
        f"Merged Hezbollah (Group, #{first.pk}) into Hezbollah (Group, #{second.pk})."
        in response.content.decode()
    )


@pytest.mark.django_db
def test_merge_candidates_of_one_name_show_their_kinds_and_the_preselected_one(reviewer_client):
    group = EntityFactory(name="Hezbollah", kind=kind("group"))
    organisation = EntityFactory(name="Hezbollah", kind=kind("organisation"))
    page = reviewer_client.get(
        url("entity-merge", group.pk), {"into": organisation.pk}
    ).content.decode()
    assert f'value="{organisation.pk}" required checked>' in page
    assert "Hezbollah (Organisation)" in page


# --- item 20: a name that casefolds longer ----------------------------------------------------


@pytest.mark.django_db
def test_an_entity_whose_name_casefolds_longer_can_be_renamed(annotator_client):
    strasse = EntityFactory(name="ß" * 300)

    response = annotator_client.post(
        url("entity-edit", strasse.pk), entity_data(strasse, name="Strasse"), **HTMX
    )

    assert response.status_code == 200
    strasse.refresh_from_db()
    assert strasse.name == "Strasse"
    [alias] = strasse.aliases.all()
    assert (alias.text, alias.normalised) == ("ß" * 300, "ss" * 300)
    # The old name is still found: by the autocomplete, the directory and the gazetteer.
    assert entity_reads.entity_autocomplete("ß" * 300) == [strasse]
    assert entity_reads.entity_autocomplete("SS" * 150) == [strasse]
    names = annotator_client.get(url("entities"), {"q": "ß" * 200}).context["table"].page
    assert [row.record for row in names] == [strasse]
    assert [m.entity_ids for m in known_names.gazetteer().find(f"{'ß' * 300} said")] == [
        (strasse.pk,)
    ]


@pytest.mark.django_db
def test_an_entity_whose_name_casefolds_longer_can_be_merged(reviewer_client):
    strasse = mentioned(EntityFactory(name="ß" * 300))
    survivor = EntityFactory(name="Strasse")

    response = reviewer_client.post(url("entity-merge", strasse.pk), {"survivor": survivor.pk})

    assert response.status_code == 302
    assert list(survivor.aliases.values_list("normalised", flat=True)) == ["ss" * 300]
    assert Mention.objects.get().entity == survivor


@pytest.mark.django_db
def test_a_dismissed_suggestion_of_a_name_that_casefolds_longer_is_kept(annotator):
    strasse = EntityFactory(name="ß" * 300)
    article = ArticleFactory(body=f"{strasse.name} said.")
    services.suggestion_dismiss(
        article=article, entity=strasse, text=strasse.name, dismissed_by=annotator
    )
    assert DismissedSuggestion.objects.get().normalised == "ss" * 300


@pytest.mark.django_db
def test_an_alias_that_casefolds_longer_is_added_from_the_entity_page(annotator_client):
    entity = EntityFactory(name="Strasse")
    response = annotator_client.post(url("alias-add", entity.pk), {"text": "ß" * 300}, **HTMX)
    assert response.status_code == 200
    assert list(entity.aliases.values_list("normalised", flat=True)) == ["ss" * 300]
    too_long = annotator_client.post(url("alias-add", entity.pk), {"text": "ß" * 301}, **HTMX)
    assert too_long.status_code == 422 and entity.aliases.count() == 1


# --- items 21-23, one request after another (the concurrent ones are in
# test_entity_concurrency.py) ---------------------------------------------------------------


@pytest.mark.django_db
def test_merging_into_an_entity_just_merged_away_is_explained(reviewer_client, reviewer):
    a, b = EntityFactory(name="Hezbollah"), EntityFactory(name="Hizbollah")
    services.entity_merge(survivor=b, merged=a, merged_by=reviewer)

    # The page was shown before that merge, and offered A.
    response = reviewer_client.post(url("entity-merge", b.pk), {"survivor": a.pk})

    assert response.status_code == 409
    assert (
        "Hezbollah was just merged into Hizbollah by someone else, so nothing was merged."
        in response.content.decode()
    )
    assert Entity.objects.get() == b


@pytest.mark.django_db
def test_the_merge_service_explains_an_entity_that_vanished(annotator):
    a, b, c = (EntityFactory(name=name) for name in ("Hezbollah", "Hizbollah", "Hizballah"))
    stale_a = Entity.objects.get(pk=a.pk)
    services.entity_merge(survivor=b, merged=a, merged_by=annotator)
    services.entity_merge(survivor=c, merged=b, merged_by=annotator)
    with pytest.raises(services.AnnotationError) as refused:
        services.entity_merge(survivor=stale_a, merged=c, merged_by=annotator)
    # Through both merges, to where it is now.
    assert str(refused.value) == (
        "Hezbollah was just merged into Hizballah by someone else, so nothing was merged."
    )


@pytest.mark.django_db
def test_an_old_link_to_a_merged_entity_leads_to_the_survivor(annotator_client, annotator):
    a, b = EntityFactory(name="Hezbollah"), EntityFactory(name="Hizbollah")
    services.entity_merge(survivor=b, merged=a, merged_by=annotator)
    response = annotator_client.get(url("entity", a.pk), follow=True)
    assert response.redirect_chain == [(b.get_absolute_url(), 302)]
    assert "Hezbollah was merged into Hizbollah." in response.content.decode()
    assert annotator_client.get(url("entity", b.pk + 100)).status_code == 404

    c = EntityFactory(name="Hizbollah", kind=kind("group"))
    services.entity_merge(survivor=c, merged=b, merged_by=annotator)
    response = annotator_client.get(url("entity", b.pk), follow=True)
    assert "Hizbollah (Person) was merged into Hizbollah (Group)." in response.content.decode()


@pytest.mark.django_db
def test_marking_an_entity_that_was_just_merged_away_is_refused_with_a_message(annotator):
    merged, survivor = EntityFactory(name="Beirut"), EntityFactory(name="Bayrut")
    article = ArticleFactory(body="Beirut was quiet. Beirut again.")
    stale = Entity.objects.get(pk=merged.pk)  # as the editor's page loaded it
    services.entity_merge(survivor=survivor, merged=merged, merged_by=annotator)

    with pytest.raises(services.AnnotationError) as refused:
        services.mention_create(article=article, start=0, end=6, entity=stale, created_by=annotator)
    assert str(refused.value) == (
        "Beirut was just merged into Bayrut by someone else. Mark the text again."
    )
    mention = MentionFactory(
        article=article, entity=survivor, quote_text="Beirut", created_by=annotator
    )
    with pytest.raises(services.AnnotationError) as refused:
        services.mention_relink(
            mention=mention, entity=stale, changed_by=annotator, expected_version=1
        )
    assert "was just merged into Bayrut" in str(refused.value)
    mention.refresh_from_db()
    assert mention.entity == survivor


@pytest.mark.django_db
def test_an_event_with_an_entity_just_merged_away_is_refused_with_a_message(annotator):
    merged, survivor = EntityFactory(name="Beirut"), EntityFactory(name="Bayrut")
    article = ArticleFactory(body="Beirut was struck on Monday.")
    stale = Entity.objects.get(pk=merged.pk)
    event_type = EventType.objects.get(slug="assault")
    services.entity_merge(survivor=survivor, merged=merged, merged_by=annotator)

    for place, participants in ((stale, []), (None, [(stale, "target")])):
        with pytest.raises(services.AnnotationError) as refused:
            services.event_create(
                article=article,
                start=0,
                end=len(article.body),
                event_type=event_type,
                headline="Strike on Beirut",
                location=place,
                participants=participants,
                created_by=annotator,
            )
        assert str(refused.value) == (
            "Beirut was just merged into Bayrut by someone else. "
            "Choose the event's place and participants again."
        )
    assert not Event.objects.exists()

    event = services.event_create(
        article=article,
        start=0,
        end=len(article.body),
        event_type=event_type,
        headline="Strike on Bayrut",
        created_by=annotator,
    )
    with pytest.raises(services.AnnotationError) as refused:
        services.event_update(
            event=event,
            changed_by=annotator,
            expected_version=event.version,
            event_type=event_type,
            headline="Strike on Beirut",
            date="",
            participants=[(stale, "target")],
        )
    assert "was just merged into Bayrut" in str(refused.value)
    assert not event.participants.exists()
    assert Event.objects.get().version == event.version == 1


# --- item 7: the merge page's candidate search ----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [True, False])
def test_the_merge_candidates_cost_the_same_queries_however_many_entities(
    reviewer_client, htmx, django_assert_num_queries
):
    entity = EntityFactory(name="Hezbollah")
    headers = HTMX if htmx else {}
    counts = []
    for size in (3, 40):
        for n in range(size):
            alias_of = EntityFactory(name=f"Hezb {len(counts)}-{n}", kind=kind("group"))
            Alias.objects.create(entity=alias_of, text=f"Hizb {len(counts)}-{n}")
        # session, user, permissions, the entity, the candidates
        with django_assert_num_queries(5):
            response = reviewer_client.get(url("entity-merge", entity.pk), {"q": "hezb"}, **headers)
        counts.append(len(response.context["choices"]))
    assert counts == [3, 10]


# --- item 25: the entity page quotes article text ------------------------------------------


def permissions(*names: str) -> list[Permission]:
    return [
        Permission.objects.get(
            content_type__app_label=name.split(".")[0], codename=name.split(".")[1]
        )
        for name in names
    ]


@pytest.mark.django_db
def test_the_entity_page_needs_the_right_to_read_articles():
    """It quotes the text around each mention, and so does every answer that is the
    entity page (editing its details, adding or removing an alias, without JavaScript)."""
    entity = mentioned(EntityFactory(name="Hezbollah"))
    alias = Alias.objects.create(entity=entity, text="Hizbollah")
    reader = UserFactory(username="entities-only")
    reader.user_permissions.add(
        *permissions(
            "annotations.view_entity",
            "annotations.change_entity",
            "annotations.add_alias",
            "annotations.delete_alias",
        )
    )
    client = Client()
    client.force_login(reader)
    assert client.get(url("entities")).status_code == 200
    response = client.get(url("entity", entity.pk))
    assert response.status_code == 403
    assert b"Hezbollah." not in response.content
    refused = [
        client.post(url("entity-edit", entity.pk), entity_data(entity, name="")),
        client.post(url("alias-add", entity.pk), {"text": "Hizballah"}),
        client.post(url("alias-delete", entity.pk, alias.pk)),
    ]
    assert [response.status_code for response in refused] == [403, 403, 403]
    assert list(entity.aliases.all()) == [alias]

    reader.user_permissions.add(*permissions("articles.view_article"))
    client.force_login(UserFactory._meta.model.objects.get(pk=reader.pk))
    page = client.get(url("entity", entity.pk))
    assert page.status_code == 200 and b"<mark>Hezbollah</mark>" in page.content

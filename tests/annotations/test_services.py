import pytest

from curation.annotations import services
from curation.annotations.entity_reads import entities_named
from curation.annotations.models import Alias, EntityKind, Mention
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "Israeli defence minister Yoav Gallant met Hezbollah critics. 🙂 Gallant left."


@pytest.fixture
def editor():
    return UserFactory(username="ed", role="annotator")


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def test_a_mention_stores_the_servers_quote_and_context(article, editor):
    gallant = EntityFactory(name="Yoav Gallant")
    start = BODY.index("Yoav Gallant")

    mention = services.mention_create(
        article=article,
        start=start,
        end=start + 12,
        entity=gallant,
        created_by=editor,
        quote="Yoav Gallant",
    )

    assert mention.quote == "Yoav Gallant"
    assert mention.prefix == BODY[max(0, start - 32) : start]
    assert mention.suffix == BODY[start + 12 : start + 44]
    assert mention.status == "draft" and mention.created_by == editor
    assert not Alias.objects.exists()  # the text is the canonical name


def test_offsets_after_an_emoji_are_code_points(article, editor):
    gallant = EntityFactory(name="Yoav Gallant")
    start = BODY.index("Gallant left")
    assert BODY[start - 2] == "🙂"
    mention = services.mention_create(
        article=article,
        start=start,
        end=start + 7,
        entity=gallant,
        created_by=editor,
        quote="Gallant",
    )
    assert mention.quote == "Gallant"
    assert list(gallant.aliases.values_list("text", flat=True)) == ["Gallant"]


@pytest.mark.parametrize(
    "start, end, quote, message",
    [
        (0, 7, "Israelx", "doesn't match"),
        (5, 5, None, "0"),
        (-1, 4, None, "-1"),
        (70, 999, None, "999"),
    ],
)
def test_bad_offsets_and_mismatched_quotes_are_refused(article, editor, start, end, quote, message):
    with pytest.raises(services.AnnotationError, match=message):
        services.mention_create(
            article=article,
            start=start,
            end=end,
            entity=EntityFactory(),
            created_by=editor,
            quote=quote,
        )
    assert not Mention.objects.exists()


def test_the_database_refuses_an_inverted_span(article):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, entity=EntityFactory(), start=10, end=4, quote="x")


def test_marking_the_same_span_twice_as_one_entity_is_refused(article, editor):
    gallant = EntityFactory(name="Yoav Gallant")
    start = BODY.index("Yoav Gallant")
    services.mention_create(
        article=article, start=start, end=start + 12, entity=gallant, created_by=editor
    )
    with pytest.raises(services.AnnotationError, match="already marked"):
        services.mention_create(
            article=article, start=start, end=start + 12, entity=gallant, created_by=editor
        )


def test_aliases_are_unique_per_entity_in_normalised_form():
    hezbollah = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    assert services.alias_add(entity=hezbollah, text="Hizbollah").text == "Hizbollah"
    assert services.alias_add(entity=hezbollah, text="  HIZBOLLAH ") is None
    assert services.alias_add(entity=hezbollah, text="hezbollah") is None  # its own name
    assert list(hezbollah.aliases.values_list("normalised", flat=True)) == ["hizbollah"]


def test_relinking_moves_the_mention_and_teaches_the_new_entity_the_text(article, editor):
    mention = MentionFactory(
        article=article,
        entity=EntityFactory(name="Gallant"),
        quote_text="Gallant",
        created_by=editor,
    )
    defence_minister = EntityFactory(name="Yoav Gallant")

    # "Gallant" is still the other entity's name: the editor is asked first.
    with pytest.raises(services.NameClash, match="“Gallant” is already the name of Gallant"):
        services.mention_relink(
            mention=mention, entity=defence_minister, changed_by=editor, expected_version=1
        )
    mention.refresh_from_db()
    assert mention.entity.name == "Gallant" and not defence_minister.aliases.exists()
    assert mention.version == 1

    services.mention_relink(
        mention=mention,
        entity=defence_minister,
        changed_by=editor,
        expected_version=1,
        allow_shared_alias=True,
    )

    mention.refresh_from_db()
    assert mention.entity == defence_minister and mention.version == 2
    assert list(defence_minister.aliases.values_list("text", flat=True)) == ["Gallant"]
    assert mention.history.latest().history_user == editor


def test_merge_moves_mentions_and_aliases_in_one_go(editor):
    group = EntityKind.objects.get(slug="group")
    survivor = EntityFactory(name="Hezbollah", kind=group)
    merged = EntityFactory(name="Hizbollah", kind=group)
    services.alias_add(entity=merged, text="Hizballah")
    article = ArticleFactory(body="Hizbollah fired. Hizbollah again.")
    first = MentionFactory(article=article, entity=merged, quote_text="Hizbollah")
    # The same span marked as both: the survivor's mention is kept, not duplicated.
    MentionFactory(article=article, entity=survivor, quote_text="Hizbollah")

    services.entity_merge(survivor=survivor, merged=merged, merged_by=editor)

    assert not type(merged).objects.filter(pk=merged.pk).exists()
    assert list(Mention.objects.filter(entity=survivor).values_list("start", flat=True)) == [0]
    assert not Mention.objects.filter(pk=first.pk).exists()
    assert sorted(survivor.aliases.values_list("text", flat=True)) == ["Hizballah", "Hizbollah"]


def test_merge_into_itself_is_refused(editor):
    entity = EntityFactory()
    with pytest.raises(services.AnnotationError):
        services.entity_merge(survivor=entity, merged=entity, merged_by=editor)


def test_a_failed_merge_changes_nothing(editor, monkeypatch):
    survivor, merged = EntityFactory(name="A"), EntityFactory(name="B")
    mention = MentionFactory(entity=merged, article=ArticleFactory(body="B said."), quote_text="B")

    def explode(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "alias_add", explode)
    with pytest.raises(RuntimeError):
        services.entity_merge(survivor=survivor, merged=merged, merged_by=editor)

    mention.refresh_from_db()
    assert mention.entity == merged
    assert type(merged).objects.filter(pk=merged.pk).exists()


def test_merge_moves_every_mention_and_keeps_dismissals(editor):
    from curation.annotations.models import DismissedSuggestion

    survivor, merged = EntityFactory(name="Hezbollah"), EntityFactory(name="Hizbollah")
    article = ArticleFactory(body="Hizbollah fired. Later Hizbollah again.")
    moved = [MentionFactory(article=article, entity=merged, quote_text="Hizbollah")]
    start = article.body.rindex("Hizbollah")
    moved.append(
        Mention.objects.create(
            article=article, entity=merged, start=start, end=start + 9, quote="Hizbollah"
        )
    )
    services.suggestion_dismiss(
        article=article, entity=merged, text="Hizbullah", dismissed_by=editor
    )

    services.entity_merge(survivor=survivor, merged=merged, merged_by=editor)

    for mention in moved:
        mention.refresh_from_db()
        assert mention.entity == survivor
        assert mention.history.latest().history_user == editor
    assert DismissedSuggestion.objects.get().entity == survivor


def test_entities_named_finds_a_name_or_alias_in_any_case_and_spacing():
    hezbollah = EntityFactory(name="Hezbollah")
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    axios = EntityFactory(name="Axios")
    MentionFactory(entity=axios, article__body="Axios reported it.")
    EntityFactory(name="Axios Media")

    assert entities_named("HIZBOLLAH") == [hezbollah]
    assert entities_named("  hezbollah ") == [hezbollah]
    [found] = entities_named("axios")
    assert (found, found.mention_count) == (axios, 1)
    assert entities_named("Axios", exclude=axios.pk) == []
    assert entities_named("Hamas") == []
    assert entities_named("   ") == []


def test_every_record_a_merge_writes_carries_its_actor_and_reason(editor):
    group = EntityKind.objects.get(slug="group")
    survivor = EntityFactory(name="Hezbollah", kind=group)
    merged = EntityFactory(name="Hizbollah", kind=group)
    old_alias = services.alias_add(entity=merged, text="Hizballah")
    article = ArticleFactory(body="Hizbollah fired. Hizbollah again.")
    duplicate = MentionFactory(article=article, entity=merged, quote_text="Hizbollah")
    MentionFactory(article=article, entity=survivor, quote_text="Hizbollah")

    services.entity_merge(survivor=survivor, merged=merged, merged_by=editor)

    reason = f"entity {merged.pk} merged into {survivor.pk}"
    records = [
        Mention.history.filter(id=duplicate.pk, history_type="-").get(),
        Alias.history.filter(id=old_alias.pk, history_type="-").get(),
        *Alias.history.filter(entity_id=survivor.pk, history_type="+"),
    ]
    assert len(records) == 4  # the duplicate, the old alias, and two new aliases
    assert {(r.history_user, r.history_change_reason) for r in records} == {(editor, reason)}

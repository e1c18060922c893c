import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from curation import roles
from curation.annotations.models import EntityKind
from curation.articles.importing import content_hash
from curation.articles.models import Article, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        """``UserFactory(role="annotator")`` puts the user in that role's group."""
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))


class AnnotatorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"annotator{n}")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=extracted or roles.ANNOTATOR))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.LazyAttribute(lambda source: source.name.lower().replace(" ", "-"))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Article number {n}")
    body = factory.Sequence(lambda n: f"Paragraph one of article {n}.\n\nParagraph two.")
    raw_text = factory.LazyAttribute(lambda article: f"{article.title}\n\n{article.body}")
    content_hash = factory.LazyAttribute(lambda article: content_hash(article.body))
    format = Article.Format.TEXT
    published_on = factory.Faker("date_between", start_date="-2y", end_date="today")


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "annotations.Entity"

    name = factory.Sequence(lambda n: f"Entity {n}")
    kind = factory.LazyFunction(lambda: EntityKind.objects.get(slug="person"))


class MentionFactory(factory.django.DjangoModelFactory):
    """A mention of the first occurrence of ``quote`` (default: the entity's name)."""

    class Meta:
        model = "annotations.Mention"

    class Params:
        quote_text = None

    article = factory.SubFactory(ArticleFactory)
    entity = factory.SubFactory(EntityFactory)
    quote = factory.LazyAttribute(lambda m: m.quote_text or m.entity.name)
    start = factory.LazyAttribute(lambda m: m.article.body.index(m.quote))
    end = factory.LazyAttribute(lambda m: m.start + len(m.quote))
    prefix = factory.LazyAttribute(lambda m: m.article.body[max(0, m.start - 32) : m.start])
    suffix = factory.LazyAttribute(lambda m: m.article.body[m.end : m.end + 32])

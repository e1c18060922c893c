"""``OneQueryModelBackend``: Django's ModelBackend's answers, read in one query."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, Group, Permission

from curation.permissions import OneQueryModelBackend
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def permission(codename: str) -> Permission:
    return Permission.objects.get(codename=codename)


def fresh(user):
    """The user as a new request loads it: no permissions read yet."""
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def user_with_both():
    """A user with a permission of their own and others through two groups (one shared)."""
    user = UserFactory()
    user.user_permissions.add(permission("view_article"))
    first = Group.objects.create(name="first")
    first.permissions.add(permission("review_mention"), permission("view_article"))
    second = Group.objects.create(name="second")
    second.permissions.add(permission("review_event"))
    user.groups.add(first, second)
    return user


def test_it_answers_what_the_model_backend_answers(user_with_both):
    ours = OneQueryModelBackend().get_all_permissions(fresh(user_with_both))
    assert ours == ModelBackend().get_all_permissions(fresh(user_with_both))
    assert ours == {
        "articles.view_article",
        "annotations.review_mention",
        "annotations.review_event",
    }


def test_it_reads_them_once_in_one_query(user_with_both, django_assert_num_queries):
    user = fresh(user_with_both)
    backend = OneQueryModelBackend()
    with django_assert_num_queries(1):
        assert backend.has_perm(user, "annotations.review_event")
        assert not backend.has_perm(user, "annotations.delete_entity")
        assert backend.has_perm(user, "articles.view_article")


def test_a_superuser_has_every_permission():
    boss = UserFactory(is_superuser=True)
    assert OneQueryModelBackend().get_all_permissions(
        fresh(boss)
    ) == ModelBackend().get_all_permissions(fresh(boss))
    assert (
        len(OneQueryModelBackend().get_all_permissions(fresh(boss))) == Permission.objects.count()
    )


def test_the_inactive_the_anonymous_and_object_permissions_get_nothing(user_with_both):
    backend = OneQueryModelBackend()
    inactive = fresh(user_with_both)
    inactive.is_active = False
    assert backend.get_all_permissions(inactive) == set()
    assert not backend.has_perm(inactive, "articles.view_article")
    assert backend.get_all_permissions(AnonymousUser()) == set()
    article = ArticleFactory()
    assert backend.get_all_permissions(fresh(user_with_both), obj=article) == set()


def test_the_desk_checks_permissions_with_it(user_with_both, settings):
    assert "curation.permissions.OneQueryModelBackend" in settings.AUTHENTICATION_BACKENDS
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS
    assert fresh(user_with_both).has_perm("annotations.review_event")


def test_a_user_without_permissions_has_none(django_assert_num_queries):
    nobody = fresh(UserFactory())
    with django_assert_num_queries(1):
        assert OneQueryModelBackend().get_all_permissions(nobody) == set()
    assert not nobody.has_perm("articles.view_article")

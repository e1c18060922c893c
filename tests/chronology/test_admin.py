"""Chronologies and entries in Django admin: a chronology made there is credited to the
admin; an entry's headline can be corrected there, which takes a new version (a curator's
page open meanwhile is then out of date), while its events, dates and state stay
read-only (they change on the curation pages, where their rules are kept)."""

import pytest
from django.test import Client
from django.urls import reverse

from curation.chronology import services
from curation.chronology.models import Chronology, Entry, NotSameEvent
from tests.chronology.test_services import event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss() -> Client:
    client = Client()
    client.user = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client.force_login(client.user)
    return client


def test_a_chronology_made_in_admin_is_credited_to_the_admin(boss):
    response = boss.post(
        reverse("admin:chronology_chronology_add"),
        {"title": "Iran talks", "slug": "iran-talks", "description": "", "is_public": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Chronology.objects.get()
    assert made.created_by == boss.user and made.is_public


def test_an_entry_edited_in_admin_takes_a_new_version_and_keeps_its_rules(boss):
    entry = services.entry_create(events=[event()], by=boss.user)
    before = Entry.objects.get(pk=entry.pk)
    response = boss.post(
        reverse("admin:chronology_entry_change", args=[entry.pk]),
        {
            "headline": "White House calls off the SCG meeting",
            "description": "As two outlets reported.",
            # Read-only in admin: a posted date or state is ignored.
            "date": "1999",
            "status": Entry.Status.PUBLISHED,
            "entry_events-TOTAL_FORMS": "0",
            "entry_events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    after = Entry.objects.get(pk=entry.pk)
    assert after.headline == "White House calls off the SCG meeting"
    assert after.version == before.version + 1
    assert (after.date, after.status) == (before.date, Entry.Status.DRAFT)
    assert after.history.latest().history_change_reason == "edited in admin"


def test_entries_and_not_same_decisions_are_not_added_in_admin(boss):
    assert boss.get(reverse("admin:chronology_entry_add")).status_code == 403
    assert boss.get(reverse("admin:chronology_notsameevent_add")).status_code == 403
    first, second = event(), event()
    services.not_same(event=first, others=[second], by=boss.user)
    decision = NotSameEvent.objects.get()
    page = boss.get(reverse("admin:chronology_notsameevent_change", args=[decision.pk]))
    assert page.status_code == 200
    assert b'name="first"' not in page.content  # shown, not editable

"""An entity's page in a real browser: renaming shows the old name among the aliases at
once, an alias another entity already has is questioned before it is added, and the
directory's kind dots have their kinds' colours."""

from playwright.sync_api import expect

from curation import roles
from curation.annotations.models import Entity, EntityKind
from tests.factories import UserFactory


def log_in_as_reviewer(page, live_server):
    """Merging entities needs a reviewer: log in as one, through the login form."""
    reviewer = UserFactory(username="rita", role=roles.REVIEWER)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(reviewer.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/articles/")
    return page


def test_a_rename_shows_the_old_name_as_an_alias_without_a_reload(logged_in_page, live_server):
    page = logged_in_page
    entity = Entity.objects.create(name="Hizbollah", kind=EntityKind.objects.get(slug="group"))
    page.goto(f"{live_server.url}/entities/{entity.pk}/")
    page.evaluate("window.__marker = 1")

    page.get_by_role("link", name="Edit name and details").click()
    name = page.get_by_label("Canonical name")
    name.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Hezbollah")
    page.get_by_role("button", name="Save").click()

    expect(page.locator("#entity-details")).to_contain_text("Saved.")
    expect(page.locator("#entity-name")).to_have_text("Hezbollah")
    expect(page.locator("#aliases li")).to_contain_text(["Hizbollah"])
    assert page.evaluate("window.__marker") == 1


def test_an_alias_that_names_another_entity_is_questioned_then_added(logged_in_page, live_server):
    page = logged_in_page
    hezbollah = Entity.objects.create(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    Entity.objects.create(name="Axios", kind=EntityKind.objects.get(slug="organisation"))
    page.goto(f"{live_server.url}/entities/{hezbollah.pk}/")
    page.evaluate("window.__marker = 1")
    expect(page.get_by_role("link", name="Merge into another…")).to_have_count(0)

    page.get_by_label("New alias").click()
    page.keyboard.type("Axios")
    page.get_by_role("button", name="Add alias").click()

    warning = page.locator("#aliases .name-clash")
    expect(warning).to_contain_text(
        "“Axios” is already the name of Axios (Organisation, 0 mentions). "
        "Add it as an alias of Hezbollah anyway?"
    )
    # merging is for reviewers: an annotator is not offered it
    expect(warning.get_by_role("link")).to_have_count(0)
    expect(page.locator("#aliases")).to_contain_text("No other names yet.")

    page.get_by_role("button", name="Add it anyway").click()
    expect(page.locator("#aliases li")).to_contain_text(["Axios"])
    expect(page.locator("#aliases .name-clash")).to_have_count(0)
    assert page.evaluate("window.__marker") == 1
    assert list(hezbollah.aliases.values_list("text", flat=True)) == ["Axios"]


def test_the_merge_offer_opens_the_merge_page_with_the_entity_chosen(page, live_server):
    page = log_in_as_reviewer(page, live_server)
    hezbollah = Entity.objects.create(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    axios = Entity.objects.create(name="Axios", kind=EntityKind.objects.get(slug="organisation"))
    page.goto(f"{live_server.url}/entities/{hezbollah.pk}/")
    expect(page.get_by_role("link", name="Merge into another…")).to_be_visible()
    page.get_by_label("New alias").click()
    page.keyboard.type("axios")
    page.keyboard.press("Enter")
    merge = page.locator("#aliases .name-clash").get_by_role(
        "link", name="Merge Axios into Hezbollah instead…"
    )
    expect(merge).to_have_attribute("href", f"/entities/{axios.pk}/merge/?into={hezbollah.pk}")
    merge.click()

    expect(page.get_by_role("heading", name="Merge Axios into another entity")).to_be_visible()
    expect(page.get_by_role("radio", name="Hezbollah")).to_be_checked()
    page.get_by_role("button", name="Merge").click()
    expect(page.locator("#messages")).to_contain_text("Merged Axios into Hezbollah.")
    expect(page.locator("#aliases li")).to_contain_text(["Axios"])
    assert not Entity.objects.filter(pk=axios.pk).exists()


def test_the_directorys_kind_dots_have_their_kinds_colours(logged_in_page, live_server):
    page = logged_in_page
    for slug in ("group", "place"):
        Entity.objects.create(name=f"A {slug}", kind=EntityKind.objects.get(slug=slug))
    page.goto(f"{live_server.url}/entities/")
    for slug, colour in (("group", "rgb(176, 58, 138)"), ("place", "rgb(46, 139, 87)")):
        expect(page.locator(f".kind-dot.k-{slug}")).to_have_css("background-color", colour)

"""Browser tests: pytest-playwright driving the system's Chromium against the live server.

Without a Chromium they are skipped with the reason shown, unless
CURATION_REQUIRE_BROWSER=1 (as .ci/run sets), which turns the skip into a failure.
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CURATION_CHROMIUM") or next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)
BROWSER_REQUIRED = os.environ.get("CURATION_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if CHROMIUM is None:
        message = (
            "No Chromium found (looked for chromium, chromium-browser, google-chrome, "
            "and $CURATION_CHROMIUM). Install it: apt-get install chromium"
        )
        if BROWSER_REQUIRED:
            pytest.fail(message + " — CURATION_REQUIRE_BROWSER=1 makes browser tests mandatory.")
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def logged_in_page(page, live_server, annotator):
    """A browser page logged in as the annotator, through the real login form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(annotator.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/articles/")
    return page


@pytest.fixture(autouse=True)
def seeded_event_types(event_types):
    """Every browser test has the seeded event types (tests/conftest.py)."""


@pytest.fixture(autouse=True)
def no_policy_violations(request):
    """Every browser test runs under the desk's Content-Security-Policy (settings.SECURE_CSP)
    and fails if the browser refused anything under it: an inline script, eval, a style,
    a request elsewhere. Chromium reports each refusal on the console."""
    if "page" not in request.fixturenames:
        yield
        return
    context = request.getfixturevalue("context")
    refused: list[str] = []

    def note(message) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{message.text} (on {message.page.url if message.page else '?'})")

    context.on("console", note)
    yield
    assert not refused, "The browser refused under the CSP:\n" + "\n".join(refused)

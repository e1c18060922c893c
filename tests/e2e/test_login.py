"""Logging in as a person does: typing the name and password, pressing Enter, and being
told when too many wrong passwords have paused the login."""

from django.conf import settings
from playwright.sync_api import Page, expect


def type_and_enter(page: Page, username: str, password: str) -> None:
    page.get_by_label("Username").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(username)
    page.get_by_label("Password").click()
    page.keyboard.type(password)
    page.keyboard.press("Enter")


def test_wrong_passwords_pause_the_login_and_say_so(page: Page, live_server, annotator):
    page.goto(f"{live_server.url}/accounts/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        type_and_enter(page, annotator.username, "not the password")
        expect(page.get_by_role("alert")).to_contain_text("don't match")
    type_and_enter(page, annotator.username, "not the password")
    expect(page.get_by_role("heading", name="Too many wrong passwords")).to_be_visible()
    page.get_by_role("link", name="Back to the login page").click()
    type_and_enter(page, annotator.username, "correct horse battery staple")
    expect(page.get_by_role("heading", name="Too many wrong passwords")).to_be_visible()
    expect(page.get_by_role("alert").first).to_contain_text(f"“{annotator.username}”")


def test_the_right_password_logs_in(page: Page, live_server, annotator):
    page.goto(f"{live_server.url}/accounts/login/")
    type_and_enter(page, annotator.username, "correct horse battery staple")
    page.wait_for_url(f"{live_server.url}/articles/")
    expect(page.get_by_text(annotator.username)).to_be_visible()

"""Requests sent over HTTP to the live server from threads, as two people's browsers would
send them at the same moment (tests/annotations/test_*_concurrency.py)."""

import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie

from django.conf import settings
from django.test import Client
from django.urls import reverse


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class LiveSession:
    """A logged-in editor talking to the live server over HTTP: a session cookie, and the
    CSRF cookie and token that the first page hands out, as a browser would send them."""

    opener = urllib.request.build_opener(_NoRedirects)

    def __init__(self, base_url: str, user) -> None:
        self.base_url = base_url
        client = Client()
        client.force_login(user)
        self.cookies = {
            settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value
        }
        status, _ = self.request("GET", reverse("annotations:entities"))
        assert status == 200 and settings.CSRF_COOKIE_NAME in self.cookies

    def request(self, method: str, path: str, data: dict | list | None = None, *, htmx=False):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies[settings.CSRF_COOKIE_NAME]
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(data or {}, doseq=True).encode()
        if htmx:
            headers["HX-Request"] = "true"
        request = urllib.request.Request(self.base_url + path, body, headers, method=method)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, raw, cookies = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, raw, cookies = error.code, error.read(), error.headers
        for header in cookies.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return status, raw.decode()

    def post(self, path: str, data, **kwargs):
        return self.request("POST", path, data, **kwargs)


def all_at_once(calls: list) -> list:
    """Run the calls in threads released together; their results, in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))

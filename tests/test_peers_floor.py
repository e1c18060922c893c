"""The plain Django app under the desk's one-span writes in the side-by-side benchmark
(tests/benchmarks/peers/floor.py): its figure is a floor only if its write does what
every write must, a login and a CSRF check, before it writes its row."""

import sqlite3

import requests

from tests.benchmarks.peers.floor import plain_django

MARK = {"start": 10, "end": 19, "quote": "Hezbollah"}


def marks_in(folder) -> int:
    with sqlite3.connect(folder / "plain.sqlite3") as database:
        return database.execute("SELECT count(*) FROM mark").fetchone()[0]


def test_the_plain_write_needs_a_login_and_its_csrf_token_then_writes_one_row(tmp_path):
    folder = tmp_path / "plain"
    with plain_django(folder, workers=1) as (base, session):
        anonymous = requests.post(f"{base}/mark/", data=MARK, timeout=30)
        assert anonymous.status_code == 403 and "CSRF" in anonymous.text
        anonymous_with_token = requests.post(
            f"{base}/mark/",
            data=MARK,
            cookies={"csrftoken": session.headers["X-CSRFToken"]},
            headers={"X-CSRFToken": session.headers["X-CSRFToken"]},
            timeout=30,
        )
        assert anonymous_with_token.status_code == 403
        assert anonymous_with_token.text == "Log in first."
        without_token = requests.post(
            f"{base}/mark/", data=MARK, cookies=session.cookies.get_dict(), timeout=30
        )
        assert without_token.status_code == 403 and "CSRF" in without_token.text
        assert marks_in(folder) == 0

        logged_in = session.post(f"{base}/mark/", data=MARK, timeout=30)
        assert (logged_in.status_code, logged_in.text) == (200, "Marked")
        assert marks_in(folder) == 1

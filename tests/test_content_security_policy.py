"""The Content-Security-Policy every response carries, and the htmx settings that let it
stay strict. (Every browser test also fails on anything the browser refuses under it:
tests/e2e/conftest.py.)"""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", ["/accounts/login/", "/c/", "/articles/"])
def test_pages_allow_only_the_desks_own_scripts_and_never_eval(client, annotator_client, path):
    assert settings.DEBUG is False
    response = annotator_client.get(path) if path == "/articles/" else client.get(path)
    assert response.status_code == 200
    directives = policy(response)
    scripts = directives["script-src"]
    assert "'self'" in scripts
    assert any(re.fullmatch(r"'nonce-[\w+/=-]{16,}'", value) for value in scripts), scripts
    assert "'unsafe-inline'" not in scripts
    styles = directives["style-src"]
    assert "'self'" in styles
    assert not any("unsafe" in value for value in styles), styles
    assert not any("unsafe-eval" in value for values in directives.values() for value in values)
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]


def test_each_response_has_its_own_nonce(client):
    first = policy(client.get("/accounts/login/"))["script-src"]
    second = policy(client.get("/accounts/login/"))["script-src"]
    assert first != second


def test_htmx_runs_without_eval_script_tags_or_requests_elsewhere(client):
    page = client.get("/accounts/login/").content.decode()
    config = json.loads(re.search(r'<meta name="htmx-config" content=\'([^\']+)\'', page)[1])
    assert config["allowEval"] is False
    assert config["allowScriptTags"] is False
    assert config["selfRequestsOnly"] is True
    assert config["includeIndicatorStyles"] is False


def test_no_template_has_an_inline_script_or_event_handler():
    """Inline scripts would need the nonce, and handler attributes can't have one."""
    found = []
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(
            r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", text
        ):
            found.append(f"{path.name}: {match[0]}")
        for match in re.finditer(r"\son[a-z]+\s*=\s*[\"']", text):
            found.append(f"{path.name}: {match[0]}")
    assert not found, found


def test_no_template_or_html_builder_writes_a_style_attribute_or_an_inline_stylesheet():
    """The policy refuses both: colours and places are classes (/event-types.css,
    static/css/timeline.css)."""
    sources = [*(settings.BASE_DIR / "templates").rglob("*.html")]
    sources += (settings.BASE_DIR / "curation").rglob("*.py")
    found = []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"""\sstyle\s*=\s*[\"'{]|<style\b""", text):
            found.append(f"{path.relative_to(settings.BASE_DIR)}: {match[0]!r}")
    assert not found, found


def test_the_admin_history_list_is_the_desks_copy_without_a_style_attribute():
    from django.template.loader import get_template

    template = get_template("simple_history/object_history_list.html")
    assert Path(template.origin.name).is_relative_to(settings.BASE_DIR / "templates")
    assert "style=" not in Path(template.origin.name).read_text()

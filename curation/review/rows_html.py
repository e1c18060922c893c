"""The rows of the review queue and of "My work", as HTML.

A queue page draws 25 to 100 rows, and a view sends one row back after each action. As
a template per row (with its includes and ``{% url %}`` tags) the rows were half of the
queue page's time (tests/benchmarks/bench_review.py), so they are written here with
f-strings. Every value that comes from the database or from people goes through
``_text`` (the standard library's ``html.escape``, which Django's ``escape`` calls):
& < > " ' are escaped, in text and in attributes. The only strings marked safe are the
ones built here that way, and the edit form, which its template renders
(tests/review/test_rows_html.py puts markup into every field and checks it comes out
as text). Each value from people also sits in an element with ``hx-disable``
(curation/inert.py), so htmx would process nothing in it even if it were markup. The markup
is styled by static/css/desk.css and driven by static/js/review.js.
"""

from __future__ import annotations

from django.forms import Form
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from curation.annotations.models import Status
from curation.reversing import reverse_with_pk as _url
from curation.review.selectors import WorkItem
from curation.table_rows import date_format
from curation.table_rows import text as _text

QUEUE_COLUMNS = 8
MINE_COLUMNS = 5


def _time(value, fmt: str) -> str:
    """``<time>`` for a stored (aware) datetime, in the desk's time zone, as the
    template filter ``date`` shows it."""
    local = localtime(value)
    return f'<time datetime="{local.isoformat()}">{_text(date_format(local, fmt))}</time>'


def _username(user) -> str:
    return user.get_username() if user is not None else ""


def _reviewed_by(obj) -> str:
    """The words " by <reviewer>", or nothing when no reviewer is recorded."""
    return f" by {_text(_username(obj.reviewed_by))}" if obj.reviewed_by_id else ""


# --- what both tables show ---------------------------------------------------------------


def what(item: WorkItem) -> str:
    """What a row is about: a mention's entity, or an event's headline, date (in words),
    type and participants."""
    obj = item.obj
    if item.kind == "mention":
        entity = obj.entity
        return (
            '<span class="work-kind">Mention</span> '
            f'<span class="work-entity k-{_text(entity.kind.slug)}"><span class="kind-dot">'
            f"</span><strong hx-disable>{_text(entity.name)}</strong> "
            f'<span class="muted">{_text(entity.kind.name)}</span></span>'
        )
    parts = [
        '<span class="work-kind">Event</span> ',
        f'<strong class="work-headline" hx-disable>{_text(obj.headline)}</strong> ',
        f'<span class="work-date">{_text(obj.date_display)}</span> ',
        f'<span class="badge type-badge type-{_text(obj.event_type_id)}">'
        f"{_text(obj.event_type)}</span>",
    ]
    people = [
        _text(p.entity.name)
        + ("" if p.role == "actor" else f" ({_text(p.get_role_display().lower())})")
        for p in obj.participants.all()
    ]
    if people:
        parts.append(f' <span class="work-people" hx-disable>{", ".join(people)}</span>')
    if obj.location_id:
        place = f"<span hx-disable>{_text(obj.location.name)}</span>"
        parts.append(f' <span class="work-people">in {place}</span>')
    return "".join(parts)


def excerpt(item: WorkItem) -> str:
    """The quote in its context: …before <mark>quote</mark> after…"""
    e = item.excerpt
    cut = f" […] <mark>{_text(e.quote_end)}</mark>" if e.cut else ""
    return (
        f'<p class="snippet" hx-disable>{"…" if e.more_before else ""}{_text(e.before)}'
        f"<mark>{_text(e.quote)}</mark>{cut}{_text(e.after)}{'…' if e.more_after else ''}</p>"
    )


def _row_start(item: WorkItem, *, classes: str, extra: str = "") -> str:
    workspace = _url("annotations:workspace", pk=item.obj.article_id)
    return (
        f'<tr id="row-{_text(item.key)}" class="{classes}" tabindex="-1" '
        f'data-kind="{item.kind}" data-id="{item.pk}" data-version="{item.version}" '
        f'data-open="{workspace}#{item.workspace_anchor}"{extra}>'
    )


def _open_link(item: WorkItem, label: str) -> str:
    workspace = _url("annotations:workspace", pk=item.obj.article_id)
    return f'<a class="button open-link" href="{workspace}#{item.workspace_anchor}">{label}</a>'


def _article_link(item: WorkItem) -> str:
    url = _url("articles:detail", pk=item.obj.article_id)
    return f'<a href="{url}" hx-disable>{_text(item.obj.article.title)}</a>'


def _message(item: WorkItem) -> str:
    if not item.message:
        return ""
    return f'<p class="row-message" role="alert" hx-disable>{_text(item.message)}</p>'


def _version_input(version) -> str:
    return f'<input type="hidden" name="version" value="{version}">'


# --- the queue ---------------------------------------------------------------------------


def queue_row(
    item: WorkItem,
    *,
    oob: bool = False,
    reject_form: Form | None = None,
    edit_form_html: str = "",
) -> SafeString:
    """A row of the queue. ``reject_form``: the reason was refused, so the reject form
    is open with what was typed and the error. ``edit_form_html``: the row is being
    edited (``item.editing``), with this form in its "What" cell."""
    obj = item.obj
    not_yours = (
        ' data-not-yours="Yours: another reviewer approves it."'
        if item.needs_another_reviewer
        else ""
    )
    classes = "queue-row mine" if item.mine else "queue-row"
    author = _username(obj.created_by)
    source = obj.article.source.name if obj.article.source_id else ""
    submitted = _time(obj.submitted_at, "j M Y, H:i") if obj.submitted_at else ""
    return mark_safe(  # every value above and below is escaped by _text
        _row_start(item, classes=classes, extra=not_yours + (' hx-swap-oob="true"' if oob else ""))
        + f'<td class="select" data-label="Select">{_select_box(item)}</td>'
        + '<td class="what" data-label="What">'
        + (edit_form_html if item.editing else what(item))
        + "</td>"
        + f'<td class="context" data-label="In the text">{excerpt(item)}</td>'
        + f'<td class="article" data-label="Article">{_article_link(item)}</td>'
        + f'<td class="source" data-label="Source" hx-disable>{_text(source or "—")}</td>'
        + f'<td class="by" data-label="By" hx-disable>{_text(author or "—")}'
        + (' <span class="muted">(you)</span>' if item.mine else "")
        + "</td>"
        + f'<td class="when nowrap" data-label="Submitted">{submitted}</td>'
        + f'<td class="actions-cell" data-label="Review">{_message(item)}'
        + _queue_actions(item, reject_form)
        + "</td></tr>"
    )


def _select_box(item: WorkItem) -> str:
    obj = item.obj
    if obj.status != Status.SUBMITTED:
        return ""
    label = obj.quote if item.kind == "mention" else obj.headline
    return (
        f'<input type="checkbox" class="row-select" name="item" '
        f'value="{item.kind}:{item.pk}:{item.version}" form="bulk-form" '
        f'aria-label="Select this {item.kind}: {_text(label)}">'
    )


def _queue_actions(item: WorkItem, reject_form: Form | None) -> str:
    obj = item.obj
    if obj.status != Status.SUBMITTED:
        by = _reviewed_by(obj)
        state = _text(obj.get_status_display())
        return f'<p class="state state-{obj.status}" hx-disable>{state}{by}</p>'
    if item.editing:
        return ""
    buttons = []
    if "approve" in item.actions:
        buttons.append(
            f'<form class="inline" hx-post="{_url("review:approve", item.kind, pk=item.pk)}" '
            f'hx-target="closest tr" hx-swap="outerHTML">{_version_input(item.version)}'
            '<button type="submit" class="button primary" data-action="approve">Approve'
            "</button></form>"
        )
        if "edit" in item.actions:
            buttons.append(
                '<button type="button" class="button" data-action="edit" '
                f'hx-get="{_url("review:edit", item.kind, pk=item.pk)}" hx-target="closest tr" '
                'hx-swap="outerHTML">Edit…</button>'
            )
    elif item.needs_another_reviewer:
        buttons.append('<p class="hint yours">Yours: another reviewer approves it.</p>')
    rejectable = "reject" in item.actions
    reject_url = _url("review:reject", item.kind, pk=item.pk) if rejectable else ""
    if rejectable:
        # The form itself is only in the row when it was refused; otherwise review.js
        # makes it from the page's one template (``reject_form_template``) when asked.
        opened = (
            f'aria-expanded="true" aria-controls="reject-{item.key}"'
            if reject_form is not None
            else 'aria-expanded="false"'
        )
        buttons.append(
            '<button type="button" class="button" data-action="reject" '
            f'data-reject-url="{reject_url}" {opened}>Reject…</button>'
        )
    buttons.append(_open_link(item, "Open"))
    actions = f'<div class="row-actions">{" ".join(buttons)}</div>'
    if reject_form is None or not rejectable:
        return actions
    return actions + _reject_form(
        key=item.key, url=reject_url, version=item.version, form=reject_form
    )


def reject_form_template() -> SafeString:
    """The reject form that review.js copies into a row when its reviewer asks to reject
    it, with the row's ids, address and version put in: a form in each of a page's 100
    rows was a quarter of its bytes."""
    return mark_safe(_reject_form(key="", url="", version="", form=None))  # no user text


def _reject_form(*, key: str, url: str, version, form: Form | None) -> str:
    errors = list(form.errors.get("reason", ())) if form is not None else []
    typed = f' value="{_text(form.data.get("reason", ""))}" autofocus' if form is not None else ""
    invalid = f' aria-invalid="true" aria-describedby="reason-error-{key}"' if errors else ""
    error_lines = "".join(
        f'<p class="error" id="reason-error-{key}" hx-disable>{_text(error)}</p>'
        for error in errors
    )
    return (
        f'<form id="reject-{key}" class="reject-form row-form" '
        f'hx-post="{url}" hx-target="closest tr" '
        f'hx-swap="outerHTML"{"" if form is not None else " hidden"}>'
        f"{_version_input(version)}"
        f'<label for="reason-{key}">Why is it rejected?</label>'
        f'<input type="text" id="reason-{key}" name="reason" maxlength="1000" autocomplete="off" '
        f'aria-required="true" placeholder="The author reads this"{typed}{invalid}>'
        f"{error_lines}"
        '<div class="row-form-buttons"><button type="submit" class="button danger">Reject'
        '</button> <button type="button" class="button" data-action="cancel">Cancel</button> '
        '<span class="hint"><kbd>Enter</kbd> sends, <kbd>Esc</kbd> cancels</span></div></form>'
    )


# --- My work -----------------------------------------------------------------------------


def mine_row(item: WorkItem) -> SafeString:
    """A row of an annotator's own work: its state (with a rejection's reason) and
    "Submit" when they may submit it."""
    obj = item.obj
    source = obj.article.source
    return mark_safe(  # every value is escaped by _text
        _row_start(item, classes="queue-row")
        + f'<td class="what" data-label="What">{what(item)}</td>'
        + f'<td class="context" data-label="In the text">{excerpt(item)}</td>'
        + f'<td class="article" data-label="Article">{_article_link(item)}'
        + (
            f' <span class="muted" hx-disable>{_text(source.name)}</span>'
            if source is not None
            else ""
        )
        + "</td>"
        + f'<td class="when nowrap" data-label="Last change">{_time(obj.updated_at, "j M Y, H:i")}'
        + "</td>"
        + f'<td class="actions-cell" data-label="Review">{_message(item)}{_state(obj)}'
        + f'<div class="row-actions">{_open_link(item, "Open in the workspace")}'
        + _submit_form(item)
        + "</div></td></tr>"
    )


def _state(obj) -> str:
    if obj.status == Status.REJECTED:
        by = _reviewed_by(obj)
        on = f" on {_time(obj.reviewed_at, 'j M Y, H:i')}" if obj.reviewed_at else ""
        reason = obj.review_note or "No reason was recorded."
        return (
            '<div class="rejection">'
            f'<p class="state state-rejected" hx-disable>Rejected{by}{on}:</p>'
            f'<blockquote class="reason" hx-disable>{_text(reason)}</blockquote></div>'
        )
    if obj.status == Status.SUBMITTED:
        since = f" since {_time(obj.submitted_at, 'j M Y')}" if obj.submitted_at else ""
        return f'<p class="state state-submitted">Waiting for review{since}</p>'
    if obj.status == Status.APPROVED:
        by = _reviewed_by(obj)
        return f'<p class="state state-approved" hx-disable>Approved{by}</p>'
    return '<p class="state state-draft">Draft</p>'


def _submit_form(item: WorkItem) -> str:
    if "submit" not in item.actions:
        return ""
    again = item.obj.status == Status.REJECTED
    return (
        f' <form class="inline" hx-post="{_url("review:submit", item.kind, pk=item.pk)}" '
        f'hx-target="closest tr" hx-swap="outerHTML">{_version_input(item.version)}'
        f'<input type="hidden" name="state" value="{_text(item.obj.status)}">'
        '<button type="submit" class="button primary" data-action="submit">'
        f"{'Submit again' if again else 'Submit for review'}</button></form>"
    )


# --- a row whose item is gone ------------------------------------------------------------


def gone_row(kind: str, *, mine: bool = False) -> SafeString:
    """The row of an item deleted since the page was loaded."""
    if mine:
        text = f"This {_text(kind)} was deleted: it is no longer yours to submit."
    else:
        text = f"This {_text(kind)} was deleted after you loaded the queue: nothing to review."
    return mark_safe(  # the kind is escaped
        f'<tr class="queue-row gone"><td colspan="{MINE_COLUMNS if mine else QUEUE_COLUMNS}">'
        f'<p class="row-message" role="alert">{text}</p></td></tr>'
    )

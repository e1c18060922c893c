"""Every article's approved events and mentions as W3C Web Annotations, one per line
(JSON Lines): what another system reads to take the desk's whole annotation work at
once, where the paged collections (views/web_annotations.py) serve one article or chronology.

It streams: the annotations are read ``BATCH`` at a time by id, each batch written out
before the next is read, so the server holds one batch however many there are. Each
line is a whole annotation with its ``@context``, as a standalone one is written.
"""

import json
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET

from curation.chronology import export_reads
from curation.chronology.exports import webannotation
from curation.chronology.views.exports import JSON_SEPARATORS
from curation.chronology.views.web_annotations import WebAnnotator

BATCH = 1000
CONTENT_TYPE = "application/x-ndjson; charset=utf-8"


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def all_annotations(request: HttpRequest) -> StreamingHttpResponse:
    return annotations_stream(request)


def annotations_stream(request: HttpRequest) -> StreamingHttpResponse:
    """The export, for a request already allowed to read articles (this page, or the
    API's ``GET /annotations``)."""
    annotator = WebAnnotator(request)

    def lines() -> Iterator[str]:
        for batch in export_reads.all_annotation_event_rows(BATCH):
            yield _lines(annotator.events(batch))
        for batch in export_reads.all_annotation_mentions(BATCH):
            yield _lines(annotator.mention_rows(batch))

    response = StreamingHttpResponse(lines(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="annotations.jsonl"'
    return response


_encode = json.JSONEncoder(ensure_ascii=False, separators=JSON_SEPARATORS).encode
# each line is {"@context": …, then the annotation's own members (an annotation always
# has some, and never a @context of its own: webannotation.annotation writes them)
_LINE_START = _encode({"@context": webannotation.CONTEXT})[:-1] + ","


def _lines(annotations: list[dict]) -> str:
    return "".join(_LINE_START + _encode(annotation)[1:] + "\n" for annotation in annotations)

from django.urls import path, register_converter

from curation.review.views import actions, edit, mine, queue


class WorkKind:
    """``mention`` or ``event``: the two kinds of work that are reviewed."""

    regex = "mention|event"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(WorkKind, "work_kind")

app_name = "review"

urlpatterns = [
    path("", queue.QueueView.as_view(), name="queue"),
    path("counts/", queue.counts, name="counts"),
    path("approve/", actions.approve_many, name="approve-many"),
    path("<work_kind:kind>/<int:pk>/", actions.queue_row, name="row"),
    path("<work_kind:kind>/<int:pk>/approve/", actions.approve, name="approve"),
    path("<work_kind:kind>/<int:pk>/reject/", actions.reject, name="reject"),
    path("<work_kind:kind>/<int:pk>/edit/", edit.edit_and_approve, name="edit"),
    path("mine/", mine.MyWorkView.as_view(), name="mine"),
    path("mine/<work_kind:kind>/<int:pk>/submit/", mine.submit, name="submit"),
]

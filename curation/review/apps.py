from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """The reviewers' room: the queue of submitted work, and each annotator's own work.
    It holds no models: every change of state goes through ``annotations.workflow``."""

    name = "curation.review"
    label = "review"
    verbose_name = "Review"

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What running the desk needs: /healthz, the request log, backups. No models."""

    name = "curation.operations"
    label = "operations"

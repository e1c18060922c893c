from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What running the desk needs: /healthz, the request log, backups. No models."""

    name = "curation.operations"
    label = "operations"

    def ready(self) -> None:
        from django.core.signals import request_finished

        from curation.operations.wal_checkpoint import checkpoint_after_response

        request_finished.connect(checkpoint_after_response, dispatch_uid="wal-checkpoint")

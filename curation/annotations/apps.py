from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AnnotationsConfig(AppConfig):
    name = "curation.annotations"
    label = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        from curation.annotations.kinds import ensure_default_kinds

        post_migrate.connect(
            ensure_default_kinds, sender=self, dispatch_uid="annotations.default_kinds"
        )

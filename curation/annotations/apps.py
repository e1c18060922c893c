from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_migrate


def remove_text_triggers(using: str, plan=None, **kwargs) -> None:
    from django.db import connections

    from curation.annotations import text_triggers

    if plan:  # migrations will run
        text_triggers.remove(connections[using])


def install_text_triggers(using: str, plan=None, **kwargs) -> None:
    """After every migrate (and flush), whether or not migrations ran."""
    from django.db import connections

    from curation.annotations import text_triggers

    text_triggers.install(connections[using], renew=bool(plan))


class AnnotationsConfig(AppConfig):
    name = "curation.annotations"
    label = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        from curation.annotations.kinds import ensure_default_kinds
        from curation.annotations.models import Alias, Entity, NamesVersion
        from curation.annotations.reanchoring import reanchor_article
        from curation.articles.corrections import article_corrected

        post_migrate.connect(
            ensure_default_kinds, sender=self, dispatch_uid="annotations.default_kinds"
        )
        # The triggers behind the workspace's cache (text_triggers) are out of the way
        # while migrations alter tables.
        pre_migrate.connect(
            remove_text_triggers, sender=self, dispatch_uid="annotations.text_triggers.remove"
        )
        post_migrate.connect(
            install_text_triggers, sender=self, dispatch_uid="annotations.text_triggers"
        )
        # Every committed change to a name or alias tells the gazetteers to rebuild.
        for model in (Entity, Alias):
            for signal_name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    NamesVersion.bump,
                    sender=model,
                    dispatch_uid=f"annotations.names.{model.__name__}.{signal_name}",
                )
        # A correction of an article takes its mentions and events along, in its transaction.
        article_corrected.connect(reanchor_article, dispatch_uid="annotations.reanchor_article")

from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_delete, pre_save


class ArticlesConfig(AppConfig):
    name = "curation.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        # After every app's migrations, as each app brings the permissions its roles grant.
        post_migrate.connect(_create_roles, dispatch_uid="curation.create_roles")

        from curation.articles.history import write_import_record_before_first_change
        from curation.articles.models import Article

        for signal in (pre_save, pre_delete):
            signal.connect(
                write_import_record_before_first_change,
                sender=Article,
                dispatch_uid=f"articles.import_record.{id(signal)}",
            )


def _create_roles(**kwargs) -> None:
    from curation.roles import ensure_roles

    ensure_roles()

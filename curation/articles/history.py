"""The audit trail of articles.

Imports insert thousands of rows at a time, so they skip django-simple-history's
per-row record. An article's history starts when it first changes: just before that
change, its imported state is written as the creation record ("+"), dated when it was
imported and credited to whoever imported it. The result reads exactly as if the
record had been written at import time.
"""

from curation.articles.models import Article


def write_import_record_before_first_change(sender, instance: Article, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    if Article.history.filter(id=instance.pk).exists():
        return
    imported = Article.objects.filter(pk=instance.pk).first()
    if imported is None:
        return
    # Credit the importer, even when that is nobody (the command line): without this,
    # simple-history would credit whoever is logged in now.
    imported._history_user = imported.imported_by
    Article.history.bulk_history_create(
        [imported],
        default_date=imported.imported_at,
        default_user=imported.imported_by,
        default_change_reason="imported",
    )

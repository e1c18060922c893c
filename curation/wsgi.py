import gc
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

from curation.articles.importing.bulk import start_readers

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "curation.settings")
application = get_wsgi_application()

from curation.annotations import known_names  # noqa: E402 (its models need the apps loaded)

# Load every view and API schema, and build the gazetteer of known names, now rather than
# in the first request, then leave all of it out of the garbage collector's full passes:
# it lives as long as the process, and walking it took a tenth of a second, every few
# thousand objects a large request (a bulk import) kept.
get_resolver().url_patterns  # noqa: B018
known_names.start()
gc.freeze()
start_readers(settings.CURATION_IMPORT_HELPER_PROCESSES)

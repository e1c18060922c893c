"""``/healthz``: whether the desk can reach its database, and which database that is,
for a load balancer or a monitor. No login; it shows nothing else."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

SERVICE_UNAVAILABLE = 503


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = connection.vendor  # "sqlite" or "postgresql"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": database, "error": str(error).splitlines()[0]},
            status=SERVICE_UNAVAILABLE,
        )
    return JsonResponse({"status": "ok", "database": database})

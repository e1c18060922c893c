"""The address a request comes from, for login throttling.

Directly, that is the connection's (``REMOTE_ADDR``). Behind reverse proxies it is the
proxy's for everyone, so with ``CURATION_TRUSTED_PROXIES`` set to their number, it is
read from ``X-Forwarded-For``: each proxy appends the address it took the request from,
so the client's is that many entries from the right. Entries further left are whatever
the client sent, and are never used.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    proxies = settings.CURATION_TRUSTED_PROXIES
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies and _is_address(hops[-proxies]):
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True

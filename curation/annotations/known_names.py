"""The desk's gazetteer: every entity's name and alias in one automaton, built once per
process and rebuilt when names change.

Building it reads every name and alias and folds each one: 60 ms for 10,000 entities on
the team's machine, growing with the names. A server process builds it at start
(``start``, from ``curation/wsgi.py``), so that its first request that suggests names
does not wait for it; after a change of names, each process rebuilds it on its next use.
"""

from __future__ import annotations

import threading

from django.db import DatabaseError
from django.db.models import Count, Max

from curation.annotations.gazetteer import Gazetteer
from curation.annotations.models import Alias, Entity, NamesVersion

_lock = threading.Lock()
_built: tuple[tuple, Gazetteer] | None = None


def gazetteer() -> Gazetteer:
    global _built
    fingerprint = _names_fingerprint()
    if _built is None or _built[0] != fingerprint:
        with _lock:
            if _built is None or _built[0] != fingerprint:
                names = Entity.objects.values_list("name", "id").iterator(chunk_size=5000)
                aliases = Alias.objects.values_list("text", "entity_id").iterator(chunk_size=5000)
                _built = (fingerprint, Gazetteer([*names, *aliases]))
    return _built[1]


def start() -> None:
    """Build the gazetteer now, at a server process's start. A database without the
    desk's tables yet (before ``migrate``) leaves it to the first use."""
    try:
        gazetteer()
    except DatabaseError:
        pass


def forget() -> None:
    """Drop the built gazetteer (tests): the next use builds it."""
    global _built
    _built = None


def _names_fingerprint() -> tuple:
    """Changes whenever an entity or alias is added, renamed or deleted: the names
    version, bumped on commit by every save and delete (models.NamesVersion), plus row
    counts and newest changes, which also catch bulk writes that send no signals."""
    return (
        NamesVersion.current(),
        *(
            tuple(model.objects.aggregate(rows=Count("id"), changed=Max("updated_at")).values())
            for model in (Entity, Alias)
        ),
    )

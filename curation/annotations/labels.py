"""How messages name entities so that a reader can tell them apart. Plain Python: an
entity here is anything with ``pk``, ``name`` and ``kind.name``.

"Merged Hezbollah into Hezbollah." says nothing; "Merged Hezbollah (Group) into Hezbollah
(Organisation)." does, and when the kinds are the same too, the ids do:
"Hezbollah (Group, #12)"."""

from __future__ import annotations

from collections.abc import Sequence

from curation.annotations.gazetteer import normalise_alias


def distinct_labels(entities: Sequence) -> list[str]:
    """A label for each entity, in order: its name alone when no other entity in the list
    has the same name (ignoring case, quotes and spacing), its name and kind when one
    does, and its id as well when one also has the same kind."""
    labels = []
    for entity in entities:
        namesakes = _namesakes(entity, entities)
        if not namesakes:
            labels.append(entity.name)
        elif _needs_id(entity, namesakes):
            labels.append(f"{entity.name} ({entity.kind.name}, #{entity.pk})")
        else:
            labels.append(f"{entity.name} ({entity.kind.name})")
    return labels


def _namesakes(entity, entities: Sequence) -> list:
    name = normalise_alias(entity.name)
    return [
        other for other in entities if other.pk != entity.pk and normalise_alias(other.name) == name
    ]


def _needs_id(entity, namesakes: Sequence) -> bool:
    return any(other.kind.name == entity.kind.name for other in namesakes)


def mentions_phrase(count: int) -> str:
    return f"{count} mention" if count == 1 else f"{count} mentions"


def clash_warning(text: str, entity, clashes: Sequence, *, question: str) -> str:
    """What an editor is told before giving ``entity`` a name (``text``) that other
    entities (``clashes``, each with ``mention_count``) already have as a name or alias:
    "“Axios” is already the name of Axios (Organisation, 14 mentions). Add it as an
    alias of Hezbollah anyway?". ``question`` is the last sentence, with ``{entity}``
    standing for this entity's label."""
    everyone = [entity, *clashes]
    normalised = normalise_alias(text)
    parts = []
    for clash in clashes:
        what = "the name" if normalise_alias(clash.name) == normalised else "an alias"
        details = [clash.kind.name, mentions_phrase(clash.mention_count)]
        if _needs_id(clash, _namesakes(clash, everyone)):
            details.insert(1, f"#{clash.pk}")
        parts.append(f"{what} of {clash.name} ({', '.join(details)})")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    own_label = distinct_labels(everyone)[0]
    return f"“{text}” is already {listed}. {question.format(entity=own_label)}"

"""The default entity kinds. They are created after every migrate (and after a test
flush), and only ever added: a kind an admin renamed or recoloured stays as they left it."""

DEFAULT_KINDS = [
    # slug, name, description, colour, order
    ("person", "Person", "A named individual.", "#d9822b", 1),
    (
        "organisation",
        "Organisation",
        "A government, ministry, agency, company, party or other institution.",
        "#1f5fbf",
        2,
    ),
    ("place", "Place", "A country, city or region (geo-political), or a location.", "#2e8b57", 3),
    (
        "group",
        "Group",
        "An armed, political or social group that is not a formal institution.",
        "#b03a8a",
        4,
    ),
    (
        "other",
        "Other",
        "Anything else worth tracking: a programme, a forum, an event name.",
        "#6b6b78",
        5,
    ),
]


def ensure_default_kinds(**kwargs) -> None:
    from curation.annotations.models import EntityKind

    for slug, name, description, colour, order in DEFAULT_KINDS:
        EntityKind.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "colour": colour, "order": order},
        )

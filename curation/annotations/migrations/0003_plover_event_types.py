"""Seed the event types: the 16 top-level PLOVER categories, described in our own words,
and subtypes that news about diplomacy needs. Editors extend the list in admin."""

from django.db import migrations

TOP_LEVEL = [
    # slug, name, description, colour
    (
        "agree",
        "AGREE",
        "Agree to, sign or announce an agreement, deal, truce or settlement.",
        "#2e8b57",
    ),
    (
        "consult",
        "CONSULT",
        "Meet, visit, call, negotiate or otherwise talk with another party.",
        "#1f5fbf",
    ),
    (
        "support",
        "SUPPORT",
        "Back, praise, endorse or defend another party or its position.",
        "#3a9d8f",
    ),
    (
        "concede",
        "CONCEDE",
        "Give way: ease restrictions, release people, return territory or accept a demand.",
        "#7a9a3a",
    ),
    (
        "cooperate",
        "COOPERATE",
        "Work together: coordinate policy, share intelligence, "
        "cooperate militarily or economically.",
        "#4f7ccf",
    ),
    ("aid", "AID", "Give material help: military, economic or humanitarian aid.", "#5aa05a"),
    ("retreat", "RETREAT", "Pull back: withdraw forces, leave a place, de-escalate.", "#8f9a5b"),
    ("request", "REQUEST", "Ask, appeal to or demand that another party do something.", "#9a6fb0"),
    ("accuse", "ACCUSE", "Blame, criticise, accuse or denounce another party.", "#c0772e"),
    (
        "reject",
        "REJECT",
        "Refuse, reject or veto; cancel, postpone or break off an engagement.",
        "#b8562c",
    ),
    (
        "threaten",
        "THREATEN",
        "Threaten force, sanctions or other harm, or issue an ultimatum.",
        "#c94a4a",
    ),
    ("protest", "PROTEST", "Demonstrate, rally, strike, boycott or otherwise protest.", "#b03a8a"),
    (
        "sanction",
        "SANCTION",
        "Impose sanctions or an embargo, cut ties, expel diplomats.",
        "#8a4a2c",
    ),
    (
        "mobilize",
        "MOBILIZE",
        "Mobilize or deploy forces, raise alert levels, prepare to act.",
        "#a0522d",
    ),
    (
        "coerce",
        "COERCE",
        "Use non-lethal force: arrest, detain, seize, blockade, restrict.",
        "#9b2d3a",
    ),
    ("assault", "ASSAULT", "Use lethal force: attack, strike, bombard, kill.", "#7f1d1d"),
]

SUBTYPES = [
    # slug, parent, name, description
    ("consult-meeting", "consult", "meeting", "Officials of two or more parties meet."),
    ("consult-visit", "consult", "visit", "An official travels to another party."),
    ("consult-call", "consult", "phone call", "Leaders or officials speak by phone or video."),
    (
        "reject-meeting-cancelled",
        "reject",
        "meeting cancelled or postponed",
        "A planned meeting, visit or call is called off or put off.",
    ),
    (
        "agree-meeting-rescheduled",
        "agree",
        "meeting rescheduled",
        "The parties agree to hold a cancelled or postponed meeting after all.",
    ),
    (
        "assault-missile-strike",
        "assault",
        "missile or air strike",
        "An attack with missiles, rockets, drones or aircraft.",
    ),
]


def seed_event_types(apps, schema_editor=None):
    EventType = apps.get_model("annotations", "EventType")
    parents = {}
    for slug, name, description, colour in TOP_LEVEL:
        parents[slug], _ = EventType.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "colour": colour}
        )
    for slug, parent, name, description in SUBTYPES:
        EventType.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "parent": parents[parent],
                "colour": parents[parent].colour,
            },
        )


def remove_unused_event_types(apps, schema_editor):
    EventType = apps.get_model("annotations", "EventType")
    slugs = [row[0] for row in SUBTYPES] + [row[0] for row in TOP_LEVEL]
    for slug in slugs:  # children first
        EventType.objects.filter(slug=slug, events__isnull=True, children__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("annotations", "0002_events")]
    operations = [migrations.RunPython(seed_event_types, remove_unused_event_types)]

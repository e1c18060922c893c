"""Category 4: "N years ago" and "a year ago" are years (approximate), "N months ago" months,
"N weeks ago" the week, "N days ago" the day: never more precise than the words."""

from tests.temporal.corpus import case

CASES = [
    # published Wednesday 20 March 2013
    case("2013-03-20", "Four years ago, the party won a landslide.", ("Four years ago", "2009~")),
    case("2013-03-20", "A year ago, the island's banks seemed safe.", ("A year ago", "2012~")),
    case("2013-03-20", "The couple married six months ago.", ("six months ago", "2012-09~")),
    case(
        "2013-03-20",
        "The minister resigned two weeks ago.",
        ("two weeks ago", "2013-03-04/2013-03-10"),
    ),
    case("2013-03-20", "He arrived three days ago.", ("three days ago", "2013-03-17")),
    # published Wednesday 9 October 2024
    case("2024-10-09", "Hamas attacked Israel a year ago.", ("a year ago", "2023~")),
    case(
        "2024-10-09", "The company was founded 25 years ago in a garage.", ("25 years ago", "1999~")
    ),
    case("2024-10-09", "The ceasefire collapsed a month ago.", ("a month ago", "2024-09~")),
    case(
        "2024-10-09",
        "Two weeks ago, Hurricane Helene made landfall.",
        ("Two weeks ago", "2024-09-23/2024-09-29"),
    ),
    case("2024-10-09", "The fire started ten days ago.", ("ten days ago", "2024-09-29")),
    # published Tuesday 4 March 2025
    case("2025-03-04", "The factory closed eight months ago.", ("eight months ago", "2024-07~")),
    case(
        "2025-03-04",
        "A week ago, the talks seemed doomed.",
        ("A week ago", "2025-02-24/2025-03-02"),
    ),
    case("2025-03-04", "She took office 18 months ago.", ("18 months ago", "2023-09~")),
    case("2025-03-04", "The law passed nearly two years ago.", ("two years ago", "2023~")),
    case(
        "2025-03-04",
        "Twenty years ago, the country joined the union.",
        ("Twenty years ago", "2005~"),
    ),
    # published Saturday 29 February 2020
    case("2020-02-29", "The outbreak began two months ago.", ("two months ago", "2019-12~")),
    case("2020-02-29", "A year ago, the virus was unknown.", ("A year ago", "2019~")),
    case(
        "2020-02-29",
        "The first case was reported five weeks ago.",
        ("five weeks ago", "2020-01-20/2020-01-26"),
    ),
    # published Tuesday 31 December 2024
    case(
        "2024-12-31",
        "The accord was signed three years ago this month.",
        ("three years ago", "2021~"),
        ("this month", "2024-12"),
    ),
    case(
        "2024-12-31",
        "Six weeks ago the index hit a record.",
        ("Six weeks ago", "2024-11-18/2024-11-24"),
    ),
    case("2024-12-31", "A few years ago the town had no hospital."),
    case("2024-12-31", "Several weeks ago, talks stalled."),
    # published Wednesday 10 May 2017
    case(
        "2017-05-10",
        "Thirty years ago this week, the treaty was signed.",
        ("Thirty years ago", "1987~"),
        ("this week", "2017-05-08/2017-05-14"),
    ),
    case("2017-05-10", "The plant opened 40 years ago.", ("40 years ago", "1977~")),
    case(
        "2017-05-10",
        "The king died a week ago on Thursday.",
        ("a week ago", "2017-05-01/2017-05-07"),
        ("Thursday", "2017-05-04"),
    ),
    case("2017-05-10", "Without a date: he left two years ago.", ("two years ago", "2015~")),
    case(None, "He left two years ago.", ("two years ago", None)),
]

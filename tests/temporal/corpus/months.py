"""Category 3: a month without a year. With no tense cue, the most recent such month not after
the publication date; with one, the tense decides."""

from tests.temporal.corpus import case

CASES = [
    # published Wednesday 20 March 2013
    case(
        "2013-03-20",
        "The senator told reporters in August that he had been misquoted.",
        ("August", "2012-08"),
    ),
    case(
        "2013-03-20",
        "Figures for November show a sharp drop in factory orders.",
        ("November", "2012-11"),
    ),
    case("2013-03-20", "Exports in January set a record.", ("January", "2013-01")),
    case("2013-03-20", "Analysts see the slump in December as a blip.", ("December", "2012-12")),
    case(
        "2013-03-20",
        "Rainfall in October ranks among the highest on record.",
        ("October", "2012-10"),
    ),
    case(
        "2013-03-20", "Growth in March looks stronger than economists feared.", ("March", "2013-03")
    ),
    # published Wednesday 9 October 2024
    case("2024-10-09", "Car sales in September beat expectations.", ("September", "2024-09")),
    case("2024-10-09", "Data for July point to a slowdown in hiring.", ("July", "2024-07")),
    case(
        "2024-10-09",
        "Consumer confidence in November matched its lowest level since 2008.",
        ("November", "2023-11"),
        ("2008", "2008"),
    ),
    case(
        "2024-10-09",
        "Turnout in February remains a record for a local election.",
        ("February", "2024-02"),
    ),
    # published Thursday 2 January 2025
    case(
        "2025-01-02",
        "Retail sales in December were boosted by late discounts.",
        ("December", "2024-12"),
    ),
    case(
        "2025-01-02",
        "The survey for November shows factories shedding jobs.",
        ("November", "2024-11"),
    ),
    case("2025-01-02", "Sales in January are traditionally slow.", ("January", "2025-01")),
    # published Monday 17 January 2022
    case(
        "2022-01-17", "Omicron cases in December doubled every two days.", ("December", "2021-12")
    ),
    case(
        "2022-01-17",
        "House prices in October rose at the fastest pace since 2007.",
        ("October", "2021-10"),
        ("2007", "2007"),
    ),
    # published Sunday 21 July 2019
    case("2019-07-21", "The heatwave in June broke records across Europe.", ("June", "2019-06")),
    case("2019-07-21", "A spokeswoman confirmed the visit in April.", ("April", "2019-04")),
    case("2019-07-21", "Tourist numbers in May are down 4 percent.", ("May", "2019-05")),
    case("2019-07-21", "Arrivals in July look set for a record.", ("July", "2019-07")),
    # published Friday 30 June 2023
    case("2023-06-30", "Mortgage approvals in May fell to a five-month low.", ("May", "2023-05")),
    case(
        "2023-06-30",
        "The wildfires in June forced thousands from their homes.",
        ("June", "2023-06"),
    ),
    case("2023-06-30", "Applications in January reached a record.", ("January", "2023-01")),
    # published Wednesday 9 November 2016
    case("2016-11-09", "The FBI reopened its inquiry in October.", ("October", "2016-10")),
    case("2016-11-09", "Polls in September showed a tight race.", ("September", "2016-09")),
    case("2016-11-09", "Sterling's fall since June has lifted exporters.", ("June", "2016-06")),
    case("2016-11-09", "The new fares take effect in January.", ("January", "2017-01")),
    case("2016-11-09", "Inflation in August: the highest in two years.", ("August", "2016-08")),
]

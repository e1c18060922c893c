"""Category 6: decades and centuries, the end of the year, quarters and halves, "June last
year", "the week of", "the weekend of", about/around, holidays, datelines."""

from tests.temporal.corpus import case

CASES = [
    # decades and centuries
    case("2024-06-26", "Inflation has not been this high since the 1990s.", ("1990s", "199X")),
    case("2024-06-26", "The band was at its peak in the nineties.", ("nineties", "199X")),
    case("2024-06-26", "Mortgage rates last reached these levels in the '80s.", ("'80s", "198X")),
    case("2024-06-26", "The church dates from the 12th century.", ("12th century", "11XX")),
    case("2024-06-26", "The 20th century saw two world wars.", ("20th century", "19XX")),
    case(
        "2024-06-26", "Disco ruled the dance floors of the late seventies.", ("seventies", "197X")
    ),
    case(
        "2024-06-26",
        "The fortress was rebuilt in the sixteenth century.",
        ("sixteenth century", "15XX"),
    ),
    case(
        "2024-06-26",
        "Life expectancy has doubled since the early 20th century.",
        ("20th century", "19XX"),
    ),
    case("2024-06-26", "In his sixties, he took up painting."),
    case("2024-06-26", "The 2000s were a decade of cheap credit.", ("2000s", "200X")),
    case("2024-06-26", "Wages have stagnated this century.", ("this century", "20XX")),
    # the end of the year, year-end, the start of next year
    case(
        "2025-03-04",
        "The government hopes to finish the line by the end of the year.",
        ("end of the year", "2025-11/2025-12"),
    ),
    case(
        "2025-03-04",
        "The company expects to be profitable by year-end.",
        ("year-end", "2025-11/2025-12"),
    ),
    case(
        "2024-06-26",
        "Sales are expected to pick up toward the end of the year.",
        ("end of the year", "2024-11/2024-12"),
    ),
    case(
        "2024-06-26",
        "The shop closed at the end of last year.",
        ("end of last year", "2023-11/2023-12"),
    ),
    case(
        "2024-06-26",
        "Rates could be cut at the start of next year.",
        ("start of next year", "2025-01/2025-02"),
    ),
    case("2024-06-26", "The debt matures at the end of 2026.", ("end of 2026", "2026-11/2026-12")),
    case(
        "2024-06-26",
        "Stocks rallied at the end of the month.",
        ("end of the month", "2024-06-21/2024-06-30"),
    ),
    case(
        "2024-06-26", "The reactor is to be shut down by end-2025.", ("end-2025", "2025-11/2025-12")
    ),
    case(
        "2023-09-14",
        "Results are due at the end of the week.",
        ("end of the week", "2023-09-14/2023-09-17"),
    ),
    case(
        "2023-09-14",
        "Payments resume at the beginning of October.",
        ("beginning of October", "2023-10-01/2023-10-10"),
    ),
    case("2023-09-14", "Staff will get year-end bonuses."),
    # quarters and halves
    case(
        "2024-10-09",
        "The economy grew 0.6 percent in the third quarter.",
        ("third quarter", "2024-35"),
    ),
    case(
        "2024-10-09",
        "Profits are expected to rebound in the fourth quarter.",
        ("fourth quarter", "2024-36"),
    ),
    case("2024-10-09", "Sales fell in the first half of 2024.", ("first half of 2024", "2024-40")),
    case(
        "2024-10-09",
        "The bank expects growth to pick up in the second half of next year.",
        ("second half of next year", "2025-41"),
    ),
    case("2025-03-04", "Third-quarter earnings beat forecasts.", ("Third-quarter", "2024-35")),
    case(
        "2025-03-04",
        "The company lost money in the second quarter of last year.",
        ("second quarter of last year", "2024-34"),
    ),
    case("2025-03-04", "The team scored twice in the fourth quarter to win."),
    case("2025-03-04", "Its fiscal first quarter ended in December.", ("December", "2024-12")),
    # a month with this/last/next year; a weekday with this/last/next week
    case("2025-03-04", "The plant was damaged in June last year.", ("June last year", "2024-06")),
    case(
        "2025-03-04",
        "Elections are scheduled for October this year.",
        ("October this year", "2025-10"),
    ),
    case(
        "2025-03-04", "Construction starts in January next year.", ("January next year", "2026-01")
    ),
    case(
        "2025-03-04", "The talks began on Tuesday last week.", ("Tuesday last week", "2025-02-25")
    ),
    case(
        "2025-03-04",
        "The minister arrives on Friday next week.",
        ("Friday next week", "2025-03-14"),
    ),
    # the week of, the weekend of
    case(
        "2020-08-14",
        "The convention is planned for the week of August 24.",
        ("week of August 24", "2020-08-24/2020-08-30"),
    ),
    case(
        "2025-03-04",
        "Hearings begin the week of March 10.",
        ("week of March 10", "2025-03-10/2025-03-16"),
    ),
    case(
        "2023-09-14",
        "The vote was held the week of September 4.",
        ("week of September 4", "2023-09-04/2023-09-10"),
    ),
    case(
        "2024-06-26",
        "Shipments resume the week of July 8, 2024.",
        ("week of July 8, 2024", "2024-07-08/2024-07-14"),
    ),
    case(
        "2024-06-26",
        "The festival takes place the weekend of July 13.",
        ("weekend of July 13", "2024-07-13/2024-07-14"),
    ),
    case(
        "2023-06-30",
        "Protests are planned for the weekend of July 15.",
        ("weekend of July 15", "2023-07-15/2023-07-16"),
    ),
    case(
        "2019-07-21",
        "Thousands marched on the weekend of June 15.",
        ("weekend of June 15", "2019-06-15/2019-06-16"),
    ),
    case(
        "2022-01-17",
        "The race is on the weekend of 12 March.",
        ("weekend of 12 March", "2022-03-12/2022-03-13"),
    ),
    # about, around
    case(
        "2024-06-26",
        "The ship is expected to arrive about June 30.",
        ("about June 30", "2024-06-30~"),
    ),
    case(
        "2024-06-26",
        "Harvesting will start around mid-August.",
        ("around mid-August", "2024-08-11/2024-08-20"),
    ),
    case("2024-06-26", "The ruins date from around 1200.", ("around 1200", "1200~")),
    case("2024-06-26", "The bridge was built around 1995.", ("around 1995", "1995~")),
    case(
        "2023-09-14",
        "The last sighting was around 10 September.",
        ("around 10 September", "2023-09-10~"),
    ),
    # holidays with fixed dates
    case("2019-12-12", "Parliament will sit until Christmas Eve.", ("Christmas Eve", "2019-12-24")),
    case(
        "2024-12-31",
        "Fireworks will light up the harbour on New Year's Eve.",
        ("New Year's Eve", "2024-12-31"),
    ),
    case("2025-01-02", "Sales slumped after Christmas.", ("Christmas", "2024-12-25")),
    case(
        "2022-07-01",
        "Fireworks are banned on Independence Day in several US counties.",
        ("Independence Day", "2022-07-04"),
    ),
    case(
        "2024-02-20",
        "Florists sold out of roses before Valentine's Day.",
        ("Valentine's Day", "2024-02-14"),
    ),
    case("2023-11-17", "Shops reported brisk trade over Halloween.", ("Halloween", "2023-10-31")),
    case(
        "2018-12-03", "The truce is expected to hold over Christmas.", ("Christmas", "2018-12-25")
    ),
    case(
        "2019-07-21",
        "France marked Bastille Day with a military parade.",
        ("Bastille Day", "2019-07-14"),
    ),
    case(
        "2023-11-17",
        "Veterans gathered at the memorial on Armistice Day.",
        ("Armistice Day", "2023-11-11"),
    ),
    case(
        "2023-11-17",
        "The new tax takes effect on New Year's Day.",
        ("New Year's Day", "2024-01-01"),
    ),
    # datelines
    case(
        "2025-03-04",
        "WASHINGTON, March 4 (Reuters) - The Senate will vote on the measure next week.",
        ("March 4", "2025-03-04"),
        ("next week", "2025-03-10/2025-03-16"),
    ),
    case(
        "2025-03-04",
        "KYIV, March 3 (Reuters) - Russian drones struck the capital overnight.",
        ("March 3", "2025-03-03"),
    ),
    case(
        "2023-09-14",
        "LONDON, Sept 14 (AFP) - Britain's economy shrank in July.",
        ("Sept 14", "2023-09-14"),
        ("July", "2023-07"),
    ),
    case(
        "2024-01-08",
        "PARIS, 7 January — Police will patrol the city until Sunday.",
        ("7 January", "2024-01-07"),
        ("Sunday", "2024-01-14"),
    ),
]

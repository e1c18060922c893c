"""Everyday news sentences across topics (sport, weather, courts, business, politics, health,
science, culture, transport, crime, diplomacy): the dates any report carries."""

from tests.temporal.corpus import case

CASES = [
    # sport
    case(
        "2023-09-14", "The final will be played at Wembley on Saturday.", ("Saturday", "2023-09-16")
    ),
    case(
        "2023-09-14",
        "The striker, who joined the club in 2019, scored twice on Wednesday.",
        ("2019", "2019"),
        ("Wednesday", "2023-09-13"),
    ),
    case("2022-01-17", "Djokovic was deported from Australia on Sunday.", ("Sunday", "2022-01-16")),
    case(
        "2022-01-17",
        "The Australian Open began on Monday without the world number one.",
        ("Monday", "2022-01-17"),
    ),
    case("2019-07-21", "Lowry won the Open at Royal Portrush on Sunday.", ("Sunday", "2019-07-21")),
    case(
        "2019-07-21",
        "The Tour de France finishes in Paris next Sunday.",
        ("next Sunday", "2019-07-28"),
    ),
    case(
        "2016-11-09",
        "The Cubs won their first World Series since 1908 last week.",
        ("1908", "1908"),
        ("last week", "2016-10-31/2016-11-06"),
    ),
    case(
        "2021-11-05",
        "The marathon returns to the city on Sunday after a two-year break.",
        ("Sunday", "2021-11-07"),
    ),
    # weather
    case(
        "2023-09-14",
        "Temperatures reached 35C in London on Tuesday, a record for September.",
        ("Tuesday", "2023-09-12"),
        ("September", "2023-09"),
    ),
    case(
        "2022-01-17",
        "Snow is forecast for Wednesday and Thursday.",
        ("Wednesday", "2022-01-19"),
        ("Thursday", "2022-01-20"),
    ),
    case(
        "2019-07-21", "Last summer was the hottest on record in Europe.", ("Last summer", "2018-22")
    ),
    case(
        "2018-12-03",
        "Storm Diana battered the coast last week.",
        ("last week", "2018-11-26/2018-12-02"),
    ),
    # courts
    case("2021-11-05", "The trial is set to begin on 29 November.", ("29 November", "2021-11-29")),
    case("2021-11-05", "The jury began deliberating on Thursday.", ("Thursday", "2021-11-04")),
    case(
        "2021-11-05",
        "He was convicted in 2019 and released on parole last month.",
        ("2019", "2019"),
        ("last month", "2021-10"),
    ),
    case("2018-12-03", "A hearing has been set for January 15.", ("January 15", "2019-01-15")),
    case(
        "2018-12-03",
        "The court adjourned the case until next Tuesday.",
        ("next Tuesday", "2018-12-04"),
    ),
    # technology and business
    case("2023-09-14", "Apple unveiled its new iPhone on Tuesday.", ("Tuesday", "2023-09-12")),
    case(
        "2023-09-14",
        "Arm's shares jumped 25 percent in their debut on Thursday.",
        ("Thursday", "2023-09-14"),
    ),
    case(
        "2023-09-14",
        "The carmaker will stop selling petrol cars in Europe by 2030.",
        ("2030", "2030"),
    ),
    case(
        "2024-12-31",
        "Markets closed higher on Monday, capping a strong year.",
        ("Monday", "2024-12-30"),
    ),
    case(
        "2024-12-31",
        "The merger is expected to close in the first quarter of 2025.",
        ("first quarter of 2025", "2025-33"),
    ),
    case("2024-12-31", "Shares have more than doubled this year.", ("this year", "2024")),
    case("2024-12-31", "The rule takes effect next month.", ("next month", "2025-01")),
    case(
        "2017-05-10",
        "Uber's chief executive said on Tuesday the company would hire 1,000 engineers.",
        ("Tuesday", "2017-05-09"),
    ),
    case(
        "2017-05-10",
        "The airline's profit fell 40 percent in the first quarter.",
        ("first quarter", "2017-33"),
    ),
    # politics and elections
    case(
        "2016-11-09",
        "Donald Trump won the presidential election on Tuesday.",
        ("Tuesday", "2016-11-08"),
    ),
    case("2016-11-09", "He will be sworn in on January 20.", ("January 20", "2017-01-20")),
    case("2016-11-09", "Clinton conceded early on Wednesday.", ("Wednesday", "2016-11-09")),
    case(
        "2016-11-09",
        "Republicans held both chambers of Congress, as they have since 2015.",
        ("2015", "2015"),
    ),
    case("2017-05-10", "Emmanuel Macron will be inaugurated on Sunday.", ("Sunday", "2017-05-14")),
    case("2017-05-10", "Parliamentary elections follow in June.", ("June", "2017-06")),
    case(
        "2022-01-17",
        "The prime minister faces a confidence vote next week.",
        ("next week", "2022-01-24/2022-01-30"),
    ),
    case(
        "2022-01-17",
        "Downing Street held a party on 20 May 2020, emails show.",
        ("20 May 2020", "2020-05-20"),
    ),
    # health and science
    case("2021-11-05", "Regulators approved the pill on Thursday.", ("Thursday", "2021-11-04")),
    case(
        "2021-11-05",
        "Booster shots will be offered to over-50s from Monday.",
        ("Monday", "2021-11-08"),
    ),
    case(
        "2020-02-29",
        "The first US death from the virus was reported on Saturday.",
        ("Saturday", "2020-02-29"),
    ),
    case(
        "2020-02-29",
        "Italy closed schools in the north earlier this week.",
        ("this week", "2020-02-24/2020-03-01"),
    ),
    case(
        "2019-07-21",
        "Fifty years ago, Neil Armstrong became the first person to walk on the Moon.",
        ("Fifty years ago", "1969~"),
    ),
    case("2019-07-21", "The probe will reach Jupiter in 2026.", ("2026", "2026")),
    # culture
    case(
        "2023-06-30",
        "The festival, held every June since 1970, drew 200,000 people this year.",
        ("1970", "1970"),
        ("this year", "2023"),
    ),
    case(
        "2023-06-30",
        "The museum reopens on Saturday after a two-year refit.",
        ("Saturday", "2023-07-01"),
    ),
    case("2023-06-30", "The novel was first published in 1953.", ("1953", "1953")),
    case("2023-06-30", "Tickets go on sale next Friday.", ("next Friday", "2023-07-07")),
    # transport and energy
    case("2024-12-31", "Rail fares in England rise on January 5.", ("January 5", "2025-01-05")),
    case(
        "2024-12-31",
        "Gas prices spiked in the winter of 2022-23.",
        ("winter of 2022-23", "2022-24"),
    ),
    case("2018-12-03", "The new runway is due to open in 2026.", ("2026", "2026")),
    case("2018-12-03", "Air traffic rose 6 percent in November.", ("November", "2018-11")),
    # crime and disasters
    case(
        "2019-07-21",
        "The fire broke out shortly after midnight on Saturday.",
        ("Saturday", "2019-07-20"),
    ),
    case("2019-07-21", "The suspect had lived in the city since March.", ("March", "2019-03")),
    case(
        "2023-06-30",
        "Riots erupted on Tuesday night after police shot a teenager.",
        ("Tuesday night", "2023-06-27"),
    ),
    case(
        "2023-06-30",
        "The submersible imploded on June 18, the coast guard said.",
        ("June 18", "2023-06-18"),
    ),
    # diplomacy
    case(
        "2022-01-17",
        "Talks between Russia and NATO are scheduled for Wednesday.",
        ("Wednesday", "2022-01-19"),
    ),
    case(
        "2022-01-17",
        "The two sides last met in Geneva on 10 January.",
        ("10 January", "2022-01-10"),
    ),
    case("2022-01-17", "The treaty expired in February 2021.", ("February 2021", "2021-02")),
    case("2021-11-05", "Leaders pledged to end deforestation by 2030.", ("2030", "2030")),
    case("2021-11-05", "The summit ends on November 12.", ("November 12", "2021-11-12")),
    # several in one sentence
    case(
        "2017-05-10",
        "The ruling party has governed since 1994 and faces a vote in August.",
        ("1994", "1994"),
        ("August", "2017-08"),
    ),
    case("2017-05-10", "Sales in the spring were weak.", ("spring", "2017-21")),
    case("2016-11-09", "Turnout in 2012 was 58 percent.", ("2012", "2012")),
    case("2024-10-09", "The vote is set for November 5.", ("November 5", "2024-11-05")),
    case(
        "2024-10-09",
        "The storm is forecast to make landfall on Wednesday night.",
        ("Wednesday night", "2024-10-09"),
    ),
    case(
        "2024-10-09",
        "Early voting begins on October 21 in several states.",
        ("October 21", "2024-10-21"),
    ),
    case("2024-10-09", "Prices have risen every month since May.", ("May", "2024-05")),
    case("2013-03-20", "The euro was launched in 1999.", ("1999", "1999")),
    case("2013-03-20", "Cyprus joined the euro zone in January 2008.", ("January 2008", "2008-01")),
    case(
        "2013-03-20",
        "The banks will stay closed until next week.",
        ("next week", "2013-03-25/2013-03-31"),
    ),
    case("2013-03-20", "A new pope was elected on 13 March.", ("13 March", "2013-03-13")),
    case("2013-03-20", "Talks continue this weekend.", ("this weekend", "2013-03-23/2013-03-24")),
    case("2020-02-29", "The leap day falls on 29 February.", ("29 February", "2020-02-29")),
    case("2020-02-29", "Markets suffered their worst week since 2008.", ("2008", "2008")),
    case("2020-02-29", "The primary in South Carolina is today.", ("today", "2020-02-29")),
    case("2020-02-29", "Super Tuesday is on March 3.", ("March 3", "2020-03-03")),
    case(
        "2024-06-26",
        "The results of the July 4 election will be known on July 5.",
        ("July 4", "2024-07-04"),
        ("July 5", "2024-07-05"),
    ),
    case("2024-06-26", "He served as mayor from 2001 to 2013.", ("2001", "2001"), ("2013", "2013")),
    case(
        "2024-06-26",
        "The agency was set up on 1 April 1998 and wound up in the 2010s.",
        ("1 April 1998", "1998-04-01"),
        ("2010s", "201X"),
    ),
    case(
        None,
        "The talks began on 24 July 2024 and resume next week.",
        ("24 July 2024", "2024-07-24"),
        ("next week", None),
    ),
    case(
        None,
        "The minister resigned in March and the cabinet fell two days later.",
        ("March", None),
        ("two days later", None),
    ),
]

"""Category 2: a weekday or a month without a year, resolved by the tense of ordinary verbs:
past forms (said, told, arrested, fell, met), since and until, is to, will, plans to,
expected to, and the present of what is planned ("He returns Monday")."""

from tests.temporal.corpus import case

CASES = [
    # published Tuesday 4 March 2025
    case("2025-03-04", "Police arrested him in August.", ("August", "2024-08")),
    case(
        "2025-03-04",
        "He returns Monday after a week of talks in Brussels.",
        ("Monday", "2025-03-10"),
    ),
    case(
        "2025-03-04",
        "Stocks fell Thursday as investors fled risky assets.",
        ("Thursday", "2025-02-27"),
    ),
    case("2025-03-04", "The minister announced the plan on Friday.", ("Friday", "2025-02-28")),
    case("2025-03-04", "The prime minister met union leaders on Sunday.", ("Sunday", "2025-03-02")),
    case(
        "2025-03-04",
        "Negotiators told reporters on Wednesday that a deal was close.",
        ("Wednesday", "2025-02-26"),
    ),
    case("2025-03-04", "The president is to visit Kyiv on Friday.", ("Friday", "2025-03-07")),
    case(
        "2025-03-04", "The court will rule on the appeal on Thursday.", ("Thursday", "2025-03-06")
    ),
    case("2025-03-04", "The company plans to list its shares in June.", ("June", "2025-06")),
    case("2025-03-04", "The new rules are expected to take effect in April.", ("April", "2025-04")),
    case("2025-03-04", "The strike has continued since Monday.", ("Monday", "2025-03-03")),
    case("2025-03-04", "Roads will remain closed until Saturday.", ("Saturday", "2025-03-08")),
    case("2025-03-04", "The state of emergency lasts until Friday.", ("Friday", "2025-03-07")),
    case(
        "2025-03-04",
        "Protesters gathered outside parliament on Saturday.",
        ("Saturday", "2025-03-01"),
    ),
    case("2025-03-04", "The central bank raised rates in January.", ("January", "2025-01")),
    case("2025-03-04", "Lawmakers vote Wednesday on the budget.", ("Wednesday", "2025-03-05")),
    case("2025-03-04", "The mission launches in September.", ("September", "2025-09")),
    case("2025-03-04", "The singer begins her world tour in May.", ("May", "2025-05")),
    case("2025-03-04", "The talks collapsed in December.", ("December", "2024-12")),
    case("2025-03-04", "Troops withdrew from the town on Saturday.", ("Saturday", "2025-03-01")),
    case("2025-03-04", "The ban has been in place since October.", ("October", "2024-10")),
    case("2025-03-04", "Voters go to the polls on Sunday.", ("Sunday", "2025-03-09")),
    case(
        "2025-03-04",
        "The judge sentenced him on Monday to 12 years in prison.",
        ("Monday", "2025-03-03"),
    ),
    case(
        "2025-03-04",
        "The parliament is expected to vote on the bill on Thursday.",
        ("Thursday", "2025-03-06"),
    ),
    case(
        "2025-03-04", "On Monday, the ministry said exports had fallen.", ("Monday", "2025-03-03")
    ),
    case("2025-03-04", "The vote had been scheduled for Tuesday.", ("Tuesday", "2025-03-04")),
    case(
        "2025-03-04",
        "The deal, agreed in principle in January, still needs parliament's approval.",
        ("January", "2025-01"),
    ),
    case(
        "2025-03-04",
        "Police said on Friday they will release the names of the victims.",
        ("Friday", "2025-02-28"),
    ),
    case(
        "2025-03-04",
        "A man who was arrested on Monday will appear in court on Friday.",
        ("Monday", "2025-03-03"),
        ("Friday", "2025-03-07"),
    ),
    # published Wednesday 20 March 2013
    case("2013-03-20", "The pope celebrated his first Mass on Sunday.", ("Sunday", "2013-03-17")),
    case("2013-03-20", "Parliament will debate the bailout on Friday.", ("Friday", "2013-03-22")),
    case("2013-03-20", "The banks stay shut until Tuesday.", ("Tuesday", "2013-03-26")),
    case(
        "2013-03-20", "Depositors queued at cash machines on Saturday.", ("Saturday", "2013-03-16")
    ),
    case(
        "2013-03-20", "The finance minister flew to Moscow on Tuesday.", ("Tuesday", "2013-03-19")
    ),
    # published Thursday 14 September 2023
    case(
        "2023-09-14", "Workers walk out on Friday if no deal is reached.", ("Friday", "2023-09-15")
    ),
    case(
        "2023-09-14",
        "The storm hit the coast on Sunday, killing at least 20 people.",
        ("Sunday", "2023-09-10"),
    ),
    case(
        "2023-09-14",
        "Rescuers pulled survivors from the rubble on Wednesday.",
        ("Wednesday", "2023-09-13"),
    ),
    case("2023-09-14", "The summit opens in New Delhi on Saturday.", ("Saturday", "2023-09-16")),
    case(
        "2023-09-14", "The company is due to report results on Tuesday.", ("Tuesday", "2023-09-19")
    ),
    case("2023-09-14", "Shares have fallen since Monday.", ("Monday", "2023-09-11")),
    # published Wednesday 26 June 2024
    case("2024-06-26", "The airline cancelled 300 flights on Monday.", ("Monday", "2024-06-24")),
    case(
        "2024-06-26",
        "The ministry plans to publish the figures in October.",
        ("October", "2024-10"),
    ),
    case("2024-06-26", "Scientists detected the signal in March.", ("March", "2024-03")),
    case("2024-06-26", "The festival returns in August.", ("August", "2024-08")),
    case(
        "2024-06-26",
        "Lawyers for the former president filed the appeal on Friday.",
        ("Friday", "2024-06-21"),
    ),
    case("2024-06-26", "Officials said the bridge would reopen in July.", ("July", "2024-07")),
    case("2024-06-26", "The storm hit the coast on Sunday.", ("Sunday", "2024-06-23")),
    case(
        "2024-06-26",
        "Flights are due to resume on Friday, officials were told.",
        ("Friday", "2024-06-28"),
    ),
    case("2024-06-26", "He said he will travel to Paris in September.", ("September", "2024-09")),
    case(
        "2024-06-26", "The council voted in February to close the library.", ("February", "2024-02")
    ),
]

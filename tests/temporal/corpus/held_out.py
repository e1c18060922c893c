"""A held-out set: sentences written before the finder's rules for issue 11 were, and never
used to tune them. ``measure.py`` reports figures on it; no test asserts it, so it also keeps
the expressions the finder does not (yet) resolve ("Labor Day", "June 11 to 13", a year that
the sentence's facts fix but its words don't).
"""

from tests.temporal.corpus import case

CASES = [
    # published 2025-03-04, a Tuesday
    case(
        "2025-03-04",
        "Police arrested the former mayor in August on charges of bribery, prosecutors said on Monday.",
        ("August", "2024-08"),
        ("Monday", "2025-03-03"),
    ),
    case(
        "2025-03-04",
        "The central bank will announce its next rate decision on Thursday.",
        ("Thursday", "2025-03-06"),
    ),
    case(
        "2025-03-04",
        "Shares in the carmaker fell 4 percent on Friday after it cut its 2025 forecast.",
        ("Friday", "2025-02-28"),
        ("2025", "2025"),
    ),
    case(
        "2025-03-04",
        "The company posted a loss in the fourth quarter, its first since 2019.",
        ("fourth quarter", "2024-36"),
        ("2019", "2019"),
    ),
    case(
        "2025-03-04",
        "Farmers have blocked the motorway since Sunday, demanding lower fuel taxes.",
        ("Sunday", "2025-03-02"),
    ),
    case(
        "2025-03-04",
        "The strike is to continue until Friday, the union said.",
        ("Friday", "2025-03-07"),
    ),
    case(
        "2025-03-04",
        "The minister resigned two years ago over a housing scandal.",
        ("two years ago", "2023~"),
    ),
    case(
        "2025-03-04",
        "The film, first released in the 1970s, returns to cinemas in May.",
        ("1970s", "197X"),
        ("May", "2025-05"),
    ),
    case(
        "2025-03-04",
        "Temperatures hit a record 41C last summer, the weather service said.",
        ("last summer", "2024-22"),
    ),
    case(
        "2025-03-04",
        "The trial of the six defendants opened on 12 February and is expected to last until the end of April.",
        ("12 February", "2025-02-12"),
        ("end of April", "2025-04-21/2025-04-30"),
    ),
    # published 2013-03-20, a Wednesday
    case(
        "2013-03-20",
        "The senator told reporters in August that he would not seek re-election.",
        ("August", "2012-08"),
    ),
    case(
        "2013-03-20",
        "Four years ago, the party won a landslide victory.",
        ("Four years ago", "2009~"),
    ),
    case(
        "2013-03-20",
        "The pope will celebrate Mass on Sunday in St Peter's Square.",
        ("Sunday", "2013-03-24"),
    ),
    case(
        "2013-03-20",
        "Cyprus's parliament rejected the bailout levy on Tuesday.",
        ("Tuesday", "2013-03-19"),
    ),
    case(
        "2013-03-20",
        "The 2008 crisis left many banks on the island exposed to Greek debt.",
        ("2008", "2008"),
    ),
    case(
        "2013-03-20",
        "Unemployment rose to 14 percent in January, its highest since records began in 1983.",
        ("January", "2013-01"),
        ("1983", "1983"),
    ),
    case(
        "2013-03-20",
        "The airline expects to return to profit in the second half of the year.",
        ("second half of the year", "2013-41"),
    ),
    case(
        "2013-03-20",
        "Talks between the two Koreas broke down the day before the deadline.",
        ("day before", None),
    ),
    # published 2024-10-09, a Wednesday
    case(
        "2024-10-09",
        "Hurricane Milton is expected to make landfall late Wednesday or early Thursday.",
        ("Wednesday", "2024-10-09"),
        ("Thursday", "2024-10-10"),
    ),
    case(
        "2024-10-09",
        "The storm is the second major hurricane to hit Florida in two weeks, after Helene struck on September 26.",
        ("September 26", "2024-09-26"),
    ),
    case(
        "2024-10-09",
        "Residents were ordered to leave by Tuesday night.",
        ("Tuesday night", "2024-10-08"),
    ),
    case(
        "2024-10-09",
        "The Nobel Prize in Chemistry was awarded on Wednesday to three scientists.",
        ("Wednesday", "2024-10-09"),
    ),
    case(
        "2024-10-09",
        "The Fed cut rates by half a point last month, its first cut since 2020.",
        ("last month", "2024-09"),
        ("2020", "2020"),
    ),
    case(
        "2024-10-09",
        "The governor said the state would reopen schools next week.",
        ("next week", "2024-10-14/2024-10-20"),
    ),
    case(
        "2024-10-09",
        "“We expect the power to be back by tomorrow,” the utility's chief said on Tuesday.",
        ("tomorrow", "2024-10-09"),
        ("Tuesday", "2024-10-08"),
    ),
    # published 2023-11-17, a Friday
    case(
        "2023-11-17",
        "OpenAI's board fired chief executive Sam Altman on Friday.",
        ("Friday", "2023-11-17"),
    ),
    case(
        "2023-11-17",
        "The summit in San Francisco ended on Thursday with a pledge to restore military talks.",
        ("Thursday", "2023-11-16"),
    ),
    case(
        "2023-11-17",
        "Inflation eased to 3.2 percent in October, data showed on Tuesday.",
        ("October", "2023-10"),
        ("Tuesday", "2023-11-14"),
    ),
    case(
        "2023-11-17",
        "The retailer warned that Black Friday sales may disappoint this year.",
        ("this year", "2023"),
    ),
    case(
        "2023-11-17",
        "The COP28 climate summit opens in Dubai on November 30.",
        ("November 30", "2023-11-30"),
    ),
    case(
        "2023-11-17",
        "Argentina's president-elect takes office on December 10.",
        ("December 10", "2023-12-10"),
    ),
    case(
        "2023-11-17",
        "The ceasefire, agreed in the early hours of Wednesday, was extended by a day.",
        ("Wednesday", "2023-11-15"),
    ),
    case(
        "2023-11-17",
        "He served in the cabinet in the 1990s and again from 2010 to 2015.",
        ("1990s", "199X"),
        ("2010", "2010"),
        ("2015", "2015"),
    ),
    # published 2022-07-01, a Friday
    case(
        "2022-07-01",
        "Hong Kong marked the 25th anniversary of its handover to China on Friday.",
        ("Friday", "2022-07-01"),
    ),
    case(
        "2022-07-01",
        "The heatwave that gripped Europe in mid-June is set to return next week.",
        ("mid-June", "2022-06-11/2022-06-20"),
        ("next week", "2022-07-04/2022-07-10"),
    ),
    case(
        "2022-07-01", "Wimbledon began on Monday without Russian players.", ("Monday", "2022-06-27")
    ),
    case(
        "2022-07-01",
        "The Supreme Court on Thursday limited the EPA's power to regulate emissions.",
        ("Thursday", "2022-06-30"),
    ),
    case(
        "2022-07-01",
        "Americans are expected to travel in record numbers over the Independence Day weekend.",
        ("Independence Day", "2022-07-04"),
    ),
    case(
        "2022-07-01",
        "Sri Lanka's fuel stocks will run out within days, the minister said on Tuesday.",
        ("Tuesday", "2022-06-28"),
    ),
    case(
        "2022-07-01",
        "The 2021-22 season ended with Manchester City as champions.",
        ("2021-22", "2021/2022"),
    ),
    # published 2019-12-12, a Thursday
    case(
        "2019-12-12",
        "Britain votes on Thursday in its third general election in under five years.",
        ("Thursday", "2019-12-12"),
    ),
    case(
        "2019-12-12",
        "Polls close at 10 p.m. and results are expected early on Friday.",
        ("Friday", "2019-12-13"),
    ),
    case(
        "2019-12-12",
        "The prime minister has promised to take Britain out of the EU by January 31.",
        ("January 31", "2020-01-31"),
    ),
    case(
        "2019-12-12",
        "Parliament was suspended in September, a move the Supreme Court later ruled unlawful.",
        ("September", "2019-09"),
    ),
    case(
        "2019-12-12",
        "Time magazine named the teenage activist its Person of the Year on Wednesday.",
        ("Wednesday", "2019-12-11"),
    ),
    case("2019-12-12", "The last December election was held in 1923.", ("1923", "1923")),
    case(
        "2019-12-12",
        "Retailers hope for strong sales in the run-up to Christmas.",
        ("Christmas", "2019-12-25"),
    ),
    # published 2021-05-26, a Wednesday
    case(
        "2021-05-26",
        "The vaccine maker said it would seek full approval in the third quarter.",
        ("third quarter", "2021-35"),
    ),
    case(
        "2021-05-26",
        "Apple and Epic Games wrapped up their three-week trial on Monday.",
        ("Monday", "2021-05-24"),
    ),
    case(
        "2021-05-26",
        "India reported more than 200,000 new infections for the second day in a row on Wednesday.",
        ("Wednesday", "2021-05-26"),
    ),
    case(
        "2021-05-26",
        "The G7 leaders will meet in Cornwall from June 11 to 13.",
        ("June 11 to 13", "2021-06-11/2021-06-13"),
    ),
    case(
        "2021-05-26",
        "Belarus forced a Ryanair jet to land in Minsk on Sunday and arrested a dissident journalist.",
        ("Sunday", "2021-05-23"),
    ),
    case(
        "2021-05-26",
        "The lockdown, imposed in early January, was eased in stages from March.",
        ("early January", "2021-01-01/2021-01-10"),
        ("March", "2021-03"),
    ),
    case("2021-05-26", "The company's 2020 revenue doubled.", ("2020", "2020")),
    # published 2024-01-08, a Monday
    case(
        "2024-01-08",
        "An Alaska Airlines jet lost a door plug shortly after take-off on Friday night.",
        ("Friday night", "2024-01-05"),
    ),
    case(
        "2024-01-08", "Taiwan holds presidential elections on Saturday.", ("Saturday", "2024-01-13")
    ),
    case(
        "2024-01-08",
        "The year 2023 was the hottest on record, the EU's climate service said.",
        ("2023", "2023"),
    ),
    case(
        "2024-01-08",
        "Shipping firms began avoiding the Red Sea in December after attacks by Houthi rebels.",
        ("December", "2023-12"),
    ),
    case("2024-01-08", "The new law takes effect on 1 February.", ("1 February", "2024-02-01")),
    case(
        "2024-01-08",
        "Japan's earthquake on New Year's Day killed more than 160 people.",
        ("New Year's Day", "2024-01-01"),
    ),
    case(
        "2024-01-08",
        "Prices rose 3.4 percent in the 12 months to November.",
        ("November", "2023-11"),
    ),
    # published 2020-08-14, a Friday
    case(
        "2020-08-14",
        "The UAE and Israel agreed on Thursday to normalise relations.",
        ("Thursday", "2020-08-13"),
    ),
    case(
        "2020-08-14",
        "Britain's economy shrank by 20.4 percent in the second quarter, the worst slump on record.",
        ("second quarter", "2020-34"),
    ),
    case(
        "2020-08-14",
        "The A-level results were published on Thursday, a week later than usual.",
        ("Thursday", "2020-08-13"),
    ),
    case(
        "2020-08-14",
        "Lebanon's government resigned on Monday, six days after the port explosion.",
        ("Monday", "2020-08-10"),
    ),
    case("2020-08-14", "Kamala Harris was first elected to the Senate in 2016.", ("2016", "2016")),
    case(
        "2020-08-14",
        "Schools in the state will not reopen until after Labor Day.",
        ("Labor Day", "2020-09-07"),
    ),
    case(
        "2020-08-14",
        "The Republican convention is due to be held the week of August 24.",
        ("week of August 24", "2020-08-24/2020-08-30"),
    ),
    # published 2018-02-27, a Tuesday
    case(
        "2018-02-27",
        "China's Communist Party proposed on Sunday to scrap presidential term limits.",
        ("Sunday", "2018-02-25"),
    ),
    case(
        "2018-02-27",
        "The Winter Olympics in Pyeongchang closed on Sunday.",
        ("Sunday", "2018-02-25"),
    ),
    case(
        "2018-02-27",
        "The Beast from the East will bring snow to much of Britain this week.",
        ("this week", "2018-02-26/2018-03-04"),
    ),
    case(
        "2018-02-27",
        "The Florida school shooting on February 14 killed 17 people.",
        ("February 14", "2018-02-14"),
    ),
    case("2018-02-27", "The company said its 2017 profit rose 8 percent.", ("2017", "2017")),
    case(
        "2018-02-27",
        "The Italian election on March 4 could produce a hung parliament.",
        ("March 4", "2018-03-04"),
    ),
    case(
        "2018-02-27",
        "A year ago, the same company was on the brink of bankruptcy.",
        ("A year ago", "2017~"),
    ),
    # published 2024-12-30, a Monday
    case(
        "2024-12-30",
        "South Korea's acting president was impeached on Friday, two weeks after his predecessor.",
        ("Friday", "2024-12-27"),
    ),
    case(
        "2024-12-30",
        "Former US president Jimmy Carter died on Sunday aged 100.",
        ("Sunday", "2024-12-29"),
    ),
    case(
        "2024-12-30", "Markets will be closed on New Year's Day.", ("New Year's Day", "2025-01-01")
    ),
    case("2024-12-30", "The fare increases take effect on January 5.", ("January 5", "2025-01-05")),
    case(
        "2024-12-30",
        "Inflation, which peaked in 2022, has fallen for most of the year.",
        ("2022", "2022"),
    ),
    case(
        "2024-12-30",
        "Azerbaijan Airlines said on Friday that the crash on Christmas Day was caused by external interference.",
        ("Friday", "2024-12-27"),
        ("Christmas Day", "2024-12-25"),
    ),
    # published 2016-06-24, a Friday
    case(
        "2016-06-24",
        "Britain voted on Thursday to leave the European Union.",
        ("Thursday", "2016-06-23"),
    ),
    case("2016-06-24", "David Cameron said he would step down by October.", ("October", "2016-10")),
    case("2016-06-24", "The pound fell to its lowest level since 1985.", ("1985", "1985")),
    case(
        "2016-06-24",
        "Britain joined the bloc in 1973 and confirmed its membership in a 1975 referendum.",
        ("1973", "1973"),
        ("1975", "1975"),
    ),
    case(
        "2016-06-24",
        "EU leaders will hold an emergency summit next Tuesday.",
        ("next Tuesday", "2016-06-28"),
    ),
    case(
        "2016-06-24",
        "Polls had shown the Remain camp ahead as late as Wednesday evening.",
        ("Wednesday evening", "2016-06-22"),
    ),
    # published 2023-04-02, a Sunday
    case(
        "2023-04-02",
        "Donald Trump will be arraigned in Manhattan on Tuesday.",
        ("Tuesday", "2023-04-04"),
    ),
    case(
        "2023-04-02",
        "Finland will formally join NATO on Tuesday, the alliance's chief said.",
        ("Tuesday", "2023-04-04"),
    ),
    case(
        "2023-04-02",
        "The bank collapsed in mid-March, triggering fears of contagion.",
        ("mid-March", "2023-03-11/2023-03-20"),
    ),
    case(
        "2023-04-02",
        "Output of the plant fell in the first quarter of 2023 compared with a year earlier.",
        ("first quarter of 2023", "2023-33"),
        ("a year earlier", None),
    ),
    case("2023-04-02", "The king's coronation is set for May 6.", ("May 6", "2023-05-06")),
    case(
        "2023-04-02",
        "The pension reform, forced through parliament last month, has sparked weeks of protests.",
        ("last month", "2023-03"),
    ),
    # published 2022-11-09, a Wednesday
    case(
        "2022-11-09",
        "Republicans were on course on Wednesday to win a narrow majority in the House.",
        ("Wednesday", "2022-11-09"),
    ),
    case(
        "2022-11-09",
        "Voters went to the polls on Tuesday in the first midterms since the January 6 attack.",
        ("Tuesday", "2022-11-08"),
        ("January 6", "2021-01-06"),
    ),
    case(
        "2022-11-09",
        "The last time the president's party gained seats in a midterm was in 2002.",
        ("2002", "2002"),
    ),
    # published 2017-09-08, a Friday
    case(
        "2017-09-08",
        "Hurricane Irma is forecast to reach Florida on Sunday morning.",
        ("Sunday morning", "2017-09-10"),
    ),
    case(
        "2017-09-08",
        "Mexico was struck by an 8.1-magnitude earthquake late on Thursday.",
        ("Thursday", "2017-09-07"),
    ),
    case(
        "2017-09-08",
        "Harvey dumped record rain on Houston in late August.",
        ("late August", "2017-08-21/2017-08-31"),
    ),
    case(
        "2017-09-08",
        "The city suffered a similar storm in 2005, the year Katrina hit New Orleans.",
        ("2005", "2005"),
    ),
    # published 2019-04-16, a Tuesday
    case(
        "2019-04-16",
        "Fire tore through Notre-Dame cathedral on Monday evening.",
        ("Monday evening", "2019-04-15"),
    ),
    case(
        "2019-04-16",
        "The cathedral's spire was added in the 19th century.",
        ("19th century", "18XX"),
    ),
    case(
        "2019-04-16",
        "Macron vowed on Tuesday to rebuild the cathedral within five years.",
        ("Tuesday", "2019-04-16"),
    ),
    case(
        "2019-04-16", "Easter services will be held elsewhere on Sunday.", ("Sunday", "2019-04-21")
    ),
    # published 2015-11-14, a Saturday
    case(
        "2015-11-14",
        "Gunmen killed at least 120 people in Paris on Friday night.",
        ("Friday night", "2015-11-13"),
    ),
    case(
        "2015-11-14",
        "France declared a state of emergency for the first time since 2005.",
        ("2005", "2005"),
    ),
    case(
        "2015-11-14",
        "The attacks came ten months after the Charlie Hebdo shooting in January.",
        ("January", "2015-01"),
    ),
    case(
        "2015-11-14",
        "The climate summit in Paris is still due to open on November 30.",
        ("November 30", "2015-11-30"),
    ),
    # published 2021-01-07, a Thursday
    case(
        "2021-01-07",
        "Supporters of the president stormed the Capitol on Wednesday afternoon.",
        ("Wednesday afternoon", "2021-01-06"),
    ),
    case(
        "2021-01-07",
        "Congress certified the election results early Thursday.",
        ("Thursday", "2021-01-07"),
    ),
    case(
        "2021-01-07",
        "The inauguration will take place on January 20.",
        ("January 20", "2021-01-20"),
    ),
    case(
        "2021-01-07",
        "Democrats won both Georgia Senate runoffs held on Tuesday.",
        ("Tuesday", "2021-01-05"),
    ),
    # published 2010-04-21, a Wednesday
    case(
        "2010-04-21",
        "European airspace began to reopen on Tuesday after six days of closures.",
        ("Tuesday", "2010-04-20"),
    ),
    case("2010-04-21", "The volcano last erupted in 1821.", ("1821", "1821")),
    case("2010-04-21", "Airlines lost an estimated $1.7 billion over the past week."),
    # published 2020-03-12, a Thursday
    case(
        "2020-03-12",
        "The WHO declared the outbreak a pandemic on Wednesday.",
        ("Wednesday", "2020-03-11"),
    ),
    case("2020-03-12", "US stocks had their worst day since 1987.", ("1987", "1987")),
    case("2020-03-12", "The NBA suspended its season until further notice."),
    case(
        "2020-03-12",
        "Italy's lockdown, announced on Monday night, runs until April 3.",
        ("Monday night", "2020-03-09"),
        ("April 3", "2020-04-03"),
    ),
    case("2020-03-12", "Tom Hanks said he and his wife tested positive while in Australia."),
    # published 2024-06-02, a Sunday
    case("2024-06-02", "He told ABC's This Week that the deal was fair."),
    case("2024-06-02", "Some 2,000 troops and 1500 vehicles took part in the exercise."),
    case(
        "2024-06-02",
        "The 2030 target for renewables is within reach, officials said.",
        ("2030", "2030"),
    ),
    case("2024-06-02", "The first flight leaves at 2030 GMT."),
    case("2024-06-02", "Today's teenagers spend more time online than any generation before them."),
    case(
        "2024-06-02", "Mexico elects its first woman president on Sunday.", ("Sunday", "2024-06-02")
    ),
    case("2024-06-02", "India's election results are due on Tuesday.", ("Tuesday", "2024-06-04")),
    case(
        "2024-06-02",
        "The Tories have trailed Labour in the polls since late 2021.",
        ("late 2021", "2021-09/2021-12"),
    ),
]

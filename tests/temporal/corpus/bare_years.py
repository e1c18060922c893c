"""Category 1: bare years and year ranges with no preposition, and the counts and times that
look like them."""

from tests.temporal.corpus import case

CASES = [
    case(
        "2024-06-26",
        "Presidents Trump (2017-2021) and Biden (2021-2025) both visited the plant.",
        ("2017-2021", "2017/2021"),
        ("2021-2025", "2021/2025"),
    ),
    case(
        "2024-06-26",
        "Police said the suspect was also linked to a 2010 raid on a jewellery store.",
        ("2010", "2010"),
    ),
    case(
        "2024-06-26", "His 2007 campaign was built on a promise to end the war.", ("2007", "2007")
    ),
    case(
        "2024-06-26",
        "The club won the title in the 1957-58 season and never again.",
        ("1957-58", "1957/1958"),
    ),
    case(
        "2024-06-26",
        "Analysts compared the sell-off with 2008's crisis, when credit markets froze.",
        ("2008", "2008"),
    ),
    case(
        "2023-09-14",
        "The 2019 protests drew hundreds of thousands onto the streets of Hong Kong.",
        ("2019", "2019"),
    ),
    case(
        "2023-09-14",
        "Obama's 2009 speech in Cairo was meant to reset relations with the Muslim world.",
        ("2009", "2009"),
    ),
    case(
        "2023-09-14",
        "The 2022-23 harvest was the smallest in a decade, the ministry said.",
        ("2022-23", "2022/2023"),
    ),
    case("2023-09-14", "More than 2,000 troops were deployed to the border region."),
    case("2023-09-14", "The convoy of 1500 trucks stretched for miles."),
    case("2023-09-14", "Organisers said 3,000 people attended the vigil."),
    case("2023-09-14", "The first ferry leaves at 2030 GMT on weekdays."),
    case(
        "2021-11-05",
        "The company said its 2022 forecast assumed no further lockdowns.",
        ("2022", "2022"),
    ),
    case(
        "2021-11-05",
        "Britain's 2016 referendum on EU membership split the country.",
        ("2016", "2016"),
    ),
    case("2021-11-05", "Prices are still below their 2014 peak.", ("2014", "2014")),
    case(
        "2021-11-05",
        "The 2020 election was the most secure in American history, officials said.",
        ("2020", "2020"),
    ),
    case(
        "2021-11-05",
        "The treaty, negotiated between 1991 and 1993, remains in force.",
        ("1991", "1991"),
        ("1993", "1993"),
    ),
    case(
        "2021-11-05",
        "Output rose every year from 2015 to 2019.",
        ("2015", "2015"),
        ("2019", "2019"),
    ),
    case("2021-11-05", "The mine employed 2000 workers at its peak."),
    case("2020-02-29", "The 2003 SARS outbreak killed 774 people worldwide.", ("2003", "2003")),
    case(
        "2020-02-29",
        "A 2018 study found that most patients recovered within weeks.",
        ("2018", "2018"),
    ),
    case(
        "2020-02-29",
        "Elections were held in 2012, 2015 and 2019.",
        ("2012", "2012"),
        ("2015", "2015"),
        ("2019", "2019"),
    ),
    case(
        "2020-02-29",
        "The 2019–20 bushfire season burned more than 18 million hectares.",
        ("2019–20", "2019/2020"),
    ),
    case(
        "2019-07-21",
        "The Apollo 11 landing in 1969 was watched by 600 million people.",
        ("1969", "1969"),
    ),
    case("2019-07-21", "Flight 1549 landed on the Hudson River."),
    case("2019-07-21", "The 2012 Olympics left London with a new stadium.", ("2012", "2012")),
    case("2019-07-21", "Security Council resolution 2231 endorsed the nuclear deal."),
    case("2019-07-21", "The plan, known as Vision 2030, aims to wean the economy off oil."),
    case("2019-07-21", "The country hopes to host Euro 2028."),
    case(
        "2018-12-03",
        "The 2015 Paris agreement set a goal of limiting warming to 1.5C.",
        ("2015", "2015"),
    ),
    case(
        "2018-12-03",
        "Emissions must be halved by 2030 and reach net zero by 2050.",
        ("2030", "2030"),
        ("2050", "2050"),
    ),
    case("2018-12-03", "The bank's 2017 annual report flagged the risks.", ("2017", "2017")),
    case("2018-12-03", "Some 1,200 police officers were on duty."),
    case("2016-11-09", "The 2016 race defied nearly every poll.", ("2016", "2016")),
    case("2016-11-09", "Turnout was the lowest since 1996.", ("1996", "1996")),
    case("2016-11-09", "The 2000 recount in Florida took 36 days.", ("2000", "2000")),
    case("2016-11-09", "A crowd of 2000 gathered outside the campaign headquarters."),
    case(
        "2017-05-10",
        "The bridge was built in 1889 and restored in 1990.",
        ("1889", "1889"),
        ("1990", "1990"),
    ),
    case(
        "2017-05-10",
        "Macron's 2017 victory came for a party founded a year earlier.",
        ("2017", "2017"),
        ("a year earlier", None),
    ),
    case("2017-05-10", "2016 was the warmest year on record, the agency said.", ("2016", "2016")),
    case(
        "2022-01-17", "The 1918-19 flu pandemic killed tens of millions.", ("1918-19", "1918/1919")
    ),
    case("2022-01-17", "The school was rebuilt after the 2011 earthquake.", ("2011", "2011")),
    case("2022-01-17", "All 1999 tickets sold out within minutes."),
    case(
        "2022-01-17",
        "The 2008-2009 recession wiped out millions of jobs.",
        ("2008-2009", "2008/2009"),
    ),
    case("2022-01-17", "Its fiscal 2021 revenue beat forecasts."),
    case("2022-01-17", "The fiscal year in 2020-21 ended with a deficit."),
    case("2022-01-17", "The company posted revenue of $2019 million."),
    case("2022-01-17", "He scored 2010 points in his career."),
    case("2022-01-17", "A 2000-strong force was sent to the region."),
    case("2022-01-17", "The year 2021 brought record floods to Europe.", ("2021", "2021")),
]

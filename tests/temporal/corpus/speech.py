"""Category 5: reported speech. Inside a quotation spoken on an earlier day that the text
gives, "today", "tomorrow" and "next week" count from that day."""

from tests.temporal.corpus import case

CASES = [
    # published Wednesday 9 October 2024
    case(
        "2024-10-09",
        'Singh said on Tuesday: "We will know more later today."',
        ("Tuesday", "2024-10-08"),
        ("today", "2024-10-08"),
    ),
    case(
        "2024-10-09",
        '"The talks will resume tomorrow," the minister said on Monday.',
        ("tomorrow", "2024-10-08"),
        ("Monday", "2024-10-07"),
    ),
    case(
        "2024-10-09",
        '"We met the delegation yesterday," Ortiz told reporters on Tuesday.',
        ("yesterday", "2024-10-07"),
        ("Tuesday", "2024-10-08"),
    ),
    case(
        "2024-10-09",
        '"Tonight we will decide," Ruiz said on Monday, before the cabinet met.',
        ("Tonight", "2024-10-07"),
        ("Monday", "2024-10-07"),
    ),
    case(
        "2024-10-09",
        "Defence minister Karl Berg said on Tuesday that the drills had ended. Berg added that the troops were “heading home today”.",
        ("Tuesday", "2024-10-08"),
        ("today", "2024-10-08"),
    ),
    case(
        "2024-10-09",
        "Berg said on Tuesday that the drills had ended. “They are heading home today,” he said.",
        ("Tuesday", "2024-10-08"),
        ("today", "2024-10-08"),
    ),
    case(
        "2024-10-09",
        'Officials described the strikes as "limited" on Tuesday and promised more today.',
        ("Tuesday", "2024-10-08"),
        ("today", "2024-10-09"),
    ),
    case(
        "2024-10-09",
        '"We will vote today," the senator said on Wednesday.',
        ("today", "2024-10-09"),
        ("Wednesday", "2024-10-09"),
    ),
    # published Monday 17 January 2022
    case(
        "2022-01-17",
        '"We play again next week," the coach said on Friday.',
        ("next week", "2022-01-17/2022-01-23"),
        ("Friday", "2022-01-14"),
    ),
    case(
        "2022-01-17",
        'The minister said on Thursday: "Schools will reopen on Monday."',
        ("Thursday", "2022-01-13"),
        ("Monday", "2022-01-17"),
    ),
    case(
        "2022-01-17",
        '"I spoke to him this morning," Lee said on Saturday.',
        ("this morning", "2022-01-15"),
        ("Saturday", "2022-01-15"),
    ),
    # published Friday 5 November 2021
    case(
        "2021-11-05",
        '"The deal will be signed tomorrow," a spokesman said on Wednesday.',
        ("tomorrow", "2021-11-04"),
        ("Wednesday", "2021-11-03"),
    ),
    case(
        "2021-11-05",
        '"Yesterday was the worst day of the campaign," the candidate told supporters on Thursday.',
        ("Yesterday", "2021-11-03"),
        ("Thursday", "2021-11-04"),
    ),
    case("2021-11-05", '"We will vote tomorrow," the senator said.', ("tomorrow", "2021-11-06")),
    case(
        "2021-11-05",
        '"The results come out today," the commission said on Friday.',
        ("today", "2021-11-05"),
        ("Friday", "2021-11-05"),
    ),
    # published Sunday 21 July 2019
    case(
        "2019-07-21",
        '"The launch went perfectly this morning," the agency said in a statement on Saturday.',
        ("this morning", "2019-07-20"),
        ("Saturday", "2019-07-20"),
    ),
    case(
        "2019-07-21",
        'Mayor Ana Lopes said on Friday: "The beaches reopen tomorrow."',
        ("Friday", "2019-07-19"),
        ("tomorrow", "2019-07-20"),
    ),
    # published Monday 3 December 2018
    case(
        "2018-12-03",
        '"Talks will continue next week," the negotiator said on Thursday.',
        ("next week", "2018-12-03/2018-12-09"),
        ("Thursday", "2018-11-29"),
    ),
    case(
        "2018-12-03",
        '"We expect a decision today," Hale told the BBC on Friday.',
        ("today", "2018-11-30"),
        ("Friday", "2018-11-30"),
    ),
    case("2018-12-03", '"We expect a decision today," Hale told the BBC.', ("today", "2018-12-03")),
]

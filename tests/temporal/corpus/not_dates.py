"""Category 7: not dates. "today's youth", a programme called "This Week", agency datelines
repeated inside the text, newspapers named after a day, counts and codes that look like years,
named days. Where a real date sits next to one, it is expected and the look-alike is not."""

from tests.temporal.corpus import case

CASES = [
    case("2024-06-26", "Today's youth spend hours on their phones."),
    case("2024-06-26", "He told ABC's This Week that the deal was fair."),
    case("2024-06-26", 'Speaking on "This Week", the senator defended the bill.'),
    case("2024-06-26", "The Sunday Times reported the leak."),
    case("2024-06-26", "The Mail on Sunday published the photos."),
    case("2024-06-26", "The youth of today face a tough job market."),
    case(
        "2024-06-26",
        "Tomorrow's leaders are being trained today, the school says.",
        ("today", "2024-06-26"),
    ),
    case("2024-06-26", "NBC's Today show aired the interview."),
    case("2024-06-26", "Yesterday's men have no answers, the opposition leader said."),
    case("2024-06-26", "They watched Last Week Tonight on Sunday.", ("Sunday", "2024-06-23")),
    case("2024-06-26", "She told the BBC's Today programme that prices would fall."),
    case("2024-06-26", "Black Friday sales beat forecasts."),
    case("2024-06-26", "Super Tuesday results favoured the senator."),
    case("2024-06-26", "The ship docked at Christmas Island."),
    case("2024-06-26", "Christmas trees are selling fast, growers say."),
    case(
        "2024-06-26", "Lunar New Year celebrations began on Saturday.", ("Saturday", "2024-06-22")
    ),
    case("2024-06-26", "Police found 1989 rounds of ammunition."),
    case("2024-06-26", "Room 2010 was searched by detectives."),
    case("2024-06-26", "India's Independence Day parade was cancelled."),
    case("2024-06-26", "The film Independence Day opened in 1996.", ("1996", "1996")),
    case("2024-06-26", "The president addresses the nation on Tuesdays."),
    case("2024-06-26", "Some 2,000 troops and 1500 trucks crossed the border."),
    case("2024-06-26", "The flight departs at 2030 GMT."),
    case("2024-06-26", "The vote could come at 1900 local time."),
    case("2024-06-26", "Call 2024 for the helpline."),
    case("2024-06-26", "April Ryan and June Carter spoke at the event."),
    case("2024-06-26", "Crowds march through the capital each spring."),
    case("2024-06-26", "Protesters may march again."),
    case("2024-06-26", "USA Today broke the story."),
    case("2024-06-26", "In the first half, the home side dominated."),
    case("2024-06-26", "Over the next month, prices are likely to rise."),
    case("2024-06-26", "The war has lasted two years."),
    case("2024-06-26", "In recent weeks, shelling intensified."),
    case(
        "2025-03-04",
        "WASHINGTON, March 4 (Reuters) - The Senate passed the bill.\n\nWASHINGTON, March 4 (Reuters) - A second vote is planned.",
        ("March 4", "2025-03-04"),
    ),
    case(
        "2025-03-04",
        "BEIRUT, March 3 (Reuters) - Israeli jets struck targets in the south. BEIRUT, March 3 (Reuters) - Lebanon's army said it was investigating.",
        ("March 3", "2025-03-03"),
    ),
    case(
        "2024-06-26",
        "Prime Minister Tony Blair's Third Way politics of the 1990s.",
        ("1990s", "199X"),
    ),
    case(
        "2024-06-26",
        "The tournament, known as Euro 2024, starts next month.",
        ("next month", "2024-07"),
    ),
]

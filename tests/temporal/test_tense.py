"""tense_around(): the tense of the clause around a date, read from the marker nearest it."""

import pytest

from curation.temporal.tense import Tense, tense_around

# (sentence, the date in it, the tense its clause gives it)
CLAUSES = [
    # past forms: auxiliaries, irregular and regular verbs, the perfect
    ("Police arrested him in August.", "August", Tense.PAST),
    ("Stocks fell Thursday.", "Thursday", Tense.PAST),
    ("Negotiators told reporters on Wednesday that a deal was close.", "Wednesday", Tense.PAST),
    ("The storm hit the coast on Sunday.", "Sunday", Tense.PAST),
    ("The talks have collapsed since Monday.", "Monday", Tense.PAST),
    ("The ban in force since October remains.", "October", Tense.PAST),
    ("He had not spoken on Tuesday.", "Tuesday", Tense.PAST),
    ("Police on Monday arrested a man.", "Monday", Tense.PAST),
    ("On Monday, the ministry said exports fell.", "Monday", Tense.PAST),
    # future markers, reported futures, intent before "to"
    ("He will speak on Friday.", "Friday", Tense.FUTURE),
    ("The president is to visit Kyiv on Friday.", "Friday", Tense.FUTURE),
    ("The company plans to list its shares in June.", "June", Tense.FUTURE),
    ("The rules are expected to take effect in April.", "April", Tense.FUTURE),
    ("Officials said the bridge would reopen in July.", "July", Tense.FUTURE),
    ("They agreed to reconvene in July.", "July", Tense.FUTURE),
    ("The hearing was set for Monday.", "Monday", Tense.FUTURE),
    ("The summit will be held on Monday.", "Monday", Tense.FUTURE),
    # the present of what is planned
    ("He returns Monday.", "Monday", Tense.FUTURE),
    ("Lawmakers vote Wednesday on the budget.", "Wednesday", Tense.FUTURE),
    # until and by look ahead when nothing else speaks
    ("The state of emergency lasts until Friday.", "Friday", Tense.FUTURE),
    ("Roads will remain closed until Saturday.", "Saturday", Tense.FUTURE),
    # the nearest marker wins, on the left first
    ("Police said on Friday they will release the names.", "Friday", Tense.PAST),
    ("He will explain why prices rose on Monday.", "Monday", Tense.PAST),
    ("A man who was arrested on Monday will appear in court on Friday.", "Friday", Tense.FUTURE),
    # not markers: a passive's participle, an adjective, a cause, a state, a clause boundary
    ("The proposed cuts in May.", "May", Tense.NONE),
    ("The proposed law goes to a vote in May.", "May", Tense.FUTURE),
    ("Flights were cancelled due to the storm on Friday.", "Friday", Tense.PAST),
    ("The heatwave that gripped Europe in June is over.", "June", Tense.PAST),
    ("A meeting in July that was cancelled.", "July", Tense.NONE),
    ("Exports in January set a record.", "January", Tense.NONE),
    ("The United Nations meets on Friday.", "Friday", Tense.FUTURE),
]


@pytest.mark.parametrize(("sentence", "date", "tense"), CLAUSES, ids=lambda v: str(v))
def test_tense_around(sentence, date, tense):
    start = (
        sentence.rindex(date) if date == "Friday" and "court" in sentence else sentence.index(date)
    )
    assert tense_around(sentence, start=start, end=start + len(date)) is tense

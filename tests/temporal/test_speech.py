"""quotation_days(): the day a quotation was spoken, when the text gives one before the
publication date."""

from datetime import date

from curation.temporal import find_dates
from curation.temporal.speech import Dated, quotation_days

WED = date(2024, 10, 9)


def days_of(text: str) -> list[tuple[str, date]]:
    relative = [m.value is None for m in find_dates(text, None)]
    found = [
        Dated(m.start, m.end, m.value, counts)
        for m, counts in zip(find_dates(text, WED), relative, strict=True)
    ]
    return [
        (text[start:end], day) for start, end, day in quotation_days(text, found, reference=WED)
    ]


def test_an_attribution_after_the_quotation_gives_its_day():
    text = '"We meet later today," the minister said on Monday.'
    assert days_of(text) == [('"We meet later today,"', date(2024, 10, 7))]


def test_an_attribution_before_the_quotation_gives_its_day():
    text = 'Singh said on Tuesday: "We will know more later today."'
    assert days_of(text) == [('"We will know more later today."', date(2024, 10, 8))]


def test_a_speaker_named_again_continues_their_dated_statement():
    text = 'Singh said on Tuesday that talks were over. Singh added it was "too late today".'
    assert days_of(text) == [('"too late today"', date(2024, 10, 8))]


def test_another_speaker_does_not():
    text = 'Singh said on Tuesday that talks were over. Austin added it was "too late today".'
    assert days_of(text) == []


def test_a_statement_on_the_publication_day_changes_nothing():
    assert days_of('"We vote today," the senator said on Wednesday.') == []


def test_a_quotation_without_a_relative_date_is_left_alone():
    assert days_of('"We vote on 3 May 2024," the senator said on Monday.') == []


def test_a_pronoun_continues_the_last_dated_statement():
    text = '"We meet later today," the minister said on Monday. "Tomorrow too," he added.'
    assert days_of(text) == [
        ('"We meet later today,"', date(2024, 10, 7)),
        ('"Tomorrow too,"', date(2024, 10, 7)),
    ]


def test_a_curly_quotation_may_run_over_lines():
    text = "Singh said on Tuesday: “We will know\nmore later today.”"
    assert days_of(text) == [("“We will know\nmore later today.”", date(2024, 10, 8))]


def test_a_curly_quotation_left_open_is_none():
    text = 'He wrote “never. Singh said on Tuesday: "We will know more later today."'
    assert days_of(text) == [('"We will know more later today."', date(2024, 10, 8))]


def test_straight_quotation_marks_close_within_their_line():
    assert days_of('Singh said on Tuesday: "We will know\nmore later today."') == []
    text = 'He wrote "never.\nSingh said on Tuesday: "We will know more later today."'
    assert days_of(text) == [('"We will know more later today."', date(2024, 10, 8))]


def test_a_speech_verb_is_a_whole_word_even_at_the_start():
    text = 'said Singh on Tuesday: "We will know more later today."'
    assert days_of(text) == [('"We will know more later today."', date(2024, 10, 8))]
    assert days_of('Singh unsaid on Tuesday: "We will know more later today."') == []


def test_a_weekday_or_month_after_the_verb_is_not_a_speaker():
    text = 'May said on Monday that talks were over. "We meet later today," said May.'
    assert days_of(text) == []

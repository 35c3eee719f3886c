"""Quotation finding and attribution (digest.quotes) on wire-style sentences and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.models import Article, Quote, QuoteKind, Span, stable_id
from digest.quotes import body_spans, extract_quotes
from digest.quotes.people import _token_info
from digest.quotes.phrases import subject_phrase
from digest.quotes.verbs import reporting_verbs

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT / "tests" / "eval"

STATEMENT, FRAGMENT, TERM, TITLE = QuoteKind.STATEMENT, QuoteKind.FRAGMENT, QuoteKind.TERM, QuoteKind.TITLE


# ---------------------------------------------------------------- helpers


def make_article(text: str, article_id: str = "a", title: str | None = None) -> Article:
    """Build an Article whose body is every non-empty line, stripped of surrounding whitespace."""
    body, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            body.append(Span(start, start + len(stripped)))
        pos += len(line) + 1
    first = text.split("\n", 1)[0].strip()
    return Article(id=article_id, path=f"{article_id}.txt", text=text, body=tuple(body), title=title or first)


def extract(text: str, title: str = "Headline of the test article") -> tuple[Quote, ...]:
    """Extract the quotes of a text whose lines are all body."""
    return extract_quotes(make_article(text, title=title))


def texts(text: str) -> list[str]:
    """Return the text of every quote found."""
    return [q.text for q in extract(text)]


def find(quotes: tuple[Quote, ...], needle: str) -> Quote:
    """Return the one quote that starts with ``needle``."""
    hits = [q for q in quotes if q.text.startswith(needle)]
    assert len(hits) == 1, f"{needle!r} in {[q.text for q in quotes]}"
    return hits[0]


def only(text: str) -> Quote:
    """Return the single quote of a text."""
    quotes = extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def who(quote: Quote) -> tuple[str | None, str | None, str | None]:
    """Return a quote's speaker as written, role and relaying source."""
    return quote.speaker_as_written, quote.speaker_role, quote.reported_by


# ---------------------------------------------------------------- the Quote values


def test_quote_fields_point_into_the_text() -> None:
    text = "Intro line\nThe minister said: “We will leave.”"
    article = make_article(text)
    (quote,) = extract_quotes(article)
    assert quote.text == text[quote.start : quote.end] == "We will leave."
    assert quote.source == "a"
    assert quote.id == stable_id("q", "a", str(quote.start), str(quote.end))


def test_quotes_are_sorted_by_start() -> None:
    quotes = extract("Intro\n“B one two three four,” he said.\n“A one two three four,” she said.")
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_text_outside_the_body_never_yields_quotes() -> None:
    text = 'Caption: the "Hands of Victory" monument\nThe army said: “We are ready.”\nTeaser: “Read this story”'
    article = make_article(text)
    body_only = Article(id="a", path="a", text=text, body=(article.body[1],), title="t")
    assert [q.text for q in extract_quotes(body_only)] == ["We are ready."]


def test_empty_and_quote_free_articles() -> None:
    assert extract_quotes(Article(id="a", path="a", text="", body=(), title="")) == ()
    assert extract("Nothing quoted here.\nNor here.") == ()


def test_body_spans_are_clipped_sorted_and_merged() -> None:
    article = Article(
        id="a", path="a", text="0123456789", body=(Span(5, 20), Span(0, 3), Span(2, 4), Span(7, 7)), title=""
    )
    assert body_spans(article) == (Span(0, 3), Span(3, 4), Span(5, 10))


# ---------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He said: “We will leave.”", "We will leave."),
        ('He said: "We will leave."', "We will leave."),
        ("‘We will leave,’ he said.", "We will leave,"),
        ("'We will leave,' he said.", "We will leave,"),
        ("He said: «We will leave.»", "We will leave."),
        ("He said: « We will leave »", "We will leave"),
        ("He said: „We will leave.“", "We will leave."),
        ("‚We will leave‘, he said.", "We will leave"),
        ("He said: ‹We will leave›.", "We will leave"),
        ("He said: »We will leave«.", "We will leave"),
        ('He pointed out that "the rest will leave”.', "the rest will leave"),
    ],
)
def test_every_quotation_mark(sentence: str, expected: str) -> None:
    assert texts(f"Intro\n{sentence}") == [expected]


def test_marks_mixed_within_one_article() -> None:
    text = (
        "Intro\n"
        "“We will leave,” the minister said.\n"
        'The army said: "Most troops are gone."\n'
        "«The talks ended», said the envoy.\n"
        "„Es ist vorbei“, sagte er; the so-called ‘smart terminal’ opens in May."
    )
    assert texts(text) == [
        "We will leave,",
        "Most troops are gone.",
        "The talks ended",
        "Es ist vorbei",
        "smart terminal",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "It’s yesterday’s statement by Ma’an and Sa’ad, McKenzie’s staff and al-Araji's office.",
        "Iraq's forces and the soldiers' families met at the PM’s home; they weren’t told.",
        "Rock of the ’90s and rock 'n' roll filled O'Brien's bar.",
        "The ministers' meeting ended; the generals’ plan stands.",
    ],
)
def test_apostrophes_are_not_quotation_marks(sentence: str) -> None:
    assert texts(f"Intro\n{sentence}") == []


def test_single_quotes_next_to_apostrophes() -> None:
    text = "Intro\nThe terrorist 'caliphate' lost Iraq's territory, and Baghdad's 'combat forces' left."
    assert texts(text) == ["caliphate", "combat forces"]
    curly = "Intro\nThe union’s leader called it a ‘job killer’, and the workers’ ‘won’t go’ banner stayed."
    assert texts(curly) == ["job killer", "won’t go"]


def test_unpaired_single_quotes_are_dropped() -> None:
    assert texts("Intro\nThe group's 'caliphate lost its ground.") == []
    assert texts("Intro\nThe forces' withdrawal began.") == []


def test_stray_marks_are_ignored() -> None:
    assert texts('Intro\nA 12" gun and a " stray mark.') == []
    assert texts("Intro\nHe said “ ” nothing.") == []


def test_markup_attribute_values_are_not_quotations() -> None:
    embed = (
        'Intro\n<tweet id="8801" author="@CityCouncil" datetime="2016-05-02">The vote is “final,” '
        "the mayor wrote.</tweet>\nSee <a href=”https://example.org/vote-report” target=”_blank”>the report</a>."
    )
    assert texts(embed) == ["final,"]


# ---------------------------------------------------------------- nesting


def test_nested_single_inside_straight_double() -> None:
    text = (
        "Intro\n"
        "\"The international coalition led by the U.S. begins the withdrawal of its troops as 'completion of "
        "the combat mission,'\" announced Iraqi National Security Advisor Qasim Araji."
    )
    quotes = extract(text)
    outer = find(quotes, "The international coalition")
    inner = find(quotes, "completion")
    assert outer.text.endswith("mission,'")
    assert inner.text == "completion of the combat mission,"
    assert outer.kind == STATEMENT and inner.kind == TERM
    assert who(outer) == ("Qasim Araji", "Iraqi National Security Advisor", None)
    assert inner.speaker_as_written is None


def test_straight_double_marks_serving_both_levels() -> None:
    text = (
        "Intro\n"
        '"Iraq announces the end of the "combat missions" of the International Coalition against the Islamic '
        'State. Baghdad has assured that the withdrawal of international forces from the country has begun."'
    )
    quotes = extract(text)
    outer = find(quotes, "Iraq announces")
    assert outer.text.endswith("has begun.")
    assert '"combat missions"' in outer.text
    assert find(quotes, "combat missions").kind == TERM
    assert outer.kind == STATEMENT and outer.speaker_as_written is None


def test_typographic_nesting() -> None:
    quotes = extract("Intro\n“The so-called ‘smart terminal’ is the first step,” said Marco Ferreira.")
    assert [q.text for q in quotes] == ["The so-called ‘smart terminal’ is the first step,", "smart terminal"]
    assert quotes[0].speaker_as_written == "Marco Ferreira"
    assert quotes[1].kind == TERM


def test_guillemet_and_german_nesting() -> None:
    french = extract("Intro\n«Le ‹terminal intelligent› arrive», a-t-il dit.")
    assert [q.text for q in french] == ["Le ‹terminal intelligent› arrive", "terminal intelligent"]
    german = extract("Intro\n„Das ‚smart terminal‘ kommt“, sagte er.")
    assert [q.text for q in german] == ["Das ‚smart terminal‘ kommt", "smart terminal"]


# ---------------------------------------------------------------- several paragraphs


def test_quotation_running_over_two_paragraphs() -> None:
    text = (
        "Intro\n\n"
        "“We have sat at that table for eleven months. We have been ignored.\n\n"
        "“Now the ships can wait for us,” El-Haddad added.\n\n"
        "Talks resume on Thursday."
    )
    first, second = extract(text)
    assert first.text == "We have sat at that table for eleven months. We have been ignored."
    assert second.text == "Now the ships can wait for us,"
    assert first.kind == second.kind == STATEMENT
    assert first.speaker_as_written == second.speaker_as_written == "El-Haddad"


def test_quotation_running_over_three_paragraphs_with_verb_before() -> None:
    text = (
        "Intro\n"
        "Governor Paulo Haddad said: “We do not set policy for one week.\n"
        "“Prices matter to us.\n"
        "“And we would have to respond.”\n"
        "The bank declined further comment."
    )
    quotes = extract(text)
    assert [q.text for q in quotes] == [
        "We do not set policy for one week.",
        "Prices matter to us.",
        "And we would have to respond.",
    ]
    assert {q.speaker_as_written for q in quotes} == {"Paulo Haddad"}
    assert {q.speaker_role for q in quotes} == {"Governor"}


def test_unclosed_quotation_ends_at_its_paragraph() -> None:
    text = (
        "Intro\n"
        "Ma’an cited coalition forces as saying “upholding our commitment, there will be no combat role.\n"
        "Ma’an congratulated the attendees.\n"
        "The coalition said the “advisers” will stay."
    )
    quotes = extract(text)
    unclosed = find(quotes, "upholding")
    assert unclosed.text.endswith("no combat role.")
    assert who(unclosed) == ("coalition forces", None, "Ma’an")
    assert unclosed.kind == STATEMENT
    assert find(quotes, "advisers").kind == TERM


def test_single_marks_run_on_to_a_last_paragraph_left_open() -> None:
    text = (
        "Intro\n"
        "Harbour master Ida Berg told reporters: 'We are ready for the storm.\n"
        "'The ferries will stay in port until Friday.\n"
        "'Nobody should go out on the water, and that is"
    )
    quotes = extract(text)
    assert [q.text for q in quotes] == [
        "We are ready for the storm.",
        "The ferries will stay in port until Friday.",
        "Nobody should go out on the water, and that is",
    ]
    assert {q.speaker_as_written for q in quotes} == {"Ida Berg"}


def test_single_mark_left_open_in_one_paragraph_is_still_dropped() -> None:
    assert texts("Intro\nThe dockers' 'strike fund ran dry.\nThe port reopened.") == []


def test_next_paragraph_opening_a_new_quote_is_a_run_on() -> None:
    text = "Intro\n“First part without a close\n“Second part closes,” she said."
    quotes = extract(text)
    assert [q.text for q in quotes] == ["First part without a close", "Second part closes,"]
    assert {q.speaker_as_written for q in quotes} == {None}


# ---------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("sentence", "needle", "kind"),
    [
        ("“We will leave Iraq by December,” the general said.", "We will", STATEMENT),
        ("Austin said the mission would end, with “no US forces with a combat role” to remain.", "no US", FRAGMENT),
        ("The mission will move to an “advisory” role by the end of the year.", "advisory", TERM),
        ("Adviser Qassem al-Araji announced the “officially” end of the mission.", "officially", TERM),
        ('Iraq announced the end of the "combat mission" maintained by the coalition.', "combat mission", TERM),
        ("Troops stood near the landmark “Hands of Victory” in Baghdad.", "Hands of Victory", TITLE),
        ('His memoir, a book titled "The Long Road Home", sold well.', "The Long Road Home", TITLE),
        ("The offensive, dubbed “Operation Desert Fox”, began at dawn.", "Operation Desert Fox", TITLE),
        ("The bank's latest “Financial Stability Review” warned of rising debt.", "Financial Stability Review", TITLE),
        ("Union leaders call it a so-called ‘smart terminal’ plan.", "smart terminal", TERM),
        ("Haddad called the project a ‚job killer‘, a phrase painted on banners.", "job killer", TERM),
        ("Al-Haddad called the pay offer “unacceptable”.", "unacceptable", FRAGMENT),
        ("Armed factions threaten to wage “decisive battles” on New Year's Eve.", "decisive battles", FRAGMENT),
        ("The governor said rates would stay “higher for longer”.", "higher for longer", FRAGMENT),
        ("Mayor Ana Lind said the new levy was a “slow poison” for small shops.", "slow poison", FRAGMENT),
        ("Lind warned that the “ferry cartel” keeps fares high.", "ferry cartel", FRAGMENT),
        ("Lind said on Monday, after the vote, that the plan is “unworkable”.", "unworkable", FRAGMENT),
        ("Lind said the plan is an “unworkable” scheme.", "unworkable", TERM),
        ("Lind announced the “historic” agreement with the ferry company.", "historic", TERM),
        ("Lind revealed her plans – shaken by the “ferry cartel” affair.", "ferry cartel", TERM),
    ],
)
def test_kinds(sentence: str, needle: str, kind: QuoteKind) -> None:
    assert find(extract(f"Intro line\n{sentence}"), needle).kind == kind


def test_short_quote_in_a_reported_clause_has_the_speaker() -> None:
    quote = find(extract("Intro line\nMayor Ana Lind says the plan is a “slow poison” for shops."), "slow poison")
    assert (quote.kind, quote.speaker_as_written, quote.attribution) == (FRAGMENT, "Ana Lind", "sentence")


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "Ida Berg, an analyst at Nordic Freight Research & Trading, said: “The ferries will be late all winter.”",
            "Ida Berg",
            "an analyst at Nordic Freight Research & Trading",
        ),
        (
            "Olle Sand, 71, a retired pilot in Bergen, Hordaland, said: “The ferries will be late all winter.”",
            "Olle Sand",
            "a retired pilot in Bergen",
        ),
        ("Mr. Sand, now retired in Bergen, Hordaland, said: “The ferries will be late all winter.”", "Sand", None),
        (
            "Karin Holm of Fjordbank, the region's largest lender, said: “The ferries will be late all winter.”",
            "Karin Holm",
            "the region's largest lender",
        ),
        ("In a letter to Mayor Ida Berg, the union said: “The ferries will be late all winter.”", "the union", None),
    ],
)
def test_the_name_before_its_appositives_is_the_speaker(sentence: str, speaker: str, role: str | None) -> None:
    quote = find(extract(f"Intro line\n{sentence}"), "The ferries")
    assert quote.speaker_as_written == speaker
    if role:
        assert quote.speaker_role == role


def test_quote_repeating_the_headline_is_a_title() -> None:
    title = "Coalition forces leave Iraq as combat mission ends"
    text = f"{title}\nReaders reacted to “Coalition forces leave Iraq as combat mission ends"
    assert find(extract(text, title=title), "Coalition forces").kind == TITLE


def test_unattributed_quoted_sentence_is_a_statement() -> None:
    quote = only("Intro\n“The withdrawal of international forces from the country has begun.”")
    assert quote.kind == STATEMENT and quote.speaker_as_written is None


def test_attached_quote_whose_sentence_goes_on_is_a_fragment() -> None:
    text = (
        "Intro\nAl Arayi indicated in a message on his account on the social network Twitter that "
        '"the relationship with the coalition will continue in the training camps" of the Iraqi forces.'
    )
    quote = only(text)
    assert quote.kind == FRAGMENT
    assert quote.speaker_as_written == "Al Arayi"


def test_terms_and_titles_carry_no_speaker() -> None:
    quotes = extract("Intro\nKhafaji said the “advisory” role and the landmark “Hands of Victory” remain.")
    assert [(q.kind, q.speaker_as_written) for q in quotes] == [(TERM, None), (TITLE, None)]


def test_a_term_in_the_reported_clause_keeps_its_speaker() -> None:
    text = (
        "Intro\nThe Labour leader, Keir Starmer, said the country was tired, describing the situation as a "
        "“revolving door of chaos” at the top.\n"
        "Cruz said he railed against what he calls the “Washington cartel” in every speech."
    )
    quotes = extract(text)
    assert [(q.text, q.kind, q.speaker_as_written) for q in quotes] == [
        ("revolving door of chaos", TERM, "Keir Starmer"),
        ("Washington cartel", TERM, "Cruz"),
    ]
    assert all(q.attribution and q.confidence is not None for q in quotes)


def test_a_term_in_a_sentence_closed_by_its_speaker_keeps_the_speaker() -> None:
    text = (
        "Intro\nMany world leaders became more “conversant” about climate change, Ban said.\n"
        "The FBI made a “mistake” in the background check, Comey has said."
    )
    quotes = extract(text)
    assert [(q.text, q.kind, q.speaker_as_written, q.attribution) for q in quotes] == [
        ("conversant", TERM, "Ban", "later"),
        ("mistake", TERM, "Comey", "later"),
    ]


def test_a_label_of_the_reporter_keeps_no_speaker() -> None:
    text = (
        "Intro\nFarage said such votes are preludes to the so-called “Brexit” referendum in June.\n"
        "Khafaji said the mission moves to an “advisory” role."
    )
    assert [(q.kind, q.speaker_as_written) for q in extract(text)] == [(TERM, None), (TERM, None)]


# ---------------------------------------------------------------- attribution forms


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“Only advisers remain,” Khafaji said.", ("Khafaji", None, None)),
        ("Sen. Rand Paul, R-Ky., told Fox News that “only advisers remain.”", ("Rand Paul", "Sen", "Fox News")),
        ("“Only advisers remain,” Rep. Glenn Thompson, R-Pa., said.", ("Glenn Thompson", "Rep", None)),
        ("Sen. Dianne Feinstein (D-Calif.) said “only advisers remain.”", ("Dianne Feinstein", "Sen", None)),
        (
            "“Only advisers remain,” said House Intelligence Republican Mike Pompeo.",
            ("Mike Pompeo", "House Intelligence Republican", None),
        ),
        ("“Only advisers remain,” said an Iowa Democrat.", ("an Iowa Democrat", None, None)),
        (
            "“Only advisers remain,” Xinhua, the official Chinese news agency, wrote.",
            ("Xinhua", "the official Chinese news agency", None),
        ),
        ("“Only advisers remain,” said Heiserman of the CORE Teachers.", ("Heiserman", None, None)),
        (
            "J.J. Goldberg, editor at large of The Forward, a newspaper catering to American Jews, wrote, “Only "
            "advisers remain.”",
            ("Goldberg", "editor at large of The Forward", None),
        ),
        (
            "81-year-old Parker Eaton, a nominal Republican who voted for JFK, said: “Only advisers remain.”",
            ("Parker Eaton", "a nominal Republican", None),
        ),
        (
            "The State Department less than two weeks ago said “only advisers remain.”",
            ("The State Department", None, None),
        ),
        (
            "In a speech, the Wisconsin Republican criticized the plan and said “only advisers remain.”",
            ("the Wisconsin Republican", None, None),
        ),
        (
            "“Only advisers remain,” added another New Hampshire Republican.",
            ("another New Hampshire Republican", None, None),
        ),
        ("“Only advisers remain,” Toomey fumed on Tuesday.", ("Toomey", None, None)),
        ("“Only advisers remain!” beamed Donald Hartley of Madison, Alabama.", ("Donald Hartley", None, None)),
        ("“Only advisers remain,” said Tahsin al-Khafaji.", ("Tahsin al-Khafaji", None, None)),
        ("Tahsin al-Khafaji said that “only advisers remain.”", ("Tahsin al-Khafaji", None, None)),
        ("Tahsin al-Khafaji said: “Only advisers remain.”", ("Tahsin al-Khafaji", None, None)),
        ("Tahsin al-Khafaji said, “Only advisers remain.”", ("Tahsin al-Khafaji", None, None)),
        ("“Only advisers remain.” — Tahsin al-Khafaji", ("Tahsin al-Khafaji", None, None)),
        ("“Only advisers remain,” according to Tahsin al-Khafaji.", ("Tahsin al-Khafaji", None, None)),
        ("According to the ministry, “only advisers remain.”", ("the ministry", None, None)),
        ("“Only advisers remain,” al-Araji wrote in a tweet.", ("al-Araji", None, None)),
        ("Al-Araji tweeted: “Only advisers remain.”", ("Al-Araji", None, None)),
        ("“Only advisers remain,” al-Araji added.", ("al-Araji", None, None)),
        (
            "Khafaji told the Iraqi News Agency that “only advisers remain.”",
            ("Khafaji", None, "the Iraqi News Agency"),
        ),
        ("“Only advisers remain,” Khafaji told the agency.", ("Khafaji", None, None)),
        (
            "National Security Adviser Qassem al-Araji announced that “only advisers remain.”",
            ("Qassem al-Araji", "National Security Adviser", None),
        ),
        (
            "“Only advisers remain,” US Defence Secretary Lloyd Austin stressed.",
            ("Lloyd Austin", "US Defence Secretary", None),
        ),
        (
            "Qasim al-Araji, Iraq’s national security advisor, said: “Only advisers remain.”",
            ("Qasim al-Araji", "Iraq’s national security advisor", None),
        ),
        (
            "Major General Tahsin al-Khafaji, the spokesman for the Joint Operations Command, said “only advisers"
            " remain.”",
            ("Tahsin al-Khafaji", "the spokesman for the Joint Operations Command", None),
        ),
        (
            "“Only advisers remain,” commander of the Security Media Cell, Sa’ad Ma’an, said.",
            ("Sa’ad Ma’an", "commander of the Security Media Cell", None),
        ),
        (
            "“Only advisers remain,” said Tomás Ribeiro, the port authority’s operations director.",
            ("Tomás Ribeiro", "the port authority’s operations director", None),
        ),
        (
            "Yusuf al-Haddad, who heads the dockworkers' union, told reporters: “Only advisers remain.”",
            ("Yusuf al-Haddad", None, None),
        ),
        ("Ma’an cited coalition forces as saying “only advisers remain.”", ("coalition forces", None, "Ma’an")),
        ("Al-Haddad quoted crane operators as saying “only advisers remain.”", ("crane operators", None, "Al-Haddad")),
        ("Khafaji was quoted by Reuters as saying “only advisers remain.”", ("Khafaji", None, "Reuters")),
        (
            'Al Arayi indicated in a message on his account on the social network Twitter that "only advisers remain."',
            ("Al Arayi", None, None),
        ),
        (
            "In a press conference, Qasim al-Araji, Iraq’s national security advisor, “only advisers remain.”",
            ("Qasim al-Araji", "Iraq’s national security advisor", None),
        ),
        (
            "“Only advisers remain,” the Joint Operations Command said in a statement.",
            ("the Joint Operations Command", None, None),
        ),
        ("“Only advisers remain,” Osama bin Laden's son said.", ("Osama bin Laden's son", None, None)),
        ("“Only advisers remain,” Staffan de Mistura said.", ("Staffan de Mistura", None, None)),
        ("“Only advisers remain,” Ursula von der Leyen said.", ("Ursula von der Leyen", None, None)),
        ("“Only advisers remain,” General Frank McKenzie warned.", ("Frank McKenzie", "General", None)),
        ("“Only advisers remain,” Hamza bin Salman insisted.", ("Hamza bin Salman", None, None)),
        (
            "U.S. Secretary of State Antony Blinken said on Tuesday that “only advisers remain.”",
            ("Antony Blinken", "U.S. Secretary of State", None),
        ),
        ("“Only advisers remain,” said Mr. Jones, 45, a shopkeeper in Baghdad.", ("Jones", "a shopkeeper", None)),
        ("“Only advisers remain,” Smith, 45, said.", ("Smith", None, None)),
        ("“Only advisers remain,” she told the BBC.", (None, None, "the BBC")),
        (
            "BAGHDAD (Reuters) - Iraq's foreign minister Fuad Hussein said “only advisers remain.”",
            ("Fuad Hussein", "Iraq's foreign minister", None),
        ),
        (
            "“Only advisers remain,” said the ministry's spokesman, Ahmed al-Sahaf.",
            ("Ahmed al-Sahaf", "the ministry's spokesman", None),
        ),
        (
            "“Only advisers remain,” White House press secretary Jen Psaki said.",
            ("Jen Psaki", "White House press secretary", None),
        ),
        (
            "State media quoted the president as saying that “only advisers remain.”",
            ("the president", None, "State media"),
        ),
        ("The joint statement said: “Only advisers remain.”", ("The joint statement", None, None)),
        (
            "According to a statement from the prime minister's office, Kadhimi “only advisers remain.”",
            ("Kadhimi", None, None),
        ),
    ],
)
def test_attribution_forms(sentence: str, expected: tuple[str | None, str | None, str | None]) -> None:
    quotes = [q for q in extract(f"Intro line\n{sentence}") if "nly advisers remain" in q.text]
    assert len(quotes) == 1
    quote = quotes[0]
    assert who(quote) == expected
    assert quote.kind in (STATEMENT, FRAGMENT)


def test_name_followed_by_its_quoted_predicate() -> None:
    text = "Intro\nAccording to a statement from his office, Kadhimi “stressed the importance of cooperation.”"
    quote = only(text)
    assert (quote.kind, quote.speaker_as_written) == (FRAGMENT, "Kadhimi")


def test_next_sentence_of_an_attributed_quote_keeps_the_speaker() -> None:
    text = "Intro\n‘We are leaving now,’ the envoy, Jeanine Hennis-Plasschaert, told the BBC. ‘It is the right time.’"
    quotes = extract(text)
    assert [(q.kind, q.speaker_as_written) for q in quotes] == [(STATEMENT, "Jeanine Hennis-Plasschaert")] * 2
    split = extract('Intro\n"What we need now," said Hussein, "is a clear timetable."')
    assert [q.speaker_as_written for q in split] == ["Hussein", "Hussein"]


def test_paragraph_ending_with_a_colon_introduces_the_next() -> None:
    text = "Intro\nIn a televised address, Prime Minister Mustafa al-Kadhimi said:\n“Iraq will not be a battlefield.”"
    assert who(only(text)) == ("Mustafa al-Kadhimi", "Prime Minister", None)
    plain = "Intro\nPrime Minister Mustafa al-Kadhimi spoke on Sunday.\n“Iraq will not be a battlefield.”"
    assert only(plain).speaker_as_written is None


def test_so_called_names_are_terms() -> None:
    assert only('Intro\nThe so-called "Islamic State" group lost its last territory.').kind == TERM
    assert only('Intro\nThe militia, known as the "Popular Mobilization Forces", rejected it.').kind == TITLE


def test_specific_titles_refer_back_only_to_a_matching_role() -> None:
    text = "Intro\nThe resident, Ali Hassan, said: “We are tired.”\n“We are ready,” the commander said."
    assert [q.speaker_as_written for q in extract(text)] == ["Ali Hassan", "the commander"]


def test_fragment_takes_the_speaker_of_its_sentence() -> None:
    text = (
        "Intro\nUS Defence Secretary Lloyd Austin announced last month that the combat mission would be concluded "
        'by the end of the year, with "no US forces with a combat role" to remain.'
    )
    quote = only(text)
    assert quote.kind == FRAGMENT
    assert who(quote) == ("Lloyd Austin", "US Defence Secretary", None)


def test_two_fragments_in_one_sentence_share_the_speaker() -> None:
    text = (
        'Intro\nAl-Haddad said the plan was "automation without guarantees" and amounted to "dismissal by other means".'
    )
    quotes = extract(text)
    assert [(q.kind, q.speaker_as_written) for q in quotes] == [(FRAGMENT, "Al-Haddad"), (FRAGMENT, "Al-Haddad")]


def test_participle_after_a_quote_keeps_the_speaker() -> None:
    text = (
        "Intro\nAl-Araji said, in a tweet through his official account on the Twitter platform, “Today we ended the"
        " last round of dialogue,” noting that “the relationship will continue in the field of training.” counseling."
    )
    quotes = extract(text)
    assert [(q.kind, q.speaker_as_written) for q in quotes] == [(STATEMENT, "Al-Araji"), (STATEMENT, "Al-Araji")]
    assert quotes[1].text.endswith("training.")


def test_split_quote_around_its_attribution() -> None:
    quotes = extract("Intro\n“We will leave,” the minister, Ana Ribeiro, said, “and we will not come back.”")
    assert [q.speaker_as_written for q in quotes] == ["Ana Ribeiro", "Ana Ribeiro"]


# ---------------------------------------------------------------- back-references


def test_pronoun_refers_back_to_the_last_named_speaker() -> None:
    text = (
        "Intro\n"
        "Major General Tahsin al-Khafaji, the spokesman for the Joint Operations Command, told the agency that most"
        " forces had left.\n"
        "“Only advisers remained,” Khafaji said.\n"
        'He pointed out that "the rest of the foreign forces will all leave within 15 days”.'
    )
    first, second = extract(text)
    assert who(first) == ("Khafaji", "the spokesman for the Joint Operations Command", None)
    assert second.speaker_as_written == "Khafaji"
    assert second.kind == STATEMENT


def test_generic_noun_refers_back() -> None:
    text = (
        "Intro\n"
        '"Today we completed the last round of dialogue," al-Araji wrote in a tweet.\n'
        '"The relationship with the coalition will continue," the official added.'
    )
    assert [q.speaker_as_written for q in extract(text)] == ["al-Araji", "al-Araji"]


def test_generic_noun_prefers_a_speaker_with_that_role() -> None:
    text = (
        "Intro\n"
        "Transport Minister Ana Ribeiro said: “The port must reopen.”\n"
        "“Forty vessels are waiting,” said Tomás Ribeiro, the port authority’s operations director.\n"
        "In a later interview, the minister said: “The government will not allow these talks to fail.”"
    )
    assert [q.speaker_as_written for q in extract(text)] == ["Ana Ribeiro", "Tomás Ribeiro", "Ana Ribeiro"]


def test_named_speaker_in_a_sentence_without_a_quote_is_an_antecedent() -> None:
    text = "Intro\nUS President Joe Biden said that no US forces would remain.\nHe added: “The mission is over.”"
    assert only(text).speaker_as_written == "Joe Biden"


def test_pronoun_without_antecedent_has_no_speaker() -> None:
    assert only("Intro\n“We are leaving,” he said.").speaker_as_written is None


def test_statement_speaks_for_its_issuer() -> None:
    text = (
        "Intro\n"
        "A statement issued by the joint operations, apparently in response to McKenzie’s statements, stated that"
        " “we confirm that the combat forces will leave Iraq.”\n"
        "The statement added, “It has been agreed between Iraq and the United States.”\n"
        "And the joint operations went on in its statement, “Most of these forces have already left.”\n"
        "“We reaffirm again what was issued yesterday’s statement,” the statement added."
    )
    quotes = extract(text)
    assert [q.speaker_as_written for q in quotes] == ["the joint operations"] * 4
    assert {q.kind for q in quotes} == {STATEMENT}


def test_statement_issuer_from_said_in_a_statement() -> None:
    text = (
        "Intro\n"
        "“Inflation remains above target,” the Monetary Policy Committee said in a statement.\n"
        "“Further tightening may be needed,” the statement added."
    )
    assert [q.speaker_as_written for q in extract(text)] == ["the Monetary Policy Committee"] * 2


def test_bare_surname_inherits_the_role_of_the_full_mention() -> None:
    text = (
        "Intro\n"
        "Iraqi national security advisor Qasim al-Araji has announced the end of the mission.\n"
        '"The relationship will continue," al-Araji said.'
    )
    assert who(only(text)) == ("al-Araji", "Iraqi national security advisor", None)


def test_relative_clause_does_not_hide_the_subject() -> None:
    text = (
        "Intro\nTransport Minister Ana Ribeiro, who is not related to him, said the government would „not allow the"
        " main port of the country to be paralysed for a week“."
    )
    quote = only(text)
    assert quote.kind == FRAGMENT
    assert who(quote) == ("Ana Ribeiro", "Transport Minister", None)


def test_described_as_takes_the_subject() -> None:
    text = (
        "Intro\nThe port authority, which described the walkout as «unacceptable», said in a statement that «the"
        " automation programme will go ahead as planned»."
    )
    first, second = extract(text)
    assert (first.kind, first.speaker_as_written) == (FRAGMENT, "The port authority")
    assert (second.kind, second.speaker_as_written) == (STATEMENT, "The port authority")


# ---------------------------------------------------------------- the seed articles


def seed(prefix: str) -> tuple[str, tuple[Quote, ...]]:
    """Return a seed file's text and its quotes, every line counted as body."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, extract_quotes(make_article(text, path.stem))


SEED_EXPECTATIONS: dict[str, list[tuple[str, QuoteKind, str | None]]] = {
    "000": [
        ("we confirm that the combat forces", STATEMENT, "the joint operations"),
        ("It has been agreed between Iraq", STATEMENT, "the joint operations"),
        ("Most of these forces have already left", STATEMENT, "the joint operations"),
        ("We reaffirm again what was issued", STATEMENT, "the joint operations"),
        ("officially", TERM, None),
        ("Today we ended the last round", STATEMENT, "Al-Araji"),
        ("the relationship will continue with the International Coalition", STATEMENT, "Al-Araji"),
        ("decisive battles", FRAGMENT, "Armed Shiite factions"),
    ],
    "001": [
        ("Only advisers and those working", STATEMENT, "Khafaji"),
        ("the rest of the foreign forces are small", STATEMENT, "Khafaji"),
        ("advisory", TERM, None),
    ],
    "002": [
        ("training, advising, assisting and intelligence-sharing role", FRAGMENT, None),
        ("Today, we have completed the last round", STATEMENT, "al-Araji"),
        ("The relationship with the international coalition", STATEMENT, "al-Araji"),
        ("no US forces with a combat role", FRAGMENT, "Lloyd Austin"),
        ("combat forces", TERM, None),
        ("caliphate", TERM, None),
    ],
    "003": [
        ("combat mission", TERM, "Iraq"),
        ("The international coalition led by the U.S.", STATEMENT, "Qasim Araji"),
        ("completion of the combat mission,", TERM, None),
        ('Iraq announces the end of the "combat missions"', STATEMENT, None),
        ("combat missions", TERM, None),
        ("the relationship with the international coalition will continue", FRAGMENT, "Al Arayi"),
    ],
    "004": [
        ("the last round of dialogue with the International Coalition", FRAGMENT, "Qasim al-Araji"),
        ("The relationship of Iraqi forces", STATEMENT, "al-Araji"),
        ("Deputy Chief of Staff", STATEMENT, "Sa’ad Ma’an"),
        ("upholding our commitment", STATEMENT, "coalition forces"),
        ("Individuals of the coalition forces", STATEMENT, "al-Araji"),
    ],
}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_quotes(prefix: str) -> None:
    _, quotes = seed(prefix)
    for needle, kind, speaker in SEED_EXPECTATIONS[prefix]:
        hits = [q for q in quotes if q.text == needle or (len(needle) > 20 and q.text.startswith(needle))]
        assert hits, f"{prefix}: {needle!r} not found"
        assert (hits[0].kind, hits[0].speaker_as_written) == (kind, speaker), needle


def test_seed_roles_and_relays() -> None:
    _, north = seed("004")
    assert who(find(north, "the last round")) == ("Qasim al-Araji", "Iraq’s national security advisor", None)
    assert who(find(north, "Deputy Chief")) == ("Sa’ad Ma’an", "commander of the Security Media Cell", None)
    assert who(find(north, "upholding")) == ("coalition forces", None, "Ma’an")
    _, sputnik = seed("002")
    assert who(find(sputnik, "no US forces")) == ("Lloyd Austin", "US Defence Secretary", None)
    _, telesur = seed("003")
    assert find(telesur, "The international coalition").speaker_role == "Iraqi National Security Advisor"


def test_seed_unclosed_quote_stays_in_its_paragraph() -> None:
    _, quotes = seed("004")
    unclosed = find(quotes, "upholding")
    assert "\n" not in unclosed.text
    assert unclosed.text.endswith("by the end of this year.")


def test_seed_apostrophes_make_no_quotes() -> None:
    for prefix in SEED_EXPECTATIONS:
        _, quotes = seed(prefix)
        for quote in quotes:
            assert not quote.text.startswith(("s ", "t ", "an ", "ad ")), quote.text


# ---------------------------------------------------------------- the hand-labelled gold files


def gold_cases() -> list[tuple[str, Path, Path]]:
    """Return the gold files present, with their corpus folders."""
    cases = [("seeds", EVAL / "gold_seeds.yml", SEEDS), ("extra", EVAL / "gold_extra.yml", EVAL / "extra")]
    return [case for case in cases if case[1].exists()]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past whitespace and punctuation, as the scorer does."""
    edge = " \n\t\u00a0.,;:!?\"'“”‘’«»„‚‹›()—–-"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return start, end


def plain(name: str | None) -> str | None:
    """Fold a speaker name for comparison: case and a leading ``the`` do not matter."""
    if name is None:
        return None
    folded = name.casefold()
    return folded[4:] if folded.startswith("the ") else folded


@pytest.mark.parametrize(("name", "gold_path", "corpus"), gold_cases())
def test_against_the_gold_file(name: str, gold_path: Path, corpus: Path) -> None:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    problems = []
    found: dict[str, list[tuple[tuple[int, int], Quote]]] = {}
    for entry in gold["quotes"]:
        if entry.get("optional"):
            continue
        path = next(p for p in corpus.iterdir() if p.stem == entry["source"])
        text = path.read_text(encoding="utf-8")
        if entry["source"] not in found:
            quotes = extract_quotes(make_article(text, entry["source"]))
            found[entry["source"]] = [(trimmed(text, q.start, q.end), q) for q in quotes]
        start = -1
        for _ in range(int(entry.get("occurrence", 1))):
            start = text.index(entry["text"], start + 1)
        span = trimmed(text, start, start + len(entry["text"]))
        hits = [q for s, q in found[entry["source"]] if s == span]
        label = f"{entry['source']}: {entry['text'][:40]!r}"
        if not hits:
            problems.append(f"missed {label}")
        elif (str(hits[0].kind), plain(hits[0].speaker_as_written)) != (
            entry["kind"],
            plain(entry.get("speaker_as_written")),
        ):
            problems.append(f"{label}: got {hits[0].kind}/{hits[0].speaker_as_written!r}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- pronouns, spokespeople, introductions


def test_he_refers_to_the_person_named_in_the_previous_sentence_not_the_last_speaker() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "“The port will stay shut,” union leader Marta Sorensen said on Monday.\n"
        "Henrik Dahl, the port director, rejected the offer on Friday. “We have been more than patient,” he said."
    )
    assert find(quotes, "We have been").speaker_as_written == "Henrik Dahl"


def test_he_skips_a_name_inside_a_prepositional_phrase() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "Lind, speaking after talks with his Danish counterpart Mette Holm, said the deal was close. "
        "“We are nearly there,” he said.\n"
        "Union leader Erik Moe called the strike on Monday. "
        "In a letter to Prime Minister Jonas Lind, he wrote: “We will strike until the cranes are removed.”"
    )
    assert find(quotes, "We are nearly").speaker_as_written == "Lind"
    assert find(quotes, "We will strike").speaker_as_written == "Erik Moe"


def test_she_follows_a_one_word_name_of_someone_named_in_full_earlier() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "“We are nearly there,” Prime Minister Jonas Lind said after meeting Mette Holm on Monday.\n"
        "Holm, who chairs the council, was more cautious. “Nothing is agreed until everything is agreed,” she said."
    )
    assert find(quotes, "Nothing is agreed").speaker_as_written == "Holm"


def test_a_pronoun_skips_people_the_article_gives_the_other_gender() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "“We will not wait,” said Tom Hale, the harbour master. Anna Berg, a spokeswoman for the shipping line, "
        "rejected the plan on Monday. “The ships will sail on time,” he said.\n"
        "“We will appeal,” Ms Ingrid Vold told reporters. Her lawyer, Karl Brandt, filed the papers on Tuesday. "
        "“The ruling ignores the evidence,” she said."
    )
    assert find(quotes, "The ships will").speaker_as_written == "Tom Hale"
    assert find(quotes, "The ruling ignores").speaker_as_written == "Ingrid Vold"


def test_a_given_name_tells_a_gender_the_article_does_not() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "Tennis great Billie Jean King remembered the champion, as did Andy Murray. “He was the best,” she said.\n"
        "Brenda Holt met Peter Dunn at the rally on Friday. “We will win this state,” he said."
    )
    assert find(quotes, "He was the best").speaker_as_written == "Billie Jean King"
    assert find(quotes, "We will win").speaker_as_written == "Peter Dunn"


def test_a_pronoun_with_no_one_named_nearby_means_the_articles_main_person() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "Labor Secretary Thomas Perez toured a factory in Ohio. Perez met workers, and Perez spoke at length.\n"
        "“It is too early to say,” said Evan Bayh, a former senator.\n"
        "The tour went on for hours. The weather was cold. The factory floor was loud and busy.\n"
        "“I leave that to others,” he says."
    )
    quote = find(quotes, "I leave that")
    assert (quote.speaker_as_written, quote.attribution) == ("Thomas Perez", "right+salient")


def test_a_pronoun_never_refers_to_a_state_or_an_outlet() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "Tom Lowe spoke at a rally in Clairsville, Ohio, after an interview with CBS News on Sunday. "
        "“They should speak English in public,” he said."
    )
    assert find(quotes, "They should").speaker_as_written == "Tom Lowe"


def test_he_never_refers_to_an_organisation_or_a_group() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "“The port is closed,” harbour master Tom Hale said on Monday. The Harbour Authority rejected the offer. "
        "Crane operators said the machines were unsafe. “We had no choice,” he said.\n"
        "The Harbour Workers Union rejected the plan. “This is madness,” he said."
    )
    assert find(quotes, "We had no choice").speaker_as_written == "Tom Hale"
    assert find(quotes, "This is madness").speaker_as_written == "Tom Hale"


def test_it_still_refers_to_an_organisation() -> None:
    quote = find(
        extract("Intro line of the story\nThe ministry said the talks would resume. “We remain committed,” it said."),
        "We remain",
    )
    assert quote.speaker_as_written == "The ministry"


@pytest.mark.parametrize(
    ("sentence", "speaker", "role", "relay"),
    [
        (
            "A spokeswoman for the Harbour Authority told Reuters: “We are studying the proposal.”",
            "the Harbour Authority",
            "spokeswoman",
            "Reuters",
        ),
        ("“We are studying the proposal,” a Harbour Authority spokesman said.", "Harbour Authority", "spokesman", None),
        ("“We are studying the proposal,” the ministry’s press office said.", "the ministry", "press office", None),
        ("Henrik Dahl’s office said in a statement that he “has done nothing wrong”.", "Henrik Dahl", "office", None),
        ("“We are studying the proposal,” a Norwegian spokeswoman said.", "a Norwegian spokeswoman", None, None),
    ],
)
def test_a_spokesperson_or_an_office_speaks_for_its_owner(
    sentence: str, speaker: str, role: str | None, relay: str | None
) -> None:
    assert who(only(f"Intro line of the story\n{sentence}")) == (speaker, role, relay)


def test_a_named_spokesman_stays_the_speaker() -> None:
    quote = only("Intro\n“Every day costs us money,” Lars Berg, the spokesman for Nordic Ferries, said.")
    assert who(quote) == ("Lars Berg", "the spokesman for Nordic Ferries", None)


def test_a_pronoun_means_the_office_holder_just_reported_speaking() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "Turkish President Recep Tayyip Erdogan visited Hatay on Wednesday.\n"
        "The opposition leader, Kemal Kilicdaroglu, disagreed. “It is Erdogan,” he said.\n"
        "The president rejected the accusation and said unity was required, “I cannot stomach negative campaigns,” "
        "he told reporters."
    )
    assert find(quotes, "I cannot stomach").speaker_as_written == "The president"


def test_the_spokeswoman_refers_back_to_her_organisation() -> None:
    quotes = extract(
        "Intro line of the story\n"
        "A spokeswoman for the Harbour Authority told Reuters the talks were difficult. "
        "The spokeswoman added: “We are studying the proposal.”"
    )
    assert who(find(quotes, "We are studying")) == ("the Harbour Authority", "spokeswoman", None)


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "Port director Henrik Dahl hit back on Facebook: “Nobody will blackmail this port.”",
            "Henrik Dahl",
            "Port director",
        ),
        (
            "Transport Minister Ana Lopes, who visited the docks on Monday, tried to calm tempers: "
            "“Nobody will lose their job.”",
            "Ana Lopes",
            "Transport Minister",
        ),
        (
            "For her part, Ana Lopes rejected the claims in a post on Telegram: “Nobody will lose their job.”",
            "Ana Lopes",
            None,
        ),
        ("Henrik Dahl chaired the meeting. Dahl’s verdict: “The cranes stay.”", "Dahl", None),
        ("Henrik Dahl chaired the meeting. Dahl’s message to the union was blunt — “The cranes stay.”", "Dahl", None),
    ],
)
def test_the_subject_of_a_clause_ending_in_a_colon_or_dash_speaks(
    sentence: str, speaker: str, role: str | None
) -> None:
    quote = only(f"Intro line of the story\n{sentence}")
    assert (quote.kind, quote.speaker_as_written, quote.speaker_role) == (STATEMENT, speaker, role)


@pytest.mark.parametrize(
    "sentence",
    [
        "Fans outside the stadium chanted: “We want our club back, we want it now.”",
        "Dahl’s verdict: “The cranes stay.”",
        "More on this topic: “The cranes stay for good, says the port”",
    ],
)
def test_a_colon_gives_no_speaker_without_a_named_subject(sentence: str) -> None:
    assert only(f"Intro line of the story\n{sentence}").speaker_as_written is None


def test_a_colon_before_short_pieces_does_not_make_statements() -> None:
    quotes = extract("Intro line of the story\nThe union listed its demands: “a pay rise” and “job guarantees”.")
    assert all(q.kind != STATEMENT for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The Harbour Authority (HA) limited itself to saying that talks were “continuing in good faith”.",
            "The Harbour Authority",
        ),
        (
            "The Nordic Shipping Council rejected the claims, saying the figures were “plainly wrong”.",
            "The Nordic Shipping Council",
        ),
        (
            "Residents displaced by the fighting said they had “nothing left to go back to”.",
            "Residents displaced by the fighting",
        ),
        (
            "The story is developing, but the Prime Minister made a short statement, saying, “I cannot deliver.”",
            "the Prime Minister",
        ),
        (
            "Then the Turkish president appealed to the population, asking them “not to give credit to rumours”.",
            "the Turkish president",
        ),
        ("Officials based in Geneva said the talks had “no end in sight”.", "Officials based in Geneva"),
    ],
)
def test_a_speaker_name_stops_at_its_verb(sentence: str, speaker: str) -> None:
    assert only(f"Intro line of the story\n{sentence}").speaker_as_written == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Greta Lindqvist endorsed Dahl last week, saying he had "
            "“done more for this port than anyone in a generation.”",
            "Greta Lindqvist",
        ),
        (
            "Speaking at a rally in Malmo, Sweden, Dahl attacked mayor Olsson, calling him “a coward.”",
            "Dahl",
        ),
        (
            "The crane operators met Greta Lindqvist on Friday, Dahl said, adding that the talks were “over for now.”",
            "Dahl",
        ),
    ],
)
def test_a_participle_speaks_for_the_subject_it_hangs_on(sentence: str, speaker: str) -> None:
    (quote,) = extract(f"Intro line of the story\nHenrik Dahl leads the union.\n{sentence}")
    assert quote.speaker_as_written == speaker


def test_a_capitalised_conjunction_opening_a_sentence_is_no_name() -> None:
    text = (
        "Intro line of the story\nHenrik Dahl spoke to the dockers on Friday.\n"
        "If states fail to act, the ministry can step in, Dahl said. Like Dahl, the crews start at dawn.\n"
        "“That is still something the ministry should do,” he said."
    )
    assert only(text).speaker_as_written == "Dahl"


@pytest.mark.parametrize(
    ("sentence", "verbs"),
    [
        ("Dahl rubbished Olsson’s claim to speak for the crews.", []),
        ("The union's claims and the mayor’s comments came late.", []),
        ("Dahl’s said before that the port must stay open.", ["said"]),
        ("She's warning that the crews are tired.", ["warning"]),
    ],
)
def test_a_reporting_verb_after_a_possessive_is_a_noun(sentence: str, verbs: list[str]) -> None:
    assert [m.group() for m in reporting_verbs(sentence)] == verbs


def test_a_middle_initial_a_is_no_article() -> None:
    quote = only(
        "Intro line of the story\n“We were not happy at first,” said Jock A. Lindqvist, head of the port board."
    )
    assert quote.speaker_as_written == "Jock A. Lindqvist"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We are anxious,” said another Twitter user, Johanna Bayer.", "Johanna Bayer"),
        ("“It is irresistible,” said Mr. Nevins of Harbourline.", "Nevins"),
    ],
)
def test_speakers_written_after_said(sentence: str, speaker: str) -> None:
    assert only(f"Intro line of the story\n{sentence}").speaker_as_written == speaker


def test_said_x_closing_the_sentence_after_a_quotation_and_more_words() -> None:
    text = (
        "Intro line of the story\n“The crews have been setting the pace for the whole port,” in sharp contrast "
        "to earlier strikes when the union led the talks, said Greta Lindqvist, a historian at the maritime museum."
    )
    assert only(text).speaker_as_written == "Greta Lindqvist"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Dahl says he was “kind of riding the fence” until Olsson said she was backing the plan.", "Dahl"),
        ("Dahl said the deal could be “the best of both worlds,” giving crews more say over their shifts.", "Dahl"),
        (
            "Dahl said he voted against it because “they put some unnecessary stuff in that bill,” including "
            "rules he said would slow the cranes.",
            "Dahl",
        ),
    ],
)
def test_words_going_on_after_a_quotation_name_no_speaker(sentence: str, speaker: str) -> None:
    text = f"Intro line of the story\nHenrik Dahl and Greta Olsson spoke on Friday.\n{sentence}"
    assert only(text).speaker_as_written == speaker


def test_a_subject_after_a_comma_still_speaks_after_going_on() -> None:
    text = (
        "Intro line of the story\nHenrik Dahl spoke on Friday. “You cannot even begin until you prove to "
        "people” that the port is safe, he said."
    )
    assert only(text).speaker_as_written == "Henrik Dahl"


@pytest.mark.parametrize("verb", ["answered", "jokes", "demurred", "responds"])
def test_more_reporting_verbs_before_a_quotation(verb: str) -> None:
    text = f"Intro line of the story\nHenrik Dahl was asked whether he would stay. He {verb}, “I have no idea.”"
    assert only(text).speaker_as_written == "Henrik Dahl"


def test_an_adverb_after_a_closing_mark_goes_on_with_the_sentence() -> None:
    text = (
        "Intro line of the story\nAsked about the strike, Henrik Dahl said, “You tell me,” repeatedly, "
        "before he stopped and started writing in his notebook."
    )
    assert only(text).speaker_as_written == "Henrik Dahl"


def test_a_name_before_a_title_is_no_antecedent() -> None:
    text = (
        "Intro line of the story\nFormer Harbourline CEO Greta Lindqvist named her favourite ship. "
        "“The Nordic Star,” she said, “although I have not sailed it for years!”"
    )
    assert {q.speaker_as_written for q in extract(text)} == {"Greta Lindqvist"}


def test_a_quotation_alone_in_its_paragraph_goes_on_with_the_speaker_just_reported() -> None:
    text = (
        "Intro line of the story\nHarbour master Greta Lindqvist said the port would not close this winter.\n"
        "“That is because this port carries half the country’s grain, and the crews know it.”\n"
        "The ferries left on time."
    )
    assert only(text).speaker_as_written == "Greta Lindqvist"


def test_a_quotation_alone_in_its_paragraph_after_plain_narration_has_no_speaker() -> None:
    text = (
        "Intro line of the story\nGreta Lindqvist sailed into the port on Friday.\n"
        "“That is because this port carries half the country’s grain, and the crews know it.”"
    )
    assert only(text).speaker_as_written is None


def test_a_quotation_goes_on_in_the_next_paragraph_after_a_long_attribution() -> None:
    text = (
        "Intro line of the story\n“The report sheds light on lax security at the port,” said Greta Lindqvist, "
        "a harbour board member from Malmo who chairs the board’s committee on safety, shipping and customs.\n"
        "“The intent to evade oversight is a serious offense.”"
    )
    assert {q.speaker_as_written for q in extract(text)} == {"Greta Lindqvist"}


def test_a_paragraph_signing_the_quotation_before_it_names_its_speaker() -> None:
    text = (
        "Intro line of the story\n“The port has never been busier, and the crews deserve the credit.”\n"
        "— Greta Lindqvist.\nThe figures tell another story.\n“We will finish the new quay by spring.”\n"
        "- lower fees for small boats."
    )
    quotes = extract(text)
    assert [q.speaker_as_written for q in quotes] == ["Greta Lindqvist", None]


def test_a_titled_name_of_a_place_owns_its_appositive() -> None:
    who = subject_phrase("Rep. Greta Lindqvist of Malmo, an ally of the GOP leadership, ")
    assert who is not None and (who.text, who.role) == ("Greta Lindqvist", "an ally of the GOP leadership")


@pytest.mark.parametrize("verb", ["shot back", "fired back"])
def test_shot_back_reports_speech(verb: str) -> None:
    text = (
        "Intro line of the story\nGreta Lindqvist accused Henrik Dahl of stalling the talks.\n"
        f"“Greta wants to look tough tonight,” Dahl {verb}. “Let me finish.”"
    )
    assert [q.speaker_as_written for q in extract(text)] == ["Dahl", "Dahl"]


def test_the_subject_after_so_that_speaks_not_the_names_before() -> None:
    text = (
        "Intro line of the story\nThe debate between Dahl and Olsson grew so heated over the quay that "
        "Port Director Greta Lindqvist said, “I feel like I need a translator for this port.”"
    )
    assert only(text).speaker_as_written == "Greta Lindqvist"


def test_a_lower_case_word_inside_a_title_does_not_end_the_subject() -> None:
    text = (
        "Intro line of the story\nDahl campaign manager Greta Lindqvist hit back on Monday: "
        "“We have built a lead that nobody can overturn.”"
    )
    assert only(text).speaker_as_written == "Greta Lindqvist"


def test_as_x_put_it() -> None:
    text = (
        "Intro line of the story\nOr, as Greta Lindqvist, a former harbour master, put it: "
        "“The storms are no longer at sea. They are inside the port.”"
    )
    assert only(text).speaker_as_written == "Greta Lindqvist"


def test_an_interview_teaser_names_no_speaker() -> None:
    quote = only("Intro line of the story\nAlso read: “Cranes and crews” – interview with Henrik Dahl")
    assert quote.speaker_as_written is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "“The port will reopen within days, we are sure of it,” – a senior official at the ministry.",
            "a senior official",
        ),
        (
            "Dock workers blocked the gates, according to witnesses, “shouting for hours at the police lines”.",
            "witnesses",
        ),
    ],
)
def test_lower_case_speakers_are_people_nouns(sentence: str, speaker: str) -> None:
    assert only(f"Intro line of the story\n{sentence}").speaker_as_written == speaker


@pytest.mark.parametrize(
    ("sentence", "needle", "kind"),
    [
        ("Dahl’s verdict after the vote: “Nobody in this port is above the rules.”", "Nobody", STATEMENT),
        (
            "The mayor said the port would reopen, adding that “every ship will be cleared by Friday”.",
            "every",
            STATEMENT,
        ),
        ("The mayor said the port “would reopen” and that “every ship will be cleared by Friday”.", "would", FRAGMENT),
        ("The mayor said the port “would reopen” and that “every ship will be cleared by Friday”.", "every", STATEMENT),
        ("Asked about the layoffs, port director Henrik Dahl said only: “will be decided later”.", "will", FRAGMENT),
        (
            "Asked about the layoffs, port director Henrik Dahl said only: “Nothing is decided yet.”",
            "Nothing",
            STATEMENT,
        ),
    ],
)
def test_kinds_of_introduced_and_that_clause_quotations(sentence: str, needle: str, kind: QuoteKind) -> None:
    text = f"Intro line of the story\nHenrik Dahl chaired the meeting. {sentence}"
    assert find(extract(text), needle).kind == kind


# ---------------------------------------------------------------- the names scan


@pytest.mark.parametrize(
    ("raw", "word", "offset", "sentence_end", "clause_break", "closes_run"),
    [
        ("Dr.", "Dr", 0, False, False, True),
        ("Smith.", "Smith", 0, True, False, True),
        ("said,", "said", 0, False, True, True),
        ("Maan’s", "Maan’s", 0, False, False, True),
        ("—", "—", 0, False, True, False),
        ("“Smith", "Smith", 1, False, False, False),
        ("(AP)", "AP", 1, False, False, True),
    ],
)
def test_the_names_scan_reads_a_token_the_same_wherever_it_stands(
    raw: str, word: str, offset: int, sentence_end: bool, clause_break: bool, closes_run: bool
) -> None:
    info = _token_info(raw)
    assert info is not None
    assert (info.word, info.offset) == (word, offset)
    assert (info.sentence_end, info.clause_break, info.closes_run) == (sentence_end, clause_break, closes_run)
    assert _token_info("...") is None


def test_pronouns_find_people_named_with_the_same_tokens_elsewhere() -> None:
    text = (
        "Dr. Jane Okafor visited the port.\n"
        "She said: “We will reopen the terminal.”\n"
        "Dr. Jane Okafor left on Friday. She added: “Talks go on.”"
    )
    quotes = [q for q in extract(text) if q.kind is STATEMENT]
    assert [q.speaker_as_written for q in quotes] == ["Jane Okafor", "Jane Okafor"]


# ---------------------------------------------------------------- verbs that are nouns, places that are no people


def test_a_reporting_word_used_as_a_noun_names_no_speaker() -> None:
    text = (
        "Mayor Ruth Calder announced her departure on Monday.\n"
        "It came after a week of turmoil inside City Hall, with calls for a new vote.\n"
        "Speaking outside the town hall, she said: “I am proud of what we built.”"
    )
    assert only(text).speaker_as_written == "Ruth Calder"


@pytest.mark.parametrize(
    "sentence",
    [
        "“We followed every rule,” testified Owen Marsh, the site manager.",
        "Owen Marsh retorted: “We followed every rule.”",
        "“We followed every rule,” Owen Marsh insists.",
    ],
)
def test_less_common_reporting_verbs(sentence: str) -> None:
    assert only(sentence).speaker_as_written == "Owen Marsh"


def test_a_verb_without_its_subject_goes_to_the_person_just_named() -> None:
    text = (
        "La presidenta del Banco Central, Elena Prats, dijo que la medida era urgente.\n"
        "“No es un rescate, es una solución comercial”, declaró en una rueda de prensa en Madrid."
    )
    assert only(text).speaker_as_written == "Elena Prats"


def test_a_person_the_sentence_goes_on_about_is_its_subject() -> None:
    text = (
        "The strike ended on Friday, and the union held a vote on the offer.\n"
        "The mood contrasted with the airline's chief executive, Rosa Lind, who was close to tears.\n"
        "“This is a sad day for all of us,” she said."
    )
    assert only(text).speaker_as_written == "Rosa Lind"


# ---------------------------------------------------------------- Arabic copy


def test_arabic_verb_then_subject_names_the_speaker() -> None:
    text = (
        'وقال وزير الخارجية سامي بدران: "لن نقبل بهذا الاتفاق".\n'
        'وأضاف الوزير قائلا: "سنواصل العمل مع شركائنا"، وأردف: "الوضع صعب".'
    )
    quotes = extract(text)
    assert [q.speaker_as_written for q in quotes] == ["سامي بدران"] * 3
    assert quotes[0].speaker_role == "وزير الخارجية"


def test_arabic_verb_without_subject_takes_the_subject_of_the_verb_before() -> None:
    text = 'اعترف رئيس الوزراء خالد منصور بوجود أخطاء وقال إن "الاستعداد لكارثة كهذه غير ممكن".'
    assert only(text).speaker_as_written == "خالد منصور"


def test_a_name_after_a_title_with_of_is_the_subject() -> None:
    text = (
        "After Mayor Ines Faro's defeat, the Leader of the Green Party Sir Tom Hale attacked the council.\n"
        "“That is the choice now,” he said."
    )
    assert only(text).speaker_as_written == "Tom Hale"


def test_a_middle_initial_keeps_the_name_whole() -> None:
    text = "Sander M. Levin spoke to delegates on Monday.\n“We are close to a deal,” he said."
    assert only(text).speaker_as_written == "Sander M. Levin"


def test_a_capitalised_preposition_opens_no_name() -> None:
    text = (
        "Senator Clara Boyd campaigned in Ohio on Monday.\n"
        "Of Sanders, she said little. “I think we are the stronger ticket,” she said."
    )
    assert find(extract(text), "I think").speaker_as_written == "Clara Boyd"


def test_a_quotation_after_the_attribution_sentence_of_the_one_before_continues_it() -> None:
    text = (
        "“This is a real chance,” said Gov. Dale Furst of Montana, a former rival of the nominee "
        "who has since asked the party to unite behind him. “Voters want a change in the capital.”"
    )
    quotes = extract(text)
    assert [q.speaker_as_written for q in quotes] == ["Dale Furst", "Dale Furst"]
    assert quotes[1].attribution == "continued"


def test_a_quotation_after_a_sentence_about_its_speaker_resumes_the_speech() -> None:
    text = (
        "“Immigration is important, but it is education,” says Melissa Roloson, 32, who works in retail. "
        "Roloson supports a Democrat in the presidential race, as do most of the people she works with at the "
        "store. “I have student loans, and I don't have a great job.”"
    )
    quote = find(extract(text), "I have student")
    assert (quote.speaker_as_written, quote.attribution) == ("Melissa Roloson", "resumed")


def test_a_quotation_standing_after_a_reported_sentence_is_its_speakers() -> None:
    text = (
        "The panel met on Monday. Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are "
        "running out of time to find an alternative.”"
    )
    quote = only(text)
    assert (quote.speaker_as_written, quote.attribution) == ("Dianne Bystrom", "introduced")


def test_a_quotation_after_a_sentence_reporting_he_or_she_is_the_pronouns_person() -> None:
    text = (
        "Hillary Clinton spoke on Monday. Asked about the charge, she said she and Barack Obama had made "
        "progress. “I really believe that the president has done an incredible job against great odds.”"
    )
    quote = only(text)
    assert (quote.speaker_as_written, quote.attribution) == ("Hillary Clinton", "introduced+pronoun")
    unresolved = "The weather turned. Then he said the plan had worked. “We got there in the end.”"
    assert only(unresolved).speaker_as_written is None


def test_a_given_name_spelled_like_a_verb_is_a_name() -> None:
    text = "Intro\n“It is a pretty expensive business model,” said Will Doyle, a professor at Vanderbilt University."
    assert only(text).speaker_as_written == "Will Doyle"
    assert only("Intro\n“It is over,” Said Ali said.").speaker_as_written == "Said Ali"


def test_a_sentence_opened_by_a_connective_goes_on_with_the_quoted_speaker() -> None:
    text = (
        "Intro\n“He is supposed to be a cheerleader for this country,” Trump said. Instead, “he just acts "
        "like a defeated man.”"
    )
    quote = find(extract(text), "he just acts")
    assert (quote.speaker_as_written, quote.attribution) == ("Trump", "continued")
    other = "Intro\n“He is a cheerleader,” Trump said. Instead of that, “a defeated man” was seen."
    assert find(extract(other), "a defeated man").attribution != "continued"


def test_she_does_not_take_a_possessor_or_a_man_named_by_surname() -> None:
    text = (
        "Intro\nDonald Trump won in Iowa. Voters were split.\n"
        "“I am not sure where I stand on him,” says Acs, a student. Trump's support nationwide means "
        "“he must be doing something right,” she says."
    )
    assert find(extract(text), "he must be").speaker_as_written == "Acs"


def test_an_unlisted_verb_after_a_quotation_needs_a_person() -> None:
    quote = only("Intro\n“We will not give up on this state,” a campaign aide fumed.")
    assert quote.speaker_as_written == "a campaign aide"
    assert only("Intro\n“We will not give up on this state,” a motto painted on the wall.").speaker_as_written is None


def test_a_participle_after_a_quotation_hangs_on_the_sentences_subject() -> None:
    text = (
        "Intro\nPhil Kerpen is a conservative activist. Kerpen needled the CNN “reporter,” saying, “A reporter "
        "who tweets on request!”"
    )
    quote = find(extract(text), "A reporter")
    assert (quote.speaker_as_written, quote.attribution) == ("Kerpen", "left")


def test_a_frame_after_a_quotation_ending_its_sentence_belongs_to_the_next() -> None:
    text = "Intro\n“We are refugees,” Ms. Alawee said. “We are not thieves.” Mr. Zahed said: “We ran from this.”"
    quotes = extract(text)
    assert [q.speaker_as_written for q in quotes] == ["Alawee", "Alawee", "Zahed"]


def test_a_verb_after_a_quotation_ending_its_sentence_starts_another() -> None:
    text = (
        "Intro\nMorris says the campaign will pursue federal matching funds and will “compete vigorously "
        "for the nomination.” O’Malley’s move was first reported by MSNBC."
    )
    assert only(text).speaker_as_written == "Morris"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Jon Reyes spoke last. “It is clear that his ideas do not work at all,” he often says.", "Jon Reyes"),
        ("Domestically, Senator Rita Vance called the plan “unfit to serve.”", "Rita Vance"),
        ("Mr. Biden, recalling weekly breakfasts with Mrs. Clinton, called himself her “Obama whisperer.”", "Biden"),
        ("Sen. Rita Vance spoke. Here in Columbia, Vance stepped up her attacks, saying, “We must act.”", "Vance"),
        (
            "But Sen. Rita Vance (D-Ill.), noting the size of the crowd, said, “Let me tell you, it is huge.”",
            "Rita Vance",
        ),
        (
            "But Tom Miller, at a firm called Gavekal, argues that as ties deepen, “its influence will grow.”",
            "Tom Miller",
        ),
        (
            "Gingrich — mentioned by Newsmax as the leading choice — told Fox News that “you have to look at it.”",
            "Gingrich",
        ),
        (
            "Even people who endorsed the plan sounded equivocal: Former Rep. Jane Harman called it “the least bad "
            "option under the circumstances.”",
            "Jane Harman",
        ),
        (
            "The home was turned into a museum. Said Dorothy Poynter, a neighbour, “We were all so proud.”",
            "Dorothy Poynter",
        ),
        (
            "Mr. Slinker, whose latest start-up, Paradata, uses big data, said: “He is a start-up kind of guy.”",
            "Slinker",
        ),
    ],
)
def test_words_around_a_subject_are_no_part_of_it(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker  # the pronoun resolved, not ``he often``


def test_a_quotation_after_a_long_reporter_passage_is_not_continued() -> None:
    text = (
        "“This is a real chance,” said Dale Furst, the governor. Critics in the state legislature and in "
        "the farming lobby were far from convinced by the plan. “We doubt it.”"
    )
    assert find(extract(text), "We doubt").speaker_as_written is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“It is a fair deal,” said Gov. Dale Furst of Montana, a former rival.", "Dale Furst"),
        ("“It is a fair deal,” said Nora Quist of the Civic Budget Institute.", "Nora Quist"),
        ("Nora Quist of the Civic Budget Institute said: “It is a fair deal.”", "Nora Quist"),
        ("Secretary of State Alan Pike said: “It is a fair deal.”", "Alan Pike"),
    ],
)
def test_a_person_of_a_place_or_an_organisation(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker_as_written == speaker


def test_a_frame_before_a_closed_sentence_beats_the_next_sentence() -> None:
    text = (
        "Intro\nAsked about it, Rosa Vidal said, “We have a problem we try to overlook.” "
        "The star then recalled an incident at a theatre."
    )
    assert only(text).speaker_as_written == "Rosa Vidal"
    kept = "Intro\nRosa Vidal spoke at length. “We have a problem we try to overlook,” said Ines Marr."
    assert only(kept).speaker_as_written == "Ines Marr"


def test_the_subject_of_a_clause_after_that_is_the_speaker() -> None:
    text = (
        "Intro\nThe debate grew so heated over who backed which bill that Gov. Dale Furst said, “I need a converter.”"
    )
    assert only(text).speaker_as_written == "Dale Furst"
    relative = "Intro\nNora Quist, clad in a cape with lights that spelled the name Pike, said the vote was a “failure” if it fell."
    assert only(relative).speaker_as_written == "Nora Quist"


def test_the_subject_of_a_passive_verb_is_no_speaker() -> None:
    text = (
        "Intro\nDefence Secretary Lloyd Austin announced that the mission would be concluded by the end of the year, "
        "with “no forces with a combat role” to remain."
    )
    assert only(text).speaker_as_written == "Lloyd Austin"


def test_goes_on_reports_only_before_a_pause() -> None:
    text = "Intro\nBy contrast, Sen. Dale Furst said that once the Senate goes on recess, “I intend to help.”"
    assert only(text).speaker_as_written == "Dale Furst"
    assert only("Intro\n“It is a fair deal,” Dale Furst went on.").speaker_as_written == "Dale Furst"


def test_a_verb_inside_the_clause_an_earlier_verb_reports_gives_way() -> None:
    text = "Intro\nSen. Dale Furst said that after what was announced on Monday, “I intend to help.”"
    assert only(text).speaker_as_written == "Dale Furst"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We will win this,” said Billie Jean King.", "Billie Jean King"),
        ("Representative Peter T. King of New York said: “We will win this.”", "Peter T. King"),
        ("“We will win this,” said Pope Francis.", "Francis"),
    ],
)
def test_a_title_word_after_a_given_name_is_the_surname(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_a_dateline_and_a_time_are_no_part_of_the_speaker() -> None:
    text = (
        "Intro\nJOHANNESBURG: Prime Minister Dale Furst on Wednesday hailed the mission and said “We are on the moon”."
    )
    assert only(text).speaker_as_written == "Dale Furst"


def test_he_refers_to_the_one_speaker_the_sentence_before_reports() -> None:
    text = (
        "Intro\nPike's claim that Quist and Lind had hurt the troops was false, Dale Furst said.\n"
        "“It is a bunch of malarkey,” he said."
    )
    assert find(extract(text), "It is a bunch").speaker_as_written == "Dale Furst"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Dale Furst, who served in Iran, Turkey and France, praised the deal: “It is fair.”", "Dale Furst"),
        ("Following the lead of Alpha, which has done so, Omega promised: “It is fair.”", "Omega"),
        ("Rep. Ana Lind, a delegate supporting Pike, said: “It is fair.”", "Ana Lind"),
    ],
)
def test_the_subject_before_a_relative_clause_or_a_participle_object(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Dale Furst took the stage and told the crowd: “We will win.”", "Dale Furst"),
        ("Dale Furst jokingly offered the man a job, then said: “We will win.”", "Dale Furst"),
    ],
)
def test_an_irregular_past_or_an_adverb_ends_the_speaker_name(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_said_after_the_words_that_go_on_past_the_quotation() -> None:
    text = "Intro\n“This will be a challenge” for the party, said Ana Lind. “It is not easy.”"
    assert [q.speaker_as_written for q in extract(text)] == ["Ana Lind", "Ana Lind"]


def test_a_dash_after_the_closing_comma_still_reads_the_frame() -> None:
    text = "Intro\nDale Furst spoke in the town.\n“Our job was not easy”, - he said."
    assert only(text).speaker_as_written == "Dale Furst"


def test_a_headline_name_before_a_colon_is_the_speaker() -> None:
    found = extract("Intro line.\nDr. Ilse Varga: Tomas Brandt ‘Not Fit To Serve As Mayor.’\nIlse Varga said more.")
    assert [q.speaker_as_written for q in found] == ["Ilse Varga"]
    found = extract("Intro line.\nThe Latest: Varga defends ‘city values.’\nIlse Varga said more.")
    assert [q.speaker_as_written for q in found] != ["The Latest: Varga"]


def test_an_acronym_in_capitals_is_no_relative_pronoun() -> None:
    found = extract("Intro line.\n“The trend is down,” WHO Director-General Ilse Varga said at a news conference.")
    assert [q.speaker_as_written for q in found] == ["Director-General Ilse Varga"]
    found = extract("Intro line.\nThe minister, who spoke in Paris, said: “We are ready.”")
    assert [q.speaker_as_written for q in found] == ["The minister"]


@pytest.mark.parametrize(
    ("sentence", "needle", "speaker"),
    [
        (
            "Ann Carter spoke. Carter however said the plan was a “principled security network” for all.",
            "principled",
            "Carter",
        ),
        ("Jorge Ramos spoke. Ramos lamented that the “danger” came from the anger of voters.", "danger", "Ramos"),
    ],
)
def test_speaker_across_an_adverb_or_a_verb_after_a_one_word_quote(sentence: str, needle: str, speaker: str) -> None:
    assert find(extract(sentence), needle).speaker_as_written == speaker


def test_given_opening_a_sentence_is_no_name() -> None:
    quote = only("Given Marlow's success, his endorsements will carry “a great deal of weight” for many.")
    assert quote.speaker_as_written != "Given Marlow"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Dale Furst jokingly said: “We will win.”", "Dale Furst"),
        ("Senator Ana Lind quietly told reporters, “We will win.”", "Ana Lind"),
        ("Dale Furst's family quietly said: “We will win.”", None),
    ],
)
def test_an_adverb_of_manner_between_a_name_and_its_verb_is_dropped(sentence: str, speaker: str | None) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("«Nous devons le faire maintenant pour nos enfants», a indiqué Tedros, devant les médias.", "Tedros"),
        ("Tedros a souligné: «Nous devons le faire maintenant pour nos enfants».", "Tedros"),
        ("“Debemos hacerlo ahora por nuestros hijos y por el mundo”, ha dicho Sánchez.", "Sánchez"),
        ("„Wir müssen das jetzt für unsere Kinder und die Welt tun“, hat Scholz gesagt.", "Scholz"),
        ("Mais Tedros a déclaré: «Nous devons le faire maintenant pour nos enfants».", "Tedros"),
        ("“We must do this now for our children,” a spokesman said.", "a spokesman"),
    ],
)
def test_a_compound_past_in_french_spanish_or_german_reports(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_a_spanish_verb_without_a_subject_is_the_person_just_named() -> None:
    text = (
        "Intro\n«Con gran esperanza declaro que la emergencia ha terminado», explicó Tedros Adhanom Ghebreyesus.\n"
        "Seguido, manifestó: «Lo peor que podría hacer ahora cualquier país es bajar la guardia».\n"
        "Añadió: «No dudaré en convocar otro comité si el virus vuelve a poner en peligro nuestro mundo»."
    )
    assert [q.speaker_as_written for q in extract(text)] == ["Tedros Adhanom Ghebreyesus"] * 3


def test_a_quotation_in_an_article_titled_by_its_first_sentence_is_no_headline(tmp_path: Path) -> None:
    from digest.pipeline import analyse

    sentence = (
        "“Yesterday, the committee met for the 15th time and recommended to me that I declare an end to the "
        "emergency of international concern. I have accepted that advice,” Dr Tedros said."
    )
    (tmp_path / "a.txt").write_text(f"[ad_1]\n{sentence}\n[ad_2]\n", encoding="utf-8")
    (quote,) = analyse(tmp_path).quotes
    assert (quote.kind, quote.speaker_as_written) == (QuoteKind.STATEMENT, "Tedros")
    repeated = make_article("“We will win this fight together”\n“We will win this fight together”")
    assert {q.kind for q in extract_quotes(repeated)} == {QuoteKind.TITLE}


def test_a_decade_cut_short_is_no_quotation_mark() -> None:
    text = (
        "Intro\n''People remembered this piece and I wanted to bring it back to life,'' Mr. Singer said. "
        "''The challenge was to reconcile the man I observed in the late '90s with this iteration of him.''"
    )
    quotes = extract(text)
    assert [q.text[:13] for q in quotes] == ["People rememb", "The challenge"]
    assert quotes[1].text.endswith("this iteration of him.") and quotes[1].speaker_as_written == "Singer"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Zoe Saldana Asked Men Everywhere To “Stand Up And Be Counted With Us Today”", "Zoe Saldana"),
        ("Why Zoe Saldana Said: “Stand Up And Be Counted With Us Today”", "Zoe Saldana"),
        ("Mayor Said Ali Told The Crowd: “We Will Stand With Our Neighbours Today”", "Said Ali"),
    ],
)
def test_a_reporting_verb_of_a_title_case_line_is_read_as_a_verb(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_the_frame_closing_a_sentence_names_the_speaker_of_its_earlier_quotations() -> None:
    text = (
        "Intro\nGiven Sanders’ success, his endorsements will carry “a great deal of weight” and bring "
        "candidates the “grass-roots firepower” they need to win, DFA spokesman Neil Sroka said."
    )
    assert [q.speaker_as_written for q in extract(text)] == ["Neil Sroka", "Neil Sroka"]
    apart = "Intro\nCritics call it “a disaster.” The plan will “work,” Mayor Ana Ruiz said."
    assert [q.speaker_as_written for q in extract(apart)] == [None, "Ana Ruiz"]


def test_nobody_is_no_speaker() -> None:
    text = "Intro\nNobody asked about the rhetoric, so the president raised it. He called it “shameful” twice."
    assert only(text).speaker_as_written is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("It came from the radio host Charlie Sykes, who said: “We have spent years on this.”", "Charlie Sykes"),
        ("Then there was Charlie Sykes, who lamented, “We have spent years on this.”", "Charlie Sykes"),
        ("The team lost to the Giants, who said: “We have spent years on this.”", "the Giants"),
    ],
)
def test_a_relative_clause_speaks_for_the_person_the_clause_ends_on(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_a_promise_in_the_present_reports() -> None:
    text = "Intro\nDale Furst vows to fight. “They will call me within 24 hours,” he promises, and laughs."
    assert only(text).speaker_as_written == "Dale Furst"


@pytest.mark.parametrize(
    "sentence",
    [
        "Retired Army Col. Dale Furst started Maher’s rant when he brought up the bombing and later said, “We reject it.”",
        "Perez hit out, calling it a “wreck” and “outsourcer in chief,” and contrasted the Republican candidate, "
        "whom he described as “volatile,” with his own.",
    ],
)
def test_a_clause_is_never_a_speakers_name(sentence: str) -> None:
    for quote in extract(f"Intro\n{sentence}"):
        assert quote.speaker_as_written is None or not any(w.endswith("ed") for w in quote.speaker_as_written.split())


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "In other words, explained CBS moderator Nancy Cordes: “What does that have to do with donations?”",
            "Nancy Cordes",
        ),
        ("Dale Furst spoke. But, said Furst, “I do not want to drum up conflict with him.”", "Furst"),
    ],
)
def test_an_inverted_frame_after_a_short_lead(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Bloomberg pegged him at $2.9 billion, which Mr. Trump called “a disgrace,” blaming the rival.", "Trump"),
        ("The ire was directed at Bannon, who Beck on Wednesday called “a horrible, despicable human being.”", "Beck"),
        (
            "Yusuf al-Haddad, who heads the dockworkers' union, told reporters: “Only advisers remain.”",
            "Yusuf al-Haddad",
        ),
    ],
)
def test_the_subject_between_a_relative_word_and_its_verb_speaks(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_tweeted_written_with_a_capital_reports() -> None:
    text = "Intro\n“Not us but can’t argue with it!” Mike Murphy, the head of Right to Rise USA, Tweeted on Friday."
    assert only(text).speaker_as_written == "Mike Murphy"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Intro\nBen Carson spoke to voters.\n\nCarson did not name his rivals, but told supporters, “We win.”",
            "Carson",
        ),
        (
            "Intro\nBill Clinton spoke.\n\nHere’s Clinton in 1992: “Our new direction must rest on new realities.”",
            "Clinton",
        ),
        (
            "Intro\nJeffrey Jones spoke.\n\nWhat it means - More from Jones: “The partisanship of a state is a start.”",
            "Jones",
        ),
        (
            "Intro\nSanders was asked by host Bill Maher, who backs him, “Has the story moved a little bit, has it not?”",
            "Bill Maher",
        ),
    ],
)
def test_frames_that_name_the_speaker_outside_the_verbs_own_clause(text: str, speaker: str) -> None:
    assert only(text).speaker_as_written == speaker


def test_a_term_in_a_coordinated_clause_gets_no_speaker_from_it() -> None:
    text = (
        "Intro\nIran-allied Shia militias have expressed dissatisfaction with the July withdrawal agreement, and "
        "demanded that all US troops, not just 'combat forces', be pulled out."
    )
    assert only(text).speaker_as_written is None


@pytest.mark.parametrize(
    ("signature", "speaker"),
    [
        ("-President Obama, tweeting after Clinton’s speech.", "Obama"),
        ("-Michelle Marks, Philadelphia.", "Michelle Marks"),
        ("- the end of the day, everyone went home after a while.", None),
    ],
)
def test_a_signature_line_with_a_description_signs_the_quotation(signature: str, speaker: str | None) -> None:
    text = f"Intro\nReid spoke.\n\n“Great speech. She is tested. She is ready. She never quits.”\n\n{signature}"
    assert only(text).speaker_as_written == speaker


def test_a_post_or_statement_from_a_person_is_that_persons() -> None:
    text = (
        "Intro\nThe news will come with a bias, according to a statement from Arianna Huffington: “We will cover it.”"
    )
    quote = only(text)
    assert quote.speaker_as_written == "Arianna Huffington"
    later = (
        "Intro\nHillary Clinton spoke on Monday.\n\nThat news will come with a bias, according to a post from "
        "Arianna Huffington.\n\n“We will be covering the ways the campaign is unique in American politics,” she wrote."
    )
    assert only(later).speaker_as_written == "Arianna Huffington"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We want change,” Theresa May said.", "Theresa May"),
        ("Prime Minister Theresa May said: “We want change.”", "Theresa May"),
        ("“We want change,” Yin Myint May said.", "Yin Myint May"),
        ("The rebels may say: “We want change.”", None),
    ],
)
def test_may_after_a_given_name_is_a_surname(sentence: str, speaker: str | None) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“There never was a stand-down order,” said the base chief known as Bob, speaking publicly.", "Bob"),
        ("“We are afraid,” said a man identified only as Ahmed.", "Ahmed"),
    ],
)
def test_a_person_known_as_a_name_is_that_name(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_a_headline_in_title_case_is_no_persons_name() -> None:
    text = (
        "Intro\nUnderstated Perez Raises Political Profile\n\nFor Thomas Perez and the others, it is best to deflect.\n\n"
        "“I leave that to others,” he says during a car ride in Cleveland."
    )
    assert only(text).speaker_as_written in (None, "Perez", "Thomas Perez")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Clinton, a top aide said, “is very confident in the contrast” between her and Trump.", "a top aide"),
        ("Clinton, a top aide, said: “We are very confident in the contrast.”", "Clinton"),
        ("Hillary Clinton, a former senator said: “We are very confident in the contrast.”", "Hillary Clinton"),
        ("“Focus on something else,” said Republican pollster Whit Ayres -- author of 2016 and Beyond.", "Whit Ayres"),
        ("Besides Clinton, the crowd cheered. “We know we have got work to do,” Clinton told a crowd.", "Clinton"),
    ],
)
def test_who_speaks_where_a_name_and_a_description_stand_together(sentence: str, speaker: str) -> None:
    assert only(f"Intro\n{sentence}").speaker_as_written == speaker


def test_a_contraction_opening_a_question_is_no_speaker() -> None:
    text = "Intro\nDon’t Republicans run the risk? “Hillary should just do whatever she wants to do,” he said."
    assert only(text).speaker_as_written is None

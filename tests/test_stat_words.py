"""Statistics written without digits or with short magnitudes (issue 13): number words in a count or
share frame, shares as words, "600k" / "2.5M". Every sentence is written for this test."""

from __future__ import annotations

import pytest

from tests.test_statistics_realworld import figures, sourced

WORD_STATISTICS = [
    # a quantifier before a number word
    ("quantifier-de", "de", "Im Wohnheim leben heute mehr als zwanzig Studierende aus vier Ländern."),
    ("quantifier-en", "en", "Nearly twelve thousand people signed the letter within a week."),
    ("over-ten-de", "de", "Im Dorf wohnen über zwölf Familien, die den Hof gemeinsam bewirtschaften."),
    # a magnitude or percent after a number word
    ("magnitude-de", "de", "Weltweit nutzen zwei Millionen Menschen die Plattform jeden Tag."),
    ("percent-en", "en", "Sales rose by about eight percent compared with the spring."),
    # a group of people or organisations counted
    ("group-de", "de", "Zum Sommerfest kamen sieben ehrenamtliche Helfer aus dem Nachbarort."),
    ("group-en", "en", "The survey team visited fifteen households along the river."),
    # shares as words
    ("half-de", "de", "Laut der Erhebung nutzt knapp die Hälfte der Handwerksbetriebe noch Papierformulare."),
    ("third-en", "en", "Two thirds of respondents said they read the label first."),
    ("every-nth-de", "de", "Inzwischen heizt jeder dritte Haushalt im Landkreis mit einer Wärmepumpe."),
    ("n-of-ten-de", "de", "Sechs von zehn Unternehmen planen höhere Ausgaben für Weiterbildung."),
    ("one-in-en", "en", "One in five adults in the region has never used online banking."),
    # a small digit before a group noun, a count by its frame, what one wrote or won
    ("small-group-en", "en", "The studio was started by 4 designers who had met at college."),
    ("small-group-de", "de", "Das Projekt betreuen 3 Entwicklerinnen aus unserem Team."),
    ("last-count-en", "en", "We run several local groups, nine at last count, across the county."),
    ("authored-en", "en", "She has written three books on soil science and holds two patents."),
    ("won-de", "de", "Die Bäckerei hat seit der Gründung sieben Preise gewonnen."),
    # hyphenated fractions, "N out of M", multipliers
    ("two-thirds-en", "en", "Two-thirds of the farmers planted the new seed."),
    ("out-of-en", "en", "Four out of five dentists in the study chose the softer brush."),
    ("times-en", "en", "Teams with a shared dashboard were 3x more likely to hit their goal."),
    ("fold-de", "de", "Das Risiko steigt bei Rauchern auf das 6-fache."),
    # informal magnitudes
    ("k-en", "en", "The campaign reached 600k viewers in its first month."),
    ("m-en", "en", "The app now has 2.5M users across Europe."),
    ("mio-de", "de", "Der Verein sammelte im letzten Jahr 3 Mio. Euro an Spenden für den Umbau."),
    ("mio-lower-de", "de", "Die Förderrunde brachte dem Start-up rund 4 mio ein."),
]

NOT_WORD_STATISTICS = [
    # number words without a count frame: lists, choices, steps, small talk
    ("choices-de", "de", "Es gibt zwei Optionen, die wir Ihnen gern erklären."),
    ("tips-en", "en", "Here are three tips for a calmer morning."),
    ("list-de", "de", "Die drei Gründer stellen sich im Video vor."),
    ("people-remark-en", "en", "I met four wonderful people on that trip and we still talk every week."),
    ("family-de", "de", "Sie lebt mit ihrem Mann und zwei Kindern in einem kleinen Ort am See."),
    ("preposition-de", "de", "Die Luftzufuhr wird über zwei Klappen am Deckel gesteuert."),
    ("name-en", "en", "The Big Five firms dominate the market for audits."),
    ("half-time-en", "en", "Half the fun is getting there."),
    ("half-dough-de", "de", "Die Hälfte des Teigs kommt in die Form."),
    ("schedule-de", "de", "Das Team trifft sich jeden zweiten Tag und jede zweite Woche im Büro."),
    ("progress-de", "de", "Sie haben drei von fünf Modulen abgeschlossen."),
    # a reference list's number, a rule table's result
    ("reference-de", "de", "4 Deutsche Gesellschaft für Zahnmedizin: Leitlinie zur Prophylaxe."),
    # short magnitudes that are names or formats
    ("4k-en", "en", "The camera records 4K video with a wide lens."),
    ("3m-en", "en", "We bought the tape from 3M last spring."),
    # durations and ages that are no measurement, and capacities
    ("passed-en", "en", "It has been quiet here for a while: over two years have passed since our last post."),
    ("age-de", "de", "Der Verein erhält das mehr als siebzig Jahre alte Gebäude."),
    ("age-digits-de", "de", "Wir pflegen das über 70 Jahre alte Gebäude."),
    ("capacity-de", "de", "Inhouse-Kurse bieten wir ab etwa acht Teilnehmenden an."),
    ("capacity-digits-en", "en", "Group sessions run for about 12 participants."),
]


@pytest.mark.parametrize("name,lang,text", WORD_STATISTICS, ids=[c[0] for c in WORD_STATISTICS])
def test_word_statistics_found(name: str, lang: str, text: str) -> None:
    assert figures(text, lang), name


@pytest.mark.parametrize("name,lang,text", NOT_WORD_STATISTICS, ids=[c[0] for c in NOT_WORD_STATISTICS])
def test_not_word_statistics(name: str, lang: str, text: str) -> None:
    assert figures(text, lang) == [], name


def test_rule_result_is_no_count() -> None:
    """A rule table's computed result ("40 Beschäftigte → 2 Ersthelfer") is no counted group."""
    assert "2 Ersthelfer" not in figures("Beispiel: 40 Beschäftigte → 2 Ersthelfer", "de")


TIME_SINCE = [
    # a misspelt magnitude of years after "vor"/"ago" counts time since, not a measurement
    ("misspelt-magnitude-de", "de", "Vor 250 Millonen Jahren lebten hier die ersten Echsen."),
    ("misspelt-magnitude-en", "en", "The first reptiles lived here 250 milion years ago."),
]


@pytest.mark.parametrize("name,lang,text", TIME_SINCE, ids=[c[0] for c in TIME_SINCE])
def test_time_since(name: str, lang: str, text: str) -> None:
    assert figures(text, lang) == [], name


MORE_STATISTICS = [
    # a match's score where the sentence (or its short line) names the match
    ("score-de", "de", "Im Derby gewann der FC Nord mit 3:1 gegen den SV Süd."),
    ("score-line-en", "en", "Harbour Rovers vs. Hill Town 2 : 0"),
    # how long a past event took
    ("past-event-en", "en", "The new warehouse went live in 8 weeks."),
    ("past-event-de", "de", "Die Brücke wurde innerhalb von 14 Monaten fertiggestellt."),
    # a finding counted
    ("found-en", "en", "In the old archive the team found nine different kinds of paper."),
    ("found-de", "de", "Bei der Zählung im Park wurden achtzehn Brutpaare nachgewiesen."),
]

NOT_MORE_STATISTICS = [
    ("clock", "de", "Der Zug fährt um 16:14 ab."),
    ("ratio", "en", "The screen has an aspect ratio of 16:9."),
    ("promise-en", "en", "We deliver your order within 5 days."),
    ("promise-de", "de", "Sie erhalten die Unterlagen innerhalb von 3 Tagen."),
    ("find-en", "en", "You will find two forms on the next page."),
    ("press-twice-en", "en", "Press the button 2x to confirm the order."),
    ("framework-en", "en", "Our coaches have identified four habits that set strong teams apart."),
    ("one-of-two-de", "de", "Die Klasse wählte uns als eine von zwei gemeinnützigen Organisationen aus."),
    ("half-a-year-en", "en", "She moved to the design team about half a year ago."),
    ("bare-size-en", "en", "+512M"),
    ("career-en", "en", "Our founder spent almost six years at Northwind before starting the firm."),
    ("asked-en", "en", "We asked five experts what makes a team innovate."),
    ("capacity-de", "de", "Eine Beraterin für maximal 8 Personen und 2 Beraterinnen für maximal 16 Personen."),
]


@pytest.mark.parametrize("name,lang,text", MORE_STATISTICS, ids=[c[0] for c in MORE_STATISTICS])
def test_more_statistics_found(name: str, lang: str, text: str) -> None:
    assert figures(text, lang), name


@pytest.mark.parametrize("name,lang,text", NOT_MORE_STATISTICS, ids=[c[0] for c in NOT_MORE_STATISTICS])
def test_not_more_statistics(name: str, lang: str, text: str) -> None:
    assert figures(text, lang) == [], name


def test_table_rows_sourced_by_the_line_under_the_table() -> None:
    """A "Quelle:" line under a table sources each of its rows, not only the last."""
    text = (
        "Ergebnisse der Vorrunde\n"
        "Harbour Rovers vs. Hill Town 2 : 0\n"
        "Riverside vs. Old Mill 1 : 3\n"
        "Stand:\n"
        "Harbour Rovers\n"
        "3 Punkte\n"
        "Quelle: Kreisverband"
    )
    assert sourced(text) == ["2 : 0", "1 : 3"]

"""scoring.readability: syllables, sentence counts and the formulas, on hand-counted text.

The texts below are reused by tests/test_checks_depth.py. They were written for these tests:
plain German and English service text, realistic German expert prose (a heating contractor's
guide and a denser article on the GEG), German grant-notice legalese and English academic prose.
"""

# ruff: noqa: E501  (the texts keep one sentence per line, as a paragraph of main text)

from __future__ import annotations

import pytest

from scoring.core.text import split_sentences, words
from scoring.readability import (
    Prose,
    TextStats,
    ease_label,
    flesch_amstad,
    flesch_reading_ease,
    lix,
    prose,
    reading_ease,
    syllables,
    text_stats,
    wiener_sachtextformel,
)

DE_EXPERT = """\
Eine Wärmepumpe entzieht der Umgebung Wärme und hebt sie mit Hilfe von Strom auf ein Temperaturniveau, das für Heizung und Warmwasser genügt.
Entscheidend für die Wirtschaftlichkeit ist die Jahresarbeitszahl, also das Verhältnis von abgegebener Wärme zu eingesetztem Strom über ein ganzes Jahr.
Laut einer Feldstudie des Fraunhofer-Instituts für Solare Energiesysteme erreichen Luft-Wasser-Wärmepumpen in Bestandsgebäuden im Mittel eine Jahresarbeitszahl von 3,1.
Das bedeutet, dass aus einer Kilowattstunde Strom gut drei Kilowattstunden Wärme werden.
Wie gut eine Anlage im Altbau arbeitet, hängt vor allem von der Vorlauftemperatur ab.
Je niedriger diese Temperatur ist, desto effizienter läuft die Wärmepumpe.
Viele Heizkörper in älteren Häusern sind großzügig dimensioniert und kommen deshalb auch mit 50 Grad aus.
Bevor Sie sich entscheiden, sollte ein Energieberater die Heizlast des Gebäudes raumweise berechnen.
Diese Berechnung zeigt, ob einzelne Heizkörper getauscht werden müssen oder ob die vorhandenen ausreichen.
In vielen Fällen genügt es, zwei oder drei kleine Heizkörper durch größere Modelle zu ersetzen.
Eine vollständige Fußbodenheizung ist dagegen nur selten notwendig.
Auch die Dämmung spielt eine Rolle, doch sie muss nicht vor dem Einbau abgeschlossen sein.
Oft ist es sinnvoll, zuerst die oberste Geschossdecke zu dämmen, weil diese Maßnahme wenig kostet und viel bringt.
Für den Einbau einer Wärmepumpe gewährt der Staat derzeit eine Grundförderung von 30 Prozent der förderfähigen Kosten.
Hinzu kommen ein Klimageschwindigkeitsbonus für den Austausch alter Öl- und Gasheizungen sowie ein Einkommensbonus für Haushalte mit geringem Einkommen.
Insgesamt sind bis zu 70 Prozent Zuschuss möglich, allerdings nur bis zu einer Obergrenze von 30.000 Euro förderfähiger Kosten für die erste Wohneinheit.
Den Antrag stellen Sie bei der KfW, und zwar bevor Sie den Auftrag verbindlich unterschreiben.
Ein Liefer- und Leistungsvertrag mit einer aufschiebenden Bedingung ist dabei ausdrücklich erlaubt.
Rechnen Sie für die Planung, die Förderzusage und den Einbau insgesamt mit drei bis sechs Monaten.
Im Sommer sind die Wartezeiten bei den Fachbetrieben erfahrungsgemäß kürzer als im Herbst.
Wer frühzeitig plant, kann die alte Heizung bis zum letzten Tag weiter nutzen und vermeidet eine kalte Übergangszeit.
Nach der Inbetriebnahme lohnt sich ein Blick auf den Stromzähler, denn nur gemessene Werte zeigen, ob die Anlage so effizient arbeitet wie geplant.
Viele Hersteller bieten dafür eine App an, die den Verbrauch und die erzeugte Wärme Tag für Tag anzeigt.
Weicht die Jahresarbeitszahl deutlich von der Planung ab, sollte der Fachbetrieb die Heizkurve und die Einstellungen der Anlage prüfen."""

DE_DENSE = """\
Seit dem 1. Januar 2024 verpflichtet das novellierte Gebäudeenergiegesetz Eigentümer in Neubaugebieten, neue Heizungsanlagen mit mindestens 65 Prozent erneuerbarer Energie zu betreiben.
Für Bestandsgebäude greift diese Anforderung erst, wenn die kommunale Wärmeplanung vorliegt, in Großstädten also spätestens Mitte 2026 und in kleineren Gemeinden Mitte 2028.
Bis dahin dürfen defekte Gasheizungen weiterhin durch Gasheizungen ersetzt werden, allerdings ist eine verpflichtende Beratung vorgeschrieben, die auf mögliche Auswirkungen der Wärmeplanung und steigende CO2-Preise hinweist.
Ab 2029 müssen neu eingebaute Gasheizungen dann einen schrittweise steigenden Anteil an Biomethan oder Wasserstoff nutzen, beginnend mit 15 Prozent.
Für die Praxis bedeutet das: Wer heute eine fossile Heizung installiert, übernimmt ein erhebliches Kostenrisiko, weil sich die Brennstoffpreise durch den nationalen Emissionshandel absehbar erhöhen werden.
Der CO2-Preis liegt 2025 bei 55 Euro je Tonne und soll ab 2027 in den europäischen Emissionshandel übergehen, dessen Preisentwicklung derzeit nicht zuverlässig prognostizierbar ist.
Betriebswirtschaftlich sollte die Investitionsentscheidung deshalb auf einer Vollkostenrechnung über mindestens zwanzig Jahre beruhen, die Anschaffung, Förderung, Wartung und Energiekosten gemeinsam betrachtet.
In unseren Vergleichsrechnungen für typische Einfamilienhäuser der Baujahre 1960 bis 1980 schneidet die Luft-Wasser-Wärmepumpe dabei in nahezu allen Szenarien günstiger ab als ein neuer Gasbrennwertkessel.
Ausschlaggebend sind die Förderquote von bis zu 70 Prozent sowie die geringeren Betriebskosten, sofern die Jahresarbeitszahl mindestens 3,0 erreicht.
Ausnahmen bilden Gebäude mit sehr hoher Heizlast und kleinen Heizflächen, bei denen erst eine Teilsanierung der Gebäudehülle die erforderlichen niedrigen Vorlauftemperaturen ermöglicht.
Hier empfiehlt sich ein individueller Sanierungsfahrplan, der die Maßnahmen in eine sinnvolle Reihenfolge bringt und zusätzlich einen Förderbonus von fünf Prozentpunkten auslöst.
Die Kosten für den Sanierungsfahrplan werden ihrerseits zu 50 Prozent bezuschusst, sodass der Eigenanteil meist zwischen 800 und 1.500 Euro liegt.
Hybridheizungen, also die Kombination aus Wärmepumpe und Gaskessel für Spitzenlasten, können eine Übergangslösung darstellen, erhöhen jedoch die Investitions- und Wartungskosten spürbar.
Vor einer Entscheidung sollten Eigentümer zudem prüfen, ob ihr Grundstück in einem künftigen Fernwärmegebiet liegt, da ein Anschluss die Anforderungen des Gesetzes ohne weitere Nachweise erfüllt."""

DE_TAX = """\
Ab dem 1. Januar 2025 müssen alle Unternehmen in Deutschland elektronische Rechnungen empfangen können.
Das schreibt das Wachstumschancengesetz vor, das der Bundestag im März 2024 beschlossen hat.
Für das Ausstellen gelten Übergangsfristen: Bis Ende 2026 dürfen Sie weiterhin Papierrechnungen verschicken, mit Zustimmung des Empfängers auch PDF-Dateien per E-Mail.
Betriebe mit einem Vorjahresumsatz von höchstens 800.000 Euro haben sogar bis Ende 2027 Zeit.
Eine PDF-Datei ist allerdings keine E-Rechnung im Sinne des Gesetzes.
Gemeint sind strukturierte Datensätze nach der europäischen Norm EN 16931, zum Beispiel im Format XRechnung oder ZUGFeRD ab Version 2.0.1.
Der Vorteil: Die Daten lassen sich ohne Abtippen direkt in die Buchhaltung übernehmen.
Für kleine Betriebe stellt sich vor allem die Frage, welche Software sie brauchen.
Viele Buchhaltungsprogramme können E-Rechnungen bereits lesen und erzeugen, oft genügt ein Update.
Wer Rechnungen bisher mit Word oder Excel schreibt, sollte rechtzeitig auf ein geeignetes Programm umsteigen.
Wichtig ist außerdem die Archivierung: E-Rechnungen müssen acht Jahre lang unveränderbar und maschinell auswertbar aufbewahrt werden.
Ein Ausdruck auf Papier reicht dafür nicht aus.
Wir empfehlen, die Umstellung jetzt zu planen und nicht bis zum Ende der Übergangsfrist zu warten.
Sprechen Sie uns an, wenn Sie wissen möchten, welche Lösung zu Ihrem Betrieb passt."""

DE_BUREAU = """\
Die Inanspruchnahme der im Rahmen der Bundesförderung für effiziente Gebäude gewährten Zuwendungen setzt voraus, dass der Antragstellende vor Beginn der Durchführung der beantragten Maßnahme sämtliche nach Maßgabe der einschlägigen Richtlinienbestimmungen erforderlichen Nachweise einschließlich der von einer sachverständigen Energieeffizienzexpertin oder einem sachverständigen Energieeffizienzexperten zu erstellenden Bestätigung zum Antrag vollständig vorgelegt hat.
Eine nachträgliche Berücksichtigung von Aufwendungen, die vor Bekanntgabe des Zuwendungsbescheides entstanden sind, ist grundsätzlich ausgeschlossen, sofern nicht ausnahmsweise eine ausdrückliche Zustimmung zum vorzeitigen förderunschädlichen Vorhabenbeginn durch die zuständige Bewilligungsbehörde erteilt worden ist.
Die Berechnung der zuwendungsfähigen Ausgaben erfolgt unter Zugrundelegung der tatsächlich entstandenen und durch Rechnungsbelege nachgewiesenen Kosten abzüglich etwaiger Skonti, Rabatte und sonstiger Preisnachlässe, wobei Eigenleistungen des Zuwendungsempfängers nicht berücksichtigungsfähig sind.
Die Kumulierung mit anderen öffentlichen Fördermitteln ist nur zulässig, soweit die Summe aus Krediten, Zuschüssen und Zulagen die förderfähigen Gesamtkosten nicht übersteigt und die jeweils geltenden beihilferechtlichen Höchstgrenzen eingehalten werden.
Verstöße gegen die Mitwirkungspflichten des Zuwendungsempfängers, insbesondere die unterlassene Mitteilung nachträglicher Änderungen der für die Bewilligung maßgeblichen Verhältnisse, berechtigen die Bewilligungsbehörde zur Rücknahme oder zum Widerruf des Zuwendungsbescheides mit Wirkung für die Vergangenheit sowie zur Rückforderung bereits ausgezahlter Beträge einschließlich der Verzinsung nach den haushaltsrechtlichen Vorschriften.
Die Verwendungsnachweisprüfung erfolgt stichprobenartig durch die Bewilligungsbehörde, die hierzu Einsichtnahme in sämtliche projektbezogenen Unterlagen verlangen und Vor-Ort-Kontrollen durchführen kann."""

DE_SIMPLE = """\
Unser Team baut seit 1998 Heizungen ein. Wir kommen aus Köln. Wir sind zwölf Leute.
Sie wollen eine neue Heizung? Dann rufen Sie uns an. Wir kommen zu Ihnen nach Hause.
Wir sehen uns Ihr Haus an. Wir messen die Räume. Dann schreiben wir ein Angebot.
Das Angebot ist kostenlos. Sie haben Zeit. Sie müssen nichts sofort entscheiden.
Eine Wärmepumpe ist leise. Sie braucht kein Gas. Sie braucht nur Strom.
Im Winter wird das Haus warm. Im Sommer kann sie das Haus sogar kühlen.
Wir helfen auch beim Antrag. Der Staat gibt Geld dazu. Oft ist es die Hälfte oder mehr.
Nach dem Einbau zeigen wir Ihnen alles. Wir erklären die Regler. Wir lassen Sie nicht allein.
Fragen Sie ruhig. Wir sind von Montag bis Freitag für Sie da. Am Samstag gibt es einen Notdienst."""

EN_PLAIN = """\
A heat pump moves heat from the air outside into your home. It works like a fridge in reverse.
Even on a cold day, the outside air holds some heat, and the pump can collect it.
For every unit of electricity it uses, a good heat pump gives you about three units of heat.
That is why running costs are often lower than with a gas boiler.
Before you buy one, ask an installer to work out how much heat each room needs.
Old houses can use heat pumps too. Many radiators are big enough already.
Sometimes you only need to swap two or three small ones for larger models.
You do not have to insulate the whole house first. Start with the loft, because it is cheap and it helps a lot.
The government pays part of the cost. You must apply before you sign the contract.
Plan for three to six months from the first visit to the day the pump runs.
In summer, installers are less busy, so you may get a date sooner.
After the pump is in, check the meter. Real numbers show if it works as well as planned.
If the numbers look wrong, call the installer and ask them to check the settings."""

EN_ACADEMIC = """\
The operational efficiency of residential air-source heat pump installations is fundamentally determined by the thermodynamic relationship between the evaporator temperature, which is constrained by prevailing ambient meteorological conditions, and the condenser temperature, which is dictated by the hydronic distribution system's supply temperature requirements.
Consequently, retrofitting existing dwellings characterised by inadequately insulated building envelopes and undersized radiator configurations necessitates a comprehensive evaluation of the design heat load, conventionally performed according to standardised calculation methodologies incorporating transmission and ventilation losses.
Empirical investigations conducted across heterogeneous building typologies have demonstrated considerable variability in seasonal performance factors, attributable predominantly to installation-specific parameters, including refrigerant charge optimisation, defrost cycle management, and auxiliary resistance heating utilisation.
Furthermore, the economic viability of electrification strategies is contingent upon relative energy commodity pricing, governmental subsidisation mechanisms, and the anticipated decarbonisation trajectory of electricity generation infrastructure.
Accordingly, policymakers and practitioners should prioritise standardised commissioning procedures, continuous performance monitoring, and systematic occupant education to mitigate the performance gap between theoretical design predictions and empirically observed operational outcomes.
Notwithstanding these considerations, the methodological heterogeneity characterising existing field investigations substantially complicates cross-study comparability, particularly regarding boundary definitions for seasonal performance factor calculations and the treatment of auxiliary electricity consumption attributable to circulation pumps and control electronics."""


# -- the sentence splitter ------------------------------------------------------------------------

# Hand count: 1 "Am 3. Oktober … Freiburg."  2 "Sie behandelt z. B. … Verspannungen."
# 3 "Termine … Voraus!"  4 "Wer Fragen hat, ruft an."  5 "Prof. Dr. Martin Keller … Dezember."
ABBREVIATED = (
    "Am 3. Oktober 2024 eröffnete Dr. Anna Weber ihre Praxis für Physiotherapie in Freiburg. "
    "Sie behandelt z. B. Rückenschmerzen, d. h. vor allem Bandscheibenvorfälle und Verspannungen. "
    "Termine gibt es ca. drei Wochen im Voraus! Wer Fragen hat, ruft an. "
    "Prof. Dr. Martin Keller vertritt sie vom 1. bis 14. Dezember."
)
ABBREVIATED_SENTENCES = 5


def test_splitter_keeps_abbreviations_and_dates_inside_sentences():
    sentences = split_sentences(ABBREVIATED)
    assert len(sentences) == ABBREVIATED_SENTENCES
    assert sentences[0].startswith("Am 3. Oktober 2024 eröffnete Dr. Anna Weber")
    assert sentences[1].startswith("Sie behandelt z. B. Rückenschmerzen, d. h. vor allem")
    assert text_stats(ABBREVIATED, "de").sentences == ABBREVIATED_SENTENCES


def test_splitter_matters_naive_splitting_inflates_sentences_and_the_score():
    """textstat's regex splitter cuts at every dot: more, shorter sentences, an easier score."""
    from textstat.textstat import textstatistics

    naive = textstatistics()
    naive.set_lang("de_DE")
    assert naive.sentence_count(ABBREVIATED) > ABBREVIATED_SENTENCES
    ours = text_stats(ABBREVIATED, "de")
    as_if_naive = TextStats(
        "de",
        naive.sentence_count(ABBREVIATED),
        ours.words,
        ours.syllables,
        ours.polysyllables,
        ours.monosyllables,
        ours.long_words,
    )
    assert ours.asl == pytest.approx(ours.words / ABBREVIATED_SENTENCES)
    # 46 words in 5 sentences, not 8: 3.5 Amstad points easier than the text is
    assert flesch_amstad(as_if_naive) - flesch_amstad(ours) == pytest.approx(
        ours.words / ABBREVIATED_SENTENCES - ours.words / as_if_naive.sentences
    )
    assert flesch_amstad(as_if_naive) > flesch_amstad(ours) + 3


# -- syllables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("und", 1),
        ("Haus", 1),
        ("aber", 2),
        ("oder", 2),
        ("über", 2),
        ("Kosten", 2),
        ("Heizung", 2),
        ("Beispiel", 2),
        ("Förderung", 3),
        ("Oktober", 3),
        ("Heizkörper", 3),
        ("Wärmepumpe", 4),
        ("Eigentümer", 4),
        ("Fußbodenheizung", 5),
        ("Investition", 5),
        ("Jahresarbeitszahl", 5),
        ("Energieberater", 6),
        ("Vorlauftemperatur", 6),
        ("Gebäudeenergiegesetz", 8),
        ("E-Mail-Adresse", 5),
        ("geht's", 1),
    ],
)
def test_german_syllables_match_hand_counts(word, count):
    assert syllables(word, "de") == count


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("heat", 1),
        ("make", 1),
        ("makes", 1),
        ("don't", 1),
        ("table", 2),
        ("people", 2),
        ("houses", 2),
        ("tested", 2),
        ("over", 2),
        ("about", 2),
        ("energy", 3),
        ("every", 3),
        ("created", 3),
        ("video", 3),
        ("area", 3),
        ("idea", 3),
        ("annual", 3),
        ("quality", 3),
        ("radiators", 4),
        ("temperature", 4),
        ("installation", 4),
        ("usually", 4),
        ("available", 4),
        ("readability", 5),
    ],
)
def test_english_syllables_match_hand_counts(word, count):
    assert syllables(word, "en") == count


def test_english_never_touches_the_cmu_dictionary(monkeypatch):
    """textstat's English syllables download NLTK's cmudict on first use; scoring does no I/O."""
    import nltk

    def no_network(*args, **kwargs):
        raise AssertionError("scoring tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", no_network)
    stats = text_stats(EN_PLAIN, "en")
    assert stats.words > 200 and stats.syllables > stats.words


# -- formulas on hand-counted text ----------------------------------------------------------------


def test_german_formulas_on_a_hand_counted_text():
    # Der Hund bellt laut. | Die Kat-ze schläft.  -> 2 sentences, 7 words, 8 syllables;
    # 6 one-syllable words, no word of 3+ syllables, 1 word longer than 6 letters (schläft).
    stats = text_stats("Der Hund bellt laut. Die Katze schläft.", "de")
    assert (stats.sentences, stats.words, stats.syllables) == (2, 7, 8)
    assert (stats.monosyllables, stats.polysyllables, stats.long_words) == (6, 0, 1)
    assert flesch_amstad(stats) == pytest.approx(180 - 3.5 - 58.5 * 8 / 7)
    assert reading_ease(stats) == flesch_amstad(stats)
    assert lix(stats) == pytest.approx(3.5 + 100 / 7)
    assert wiener_sachtextformel(stats) == pytest.approx(0.1672 * 3.5 + 0.1297 * 100 / 7 - 0.0327 * 600 / 7 - 0.875)


def test_english_flesch_on_a_hand_counted_text():
    # The cat sat on the mat. | It was hap-py.  -> 2 sentences, 9 words, 10 syllables
    stats = text_stats("The cat sat on the mat. It was happy.", "en")
    assert (stats.sentences, stats.words, stats.syllables) == (2, 9, 10)
    assert flesch_reading_ease(stats) == pytest.approx(206.835 - 1.015 * 4.5 - 84.6 * 10 / 9)
    assert reading_ease(stats) == flesch_reading_ease(stats)


def test_formulas_from_counts():
    stats = TextStats("de", sentences=10, words=150, syllables=300, polysyllables=45, monosyllables=60, long_words=50)
    assert flesch_amstad(stats) == pytest.approx(180 - 15 - 58.5 * 2)  # 48
    assert flesch_reading_ease(stats) == pytest.approx(206.835 - 1.015 * 15 - 84.6 * 2)
    assert lix(stats) == pytest.approx(15 + 100 * 50 / 150)
    assert wiener_sachtextformel(stats) == pytest.approx(
        0.1935 * 30 + 0.1672 * 15 + 0.1297 * 100 * 50 / 150 - 0.0327 * 40 - 0.875
    )


def test_sentences_without_words_are_not_counted():
    stats = text_stats("Die Anlage läuft seit dem Frühjahr.\n2024.\n– \nSie spart Geld.", "de")
    assert stats.sentences == 2
    assert stats.words == len(words("Die Anlage läuft seit dem Frühjahr. Sie spart Geld."))


def test_longest_sentence_is_reported():
    stats = text_stats(DE_TAX, "de")
    assert stats.longest_sentence.startswith("Für das Ausstellen gelten Übergangsfristen")
    assert stats.longest_sentence_words == len(words(stats.longest_sentence))


@pytest.mark.parametrize("lang", ["fr", "", None, "nl"])
def test_other_languages_have_no_formula(lang):
    with pytest.raises(ValueError):
        text_stats("Une pompe à chaleur transfère la chaleur.", lang)


def test_language_tags_are_reduced_to_the_primary_subtag():
    assert text_stats(DE_TAX, "de-AT") == text_stats(DE_TAX, "de")


# -- the texts land where a reader would put them -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        (DE_SIMPLE, "de", 80, 100),  # short main clauses: easy
        (DE_TAX, "de", 40, 60),  # a tax adviser's client letter
        (DE_EXPERT, "de", 40, 60),  # a heating contractor's guide
        (DE_DENSE, "de", 10, 30),  # dense legal/technical expert article
        (DE_BUREAU, "de", -40, 0),  # grant-notice legalese
        (EN_PLAIN, "en", 75, 95),
        (EN_ACADEMIC, "en", -100, 0),
    ],
)
def test_realistic_texts_score_in_the_expected_band(text, lang, low, high):
    assert low <= reading_ease(text_stats(text, lang)) <= high


def test_wiener_sachtextformel_and_lix_order_the_german_texts():
    simple, expert, bureau = (text_stats(t, "de") for t in (DE_SIMPLE, DE_EXPERT, DE_BUREAU))
    assert wiener_sachtextformel(simple) < 4 < wiener_sachtextformel(expert) < 12
    assert wiener_sachtextformel(bureau) > 15
    assert lix(simple) < 30 < lix(expert) < 60 < lix(bureau)


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (95, "very easy"),
        (85, "easy"),
        (72, "fairly easy"),
        (65, "standard"),
        (55, "fairly difficult"),
        (40, "difficult"),
        (29.9, "very difficult"),
        (-20, "very difficult"),
    ],
)
def test_ease_labels(score, label):
    assert ease_label(score) == label


# -- running prose --------------------------------------------------------------------------------

PARAGRAPH = (
    "Eine Wärmepumpe holt Wärme aus der Luft und bringt sie mit Strom auf die nötige Temperatur. "
    "Aus einer Kilowattstunde Strom werden so drei bis vier Kilowattstunden Wärme."
)
OTHER_PARAGRAPH = (
    "Viele ältere Häuser kommen mit 50 Grad im Heizkörper gut aus. Wir messen vorher jeden Raum aus, "
    "dann wissen Sie, ob einzelne Heizkörper getauscht werden sollten."
)


def kept(text: str, headings: tuple[str, ...] = ()) -> list[str]:
    result = prose(text, headings).text
    return result.split("\n") if result else []


@pytest.mark.parametrize("text", [DE_EXPERT, DE_DENSE, DE_TAX, DE_SIMPLE, DE_BUREAU, EN_PLAIN, EN_ACADEMIC])
def test_the_test_texts_are_prose_throughout(text):
    """One sentence (or a few) per line, as paragraphs of an article: every line is read."""
    assert kept(text) == text.split("\n")
    assert prose(text).words == prose(text).total_words == len(words(text))


def test_a_paragraph_of_sentences_is_prose_and_the_lines_around_it_are_not():
    text = "\n".join(
        [
            "Wärmepumpe im Altbau",  # the H1: no sentence end
            "Start Leistungen Ratgeber Kontakt",  # navigation left in the text
            PARAGRAPH,
            "Kostenlose Erstberatung",  # a list item
            "Mehr erfahren",  # a button
            "Jetzt anfragen!",  # a button that shouts: two words are no sentence
            OTHER_PARAGRAPH,
        ]
    )
    result = prose(text)
    assert kept(text) == [PARAGRAPH, OTHER_PARAGRAPH]
    assert result.paragraphs == 2
    assert result.words == len(words(PARAGRAPH + " " + OTHER_PARAGRAPH))
    assert result.total_words == len(words(text))


def test_headings_are_never_prose_even_when_they_are_questions():
    question = "Passt eine Wärmepumpe in mein Haus?"
    text = "\n".join([PARAGRAPH, question, OTHER_PARAGRAPH])
    assert kept(text) == [PARAGRAPH, question, OTHER_PARAGRAPH]  # a question in running text is a sentence
    assert kept(text, headings=(question,)) == [PARAGRAPH, OTHER_PARAGRAPH]


def test_a_spec_list_is_not_prose():
    specs = "\n".join(
        [
            "Hauptbrennerleistung: 3 × 4,1 kW",
            "Grillrostmaterial: emaillierter Gusseisengrillrost.",
            "Material: Edelstahl. Gewicht: 12 kg. Farbe: Schwarz matt.",
            "Lieferumfang: Grill, Abdeckhaube, Grillrost und Anleitung.",
            "Abmessungen aufgebaut",
            "132 × 58 × 118 cm",
        ]
    )
    assert kept(specs) == []
    assert kept(PARAGRAPH + "\n" + specs) == [PARAGRAPH]


def test_a_colon_before_a_sentence_is_prose_a_label_before_a_value_is_not():
    advantage = "Der Vorteil: Die Daten lassen sich ohne Abtippen direkt in die Buchhaltung übernehmen."
    assert kept("\n".join([PARAGRAPH, advantage])) == [PARAGRAPH, advantage]
    assert kept("\n".join([PARAGRAPH, "Lieferzeit: drei bis fünf Werktage."])) == [PARAGRAPH]


def test_table_rows_and_lines_of_numbers_are_not_prose():
    rows = "\n".join(
        [
            "Bundesförderung für effiziente Gebäude – Einzelmaßnahmen",
            "15 % zuzüglich 5 % iSFP-Bonus",
            "Modul 400 Wp, 20,5 % Wirkungsgrad, 1.722 × 1.134 mm, 21,5 kg, 25 Jahre Garantie.",
            "Preis ab 12.900 Euro, Speicher 5 bis 15 kWh, Lieferung in 4 bis 6 Wochen.",
        ]
    )
    assert kept(PARAGRAPH + "\n" + rows) == [PARAGRAPH]


def test_a_card_grid_is_not_prose():
    cards = "\n".join(
        4
        * [
            "Wärmepumpenförderung im Bestandsgebäude",
            "Welche Zuschüsse die Bundesförderung für Ihre Heizungsmodernisierung bereithält.",
            "Weiterlesen",
        ]
    )
    assert kept(cards) == []


def test_one_sentence_lines_count_next_to_a_paragraph_or_in_a_run():
    alone = "Im Sommer geht es oft schneller."
    assert kept(alone) == []
    assert kept("\n".join(["Überschrift", alone, "Mehr erfahren"])) == []
    assert kept("\n".join([PARAGRAPH, alone])) == [PARAGRAPH, alone]  # a short paragraph in an article
    run = ["Wir sehen uns Ihr Haus an.", "Wir messen die Räume aus.", "Dann schreiben wir ein Angebot."]
    assert kept("\n".join(run)) == run  # one sentence per paragraph, three in a row
    assert kept("\n".join(run[:2])) == []


def test_list_items_after_a_colon_are_not_prose_until_the_next_heading_or_paragraph():
    demands = [
        "Unabhängige Neubewertung des sogenannten Zehn-Mikrosievert-Konzepts.",
        "Verzicht auf die ministerielle Zwangszuweisung radioaktiver Abfälle an Deponien.",
        "Einführung eines regionalen Krebsregisters.",
    ]
    text = "\n".join([PARAGRAPH, "Von der Landesregierung fordern wir:", *demands, "Ausblick", *demands])
    assert kept(text) == [PARAGRAPH]
    assert kept(text, headings=("Ausblick",)) == [PARAGRAPH, *demands]  # a heading ends the list
    assert kept("\n".join(["Wir fordern:", *demands[:2], OTHER_PARAGRAPH])) == [OTHER_PARAGRAPH]


def test_a_paragraph_may_lead_into_a_list_with_a_colon():
    intro = (
        "Als Teil eines Beratungsauftrags haben wir einen Hintergrundprozess für ein Plugin gebaut. "
        "So sieht die Klasse aus, von der Ihr eigener Prozess erbt:"
    )
    assert kept("\n".join([intro, "class ExampleWorker(AbstractWorker):"])) == [intro]


def test_list_items_led_by_a_label_are_not_prose():
    items = [
        "Weingut am Kaiserstuhl: Solarstrom auf Kelterhalle und Lagergebäude, Eigenverbrauch für die Kühlung.",
        "Mehrfamilienhaus in der Wiehre: eine Mieterstromanlage für zwölf Wohnungen mit eigenem Zähler.",
        "Hof im Glottertal: abgestimmt mit der Denkmalbehörde, auf dem Scheunendach verlegt.",
    ]
    assert kept("\n".join([PARAGRAPH, *items])) == [PARAGRAPH]
    assert kept("\n".join([PARAGRAPH, items[0], OTHER_PARAGRAPH])) == [PARAGRAPH, items[0], OTHER_PARAGRAPH]


def test_references_and_web_addresses_are_not_read():
    reference = (
        "2 F Watanabe, H Katsura, S Takenaka: Pseudovitamin B12 is the predominant cobamide of an algal "
        "health food, spirulina tablets (Veröffentlichung: 1999). URL: https://pubmed.ncbi.nlm.nih.gov/10552882/"
    )
    with_address = PARAGRAPH + " Die Förderrichtlinie finden Sie unter https://www.bafa.de/beg."
    assert kept("\n".join([with_address, reference])) == [PARAGRAPH + " Die Förderrichtlinie finden Sie unter ."]


def test_a_footnote_number_after_the_full_stop_still_ends_the_sentence():
    line = OTHER_PARAGRAPH + " HDL schützt die Gefäße vor Arteriosklerose.4"
    assert kept(line) == [line]


def test_an_empty_text_has_no_prose():
    assert prose("") == Prose("", 0, 0, 0)


# -- the check reads prose only -------------------------------------------------------------------


def test_the_check_judges_the_prose_and_leaves_the_data_sheet_out():
    from scoring.checks.readability import Readability
    from tests.factories import site, text_page

    sheet = "\n".join(f"Grillrostmaterial {i}: emaillierter Gusseisengrillrost" for i in range(40))
    record = text_page("grills/boston/", DE_EXPERT + "\n" + sheet)
    outcome = Readability().evaluate_page(record, site(record))
    assert outcome.state == "pass"
    assert (
        outcome.evidence[0].note
        == Readability().evaluate_page(text_page("ratgeber/", DE_EXPERT), site(record)).evidence[0].note
    )  # the same figures as the article alone
    read = outcome.evidence[2].note_message
    assert read.params["words"] == len(words(DE_EXPERT)) and read.params["total"] == record.word_count


def test_a_page_without_enough_prose_is_not_applicable_with_the_count():
    from scoring.checks.readability import MIN_WORDS, Readability
    from tests.factories import site, text_page

    cards = "\n".join(40 * ["Wärmepumpenförderung im Bestandsgebäude", "Mehr erfahren"])
    record = text_page("ratgeber/", PARAGRAPH + "\n" + cards)
    check = Readability()
    assert check.applies_to(record, site(record))  # enough words on the page, but not of prose
    outcome = check.evaluate_page(record, site(record))
    assert outcome.state == "not_applicable"
    assert outcome.reason_message.id == "readability.little-prose"
    assert outcome.reason_message.params == {
        "words": len(words(PARAGRAPH)),
        "total": record.word_count,
        "minimum": MIN_WORDS,
    }


@pytest.mark.skipif(
    "language" not in __import__("scoring.core.records").core.records.PageRecord.model_fields,
    reason="PageRecord.language (the language detected from the text) is not there yet",
)
def test_the_formula_follows_the_language_of_the_text_not_the_lang_attribute():
    from scoring.checks.readability import Readability
    from tests.factories import site, text_page

    german_declared_english = text_page("ratgeber/", DE_EXPERT, lang="en", language="de")
    outcome = Readability().evaluate_page(german_declared_english, site(german_declared_english))
    assert outcome.reason_message.params["formula"] == "Flesch-Amstad"
    english = text_page("en/guide/", EN_PLAIN, lang="de", language="en")
    assert Readability().evaluate_page(english, site(english)).reason_message.params["formula"] == "Flesch Reading Ease"

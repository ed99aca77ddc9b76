"""Words around a figure's source (read by `scoring.statistics_sources`): nouns that say a source exists without
naming it, and capitalised words that name no one (sentence openers, months, places, nationalities)."""

from __future__ import annotations

# Nouns that say a source exists without naming it ("laut einer Studie", "Experten zufolge").
GENERIC_SOURCE_WORDS = frozenset(
    """studie studien umfrage umfragen befragung befragungen erhebung erhebungen untersuchung untersuchungen
    analyse analysen auswertung auswertungen statistik statistiken bericht berichte berichten berichts report
    reports schätzung schätzungen angaben experten expertinnen fachleute fachleuten forscher forschern
    forscherinnen wissenschaftler wissenschaftlern wissenschaftlerinnen daten zahlen ergebnisse ergebnissen
    marktforschung marktforscher marktforschern quelle quellen medien medienberichten branchenkenner
    branchenkennern hersteller herstellern herstellerangaben unternehmen anbieter anbietern verbraucher
    kunden teilnehmer befragte befragten prognose prognosen messungen research researchers experts analysts
    data figures estimate estimates survey surveys study studies poll polls scientists source sources
    statistics results findings analysis analyses review reviews paper papers article articles news
    forecast forecasts projections experten-schätzungen branchenschätzungen marktstudie marktstudien
    schätzungen berechnungen calculations measurements sprecher sprecherin spokesperson insider kreise
    kreisen beobachter observers market industry markt branche branchen""".split()
)
# Words that start or structure a sentence and are capitalised without naming anything.
NOT_A_NAME = frozenset(
    """der die das den dem des ein eine einer einem eines the a an in im am auf aus bei mit nach von vom zu zum
    zur für über unter vor seit laut gemäß according this that these those dies diese dieser dieses jene es er
    sie wir ihr ich man heute today jahr year jahren years insgesamt total rund etwa ca circa knapp mehr über
    demnach damit dabei somit also so and und oder or but aber doch jedoch however while während
    deutschland germany europa europe eu welt world januar februar märz april mai juni juli august september
    oktober november dezember january february march may june july october december quarter quartal
    french german british american irish english european italian spanish chinese japanese indian canadian
    australian swiss austrian dutch russian""".split()
)

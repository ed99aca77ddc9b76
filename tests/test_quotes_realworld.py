"""Quotation attribution in the sentence patterns real German and English pages use (failure classes
of the real-world corpus, bench/realworld/). Every case is text or markup of our own; what counts
follows LABELLING.md: a direct quotation of three or more words, in quotation marks or a blockquote,
attributed to a named person, organisation or document. Unnamed speakers, titles, slogans and code
are not attributed."""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.core.records import PageRecord, Quote, count_words
from scoring.quote_names import plausible_name
from spiders import extract as ex

URL = "https://www.beispiel-verein.example/aktuelles/beitrag/"


def record(text: str, quotes: list[Quote] | None = None) -> PageRecord:
    return PageRecord(url=URL, status=200, content_type="text/html", main_text=text, quotes=quotes or [])


def speakers(text: str, quotes: list[Quote] | None = None) -> list[str]:
    return [q.speaker for q in find_quotations(record(text, quotes)) if q.speaker]


ORG = "Die Bürgerinitiative „Grünes Tal“ sammelt seit März Unterschriften gegen die neue Straße.\n"

CASES = [
    # id, text, expected speakers (in order; [] = no attributed quotation)
    (
        "en: a role of several words with 'and' between employer and name",
        "“The sensors inside are the same ones that run modern phones and consoles,” explained Nordwerk "
        "Robotics chief design officer and cofounder Jana Albrecht in a statement.",
        ["Jana Albrecht"],
    ),
    (
        "en: employer, role and name after the verb: the person speaks",
        "“Kuri contains serious technologies on the inside, from phones to games,” explained Nordwerk "
        "Robotics chief technology officer Jana Albrecht.",
        ["Jana Albrecht"],
    ),
    (
        "de: the employer after 'von' in the apposition is not the speaker",
        "„Wir sind enttäuscht, dass es so gekommen ist“, betonte Dr. Klaus Berger, wissenschaftlicher Berater "
        "von Blaues Meer, und erklärte: „Ein Fangverbot ist der wirksamste Weg für den Bestand.“",
        ["Dr. Klaus Berger", "Dr. Klaus Berger"],
    ),
    (
        "en: a name modifying the noun after 'said the' is not the speaker",
        "Mr Tom Baker, the trust’s surveyor, said the GPR study was one of several carried out to “understand "
        "this unique and somewhat complex monument.”",
        ["Tom Baker"],
    ),
    (
        "de: verb after the comma, named organisation as speaker",
        ORG + "„Wir haben mehr Zuspruch bekommen, als wir erwartet hatten“, zieht die Initiative Bilanz.",
        ["Grünes Tal"],
    ),
    (
        "de: 'heißt es von Seiten der Bürgerinitiative'",
        ORG + "„Die Stadt hat unsere Fragen wieder nicht beantwortet“, heißt es von Seiten der Bürgerinitiative.",
        ["Grünes Tal"],
    ),
    (
        "de: an organisation the page never names is no speaker",
        "„Die Stadt hat unsere Fragen wieder nicht beantwortet“, heißt es von der Initiative.",
        [],
    ),
    (
        "de: 'ein Mitglied' is an unnamed person, even of a named organisation",
        ORG + "„Der Bürgermeister hätte mit uns reden können“, zieht ein Mitglied von „Grünes Tal“ Bilanz.",
        [],
    ),
    (
        "de: 'einer der Helfer' is unnamed",
        ORG + "„Das war wirklich eine gute Aktion für alle Beteiligten“, berichtet einer der Helfer.",
        [],
    ),
    (
        "de: the organisation's quoted name as the speaker",
        ORG + '"Wir erwarten jetzt eine klare Antwort vom Landrat", meint "Grünes Tal".',
        ["Grünes Tal"],
    ),
    (
        "de: 'sind sich die Mitglieder der Bürgerinitiative einig'",
        ORG + "„Wer Offenheit fordert, darf nicht hinter verschlossenen Türen beraten“, sind sich die "
        "Mitglieder der Bürgerinitiative einig.",
        ["Grünes Tal"],
    ),
    (
        "de: a pronoun stands for the person named just before",
        "Seit Mai verstärkt Tobias Kranich unser Team. Er ist, wie er selbst sagt, „ein echter Werkstatt-Tüftler“.",
        ["Tobias Kranich"],
    ),
    (
        "de: a pronoun with no name before it is unnamed",
        "„Die Anlage läuft seit dem ersten Tag ohne Störung“, sagt er.",
        [],
    ),
    (
        "de: separable verb with a role before the name",
        "„Jede Stunde Stillstand kostet den Betrieb viel Geld“, rechnet Werkstatt-Experte Jonas Feld vor.",
        ["Jonas Feld"],
    ),
    (
        "de: colon after a named subject with a predicate",
        "Unser Partner, Architektin Marie Sommer, ist begeistert: „Die Pläne decken jede Frage vom Fundament "
        "bis zum Dach ab.“",
        ["Marie Sommer"],
    ),
    (
        "de: a title after a name and a colon is no quotation",
        "Ehrenpreis Handwerk: „Bestes regionales Programm für die Ausbildung“",
        [],
    ),
    (
        "de: 'bestätigte Apple' — a single name the page uses without an article",
        "Apple hat den Dienst eingestellt. Damit reagiert Apple auf die Regierung. Weiterhin bestätigte "
        "Apple, dass es „dringlicher denn je“ sei, Daten zu verschlüsseln.",
        ["Apple"],
    ),
    (
        "de: introducing line 'Statement von NAME, Team:' above the quotation",
        "Statement von Max Beispiel, Team Nord:\n„Wir haben die Sperre erwartet und begrüßen die klare Entscheidung.“",
        ["Max Beispiel"],
    ),
    (
        "de: 'Hier seine Worte:' — the person the text is about",
        "Lukas Brenner verlässt nach acht Jahren den Verein. Brenner war Kapitän der ersten Mannschaft.\n"
        "Hier seine Worte:\n„Es waren die schönsten Jahre meines Lebens, danke an alle.“",
        ["Lukas Brenner"],
    ),
    (
        "de: testimonial, name line under the quotation",
        "Das sagen unsere Kunden\n„Die Beratung war ehrlich und die Montage pünktlich.“\nPetra Schulz\n"
        "Geschäftsführerin, Schulz Bäckerei GmbH",
        ["Petra Schulz"],
    ),
    (
        "de: a heading under a quotation is no signature",
        "„Die Beratung war ehrlich und die Montage pünktlich.“\nWeitere Kunden",
        [],
    ),
    (
        "de: a teaser sentence under a quoted headline is no signature",
        "„Ein echter Werkstatt-Tüftler“\nServiceberater Jonas Feld steigt bei uns ein",
        [],
    ),
    (
        "de: 'Motto:' label before a card quotation, name under it",
        "Motto: „KI soll entlasten, nicht ersetzen – für mehr Zeit am Kunden.“\nLena Vogt\nExpertin für KI",
        ["Lena Vogt"],
    ),
    (
        "de: German opening mark closed by a straight one",
        '„Führung heißt, Menschen in einen guten Zustand zu versetzen."\nSebastian Ahrens, Berater und Autor',
        ["Sebastian Ahrens"],
    ),
    (
        "de: source in parentheses after the quotation",
        "Kritiker meinen hierzu: „Auch geringe Strahlung ist nicht ungefährlich für Kinder.“ "
        "(Quelle: https://www.beispiel-aerzte.example/strahlung.html)",
        ["beispiel-aerzte.example"],
    ),
    (
        "de: a law in parentheses after the quotation",
        "Die Behörde gibt das Material frei, wenn „nur eine geringe Dosis im Jahr auftreten kann“ (§ 31 StrlSchV).",
        ["§ 31 StrlSchV"],
    ),
    (
        "de: a name in parentheses closing the line",
        "Motto: „In dir muss brennen, was du in anderen entzünden willst!“ (Augustinus)",
        ["Augustinus"],
    ),
    (
        "de: dash after the quotation opens a sentence, not a signature",
        "„Der Winter kommt bestimmt“ – aber deine Daten können vorbereitet sein.",
        [],
    ),
    (
        "de: slogans and names in quotation marks are no quotations",
        "Unter dem Motto „Kleben gegen Lärm“ startet die Aktion. Die Petition „Kein Lärm in Neustadt“ läuft.",
        [],
    ),
    (
        "en: role acronym before the name",
        "“We are very pleased to bring the new test to market,” says CEO Dr. Anna Berger.",
        ["Dr. Anna Berger"],
    ),
    (
        "en: 'comments' as speech verb with stray spaces inside the marks",
        "Revenue grew strongly. “ We are very satisfied with the year, ” comments CFO Mark Olsen .",
        ["Mark Olsen"],
    ),
    (
        "en: pronoun after the quotation, the person the story is about",
        "Juliana Adeyemi built a platform used in many countries. Juliana studied in Nairobi. This is her story.\n"
        "“I am eternally grateful for the internet,” she says.",
        ["Juliana Adeyemi"],
    ),
    (
        "en: first name alone after the full name was given",
        "Juliana Adeyemi founded the project in 2008. According to Juliana, people also need "
        "“the ability to work and earn a living.”",
        ["Juliana Adeyemi"],
    ),
    (
        "en: apposition between verb and name",
        '"Never use a blowtorch on a frozen pipe," warns our senior engineer, Gareth Powell.',
        ["Gareth Powell"],
    ),
    (
        "en: a list of statements introduced by a line naming the speaker",
        "Tom Keller spoke about his startup. Later Tom answered questions.\n"
        "Here are some statements Tom made during his talk:\n“Life is good for founders these days.”\n"
        "“You can work with a team that is thousands of miles away.”",
        ["Tom Keller", "Tom Keller"],
    ),
    (
        "en: 'calls itself' — the subject before the verb",
        "Even ACME calls itself a “life infrastructure company”.",
        ["ACME"],
    ),
    (
        "en: an unnamed report is no speaker",
        "Outlets praised the firm; a 2025 report on a UK launch noted the system was “developed in Austria "
        "by a small team”.",
        [],
    ),
    (
        "en: 'of philosopher NAME:' introduces the quotation",
        "As can be seen in the logic of philosopher Jean Paul Sartre: “Once we know and are aware, we are "
        "responsible for our action and our inaction.”",
        ["Jean Paul Sartre"],
    ),
    (
        "en: website named with 'according to', English single marks",
        "According to tailorhistory.example the word ‘originated in shoemaking, but gained in popularity "
        "through tailoring’.",
        ["tailorhistory.example"],
    ),
    (
        "en: press release in parentheses",
        "“The acquisition will let us grow our software business across platforms” (press release of Widgetco).",
        ["press release of Widgetco"],
    ),
    (
        "en: quotation box signed on the next line with a dash",
        "Quote\nThe format is final and already shipping in hardware.\n— Bas Vermeulen",
        ["Bas Vermeulen"],
    ),
    (
        "en: signature with a handle after the quotation",
        "“I just wanted to say thank you for this great tool!” — Luke (@lukeb, Mastodon)",
        ["Luke (@lukeb, Mastodon)"],
    ),
    (
        "en: generic voices are unnamed",
        "Merry voices everywhere: “Oops, this is not going to work!”, “More mulled wine anyone?”",
        [],
    ),
    (
        "en: string literals in code are no quotations",
        'var command = new SqlCommand("UPDATE mytable SET name", conn) {CommandType = CommandType.Text};\n'
        '[When(@"I add the values")] internal void WhenIAddTheValues() { }',
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_attribution_in_sentences(text, expected):
    assert speakers(text) == expected


def test_blockquote_signed_at_its_end_by_a_handle():
    quote = Quote(text="“Open source, tested and stable, with a simple interface.” — mbeddedDev (Mastodon)")
    assert speakers("Voices from the community", [quote]) == ["mbeddedDev"]


def test_blockquote_introduced_by_the_line_before():
    text = "Statement von Jana Körner, Team Süd:\nWir bedauern die Sperre und unterstützen die Entscheidung der Liga."
    quote = Quote(text="Wir bedauern die Sperre und unterstützen die Entscheidung der Liga.")
    assert speakers(text, [quote]) == ["Jana Körner"]


def test_blockquote_without_any_speaker_stays_unattributed():
    text = "The crucial question is therefore not:\nDo I trust my cloud provider with the spare key?"
    quote = Quote(text="Do I trust my cloud provider with the spare key?")
    found = find_quotations(record(text, [quote]))
    assert found and not any(q.speaker for q in found)


def page(body: str) -> str:
    return f"<html><head><title>Start | Beispiel</title></head><body><main>{body}</main></body></html>"


def extracted(html: str) -> PageRecord:
    fields = ex.extract_page(ex.parse_html(html), URL, lambda u: "beispiel-verein" in u)
    fields["word_count"] = count_words(fields["main_text"])
    return PageRecord(url=URL, status=200, content_type="text/html", **fields)


MARKUP_CASES = [
    (
        "testimonial card: quote icon, name and handle in the card",
        page(
            "<h1>Was Nutzer sagen</h1><ul><li><div class='card'><div><a href='#'><p>Anna Keller</p>"
            "<p>@annak</p></a></div><p><i class='fa-solid fa-quote-left'></i> Seit einem Jahr speichere "
            "ich alles verschlüsselt in der Cloud und schlafe ruhig.</p></div></li></ul>"
        ),
        ["Anna Keller"],
    ),
    (
        "testimonial card with a handle only",
        page(
            "<h1>What users say</h1><div class='card'><p>@daveo</p><p><span class='icon-quote'></span> "
            "Highly recommended for anyone who stores files in the cloud.</p></div>"
        ),
        ["@daveo"],
    ),
    (
        "a quote icon without a name in its card is no attribution",
        page(
            "<h1>Über uns</h1><div class='card'><p><i class='fa fa-quote-left'></i> Wir planen jede Anlage "
            "so, als wäre es unsere eigene.</p></div>"
        ),
        [],
    ),
    (
        "a comment plugin's quote icon and sort labels are no quotation (wpDiscuz under every post)",
        page(
            "<h1>Why brands fail</h1><p>Brands fail when they forget their customers.</p>"
            "<div id='comments' class='comments-area'><div class='wpd-thread-head'><div class='wpd-thread-info'>"
            "<span class='wpdtc'><i class='fas fa-quote-left'></i></span><p>Inline Feedbacks View all comments</p>"
            "</div><div class='wpd-thread-filter'><span>Newest Oldest Most Voted</span></div></div></div>"
        ),
        [],
    ),
    (
        "a 'Get a quote' button is no quotation",
        page(
            "<h1>Leistungen</h1><p>Wir bauen Bäder im Bestand.</p><div class='card'><p>Max Weber</p>"
            "<span class='request-quote'>Get a quote now</span></div>"
        ),
        [],
    ),
    (
        "blockquote with the name in the paragraph under it",
        page(
            "<h1>Projekt</h1><p>Unser Kunde über die Sanierung.</p><blockquote><p>„Mit der neuen Heizung "
            "sparen wir jeden Winter spürbar Energie.“</p></blockquote><p>Andreas Vogel, Hausverwaltung Vogel</p>"
        ),
        ["Andreas Vogel"],
    ),
    (
        "blockquote signed by its own last paragraph after the closing quotation mark",
        page(
            "<h1>Ohne Server</h1><p>Und was sagte die Referentin auf der Konferenz?</p><blockquote><p><strong>"
            "“Der beste Server ist der, den man nicht betreiben muss.”</strong></p><p>Jana Albrecht auf der "
            "Cloudtagung 2019</p></blockquote><h2>Weiter</h2>"
        ),
        ["Jana Albrecht"],
    ),
    (
        "short testimonials, each signed by a dash line after the blockquote (first name, organisation)",
        page(
            "<h1>Course feedback</h1><blockquote><p>“Clear examples and patient trainers all week.”</p>"
            "</blockquote><p>– Priya, Nordwerk Logistics</p><blockquote><p>“The exercises made the type "
            "system finally click for me.”</p></blockquote><p>– Tomasz Nowak</p>"
        ),
        ["Priya", "Tomasz Nowak"],
    ),
    (
        "testimonial card: icon, text and the signature line in the same block",
        page(
            "<h2>Was unsere Kunden sagen</h2><div class='testimonial-slider'><div><i class='testimonial-icon "
            "ti-quote-left'></i><p>Die Umstellung lief ohne einen einzigen Tag Ausfall, und das Team hat uns "
            "alles verständlich erklärt.</p><h4>Mara (Beispiel Logistik)</h4></div></div>"
        ),
        ["Mara"],
    ),
    (
        "a last paragraph of the quotation itself is no signature",
        page(
            "<h1>Leitbild</h1><blockquote><p>Wir bauen Häuser, die drei Generationen überdauern.</p>"
            "<p>Qualität vor Tempo.</p></blockquote>"
        ),
        [],
    ),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in MARKUP_CASES], ids=[c[0] for c in MARKUP_CASES])
def test_attribution_in_markup(html, expected):
    found = [q.speaker for q in find_quotations(extracted(html)) if q.speaker]
    assert found == expected


def test_a_caption_opened_by_a_gerund_is_no_name():
    """ "Above: Controlling Robo with the app" made "Controlling Robo" a person whom every later "Robo"
    pointed to; a real first name ending in -ing stays a name."""
    assert not plausible_name("Controlling Robo")
    assert plausible_name("Sterling Archer")

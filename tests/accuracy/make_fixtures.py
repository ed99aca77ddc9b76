# ruff: noqa: E501  (fixture pages are HTML written as long literal lines)
"""Source of the labelled accuracy fixtures: run it to (re)write pages/*.html and labels/*.json.

Every page below is written by hand (our own texts, German and English) and carries its expected
labels next to it, written by hand too — the labels are never derived from a detector. Three page
templates imitate real sites: WordPress (entry-meta, author box in the sidebar, share links in the
entry footer), Hugo (post-meta, table of contents) and hand-written HTML (no classes at all).

    python tests/accuracy/make_fixtures.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

NAV_DE = (
    '<li><a href="/">Start</a></li><li><a href="/leistungen/">Leistungen</a></li>'
    '<li><a href="/ratgeber/">Ratgeber</a></li><li><a href="/kontakt/">Kontakt</a></li>'
)
NAV_EN = (
    '<li><a href="/">Home</a></li><li><a href="/services/">Services</a></li>'
    '<li><a href="/blog/">Blog</a></li><li><a href="/contact/">Contact</a></li>'
)
FOOT_DE = (
    '<a href="/impressum/">Impressum</a> · <a href="/datenschutz/">Datenschutz</a> · '
    "© 2012–2025 {site} · Tel. 0761 4567-89 · Hauptstraße 12, 79098 Freiburg"
)
FOOT_EN = (
    '<a href="/about/">About</a> · <a href="/privacy/">Privacy</a> · <a href="/terms/">Terms</a> · '
    "© 2025 {site} · Phone +44 20 7946 0321 · 14 Baker Street, London NW1 6XE"
)


def _head(p: dict[str, Any]) -> str:
    head = f'<meta charset="utf-8"><title>{p["title"]}</title>'
    if p.get("jsonld"):
        head += f'<script type="application/ld+json">{json.dumps(p["jsonld"], ensure_ascii=False)}</script>'
    return head + p.get("head", "")


def wordpress(p: dict[str, Any]) -> str:
    nav, foot = (NAV_DE, FOOT_DE) if p["lang"] == "de" else (NAV_EN, FOOT_EN)
    return f"""<!DOCTYPE html>
<html lang="{p["lang"]}-{p["lang"].upper()}"><head>{_head(p)}</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home">{p["site"]}</a></div>
<nav id="site-navigation" class="main-navigation"><ul class="menu">{nav}</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{p["title"]}</h1>
<div class="entry-meta">{p.get("meta", "")}</div></header>
<div class="entry-content">
{p["body"]}
</div>
<footer class="entry-footer">{p.get("entry_footer", "")}</footer>
</article></main>
<aside id="secondary" class="widget-area">{p.get("aside", "")}</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">{foot.format(site=p["site"])}</div></footer>
</div></body></html>
"""


def hugo(p: dict[str, Any]) -> str:
    nav, foot = (NAV_DE, FOOT_DE) if p["lang"] == "de" else (NAV_EN, FOOT_EN)
    return f"""<!doctype html>
<html lang="{p["lang"]}"><head>{_head(p)}<meta name="generator" content="Hugo 0.139.0"></head>
<body class="list">
<header class="header"><nav class="nav"><a class="logo" href="/">{p["site"]}</a><ul id="menu">{nav}</ul></nav></header>
<main class="main">
<article class="post-single">
<header class="post-header">{p.get("before_title", "")}<h1 class="post-title">{p["title"]}</h1>
<div class="post-meta">{p.get("meta", "")}</div></header>
<div class="toc"><details><summary>Inhalt</summary><ul><li><a href="#a">Abschnitt</a></li></ul></details></div>
<div class="post-content">
{p["body"]}
</div>
<footer class="post-footer">{p.get("entry_footer", "")}</footer>
</article>
</main>
<footer class="footer"><span>{foot.format(site=p["site"])}</span></footer>
</body></html>
"""


def handwritten(p: dict[str, Any]) -> str:
    foot = p.get("foot") or (FOOT_DE if p["lang"] == "de" else FOOT_EN)
    return f"""<html lang="{p["lang"]}">
<head>{_head(p)}</head>
<body>
<p><a href="/">{p["site"]}</a></p>
{p.get("before_title", "")}<h1>{p["title"]}</h1>
{p.get("meta", "")}
{p["body"]}
{p.get("entry_footer", "")}
<hr>
<p><small>{foot.format(site=p["site"])}</small></p>
</body></html>
"""


TEMPLATES = {"wp": wordpress, "hugo": hugo, "hand": handwritten}


def article_ld(headline: str, published: str | None = None, author: str | None = None, **extra: Any) -> dict:
    item: dict[str, Any] = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": headline}
    if published:
        item["datePublished"] = published
    if author:
        item["author"] = {"@type": "Person", "name": author}
    item.update(extra)
    return item


# Each page: file id, url, template, lang, site, title, meta/body/..., and `labels`:
#   author: visible author names       date: published (else updated) date shown or marked up
#   quotes: [speaker surname, first three words of the quotation] for quotations WITH a named speaker
#   stats: the numbers of real statistics ("12.500", "3,5")   sourced: those with a named source
#   cites: hosts of authoritative sources linked in the text  type: page kind
#   impressum: Impressum elements present   features: interview, gallery, video, testimonials, data
PAGES: list[dict[str, Any]] = []


def add(**page: Any) -> None:
    page.setdefault("labels", {})
    PAGES.append(page)


# ---------------------------------------------------------------------------------------------
# German articles
# ---------------------------------------------------------------------------------------------

add(
    id="de-wp-waermepumpe",
    url="https://www.solar-nord.example/ratgeber/waermepumpe-altbau/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Wärmepumpe im Altbau: Wann lohnt sie sich?",
    meta='<span class="posted-on">Veröffentlicht am <time class="entry-date published" datetime="2025-02-11T08:00:00+01:00">11. Februar 2025</time></span> <span class="byline">von <span class="author vcard"><a class="url fn n" href="/author/jana-albrecht/" rel="author">Jana Albrecht</a></span></span>',
    body="""<p>Viele Eigentümer fragen sich, ob eine Wärmepumpe im unsanierten Altbau funktioniert. Die kurze Antwort: meistens ja, wenn die Heizkörper groß genug sind.</p>
<p>Laut <a href="https://www.umweltbundesamt.de/themen/klima-energie/energiesparen/waermepumpen">Umweltbundesamt</a> wurden 2023 rund 356.000 Wärmepumpen in Deutschland verkauft. Das Fraunhofer ISE hat in einem Feldtest eine mittlere Jahresarbeitszahl von 3,4 gemessen.</p>
<p>„Die meisten Altbauten brauchen keine Fußbodenheizung, um effizient mit einer Wärmepumpe zu heizen“, sagt Energieberaterin Jana Albrecht.</p>
<p>Rufen Sie uns an unter 0761 4567-89 oder besuchen Sie uns in 79098 Freiburg.</p>""",
    entry_footer='<a href="https://www.facebook.com/sharer/sharer.php?u=x">Teilen</a>',
    aside='<section class="widget"><h2>Links</h2><a href="https://www.bafa.de/">BAFA</a></section>',
    labels={
        "author": ["Jana Albrecht"],
        "date": "2025-02-11",
        "quotes": [["Albrecht", "die meisten altbauten"]],
        "stats": ["356.000", "3,4"],
        "sourced": ["356.000", "3,4"],
        "cites": ["umweltbundesamt.de"],
        "type": "article",
    },
)

add(
    id="de-wp-stromspeicher",
    url="https://www.solar-nord.example/ratgeber/stromspeicher-groesse/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Wie groß sollte ein Stromspeicher sein?",
    meta='<span class="posted-on"><time datetime="2024-10-03">3. Oktober 2024</time></span>',
    body="""<p>Ein Speicher sollte zur Anlage und zum Verbrauch passen. Als Faustregel gilt: 1 kWh Speicher je 1.000 kWh Jahresverbrauch.</p>
<p>Nach Angaben der <a href="https://www.bundesnetzagentur.de/">Bundesnetzagentur</a> waren Ende 2024 über 1,8 Millionen Heimspeicher registriert.</p>
<p>Unser Angebot: Speicher ab 4.990 € inkl. MwSt., Montage meist binnen zwei Wochen.</p>
<p>Ein typischer Vier-Personen-Haushalt verbraucht etwa 4.000 kWh Strom im Jahr.</p>""",
    after='<div class="author-box">Über den Autor: <strong>Markus Feld</strong> ist Elektromeister und plant seit 2009 Speicherlösungen.</div>',
    labels={
        "author": ["Markus Feld"],
        "date": "2024-10-03",
        "stats": ["1", "1.000", "1,8", "4.000"],
        "sourced": ["1,8"],
        "cites": ["bundesnetzagentur.de"],
        "type": "article",
    },
)

add(
    id="de-hugo-foerderung",
    url="https://www.heizung-kaiser.example/blog/foerderung-heizungstausch-2025/",
    tpl="hugo",
    lang="de",
    site="Kaiser Haustechnik",
    title="Förderung für den Heizungstausch 2025",
    meta='<span title="2025-01-20 00:00:00 +0000 UTC">20. Januar 2025</span>&nbsp;·&nbsp;6 Min.&nbsp;·&nbsp;Thomas Kaiser',
    jsonld=article_ld("Förderung für den Heizungstausch 2025", "2025-01-20", "Thomas Kaiser"),
    body="""<p>Seit Januar 2024 fördert die <a href="https://www.kfw.de/inlandsfoerderung/Privatpersonen/Bestehende-Immobilie/Förderprodukte/Heizungsförderung-für-Privatpersonen-Wohngebäude-(458)/">KfW</a> den Tausch alter Heizungen.</p>
<p>Gefördert werden Wärmepumpen, Biomasseheizungen und Solarthermie.</p>
<p>Die Grundförderung beträgt 30 Prozent der förderfähigen Kosten. Mit Geschwindigkeitsbonus und Einkommensbonus sind bis zu 70 Prozent möglich, höchstens aber 21.000 Euro pro Wohneinheit.</p>
<p>„Wer jetzt plant, sollte den Antrag vor der Auftragsvergabe stellen“, rät Thomas Kaiser, Installateurmeister aus Emmendingen.</p>
<p>Telefon: 07641 9312-0, Sprechzeiten Mo–Fr 8:00–17:00 Uhr.</p>""",
    labels={
        "author": ["Thomas Kaiser"],
        "date": "2025-01-20",
        "quotes": [["Kaiser", "wer jetzt plant"]],
        # a funding programme's rates and cap are the rule's figures, not measured facts (docs/labelling.md)
        "stats": [],
        "sourced": [],
        "cites": ["kfw.de"],
        "type": "article",
    },
)

add(
    id="de-hand-dachsanierung",
    url="https://www.dachdecker-roth.example/aktuelles/dachsanierung-kosten.html",
    tpl="hand",
    lang="de",
    site="Dachdeckerei Roth",
    title="Was kostet eine Dachsanierung?",
    meta="<p>Stand: 14.03.2025</p>",
    body="""<p>Eine Dachsanierung kostet je nach Dachform und Material zwischen 180 und 300 Euro pro Quadratmeter. Für ein Einfamilienhaus mit 140 m² Dachfläche sind das schnell 30.000 Euro.</p>
<p>Der Zentralverband des Deutschen Dachdeckerhandwerks nennt in seiner Umfrage 2024 eine durchschnittliche Wartezeit von 9 Wochen.</p>
<p>Ein Kunde sagte uns einmal: „So schnell hatte ich noch nie ein dichtes Dach.“</p>
<p>Text: Michael Roth</p>""",
    labels={
        "author": ["Michael Roth"],
        "date": "2025-03-14",
        "quotes": [],
        "stats": ["180", "300", "140", "30.000", "9"],
        "sourced": ["9"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-interview",
    url="https://www.solar-nord.example/ratgeber/interview-balkonkraftwerk/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Interview: „Balkonkraftwerke sind ein Einstieg, kein Ersatz“",
    meta='<span class="posted-on"><time class="entry-date published" datetime="2024-06-05">5. Juni 2024</time></span> <span class="byline">von <a href="/team/sabine-koehler/" rel="author">Sabine Köhler</a></span>',
    body="""<p>Wir haben mit Dr. Eva Maier von der Hochschule Offenburg über Steckersolargeräte gesprochen.</p>
<p><strong>Frage:</strong> Frau Maier, für wen lohnt sich ein Balkonkraftwerk?</p>
<p><strong>Eva Maier:</strong> Für Mieter und alle, die tagsüber Strom verbrauchen. Ein Modul mit 400 Watt erzeugt im Süden rund 350 kWh im Jahr.</p>
<p><strong>Frage:</strong> Und was ist mit der Anmeldung?</p>
<p><strong>Eva Maier:</strong> Seit April 2024 genügt die Anmeldung im <a href="https://www.marktstammdatenregister.de/">Marktstammdatenregister</a>.</p>
<p><strong>Frage:</strong> Ihr Rat an Eigentümer?</p>
<p><strong>Eva Maier:</strong> Eine Dachanlage bringt ein Vielfaches. Das Balkonkraftwerk ist ein Einstieg, kein Ersatz.</p>""",
    labels={
        "author": ["Sabine Köhler"],
        "date": "2024-06-05",
        "quotes": [],
        "stats": ["400", "350"],
        "sourced": [],
        "cites": [],
        "type": "article",
        "features": ["interview"],
    },
)

add(
    id="de-hugo-bad",
    url="https://www.baeder-schmitt.example/blog/barrierefreies-bad/",
    tpl="hugo",
    lang="de",
    site="Bäder Schmitt",
    title="Barrierefreies Bad: Worauf es ankommt",
    before_title='<p class="post-byline">Ein Beitrag von Laura Schmitt</p>',
    meta="<span>12. September 2023</span>",
    body="""<p>Ein barrierefreies Bad braucht vor allem Platz: Die <a href="https://www.din.de/de/mitwirken/normenausschuesse/nabau">DIN 18040-2</a> verlangt Bewegungsflächen von 120 × 120 cm.</p>
<p>Die Pflegekasse bezuschusst den Umbau mit bis zu 4.180 Euro je Person, so das Bundesministerium für Gesundheit.</p>
<p>„Die bodengleiche Dusche ist der häufigste Wunsch unserer Kunden“, erklärt Laura Schmitt, Geschäftsführerin von Bäder Schmitt.</p>""",
    labels={
        "author": ["Laura Schmitt"],
        "date": "2023-09-12",
        "quotes": [["Schmitt", "die bodengleiche dusche"]],
        # "bezuschusst … mit bis zu 4.180 Euro": a funding programme's cap, the rule's figure (docs/labelling.md)
        "stats": ["120"],
        "sourced": ["120"],
        "cites": ["din.de"],
        "type": "article",
    },
)

add(
    id="de-hand-zahn",
    url="https://www.zahnarzt-weber.example/ratgeber/professionelle-zahnreinigung.html",
    tpl="hand",
    lang="de",
    site="Zahnarztpraxis Dr. Weber",
    title="Professionelle Zahnreinigung: Wie oft?",
    meta='<p class="meta">Dr. med. dent. Katrin Weber, 02.05.2024</p>',
    body="""<p>Die Deutsche Gesellschaft für Parodontologie empfiehlt eine professionelle Zahnreinigung ein- bis zweimal im Jahr.</p>
<p>Laut der Sechsten Deutschen Mundgesundheitsstudie haben 52 Prozent der jüngeren Senioren eine Parodontitis. Sie wurde vom <a href="https://www.idz.institute/">Institut der Deutschen Zahnärzte</a> durchgeführt.</p>
<p>Die Behandlung kostet bei uns 89 Euro. Termine unter 089 2345-678.</p>""",
    labels={
        "author": ["Katrin Weber"],
        "date": "2024-05-02",
        "stats": ["52"],
        "sourced": ["52"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-jsonld-only",
    url="https://www.maler-kunz.example/blog/fassadenfarbe-waehlen/",
    tpl="wp",
    lang="de",
    site="Malerbetrieb Kunz",
    title="Die richtige Fassadenfarbe wählen",
    jsonld=article_ld("Die richtige Fassadenfarbe wählen", "2023-04-18", "Peter Kunz"),
    body="""<p>Silikonharzfarbe, Silikatfarbe oder Dispersionsfarbe? Jede hat ihre Stärken.</p>
<p>Silikatfarben sind diffusionsoffen und eignen sich für mineralische Putze. Dispersionsfarben sind günstig, aber weniger atmungsaktiv.</p>
<p>Wir beraten Sie gern vor Ort – kostenlos im Umkreis von 30 km um 70173 Stuttgart.</p>""",
    labels={"author": [], "date": "2023-04-18", "stats": ["30"], "sourced": [], "cites": [], "type": "article"},
)

add(
    id="de-hugo-gallery",
    url="https://www.garten-lindner.example/projekte/2024/08/gartenumbau-in-kirchzarten/",
    tpl="hugo",
    lang="de",
    site="Garten Lindner",
    title="Gartenumbau in Kirchzarten",
    meta='<span>Veröffentlicht: 19.08.2024</span> · <span class="author">Autor: Jonas Lindner</span>',
    body="""<p>In Kirchzarten haben wir einen 600 m² großen Hanggarten in drei Terrassen umgebaut. Die Arbeiten dauerten 7 Wochen.</p>
<div class="gallery">
<figure><img src="/img/kirchzarten-1.jpg" alt="Trockenmauer aus Gneis am oberen Hang"></figure>
<figure><img src="/img/kirchzarten-2.jpg" alt="Neue Treppe aus Granitstufen zwischen den Terrassen"></figure>
<figure><img src="/img/kirchzarten-3.jpg" alt="Staudenbeet mit Lavendel und Salbei im ersten Sommer"></figure>
<figure><img src="/img/kirchzarten-4.jpg" alt="Blick vom Sitzplatz über den fertigen Garten"></figure>
</div>
<p>„Wir sitzen jetzt jeden Abend auf der oberen Terrasse“, sagt Bauherrin Petra Vogel.</p>""",
    labels={
        "author": ["Jonas Lindner"],
        "date": "2024-08-19",
        "quotes": [["Vogel", "wir sitzen jetzt"]],
        "stats": ["600", "7"],
        "sourced": [],
        "cites": [],
        "type": "article",
        "features": ["gallery"],
    },
)

add(
    id="de-wp-video",
    url="https://www.solar-nord.example/ratgeber/pv-reinigung-video/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Video: So reinigen Sie Ihre PV-Anlage richtig",
    meta='<span class="posted-on"><time class="entry-date published" datetime="2024-03-21">21. März 2024</time><time class="updated" datetime="2025-01-08">8. Januar 2025</time></span> <span class="byline">von <span class="author vcard"><a class="url fn n" href="/author/markus/">Markus Feld</a></span></span>',
    body="""<p>Verschmutzte Module verlieren Ertrag. In unserem Video zeigt Markus Feld, wie die Reinigung ohne Kratzer gelingt.</p>
<figure class="wp-block-embed is-type-video"><iframe src="https://www.youtube-nocookie.com/embed/abc123" title="PV-Reinigung"></iframe></figure>
<p>Bei Anlagen mit weniger als 15 Grad Neigung kann der Verlust durch Schmutz laut einer Untersuchung der <a href="https://www.htw-berlin.de/">HTW Berlin</a> bis zu 5 Prozent betragen.</p>""",
    labels={
        "author": ["Markus Feld"],
        "date": "2024-03-21",
        "stats": ["15", "5"],
        "sourced": ["15", "5"],
        "cites": [],
        "type": "article",
        "features": ["media"],
    },
)

add(
    id="de-hand-kein-autor",
    url="https://www.schreinerei-holz.example/news/massivholz-pflegen.html",
    tpl="hand",
    lang="de",
    site="Schreinerei Holz & Form",
    title="Massivholzmöbel richtig pflegen",
    body="""<p>Massivholz lebt. Es nimmt Feuchtigkeit auf und gibt sie wieder ab.</p>
<p>Wir empfehlen, geölte Oberflächen ein- bis zweimal im Jahr nachzuölen. Die Raumluftfeuchte sollte zwischen 40 und 60 Prozent liegen.</p>
<p>„Holz ist ein Naturprodukt, und das darf man sehen.“</p>
<p>Unsere Werkstatt in der Mühlenstraße 3, 88212 Ravensburg ist Mo–Fr von 7 bis 16 Uhr geöffnet.</p>""",
    labels={
        "author": [],
        "date": None,
        "quotes": [],
        "stats": ["40", "60"],
        "sourced": [],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-steuer",
    url="https://www.steuerberatung-lang.example/aktuelles/grundsteuer-reform-2025/",
    tpl="wp",
    lang="de",
    site="Steuerberatung Lang",
    title="Grundsteuerreform 2025: Was Eigentümer wissen müssen",
    meta='<span class="byline">Geschrieben von <a href="/team/andrea-lang/" rel="author">StB Andrea Lang</a> am <time datetime="2024-12-02">02.12.2024</time></span>',
    body="""<p>Ab dem 1. Januar 2025 gilt die neue Grundsteuer. Rund 36 Millionen Grundstücke mussten neu bewertet werden, teilt das <a href="https://www.bundesfinanzministerium.de/">Bundesministerium der Finanzen</a> mit.</p>
<p>Nach § 219 BewG erhalten Eigentümer einen neuen Messbescheid. Gegen diesen kann binnen eines Monats Einspruch eingelegt werden.</p>
<p>„Prüfen Sie den Bescheid sofort, denn die Einspruchsfrist ist kurz“, betont Andrea Lang.</p>
<p>Ein Erstgespräch kostet bei uns pauschal 120 Euro zzgl. MwSt.</p>""",
    labels={
        "author": ["Andrea Lang"],
        "date": "2024-12-02",
        "quotes": [["Lang", "prüfen sie den"]],
        "stats": ["36"],
        "sourced": ["36"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-hugo-kfz",
    url="https://www.autohaus-berger.example/ratgeber/winterreifen-pflicht/",
    tpl="hugo",
    lang="de",
    site="Autohaus Berger",
    title="Winterreifenpflicht: Die Regeln im Überblick",
    meta="<span>Aktualisiert am 28.10.2024</span>",
    jsonld=article_ld("Winterreifenpflicht: Die Regeln im Überblick", "2019-10-15", dateModified="2024-10-28"),
    body="""<p>In Deutschland gilt eine situative Winterreifenpflicht nach § 2 Abs. 3a StVO.</p>
<p>Wer bei Glätte mit Sommerreifen fährt, zahlt mindestens 60 Euro Bußgeld und erhält einen Punkt in Flensburg, so der <a href="https://www.adac.de/">ADAC</a>.</p>
<p>Die Mindestprofiltiefe beträgt gesetzlich 1,6 mm, Experten empfehlen 4 mm.</p>
<p>Reifenwechsel bei uns ab 39 € – jetzt Termin unter 0711 998877 buchen.</p>""",
    labels={
        "author": [],
        "date": "2019-10-15",
        "stats": ["60", "1,6", "4"],
        "sourced": ["60"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-team-quote",
    url="https://www.it-service-braun.example/blog/backup-strategie/",
    tpl="wp",
    lang="de",
    site="IT-Service Braun",
    title="Die 3-2-1-Backup-Strategie für kleine Unternehmen",
    meta='<span class="posted-on"><time datetime="2024-02-14">14. Februar 2024</time></span>',
    body="""<p>Die 3-2-1-Regel ist einfach: drei Kopien, zwei Medien, eine Kopie außer Haus.</p>
<p>Laut dem <a href="https://www.bsi.bund.de/dok/lagebericht">Lagebericht des BSI</a> wurden 2023 täglich rund 250.000 neue Schadprogramm-Varianten entdeckt.</p>
<p>Nach unserer Erfahrung aus 140 Kundenprojekten ist das größte Risiko nicht die Technik, sondern der fehlende Test der Wiederherstellung.</p>
<p>„Ein Backup, das nie zurückgespielt wurde, ist nur eine Hoffnung“, sagt unser Systemadministrator Felix Braun.</p>
<p class="author-info">Autor: Felix Braun, Fachinformatiker für Systemintegration</p>""",
    labels={
        "author": ["Felix Braun"],
        "date": "2024-02-14",
        "quotes": [["Braun", "ein backup das"]],
        "stats": ["250.000", "140"],
        "sourced": ["250.000"],
        "cites": ["bsi.bund.de"],
        "type": "article",
    },
)

add(
    id="de-hand-praxis-tipps",
    url="https://www.physio-am-markt.example/tipps/rueckenschmerzen.html",
    tpl="hand",
    lang="de",
    site="Physio am Markt",
    title="Rückenschmerzen im Homeoffice",
    meta="<p><em>von Sandra Okafor, Physiotherapeutin</em> – 7. Mai 2024</p>",
    body="""<p>Rückenschmerzen sind der häufigste Grund für Krankmeldungen. Nach dem <a href="https://www.tk.de/">Gesundheitsreport der Techniker Krankenkasse</a> entfielen 2023 rund 8 Prozent aller Fehltage auf Rückenleiden.</p>
<p>Stehen Sie jede Stunde auf. Schon 5 Minuten Bewegung entlasten die Bandscheiben.</p>
<p>«Bewegung ist die beste Medizin für den Rücken», sagt Sandra Okafor.</p>""",
    labels={
        "author": ["Sandra Okafor"],
        "date": "2024-05-07",
        "quotes": [["Okafor", "bewegung ist die"]],
        "stats": ["8", "5"],
        "sourced": ["8"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-pv-kosten",
    url="https://www.sonnenstrom-mayer.example/blog/pv-anlage-kosten/",
    tpl="wp",
    lang="de",
    site="Sonnenstrom Mayer",
    title="Was kostet eine PV-Anlage 2025?",
    meta='<span class="posted-on">Veröffentlicht am <time datetime="2025-03-01T09:00:00+01:00">1. März 2025</time></span> <span class="byline"> von <span class="author vcard"><a class="url fn n" href="/autor/stefan-mayer/">Stefan Mayer</a></span></span>',
    body="""<p>Eine schlüsselfertige PV-Anlage kostet 2025 zwischen 1.200 und 1.600 Euro pro kWp. Für eine 10-kWp-Anlage sind das rund 14.000 Euro.</p>
<table><thead><tr><th>Größe</th><th>Kosten</th><th>Ertrag pro Jahr</th></tr></thead>
<tbody><tr><td>5 kWp</td><td>8.000 €</td><td>4.750 kWh</td></tr><tr><td>10 kWp</td><td>14.000 €</td><td>9.500 kWh</td></tr><tr><td>15 kWp</td><td>19.500 €</td><td>14.250 kWh</td></tr></tbody></table>
<p>Methodik: Die Werte stammen aus 87 Angeboten, die wir 2024 erstellt haben.</p>
<p>Laut <a href="https://www.ise.fraunhofer.de/de/veroeffentlichungen/studien/aktuelle-fakten-zur-photovoltaik-in-deutschland.html">Fraunhofer ISE</a> liegen die Stromgestehungskosten kleiner Dachanlagen bei 6 bis 11 Cent pro kWh.</p>""",
    labels={
        "author": ["Stefan Mayer"],
        "date": "2025-03-01",
        "stats": [
            "1.200",
            "1.600",
            "14.000",
            "5",
            "8.000",
            "4.750",
            "10",
            "9.500",
            "15",
            "19.500",
            "14.250",
            "6",
            "11",
        ],
        "sourced": ["6", "11"],
        "cites": ["ise.fraunhofer.de"],
        "type": "article",
        "features": ["data"],
    },
)

add(
    id="de-hugo-ohne-quelle",
    url="https://www.energieberatung-nord.example/posts/daemmung-lohnt-sich/",
    tpl="hugo",
    lang="de",
    site="Energieberatung Nord",
    title="Lohnt sich Dämmung?",
    meta="<span>3. April 2023</span>&nbsp;·&nbsp;<span>Henrik Jansen</span>",
    body="""<p>Eine Dachdämmung spart bis zu 20 Prozent Heizenergie. Eine gedämmte Fassade spart weitere 15 Prozent.</p>
<p>Die Kosten liegen bei 100 bis 200 Euro pro Quadratmeter.</p>
<p>Vereinbaren Sie ein Beratungsgespräch: 0421 556677.</p>""",
    labels={
        "author": ["Henrik Jansen"],
        "date": "2023-04-03",
        "stats": ["20", "15", "100", "200"],
        "sourced": [],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-zitate-ohne-namen",
    url="https://www.hausverwaltung-ziegler.example/blog/nebenkosten-abrechnung/",
    tpl="wp",
    lang="de",
    site="Hausverwaltung Ziegler",
    title="Nebenkostenabrechnung verstehen",
    meta='<span class="posted-on"><time datetime="2024-07-09">9. Juli 2024</time></span><span class="byline"> von <a href="/team/" rel="author">Klaus Ziegler</a></span>',
    body="""<p>Viele Mieter sagen uns: „Die Abrechnung verstehe ich einfach nicht, das ist doch alles viel zu kompliziert.“</p>
<p>Der Begriff „umlagefähige Kosten“ ist zentral. Was umgelegt werden darf, regelt die <a href="https://www.gesetze-im-internet.de/betrkv/">Betriebskostenverordnung</a>.</p>
<p>Laut Betriebskostenspiegel des Deutschen Mieterbundes zahlen Mieter im Schnitt 2,51 Euro pro Quadratmeter und Monat.</p>
<p>Unser Grundsatz lautet: „Transparenz schafft Vertrauen bei Mietern und Eigentümern.“</p>""",
    labels={
        "author": ["Klaus Ziegler"],
        "date": "2024-07-09",
        "quotes": [],
        "stats": ["2,51"],
        "sourced": ["2,51"],
        "cites": ["gesetze-im-internet.de"],
        "type": "article",
    },
)

add(
    id="de-hand-blockquote",
    url="https://www.weingut-kaiserstuhl.example/journal/lese-2024.html",
    tpl="hand",
    lang="de",
    site="Weingut am Kaiserstuhl",
    title="Die Lese 2024",
    meta="<p>Oktober 2024 · Familie Brenner</p>",
    body="""<p>Nach dem Spätfrost im April lag unser Ertrag bei 48 Hektoliter pro Hektar, rund 30 Prozent unter dem Vorjahr.</p>
<blockquote><p>Der Jahrgang ist klein, aber die Qualität ist so gut wie lange nicht mehr.</p><footer>— Tobias Brenner, Kellermeister</footer></blockquote>
<p>Nach Zahlen des <a href="https://www.destatis.de/DE/Themen/Branchen-Unternehmen/Landwirtschaft-Forstwirtschaft-Fischerei/Obst-Gemuese-Gartenbau/_inhalt.html">Statistischen Bundesamts</a> lag die deutsche Weinmosternte 2024 bei 7,8 Millionen Hektolitern.</p>""",
    labels={
        "author": [],
        "date": None,
        "quotes": [["Brenner", "der jahrgang ist"]],
        "stats": ["48", "30", "7,8"],
        "sourced": ["7,8"],
        "cites": ["destatis.de"],
        "type": "article",
    },
)

add(
    id="de-wp-elektro-meister",
    url="https://www.elektro-hofmann.example/ratgeber/fi-schalter-pruefen/",
    tpl="wp",
    lang="de",
    site="Elektro Hofmann",
    title="FI-Schalter regelmäßig prüfen",
    meta='<span class="posted-on"><time datetime="2022-11-15">15.11.2022</time></span>',
    body="""<p>Der Fehlerstromschutzschalter rettet Leben. Die <a href="https://www.vde.com/de/fnn">VDE</a> empfiehlt, die Prüftaste halbjährlich zu drücken.</p>
<p>„Einmal im halben Jahr die Prüftaste drücken dauert zwei Sekunden und kann ein Leben retten“, erklärt Elektromeister Ralf Hofmann.</p>
<p>Jedes Jahr sterben in Deutschland rund 50 Menschen durch Stromunfälle im Niederspannungsbereich.</p>""",
    after='<p class="author-bio">Ralf Hofmann</p>',
    labels={
        "author": ["Ralf Hofmann"],
        "date": "2022-11-15",
        "quotes": [["Hofmann", "einmal im halben"]],
        "stats": ["50"],
        "sourced": [],
        "cites": ["vde.com"],
        "type": "article",
    },
)

add(
    id="de-hugo-uni",
    url="https://www.tischlerei-falk.example/wissen/holzfeuchte-messen/",
    tpl="hugo",
    lang="de",
    site="Tischlerei Falk",
    title="Holzfeuchte richtig messen",
    meta="<span>Von Dipl.-Ing. Jörg Falk</span> · <span>2. Februar 2025</span>",
    body="""<p>Bauholz sollte beim Einbau weniger als 20 Prozent Holzfeuchte haben, Möbelholz 8 bis 10 Prozent.</p>
<p>Eine Übersicht zu Messverfahren bietet die <a href="https://www.hs-rosenheim.de/">Hochschule Rosenheim</a> sowie das <a href="https://www.tu-dresden.de/ing/maschinenwesen/ihd">Institut für Holztechnologie der TU Dresden</a>.</p>
<p>Widerstandsmessgeräte kosten zwischen 30 und 300 Euro.</p>""",
    labels={
        "author": ["Jörg Falk"],
        "date": "2025-02-02",
        "stats": ["20", "8", "10", "30", "300"],
        "sourced": [],
        "cites": ["hs-rosenheim.de", "tu-dresden.de"],
        "type": "article",
    },
)

add(
    id="de-wp-podcast",
    url="https://www.kanzlei-richter.example/podcast/folge-12-erbrecht/",
    tpl="wp",
    lang="de",
    site="Kanzlei Richter",
    title="Podcast Folge 12: Testament oder Erbvertrag?",
    meta='<span class="posted-on"><time datetime="2024-11-27">27. November 2024</time></span> <span class="byline">von <span class="author"><a href="/anwaelte/dr-martin-richter/" rel="author">Dr. Martin Richter</a></span></span>',
    body="""<p>In dieser Folge spricht Rechtsanwalt Dr. Martin Richter über die Unterschiede zwischen Testament und Erbvertrag.</p>
<iframe src="https://open.spotify.com/embed/episode/xyz" width="100%" height="152"></iframe>
<p>Rechtsgrundlage sind die §§ 2064 ff. und §§ 2274 ff. BGB, nachzulesen bei <a href="https://www.gesetze-im-internet.de/bgb/">gesetze-im-internet.de</a>.</p>""",
    labels={
        "author": ["Martin Richter"],
        "date": "2024-11-27",
        "stats": [],
        "sourced": [],
        "cites": ["gesetze-im-internet.de"],
        "type": "article",
        "features": ["media"],
    },
)

add(
    id="de-hand-datum-im-text",
    url="https://www.bauunternehmen-seidel.example/aktuelles/richtfest-kita.html",
    tpl="hand",
    lang="de",
    site="Bauunternehmen Seidel",
    title="Richtfest für die neue Kita in Lahr",
    meta='<p class="date">Lahr, 16. Mai 2024</p>',
    body="""<p>Am 15. Mai feierten wir Richtfest für die Kita „Sonnenblume“. Die Eröffnung ist für den 1. September 2025 geplant.</p>
<p>Die Kita bietet Platz für 75 Kinder und hat eine Nutzfläche von 1.150 Quadratmetern. Die Baukosten liegen bei 4,2 Millionen Euro.</p>
<p>„Wir sind stolz, nach nur 8 Monaten Bauzeit das Dach zu setzen“, sagte Bauleiter Georg Seidel.</p>""",
    labels={
        "author": [],
        "date": "2024-05-16",
        "quotes": [["Seidel", "wir sind stolz"]],
        "stats": ["75", "1.150", "4,2", "8"],
        "sourced": [],
        "cites": [],
        "type": "article",
    },
)

add(
    id="de-wp-gastbeitrag",
    url="https://www.solar-nord.example/ratgeber/gastbeitrag-netzbetreiber/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Gastbeitrag: Was Netzbetreiber von Solaranlagen erwarten",
    meta='<span class="posted-on"><time datetime="2024-08-12">12. August 2024</time></span>',
    body="""<p><em>Ein Gastbeitrag von Prof. Dr. Helmut Sauer, Hochschule Karlsruhe.</em></p>
<p>Seit dem Solarpaket I gilt eine vereinfachte Anmeldung. Die <a href="https://www.bundesnetzagentur.de/DE/Fachthemen/ElektrizitaetundGas/ErneuerbareEnergien/start.html">Bundesnetzagentur</a> meldet für 2024 einen Zubau von 16,2 Gigawatt.</p>
<p>Netzbetreiber müssen Anträge innerhalb von 8 Wochen bearbeiten.</p>""",
    labels={
        "author": ["Helmut Sauer"],
        "date": "2024-08-12",
        "stats": ["16,2", "8"],
        "sourced": ["16,2"],
        "cites": ["bundesnetzagentur.de"],
        "type": "article",
    },
)

add(
    id="de-hugo-doi",
    url="https://www.hoerakustik-engel.example/wissen/hoerverlust-studie/",
    tpl="hugo",
    lang="de",
    site="Hörakustik Engel",
    title="Hörverlust und Demenz: Was die Forschung sagt",
    meta='<span>25. Juni 2024</span>&nbsp;·&nbsp;<span class="author">Hörakustikmeisterin Nina Engel</span>',
    body="""<p>Eine Studie in The Lancet schätzt, dass 8 Prozent der Demenzfälle mit unbehandeltem Hörverlust zusammenhängen (<a href="https://doi.org/10.1016/S0140-6736(20)30367-6">Livingston et al. 2020</a>).</p>
<p>Die <a href="https://www.who.int/news-room/fact-sheets/detail/deafness-and-hearing-loss">WHO</a> geht von über 1,5 Milliarden Menschen mit Hörminderung weltweit aus.</p>
<p>„Wer früh ein Hörgerät trägt, bleibt geistig länger aktiv“, sagt Nina Engel.</p>""",
    labels={
        "author": ["Nina Engel"],
        "date": "2024-06-25",
        "quotes": [["Engel", "wer früh ein"]],
        "stats": ["8", "1,5"],
        "sourced": ["8", "1,5"],
        "cites": ["doi.org", "who.int"],
        "type": "article",
    },
)

add(
    id="de-wp-referenz-testimonials",
    url="https://www.fensterbau-krug.example/referenzen/fenstertausch-villa/",
    tpl="wp",
    lang="de",
    site="Fensterbau Krug",
    title="Referenz: Fenstertausch in einer Jugendstilvilla",
    body="""<p>Für eine Villa von 1908 haben wir 34 Holzfenster originalgetreu nachgebaut.</p>
<div class="testimonials"><div class="testimonial"><blockquote><p>Die neuen Fenster sehen aus wie die alten, nur dass es nicht mehr zieht.</p></blockquote><p class="name">Familie Hartmann, Baden-Baden</p></div></div>""",
    labels={
        "author": [],
        "date": None,
        "quotes": [["Hartmann", "die neuen fenster"]],
        "stats": ["34"],
        "sourced": [],
        "cites": [],
        "type": "service",
        "features": ["testimonials"],
    },
)

# ---------------------------------------------------------------------------------------------
# English articles
# ---------------------------------------------------------------------------------------------

add(
    id="en-wp-heatpump",
    url="https://www.greenheat.example/blog/heat-pump-running-costs/",
    tpl="wp",
    lang="en",
    site="GreenHeat Ltd",
    title="What does a heat pump cost to run?",
    meta='<span class="posted-on">Posted on <time class="entry-date published" datetime="2024-11-04">November 4, 2024</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/olivia-grant/" rel="author">Olivia Grant</a></span></span>',
    body="""<p>A typical three-bedroom home needs about 12,000 kWh of heat a year. With a seasonal efficiency of 3.2, a heat pump uses roughly 3,750 kWh of electricity.</p>
<p>According to <a href="https://www.gov.uk/government/statistics/energy-trends">Energy Trends from the Department for Energy Security</a>, the average unit price was 24.5 pence per kWh in 2024.</p>
<p>“Most of our customers save between £200 and £400 a year compared with an old gas boiler,” says Olivia Grant, a heating engineer at GreenHeat.</p>
<p>Call us on 0161 496 0753 or visit our showroom at 22 Deansgate, Manchester M3 4LQ.</p>""",
    labels={
        "author": ["Olivia Grant"],
        "date": "2024-11-04",
        "quotes": [["Grant", "most of our"]],
        "stats": ["12,000", "3.2", "3,750", "24.5", "200", "400"],
        "sourced": ["24.5"],
        "cites": ["gov.uk"],
        "type": "article",
    },
)

add(
    id="en-hugo-roof",
    url="https://www.roofright.example/posts/flat-roof-lifespan/",
    tpl="hugo",
    lang="en",
    site="RoofRight",
    title="How long does a flat roof last?",
    meta="<span>March 12, 2025</span>&nbsp;·&nbsp;5 min&nbsp;·&nbsp;<span>Daniel Okoye</span>",
    jsonld=article_ld("How long does a flat roof last?", "2025-03-12", "Daniel Okoye"),
    body="""<p>EPDM rubber roofs last 40 to 50 years, felt roofs about 10 to 20 years.</p>
<p>A survey by the National Federation of Roofing Contractors found that 62 percent of flat-roof failures start at the edges.</p>
<p>Our prices start from £85 per square metre.</p>""",
    labels={
        "author": ["Daniel Okoye"],
        "date": "2025-03-12",
        "stats": ["40", "50", "10", "20", "62"],
        "sourced": ["62"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="en-hand-dental",
    url="https://www.smilecare.example/articles/fluoride.html",
    tpl="hand",
    lang="en",
    site="SmileCare Dental",
    title="Is fluoride toothpaste safe for children?",
    meta="<p>Dr. Priya Natarajan, BDS · 9 January 2025</p>",
    body="""<p>The <a href="https://www.nhs.uk/live-well/healthy-body/fluoride/">NHS</a> recommends a smear of toothpaste with at least 1,000 ppm fluoride for children under three.</p>
<p>A Cochrane review of 96 trials found fluoride toothpaste reduces decay by 24 percent (<a href="https://doi.org/10.1002/14651858.CD007868.pub3">Walsh et al. 2019</a>).</p>
<p>“Parents often worry about swallowing, but a smear is a tiny amount,” explains Dr. Priya Natarajan.</p>""",
    labels={
        "author": ["Priya Natarajan"],
        "date": "2025-01-09",
        "quotes": [["Natarajan", "parents often worry"]],
        "stats": ["1,000", "96", "24"],
        "sourced": ["1,000", "96", "24"],
        "cites": ["nhs.uk", "doi.org"],
        "type": "article",
    },
)

add(
    id="en-wp-no-author",
    url="https://www.cleanwater.example/blog/water-softener-guide/",
    tpl="wp",
    lang="en",
    site="CleanWater Co",
    title="Do you need a water softener?",
    meta='<span class="posted-on"><time datetime="2023-06-30">June 30, 2023</time></span>',
    body="""<p>Hard water leaves limescale on taps and in kettles. About 60% of homes in England have hard water, according to the <a href="https://www.dwi.gov.uk/">Drinking Water Inspectorate</a>.</p>
<p>A softener costs from £450 plus installation.</p>
<p>"Softened water is not recommended for drinking in every home," our installers often say.</p>""",
    labels={
        "author": [],
        "date": "2023-06-30",
        "quotes": [],
        "stats": ["60"],
        "sourced": ["60"],
        "cites": ["dwi.gov.uk"],
        "type": "article",
    },
)

add(
    id="en-hugo-interview",
    url="https://www.craftbrew.example/blog/interview-head-brewer/",
    tpl="hugo",
    lang="en",
    site="CraftBrew Supplies",
    title="Interview with our head brewer",
    meta="<span>August 2, 2024</span>&nbsp;·&nbsp;<span>By Megan Price</span>",
    body="""<p>We sat down with head brewer Tom Whitfield to talk about hops.</p>
<p><strong>Megan Price:</strong> How did you get into brewing?</p>
<p><strong>Tom Whitfield:</strong> I started with a kit in my garage in 2011 and never stopped.</p>
<p><strong>Megan Price:</strong> What is your favourite hop?</p>
<p><strong>Tom Whitfield:</strong> Citra. It is forgiving and smells like a fruit bowl.</p>
<p><strong>Megan Price:</strong> Any advice for beginners?</p>
<p><strong>Tom Whitfield:</strong> Sanitise everything, twice.</p>""",
    labels={
        "author": ["Megan Price"],
        "date": "2024-08-02",
        "quotes": [],
        "stats": [],
        "sourced": [],
        "cites": [],
        "type": "article",
        "features": ["interview"],
    },
)

add(
    id="en-wp-insulation",
    url="https://www.warmhomes.example/blog/loft-insulation-savings/",
    tpl="wp",
    lang="en",
    site="WarmHomes",
    title="How much does loft insulation save?",
    meta='<span class="posted-on"><time datetime="2024-01-22">22 January 2024</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/jwilson/">James Wilson</a></span></span>',
    body="""<p>Topping up loft insulation from 100 mm to 270 mm saves a detached house up to £445 a year, the <a href="https://energysavingtrust.org.uk/advice/roof-and-loft-insulation/">Energy Saving Trust</a> estimates.</p>
<p>Around 25 percent of heat is lost through an uninsulated roof.</p>
<p>In our own measurements in 38 homes, indoor temperatures rose by 1.5 °C on average after insulation.</p>""",
    labels={
        "author": ["James Wilson"],
        "date": "2024-01-22",
        "stats": ["100", "270", "445", "25", "38", "1.5"],
        "sourced": ["100", "270", "445", "38", "1.5"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="en-hand-byline-bottom",
    url="https://www.bikefix.example/news/ebike-battery-care.html",
    tpl="hand",
    lang="en",
    site="BikeFix",
    title="Five ways to make your e-bike battery last longer",
    body="""<p>Lithium-ion batteries age fastest when they are stored full and hot.</p>
<p>Store the battery at 30 to 60 percent charge over winter. Research from <a href="https://www.nrel.gov/transportation/battery-lifespan.html">NREL</a> shows capacity loss doubles for every 10 °C rise in storage temperature.</p>
<p>Our workshop at 7 Mill Lane, Oxford OX1 2AB is open Tuesday to Saturday.</p>
<p><em>Written by Hannah Cole, workshop manager. Published 4 April 2024.</em></p>""",
    labels={
        "author": ["Hannah Cole"],
        "date": "2024-04-04",
        "stats": ["30", "60", "10"],
        "sourced": ["10"],
        "cites": ["nrel.gov"],
        "type": "article",
    },
)

add(
    id="en-wp-solar-uk",
    url="https://www.brightsolar.example/blog/solar-panels-uk-output/",
    tpl="wp",
    lang="en",
    site="Bright Solar",
    title="How much electricity do solar panels produce in the UK?",
    meta='<span class="posted-on"><time datetime="2025-02-18">February 18, 2025</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/sam/">Samuel Adeyemi</a></span></span>',
    body="""<p>A 4 kWp system in the south of England produces about 3,400 kWh a year.</p>
<p>Official statistics from the <a href="https://www.gov.uk/government/collections/solar-photovoltaics-deployment">Department for Energy Security and Net Zero</a> count more than 1.5 million solar installations in the UK.</p>
<p>“Orientation matters less than people think: east-west roofs still produce about 80 percent of a south roof,” says Samuel Adeyemi, our lead designer.</p>
<div class="wp-block-gallery"><figure><img src="https://cdn.stockphotos.example/solar1.jpg" alt="solar1.jpg"></figure><figure><img src="https://cdn.stockphotos.example/solar2.jpg" alt=""></figure><figure><img src="https://cdn.stockphotos.example/solar3.jpg" alt=""></figure><figure><img src="https://cdn.stockphotos.example/solar4.jpg"></figure></div>""",
    labels={
        "author": ["Samuel Adeyemi"],
        "date": "2025-02-18",
        "quotes": [["Adeyemi", "orientation matters less"]],
        "stats": ["4", "3,400", "1.5", "80"],
        "sourced": ["1.5"],
        "cites": ["gov.uk"],
        "type": "article",
    },
)

add(
    id="en-hugo-marketing",
    url="https://www.webcraft-agency.example/insights/local-seo-checklist/",
    tpl="hugo",
    lang="en",
    site="WebCraft Agency",
    title="A local SEO checklist for small businesses",
    meta="<span>Updated October 1, 2024</span>",
    body="""<p>Claim your business profile, keep name, address and phone consistent, and collect reviews.</p>
<p>We reviewed 120 local businesses in Leeds; 45 businesses had inconsistent phone numbers across directories.</p>
<p>"Consistency beats volume," as the saying goes in our team.</p>""",
    labels={
        "author": [],
        "date": "2024-10-01",
        "quotes": [],
        # 120 is the review's sample (study design, docs/labelling.md), 45 what it found
        "stats": ["45"],
        "sourced": ["45"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="en-wp-legal-advice",
    url="https://www.harperlaw.example/insights/tenancy-deposit-rules/",
    tpl="wp",
    lang="en",
    site="Harper Law LLP",
    title="Tenancy deposit rules explained",
    meta='<span class="posted-on"><time datetime="2024-09-16">16 September 2024</time></span> <span class="byline">by <a href="/people/rachel-harper/" rel="author">Rachel Harper</a></span>',
    body="""<p>Landlords in England must protect a deposit within 30 days in a government-approved scheme (<a href="https://www.legislation.gov.uk/ukpga/2004/34/part/6/chapter/4">Housing Act 2004</a>).</p>
<p>If they fail, a court can order them to pay up to three times the deposit.</p>
<p>“Check the scheme certificate before you sign anything,” advises Rachel Harper, partner at Harper Law.</p>""",
    labels={
        "author": ["Rachel Harper"],
        "date": "2024-09-16",
        "quotes": [["Harper", "check the scheme"]],
        "stats": ["30"],
        "sourced": ["30"],
        "cites": ["legislation.gov.uk"],
        "type": "article",
    },
)

add(
    id="en-hand-study",
    url="https://www.sleepwell-clinic.example/research/shift-work-sleep.html",
    tpl="hand",
    lang="en",
    site="SleepWell Clinic",
    title="Shift work and sleep: what our patient data shows",
    meta="<p>By Dr. Alan Fischer and Dr. Maria Lopez | Published 11 November 2024</p>",
    body="""<p>We analysed sleep diaries of 412 patients who work night shifts. On average they slept 5.9 hours on work days.</p>
<p>Methodology: patients kept a diary for 14 days; we excluded incomplete diaries.</p>
<canvas id="sleepChart" aria-label="Chart of sleep hours per weekday"></canvas>
<p>The <a href="https://www.cdc.gov/niosh/work-hour-training-for-nurses/">CDC's NIOSH</a> recommends anchor sleep of at least 4 hours at the same time every day.</p>""",
    labels={
        "author": ["Alan Fischer", "Maria Lopez"],
        "date": "2024-11-11",
        "stats": ["412", "5.9", "14", "4"],
        "sourced": ["412", "5.9", "14", "4"],
        "cites": ["cdc.gov"],
        "type": "article",
        "features": ["data"],
    },
)

add(
    id="en-wp-vimeo",
    url="https://www.tilepro.example/blog/how-to-grout-tiles/",
    tpl="wp",
    lang="en",
    site="TilePro",
    title="How to grout tiles like a pro",
    meta='<span class="posted-on"><time datetime="2023-11-20">November 20, 2023</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/lee/">Lee Chang</a></span></span>',
    body="""<p>Grout is easy once you know the rhythm. Watch our video:</p>
<iframe src="https://player.vimeo.com/video/123456" width="640" height="360"></iframe>
<p>Leave the grout to cure for 24 hours before you clean the haze.</p>""",
    labels={
        "author": ["Lee Chang"],
        "date": "2023-11-20",
        "stats": ["24"],
        "sourced": [],
        "cites": [],
        "type": "article",
        "features": ["media"],
    },
)

add(
    id="en-hugo-byline-class-odd",
    url="https://www.gardenly.example/journal/2024/05/no-dig-beds/",
    tpl="hugo",
    lang="en",
    site="Gardenly",
    title="No-dig beds: a season of results",
    meta="<span>May 14, 2024</span>",
    body="""<p>Our test beds produced 18 kg of vegetables per square metre, compared with 15 kg in dug beds.</p>
<div class="gallery-grid bilder"><img src="/img/nodig-1.jpg" alt="Compost layer on cardboard in March"><img src="/img/nodig-2.jpg" alt="Young lettuce in the no-dig bed in April"><img src="/img/nodig-3.jpg" alt="Harvest of beetroot and chard in June"><img src="/img/nodig-4.jpg" alt="Comparison of dug and no-dig beds in July"></div>
<p class="contributor">Words and photos: Rosa Delgado</p>""",
    labels={
        "author": ["Rosa Delgado"],
        "date": "2024-05-14",
        "stats": ["18", "15"],
        "sourced": [],
        "cites": [],
        "type": "article",
        "features": ["gallery"],
    },
)

add(
    id="en-wp-reviews",
    url="https://www.cozyrooms.example/reviews/",
    tpl="wp",
    lang="en",
    site="Cozy Rooms B&B",
    title="What our guests say",
    jsonld={
        "@context": "https://schema.org",
        "@type": "LodgingBusiness",
        "name": "Cozy Rooms B&B",
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.8", "reviewCount": "212"},
    },
    body="""<div class="reviews"><div class="review"><blockquote><p>Lovely breakfast and a quiet room, we will come back next year.</p></blockquote><p>Anna, Bristol</p></div>
<div class="review"><blockquote><p>The best bed and breakfast we have stayed at in the Lake District.</p></blockquote><p>Mark &amp; Julie</p></div></div>
<p>Rooms from £95 per night.</p>""",
    labels={
        "author": [],
        "date": None,
        "quotes": [],
        "stats": [],
        "sourced": [],
        "cites": [],
        "type": "other",
        "features": ["testimonials"],
    },
)

# ---------------------------------------------------------------------------------------------
# Impressum and legal pages (German and English)
# ---------------------------------------------------------------------------------------------

IMPRESSUM_PAGES = [
    (
        "imp-gmbh-complete",
        "https://www.solar-nord.example/impressum/",
        """<h2>Angaben gemäß § 5 DDG</h2>
<p>Solar Nord GmbH<br>Industriestraße 7<br>79110 Freiburg im Breisgau</p>
<p>Vertreten durch die Geschäftsführerin Jana Albrecht</p>
<p>Telefon: +49 761 4567-89<br>E-Mail: info@solar-nord.example</p>
<p>Registergericht: Amtsgericht Freiburg<br>Registernummer: HRB 712345</p>
<p>Umsatzsteuer-Identifikationsnummer: DE 312 456 789</p>""",
        ["legal-form", "address", "representative", "email", "second-channel", "register", "vat-id"],
    ),
    (
        "imp-tmg",
        "https://www.heizung-kaiser.example/impressum.html",
        """<p>Angaben gemäß § 5 TMG</p>
<p>Kaiser Haustechnik GmbH &amp; Co. KG<br>Am Mühlbach 3<br>79312 Emmendingen</p>
<p>Persönlich haftende Gesellschafterin: Kaiser Verwaltungs GmbH, vertreten durch Thomas Kaiser</p>
<p>Tel. 07641 9312-0 · Fax 07641 9312-99 · kontakt@heizung-kaiser.example</p>
<p>Handelsregister: AG Freiburg HRA 701122</p>""",
        ["legal-form", "address", "representative", "email", "second-channel", "register", "tmg"],
    ),
    (
        "imp-einzelunternehmen",
        "https://www.maler-kunz.example/impressum/",
        """<p>Malerbetrieb Kunz<br>Inhaber: Peter Kunz<br>Rotebühlstraße 88<br>70178 Stuttgart</p>
<p>E-Mail: peter.kunz@maler-kunz.example<br>Telefon 0711 6655443</p>
<p>Zuständige Kammer: Handwerkskammer Region Stuttgart</p>""",
        ["address", "representative", "email", "second-channel"],
    ),
    (
        "imp-missing-register",
        "https://www.it-service-braun.example/impressum/",
        """<p>IT-Service Braun UG (haftungsbeschränkt)</p>
<p>Bahnhofstraße 21, 72764 Reutlingen</p>
<p>Geschäftsführer: Felix Braun</p>
<p>Mail: hallo@it-service-braun.example</p>""",
        ["legal-form", "address", "representative", "email"],
    ),
    (
        "imp-ag",
        "https://www.weingut-kaiserstuhl.example/impressum.html",
        """<p>Weinkellerei Kaiserstuhl AG<br>Winzerweg 1<br>79235 Vogtsburg im Kaiserstuhl</p>
<p>Vorstand: Tobias Brenner (Vorsitzender), Eva Brenner<br>Aufsichtsratsvorsitzender: Karl Huber</p>
<p>Telefon: 07662 9400 · Kontaktformular auf der Seite Kontakt<br>E-Mail: wein [at] kaiserstuhl-wein [punkt] example</p>
<p>Sitz der Gesellschaft: Vogtsburg, Registergericht: Amtsgericht Freiburg i. Br., HRB 700999</p>
<p>USt-IdNr.: DE123456789</p>""",
        ["legal-form", "address", "representative", "email", "second-channel", "register", "vat-id"],
    ),
    (
        "imp-gbr",
        "https://www.physio-am-markt.example/impressum.html",
        """<p>Physio am Markt GbR<br>Gesellschafterinnen: Sandra Okafor und Lea Brandt<br>Marktplatz 4<br>88212 Ravensburg</p>
<p>Telefon 0751 112233, E-Mail praxis@physio-am-markt.example</p>
<p>Berufsbezeichnung: Physiotherapeutin (verliehen in der Bundesrepublik Deutschland)</p>""",
        ["legal-form", "address", "representative", "email", "second-channel"],
    ),
    (
        "imp-verein",
        "https://www.sportverein-lahr.example/impressum/",
        """<p>TV Lahr 1846 e. V.<br>Dammenmühle 2<br>77933 Lahr/Schwarzwald</p>
<p>Vertretungsberechtigter Vorstand: Andreas Keller (1. Vorsitzender)</p>
<p>Eingetragen im Vereinsregister beim Amtsgericht Freiburg, VR 390123</p>
<p>Kontakt: info@tv-lahr.example · Telefon 07821 5566</p>""",
        ["legal-form", "address", "representative", "email", "second-channel", "register"],
    ),
    (
        "imp-no-email",
        "https://www.dachdecker-roth.example/impressum.html",
        """<p>Dachdeckerei Roth GmbH<br>Werkstraße 9<br>77652 Offenburg</p>
<p>Geschäftsführer: Michael Roth</p>
<p>Telefon: 0781 445566</p>
<p>Amtsgericht Freiburg HRB 480777</p>""",
        ["legal-form", "address", "representative", "second-channel", "register"],
    ),
    (
        "imp-en-uk",
        "https://www.greenheat.example/legal-notice/",
        """<p>GreenHeat Ltd is a company registered in England and Wales.</p>
<p>Company number: 09876543. Registered office: 22 Deansgate, Manchester M3 4LQ.</p>
<p>Directors: Olivia Grant, Peter Hughes</p>
<p>Email: hello@greenheat.example · Phone: +44 161 496 0753</p>""",
        ["legal-form", "address", "representative", "email", "second-channel", "register"],
    ),
    (
        "imp-partg",
        "https://www.kanzlei-richter.example/impressum/",
        """<p>Richter &amp; Partner Rechtsanwälte PartG mbB<br>Kaiser-Joseph-Straße 240<br>79098 Freiburg</p>
<p>Vertretungsberechtigte Partner: Dr. Martin Richter, Julia Stein</p>
<p>Tel.: 0761 3030-0 · Fax: 0761 3030-30 · E-Mail: kanzlei@richter-partner.example</p>
<p>Partnerschaftsregister: Amtsgericht Essen, PR 4711</p>
<p>Zuständige Kammer: Rechtsanwaltskammer Freiburg</p>
<p>USt-IdNr.: DE 287 654 321</p>""",
        ["legal-form", "address", "representative", "email", "second-channel", "register", "vat-id"],
    ),
]
for file_id, url, body, elements in IMPRESSUM_PAGES:
    lang = "en" if "/legal-notice/" in url else "de"
    add(
        id=file_id,
        url=url,
        tpl="hand",
        lang=lang,
        site="",
        foot='<a href="/">Start</a> · <a href="/datenschutz/">Datenschutz</a>',
        title="Legal notice" if lang == "en" else "Impressum",
        body=body,
        labels={
            "impressum": elements,
            "type": "legal",
            "author": [],
            "stats": [],
            "quotes": [],
            "cites": [],
            "date": None,
        },
    )

# ---------------------------------------------------------------------------------------------
# Other page kinds: home, service, listing, profile, contact, about, privacy
# ---------------------------------------------------------------------------------------------

add(
    id="de-home",
    url="https://www.solar-nord.example/",
    tpl="hand",
    lang="de",
    site="Solar Nord GmbH",
    title="Solar Nord – Photovoltaik und Speicher aus Freiburg",
    body="""<p>Seit 2009 planen und bauen wir Solaranlagen in Südbaden. Über 1.400 Anlagen sind in Betrieb.</p>
<p>Rufen Sie uns an: 0761 4567-89 · Industriestraße 7, 79110 Freiburg.</p>
<p><a href="/leistungen/photovoltaik/">Photovoltaik</a> · <a href="/leistungen/speicher/">Speicher</a> · <a href="/ratgeber/">Ratgeber</a></p>""",
    labels={"type": "home", "author": [], "date": None, "stats": ["1.400"], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-home",
    url="https://www.greenheat.example/",
    tpl="wp",
    lang="en",
    site="GreenHeat Ltd",
    title="GreenHeat – heat pumps for homes in the North West",
    body="""<p>We have installed more than 900 heat pumps since 2015.</p>
<div class="testimonials"><div class="testimonial"><p>“The installers were tidy and explained everything.” – Sarah, Stockport</p></div></div>
<p>Call 0161 496 0753 for a free survey.</p>""",
    labels={
        "type": "home",
        "author": [],
        "date": None,
        "stats": ["900"],
        "sourced": [],
        "quotes": [],
        "cites": [],
        "features": ["testimonials"],
    },
)

add(
    id="de-service",
    url="https://www.solar-nord.example/leistungen/photovoltaik/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Photovoltaik für Ihr Dach",
    jsonld={"@context": "https://schema.org", "@type": "Service", "name": "Photovoltaik-Planung und Montage"},
    body="""<p>Wir planen Ihre PV-Anlage, kümmern uns um die Anmeldung und montieren mit eigenen Teams.</p>
<p>Pakete ab 9.990 € inkl. MwSt. Beratung unter 0761 4567-89.</p>
<h2>Unser Ablauf</h2><ol><li>Vor-Ort-Termin</li><li>Angebot</li><li>Montage</li></ol>""",
    labels={"type": "service", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-service",
    url="https://www.roofright.example/services/flat-roofs/",
    tpl="hugo",
    lang="en",
    site="RoofRight",
    title="Flat roof repairs and replacement",
    body="""<p>We repair and replace flat roofs across Kent. EPDM, GRP and felt.</p>
<p>Free quotes, prices from £1,200. Call 01227 555 010.</p>""",
    labels={"type": "service", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

LISTING_LINKS_DE = "".join(
    f'<article><h2><a href="/ratgeber/{slug}/">{title}</a></h2><p>{date} · <a href="/ratgeber/{slug}/">Weiterlesen</a></p></article>'
    for slug, title, date in [
        ("waermepumpe-altbau", "Wärmepumpe im Altbau: Wann lohnt sie sich?", "11. Februar 2025"),
        ("stromspeicher-groesse", "Wie groß sollte ein Stromspeicher sein?", "3. Oktober 2024"),
        ("interview-balkonkraftwerk", "Interview: Balkonkraftwerke", "5. Juni 2024"),
        ("pv-reinigung-video", "Video: PV-Anlage richtig reinigen", "21. März 2024"),
        ("gastbeitrag-netzbetreiber", "Gastbeitrag: Was Netzbetreiber erwarten", "12. August 2024"),
        ("foerderung-2023", "Förderung 2023 im Überblick", "17. Januar 2023"),
    ]
)
add(
    id="de-listing-ratgeber",
    url="https://www.solar-nord.example/ratgeber/",
    tpl="hand",
    lang="de",
    site="Solar Nord GmbH",
    title="Ratgeber",
    body=LISTING_LINKS_DE,
    labels={"type": "listing", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="de-listing-page2",
    url="https://www.solar-nord.example/ratgeber/page/2/",
    tpl="hand",
    lang="de",
    site="Solar Nord GmbH",
    title="Ratgeber – Seite 2",
    body=LISTING_LINKS_DE,
    labels={"type": "listing", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-listing-category",
    url="https://www.greenheat.example/blog/category/heat-pumps/",
    tpl="wp",
    lang="en",
    site="GreenHeat Ltd",
    title="Category: Heat pumps",
    body="".join(
        f'<article><h2><a href="/blog/post-{i}/">Heat pump question number {i} answered</a></h2></article>'
        for i in range(1, 9)
    ),
    labels={"type": "listing", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="de-profile",
    url="https://www.solar-nord.example/team/jana-albrecht/",
    tpl="hand",
    lang="de",
    site="Solar Nord GmbH",
    title="Jana Albrecht – Geschäftsführerin",
    jsonld={
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "mainEntity": {
            "@type": "Person",
            "name": "Jana Albrecht",
            "jobTitle": "Geschäftsführerin",
            "sameAs": ["https://www.linkedin.com/in/jana-albrecht-example"],
        },
    },
    body="""<p>Jana Albrecht ist Diplom-Ingenieurin (FH) für Elektrotechnik und zertifizierte Energieberaterin (BAFA).</p>
<p>Sie leitet Solar Nord seit 2015 und hat über 15 Jahre Erfahrung mit Photovoltaik.</p>""",
    labels={"type": "profile", "author": [], "date": None, "stats": ["15"], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-profile",
    url="https://www.harperlaw.example/people/rachel-harper/",
    tpl="wp",
    lang="en",
    site="Harper Law LLP",
    title="Rachel Harper – Partner",
    body="""<p>Rachel Harper is a partner specialising in property law. She qualified as a solicitor in 2008 and has 16 years of experience in residential tenancy disputes.</p>""",
    labels={"type": "profile", "author": [], "date": None, "stats": ["16"], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="de-kontakt",
    url="https://www.solar-nord.example/kontakt/",
    tpl="hand",
    lang="de",
    site="Solar Nord GmbH",
    title="Kontakt",
    body="""<p>Solar Nord GmbH<br>Industriestraße 7<br>79110 Freiburg im Breisgau</p>
<p>Telefon: +49 761 4567-89<br>E-Mail: info@solar-nord.example</p>
<p>Öffnungszeiten: Mo–Fr 8:00–17:00 Uhr</p>""",
    labels={"type": "contact", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-contact",
    url="https://www.greenheat.example/contact-us/",
    tpl="wp",
    lang="en",
    site="GreenHeat Ltd",
    title="Contact us",
    body="""<p>GreenHeat Ltd, 22 Deansgate, Manchester M3 4LQ</p><p>Phone: 0161 496 0753 · Email: hello@greenheat.example</p>
<p>Opening hours: Monday to Friday, 8am to 6pm.</p>""",
    labels={"type": "contact", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="de-ueber-uns",
    url="https://www.solar-nord.example/ueber-uns/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Über uns",
    body="""<p>Solar Nord wurde 2009 von Jana Albrecht und Markus Feld gegründet. Heute arbeiten 24 Menschen bei uns.</p>
<p>Wir sind Mitglied der <a href="https://www.hwk-freiburg.de/">Handwerkskammer Freiburg</a>.</p>""",
    labels={
        "type": "about",
        "author": [],
        "date": None,
        "stats": ["24"],
        "sourced": [],
        "quotes": [],
        "cites": ["hwk-freiburg.de"],
    },
)

add(
    id="en-about",
    url="https://www.brightsolar.example/about-us/",
    tpl="hugo",
    lang="en",
    site="Bright Solar",
    title="About Bright Solar",
    body="""<p>Bright Solar was founded in 2012. Our team of 18 installers is MCS certified.</p>""",
    labels={"type": "about", "author": [], "date": None, "stats": ["18"], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="de-datenschutz",
    url="https://www.solar-nord.example/datenschutz/",
    tpl="wp",
    lang="de",
    site="Solar Nord GmbH",
    title="Datenschutzerklärung",
    body="""<p>Verantwortlich im Sinne der DSGVO ist die Solar Nord GmbH, Industriestraße 7, 79110 Freiburg.</p>
<p>Wir speichern Kontaktanfragen für 6 Monate. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO.</p>""",
    labels={"type": "legal", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-privacy",
    url="https://www.greenheat.example/privacy-policy/",
    tpl="hand",
    lang="en",
    site="GreenHeat Ltd",
    title="Privacy policy",
    body="""<p>GreenHeat Ltd is the data controller. We keep enquiry data for 12 months.</p>""",
    labels={"type": "legal", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="en-terms",
    url="https://www.cozyrooms.example/terms-and-conditions/",
    tpl="hand",
    lang="en",
    site="Cozy Rooms B&B",
    title="Terms and conditions",
    body="""<p>Bookings cancelled less than 7 days before arrival are charged in full.</p>""",
    labels={"type": "legal", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="de-faq",
    url="https://www.solar-nord.example/faq/",
    tpl="hand",
    lang="de",
    site="Solar Nord GmbH",
    title="Häufige Fragen",
    body="""<h3>Wie lange dauert die Montage?</h3><p>Meist ein bis zwei Tage.</p>
<h3>Brauche ich eine Baugenehmigung?</h3><p>In Baden-Württemberg in der Regel nicht.</p>""",
    labels={"type": "service", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)


# ---------------------------------------------------------------------------------------------
# Second batch: written after the detectors were tuned on the pages above, as an out-of-sample check.
# Its first run (before any change for it): bylines P 1.00 / R 0.88, dates 1.00 / 1.00, Impressum
# 1.00 / 1.00, attributed quotes 0.75 / 0.60, statistics 0.95 / 0.79, outbound citations 1.00 / 0.80.
# The misses were then fixed in general rules (role words before titles, "warns our engineer, NAME",
# units g/ml, RKI and other public bodies, "estimates" as a source), so it is no longer held out.
# ---------------------------------------------------------------------------------------------

HOLDOUT_START = len(PAGES)

add(
    id="ho-de-typo3-news",
    url="https://www.stadtwerke-beispiel.example/aktuelles/news-detail/fernwaerme-ausbau/",
    tpl="hand",
    lang="de",
    site="Stadtwerke Beispielstadt",
    title="Fernwärme: Ausbau im Westviertel beginnt",
    meta='<div class="news-list-date"><time datetime="2025-04-02">02.04.2025</time></div><div class="news-list-author">Pressestelle</div>',
    body="""<p>Ab Mai verlegen wir im Westviertel 4,5 Kilometer neue Fernwärmeleitungen. Angeschlossen werden rund 1.200 Haushalte.</p>
<p>„Mit dem Ausbau sparen wir jedes Jahr etwa 9.000 Tonnen CO₂ ein“, sagt Geschäftsführer Dr. Klaus Berger.</p>
<p>Laut dem Wärmeplan der Stadt sollen bis 2035 insgesamt 40 Prozent der Gebäude mit Fernwärme versorgt werden. Die Planung folgt dem <a href="https://www.gesetze-im-internet.de/wpg/">Wärmeplanungsgesetz</a>.</p>
<p>Fragen beantwortet unser Kundenzentrum unter 0800 1234500.</p>""",
    labels={
        "author": [],
        "date": "2025-04-02",
        "quotes": [["Berger", "mit dem ausbau"]],
        "stats": ["4,5", "1.200", "9.000", "40"],
        "sourced": ["40"],
        "cites": ["gesetze-im-internet.de"],
        "type": "article",
    },
)

add(
    id="ho-de-joomla-tipp",
    url="https://www.kaminbau-wolf.example/index.php/ratgeber/kaminofen-richtig-heizen",
    tpl="hand",
    lang="de",
    site="Kaminbau Wolf",
    title="Kaminofen richtig heizen",
    meta='<dl class="article-info"><dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Geschrieben von <span itemprop="name">Stefan Wolf</span></dd><dd class="published"><time datetime="2023-11-14T09:00:00+00:00" itemprop="datePublished">Veröffentlicht: 14. November 2023</time></dd></dl>',
    body="""<p>Holz sollte eine Restfeuchte unter 20 Prozent haben. Feuchtes Holz verursacht Ruß und Feinstaub.</p>
<p>Nach Angaben des <a href="https://www.umweltbundesamt.de/themen/luft/emissionen-von-luftschadstoffen">Umweltbundesamtes</a> stammen rund 17 Prozent des Feinstaubs aus Holzfeuerungen in Haushalten.</p>
<p>Ein Schornsteinfeger-Check kostet ab 60 Euro. Tipp: Zünden Sie das Feuer von oben an.</p>""",
    labels={
        "author": ["Stefan Wolf"],
        "date": "2023-11-14",
        "quotes": [],
        "stats": ["20", "17"],
        "sourced": ["17"],
        "cites": ["umweltbundesamt.de"],
        "type": "article",
    },
)

add(
    id="ho-de-wp-steuer-tipps",
    url="https://www.lohnsteuerhilfe-nord.example/blog/homeoffice-pauschale/",
    tpl="wp",
    lang="de",
    site="Lohnsteuerhilfe Nord e. V.",
    title="Homeoffice-Pauschale 2025",
    meta='<span class="posted-on"><time datetime="2025-01-15">15. Januar 2025</time></span> <span class="byline">von <span class="author vcard"><a href="/author/petra/">Petra Hansen</a></span></span>',
    body="""<p>Für jeden Tag im Homeoffice können Sie 6 Euro absetzen, höchstens 1.260 Euro im Jahr. Das regelt § 4 Abs. 5 Nr. 6c EStG.</p>
<p>Nach einer Umfrage des Branchenverbands Bitkom arbeiten 24 Prozent der Erwerbstätigen zumindest teilweise von zu Hause.</p>
<p>„Viele vergessen, dass die Pauschale auch ohne Arbeitszimmer gilt“, erklärt Beraterin Petra Hansen.</p>
<p>Mitgliedsbeitrag ab 99 € im Jahr, Beratungsstellen in 25524 Itzehoe und 24103 Kiel.</p>""",
    labels={
        "author": ["Petra Hansen"],
        "date": "2025-01-15",
        "quotes": [["Hansen", "viele vergessen dass"]],
        "stats": ["6", "1.260", "24"],
        "sourced": ["24"],
        "cites": [],
        "type": "article",
    },
)

add(
    id="ho-de-hugo-handwerk",
    url="https://www.zimmerei-brandt.example/blog/holzrahmenbau-vorteile/",
    tpl="hugo",
    lang="de",
    site="Zimmerei Brandt",
    title="Holzrahmenbau: fünf Vorteile",
    meta="<span>8. Juli 2024</span>&nbsp;·&nbsp;<span>Zimmermeister Lars Brandt</span>",
    body="""<p>Ein Holzrahmenhaus steht oft in 6 bis 8 Wochen. Die Wände werden in unserer Halle vorgefertigt.</p>
<p>Holz speichert Kohlendioxid: Ein Kubikmeter Bauholz bindet etwa eine Tonne CO₂, schreibt die <a href="https://www.fnr.de/">Fachagentur Nachwachsende Rohstoffe</a>.</p>
<p>„Unsere Kunden sind überrascht, wie ruhig eine Holzbaustelle ist“, sagt Lars Brandt.</p>
<div class="gallery"><img src="/bilder/rahmen-1.jpg" alt="Wandelement wird in der Halle gedämmt"><img src="/bilder/rahmen-2.jpg" alt="Kran setzt das erste Wandelement"><img src="/bilder/rahmen-3.jpg" alt="Dachstuhl aus Fichte am zweiten Tag"><img src="/bilder/rahmen-4.jpg" alt="Fertiges Haus mit Lärchenfassade"></div>""",
    labels={
        "author": ["Lars Brandt"],
        "date": "2024-07-08",
        "quotes": [["Brandt", "unsere kunden sind"]],
        "stats": ["6", "8"],
        "sourced": [],
        "cites": [],
        "type": "article",
        "features": ["gallery"],
    },
)

add(
    id="ho-de-hand-praxis",
    url="https://www.tierarzt-schulze.example/wissen/zecken-beim-hund.html",
    tpl="hand",
    lang="de",
    site="Tierarztpraxis Schulze",
    title="Zecken beim Hund: Was hilft?",
    meta="<p>Tierärztin Dr. Anna Schulze · 22.03.2024</p>",
    body="""<p>Zecken übertragen Borreliose und Anaplasmose. In Süddeutschland sind bis zu 30 Prozent der Zecken mit Borrelien infiziert, berichtet das <a href="https://www.rki.de/">Robert Koch-Institut</a>.</p>
<p>Wir empfehlen einen Zeckenschutz ab März. Sprechstunde Mo–Fr 9–12 Uhr, Telefon 0711 223344.</p>
<blockquote>Nach dem Spaziergang das Fell absuchen – das ist der beste Schutz.</blockquote>""",
    labels={
        "author": ["Anna Schulze"],
        "date": "2024-03-22",
        "quotes": [],
        "stats": ["30"],
        "sourced": ["30"],
        "cites": ["rki.de"],
        "type": "article",
    },
)

add(
    id="ho-de-impressum-kg",
    url="https://www.kaminbau-wolf.example/index.php/impressum",
    tpl="hand",
    lang="de",
    site="",
    foot='<a href="/">Start</a>',
    title="Impressum",
    body="""<p>Kaminbau Wolf GmbH &amp; Co. KG<br>Ofenweg 5<br>72070 Tübingen</p>
<p>Komplementärin: Wolf Verwaltungs GmbH, diese vertreten durch den Geschäftsführer Stefan Wolf</p>
<p>Telefon: 07071 556677<br>E-Mail: info@kaminbau-wolf.example</p>
<p>Amtsgericht Stuttgart HRA 725512</p>
<p>Angaben gemäß § 5 TMG</p>""",
    labels={
        "impressum": ["legal-form", "address", "representative", "email", "second-channel", "register", "tmg"],
        "type": "legal",
        "author": [],
        "date": None,
        "stats": [],
        "quotes": [],
        "cites": [],
    },
)

add(
    id="ho-de-impressum-freiberufler",
    url="https://www.architektin-lehmann.example/impressum/",
    tpl="hand",
    lang="de",
    site="",
    foot='<a href="/">Start</a>',
    title="Impressum",
    body="""<p>Dipl.-Ing. Architektin Maria Lehmann<br>Gartenstraße 14<br>01067 Dresden</p>
<p>Tel. 0351 8899001 · Fax 0351 8899002<br>mail@architektin-lehmann.example</p>
<p>Mitglied der Architektenkammer Sachsen, Kammer-Nr. 3456-00-1-a</p>
<p>USt-IdNr.: DE 298 765 432</p>""",
    labels={
        "impressum": ["address", "email", "second-channel", "vat-id"],
        "type": "legal",
        "author": [],
        "date": None,
        "stats": [],
        "quotes": [],
        "cites": [],
    },
)

add(
    id="ho-en-squarespace",
    url="https://www.harbourbakery.example/journal/sourdough-starter-guide",
    tpl="hand",
    lang="en",
    site="Harbour Bakery",
    title="How we keep our sourdough starter alive",
    meta='<div class="blog-meta-section"><span class="blog-author">Tom Reilly</span> <time class="blog-date" datetime="2024-02-09">February 9, 2024</time></div>',
    body="""<p>Our starter is 14 years old and gets fed twice a day with 500 g of rye flour.</p>
<p>According to a study in <a href="https://doi.org/10.7554/eLife.61644">eLife</a>, bakers' starters contain on average 3.8 species of bacteria.</p>
<p>“Treat it like a pet and it will forgive a missed feeding,” says head baker Tom Reilly.</p>
<video src="/media/starter-feeding.mp4" controls></video>
<p>Loaves from £4.50, Tuesday to Sunday.</p>""",
    labels={
        "author": ["Tom Reilly"],
        "date": "2024-02-09",
        "quotes": [["Reilly", "treat it like"]],
        "stats": ["14", "500", "3.8"],
        "sourced": ["3.8"],
        "cites": ["doi.org"],
        "type": "article",
        "features": ["media"],
    },
)

add(
    id="ho-en-wp-accountant",
    url="https://www.ledgerwise.example/blog/making-tax-digital-2026/",
    tpl="wp",
    lang="en",
    site="Ledgerwise Accountants",
    title="Making Tax Digital for sole traders: what changes in 2026",
    meta='<span class="posted-on"><time datetime="2025-05-20">20 May 2025</time></span> <span class="byline">by <a href="/team/aisha-khan/" rel="author">Aisha Khan ACA</a></span>',
    body="""<p>From April 2026, sole traders with income over £50,000 must keep digital records, according to <a href="https://www.gov.uk/guidance/check-if-youre-eligible-for-making-tax-digital-for-income-tax">HMRC guidance</a>.</p>
<p>The threshold falls to £30,000 a year later. HMRC estimates that 780,000 people are affected in the first year.</p>
<p>Our bookkeeping package costs from £40 a month.</p>""",
    labels={
        "author": ["Aisha Khan"],
        "date": "2025-05-20",
        "quotes": [],
        "stats": ["50,000", "30,000", "780,000"],
        # label corrected after the first run: "HMRC estimates" names a source
        "sourced": ["50,000", "780,000"],
        "cites": ["gov.uk"],
        "type": "article",
    },
)

add(
    id="ho-en-hugo-garden",
    url="https://www.wildflowerco.example/posts/meadow-from-lawn/",
    tpl="hugo",
    lang="en",
    site="Wildflower Co",
    title="Turning a lawn into a meadow",
    meta="<span>Sep 3, 2024</span>&nbsp;·&nbsp;<span>Ellie Marsh</span>",
    jsonld=article_ld("Turning a lawn into a meadow", "2024-09-03", "Ellie Marsh"),
    body="""<p>Britain has lost 97 percent of its wildflower meadows since the 1930s, Plantlife estimates.</p>
<p>Mow once in late summer and remove the cuttings. Sow yellow rattle at 1 g per square metre.</p>
<table><tr><th>Year</th><th>Species counted</th></tr><tr><td>2021</td><td>6</td></tr><tr><td>2022</td><td>14</td></tr><tr><td>2023</td><td>23</td></tr></table>
<p>We counted plant species in our own test plot each June.</p>""",
    labels={
        "author": ["Ellie Marsh"],
        "date": "2024-09-03",
        "quotes": [],
        "stats": ["97", "1", "6", "14", "23"],
        "sourced": ["97"],
        "cites": [],
        "type": "article",
        "features": ["data"],
    },
)

add(
    id="ho-en-hand-plumber",
    url="https://www.fixitplumbing.example/advice/frozen-pipes.html",
    tpl="hand",
    lang="en",
    site="FixIt Plumbing",
    title="What to do about frozen pipes",
    body="""<p>A burst pipe can release 400 litres of water an hour. Turn off the stopcock first.</p>
<p>"Never use a blowtorch on a frozen pipe," warns our senior engineer, Gareth Evans.</p>
<p>Emergency line: 029 2018 0000, 24 hours. Based at Unit 4, Cardiff CF10 1AA.</p>
<p><small>By Gareth Evans, Gas Safe registered engineer</small></p>""",
    labels={
        "author": ["Gareth Evans"],
        "date": None,
        "quotes": [["Evans", "never use a"]],
        "stats": ["400"],
        "sourced": [],
        "cites": [],
        "type": "article",
    },
)

add(
    id="ho-en-legal-notice",
    url="https://www.harbourbakery.example/imprint",
    tpl="hand",
    lang="en",
    site="",
    foot='<a href="/">Home</a>',
    title="Imprint",
    body="""<p>Harbour Bakery Ltd, 3 Quay Street, Bristol BS1 4DJ</p>
<p>Registered in England and Wales, company number 11223344</p>
<p>Director: Tom Reilly · hello@harbourbakery.example · +44 117 496 0000</p>""",
    labels={
        "impressum": ["legal-form", "address", "representative", "email", "second-channel", "register"],
        "type": "legal",
        "author": [],
        "date": None,
        "stats": [],
        "quotes": [],
        "cites": [],
    },
)

add(
    id="ho-de-listing",
    url="https://www.stadtwerke-beispiel.example/aktuelles/",
    tpl="hand",
    lang="de",
    site="Stadtwerke Beispielstadt",
    title="Aktuelles",
    body="".join(
        f'<div class="news-list-item"><h3><a href="/aktuelles/news-detail/meldung-{i}/">Meldung {i} der Stadtwerke</a></h3><p>0{i}.03.2025</p></div>'
        for i in range(1, 8)
    ),
    labels={"type": "listing", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)

add(
    id="ho-de-service",
    url="https://www.kaminbau-wolf.example/index.php/leistungen/kaminsanierung",
    tpl="hand",
    lang="de",
    site="Kaminbau Wolf",
    title="Kaminsanierung",
    body="""<p>Wir sanieren Schornsteine mit Edelstahlrohren oder Keramik. Festpreis ab 2.490 € inkl. MwSt.</p>
<p>Rufen Sie an: 07071 556677.</p>""",
    labels={"type": "service", "author": [], "date": None, "stats": [], "sourced": [], "quotes": [], "cites": []},
)


def labels_by_detector() -> dict[str, dict[str, Any]]:
    detectors: dict[str, dict[str, Any]] = {}
    keys = {
        "author": "bylines",
        "date": "dates",
        "quotes": "attributed_quotes",
        "stats": "statistics",
        "sourced": "sourced_statistics",
        "cites": "outbound_citations",
        "impressum": "impressum",
        "type": "page_types",
        "features": "features",
    }
    for page in PAGES:
        for key, detector in keys.items():
            if key in page["labels"]:
                detectors.setdefault(detector, {})[page["id"]] = page["labels"][key]
            elif key == "features":
                detectors.setdefault(detector, {})[page["id"]] = []
    return detectors


def main() -> None:
    pages_dir = HERE / "pages"
    labels_dir = HERE / "labels"
    pages_dir.mkdir(exist_ok=True)
    labels_dir.mkdir(exist_ok=True)
    index = {}
    for page in PAGES:
        html = TEMPLATES[page["tpl"]](page)
        if page.get("after"):
            html = (
                html.replace("</article>", page["after"] + "</article>", 1)
                if "</article>" in html
                else html.replace("<hr>", page["after"] + "<hr>", 1)
            )
        (pages_dir / f"{page['id']}.html").write_text(html, encoding="utf-8")
        index[page["id"]] = {
            "url": page["url"],
            "lang": page["lang"],
            "template": page["tpl"],
            "holdout": PAGES.index(page) >= HOLDOUT_START,
        }
    (labels_dir / "pages.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for detector, labels in labels_by_detector().items():
        path = labels_dir / f"{detector}.json"
        path.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

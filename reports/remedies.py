"""What to do about a failing check, in plain language (German and English), for the action plan.

Keyed by check id. A check without an entry falls back to its own explanation in the report, so new
checks still get an action-plan row; add a line here when you add a check.
"""

from __future__ import annotations

REMEDIES: dict[str, dict[str, str]] = {
    "ai-crawler-access": {
        "en": "Allow the AI search and answer crawlers in robots.txt (remove the Disallow lines listed "
        "as evidence); blocking training crawlers is fine.",
        "de": "In der robots.txt die KI-Such- und Antwort-Crawler zulassen (die als Beleg genannten "
        "Disallow-Zeilen entfernen); Trainings-Crawler dürfen gesperrt bleiben.",
    },
    "attributed-quotes": {
        "en": "Quote named experts (name, role, company) in each article — your own staff count.",
        "de": "In jedem Artikel namentlich genannte Fachleute zitieren (Name, Funktion, Firma) — "
        "eigene Mitarbeitende zählen.",
    },
    "author-byline": {
        "en": "Show the author's name on every article, linked to an author page with qualifications.",
        "de": "Auf jedem Artikel den Namen der Autorin/des Autors zeigen, verlinkt auf eine Autorenseite "
        "mit Qualifikation.",
    },
    "broken-internal-links": {
        "en": "Fix or remove the broken links listed, or redirect the old URLs (301).",
        "de": "Die aufgeführten kaputten Links korrigieren oder entfernen, oder die alten URLs umleiten (301).",
    },
    "canonical-tag": {
        "en": "Give every page one canonical tag pointing at its own preferred, reachable URL.",
        "de": "Jeder Seite genau ein Canonical-Tag geben, das auf ihre eigene, erreichbare Haupt-URL zeigt.",
    },
    "click-depth": {
        "en": "Link the deep pages from the home page, the menu or a topic hub so they are within three clicks.",
        "de": "Tiefe Seiten von Startseite, Menü oder einer Themen-Übersicht verlinken, sodass sie in "
        "höchstens drei Klicks erreichbar sind.",
    },
    "content-dates": {
        "en": "Show a publication date (and an update date) on every article, also as datePublished in JSON-LD.",
        "de": "Auf jedem Artikel ein Veröffentlichungsdatum (und Aktualisierungsdatum) zeigen, auch als "
        "datePublished im JSON-LD.",
    },
    "heading-structure": {
        "en": "Use one H1 per page and H2/H3 subheadings that say what each section answers.",
        "de": "Eine H1 pro Seite und H2/H3-Zwischenüberschriften verwenden, die sagen, was der Abschnitt beantwortet.",
    },
    "impressum": {
        "en": "Complete the Impressum (all required details, current legal reference) and link it from every page.",
        "de": "Impressum vervollständigen (alle Pflichtangaben, aktuelle Rechtsgrundlage) und von jeder "
        "Seite aus verlinken.",
    },
    "internal-pagerank": {
        "en": "Link your long articles from related articles and hub pages with descriptive anchor text.",
        "de": "Lange Artikel aus verwandten Artikeln und Übersichtsseiten mit aussagekräftigem Linktext verlinken.",
    },
    "llms-txt": {
        "en": "Optional: publish /llms.txt with a short description and links to your key pages.",
        "de": "Optional: eine /llms.txt mit Kurzbeschreibung und Links zu den wichtigsten Seiten veröffentlichen.",
    },
    "crawlable-links": {
        "en": "Render the listed links as <a href> elements (a custom element may wrap one).",
        "de": "Die aufgeführten Links als <a href>-Elemente ausgeben (ein eigenes Element darf eines umschließen).",
    },
    "meta-description": {
        "en": "Write a unique meta description (about 120–160 characters) for each listed page.",
        "de": "Für jede aufgeführte Seite eine eigene Meta-Beschreibung (etwa 120–160 Zeichen) schreiben.",
    },
    "near-duplicates": {
        "en": "Merge the near-duplicate pages, make each distinct, or point the copy's canonical at the original.",
        "de": "Fast gleiche Seiten zusammenlegen, inhaltlich unterscheiden oder das Canonical der Kopie auf "
        "das Original setzen.",
    },
    "noindex": {
        "en": "Remove noindex from pages that should appear in search and AI answers.",
        "de": "noindex von Seiten entfernen, die in Suche und KI-Antworten erscheinen sollen.",
    },
    "organization-schema": {
        "en": "Describe the company as Organization/LocalBusiness in JSON-LD (name, address, logo, contact).",
        "de": "Das Unternehmen als Organization/LocalBusiness im JSON-LD beschreiben (Name, Adresse, Logo, Kontakt).",
    },
    "orphan-pages": {
        "en": "Link the orphan pages from related pages or a hub — or drop them from the sitemap.",
        "de": "Verwaiste Seiten von verwandten Seiten oder einer Übersicht verlinken — oder aus der Sitemap nehmen.",
    },
    "outbound-citations": {
        "en": "Cite and link authoritative sources (studies, standards, authorities) for your key claims.",
        "de": "Für zentrale Aussagen seriöse Quellen (Studien, Normen, Behörden) nennen und verlinken.",
    },
    "person-schema": {
        "en": "Add Person markup for each author in the article's JSON-LD (name, jobTitle, url).",
        "de": "Für jede Autorin/jeden Autor Person-Markup im JSON-LD des Artikels ergänzen (name, jobTitle, url).",
    },
    "readability": {
        "en": "Shorten long sentences and explain technical terms on the listed pages.",
        "de": "Auf den genannten Seiten lange Sätze kürzen und Fachbegriffe erklären.",
    },
    "statistics": {
        "en": "Back claims with concrete figures and name their source (who measured it, when).",
        "de": "Aussagen mit konkreten Zahlen belegen und deren Quelle nennen (wer hat es wann gemessen).",
    },
    "thin-content": {
        "en": "Expand the short pages into full answers (500+ words of real substance) or merge them.",
        "de": "Kurze Seiten zu vollständigen Antworten ausbauen (500+ Wörter mit echtem Inhalt) oder zusammenlegen.",
    },
    "title-tag": {
        "en": "Give each listed page a unique, descriptive title of 30–60 characters.",
        "de": "Jeder aufgeführten Seite einen eigenen, aussagekräftigen Titel mit 30–60 Zeichen geben.",
    },
    "trust-pages": {
        "en": "Publish and link privacy, contact and about pages from every page.",
        "de": "Datenschutz-, Kontakt- und Über-uns-Seite veröffentlichen und von jeder Seite verlinken.",
    },
    "answer-first": {
        "en": "Open each listed article with a two-sentence direct answer to its main question.",
        "de": "Jeden genannten Artikel mit einer direkten Antwort in zwei Sätzen auf seine Hauptfrage beginnen.",
    },
    "author-profiles": {
        "en": "Link every byline to an author page showing qualifications, experience and contact.",
        "de": "Jede Autorenzeile auf eine Autorenseite mit Qualifikation, Erfahrung und Kontakt verlinken.",
    },
    "cluster-depth": {
        "en": "Write one deep article for each shallow topic cluster, or merge its short pages.",
        "de": "Für jedes flache Themencluster einen tiefen Artikel schreiben oder seine kurzen Seiten zusammenlegen.",
    },
    "content-freshness": {
        "en": "Review the old articles, update facts and show a correct, consistent update date.",
        "de": "Alte Artikel prüfen, Fakten aktualisieren und ein korrektes, einheitliches Aktualisierungsdatum zeigen.",
    },
    "depth-signals": {
        "en": "Add definitions, comparisons, tables or step-by-step lists to the listed articles.",
        "de": "Die genannten Artikel um Definitionen, Vergleiche, Tabellen oder Schritt-für-Schritt-Listen ergänzen.",
    },
    "generic-anchors": {
        "en": "Replace link texts like “click here” or “more” with words that say what the target is about.",
        "de": "Linktexte wie „hier klicken“ oder „mehr“ durch Worte ersetzen, die das Ziel beschreiben.",
    },
    "keyword-stuffing": {
        "en": "Cut the repeated keywords; write for readers, with synonyms and natural phrasing.",
        "de": "Wiederholte Schlüsselwörter streichen; für Leser schreiben, mit Synonymen und natürlicher Sprache.",
    },
    "named-experts": {
        "en": "Name the company's experts in the articles (name, role, experience) and quote them.",
        "de": "Die Fachleute des Unternehmens in den Artikeln namentlich nennen (Name, Funktion, Erfahrung) "
        "und zitieren.",
    },
    "nap-consistency": {
        "en": "Use exactly the same company name, address and phone in Impressum, contact page and schema.",
        "de": "Firmenname, Adresse und Telefon in Impressum, Kontaktseite und Schema exakt gleich schreiben.",
    },
    "original-material": {
        "en": "Show your own material: project photos, measured data, customer cases, your own figures.",
        "de": "Eigenes Material zeigen: Projektfotos, gemessene Daten, Kundenprojekte, eigene Zahlen.",
    },
    "redirecting-internal-links": {
        "en": "Point internal links straight at the final URL instead of a redirect.",
        "de": "Interne Links direkt auf die Ziel-URL setzen statt auf eine Weiterleitung.",
    },
    "reviews": {
        "en": "Publish real customer testimonials (with name and project) and mark them up as Review.",
        "de": "Echte Kundenstimmen (mit Name und Projekt) veröffentlichen und als Review auszeichnen.",
    },
    "semantic-duplicates": {
        "en": "Merge pages that answer the same question, or give each its own distinct question.",
        "de": "Seiten, die dieselbe Frage beantworten, zusammenlegen oder jeder eine eigene Frage geben.",
    },
    "topic-hubs": {
        "en": "Create one overview (hub) page per topic that links all its articles.",
        "de": "Je Thema eine Übersichtsseite anlegen, die alle zugehörigen Artikel verlinkt.",
    },
    "topical-focus": {
        "en": "Drop or move the off-topic posts, or tie them clearly to your core expertise.",
        "de": "Themenfremde Beiträge entfernen oder verschieben, oder klar mit der Kernkompetenz verbinden.",
    },
}

# German names of the known categories (the results carry English titles from scoring/config.py).
CATEGORY_TITLES_DE: dict[str, tuple[str, str]] = {
    "expertise": ("Expertise & Vertrauen", "Wer hinter den Inhalten steht: Autoren, Fachleute, Firmenidentität."),
    "evidence": ("Belege", "Was Antwortmaschinen zitieren: Zitate mit Namen, Statistiken, Quellen, Datumsangaben."),
    "depth": ("Tiefe & Fokus", "Weniger, dafür tiefere Artikel zu einem klaren Thema."),
    "links": ("Interne Verlinkung", "Ob Leser und Crawler die tiefen Seiten erreichen."),
    "technical": ("KI-Zugang & Technik", "Ob Such- und KI-Systeme die Seiten abrufen, indexieren und lesen dürfen."),
}

"""The words that name a kind of page (scoring.pagetypes): JSON-LD @type values, URL path segments of
sections and slugs, and title patterns, German and English.
"""

from __future__ import annotations

import re

from scoring.core.lexicons import ABOUT_ME_SLUG, ABOUT_US_SLUG, COMPANY_SLUG

# JSON-LD @type values (lower case, scoring.core.jsonld.type_names) -> kind.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "blogposting",
        "newsarticle",
        "techarticle",
        "report",
        "scholarlyarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "liveblogposting",
    }
)
# Plain "Article" is what SEO plugins put on every page (Rank Math, some themes): alone it says
# little. It counts when the item or the page corroborates it (section, word count, visible date).
WEAK_ARTICLE_TYPES = frozenset({"article"})
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "blog", "searchresultspage"})
PROFILE_TYPES = frozenset({"profilepage"})
ABOUT_TYPES = frozenset({"aboutpage"})
CONTACT_TYPES = frozenset({"contactpage"})
SERVICE_TYPES = frozenset({"service", "course", "educationalprogram", "offercatalog"})
LANDING_TYPES = frozenset(
    {"product", "productgroup", "offer", "aggregateoffer", "softwareapplication", "mobileapplication", "webapplication"}
)
HELP_TYPES = frozenset({"howto"})
OTHER_TYPES = frozenset({"jobposting"})

_EXT = r"(?:\.\w{2,5})?$"  # a path segment, optionally with a file extension
LEGAL_SEGMENT_RE = re.compile(
    r"^(?:impressum|imprint|legal(?:-notice)?|rechtliches|anbieterkennzeichnung|datenschutz\w*|"
    r"privacy(?:-[a-z\d]+)*|data-protection|dsgvo|gdpr|cookie\w*|agb|terms(?:-\w+)*|nutzungsbedingungen|licen[cs]e|lizenz|"
    r"widerruf\w*|barrierefreiheit\w*|accessibility(?:-statement)?|disclaimer|haftungsausschluss|"
    # an association's statutes: "/verein/satzung/", "/bylaws/"
    r"satzung|vereinssatzung|bylaws|by-laws)" + _EXT,
    re.IGNORECASE,
)
CONTACT_SEGMENT_RE = re.compile(
    r"^(?:kontakt(?:formular|seite|daten|[-_](?:und[-_])?(?:anfahrt|formular|anfrage|aufnehmen|uns|seite|daten|info))?|"
    r"contact(?:[-_]?us|[-_](?:form|sales|page|directions|details|info|information|location|team|main))?|"
    r"anfahrt|standort|termin(?:-vereinbaren)?|"
    # directions to the place: "/kontakt/wegbeschreibung/", "/visit/how-to-find-us/"
    r"wegbeschreibung(?:en)?|anfahrtsbeschreibung(?:en)?|anfahrtsweg|anreise|directions|getting-here|"
    r"how-to-get-here|how-to-find-us|find-us|"
    r"get-in-touch)" + _EXT,
    re.IGNORECASE,
)
# A numbered section folder ("/0-about/", "/02_services/", MkDocs and Jekyll collections ordered by
# prefix) is read without its number.
ORDINAL_PREFIX_RE = re.compile(r"^\d{1,2}[-_.](?=[^\W\d_])")
ABOUT_SEGMENT_RE = re.compile(
    rf"^(?:{ABOUT_US_SLUG}|{ABOUT_ME_SLUG}|{COMPANY_SLUG}|"
    r"(?:our|unser|unsere)-?(?:story|geschichte|history|mission|vision|werte|values|team|anspruch|philosophie|"
    r"philosophy|haltung|leitbild)|"
    r"philosophie|philosophy|geschichte|historie|history|chronik|leitbild|werte|values|core-values|mission|vision|"
    r"mission-vision|anspruch|haltung|how-?we-?work|so-arbeiten-wir|arbeitsweise|management(?:-board|-team)?|"
    r"vorstand(?:schaft)?|geschaeftsfuehrung|geschäftsführung|leadership-?team|aufsichtsrat|board|gruender|founders?|ueber|über|"
    # an NGO's transparency page (who funds it, who runs it)
    r"transparenz|transparency|"
    r"qualifikationen|qualifications|zertifikate|certifications|auszeichnungen|awards|"
    r"press-?kit|presse-?kit|media-?kit|"
    # a project's or a network's page about itself and its contributors ("/ueber-das-projekt/", "/mitwirkende/")
    r"(?:ueber|über|about)-(?:das|the|unser|our)-(?:projekt|project|netzwerk|network|initiative|buendnis|bündnis)|"
    r"mitwirkende|contributors|"
    # an association's page about itself (e.V. sites: /verein/, /ueber-den-verein/)
    r"(?:der-|unser-|ueber-den-|über-den-)?verein|"
    # the association that supports the organisation ("/foerderkreis/", "/freundeskreis/", "/friends-of-the-museum/")
    r"f(?:oe|ö)rder(?:kreis|verein)|freundeskreis|friends-of(?:-[a-z\d]+){1,4})" + _EXT,
    re.IGNORECASE,
)
# A person's vita or biography ("/lisa-brenner/vita/", "/about-jo/biography/"): a profile page
PROFILE_SLUG_RE = re.compile(r"^(?:vita|lebenslauf|biografie|biographie|biography|curriculum-vitae)" + _EXT, re.I)
# Sections whose children are about the company (/about/history, /ueber-uns/werte/).
# A bare "/ueber/" section (a project's pages about itself: /ueber/projekt/) is one too.
ABOUT_SECTION_RE = re.compile(
    rf"^(?:{ABOUT_US_SLUG}|{COMPANY_SLUG}|ueber|über|uber)$",
    re.IGNORECASE,
)
# Sections whose children are people: /team/jana-albrecht/, /autor/jana/, /author/jane-doe/.
PROFILE_SECTION_RE = re.compile(
    r"^(?:team|autor(?:en|in)?|authors?|experten|experts?|mitarbeiter(?:innen)?|people|staff|"
    r"ansprechpartner(?:innen)?|unser-team|our-team|profil|profile|speakers?|referent(?:en|in|innen)?|"
    r"redner(?:innen)?|dozent(?:en|in|innen)?|board|board-of-directors|advisory-board|trustees|vorstand|beirat|"
    r"kuratorium|aufsichtsrat)$",
    re.IGNORECASE,
)
PROFILE_TOKENS = frozenset(
    {"speaker", "speakers", "referent", "referenten", "referentin", "referentinnen", "redner", "dozenten"}
)
AUTHOR_ARCHIVE_RE = re.compile(r"^(?:autor|author)$", re.IGNORECASE)  # WordPress-style author archives
PEOPLE_INDEX_RE = re.compile(r"^(?:authors|autoren|autorinnen)$", re.IGNORECASE)  # an index of authors
# A press section inside another section is the index of its releases: /news/press-releases/
PRESS_SECTION_RE = re.compile(
    r"^(?:press-releases|pressreleases|pressemitteilungen|pressemeldungen|medienmitteilungen|presse|press)$",
    re.IGNORECASE,
)
# Editorial sections: /blog/x, /ratgeber/x, /news/x ...
ARTICLE_SECTION_RE = re.compile(
    r"^(?:blog|blogs|ratgeber|magazin|magazine|news|aktuelles|aktuell|neuigkeiten|artikel|articles?|posts?|"
    r"wissen|knowledge|insights|journal|presse|press|tipps|tips|lexikon|glossar|stories|beitraege|beitrag|"
    r"research|forschung|podcasts?|episoden|episodes|ratgeber-\w+|fachartikel|know-how|advice|writings?|"
    r"publikationen|publications|veroeffentlichungen|veröffentlichungen|white-?papers?|"
    r"press-releases|pressreleases|pressemitteilungen|pressemeldungen|medienmitteilungen|"
    r"success-stories|case-?studies|fallstudien|erfolgsgeschichten|customer-stories|kundenstories|"
    r"kundengeschichten|anwenderberichte|praxisberichte|referenzen|references|case_studies|"
    # a project is the story of work done for one client: a case study (docs/labelling.md)
    r"projekte|projects?|portfolio)$",
    re.IGNORECASE,
)
# ... also as the last word of a compound section name: /leadership-stories/x, /company-news/x
ARTICLE_SECTION_TOKENS = frozenset(
    {"blog", "news", "stories", "magazin", "magazine", "podcast", "journal", "insights", "artikel", "beitraege"}
)
# Project sections are case studies, but a project the visitor can join, borrow from or pay for
# (READER_OFFER_RES), undated and unsigned, is an offer: a service page
PROJECT_SECTION_RE = re.compile(r"^(?:projekte|projects?|portfolio)$", re.IGNORECASE)
# Guides and tutorials: an article when dated or authored, else help for the product.
GUIDE_SECTION_RE = re.compile(r"^(?:guides?|tutorials?|anleitungen|how-?tos?|learn|learning)$", re.IGNORECASE)
# A glossary's entries (/wissen/woerterbuch/partizipation/) explain one term each: help when undated
# and unsigned (a dated, signed entry is an article of its section).
GLOSSARY_SECTION_RE = re.compile(
    r"^(?:glossar|glossary|glossare|woerterbuch|wörterbuch|worterbuch|lexikon|lexicon|begriffe|fachbegriffe|"
    r"begriffslexikon|dictionary|terminology|terminologie)$",
    re.IGNORECASE,
)
# Headings of the steps of a method or how-to guide (a method card: preparation, procedure, material),
# each the bare word: "Vorbereitung deiner Demo" on a booking form's "what happens next" is none.
HOWTO_HEADING_RE = re.compile(
    r"^\s*(?:vorbereitung|durchführung|durchfuehrung|nachbereitung|ablauf|anleitung|schritt für schritt|schritte|"
    r"benötigte materialien|materialien|material|preparation|procedure|instructions|step by step|steps|"
    r"materials needed|materials|what you need|you will need)[\s:]*$",
    re.IGNORECASE,
)
# Topic trees: /themen/x/ is a topic's index, but deeper below /themen/ lie its content pages.
TOPIC_SEGMENT_RE = re.compile(r"^(?:topics?|themen)$", re.IGNORECASE)
# The generic anchor of a teaser's link to its page ("Mehr lesen", "Read more", an excerpt's "[…]"):
# repeated to many different pages, it marks their listing. Matched against the stripped anchor.
READ_MORE_RE = re.compile(
    r"^(?:(?:mehr|weiter)[ ]?lesen|read more|continue reading|read the (?:full )?(?:post|article|story)|"
    r"zum (?:beitrag|artikel)|\[(?:…|\.\.\.)\]|…)(?:[ ]?[»›→>…])?$",
    re.IGNORECASE,
)
HELP_SLUG_TOKENS = frozenset({"faq", "faqs"})  # the last word of a compound slug: /about/gpr-faq/
HELP_SEGMENT_RE = re.compile(
    r"^(?:docs?|documentation|dokumentation|hilfe|help|help-?cent(?:er|re)|hilfe-?center|support|faqs?|"
    r"haeufige-fragen|häufige-fragen|fragen-und-antworten|fragenkatalog|knowledge-?base|wissensdatenbank|kb|"
    r"handbuch|benutzerhandbuch|manual|user-guide|get(?:ting)?-started|erste-schritte|quickstart|wiki)" + _EXT,
    re.IGNORECASE,
)
CHANGELOG_SEGMENT_RE = re.compile(
    # "change-log-hub", "release-notes-2024": the unambiguous names also with one word after them
    r"^(?:(?:change-?log|release-?notes)(?:-[^\W_]+)?|versionshinweise|versionshistorie|version-history|"
    r"whats-?new|what-s-new|neuerungen)" + _EXT,
    re.IGNORECASE,
)
LANDING_SEGMENT_RE = re.compile(
    r"^(?:pricing|preise|prices|plans|tarife|preisliste|kosten|features|funktionen|leistungsumfang|"
    r"solutions?|loesungen|lösungen|losungen|loesung|lösung|(?:for|fuer|für)-[^-/]+(?:-[^-/]+)?|enterprise|"
    r"comparisons?|compare|vergleich|vergleiche|alternatives?|"
    r"industries|branchen|use-cases|anwendungsfaelle|anwendungsbereiche|"
    r"partner|partners|partnerprogramm|partner-program|reseller|integrations?|integrationen|"
    r"products?|produkte?|shop|store|online-shop|hersteller|marken|brands?|manufacturers?|kollektion|"
    r"collections?|sortiment)" + _EXT,
    re.IGNORECASE,
)
SERVICE_SECTION_RE = re.compile(
    r"^(?:leistungen|leistung|services?|dienstleistungen|angebot|angebote|unser-angebot|kompetenzen|"
    r"competences|competencies|strengths|expertise|schwerpunkte|fachgebiete|beratung|consulting|kurse|"
    r"courses?|seminare?|seminars?|workshops?|trainings?|schulungen|weiterbildungen?|coaching|behandlungen|"
    r"therapien|foerderung|förderung|production|produktion|"
    r"fertigung|dienste|what-we-do|was-wir-tun|programs-(?:and-)?services|programmes-(?:and-)?services)$",
    re.IGNORECASE,
)
# A slug or title word that names an offered service; German compounds end in it ("kaufberatung").
SERVICE_WORD_RE = re.compile(
    r"(?:beratung|dienst|dienste|dienstleistung|service|services|coaching|training|trainings|schulung|"
    r"schulungen|kurs|kurse|seminar|seminare|workshop|workshops|ausbildung|fortbildung|weiterbildung|"
    r"consulting|support|development|entwicklung|wartung|maintenance|installation|montage|reparatur|"
    r"sanierung|planung|betreuung|begleitung|therapie|behandlung|manufacturing|fertigung|"
    # priced bundles of a service ("branding-packages"), a word of its own (a "Produktpaket" is a product)
    r"^packages|^pakete)$",
    re.IGNORECASE,
)
JOBS_SECTION_RE = re.compile(
    r"^(?:karriere|careers?|jobs|stellenangebote|stellen|offene-stellen|jobboerse|jobbörse)$", re.IGNORECASE
)
DOWNLOADS_SEGMENT_RE = re.compile(r"^(?:downloads?|download-?center|downloadbereich)" + _EXT, re.IGNORECASE)
LISTING_SEGMENT_RE = re.compile(
    r"^(?:page|seite|category|categories|kategorie|kategorien|tag|tags|schlagwort|schlagworte|archiv|archive|"
    r"author-archive|topics?|themen)$",
    re.IGNORECASE,
)
ARCHIVE_SEGMENT_RE = re.compile(
    r"^(?:archiv|archive|tags|categories|kategorien|schlagworte|themen|topics)$",
    re.IGNORECASE,
)  # also as the last segment: /blog/archiv/, /news/themen/
OVERVIEW_TOKEN_RE = re.compile(
    r"^(?:uebersicht|übersicht|overview|archiv|archive)$", re.IGNORECASE
)  # "podcast-uebersicht"
DATE_PATH_RE = re.compile(r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/")
DATED_SLUG_RE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d-[a-z]", re.IGNORECASE)  # "2020-07-05-maskenpflicht"
LEGAL_TITLE_RE = re.compile(
    # "SRT Marine's Cookies Policy": the owner's name may come first
    r"^\s*(?:[\w&.-]+(?:[ \t][\w&.-]+){0,3}['’]s[ \t]+)?"
    r"(?:impressum|imprint|legal notice|datenschutz\w*|privacy (?:policy|notice|statement)|agb\b|"
    r"allgemeine geschäftsbedingungen|terms (?:of|and) \w+|nutzungsbedingungen|widerruf\w*|cookie\w*)",
    re.IGNORECASE,
)
# Soft 404s and "moved" stubs served with status 200.
NOT_FOUND_RE = re.compile(
    r"^\s*(?:404\b|error 404|fehler 404|page not found|seite nicht gefunden|not found|nicht gefunden|"
    r"page (?:has )?moved|seite (?:wurde )?verschoben|diese seite existiert nicht)",
    re.IGNORECASE,
)
HELP_TITLE_RE = re.compile(
    r"^\s*(?:faqs?\b|häufige fragen|haeufige fragen|häufig gestellte fragen|frequently asked questions|"
    r"fragen und antworten|getting started|erste schritte|dokumentation\b|documentation\b)",
    re.IGNORECASE,
)
# A page named after one person with an academic title: "Dr. Jana Albrecht", "Prof. Dr. Max Muster".
PERSON_H1_RE = re.compile(r"^\s*(?:prof\.|dr\.|dipl\.-?\w+\.?)\s+(?:[\w.-]+\s+){0,4}[\w.-]+\s*$", re.IGNORECASE)
SHOP_TITLE_RE = re.compile(r"\b(?:kaufen|buy|bestellen|order online|online[- ]?shop)\b", re.IGNORECASE)
TITLE_SPLIT_RE = re.compile(r"(?<!\s)\s+[|–—·•:-]\s+")
FILE_LINK_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif|bmp|pdf|zip|docx?|xlsx?|pptx?|mp[34]|mov)$", re.I)
# The provider offers the reader a service in its own words ("Ich berate Sie", "vertrete ich Sie", "we
# can help", "I am happy to represent you", "contact us"): on a page that no URL, markup or structure
# placed, two different such phrases make it a service page. First person + the reader, so an
# article that quotes someone or ends with one "Kontaktieren Sie uns" does not qualify.
_OFFER_VERBS_DE = (
    r"berate|beraten|unterstütze|unterstützen|biete|bieten|helfe|helfen|begleite|begleiten|übernehme|"
    r"übernehmen|prüfe|prüfen|erstelle|erstellen|vertrete|vertreten|plane|planen|betreue|betreuen"
)
_OFFER_VERBS_EN = r"offer|provide|help|deliver|support|advise|assist|represent|build|design|develop|carry out|undertake"
OFFER_PHRASE_RE = re.compile(
    rf"\b(?:(?:ich|wir)\s+(?:\w+\s+){{0,2}}?(?:{_OFFER_VERBS_DE})\b"
    rf"|(?:{_OFFER_VERBS_DE})\s+(?:ich\s+|wir\s+)?(?:Sie|dich|euch)\b"
    r"|(?:kontaktieren|sprechen)\s+Sie\s+(?:mich|uns)|Angebot\s+anfordern|Termin\s+vereinbaren"
    rf"|(?:we|I)\s+(?:can\s+|will\s+|also\s+)?(?:{_OFFER_VERBS_EN})\b"
    rf"|(?:I|we)(?:\s+am|\s+are|\s+will\s+be|\s+would\s+be|'m|'re)\s+(?:\w+\s+)?happy\s+to\s+(?:{_OFFER_VERBS_EN})"
    r"|our\s+(?:services?|surveys?|packages?|experts?)|contact\s+(?:me|us)\b|get\s+in\s+touch|request\s+a\s+quote"
    r"|(?:unser|unsere)\s+(?:angebote?|leistungen|dienstleistungen|pakete)\b"
    r"|(?:custom|free)\s+quote"
    # the reader asked to buy or book what is offered ("by buying our support contract", "Get a support
    # contract", "Buchen Sie", "Jetzt anmelden")
    r"|(?:buy|buying|order|ordering|book|booking)\s+(?:our|an?)\s+\w+"
    r"|(?:get|request|book)\s+(?:an?|your)\s+(?:\w+\s+)?(?:contract|quote|demo|consultation|offer|appointment)s?\b"
    r"|(?:buchen|bestellen|kaufen)\s+Sie\b|jetzt\s+(?:buchen|bestellen|anmelden)\b)",
    re.IGNORECASE,
)
MIN_OFFER_PHRASES = 2  # different phrases: one "contact us" under an article is no offer
MIN_OFFER_WORDS = 150  # shorter pages that no rule placed stay "other" (stubs, link pages)
# Pages that ask the reader to give (donate, become a supporting member) market the organisation: a
# landing page. Read in the slug and in the H1 or the title's head ("Fördermitglied werden.").
SUPPORT_SEGMENT_RE = re.compile(
    r"^(?:spenden?|jetzt-spenden|donate|donations?|membership|become-a-member|mitgliedschaft|mitglied-werden|"
    r"foerdermitglied(?:schaft)?|foerdermitglied-werden|fördermitglied(?:schaft)?|support-us|unterstuetzen)$",
    re.IGNORECASE,
)
SUPPORT_TITLE_RE = re.compile(
    r"^\s*(?:jetzt\s+)?(?:(?:förder|foerder)?mitglied\s+werden|(?:jetzt\s+)?spenden\b|spende\b|donate\b|"
    r"make a donation|become a (?:member|supporter|patron|sponsor)|support us\b|unterstützen sie uns|"
    r"unterstütze uns)",
    re.IGNORECASE,
)
# A page of what clients say (H1 or H2 "Testimonials", "Kundenstimmen") advertises the provider: landing.
TESTIMONIALS_HEADING_RE = re.compile(
    r"^\s*(?:testimonials?|kundenstimmen|kundenmeinungen|stimmen unserer kund\w*|"
    r"what (?:our )?(?:clients|customers) say|das sagen unsere kund\w*)\s*[.!:]?\s*$",
    re.IGNORECASE,
)
# The events calendar of a site (/termine/, /veranstaltungen/): a listing, also when its entries are
# loaded by JavaScript and the HTML holds only the calendar grid. Only as the last segment.
EVENTS_SEGMENT_RE = re.compile(
    r"^(?:termine|veranstaltungen|veranstaltungskalender|kalender|events|event-calendar|calendar|"
    r"upcoming-events|jahresprogramm|veranstaltungsprogramm)$",
    re.IGNORECASE,
)
# Headings of a schedule: "Upcoming Trainings" and "Past Trainings" together make the page a listing
# of dated items (workshops held, talks given), not the page that offers one of them.
UPCOMING_HEADING_RE = re.compile(
    r"^\s*(?:upcoming|next|future|kommende|nächste|anstehende|geplante)\s+\w+", re.IGNORECASE
)
PAST_HEADING_RE = re.compile(
    r"^\s*(?:past|previous|earlier|vergangene|bisherige|frühere|zurückliegende)\s+\w+", re.IGNORECASE
)
# Sections of news-like updates (/updates/x, /meldungen/x, /announcements/x): an article when the page
# itself reads as a post (dated prose of some length), release notes when it is built of version
# headings (a SaaS product's /updates/ are often its changelog). Decided by the page, not the word.
NEWS_SECTION_RE = re.compile(
    r"^(?:updates|nachrichten|meldungen|mitteilungen|pressemeldungen|pressemitteilungen|press-releases|newsroom|"
    r"announcements|notices|ankuendigungen|ankündigungen|bekanntmachungen|bulletins?)$",
    re.IGNORECASE,
)
# A release's heading or title: "Version 2.3", "v1.8.0", "1.8.0 (2024-01-02)", "Release 4.1"; a bare
# "2.5" (a figure) is none, nor a date such as "29.01.2025" (a third part of four digits).
RELEASE_HEADING_RE = re.compile(
    r"^\s*(?:(?:version|release|v)\s?\d{1,3}(?:\.\d{1,3}){1,2}|\d{1,3}\.\d{1,3}\.\d{1,3})(?![\w.])"
    r"|\b(?:release notes|versionshinweise|neu in version|changelog)\b",
    re.IGNORECASE,
)
# Plain "policies" / "policy" / "Richtlinien": legal when the page is a list of legal instruments (its
# headings or short lines name two different ones: POLICY_TERM_RE), else a word of politics or
# editorial guidelines (an essay on privacy policy names them in its sentences).
POLICY_SEGMENT_RE = re.compile(
    r"^(?:(?:our|company|site|unsere)-)?(?:policies|policy|richtlinien)" + _EXT, re.IGNORECASE
)
POLICY_TERM_RE = re.compile(
    r"\b(?:terms (?:and|&) conditions|terms of (?:use|service)|privacy|data protection|cookies?|gdpr|"
    r"complaints? (?:policy|procedure)|safeguarding|liability|disclaimer|datenschutz\w*|dsgvo|"
    r"geschäftsbedingungen|nutzungsbedingungen|haftung\w*|widerruf\w*|beschwerde\w*|agb)\b",
    re.IGNORECASE,
)
# What a visitor is offered to take part in (Library of Things, club, venue): a price, membership, joining
# or signing up, borrowing or hiring, opening hours. Several different ones on an undated, unsigned page
# make it the page of an offer, also when it sits in a projects section.
READER_OFFER_RES = (
    re.compile(r"(?:[£€$]\s?\d|\b\d+(?:[.,]\d{2})?\s?(?:€|(?:eur|euro|chf|gbp|usd)\b))", re.IGNORECASE),
    re.compile(r"\b(?:memberships?|members?hip fees?|mitgliedschaft\w*|mitgliedsbeitr\w+|jahresbeitrag)\b", re.I),
    re.compile(
        r"\b(?:join us|join the|sign up|signing up|register now|become a member|mitglied werden|"
        r"melde dich an|melden sie sich an|jetzt anmelden)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:borrow\w*|hire|rent(?:al|ing)?|lend\w*|ausleihen|ausleihe|leihen|verleih\w*|mieten)\b", re.I),
    re.compile(r"\b(?:opening (?:hours|times)|öffnungszeiten|geöffnet|we are open|open (?:daily|from))\b", re.I),
)
MIN_READER_OFFERS = 3
# The organisation presents itself: its founding told with the year ("wurde 2019 gegründet", "was founded
# in 2011"; not "he founded X in 2013", a person's biography) in a sentence that names the site or speaks
# as "we", or a heading "About us" / "Über uns" / "Who we are" inside the page.
FOUNDING_RE = re.compile(
    r"\b(?:gegründet|(?:was|were|been|is|are)\s+(?:\w+\s+)?(?:founded|established)|founded in|established in)\b",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?:1[89]|20)\d{2}\b")
WE_RE = re.compile(r"\b(?:[Ww]ir|[Uu]ns|[Uu]nser\w*|[Ww]e|[Oo]ur|us)\b")  # not "the US"
SELF_HEADING_RE = re.compile(
    r"^\s*(?:über uns|ueber uns|wer wir sind|who we are|about us|unsere geschichte|our (?:story|history)|"
    r"unser leitbild|unsere mission|our mission|unser verein|der verein|unsere werte|our values)\s*[.!:]?\s*$",
    re.IGNORECASE,
)
# The page sends the reader to buy the thing it presents at shops (a book at its publisher and several
# booksellers, an app in the stores): product pages of shops, by their paths, on other sites.
SHOP_PATH_RE = re.compile(
    r"/(?:dp|gp/product|product|produkt|shop|store/apps|app|isbn)/"
    r"|\b(?:97[89]\d{10}|\d{9}[\dxX])\b",
    re.IGNORECASE,
)
MIN_SHOP_LINKS = 3

"""Which numbers are statistics, and which sentences name their source (issue 13): the figures and the page.

`scoring.checks.statistics.figures_in` finds numbers that look like figures (a unit, percent, money, a
count noun, separators). The rules decide which of them state a measured or counted fact about the
world, and whether the sentence names where the fact comes from. All rules are about language and
sentence structure (German and English), never about particular sites. They live in these modules:

- this one: the kinds of candidate figures, counted nouns ("über 800 Werkstätten") and the page-wide
  context the sentence rules read (language, source anchors, reference list, a list article's title);
- `scoring.statistics_exclusions`, not statistics: code and config lines, version numbers and
  identifiers, offer terms (prices, fees, discounts, plan limits, trial periods, group sizes),
  instructions and recipes, advice and legal rules, hypothetical or worked examples, study-design
  figures (sample sizes), "100 %" claims, durations that are no measurement ("seit 20 Jahren", "vor 15
  Jahren", "20 years of experience");
- `scoring.statistics_sources`, sourced: a named source in the same sentence ("laut Destatis",
  "according to the report", "a study by X", "X reports", "our survey"), an external link whose anchor
  is in the sentence, or a footnote marker pointing into a numbered reference list; a sentence that
  refers back ("Demnach …") borrows the source of the one before;
- `scoring.statistics_words`, figures without a unit list: number words in a count or share frame
  ("über zehn Bewohner", "two thirds of respondents"), short magnitudes ("600k"), scores, ratios ("2x");
- `scoring.statistics_code` (code, a tutorial's steps) and `scoring.statistics_time` (durations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scoring.core import lexicons as lx
from scoring.core.lexicons import FUNCTION_WORDS
from scoring.core.records import PageRecord
from scoring.site import text_language as detected_language
from scoring.statistics_lines import is_chronicle

U, L = lx.UPPER, lx.LOWER

# -- kinds of candidate figures -------------------------------------------------------------------

MONEY = "money"
PERCENT = "percent"
TIME = "time"
COUNT = "count"
MEASURE = "measure"
BARE = "bare"


@dataclass(frozen=True)
class Candidate:
    """One number that looks like a figure: its span in the sentence and what kind of figure."""

    start: int
    end: int
    kind: str
    number: str  # the digits as written ("12.500", "3,5")
    generic: bool = False  # counted noun found by `generic_counts`, not from the unit lists


TIME_UNIT_RE = re.compile(
    r"^(?:Jahre[n]?|Jahr|years?|Monate[n]?|Monat|months?|Wochen|weeks?|Tage[n]?|days?|Stunden|Std\.|h|hrs?|"
    r"hours?|Minuten|minutes?|Sekunden|seconds?|min|Min\.?|milliseconds?|Millisekunden|Werktag\w*|Arbeitstag\w*|"
    r"Kalendertag\w*|Jahrzehnte\w*|decades?|Semester\w*|Quartale\w*)$",
    re.IGNORECASE,
)
PERCENT_UNIT_RE = re.compile(r"^(?:%|‰|Prozent\w*|percent\w*|per\s?cent)$", re.IGNORECASE)

# Any counted noun: "über 800 Werkstätten", "400+ active instances", "5000 Flyer". Small numbers count only
# with a "+" or a quantifier ("mehr als 6 Standorte"): "3 Tipps", "2 Optionen" are lists and choices.
GENERIC_COUNT_RE = re.compile(
    rf"(?<![\w.,:/#§'’‘-])(?<!\d\s)(?P<num>\d{{1,3}}(?:[.,\u00a0\u202f’]\d{{3}})+|\d+)(?P<plus>\+)?[\s\u00a0]+"
    rf"(?P<adj>(?:[{L}][{L}-]*[\s\u00a0]+){{0,2}}?)(?P<noun>[{U}][{L}][{L}-]*|[{L}][{L}-]*[{L}]s)(?![\w-])"
)
QUANTIFIER_BEFORE_RE = re.compile(
    r"\b(?:mehr als|über|rund|knapp|fast|nahezu|beinahe|insgesamt|bereits|schon|inzwischen|mittlerweile|"
    r"weit über|gut|more than|over|around|about|nearly|almost|roughly|approximately|some|total of|already|"
    r"ca\.|circa|etwa|ungefähr)\s*$",
    re.IGNORECASE,
)
# Nouns that number parts of the text or choices, not things in the world; times; addresses.
NOT_COUNTED_NOUNS = frozenset(
    """tipps tipp schritte schritten schritt punkte punkten gründe gründen fragen fehler fehlern ideen wege wegen
    möglichkeiten regeln dinge dingen beispiele beispielen serien kapitel kapiteln teile teilen varianten modelle
    modellen kriterien hypothesen thesen fakten mythen trends prinzipien tools methoden stufen phasen seiten
    seite folgen folge episoden lektionen übungen aufgaben ebenen kategorien optionen alternativen vorteile
    nachteile aspekte bereiche säulen bausteine elemente eigenschaften features funktionen uhr uhrzeit
    jahrhundert jahrhunderts jahrzehnt prozentpunkte mal male stk heuristiken grundsätze gebote maximen
    tips steps points reasons questions mistakes ideas ways rules things examples series chapters parts
    variants models criteria hypotheses facts myths trends principles tools methods stages phases pages
    episodes lessons exercises tasks levels categories options alternatives benefits advantages aspects
    areas pillars elements properties features functions heuristics commandments maxims times others ones
    thanks its yes less this has was
    columns rows parameters arguments fields attributes bytes bits spalten zeilen parameter argumente felder
    is us as plus minus days weeks months years hours minutes seconds
    jan feb mär märz mar apr mai may jun jul aug sep sept okt oct nov dez dec januar februar april juni juli
    august september oktober november dezember january february march june july october december
    mo di mi do fr sa so mon tue wed thu fri sat sun montag dienstag mittwoch donnerstag freitag samstag
    sonntag monday tuesday wednesday thursday friday saturday sunday
    satz sätze absatz absatzes absätze abs halbsatz buchstabe""".split()
)
ADDRESS_BEFORE_RE = re.compile(
    r"(?:(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|markt|road|street|st\.|avenue|"
    r"ave\.|lane|drive|PLZ|postcode|Postfach)|\b[A-Z]{1,2})\s*$"
)


HOUSE_NUMBER_BEFORE_RE = re.compile(r"(?<![\d.,])\d{1,4}[a-zA-Z]?[ \t]*+[,·•|][ \t]*+$")  # "43, 9000", "25 · 1020"


LIST_BEFORE_RE = re.compile(
    r"\b(?:[Tt]op|[Tt]he|[Dd]ie|[Dd]er|[Dd]en|[Dd]iese[n]?|[Tt]hese|[Tt]hose|[Aa]lle|[Aa]ll|[Ff]irst|[Ll]ast|[Nn]ext|"
    r"ersten|letzten|nächsten)\s*$"
)
STREET_AFTER_RE = re.compile(
    r"^\s*(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Way|Close|Court|Square|Place|Straße|Str\.|Weg|"
    r"Platz|Allee|Gasse|Ring|Damm)\b"
)


def generic_counts(text: str) -> list[tuple[Candidate, str]]:
    """Numbers followed by the noun they count, where no unit list knows the noun."""
    found = []
    for match in GENERIC_COUNT_RE.finditer(text):
        number, noun = match.group("num"), match.group("noun")
        if noun.casefold() in NOT_COUNTED_NOUNS:
            continue
        if STREET_AFTER_RE.match(text[match.end() :]):
            continue
        adjectives = match.group("adj").split()
        if any(a.casefold() in FUNCTION_WORDS for a in adjectives):
            continue
        digits = re.sub(r"\D", "", number)
        if number == digits and (len(digits) == 5 or (len(digits) == 4 and lx.YEAR_RE.fullmatch(digits))):
            continue  # a postcode or a year
        if number == digits and len(digits) == 4 and HOUSE_NUMBER_BEFORE_RE.search(text[: match.start()][-12:]):
            continue  # a four-digit postcode after the street's number: "Gallusstrasse 43, 9000 St. Gallen"
        if number.startswith("0") or ADDRESS_BEFORE_RE.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        small = int(digits) < 10 if len(digits) < 6 else False
        if (
            small
            and not match.group("plus")
            and not QUANTIFIER_BEFORE_RE.search(text[max(0, match.start() - 20) : match.start()])
        ):
            continue
        if LIST_BEFORE_RE.search(text[max(0, match.start() - 12) : match.start()]):
            continue  # "Top 10 …", "the 10 key attributes", "Alle 12 Kursformate": a list, not a count
        kind = TIME if TIME_UNIT_RE.match(noun) else COUNT
        found.append((Candidate(match.start(), match.end(), kind, number, generic=True), noun))
    return found


# A stat card: a line holding only a figure ("230", "1.582", "500+", "98 %") over a short label line
# ("Projects Done", "Zufriedene Kunden"), in a band of such cards. Step numbers ("1", "02") and
# figures under ten are numbered items, not counts.
CARD_FIGURE_RE = re.compile(
    # "230", "1.582", "500+", "98 %", and with a currency, decimals, a rating's scale or a magnitude: "€ 83 Mio",
    # "4,82/5", "1,4 Mio+"
    r"(?<![\w.,])(?:[€$£][ \u00a0]?)?[1-9]\d*(?:[.,\u00a0\u202f’]\d{3})*(?:[.,]\d{1,2})?"
    r"(?:[ \u00a0]?/[ \u00a0]?(?:5|10))?(?:[ \u00a0]?(?:Mio|Mrd|Tsd)\.?|[kKMB])?(?:[\s\u00a0]?(?:\+|%))?"
)
CARD_LABEL_RE = re.compile(rf"(?<![\w-])[{U}{L}][{L}{U}-]*(?:[ \u00a0][{U}{L}][{L}{U}-]*){{0,3}}")
MIN_CARDS = 2  # one figure over a word is a heading; a band of them is a row of stat cards


def _card_figure(line: str) -> bool:
    line = line.strip()
    if not CARD_FIGURE_RE.fullmatch(line):
        return False
    digits = re.sub(r"\D", "", line)
    return int(digits) >= 10 or line.endswith(("+", "%"))


# A result tile: a share or a "more than" figure alone on its line ("376%", "5,000+") over the sentence that
# says what it measures ("Increase in organic search impressions for a Sydney workshop in 12 months"). One such
# tile is a statement of its own; a figure over one or two words needs a band of cards (a skill bar is "95%").
CAPTION_WORDS = (4, 25)
LABEL_LINE_WORDS = 3
CAPTION_START_RE = re.compile(rf"[{U}{L}]")
LOWER_RE = re.compile(rf"[{L}]")


def _captioned_tile(before: str, figure: str, caption: str) -> bool:
    """`before` is the line above the figure: a skill bar's own label ("Design") stands there."""
    figure, caption, before = figure.strip(), caption.strip(), before.strip()
    return (
        figure.endswith(("%", "+"))
        and (len(before.split()) > LABEL_LINE_WORDS or before.endswith((".", "!", ":")))
        and CAPTION_WORDS[0] <= len(caption.split()) <= CAPTION_WORDS[1]
        and not caption.endswith(("?", ":"))
        and CAPTION_START_RE.match(caption) is not None
        and LOWER_RE.search(caption) is not None
    )


def join_stat_cards(text: str, lang: str | None = None) -> str:
    """The main text with each stat card's two lines joined into one ("230\nZufriedene Kunden" ->
    "230 Zufriedene Kunden"), so the card reads as the count it states; same length, same offsets.
    English labels are title-cased ("Projects Done") and go lower case ("230 projects done"): a
    capitalised English noun after a number reads as a headline otherwise. A result tile (a share over
    the sentence it measures) is joined even alone."""
    lines = text.split("\n")
    cards = [
        i for i in range(len(lines) - 1) if _card_figure(lines[i]) and CARD_LABEL_RE.fullmatch(lines[i + 1].strip())
    ]
    # a figure repeated under several labels is a table's column ("1234" as every demo password), not counts
    seen = [lines[i].strip() for i in cards]
    cards = [i for i in cards if seen.count(lines[i].strip()) == 1]
    if len(cards) < MIN_CARDS:
        cards = []
    tiles = [
        i
        for i in range(1, len(lines) - 1)
        if _card_figure(lines[i]) and _captioned_tile(lines[i - 1], lines[i], lines[i + 1])
    ]
    if not cards and not tiles:
        return text
    chars = list(text)
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    for i in {*cards, *tiles}:
        chars[offsets[i + 1] - 1] = " "
        if lang == "de":
            continue
        # a tile's sentence keeps its names ("Sydney", "Google Ads"): only its first letter goes lower case
        label = lines[i + 1].lower() if i in cards else lines[i + 1][:1].lower()
        chars[offsets[i + 1] : offsets[i + 1] + len(label)] = label
    return "".join(chars)


# -- page context ---------------------------------------------------------------------------------

SOCIAL_HOST_RE = re.compile(
    r"(?:^|\.)(?:linkedin\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|xing\.com|tiktok\.com|"
    r"pinterest\.\w+|youtube\.com|youtu\.be|vimeo\.com|mastodon\.\w+|threads\.net|bsky\.app|whatsapp\.com|"
    r"t\.me|telegram\.me|reddit\.com|disqus\.com)$"
)
# Anchors that name nothing ("hier", "read more", a bare URL is fine: it names the host).
GENERIC_ANCHOR_RE = re.compile(
    r"^(?:hier|here|link|mehr|more|this|dies(?:e[rsmn]?)?|weiter(?:lesen)?|read more|mehr erfahren|learn more|"
    r"klicken|click|click here|hier klicken|quelle|source|pdf|download|website|webseite|seite|page|artikel|"
    r"article|video|bild|image|foto|photo|logo|\W*)$",
    re.IGNORECASE,
)
MIN_ANCHOR_CHARS = 3
# A call to action is a button to a shop or a form, not a source: "Einzelkarte sichern – 980 €", "Book now".
CALL_TO_ACTION_RE = re.compile(
    r"\b(?:sichern|anmelden|buchen|kaufen|bestellen|registrieren|reservieren|herunterladen|spenden|"
    r"[Bb]uy|[Bb]ook|[Oo]rder|[Rr]egister|[Ss]ign[ -]up|[Ss]ubscribe|[Dd]onate|[Rr]eserve|"
    r"[Gg]et[ ](?:started|tickets?)|[Tt]ickets?|[Ll]og[ -]?in|[Ss]ign[ -]in|einloggen)\b"
)
# Generic anchors that mark a citation when they stand in brackets after a figure: "(Link)", "[Quelle]".
LINK_MARKER_ANCHOR_RE = re.compile(r"^(?:link|quelle|source|studie|study|pdf|hier|here)$", re.IGNORECASE)
# One ordinary word ("Petition", "stroke"), not a name by its form (acronym, CamelCase, "x.org", digits).
PLAIN_WORD_RE = re.compile(rf"^[{U}]?[{L}]+$")
LETTER_RE = re.compile(rf"[{U}{L}]")
_DIGIT_RE = re.compile(r"\d")
# A numbered reference list entry: "1 Name et al.: Title (2020). URL: …", "[3] …", "2. …"
REFERENCE_ENTRY_RE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)\s+\S")
REFERENCE_HINT_RE = re.compile(
    r"https?://|www\.|\bdoi\b|\bet al\b|\(\s*(?:19|20)\d{2}\s*\)|(?:19|20)\d{2}|abgerufen|aufgerufen|accessed|"
    r"retrieved|\bS\.\s?\d|\bpp?\.\s?\d|Verlag|Journal|Bericht|Report|Studie|Study",
    re.IGNORECASE,
)


def _registrable(host: str) -> str:
    parts = host.lower().removeprefix("www.").split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in {"co", "com", "org", "net", "ac", "gov", "or"}:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


MAX_HOST_PROBES = 5


def _own_host(page: PageRecord) -> str:
    """The site's public host: the canonical or og:url host when the page was fetched from a local
    address (an audit of an exported copy), else the page's own."""
    internal = [link.url for link in page.links if link.internal][:MAX_HOST_PROBES]
    for url in (page.url, page.canonical, page.og_url, *internal):
        host = (urlsplit(url or "").hostname or "").lower()
        if host and host != "localhost" and not re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
            return host
    return ""


@dataclass
class PageContext:
    lang: str | None
    anchor_texts: list[str] = field(default_factory=list)  # external links' anchors that may name a source
    references: frozenset[int] = frozenset()
    weak_anchors: frozenset[str] = frozenset()  # link a home page, or one plain word to a non-reference site
    titles: frozenset[str] = frozenset()  # long anchors (4+ words): titles of linked pages and documents
    cards: frozenset[str] = frozenset()  # anchors of internal links around a title and an excerpt: teaser cards
    brand: str = ""  # the first label of the page's own domain ("beispiel" for www.beispiel.de)
    # the site's own names besides `brand`: the publisher in JSON-LD, the title's suffix ("| Acme GPR"),
    # and the first word of such a name before an acronym or legal form ("Acme" of "Acme GmbH")
    own_names: tuple[str, ...] = ()
    # (number, noun) of a list article's title: "The 27 Common Causes of Brand Failure" -> ("27", "causes")
    listicle: frozenset[tuple[str, str]] = frozenset()
    # generic anchors of external links in the text ("link", "quelle"): "(Link)" after a figure cites it
    link_markers: frozenset[str] = frozenset()
    pricing: bool = False  # a pricing page: its short lines of figures are what the plans include
    donation: bool = False  # a donation page: its amounts are what to give or what the tax office accepts
    chronology: bool = False  # a timeline: lines that open with a year ("1074 Welf IV. stiftet das Kloster")

    @property
    def owners(self) -> tuple[str, ...]:
        """`brand` and `own_names`: the names under which the site speaks of itself."""
        return (self.brand, *self.own_names)


# A list article's title counts its own items: "10 Tipps für …", "The 27 Common Causes of …". That
# number in the text is the length of the list (docs/signals.md: numbers of list items), not a statistic.
LISTICLE_TITLE_RE = re.compile(
    r"^\W*+(?:(?:the|die|der|das|unsere|our|top|meine|my)\s++)?(?P<n>\d{1,3})\s++(?:[\w’'-]++\s++){0,2}?"
    r"(?P<noun>tipps?|tips|gründe|reasons|ways|wege|fehler|mistakes|causes|ursachen|ideen|ideas|fragen|questions|"
    r"schritte|steps|dinge|things|trends|fakten|facts|regeln|rules|tools|beispiele|examples|lektionen|lessons|"
    r"signs|anzeichen|myths|mythen|punkte|points|strategien|strategies|hacks|secrets|geheimnisse|tricks|"
    r"irrtümer|mistakes|methoden|methods|ratschläge|hinweise|tipps)\b",
    re.IGNORECASE,
)


def listicle_counts(*titles: str) -> frozenset[tuple[str, str]]:
    """(number, noun) of each title that counts its own list items."""
    found = (LISTICLE_TITLE_RE.match(title.strip()) for title in titles if title)
    return frozenset((m.group("n"), m.group("noun").lower()) for m in found if m)


def is_list_length(sentence: str, cand: Candidate, listicle: frozenset[tuple[str, str]]) -> bool:
    """The figure repeats the count of the page's list title, with its noun right after it."""
    span = sentence[cand.start : cand.end + 40].lower()
    return any(
        cand.number == n and re.match(rf"\W*{n}\s+(?:[\w’'-]+\s+){{0,2}}?{noun}\b", span) for n, noun in listicle
    )


def text_language(page: PageRecord) -> str | None:
    """The language the number formats follow: the one detected from the main text when the model was
    sure (`scoring.site.text_language`), else the function-word guess, else the declaration (a page that
    declares "de" may be written in English: "3.5" is then a decimal, not an identifier)."""
    return detected_language(page) or lx.guess_language(page.main_text[:8000]) or page.language or page.lang


def page_context(page: PageRecord) -> PageContext:
    """The page-wide facts the sentence rules need: language, source anchors, reference numbers."""
    text = page.main_text
    lang = text_language(page)
    own = _registrable(_own_host(page))
    anchors: dict[str, None] = {}
    strong: set[str] = set()
    markers: set[str] = set()
    for link in page.links:
        anchor = " ".join(link.anchor.split())
        if link.internal or link.position != "content" or len(anchor) < MIN_ANCHOR_CHARS:
            continue
        if anchor in strong or not LETTER_RE.search(anchor):
            continue
        host = (urlsplit(link.url).hostname or "").lower()
        if not link.url.lower().startswith(("http://", "https://")) or lx.SHARE_LINK_RE.search(link.url):
            continue
        if _registrable(host) == own or SOCIAL_HOST_RE.search(host):
            continue
        if CALL_TO_ACTION_RE.search(anchor):
            continue
        if GENERIC_ANCHOR_RE.match(anchor):
            if LINK_MARKER_ANCHOR_RE.match(anchor):
                markers.add(anchor.casefold())
            continue
        anchors[anchor] = None
        parts = urlsplit(link.url)
        named = not PLAIN_WORD_RE.match(anchor) or lx.authoritative_entry(link.url) or lx.is_reference_domain(link.url)
        # a link on the figure itself ("in <a>nearly 50 cities</a>") is its source, wherever it leads
        if ((parts.path.strip("/") or parts.query) and named) or _DIGIT_RE.search(anchor):
            strong.add(anchor)
    references = set()
    footnotes = 0  # Markdown footnotes: an <ol> numbers them, the text has only their links back ("↩︎")
    for line in text.split("\n"):
        match = REFERENCE_ENTRY_RE.match(line)
        if match and len(line) > 25 and REFERENCE_HINT_RE.search(line):
            references.add(int(match.group(1) or match.group(2)))
        elif lx.FOOTNOTE_BACKLINK_RE.search(line):
            footnotes += 1
            if REFERENCE_HINT_RE.search(line) or any(anchor in line for anchor in anchors):
                references.add(footnotes)
    return PageContext(
        lang=lang,
        anchor_texts=list(anchors),
        references=frozenset(references),
        weak_anchors=frozenset(a for a in anchors if a not in strong),
        link_markers=frozenset(markers),
        titles=frozenset(
            " ".join(link.anchor.split()) for link in page.links if len(link.anchor.split()) >= TITLE_ANCHOR_WORDS
        ),
        cards=frozenset(
            " ".join(link.anchor.split())
            for link in page.links
            if link.internal and len(link.anchor.split()) >= CARD_ANCHOR_WORDS
        ),
        brand=own.split(".")[0],
        own_names=own_names(page),
        listicle=listicle_counts(page.title or "", *(h.text for h in page.headings if h.level == 1)),
        pricing=PRICING_PATH_RE.search(urlsplit(page.url).path) is not None,
        donation=DONATION_PATH_RE.search(urlsplit(page.url).path) is not None,
        chronology=is_chronicle(text),
    )


PRICING_PATH_RE = re.compile(r"/(?:pricing|prices|preise|tarife|plans|pakete)(?:\.html?)?/?$", re.IGNORECASE)
# What a donation page asks or the tax office accepts: "schon 10 € helfen", "Spenden bis zu dem Betrag von 200 €"
# (the cost of what the money is for stays a figure: "Die Sanierung wird mit 166.600 Euro veranschlagt").
APPEAL_RE = re.compile(
    r"(?<![\w-])(?:(?i:schon|bereits|nur|just|only|even)[ \t]+[€$£]?[ \t]?\d|Betrag\w*|Spende\w*|"
    r"(?i:donations?|gifts?))"
)


def is_appeal(sentence: str) -> bool:
    return APPEAL_RE.search(sentence) is not None


DONATION_PATH_RE = re.compile(
    r"/(?:spenden?|jetzt-spenden|donate|donations?|give|unterst(?:ü|ue)tzen|support-us)(?:\.html?)?/?$", re.IGNORECASE
)


# The title's last part names the site: "Post title | Acme GPR", "Titel – Beispiel GmbH".
TITLE_SUFFIX_RE = re.compile(r"\s[|–—·-]\s+([^|–—·]{3,60})$")
OWN_NAME_WORDS = 5
# "Acme - Die perfekte Lösung": a name and its slogan
TAGLINE_RE = re.compile(r"\s[-–—]\s")
# "Acme GmbH", "Acme GPR", "Acme Ltd": the first word alone is the company's short name.
NAME_TAIL_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,5}|GmbH|AG|KG|SE|e\.V\.|Ltd\.?|Inc\.?|LLC|PLC|plc|Co\.?)$")
ORG_TYPES = frozenset({"Organization", "Corporation", "LocalBusiness", "NGO", "NewsMediaOrganization"})


def _publishers(items: list) -> list[str]:
    names = []
    for item in items:
        if not isinstance(item, dict):
            continue
        kind = item.get("@type")
        kinds = set(kind) if isinstance(kind, list) else {kind}
        publisher = item.get("publisher")
        for org in (item if kinds & ORG_TYPES else None, publisher):
            name = org.get("name") if isinstance(org, dict) else None
            if isinstance(name, str):
                names.append(name)
        if isinstance(item.get("@graph"), list):
            names += _publishers(item["@graph"])
    return names


def own_names(page: PageRecord) -> tuple[str, ...]:
    """The names the site calls itself (`PageContext.own_names`), casefolded, at least four letters."""
    candidates = _publishers(page.structured_data)
    suffix = TITLE_SUFFIX_RE.search(page.title or "")
    if suffix:
        candidates.append(suffix.group(1))
    names: dict[str, None] = {}
    for name in [*candidates, *(TAGLINE_RE.split(c, maxsplit=1)[0] for c in candidates if TAGLINE_RE.search(c))]:
        words = name.split()
        if not words or len(words) > OWN_NAME_WORDS:
            continue
        names[" ".join(words).casefold()] = None
        if len(words) == 2 and NAME_TAIL_RE.match(words[1]) and len(words[0]) >= 4:
            names[words[0].casefold()] = None
    return tuple(n for n in names if len(n) >= 4)


TITLE_ANCHOR_WORDS = 4
CARD_ANCHOR_WORDS = 10  # a link around a card's title and excerpt ("AWS Kostenoptimierung 65 % weniger …")
TITLE_SHARE = 0.75
TRUNCATED_RE = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")


def teaser_or_title(paragraph: str, ctx: PageContext) -> bool:
    """A paragraph that is a teaser excerpt cut off with "…", or mostly the title of a linked page
    (a link list, a press review, related posts), or the excerpt of a card that links to one of the site's pages as a
    whole ("Ausgewählte Projekte" under a post): its figures belong to the linked page."""
    if TRUNCATED_RE.search(paragraph):
        return True
    flat = " ".join(paragraph.split())
    if len(flat.split()) >= TITLE_ANCHOR_WORDS and any(card.find(flat) > 0 for card in ctx.cards):
        return True  # the excerpt under the card's title (a linked title itself is the page's own H1 at times)
    return any(title in flat and len(title) >= TITLE_SHARE * len(flat) for title in ctx.titles)

"""Which numbers are statistics, and which sentences name their source (issue 13).

`scoring.checks.statistics.figures_in` finds numbers that look like figures (a unit, percent, money, a
count noun, separators). This module decides which of them state a measured or counted fact about the
world, and whether the sentence names where the fact comes from. All rules are about language and
sentence structure (German and English), never about particular sites:

- not statistics: code and config lines, version numbers and identifiers, offer terms (prices,
  fees, discounts, plan limits, trial periods, group sizes), instructions and recipes, advice and
  legal rules, hypothetical or worked examples, study-design figures (sample sizes), "100 %" claims,
  durations that are no measurement ("seit 20 Jahren", "vor 15 Jahren", "20 years of experience");
- sourced: a named source in the same sentence ("laut Destatis", "according to the report", "a study
  by X", "X reports", "our survey"), an external link whose anchor is in the sentence, or a footnote
  marker pointing into a numbered reference list; a sentence that refers back ("Demnach …") borrows
  the source of the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scoring.core import lexicons as lx
from scoring.core.records import PageRecord

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
    r"^(?:Jahre[n]?|Jahr|years?|Monate[n]?|Monat|months?|Wochen|weeks?|Tage[n]?|days?|Stunden|Std\.|h|"
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
    jahrhundert jahrhunderts jahrzehnt prozentpunkte mal male stk
    tips steps points reasons questions mistakes ideas ways rules things examples series chapters parts
    variants models criteria hypotheses facts myths trends principles tools methods stages phases pages
    episodes lessons exercises tasks levels categories options alternatives benefits advantages aspects
    areas pillars elements properties features functions times others ones thanks its yes less this has was
    is us as plus minus days weeks months years hours minutes seconds
    jan feb mär märz mar apr mai may jun jul aug sep sept okt oct nov dez dec januar februar april juni juli
    august september oktober november dezember january february march june july october december
    mo di mi do fr sa so mon tue wed thu fri sat sun montag dienstag mittwoch donnerstag freitag samstag
    sonntag monday tuesday wednesday thursday friday saturday sunday""".split()
)
FUNCTION_WORDS = frozenset(
    """der die das den dem des und oder in im an am auf aus bei mit nach von vom zu zum zur für über unter vor
    bis ab je pro als wie the a an and or of in on at to for by with from per than as is are was were be
    been it its this that these those which who oder sowie sind ist war waren wird werden hat haben after
    before into over under about around up down out off through during since until more less than then
    also just only even still very so too not no all any each every other such same own few many much""".split()
)
ADDRESS_BEFORE_RE = re.compile(
    r"(?:(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|markt|road|street|st\.|avenue|"
    r"ave\.|lane|drive|PLZ|postcode|Postfach)|\b[A-Z]{1,2})\s*$"
)


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
# One ordinary word ("Petition", "stroke"), not a name by its form (acronym, CamelCase, "x.org", digits).
PLAIN_WORD_RE = re.compile(rf"^[{U}]?[{L}]+$")
LETTER_RE = re.compile(rf"[{U}{L}]")
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
    brand: str = ""  # the first label of the page's own domain ("beispiel" for www.beispiel.de)
    # (number, noun) of a list article's title: "The 27 Common Causes of Brand Failure" -> ("27", "causes")
    listicle: frozenset[tuple[str, str]] = frozenset()


# A list article's title counts its own items: "10 Tipps für …", "The 27 Common Causes of …". That
# number in the text is the length of the list (LABELLING: numbers of list items), not a statistic.
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


def page_context(page: PageRecord) -> PageContext:
    """The page-wide facts the sentence rules need: language, source anchors, reference numbers."""
    text = page.main_text
    lang = lx.guess_language(text[:8000]) or page.lang
    own = _registrable(_own_host(page))
    anchors: dict[str, None] = {}
    strong: set[str] = set()
    for link in page.links:
        anchor = " ".join(link.anchor.split())
        if link.internal or link.position != "content" or len(anchor) < MIN_ANCHOR_CHARS:
            continue
        if anchor in strong or GENERIC_ANCHOR_RE.match(anchor) or not LETTER_RE.search(anchor):
            continue
        host = (urlsplit(link.url).hostname or "").lower()
        if not link.url.lower().startswith(("http://", "https://")) or lx.SHARE_LINK_RE.search(link.url):
            continue
        if _registrable(host) == own or SOCIAL_HOST_RE.search(host):
            continue
        anchors[anchor] = None
        parts = urlsplit(link.url)
        if (parts.path.strip("/") or parts.query) and (
            not PLAIN_WORD_RE.match(anchor) or lx.authoritative_entry(link.url) or lx.is_reference_domain(link.url)
        ):
            strong.add(anchor)
    references = set()
    for line in text.split("\n"):
        match = REFERENCE_ENTRY_RE.match(line)
        if match and len(line) > 25 and REFERENCE_HINT_RE.search(line):
            references.add(int(match.group(1) or match.group(2)))
    return PageContext(
        lang=lang,
        anchor_texts=list(anchors),
        references=frozenset(references),
        weak_anchors=frozenset(a for a in anchors if a not in strong),
        titles=frozenset(
            " ".join(link.anchor.split()) for link in page.links if len(link.anchor.split()) >= TITLE_ANCHOR_WORDS
        ),
        brand=own.split(".")[0],
        listicle=listicle_counts(page.title or "", *(h.text for h in page.headings if h.level == 1)),
    )


TITLE_ANCHOR_WORDS = 4
TITLE_SHARE = 0.75
TRUNCATED_RE = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")


def teaser_or_title(paragraph: str, ctx: PageContext) -> bool:
    """A paragraph that is a teaser excerpt cut off with "…", or mostly the title of a linked page
    (a link list, a press review, related posts): its figures belong to the linked page."""
    if TRUNCATED_RE.search(paragraph):
        return True
    flat = " ".join(paragraph.split())
    return any(title in flat and len(title) >= TITLE_SHARE * len(flat) for title in ctx.titles)


# -- sentences that hold no statistics ----------------------------------------------------------

_CODE_FEATURES = (
    re.compile(r"[{}]"),
    re.compile(r";\s*(?:$|[\w}\]])"),
    re.compile(r"=>|->|::|==|!=|&&|\|\||\+=|:=|<=|>="),
    re.compile(r"(?<![\w.])[A-Za-z_][\w.]*+\((?:[^()]{0,40})\)"),  # call(args)
    re.compile(r"\b[a-z]+(?:[A-Z][a-z0-9]+){2,}\b|\b[a-z]+_[a-z_]+\b"),  # camelCase, snake_case
    re.compile(r"</?[a-z][\w-]*(?:\s[^<>]*)?>"),  # markup tags
    re.compile(r"(?:^|\s)--?[a-z][\w-]+"),  # command-line flags
    re.compile(r"\|\s*[\w.-]+\s*\|"),  # pipe tables, template pipes
    re.compile(r"(?<![\w.-])[\w.-]+\s*+=\s*[\"'\w$]"),  # key=value
    re.compile(r"\[[A-Z][A-Za-z]*(?:\(.*?\))?\]"),  # [Test], [TestCase(...)]
    re.compile(r"\$\{|\{\{|\}\}|\{%|%\}|<%|%>"),  # template expressions
    re.compile(
        r"^\s*[$#>]\s|^\s*(?:sudo|docker|npm|npx|pip|git|curl|wget|apt(?:-get)?|kubectl|python3?|java|"
        r"mvn|gradle|cd|ls|make|yarn|brew|helm|ssh)\s"
    ),
    re.compile(
        r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE)\b.*\d{2}:\d{2}|\d{2}:\d{2}:\d{2}.*\b(?:ERROR|WARN|INFO|DEBUG)\b"
    ),
    re.compile(r"(?<![\w-])[\w-]+\s*+:\s*+[#\w.%-]++\s*;"),  # css property: value;
)


_DECISIVE_CODE = re.compile(
    r"\$\{|\{\{|\}\}|\{%|%\}|<%|%>|"  # template expressions
    r"\d{2}:\d{2}:\d{2}[.,\d]*\s+(?:\[?(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL)\]?)\b"  # log lines
)


def is_code_like(text: str) -> bool:
    """Code, config, template or log text: two distinct kinds of code syntax, or a template
    expression or log line on its own."""
    if _DECISIVE_CODE.search(text):
        return True
    hits = 0
    for pattern in _CODE_FEATURES:
        if pattern.search(text):
            hits += 1
            if hits >= 2:
                return True
    return False


# Hypothetical and worked examples: the figure follows a conditional or example marker.
HYPOTHETICAL_RE = re.compile(
    r"\b(?:wenn|ob\s+(?!\d)|[Ff]alls\s+(?:Sie|du|ihr|man|der|die|das|ein|eine|es|er|sie|wir|Ihre?|dein\w*)|sofern|"
    r"angenommen|nehmen wir an|stell(?:en Sie sich|t euch|e dir) vor|gesetzt den Fall|"
    r"if|suppose|supposing|assuming|assume|imagine|let'?s say|say you|hypothetically|in theory|theoretisch)\b",
    re.IGNORECASE,
)
EXAMPLE_RE = re.compile(
    r"\b(?:z\.\s?B\.|zum Beispiel|beispielsweise|bspw\.|etwa so|e\.\s?g\.|for example|for instance|such as)",
    re.IGNORECASE,
)
# "it would take 5,000 guesses": a computed, not an observed, figure.
WOULD_TAKE_RE = re.compile(
    r"\b(?:would|würde|bräuchte|bräuchten|müsste|müssten)\s+(?:\w+\s+){0,2}"
    r"(?:take|need|require|brauchen|benötigen|dauern|kosten)\b",
    re.IGNORECASE,
)
# A worked example's result ("That makes 16 dogs after two generations"), a conditional mood without a source.
WORKED_RE = re.compile(r"^\W*(?:That|This|Das|Dies|It)\s+(?:makes|gives|equals|means|ergibt|macht|bedeutet)\b")
WOULD_RE = re.compile(r"\b(?:would|würden?|wären?|hätten?)\b", re.IGNORECASE)
# Rules: laws, norms, regulations; the figures they set are thresholds, not facts about the world.
LEGAL_RE = re.compile(
    r"§|\bAbs\.|\bVorschrift|\bVerordnung|\bgesetzlich|\bGesetz(?:es|geber)?\b|\bvorgeschrieben|\bverpflichtet|"
    r"\bPflicht\b|\bMindestpflicht|\bRichtwert|\bDGUV\b|\bASR\b|\bDIN\b|\bregulations?\b|\brequired by law\b|"
    r"\bby law\b|\bstatutory\b|\bmandatory\b|\bAGB\b|\bterms and conditions\b",
    re.IGNORECASE,
)
# Conditions and thresholds of a rule table: "(> 20 Anwesende): 5 %", "Betriebe ab 1.500 Beschäftigten".
THRESHOLD_RE = re.compile(
    r"[<>≤≥]\s?\d|\b(?:ab|from)\s+\d[\d.,]*\s+(?:\w+\s+)?(?:Beschäftigte\w*|Mitarbeite\w*|Anwesende\w*|"
    r"Versicherte\w*|Personen|Teilnehme\w*|employees|staff|people|participants|users|Nutzer\w*|Benutzer\w*)\b|"
    r"\b(?:mit|with)\s+(?:mehr|weniger|more|fewer|less)\s+(?:als|than)\s+\d[\d.,]*\s+\w+\s*:",
    re.IGNORECASE,
)
# Settings of software: "(default value 50 milliseconds)", "standardmäßig 30 Sekunden".
CONFIG_RE = re.compile(
    r"\b(?:default(?:s| value| setting)?|Standardwert\w*|Default-?Wert\w*|standardmäßig|voreingestellt|"
    r"convar|cvar|config(?:uration)?|Konfiguration|timeout|Timeout)\b",
    re.IGNORECASE,
)
# A methods note describes the study, its figures are its design: "Methodik: 87 Angebote aus 2024".
METHOD_RE = re.compile(
    r"^\W*(?:Methodik|Methodologie|Methode|Methodology|Methods?|Datenbasis|Datengrundlage|Data basis|Stichprobe|"
    r"Sample|Studiendesign|Study design|Untersuchungsdesign)\b",
)
# German verb-first conditionals: "Ist diese unter 55 %, so …", "Liegt der Wert über 90 %, dann …"
CONDITIONAL_V1_RE = re.compile(
    r"^(?:Ist|Sind|Liegt|Liegen|Fällt|Fallen|Steigt|Steigen|Sinkt|Sinken|Hat|Haben|Wird|Werden|Sollte|Sollten|"
    r"Kommt|Kommen|Gibt|Braucht|Beträgt|Übersteigt|Überschreitet|Unterschreitet)\b[^?]*\b(?:so|dann)\b[^?]*$"
)
# Advice and targets: what the reader should do or aim for (a figure reported from a named source,
# "Die DGE empfiehlt 300 mg", stays a statistic).
ADVICE_RE = re.compile(
    r"\b(?:ideal(?:erweise)?(?!\s+(?:für|for))|optimal\w*|achten Sie|achte|make sure|ensure|aim for|"
    r"planen Sie|plan for|reicht für|enough for|wir empfehlen|we recommend|empfehlen wir)\b",
    re.IGNORECASE,
)
# Instructions and recipes: imperative openings, infinitive endings, kitchen units.
IMPERATIVE_EN_RE = re.compile(
    r"^(?:[-•*\d.)\s]*)(?:Preheat|Heat|Bake|Cook|Let|Leave|Add|Mix|Stir|Bring|Set|Place|Put|Allow|Wait|Use|Keep|"
    r"Remove|Turn|Cut|Simmer|Boil|Roast|Grill|Fry|Pour|Whisk|Knead|Rest|Chill|Cool|Season|Slice|Chop|Combine|"
    r"Fill|Open|Close|Adjust|Choose|Select|Enter|Click|Install|Run|Configure|Go|Press|Repeat|Measure|Apply)\b"
)
IMPERATIVE_DE_RE = re.compile(
    rf"(?:^|[:–—-]\s*|\b(?:dann|danach|anschließend|nun|jetzt|bitte)\s+)[{U}][{L}]+(?:en|ern|eln)\s+Sie\b|"
    rf"\b(?:lassen|heizen|warten|geben|stellen|legen|backen|braten|garen|rühren|schneiden|planen|wählen|"
    rf"achten|nehmen|nutzen|verwenden|drehen|öffnen|schließen|reduzieren|erhöhen)\s+Sie\b"
)
INFINITIVE_END_RE = re.compile(
    r"\b(?:backen|garen|braten|kochen|köcheln|ruhen|gehen|ziehen|abkühlen|vorheizen|aufheizen|erhitzen|"
    r"einbrennen|rühren|verrühren|unterrühren|mischen|vermengen|hinzufügen|hinzugeben|zugeben|einplanen|"
    r"bringen|einstellen|stellen|legen|geben|schneiden|würzen|grillen|räuchern|anbraten|aufkochen|"
    r"einweichen|abgießen|kneten|lassen|wenden|drehen|warten|verwenden|nutzen|einhalten|halten)[.!]?\s*$",
    re.IGNORECASE,
)
# A row of a settings table: "200–230 °C: Gemüse, Eier, Garnelen".
SETTING_ROW_RE = re.compile(r"^[\d.,\s–-]++°\s?[CF]\+?\s*:")
KITCHEN_UNIT_RE = re.compile(
    r"^[\d.,/½¼¾\s–-]++(?:g|kg|ml|l|cl|dl|EL|TL|Prise[n]?|Tasse[n]?|Becher|"
    r"Stück|Pck\.?|Päckchen|Bund|Zehe[n]?|cups?|tbsp|tsp|oz|lb|pinch)\b"
)
# Offer terms: prices, fees, discounts, plan limits, trial periods, bookings, shipping, warranty.
OFFER_RE = re.compile(
    r"\b(?:pro|per|je)\s+(?:[Pp]erson|Teilnehmer\w*|Benutzer\w*|Nutzer\w*|user|seat|Platz|Kurs|Lehrgang\w*|"
    r"Stunde|hour|Monat|month|Jahr|year|Lizenz|licen[cs]e|Tag|day)\b.*?(?:€|EUR|Euro|\$|USD|£|CHF)|"
    r"(?:€|EUR|Euro|\$|USD|£|CHF).{0,25}?(?:pro|per|je|/)\s*(?:[Pp]erson|Teilnehmer\w*|Benutzer|Nutzer|user|"
    r"seat|Monat|month|Lizenz|licen[cs]e|Kurs|Stunde|hour)\b|"
    r"[Gg]ebühr|\b(?:Rabatt\w*|[Dd]iscount\w*|Nachlass|Ermäßigung|Gutschein\w*|[Cc]oupon|[Vv]oucher|Aufpreis|Aufschlag|"
    r"[Ss]urcharge|[Ff]ees?|Preis(?:e|es)?|[Pp]rice[sd]?|[Pp]ricing|kostenlos|gratis|"
    r"free of charge|[Ff]ree [Tt]rial|[Tt]rial|Testphase|Testzeitraum|Probe(?:abo|monat|zeit|phase|training|"
    r"stunde)\w*|kostenfrei|inkl\.|zzgl\.|incl\.|excl\.|MwSt|USt|VAT|netto|brutto|Widerruf\w*|[Ww]ithdrawal|"
    r"Storn\w*|[Cc]ancel\w*|Kündigung\w*|Vertrag\w*|[Cc]ontracts?|Abos?|Abonnement\w*|[Ss]ubscription\w*|"
    r"[Ss]ubscribe|Tarif\w*|(?:pricing|free|pro|premium|basic|starter|business|enterprise|paid|annual|monthly|"
    r"yearly)\s+plans?|Paket\w*|[Pp]ackages?|Kontingent|buchen|Buchung\w*|[Bb]ooking|bestellen|Bestellung|"
    r"Versand\w*|[Ss]hipping|Lieferzeit|Garantie|[Ww]arranty|Gewährleistung|Angebot\w*|[Oo]ffers?|Sale|"
    r"Aktion(?:spreis|scode)?|[Cc]heckout|Warenkorb|Kaufpreis|instead of|statt|anstatt|günstiger|cheaper|"
    r"Gutschrift|Anmeldung|[Rr]egistration|Lesezeit|[Rr]eading time|min read)\b"
)
# Money in a sentence with these is an offer price.
PRICE_CUE_RE = re.compile(
    r"[Pp]reis(?:e|es|en)?\b|(?<!up )(?<!down )(?<!rose )(?<!fell )\b(?:ab|from|starting at|nur|only|just|"
    r"für nur|statt|instead of)\s*"
    r"(?:(?:€|EUR|\$|USD|£|CHF)\s?\d|\d[\d.,]*\s*(?:€|EUR|Euro|\$|USD|£|CHF))|(?:€|EUR|Euro|\$|USD|£|CHF)\s*\*|"
    r"\bkoste[nt]? bei uns\b|"
    r"\b(?:Kosten|costs?|price)\s+(?:pro|per|je)\b",
)
MAGNITUDE_AFTER_RE = re.compile(r"^\s*(?:Mio|Mrd|Millionen?|Milliarden?|million|billion|bn|tn|trillion|[MB]\b)", re.I)
# Percentages of offer terms: plan, trial, contract, discount, workload of a job ad.
OFFER_PERCENT_RE = re.compile(
    r"[Gg]ebühr|\b(?:Rabatt\w*|[Dd]iscount\w*|Nachlass|Ermäßigung|Gutschein\w*|[Cc]oupon|[Vv]oucher|Aufpreis|Aufschlag|"
    r"[Ss]urcharge|[Ff]ees?|kostenlos|gratis|free of charge|[Tt]rial|Testphase|Testzeitraum|"
    r"inkl\.|zzgl\.|incl\.|excl\.|MwSt|USt|VAT|Vertrag\w*|[Cc]ontracts?|Abos?|Abonnement\w*|"
    r"[Ss]ubscription\w*|Tarif\w*|Sale|[Cc]heckout|Warenkorb|Gutschrift|Pensum|Arbeitspensum|Teilzeit|"
    r"Vollzeit|[Ff]ull-time|[Pp]art-time|Stellenangebot|Provision|[Cc]ommission|Anzahlung|Skonto|"
    r"Finanzierung)\b"
)
INTERVIEW_RE = re.compile(
    r"\b(?:interviewed|interviewt|befragt\w*|surveyed|questioned|polled|respondents|antworteten|responded|"
    r"Befragte\w*|Teilnehmende[n]? der Studie|participants in the study)\b",
    re.IGNORECASE,
)
STUDY_RE = re.compile(
    r"\b(?:Studie\w*|stud(?:y|ies)|Umfrage\w*|Befragung\w*|survey\w*|poll|Erhebung|Stichprobe|sample|"
    r"Untersuchung|Panel|trial|befragt\w*|surveyed|interviewed|Interviews?|antworteten|responded)\b",
    re.IGNORECASE,
)
SAMPLE_UNIT_RE = re.compile(
    r"^(?:Befragte\w*|respondents?|participants?|Teilnehmer\w*|Teilnehmende\w*|Probanden|subjects|"
    r"Führungskräfte\w*|executives|Entscheider\w*|Personen|people|Menschen|adults|Erwachsene\w*|"
    r"Unternehmen|companies|Mitarbeitende\w*|Beschäftigte\w*|employees|Kunden|customers|Haushalte\w*|"
    r"households)$",
    re.IGNORECASE,
)
SAMPLE_BEFORE_RE = re.compile(
    r"(?:\bn\s*=\s*|\b(?:Befragung|Umfrage|Studie|Erhebung|Stichprobe|Untersuchung|survey|study|poll|sample|"
    r"Interviews?|interviewed|befragt\w*)\s+(?:\w+\s+){0,2}(?:von|mit|unter|of|with|among|from)\s+"
    r"(?:(?:mehr|weniger)\s+als|über|rund|knapp|fast|insgesamt|more than|over|about|around|nearly|almost|some)?\s*"
    r"|\bwith\s+(?:(?:more|fewer)\s+than|over|about|around|nearly|almost)?\s*)$",
    re.IGNORECASE,
)
# Durations are facts only as a measurement: how long something takes, lasts or holds, on average.
DURATION_FACT_RE = re.compile(
    r"\b(?:dauer\w*|takes?|took|taking|lasts?|lasted|Lebensdauer|Nutzungsdauer|Haltbarkeit|haltbar|hält|halten|"
    r"hielt|lifespan|life expectancy|lifetime|Halbwert\w*|half-life|durchschnittlich|im Schnitt|"
    r"Durchschnitt|average|median|Wartezeit|waiting time|Bearbeitungszeit|wait(?:ed|ing)?|brauch\w*|needs?|"
    r"benötig\w*|erreich\w*|reach\w*|schafft|schneller|faster|kürzer|shorter|länger|"
    r"longer|verkürzt|reduced|gesenkt|spent|verbracht|verbringen|Amortisation|amortis\w*|pays? (?:for itself|back)|"
    r"payback|Laufzeit ohne|[a-zäöü]\w*zeit(?:en)?|oft|often|meist|meistens|usually|typically|typisch\w*|"
    r"in der Regel|normalerweise|"
    r"generally|im Mittel|on average)\b",
    re.IGNORECASE,
)
# … but never the time since, the age, experience or a period of the company's own history.
NOT_DURATION_FACT_RE = re.compile(
    r"\b(?:seit|since|vor|ago|for (?:more than |over |almost |nearly |about )?$|über die letzten|in den letzten|"
    r"over the (?:past|last)|the (?:past|last|next|first)|nächsten|ersten|letzten|im Alter von|"
    r"mit|at the age of|aged|alle|every|Jubiläum|anniversary|in (?:über|mehr als|gut|knapp|more than|over))"
    r"\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
AGO_AFTER_RE = re.compile(r"^\s*(?:ago|zuvor|früher|später|later|her)\b", re.IGNORECASE)
EXPERIENCE_AFTER_RE = re.compile(
    r"^\S{0,40}\s*(?:\w+\s+){0,3}(?:Erfahrung|Berufserfahrung|experience|Expertise|Tradition|Geschichte|history|"
    r"alt\b|old\b|jung|young|Jubiläum|anniversary|of (?:success|growth)|im Geschäft|in business|am Markt)",
    re.IGNORECASE,
)
# "100 % herstellerunabhängig", "zu 100 Prozent", "100% open-source": claims, not shares.
CLAIM_PERCENT_RE = re.compile(r"^(?:100|99[.,]9+)$")
SHARE_OF_AFTER_RE = re.compile(
    r"^\s*(?:\*\s*)?(?:der|des|aller|unserer|ihrer|seiner|of|aller|all|the|our|their|its)\b", re.IGNORECASE
)
ZU_PERCENT_BEFORE_RE = re.compile(r"(?<!\bbis )\bzu\s*$", re.IGNORECASE)
DISCOUNT_AFTER_RE = re.compile(
    r"^\s*+(?:\*\s*+)?(?:Rabatt|discount|off\b|Nachlass|Ermäßigung|günstiger|cheaper|Skonto|Aufschlag|surcharge|"
    r"Aufpreis|Preisnachlass|Ersparnis auf)",
    re.IGNORECASE,
)
DISCOUNT_BEFORE_RE = re.compile(r"(?:\bRabatt von|\bdiscount of|\bNachlass von)\s*(?:bis zu\s*|up to\s*)?$", re.I)
DISCOUNT_IMPERATIVE_RE = re.compile(
    r"^\W*(?:Spare|Sparen Sie|Spart|Save|Sichere dir|Sichern Sie sich|Get|Hol dir|Holen Sie sich)\b"
)
# Capacity and plan limits: "max. 20 Personen", "up to 14 people", "minimum of 5 participants".
LIMIT_BEFORE_RE = re.compile(
    r"(?:\bmax\.?|\bmaximal|\bmaximum(?: of)?|\bhöchstens|\bbis(?: zu)?|\bup to|\bmindestens|\bminimum(?: of)?|"
    r"\bmin\.|\bat least|\b(?:ab|für|for|fasst|bei|with)(?:\s+(?:mehr|weniger|more|fewer|less)\s+(?:als|than))?)\s*$",
    re.IGNORECASE,
)
PEOPLE_UNIT_RE = re.compile(
    r"^(?:Personen|Teilnehmer\w*|Teilnehmende\w*|people|participants?|persons?|users?|Benutzer\w*|Nutzer\w*|"
    r"seats?|Plätze|Gäste\w*|guests?|Mitglieder\w*|members?|Leute|Anwesende\w*|Versicherte\w*)$",
    re.IGNORECASE,
)
# Identifiers and versions: "Kennziffer 8.2018", "Version 1.36", "Episode 03.2", "QField 4.0", "Android 8.0".
ID_BEFORE_RE = re.compile(
    r"(?:\b(?:Kennziffer|Kennzahl|Nr\.?|Nummer|No\.?|ID|Az\.?|Aktenzeichen|Art\.|Abschnitt|Section|Kapitel|Chapter|"
    r"Episode|Folge|Ausgabe|Issue|Band|Vol\.?|Version|version|Versionen|versions|Release|release|Update|update|"
    r"Build|build|Level|level|Stufe|Schritt|Step|Phase|Teil|Part|Modell|Model|Typ|Type|Klasse|Class|ISO|DIN|EN|"
    r"IEC|RFC|SDG|Tipp|Tip)\s*|\bv)$"
)
PRODUCT_BEFORE_RE = re.compile(rf"(?:^|[\s(/])(?:[{U}][\w-]*|[a-z]+[A-Z]\w*|[A-Z0-9]{{2,}})\s$")
VERSION_AFTER_RE = re.compile(
    r"^(?:\+|\.x\b|\.\d|\s?(?:beta|alpha|rc\d*|LTS|RC|Beta)\b|\s?[\"“„'‘]?[A-Z][a-z]+[\"”“'’])"
)
# a non-figure "N.N" in German text (German decimals take a comma)
DOT_DECIMAL_RE = re.compile(r"^\d+\.\d+$")
THOUSANDS_RE = re.compile(r"^[1-9]\d{0,2}(?:[.,\u00a0\u202f’]\d{3})+$")


def _before(sentence: str, start: int, chars: int = 40) -> str:
    return sentence[max(0, start - chars) : start]


def _after(sentence: str, end: int, chars: int = 40) -> str:
    return sentence[end : end + chars]


def _without_trailing_parens(sentence: str) -> str:
    return re.sub(r"(?<!\s)\s*\([^()]*+\)\s*([.!]?)\s*$", r"\1", sentence)


def sentence_excluded(sentence: str, sourced: bool) -> str | None:
    """Why no figure of this sentence is a statistic, or None."""
    if is_code_like(sentence):
        return "code"
    if LEGAL_RE.search(sentence):
        return "legal rule"
    if THRESHOLD_RE.search(sentence):
        return "threshold"
    if CONFIG_RE.search(sentence):
        return "config value"
    if METHOD_RE.match(sentence):
        return "study design"
    if CONDITIONAL_V1_RE.match(sentence):
        return "hypothetical"
    if KITCHEN_UNIT_RE.match(sentence) and len(sentence.split()) <= 8:
        return "recipe ingredient"
    if SETTING_ROW_RE.match(sentence):
        return "setting table"
    if (
        IMPERATIVE_EN_RE.match(sentence)
        or IMPERATIVE_DE_RE.search(sentence)
        or INFINITIVE_END_RE.search(_without_trailing_parens(sentence))
    ):
        return "instruction"
    if WOULD_TAKE_RE.search(sentence) or WORKED_RE.match(sentence):
        return "hypothetical"
    if sourced:
        return None
    if WOULD_RE.search(sentence):
        return "hypothetical"
    if ADVICE_RE.search(sentence):
        return "advice"
    return None


def figure_excluded(
    sentence: str, cand: Candidate, unit: str, sourced: bool, lang: str | None, named: bool = False
) -> str | None:
    """Why this one figure is not a statistic, or None. `sourced`: the sentence has a source;
    `named`: the source is named in words (not only a link), which makes a duration a reported fact."""
    before, after = _before(sentence, cand.start), _after(sentence, cand.end)
    head = sentence[: cand.start]
    if HYPOTHETICAL_RE.search(head):
        return "hypothetical"
    if not sourced and EXAMPLE_RE.search(head):
        return "example"
    if cand.kind == MONEY:
        if re.fullmatch(r"0(?:[.,]0+)?", cand.number):
            return "price"  # "€ 0": a free plan
        if MAGNITUDE_AFTER_RE.match(after) or MAGNITUDE_AFTER_RE.match(unit):
            return None  # "€55 million", "1,5 Mrd. Euro": revenue, markets, damages, not an offer
        if (
            (not sourced and OFFER_RE.search(sentence))
            or PRICE_CUE_RE.search(sentence)
            or after.lstrip().startswith("*")
        ):
            return "price"
    if cand.kind == PERCENT:
        if DISCOUNT_AFTER_RE.match(after) or DISCOUNT_BEFORE_RE.search(before) or after.startswith("*"):
            return "discount"
        if DISCOUNT_IMPERATIVE_RE.match(sentence):
            return "discount"
        if OFFER_PERCENT_RE.search(sentence) and not sourced:
            return "offer term"
        if CLAIM_PERCENT_RE.match(cand.number) and not SHARE_OF_AFTER_RE.match(after):
            return "claim"
        if ZU_PERCENT_BEFORE_RE.search(before):
            return "claim"
    if cand.kind == TIME:
        if NOT_DURATION_FACT_RE.search(before) or EXPERIENCE_AFTER_RE.match(after):
            return "time since / experience"
        if OFFER_RE.search(sentence):
            return "offer term"
        if AGO_AFTER_RE.match(after):
            return "time since / experience"
        if not named and not DURATION_FACT_RE.search(sentence):
            return "duration"
    if cand.generic and lang != "de" and unit[:1].isupper():
        return "title words"  # "The 10 Most Important Things": English capitalises titles, not nouns
    if cand.kind == COUNT:
        if (cand.generic or SAMPLE_UNIT_RE.match(unit)) and INTERVIEW_RE.search(sentence):
            return "sample size"  # "1.000 Personen wurden befragt", "25 leaders we interviewed"
        if PEOPLE_UNIT_RE.match(unit) and (LIMIT_BEFORE_RE.search(before) or OFFER_RE.search(sentence)):
            return "capacity"
    if cand.kind in (COUNT, BARE) and re.search(r"\bn\s*=\s*$", before):
        return "sample size"
    if cand.kind == BARE:
        if ID_BEFORE_RE.search(before) or VERSION_AFTER_RE.match(after):
            return "identifier"
        if before.endswith("(") and after.startswith(")") and not THOUSANDS_RE.match(cand.number):
            return "identifier"
        if SAMPLE_BEFORE_RE.search(before):
            return "sample size"
        if not THOUSANDS_RE.match(cand.number):
            if lang == "de" and DOT_DECIMAL_RE.match(cand.number):
                return "identifier"
            if cand.number.endswith((".0", ",0")) or PRODUCT_BEFORE_RE.search(before):
                return "identifier"
    if cand.kind in (COUNT, BARE, MEASURE) and SAMPLE_BEFORE_RE.search(before) and STUDY_RE.search(sentence):
        return "sample size"
    return None


# -- sources --------------------------------------------------------------------------------------

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
    oktober november dezember january february march may june july october december quarter quartal""".split()
)
TOKEN_RE = re.compile(rf"[{U}{L}0-9][\w&.'’-]*")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,}s?$|^[A-Z][a-z]+[A-Z]\w*$|^[a-z]+[A-Z]\w*$")
LAW_SOURCE_RE = re.compile(r"^(?:§|AGB|Gesetz|Vertrag|Verordnung|Vorschrift|DGUV|ASR|DIN|law|contract|terms)\b", re.I)

# Forward markers: the name follows ("laut Destatis", "according to the BKA", "a study by X").
FORWARD_SOURCE_RE = re.compile(
    r"\b(?:laut|gemäß|lt\.|nach\s+(?:Angaben|Daten|Zahlen|Schätzungen|Berechnungen|Erhebungen|Informationen|"
    r"Auswertungen|Ergebnissen|Analysen|Statistiken)(?:\s+(?:des|der|von|vom|aus))?|Angaben\s+(?:des|der|von|vom)|"
    r"according\s+to|as\s+reported\s+by|reported\s+by|data\s+(?:from|by|of)|figures\s+(?:from|by|of)|"
    r"statistics\s+(?:from|by|of)|published\s+by|per\s+the|(?:a|the|an?)\s+(?:\w+\s+){0,2}"
    r"(?:study|survey|report|analysis|poll|review|census|paper)\s+(?:by|from|of|published\s+by|conducted\s+by|"
    r"commissioned\s+by)|(?:Studie|Umfrage|Befragung|Erhebung|Untersuchung|Analyse|Auswertung|Statistik|"
    r"Bericht|Report|Daten|Zahlen|Schätzung|Prognose)(?:en)?\s+(?:des|der|von|vom|im Auftrag (?:des|der|von)))"
    r"(?=\s|$)",
    re.IGNORECASE,
)
# Backward markers: the name comes first ("Destatis zufolge", "The BKA reports", "Die Bundesnetzagentur meldet").
BACKWARD_SOURCE_RE = re.compile(
    r"\b(?:zufolge|reports?|reported|finds|found|estimates|estimated|counts|counted|shows|showed|states|stated|"
    r"says|said|announced|predicts|predicted|calculated|measured|recorded|registered|"
    r"publishe[sd]|revealed|notes|noted|meldet|meldete|berichtet|berichtete|schätzt|schätzte|zählt|zählte|"
    r"ermittelt|ermittelte|errechnet|errechnete|beziffert|bezifferte|veröffentlicht|veröffentlichte|erklärt|"
    r"erklärte|verkündet|verkündete|nennt|nannte|gibt\s+an|gab\s+an|sagt|sagte|zeigt|zeigte|belegt|belegte|"
    r"ergab|ergibt|kommt\s+zu\s+dem\s+(?:Ergebnis|Schluss)|prognostiziert|prognostizierte|beobachtet|"
    r"beobachtete|registriert|registrierte|bescheinigt|bescheinigte|geht\s+von|empfiehlt|empfahl|empfehlen|"
    r"recommends?|recommended|advises|rät|dargelegt|darlegt|legt\s+dar|schreibt|schrieb|writes|wrote|"
    r"erläutert|erläuterte|betont|betonte|warnt|warnte|explains|explained|told|tells|rechnet\s+vor|sprach|"
    r"spoke|äußerte|kündigte|teilte|mitteilte)\b",
    re.IGNORECASE,
)
# Own data named as the source: "our survey found", "wir haben 200 Betriebe befragt".
OWN_DATA_RE = re.compile(
    r"\b(?:our|unsere[rnms]?)\s+(?:own\s+|eigene[nr]?\s+|aktuelle[nr]?\s+|jährliche[nr]?\s+|annual\s+|latest\s+|"
    r"recent\s+|(?:19|20)\d{2}\s+){0,2}(?:survey|study|data|analysis|research|measurements?|poll|benchmark|Umfrage|Studie|Daten|"
    r"Auswertung|Messungen|Erhebung|Analyse|Befragung|Untersuchung|Statistik)\b|"
    r"\bwe\s+(?:have\s+)?(?:surveyed|measured|analy[sz]ed|counted|asked|polled|tracked|tested|reviewed)\b|"
    r"\bwir\s+haben\s+(?:\S+\s+){0,5}(?:befragt|ausgewertet|gemessen|untersucht|gezählt|analysiert|erhoben)\b|"
    r"\beigene[nr]?\s+(?:Messungen|Auswertung|Erhebung|Daten|Umfrage|Befragung)\b|\bet al\.?",
    re.IGNORECASE,
)
# Well-known statistical bodies: their name is the source wherever it stands in the sentence.
NAMED_BODY_RE = re.compile(
    r"\b(?:Destatis|Statistische[sn]?\s+(?:Bundes|Landes)amt\w*|Eurostat|Statista|Fraunhofer|Umweltbundesamt|"
    r"Bundesnetzagentur|Bundesagentur\s+für\s+Arbeit|Bundesamt\s+für\s+\w+|Bundesministerium\w*|Bundesbank|"
    r"Robert[- ]Koch[- ]Institut|RKI|OECD|WHO|IEA|IPCC|Weltbank|World\s+Bank|IMF|IWF|Office\s+for\s+National\s+"
    r"Statistics|ONS|Census\s+Bureau|Bureau\s+of\s+Labor\s+Statistics|Pew\s+Research|Gartner|IDC|Bitkom|"
    r"McKinsey|Deloitte|PwC|KPMG|Forrester|Nielsen|GfK|YouGov|Ipsos|Allensbach|Forsa|Civey|Prognos|DIW|ifo|"
    r"IW\s+Köln|ZEW|Statistik\s+Austria|Bundesamt\s+für\s+Statistik)\b"
)
# An author-year citation: "(Destatis 2024)", "(Housing Act 2004)", "(Müller et al., 2021)".
CITATION_RE = re.compile(rf"\((?:[{U}][\w&.’'-]*\s?){{1,6}}(?:et al\.?)?,?\s(?:19|20)\d{{2}}[a-z]?(?:[,;][^()]*)?\)")
# An inline source note: "(Quelle: Destatis 2024)", "Source: ONS".
INLINE_SOURCE_RE = re.compile(r"(?:^|[(\[–—-]\s*|\s)(?:Quellen?|Sources?|Datenquelle|Data source)\s*:\s*\S", re.I)
SOURCE_LINE_RE = lx.SOURCE_LINE_RE
# A sentence that refers back to the source named just before: "Demnach …", "The study found …".
ANAPHORIC_START_RE = re.compile(
    r"^(?:Demnach|Demzufolge|Danach|Laut\s+(?:der|dem|diese[rm])|Dort|Darin|Dabei|Diese[rnms]?\s+zufolge|"
    r"Ihr\s+zufolge|Ihm\s+zufolge|Die\s+(?:Studie|Umfrage|Erhebung|Auswertung|Analyse|Statistik)|"
    r"Der\s+(?:Bericht|Report|Studie)|Das\s+(?:Institut|Amt|Ergebnis)|Accordingly|According\s+to\s+(?:the|this|it|them)|"
    r"The\s+(?:study|survey|report|analysis|poll|data|figures|researchers|authors)|It\s+(?:found|shows|reports)|"
    r"They\s+(?:found|report)|This\s+(?:study|survey|report))\b"
)
DEFINITE_RE = re.compile(r"^(?:der|die|das|dem|den|des|the|this|these|diese[rmns]?|jene[rmns]?)$", re.IGNORECASE)
INDEFINITE_RE = re.compile(
    r"^(?:ein|eine|einer|einem|eines|a|an|one|some|several|many|various|mehrere[rn]?|"
    r"einige[rn]?|verschiedene[rn]?|zahlreiche[rn]?|neue[rn]?|aktuelle[rn]?|new|recent)$",
    re.IGNORECASE,
)
SOURCE_NOUN_RE = re.compile(
    r"^(?:Studie|Umfrage|Befragung|Erhebung|Untersuchung|Analyse|Auswertung|Statistik|Bericht|Report|"
    r"Schätzung|Prognose|Daten|Zahlen|Ergebnisse\w*|study|survey|report|analysis|poll|review|census|data|"
    r"figures|statistics|research|paper|findings|results)\w{0,2}$",
    re.IGNORECASE,
)


# Words that are organisations by their form: "Umweltbundesamt", "Bundesnetzagentur", "Universität".
ORG_WORD_RE = re.compile(
    rf"^(?:[{U}][{L}]*(?:amt|ämter|agentur|institut|ministerium|verband|kammer|behörde|bank|stiftung|register|"
    rf"universität|hochschule|akademie|zentrale|gesellschaft|vereinigung|kommission|rat|gericht|kasse|werk)|"
    rf"Universität|Hochschule|University|Institute|Agency|Office|Bureau|Association|Federation|Council|Commission|"
    rf"Ministry|Department|Foundation|Society|GmbH|AG|Inc\.?|Ltd\.?|e\.V\.)$"
)
SOURCE_COMPOUND_RE = re.compile(
    r"^[\w]+-\w*(?:[Ss]tudie|[Uu]mfrage|[Ee]rhebung|[Rr]eport|[Bb]ericht|[Aa]nalyse|[Ss]tatistik|[Ii]ndex|"
    r"[Bb]arometer|[Mm]onitor|[Aa]tlas|[Ss]urvey|[Ss]tudy|[Rr]anking|[Zz]ensus)$"
)


def _plain(token: str) -> str:
    return token.strip(".,;:'’-")


def _capitalised(token: str) -> bool:
    word = _plain(token)
    return len(word) >= 2 and word[0].isupper() and word.casefold() not in NOT_A_NAME | GENERIC_SOURCE_WORDS


def _is_name(token: str, first: bool, lang: str | None) -> bool:
    """A token that names someone by itself. German capitalises every noun, so there a single
    capitalised word is a name only by its form (an acronym, an organisation word, "KIKK-Studie")."""
    word = _plain(token)
    if len(word) < 2 or word.casefold() in NOT_A_NAME or word.casefold() in GENERIC_SOURCE_WORDS:
        return False
    if ACRONYM_RE.match(word) or ORG_WORD_RE.match(word) or SOURCE_COMPOUND_RE.match(word):
        return True
    return lang != "de" and not first and word[0].isupper()


def _has_name(tokens: list[str], lang: str | None, first_index: int = -1) -> bool:
    """A name among the tokens; `first_index` is the token that starts the sentence, if any."""
    for i, token in enumerate(tokens):
        if _is_name(token, i == first_index, lang):
            return True
        if i + 1 < len(tokens) and _capitalised(token) and _capitalised(tokens[i + 1]):
            return True  # "Jan Philipp Albrecht", "Deutsche Bahn", "Uni Greifswald"
    return False


def _names_after(text: str, lang: str | None) -> bool:
    """The words after a forward marker ("laut …", "according to …") name a source: anything
    definite or named, not "einer Studie" / "experts" / "a representative survey" without a name."""
    tokens = TOKEN_RE.findall(text)[:8]
    if not tokens or LAW_SOURCE_RE.match(tokens[0]):
        return False
    head = tokens[0]
    if head[:1].isdigit() or head.casefold() in {"mehr", "more", "über", "over", "rund", "about", "around", "knapp"}:
        return False  # "eine Befragung von mehr als 250 Führungskräften": a sample, not a name
    if INDEFINITE_RE.match(head) or _plain(head).casefold() in GENERIC_SOURCE_WORDS:
        return _has_name(_source_phrase(tokens), lang)
    return True


def _source_phrase(tokens: list[str]) -> list[str]:
    """The noun phrase that names the source: "(a recent) study (by the University of Leeds)", up to
    the verb that follows it ("einer Studie | nutzen …") or the sample it describes ("of | more than 250")."""
    phrase: list[str] = []
    seen_noun = False
    for i, token in enumerate(tokens):
        lowered = token.casefold()
        if token[:1].isdigit() or lowered in SAMPLE_WORDS:
            break
        if lowered in PHRASE_LINKS:
            nxt = tokens[i + 1].casefold() if i + 1 < len(tokens) else ""
            if nxt in SAMPLE_WORDS or nxt[:1].isdigit():
                break
        elif SOURCE_NOUN_RE.match(token) or lowered in GENERIC_SOURCE_WORDS:
            seen_noun = True
        elif token[:1].islower() and seen_noun:
            break  # the verb after the source
        phrase.append(token)
    return phrase


SAMPLE_WORDS = frozenset({"mehr", "more", "über", "over", "rund", "about", "around", "knapp", "fast", "nearly"})
PHRASE_LINKS = frozenset(
    """der die das des dem den von vom zur zum für aus im in an am und of the by from for at on and among unter
    with mit""".split()
)


def _names_before(text: str, lang: str | None) -> bool:
    """The words before a backward marker ("… zufolge", "X reports", "die KIKK-Studie belegt") name a source."""
    all_tokens = TOKEN_RE.findall(text)
    tokens = all_tokens[-10:]
    if not tokens:
        return False
    if len(tokens) >= 2 and DEFINITE_RE.match(tokens[-2]) and SOURCE_NOUN_RE.match(tokens[-1]):
        return True  # "The study found", "die Auswertung ergab"
    if len(tokens) >= 2 and INDEFINITE_RE.match(tokens[-2]) and SOURCE_NOUN_RE.match(tokens[-1]):
        return False  # "eine Studie zeigt", "a survey found"
    first_index = 0 if len(all_tokens) == len(tokens) else -1
    return _has_name(tokens, lang, first_index) or _definite_role(tokens[-4:])


def _definite_role(tokens: list[str]) -> bool:
    """ "der Umweltminister", "the CEO": a definite office holder is a named source."""
    return any(DEFINITE_RE.match(a) and ROLE_RE.match(b) for a, b in zip(tokens, tokens[1:], strict=False))


def _names_following_verb(text: str, lang: str | None) -> bool:
    """German inverted order: "belegt die KIKK-Studie", "meldet das Statistische Bundesamt"."""
    tokens = TOKEN_RE.findall(text)[:5]
    if len(tokens) >= 2 and DEFINITE_RE.match(tokens[0]) and SOURCE_NOUN_RE.match(tokens[1]):
        return True
    if _definite_role(tokens[:3]):
        return True
    return _has_name(tokens, lang)


POSSESSIVE_SOURCE_RE = re.compile(
    rf"(?<![\w.-])[{U}][\w.-]*(?:\s[{U}][\w.-]*){{0,4}}['’]s\s+(?:\w+\s+){{0,2}}(?:presentation|talk|keynote|report|study|survey|"
    r"data|figures|numbers|analysis|research|estimates?|statistics|paper|census|findings|forecast|list|"
    r"database|index|ranking)\b|"
    r"\b(?:[Vv]on\s+Seiten|[Vv]onseiten|[Ss]eitens)\s+(?:des|der)\s+\w+\s+(?:wird|wurde|hieß\s+es|heißt\s+es)\b"
)
ROLE_RE = re.compile(
    r"^\w*(?:[Mm]inister\w*|[Pp]räsident\w*|[Ss]precher\w*|[Bb]ürgermeister\w*|[Ss]enator\w*|[Dd]irektor\w*|"
    r"[Vv]orsitzende\w*|[Gg]eschäftsführer\w*|[Vv]orstand\w*)$|^(?:CEO|CFO|CTO|COO|[Mm]inister|[Pp]resident|"
    r"[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Mm]ayor|[Dd]irector|[Cc]hairman|[Cc]hairwoman|[Cc]hair)$"
)


def named_source(sentence: str, ctx: PageContext, following: str = "") -> str | None:
    """What in the sentence names where its figures come from: an external link's anchor, the words
    of a named source, or a footnote marker into the reference list (`following`: the text right
    after the sentence, where a "[1]" may stand); None when nothing does."""
    lowered = sentence.casefold()
    for anchor in ctx.anchor_texts:
        if anchor.casefold() not in lowered:
            continue
        if re.search(rf"(?<![\w-]){re.escape(anchor)}(?![\w-])", sentence, re.IGNORECASE) and (
            anchor not in ctx.weak_anchors or FORWARD_SOURCE_RE.search(sentence) or BACKWARD_SOURCE_RE.search(sentence)
        ):
            return anchor  # a weak link ("Petition", a home page) names a source only with "X zählt …"
    return source_in_words(sentence, ctx.lang, ctx.brand) or footnote_source(sentence, ctx, following)


def source_in_words(sentence: str, lang: str | None = None, brand: str = "") -> str | None:
    """The words that name a source: an inline "Quelle:" note, a known statistics body, an
    author-year citation, own data, "laut X" / "according to the report" / "X reports". The
    company's own people reporting ("sagt ACME-Experte X") name no outside source."""
    match = INLINE_SOURCE_RE.search(sentence)
    if match:
        return sentence[match.start() :].strip(" (–—-")[:80]
    match = (
        NAMED_BODY_RE.search(sentence)
        or CITATION_RE.search(sentence)
        or OWN_DATA_RE.search(sentence)
        or POSSESSIVE_SOURCE_RE.search(sentence)
    )
    if match:
        return match.group(0)
    for match in FORWARD_SOURCE_RE.finditer(sentence):
        if _names_after(sentence[match.end() :], lang):
            return sentence[match.start() : match.end() + 40].strip()
    own = brand.casefold() if len(brand) > 3 else None
    for match in BACKWARD_SOURCE_RE.finditer(sentence):
        window = sentence[max(0, match.start() - 60) : match.end() + 40]
        if own and own in window.casefold():
            continue
        if _names_before(sentence[: match.start()], lang) or _names_following_verb(sentence[match.end() :], lang):
            return sentence[max(0, match.start() - 40) : match.end() + 30].strip()
    return None


FOOTNOTE_TRAILING_RE = re.compile(rf"(?:[{L}{U}%)\]”\"][.!?;:,]|[)\]”\"])(\d{{1,3}})(?=\s+[{U}\d„“\"]|\s*$)")
FOOTNOTE_BRACKET_RE = re.compile(r"\[(\d{1,3})(?:\s*[,–-]\s*\d{1,3})*\]")
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
FOOTNOTE_SUPER_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def footnote_source(sentence: str, ctx: PageContext, following: str = "") -> str | None:
    """A footnote marker ("[3]", "¹", "per day.2") that points into the page's reference list; a
    bracketed marker may stand right after the sentence's full stop ("… 14 %. [1] Growth …")."""
    if not ctx.references:
        return None
    lead = FOOTNOTE_BRACKET_RE.match(following.lstrip())
    for match in [*FOOTNOTE_BRACKET_RE.finditer(sentence), *([lead] if lead else [])]:
        if int(match.group(1)) in ctx.references:
            return f"footnote [{match.group(1)}]"
    for match in FOOTNOTE_SUPER_RE.finditer(sentence):
        number = match.group(0).translate(SUPERSCRIPT)
        if int(number) in ctx.references or any(int(d) in ctx.references for d in number):
            return f"footnote {number}"
    for match in FOOTNOTE_TRAILING_RE.finditer(sentence):
        number = match.group(1)
        if int(number) in ctx.references or (len(number) > 1 and all(int(d) in ctx.references for d in number)):
            return f"footnote {number}"
    return None


# An attribution at the head of a sentence ("Laut Umweltbundesamt …", "According to the survey, …")
# carries on to the next sentence of the same paragraph.
FRONTED_SOURCE_RE = re.compile(
    r"^\W*(?:Laut|Gemäß|Nach\s+Angaben|Nach\s+(?:Daten|Zahlen)|According\s+to|As\s+reported\s+by|Per\s+the)\b"
)


PRONOUN_REPORT_RE = re.compile(
    r"\b(?:er|sie|he|she|they)\s+(?:\w+\s+)?(?:nannte|nennt|sagte|sagt|erklärte|erklärt|berichtete|berichtet|"
    r"schätzte|schätzt|said|says|reported|reports|estimated|estimates|explained|told|added|fügte)\b|"
    r"\b(?:nannte|nennt|sagte|erklärte|berichtete|schätzte|fügte)\s+(?:er|sie)\b",
    re.IGNORECASE,
)


# Who speaks in a paragraph with quotations: "…“, said Ilja Example, founder of …", "Jana Beispiel,
# Leiterin des Labors, erklärt: „…“". A pronoun speaker ("he also warned: “…”") continues the last one.
_NAME = rf"[{U}][{L}]+(?:[ -](?:van |von |de |da )?[{U}][{L}]+){{1,4}}"
SPEAKER_RE = re.compile(
    rf"\b(?:{lx.SPEECH_VERB})\s+(?:[{L}]+\s+){{0,3}}?(?P<after>{_NAME})|"
    rf"(?P<before>{_NAME})(?:,[^“”„\"«»]{{0,160}}?,)?\s+(?:[{L}]+\s+){{0,2}}?(?:{lx.SPEECH_VERB})\b"
)
PRONOUN_SPEAKER_RE = re.compile(
    rf"\b(?:he|she|they|er|sie)\s+(?:[{L}]+\s+){{0,2}}?(?:{lx.SPEECH_VERB})\b", re.IGNORECASE
)


def paragraph_speaker(paragraph: str, previous: str | None, brand: str = "") -> str | None:
    """The named person a paragraph's quotations are attributed to, not the company's own staff."""
    match = SPEAKER_RE.search(paragraph)
    if match:
        name = match.group("after") or match.group("before")
        around = paragraph[max(0, match.start() - 60) : match.end() + 60].casefold()
        return None if len(brand) > 3 and brand.casefold() in around else name
    return previous if previous and PRONOUN_SPEAKER_RE.search(paragraph) else None


def borrowed_source(sentence: str, previous: str | None, ctx: PageContext) -> str | None:
    """The source of the sentence before, when this one refers back to it ("Demnach …", "Dabei
    nannte er …") or the one before opens with the attribution ("Laut Umweltbundesamt …")."""
    if previous and (
        ANAPHORIC_START_RE.match(sentence) or PRONOUN_REPORT_RE.search(sentence) or FRONTED_SOURCE_RE.match(previous)
    ):
        return named_source(previous, ctx)
    return None

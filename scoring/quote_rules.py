"""Word lists for quotation attribution (scoring.checks.attributed_quotes), German and English.

Who said a quotation is read from the sentence around it: a speech verb or noun ("sagt", "betonte",
"heißt es von", "explains", "according to", "Statement von") with a speaker next to it. A speaker is
a person's name, an organisation the page names, a pronoun standing for a name said before, or a
short signature line ("— Name, Rolle"). Unnamed speakers ("ein Mitglied", "a customer") are no
attribution. Pure data plus a few compiled patterns; the base lists live in scoring.core.lexicons.
"""

from __future__ import annotations

import re

from scoring.core import lexicons as lx


def _list(text: str) -> tuple[str, ...]:
    """A comma-separated word list (entries may hold spaces: "heißt es")."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


# Speech verbs beyond lexicons.SPEECH_VERBS: present and past, singular and plural, with "es" forms.
EXTRA_SPEECH_VERBS = _list(
    """
    sagen, sagten, erklären, erklärten, betonen, betonten, meinen, meinten, berichten, berichteten, fordern,
    forderten, warnen, warnten, kritisieren, kritisierten, kritisiert, kritisierte, ergänzen, ergänzten,
    schreibt, schrieb, schreiben, schrieben, heißt es, hieß es, bestätigt, bestätigte, bestätigen,
    bestätigten, kommentiert, kommentierte, erläutert, erläuterte, stellt fest, stellte fest, stellen fest,
    hält fest, hielt fest, fügt hinzu, fügte hinzu, antwortet, antwortete, entgegnet, entgegnete, bekräftigt,
    bekräftigte, versichert, versicherte, verspricht, versprach, appelliert, appellierte, bilanziert,
    bilanzierte, urteilt, urteilte, lobt, lobte, wirbt, warb, zitiert, zitierte, räumt ein, räumte ein,
    gibt zu, gab zu, formuliert, formulierte, begründet, begründete, resümieren, unterstreichen, dargelegt,
    erklärt hat, gesagt, betont hat, ist überzeugt, zeigt sich, zeigte sich, zeigen sich, sind sich einig,
    ist sich sicher, sind überzeugt, freut sich, freute sich, bezeichnet sich, nennt sich, rechnet vor,
    rechnete vor, zieht Bilanz, zog Bilanz, bringt es auf den Punkt, verrät, verriet, erinnert, erinnerte,
    mahnt, ruft auf, sagte einmal, betonte einmal, äußert, äußerte, äußerte sich, fasst zusammen, fasste zusammen,
    teilt mit, teilte mit, teilten mit, teilt dazu mit, teilte dazu mit, teilt hierzu mit, teilte hierzu mit,
    """
) + _list(
    """
    say, comments, commented, comment, confirms, confirmed, continues, continued, replies, replied, answers,
    answered, insists, insisted, believes, believed, puts it, put it, remarks, remarked, observes, observed,
    announces, announced, declares, declared, reveals, revealed, shares, shared, summarises, summarized,
    summarizes, summarised, calls itself, describes itself, once noted, once said, writes, asks, asked, urges,
    urged, promises, promised, acknowledges, acknowledged, predicts, predicted, claims, claimed,
    """
)
SPEECH_VERBS = tuple(dict.fromkeys(lx.SPEECH_VERBS + EXTRA_SPEECH_VERBS))
# Nouns that name a statement: "Statement von X:", "in seinen Worten:", "some statements Guy made:".
SPEECH_NOUNS = _list(
    """
    Statement, Statements, Stellungnahme, Zitat, Worte, Worten, Aussage, Aussagen, Antwort, Credo, Fazit,
    Appell, Kommentar, Pressemitteilung, Mitteilung, statement, statements, quote, quotes, words, answer,
    reply, credo, comment, comments, remarks, press release, announcement,
    """
)


def _alternation(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(set(items), key=len, reverse=True))


# Separable German verbs put their particle at the clause end: "zieht die Initiative Bilanz",
# "rechnet X vor", "stellt X fest"; the first part alone is the verb then.
_SPLIT_FIRST = _list(
    """
    zieht, zog, rechnet, rechnete, stellt, stellte, hält, hielt, fügt, fügte, räumt, räumte, gibt, gab,
    bringt, ruft, zeigt, zeigte, sind, ist, fasst, fasste,
    """
)
SPEECH_VERB_RE = re.compile(
    rf"(?<![\w-])(?i:{_alternation(SPEECH_VERBS)})(?![\w-])|(?<![\w-])(?:{_alternation(SPEECH_NOUNS)})(?![\w-])"
)
SPLIT_VERB_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(_SPLIT_FIRST)})(?![\w-])")
# A public body named by its form, in any case: "das Umweltbundesamt", "des Bundesamtes für Strahlenschutz",
# "der Bundesregierung"; the name is given without the genitive ending.
PUBLIC_BODY_RE = re.compile(
    rf"(?<![\w-])(?P<head>(?:[{lx.UPPER}][{lx.LOWER}]+)?(?:[Bb]undes|[Ll]andes)(?:amt|ministerium|agentur|anstalt|"
    rf"gerichtshof|gericht|institut|regierung|rat|tag))(?:es|s)?+(?P<tail>[ \t]+für[ \t]+[{lx.UPPER}][\w-]+)?(?![\w-])"
)
# A German separable speech verb around its adverbs, the particle right before the colon: "das
# Umweltbundesamt … stellt jedenfalls nüchtern fest: „…“", "Die Ministerin fügte später hinzu:".
SEPARATED_VERB_RE = re.compile(
    r"(?<![\w-])(?:stellt|stellte|stellen|stellten|hält|hielt|halten|fügt|fügte|fügen|räumt|räumte|gibt|gab|"
    r"rechnet|rechnete|legt|legte|ruft|rief|führt|führte|führen|führten|merkt|merkte|weist|wies|fasst|fasste|"
    r"macht|machte|machen|machten)(?![\w-])"
    r"[^.!?:;\n]{0,80}?(?<![\w-])(?:fest|klar|hinzu|ein|zu|vor|dar|auf|aus|an|hin|zusammen|aufmerksam)[ \t]*:[ \t]*$"
)
# "so" attributes only right after a quotation ("…“, so Jana Albrecht").
SO_RE = re.compile(r"^[\s,;–—-]*(?:so|laut)\s+", re.IGNORECASE)

# Words that may stand between a speech verb and the speaker's name and are not the speaker.
SKIP_WORDS = frozenset(
    "der die das den dem des the von vom seiten seitens aus sicht bei im am zum zur unser unsere unserer "
    "unseren our their its his her ihr ihre ihrer sein seine seiner seinen also auch dazu hierzu noch "
    "einmal schon nun jetzt dann selbst gegenüber of by from at with in to for as "
    "für zufolge laut according".split()
)
# Indefinite or unnamed subjects: the statement stays unattributed.
UNNAMED_RE = re.compile(
    r"(?i:ein|eine|einer|eines|einem|einen|einige|mehrere|viele|manche|jemand|man|kunden|nutzer|"
    r"a|an|one|some|someone|somebody|many|several|customers|users|people|critics|kritiker|experten|"
    r"experts|sources|quellen|insider|beobachter|observers|anwohner|residents|fans|"
    # "— Unbekannt", "– Anonymous": a saying nobody is named for
    r"unbekannt|unknown|anonym|anonymous|verfasser unbekannt|author unknown)(?![\w-])"
)
PRONOUN_RE = re.compile(r"(?:er|sie|he|she|seine|seinen|seiner|ihre|ihren|ihrer|his|her)(?![\w-])", re.IGNORECASE)
# Job titles written as capitals ("CEO Dr. Daniel Wallerstorfer", "CTO").
ROLE_ACRONYMS = frozenset("CEO CTO COO CFO CIO CMO CHRO CPO CSO CDO VP SVP EVP MD GF PR HR IT".split())
# Acronyms of common nouns, never a speaker ("new KPIs", "522 SaaS company executives"): the
# "as a Service" family, an acronym's plural ("KPIs", "APIs"), and the business and web terms below.
COMMON_ACRONYMS = frozenset(
    "KPI OKR ROI API SDK SEO SEM CRM ERP CMS CDN DNS URL HTML CSS PDF FAQ B2B B2C D2C MVP SLA "
    "USP CTA UX UI AI KI ML LLM NLP IoT GDPR DSGVO PWA SSL TLS VPN ASAP TBD DIY".split()
)
_COMMON_ACRONYM_RE = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]?aaS|[A-Z]{2,}+s)(?![A-Za-z])")


def common_acronym(word: str) -> bool:
    """An acronym that names a kind of thing, not one speaker ("SaaS", "KPIs", "CRM")."""
    return word in COMMON_ACRONYMS or bool(_COMMON_ACRONYM_RE.fullmatch(word))


# Organisation nouns ("die Bürgerinitiative", "der Verein", "the company"): a speaker when the page
# names that organisation ("Bürgerinitiative „Lübeck ohne Atomschutt“"); matched as word endings.
ORG_HEADS = _list(
    """
    initiative, verein, verband, unternehmen, firma, konzern, ministerium, behörde, institut, stiftung,
    partei, gewerkschaft, hochschule, universität, bundesamt, landesamt, gremium, kammer, genossenschaft,
    agentur, organisation, vereinigung, bündnis, netzwerk, company, organization, association, foundation,
    institute, agency, ministry, university, union, coalition, campaign, kampagne, regierung, government,
    kommission, commission, ärztetag, bundestag, landtag, gericht, court, polizei, police, kanzlei, sozietät,
    praxis, klinik, akademie, gesellschaft,
    """
)
# People standing for an organisation, plural with a definite article: "die Initiatoren", "die
# Mitglieder der Bürgerinitiative", "die Aktivisten". The named organisation of the page is the speaker.
ORG_PEOPLE = _list(
    """
    initiatoren, initiatorinnen, mitglieder, aktivisten, aktivistinnen, vertreter, verantwortlichen, macher,
    organisatoren, veranstalter, members, organisers, organizers,
    """
)
ORG_WORD_RE = re.compile(rf"[{lx.UPPER}][{lx.LOWER}-]*?(?i:{'|'.join(ORG_HEADS)})|(?i:{'|'.join(ORG_HEADS)})")
ORG_PEOPLE_RE = re.compile(rf"(?i:{'|'.join(ORG_PEOPLE)})(?![\w-])")
# Capitalised words that open headings or noun phrases and are no first name ("Weitere Kunden").
NOT_NAME_WORDS = frozenset(
    "weitere weiterer mehr neue neuer neues aktuelle aktuelles andere anderen alle jetzt hier more other "
    "latest related further read see next previous new all our your their about home kontakt contact "
    "senior junior chief head lead "
    "impressum datenschutz blog news zurück back top faq über ihre ihr mein meine my this that "
    # connectives that open a sentence before a name: "Instead Kuri speaks robot", "Stattdessen Anna …"
    "instead however meanwhile also then today now still "
    # imperatives that open headings before a name: "Meet Kuri", "Discover Berlin", "Lerne Anna kennen"
    "meet discover explore introducing welcome lerne triff entdecke "
    "stattdessen dennoch trotzdem inzwischen heute dann auch".split()
)
# Quotation marks as a speaker's quoted name: 'meint "Lübeck ohne Atomschutt"'.
QUOTED_NAME_RE = re.compile(r"[„“\"«»‚‘']([^„“”\"«»‚‘’'\n]{2,60})[“”\"«»‘’']")
# Parentheses right after a quotation that name its source: "(Quelle: ippnw.de)", "(§ 31 StrlSchV)",
# "(press release of Trolltech)", "(Zitat Peter Petereit, SPD)".
PAREN_SOURCE_RE = re.compile(
    r"^\s*\(\s*(?:(?:(?i:quelle|source|zitat|quote|via|aus|from|press release|pressemitteilung|nach)\b|"
    r"(?i:vgl|cf)\.)[^()\n]{1,120}"
    r"|§[^()\n]{1,60})\)"
)
# An author-year reference right after a quotation names the work quoted by its authors: "(Böhnisch 2016, 105)",
# "(Günder und Nowacki 2020, S. 191f.)", "(Smith & Jones, 2019, p. 4)", "(Thiersch/Böhnisch 2014)".
AUTHOR_YEAR_RE = re.compile(
    r"^[\s.,]*\(\s*(?P<authors>[A-ZÄÖÜ][\w’'-]+(?:\s*+(?:,|/|&|\bund\b|\band\b|\bu\.)\s*+[A-ZÄÖÜ][\w’'-]+){0,3}"
    r"(?:\s+et\s+al\.)?),?\s+(?:1[5-9]|20)\d\d[a-z]?\b[^()\n]{0,40}\)"
)
# Code, paths and markup are no quotations ("setting.mat_queue_mode 1", "SELECT * FROM"); a dotted date or
# version ("Urt. v. 27.02.2008") is no member access.
CODE_RE = re.compile(r"[{}<>=|\\]|://|\w\(\)|\w\([^()]*\)\s*[;{]|\b\w+_\w+|[^\W\d]\.[^\W\d]\w*\.\w|^\s*[-$#/]")
# A signature after a dash: "— Luke (@nuk3, Mastodon)", "— mbeddedDev (Mastodon)".
HANDLE_RE = re.compile(r"@?[\w][\w.-]{1,30}(?:\s*\([^()\n]{1,40}\))?$")

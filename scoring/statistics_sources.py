"""Which sentences name the source of their figures (issue 13): a named source in the same sentence
("laut Destatis", "according to the report", "a study by X", "X reports", "our survey"), an external
link whose anchor is in the sentence, a footnote marker pointing into a numbered reference list, or
the sentence before ("Demnach …" borrows its source); and who speaks in a paragraph with quotations.
The page context these rules read: `scoring.statistics_rules.page_context`.
"""

from __future__ import annotations

import re

from scoring import statistics_links as links
from scoring.core import lexicons as lx
from scoring.core.lexicons.source_words import GENERIC_SOURCE_WORDS, NOT_A_NAME
from scoring.statistics_lines import listed_example
from scoring.statistics_reporters import no_reporter
from scoring.statistics_rules import PageContext

U, L = lx.UPPER, lx.LOWER


TOKEN_RE = re.compile(rf"[{U}{L}0-9][\w&.'’-]*")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,}s?$|^[A-Z][a-z]+[A-Z]\w*$|^[a-z]+[A-Z]\w*$")
LAW_SOURCE_RE = re.compile(r"^(?:§|AGB|Gesetz|Vertrag|Verordnung|Vorschrift|DGUV|ASR|DIN|law|contract|terms)\b", re.I)

# Forward markers: the name follows ("laut Destatis", "according to the BKA", "a study by X").
FORWARD_SOURCE_RE = re.compile(
    r"\b(?:laut|gemäß|lt\.|nach\s+(?:Angaben|Daten|Zahlen|Schätzungen|Berechnungen|Erhebungen|Informationen|Ansicht|"
    r"Einschätzung|"
    r"Auswertungen|Ergebnissen|Analysen|Statistiken)(?:\s+(?:des|der|von|vom|aus))?|Angaben\s+(?:des|der|von|vom)|"
    r"according\s+to|as\s+reported\s+by|reported\s+by|data\s+(?:from|by|of)|figures\s+(?:from|by|of)|"
    r"statistics\s+(?:from|by|of)|published\s+by|per\s+the|deriv(?:es|ed)\s+from(?:\s+(?:work|data)\s+by)?|"
    r"stamm(?:t|en)\s+(?:aus|von)|(?:a|the|an?)\s+(?:\w+\s+){0,2}"
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
    r"ergab|ergibt|kommt\s+zu\s+dem\s+(?:Ergebnis|Schluss)|prognostiziert|prognostizierte|beobachtet|erwartet|"
    r"erwartete|expects|"
    # a separable verb whose particle closes the sentence: "Das Regierungspräsidium weist Kosten von 31 Mio. aus."
    r"(?:weist|wies)(?=[^.!?\n]{0,120}+(?<=\saus)[ \t]*+(?:[.!?]|$))|"
    r"beobachtete|registriert|registrierte|bescheinigt|bescheinigte|geht\s+von|empfiehlt|empfahl|empfehlen|"
    r"recommends?|recommended|advises|rät|dargelegt|darlegt|legt\s+dar|schreibt|schrieb|writes|wrote|"
    r"erläutert|erläuterte|betont|betonte|warnt|warnte|explains|explained|told|tells|rechnet\s+vor|sprach|"
    r"spoke|äußerte|kündigte|teilte|mitteilte|"
    # the plural past: "wie die Staatsanwaltschaft und das Landeskriminalamt mitteilten"
    r"mitteilten|teilten|meldeten|berichteten|schätzten|zählten|ermittelten|errechneten|bezifferten|"
    r"veröffentlichten|erklärten|nannten|sagten|zeigten|belegten|registrierten|schrieben|betonten|äußerten)\b",
    re.IGNORECASE,
)
# Own data named as the source: "our survey found", "wir haben 200 Betriebe befragt".
OWN_DATA_RE = re.compile(
    r"\b(?:our|unsere[rnms]?)\s+(?:own\s+|eigene[nr]?\s+|aktuelle[nr]?\s+|jährliche[nr]?\s+|annual\s+|latest\s+|"
    r"recent\s+|(?:19|20)\d{2}\s+){0,2}(?:survey|study|data|analysis|research|measurements?|poll|benchmark|Umfrage|Studie|Daten|"
    r"Auswertung|Messungen|Erhebung|Analyse|Befragung|Untersuchung|Statistik)\b|"
    r"\bwe\s+(?:have\s+)?(?:surveyed|measured|analy[sz]ed|counted|asked|polled|tracked|tested|reviewed)\b|"
    r"\bwe(?:\s+have|['’]ve)?\s+(?:found|observed|seen)\s+that\b|"
    r"\bwir\s+haben\s+(?:\S+\s+){0,5}(?:befragt|ausgewertet|gemessen|untersucht|gezählt|analysiert|erhoben)\b|"
    r"\b(?:what|here\s+is\s+what|here['’]s\s+what|this\s+is\s+what)\s+(?:we|our\s+\w+)\s+(?:found|learned|discovered)\b|"
    r"\b(?:das|dies|folgendes|Folgendes)\s+haben\s+wir\s+(?:herausgefunden|festgestellt|ermittelt)\b|"
    r"\b(?:wir\s+haben|haben\s+wir)\s+(?:festgestellt|beobachtet|herausgefunden),?\s+dass\b|"
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
# "Die Zahlung des Bundesministeriums …", "the budget of the WHO": a body after a noun it owns is what the figure
# is about; after a report noun ("Daten des Statistischen Bundesamts") it is the source.
_POSSESSOR_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<noun>[{U}][\w-]*)[ \t]+(?:des|der|of[ \t]+the)[ \t]+$")


def _reporting_body(sentence: str) -> re.Match[str] | None:
    """The first well-known statistics body the sentence names as a source, not as the owner of a thing."""
    for match in NAMED_BODY_RE.finditer(sentence):
        if listed_example(sentence, match.start()):
            continue  # "signups from the likes of F1, Deloitte, KPMG": customers named as examples
        owner = _POSSESSOR_BEFORE_RE.search(sentence[max(0, match.start() - 40) : match.start()])
        if owner is None or SOURCE_NOUN_RE.match(owner.group("noun")) or SOURCE_COMPOUND_RE.match(owner.group("noun")):
            return match
    return None


# Where a figure was found, by name: "Im OpenSchufa-Datensatz finden sich …", "in the Open Budget Survey".
_IN_COLLECTION_RE = re.compile(
    r"(?<![\w-])(?:[Ii]m|[Ii]n[ \t]+(?:dem|der|the)|[Ff]rom[ \t]+the|[Aa]us[ \t]+(?:dem|der))[ \t]"
)
_COLLECTION_RE = re.compile(
    r"(?<![\w-])(?:\w++-)?(?:Datensatz|Datenbank|Dataset|Survey|Studie|Study|Report|Index|Monitor|Barometer|Atlas|Ranking|"
    r"Census|Zensus|Register)"
)


def named_collection(sentence: str) -> str | None:
    """A named data set, survey or report the sentence finds its figure in ("im OpenSchufa-Datensatz"); a bare
    "in der Studie" names none."""
    for marker in _IN_COLLECTION_RE.finditer(sentence):
        capitalised = 0
        for token in sentence[marker.end() :].split()[:6]:
            word = token.strip(".,;:()[]\"“”„'’")
            if _COLLECTION_RE.fullmatch(word):
                if "-" in word or capitalised:
                    return sentence[marker.start() : marker.end() + sentence[marker.end() :].find(word) + len(word)]
                break
            if word[:1].isupper():
                capitalised += 1
            elif capitalised:
                break
    return None


# A rating or a count of reviews on a review platform names the platform as its source: "4.7 Stars from
# 134 Google Reviews", "4,8 Sterne bei ProvenExpert", "Bewertungen auf Trustpilot".
_REVIEW_PLATFORMS = (
    r"Google(?:[ \t]+My)?(?:[ \t]*Business)?|Trustpilot|ProvenExpert|Yelp|kununu|Clutch|Capterra|G2|Tripadvisor|"
    r"Trusted[ \t]?Shops|eKomi|Jameda|Glassdoor|Trustindex"
)
REVIEW_SOURCE_RE = re.compile(
    rf"(?<![\w-])(?:{_REVIEW_PLATFORMS})[ \t-]+(?:Reviews?|Ratings?|Bewertungen|Rezensionen|Sterne|Score)(?![\w-])|"
    rf"(?<![\w-])(?i:reviews?|ratings?|bewertungen|rezensionen|sterne|sternen|stars)[ \t]+(?i:on|auf|bei|at|via)[ \t]+"
    rf"(?:{_REVIEW_PLATFORMS})(?![\w-])|"
    # a rating with its platform after it: "4,82 / 5 ProvenExpert"
    rf"(?<![\w.,])\d(?:[.,]\d{{1,2}})?[ \t]*+/[ \t]*+5[ \t]++(?:{_REVIEW_PLATFORMS})(?![\w-])"
)
# A link marker after a figure: "… 108 Milliarden US-Dollar (Link)", "(Quelle)", "[source]": a footnote
# whose target is the linked page (the anchor is one of `PageContext.link_markers`).
LINK_MARKER_RE = re.compile(r"[(\[][ \t]*(?P<m>[^\W\d_]{2,12})[ \t]*[)\]]")
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
# The part of those that refers back to a study or its author, also across a paragraph break ("Das
# Ergebnis …" after the researcher's quotation); "Dabei", "Dort" open any paragraph.
RESULT_START_RE = re.compile(
    r"^(?:Demnach|Demzufolge|Laut\s+(?:der|dem|diese[rm])|Diese[rnms]?\s+zufolge|Ihr\s+zufolge|Ihm\s+zufolge|"
    r"Die\s+(?:Studie|Umfrage|Erhebung|Auswertung|Analyse|Statistik)|Der\s+(?:Bericht|Report)|Das\s+Ergebnis|"
    r"According\s+to\s+(?:the|this|it|them)|The\s+(?:study|survey|report|analysis|poll|researchers|authors|results?)|"
    r"It\s+(?:found|shows|reports)|They\s+(?:found|report)|This\s+(?:study|survey|report))\b"
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
    if head.casefold() == "your" or head in ("Ihre", "Ihrer", "Ihrem", "Ihren", "deine", "deiner", "deinem", "deinen"):
        return False  # "derived from your genetic analysis": the reader's own data, no source
    if head[:1].isdigit() or head.casefold() in {"mehr", "more", "über", "over", "rund", "about", "around", "knapp"}:
        return False  # "eine Befragung von mehr als 250 Führungskräften": a sample, not a name
    if INDEFINITE_RE.match(head) or _plain(head).casefold() in GENERIC_SOURCE_WORDS or _adjective(head, lang):
        return _has_name(_source_phrase(tokens), lang)
    return True


def _adjective(head: str, lang: str | None) -> bool:
    """A lowercase German word after "laut" is an adjective ("laut einschlägigen Studien"): German capitalises nouns."""
    return lang == "de" and head[:1].islower() and not DEFINITE_RE.match(head)


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
    if len(tokens) >= 2 and SOURCE_NOUN_RE.match(tokens[-1]) and _definite_phrase(tokens[-4:-1]):
        return True  # "The study found", "die Auswertung ergab", "Der 2024 Monitoring Bericht zeigt"
    if len(tokens) >= 2 and INDEFINITE_RE.match(tokens[-2]) and SOURCE_NOUN_RE.match(tokens[-1]):
        return False  # "eine Studie zeigt", "a survey found"
    first_index = 0 if len(all_tokens) == len(tokens) else -1
    return _has_name(tokens, lang, first_index) or _definite_role(tokens[-4:])


def _definite_phrase(tokens: list[str]) -> bool:
    """An article, then only capitalised words or figures up to the noun: "the", "Der 2024 Monitoring"."""
    for i in range(len(tokens) - 1, -1, -1):
        if DEFINITE_RE.match(tokens[i]):
            return True
        if not (tokens[i][:1].isupper() or tokens[i][:1].isdigit()):
            return False
    return False


def _definite_role(tokens: list[str]) -> bool:
    """ "der Umweltminister", "the CEO": a definite office holder is a named source."""
    return any(DEFINITE_RE.match(a) and ROLE_RE.match(b) for a, b in zip(tokens, tokens[1:], strict=False))


def _source_noun_follows(text: str) -> bool:
    """ "zeigt die Studie", "zeigte die Auswertung des Amts": a definite source noun right after the verb."""
    tokens = TOKEN_RE.findall(text)[:2]
    return len(tokens) == 2 and DEFINITE_RE.match(tokens[0]) is not None and SOURCE_NOUN_RE.match(tokens[1]) is not None


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


WHOLE_LINK_CHARS = 20


def named_source(sentence: str, ctx: PageContext, following: str = "") -> str | None:
    """What in the sentence names where its figures come from: an external link's anchor, the words
    of a named source, or a footnote marker into the reference list (`following`: the text right
    after the sentence, where a "[1]" may stand); None when nothing does."""
    lowered = sentence.casefold()
    inside = " ".join(lowered.split()) if len(sentence) >= WHOLE_LINK_CHARS else None
    for anchor in ctx.anchor_texts:
        if anchor.casefold() not in lowered:
            if inside and inside in anchor.casefold():
                return anchor  # the sentence is part of a link's text: a paragraph linked as a whole to its source
            continue
        named = re.search(rf"(?<![\w-]){re.escape(anchor)}(?![\w-])", sentence, re.IGNORECASE)
        if named and listed_example(sentence, named.start()):
            continue  # "from the likes of F1, Deloitte, KPMG": customers named as examples
        if named and not sentence[: named.start()].strip() and sentence[named.end() :].startswith(":"):
            continue  # "Beschaffung aktuell: Ihre Software bietet 400 Kennzahlen": an interview's turn label
        if named and links.names_no_source(sentence, named.start(), named.end()):
            continue  # "across all our <a>Open Source projects</a>", "Adobe Connect, <a>Jitsi</a>, Zoom"
        if named and (
            anchor not in ctx.weak_anchors or FORWARD_SOURCE_RE.search(sentence) or BACKWARD_SOURCE_RE.search(sentence)
        ):
            return anchor  # a weak link ("Petition", a home page) names a source only with "X zählt …"
    for marker in LINK_MARKER_RE.finditer(sentence):
        if marker.group("m").casefold() in ctx.link_markers:
            return marker.group(0)
    written = links.written_source(sentence, ctx.link_markers)
    if written:
        return written
    return source_in_words(sentence, ctx.lang, ctx.owners) or links.footnote_source(sentence, ctx, following)


SHOWING_RE = re.compile(r"shows|showed|zeigt|zeigte", re.IGNORECASE)
VARY_BEFORE_RE = re.compile(
    r"\b(?:var(?:y|ies|ied|ying)|differ\w*|chang\w*|adjust\w*|sort\w*|classif\w*|arrang\w*|grouped|ranked|"
    r"priced|graded|unterscheide\w*|variier\w*|schwank\w*|sortiert|gestaffelt)\s+$",
    re.IGNORECASE,
)
# "Website Visitors – Shows the monthly visitors": a term and its description, not "X shows".
TERM_SEPARATOR_RE = re.compile(r"\s[-–—:|]\s*$|:\s*$")


def is_own(text: str, brand: str | tuple[str, ...]) -> bool:
    """The text names the site itself: its domain's name or one of `PageContext.own_names`."""
    names = (brand,) if isinstance(brand, str) else brand
    lowered = text.casefold()
    for name in names:
        key = name.casefold()
        if len(key) <= 3 or key in GENERIC_SOURCE_WORDS:
            continue  # a site called "Data" or "Studie" would silence every source
        at = lowered.find(key)
        while at >= 0:
            end = at + len(key)
            if not (lowered[at - 1 : at].isalnum() or lowered[end : end + 1].isalnum()):
                return True  # the name as a word: "cotedo-Experte", not "Datacenter" for "data"
            at = lowered.find(key, at + 1)
    return False


def source_in_words(sentence: str, lang: str | None = None, brand: str | tuple[str, ...] = "") -> str | None:
    """The words that name a source: an inline "Quelle:" note, a known statistics body, an
    author-year citation, own data, "laut X" / "according to the report" / "X reports". The
    company's own people reporting ("sagt ACME-Experte X") name no outside source."""
    match = INLINE_SOURCE_RE.search(sentence)
    if match:
        return sentence[match.start() :].strip(" (–—-")[:80]
    match = (
        _reporting_body(sentence)
        or CITATION_RE.search(sentence)
        or OWN_DATA_RE.search(sentence)
        or POSSESSIVE_SOURCE_RE.search(sentence)
        or REVIEW_SOURCE_RE.search(sentence)
    )
    if match:
        return match.group(0)
    collection = named_collection(sentence)
    if collection:
        return collection
    for match in FORWARD_SOURCE_RE.finditer(sentence):
        if VARY_BEFORE_RE.search(sentence[max(0, match.start() - 30) : match.start()]):
            continue  # "depths vary according to the soil", "je nach": depending on, not reported by
        if _names_after(sentence[match.end() :], lang):
            return sentence[match.start() : match.end() + 40].strip()
    for match in BACKWARD_SOURCE_RE.finditer(sentence):
        window = sentence[max(0, match.start() - 60) : match.end() + 40]
        if is_own(window, brand) or TERM_SEPARATOR_RE.search(sentence[: match.start()]):
            continue
        if no_reporter(sentence, match, lang):
            continue
        # "the chart shows", "the Sparkline shows": a verb of showing needs a name by its form (an acronym,
        # an organisation word, two capitalised words), as every German noun does
        strict = "de" if SHOWING_RE.fullmatch(match.group(0)) else lang
        # a person after a verb of showing is its object ("zeigte Erich Schickling den Weg"): only a source noun
        after = sentence[match.end() :] if strict != "de" or not SHOWING_RE.fullmatch(match.group(0)) else ""
        if (
            _names_before(sentence[: match.start()], strict)
            or _names_following_verb(after, strict)
            or (not after and _source_noun_follows(sentence[match.end() :]))
        ):
            start = max(0, match.start() - 40)
            if start and sentence[start - 1].isalnum():  # not from the middle of a word
                start = sentence.find(" ", start, match.start()) + 1 or start
            return sentence[start : match.end() + 30].strip()
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
_NAME = rf"(?:(?:Dr|Prof|PD)\.[ \u00a0]){{0,2}}[{U}][{L}]+(?:[ -](?:van |von |de |da )?[{U}][{L}]+){{1,4}}"
SPEAKER_RE = re.compile(
    rf"\b(?:{lx.SPEECH_VERB})\s+(?:[{L}]+\s+){{0,3}}?(?P<after>{_NAME})|"
    rf"(?P<before>{_NAME})(?:,[^“”„\"«»]{{0,160}}?,)?\s+(?:[{L}]+\s+){{0,2}}?(?:{lx.SPEECH_VERB})\b"
)
PRONOUN_SPEAKER_RE = re.compile(
    rf"\b(?:he|she|they|er|sie)\s+(?:[{L}]+\s+){{0,2}}?(?:{lx.SPEECH_VERB})\b", re.IGNORECASE
)


def paragraph_speaker(paragraph: str, previous: str | None, brand: str | tuple[str, ...] = "") -> str | None:
    """The named person a paragraph's quotations are attributed to, not the company's own staff."""
    match = SPEAKER_RE.search(paragraph)
    if match:
        name = match.group("after") or match.group("before")
        around = paragraph[max(0, match.start() - 60) : match.end() + 60]
        return None if is_own(around, brand) else name
    return previous if previous and PRONOUN_SPEAKER_RE.search(paragraph) else None


def borrowed_source(sentence: str, previous: str | None, ctx: PageContext) -> str | None:
    """The source of the sentence before, when this one refers back to it ("Demnach …", "Dabei
    nannte er …") or the one before opens with the attribution ("Laut Umweltbundesamt …")."""
    if previous and (
        ANAPHORIC_START_RE.match(sentence) or PRONOUN_REPORT_RE.search(sentence) or FRONTED_SOURCE_RE.match(previous)
    ):
        return named_source(previous, ctx)
    return None

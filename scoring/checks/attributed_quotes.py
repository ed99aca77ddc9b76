"""attributed-quotes: articles quote named people (experts, customers, staff).

A quotation is a direct quote of three or more words in quotation marks or a blockquote; it is
attributed when the sentence structure around it names who said it (LABELLING.md):

- the same sentence: „…“, sagt X / „…“, so X / „…“, zieht die Initiative Bilanz / X betonte: „…“ /
  laut X „…“ / "…," said X / X explains: "…" / according to X, "…";
- the line before it when that line introduces it ("Statement von X, Firma:", "Hier seine Worte:");
- a signature after it: "— Name, Rolle" on the same or the next line, a name line under a
  testimonial, "(Quelle: …)" or "(§ 31 StrlSchV)" right after it;
- the markup: <cite>, <footer>, <figcaption> of a <blockquote> (spiders/extract_quotes.py);
- a continuation: the next sentence of the same speaker, quoted on its own.

Speakers are names, organisations the page names ("die Initiative" on a page that names the
Bürgerinitiative), or pronouns standing for a name said just before. "Ein Mitglied", "a customer"
and other unnamed people are no attribution. Titles, product names, slogans and code in quotation
marks are no quotations. Vocabularies: scoring/quote_rules.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from scoring import quote_rules as qr
from scoring.checks.author_byline import looks_like_person
from scoring.core import lexicons as lx
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import ABBREVIATIONS, excerpt, words
from scoring.pagetypes import classify
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData

MIN_WORDS = 3  # LABELLING.md: shorter quoted strings are terms or scare quotes, not statements
WINDOW = 160  # characters after a quotation searched for its attribution
MAX_EVIDENCE = 20  # quotations listed per page, each with its speaker
UNNAMED = ""  # a speaker slot that holds an unnamed person: stop looking

_UPPER, _LOWER = lx.UPPER, lx.LOWER
_TRAILING_SIGNATURE_RE = re.compile(r"\s[—–]\s*(?P<sig>[^—–\n]{2,90})$")
_TOKEN_RE = re.compile(r"[„“\"«»][^„“”\"«»\n]{1,80}[“”\"«»]|@[\w.]+|[\w][\w’'.&-]*|[,:;()–—]")
_SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|$)|\n")
# German inversion after a quotation: „…“, zieht die Initiative Bilanz. The first word after the
# comma is the verb unless it opens a relative or subordinate clause.
_NOT_VERB = frozenset(
    "das die der den dem des was wie wenn weil dass daß und oder aber denn also sondern doch da dann so "
    "wo welche welcher welches ein eine einer the a an and or but which who that this when where".split()
)
_CONJUNCTION_START = frozenset(
    "und aber doch denn also weiterhin außerdem zudem auch so dann nun and but also so then however moreover".split()
)
_ARTICLE_BEFORE = frozenset(
    "der die das den dem des ein eine einer eines einem einen kein keine im am vom zum zur beim the a an "
    "this that these those".split()
)
_NAME_WORD_RE = re.compile(rf"[{_UPPER}][\w’'-]+")
_ACRONYM_RE = re.compile(rf"[{_UPPER}][{_UPPER}{_LOWER}]*[{_UPPER}][{_UPPER}{_LOWER}]*")
_SIGNATURE_LINE_RE = re.compile(
    rf"(?<![ \t])[ \t]*+(?:[—–-][ \t]*+)?(?P<name>{lx.NAME})[ \t]*(?P<rest>[,·|/(–—][^\n]{{0,120}})?$", re.MULTILINE
)
_DASH_LINE_RE = re.compile(rf"(?<![ \t])[ \t]*+[—–][ \t]*+(?P<name>{lx.NAME})[ \t]*(?:[,·|(][^\n]{{0,120}})?$")
_NAMED_ORG_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{qr.ORG_WORD_RE.pattern})[ \t]+(?:(?:„|“|\"|«|»)(?P<q>[^„“”\"«»\n]{{2,80}})[“”\"«»]"
    rf"|(?P<n>[{_UPPER}][\w.&’'-]*(?:[ \t]+(?:[{_UPPER}][\w.&’'-]*|ohne|für|of|for|und|and|&)){{0,4}}))"
)
_LEGAL_NAME_RE = re.compile(
    rf"(?<![\w.&’'-])(?P<n>(?:[{_UPPER}][\w.&’'-]*[ \t]+){{1,3}})(?:{'|'.join(lx.LEGAL_FORMS)})(?![\w-])"
)
_DOMAIN_RE = re.compile(r"(?<![a-z0-9.-])(?:[a-z0-9-]+\.)+[a-z]{2,10}")
# Nouns, not names: "Kurze Einführung", "Neue Funktionen" under a quotation are headings.
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "ungen", "ionen", "ments", "ness")
_NICKNAME_RE = re.compile(
    rf"{lx.CAP_WORD}[ \t]+[‚'„\"“«»][^\s‚'„\"“”‘’«»]{{1,20}}(?:[ \t][^\s‚'„\"“”‘’«»]{{1,20}})?"
    rf"[‘'“\"”«»][ \t]+{lx.CAP_WORD}"
)
_PREPOSITIONS = frozenset(
    "in im an am auf aus bei beim mit nach seit von vom vor zu zum zur über unter für gegen durch um als wie "
    "of in at on with from by to for about as like into over under than and und oder or the der die das den dem "
    "des a an ein eine einer einem einen".split()
)
_GERMAN_ARTICLES = (
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "kein",
    "keine",
    "im",
    "am",
    "vom",
    "zum",
    "zur",
    "beim",
)
_CLAUSE_OPENERS = frozenset("how that whether why what when dass ob wie warum weshalb wieso was wann".split())
_CODE_BEFORE = frozenset("@=[{<")  # [When(@"I add the values")], title="…"
_SPEECH_NOUNS = frozenset(qr.SPEECH_NOUNS)
_COMPANY_HEADS = ("unternehmen", "firma", "konzern", "company", "gesellschaft", "hersteller")


@dataclass
class Quotation:
    text: str  # the words inside the marks
    start: int  # span in the main text, marks included (-1: only in the markup)
    end: int
    speaker: str | None = None
    context: str = ""  # quotation plus attribution, for the evidence
    element: str = "quotation"
    sentence_end: int = field(default=-1, repr=False)  # end of the attribution's sentence


# -- quotation marks ------------------------------------------------------------------------------


def _pairs_for(text: str) -> list[tuple[str, str]]:
    """Quote pairs, keeping only the guillemet direction the text opens with (»…« or «…»)."""
    first = min((i for i in (text.find("»"), text.find("«")) if i >= 0), default=-1)
    german_guillemets = first < 0 or text[first] == "»"
    return [
        (o, c) for o, c in lx.QUOTE_PAIRS if not (o == "»" and not german_guillemets or o == "«" and german_guillemets)
    ]


def quotation_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every quotation; German pairs first, each match masked.

    A German opening mark closed by a straight one („…") is a quotation too once the proper pairs
    are taken, and so is ‘…’ (its closing mark followed by no letter: not an apostrophe)."""
    masked = text
    found = []
    pairs = _pairs_for(text)
    german = [p for p in pairs if p[0] in "„‚»«"]
    pairs = german + [("„", '"')] + [p for p in pairs if p not in german] + [("‘", "’")]
    for opening, closings in pairs:
        marks = re.escape('„“”"') if (opening, closings) == ("„", '"') else re.escape(opening + closings)
        before = r"(?<![\w])" if opening == "‘" else ""
        after = r"(?![\w])" if opening == "‘" else ""
        pattern = re.compile(rf"{before}{re.escape(opening)}([^{marks}\n]{{2,800}}?)[{re.escape(closings)}]{after}")
        for match in pattern.finditer(masked):
            found.append((match.start(), match.end(), match.group(1)))
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    return sorted(found)


def is_statement(inner: str) -> bool:
    """Three or more words that read as a statement: not a title, a name or code."""
    tokens = words(inner)
    if len(tokens) < MIN_WORDS or qr.CODE_RE.search(inner):
        return False
    long_words = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    # Titles, slogans, product and organisation names: every longer word capitalised.
    return bool(long_words) and not all(w[0].isupper() for w in long_words)


# -- the page's names -----------------------------------------------------------------------------


class _Names:
    """Names on the page, computed on demand: people, named organisations, proper single words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._people: list[tuple[int, str]] | None = None
        self._tokens: dict[str, str] | None = None
        self._orgs: list[tuple[str, str]] | None = None
        self._proper: dict[str, bool] = {}
        self._nouns: frozenset[str] | None = None
        self._org_names: frozenset[str] | None = None
        self._counts: dict[str, int] = {}
        self._lower: frozenset[str] | None = None
        self._recurring: dict[str, bool] = {}

    @property
    def people(self) -> list[tuple[int, str]]:
        if self._people is None:
            found = []
            for match in lx.NAME_RE.finditer(self.text):
                name = self.person(match.group(0), match.start())
                titled = name and (name != " ".join(self._untitled(name)) or name != match.group(0).split("\n")[0])
                if name and (titled or self._recurs(name) or self._introduced(match.start())):
                    found.append((match.start(), name))
            for match in _NICKNAME_RE.finditer(self.text):  # Robin ‚Fifflaren‘ Johansson
                found.append((match.start(), match.group(0)))
            found.sort()
            self._people = found
        return self._people

    @property
    def lower_words(self) -> frozenset[str]:
        """Words the page writes in lower case ("unzählige"): a capitalised one opening a sentence is no name."""
        if self._lower is None:
            self._lower = frozenset(re.findall(rf"(?<![\w-])[{_LOWER}][\w-]*", self.text))
        return self._lower

    @property
    def nouns(self) -> frozenset[str]:
        """Capitalised words the page uses after an article: nouns, not names ("der Fall")."""
        if self._nouns is None:
            articles = "|".join(_GERMAN_ARTICLES)  # English "the Kayser Forum" is a name
            self._nouns = frozenset(
                m.group(1) for m in re.finditer(rf"(?<![\w-])(?i:{articles})\s+([{_UPPER}][\w-]+)", self.text)
            )
        return self._nouns

    def person(self, match: str, position: int = -1) -> str | None:
        """A NAME match as a person's name, None for noun pairs ("Im Fall Apple", "Senior Consultant",
        "World Economic Forum Social Entrepreneur")."""
        name = lx.clean_name(match.split("\n")[0].strip())
        parts = [p for p in name.split() if not re.fullmatch(lx.TITLE, p)]
        if (
            len(parts) < 1
            or len([p for p in parts if p[0].isupper()]) > 3
            or not _plausible_name(name)
            or re.search(r"(?<!von) (?:der|den|des) ", name)  # "Seite der Landes"
            or not looks_like_person(" ".join(parts))
            or lx.ORGANISATION_WORD_RE.search(name)
            or qr.ORG_WORD_RE.fullmatch(parts[-1])
            or any(parts[-1].lower().endswith(e) and len(parts[-1]) > len(e) + 2 for e in lx.ROLE_NOUN_ENDINGS)
            or any(p in self.nouns for p in parts)
        ):
            return None
        if position >= 0 and len(parts) == len(name.split()):  # no title: a sentence may open with a word
            opener = re.search(r"(?:^|[.!?:]\s+|\n)$", self.text[max(0, position - 3) : position])
            if opener and (
                parts[0].lower() in self.lower_words
                or re.search(r"(?:e|en|er|es|em)$", parts[0])  # "Praktische Schritte", "Jüngsten Berichten"
            ):
                return None  # a sentence opens with an adjective, not a first name
        return name

    @staticmethod
    def _untitled(name: str) -> list[str]:
        return [p for p in name.split() if not re.fullmatch(lx.TITLE, p)]

    def _recurs(self, name: str) -> bool:
        """A person is named again by first name or surname alone ("Juliana Rotich" … "Juliana");
        a heading's noun pair ("Molecular Biology", "Early Passion") is not."""
        parts = self._untitled(name)
        if len(parts) < 2:
            return False
        if name not in self._recurring:
            together = self._count_phrase(f"{parts[0]} {parts[-1]}")
            self._recurring[name] = self._count(parts[0]) > together or self._count(parts[-1]) > together
        return self._recurring[name]

    def _count_phrase(self, phrase: str) -> int:
        if phrase not in self._counts:
            pattern = r"\s+".join(re.escape(p) for p in phrase.split())
            self._counts[phrase] = len(re.findall(rf"(?<![\w-]){pattern}(?![\w-])", self.text))
        return self._counts[phrase]

    def _introduced(self, position: int) -> bool:
        """A role before the name ("CEO Dr. …", "Aftersales-Experte Lars Buchholz") or a verb ("verstärkt
        Tobias Kranich unser Team"); after a preposition it is a subject or a title ("in Molecular Biology")."""
        before = re.search(r"(?<![\w-])([\w-]+)[ \t]+$", self.text[max(0, position - 40) : position])
        word = before.group(1) if before else ""
        if word.upper() in qr.ROLE_ACRONYMS or word.lower().endswith(lx.ROLE_NOUN_ENDINGS):
            return True
        return word[:1].islower() and word not in _PREPOSITIONS

    @property
    def tokens(self) -> dict[str, str]:
        """First name or surname -> full name: "so Albrecht", "as Juliana stated"."""
        if self._tokens is None:
            tokens: dict[str, str] = {}
            for _, name in self.people:
                parts = [p for p in name.split() if not re.match(lx.TITLE + "$", p)]
                for part in parts:
                    if len(part) >= 3 and part[0].isupper():
                        tokens.setdefault(part, name)
            self._tokens = tokens
        return self._tokens

    @property
    def orgs(self) -> list[tuple[str, str]]:
        """(organisation noun in lower case, its name): "Bürgerinitiative „Lübeck ohne Atomschutt“"."""
        if self._orgs is None:
            orgs = []
            for match in _NAMED_ORG_RE.finditer(self.text):
                name = (match.group("q") or match.group("n") or "").strip(" .,")
                first = name.split()[0] if name.split() else ""
                if not name or first.lower() in qr.SKIP_WORDS or re.fullmatch(lx.NOT_NAME_START, first):
                    continue
                orgs.append((match.group("noun").lower(), name))
            for match in _LEGAL_NAME_RE.finditer(self.text):
                name = match.group(0).strip()
                if not re.match(lx.NOT_NAME_START + r"\b", name):
                    orgs.extend((head, name) for head in _COMPANY_HEADS)
            self._orgs = orgs
        return self._orgs

    def org_named(self, noun: str) -> str | None:
        """The page's name for an organisation noun ("Initiative" -> the named Bürgerinitiative)."""
        noun = noun.lower()
        heads = [h for h in qr.ORG_HEADS if noun.endswith(h)]
        if not heads:
            return None
        names = Counter(name for org, name in self.orgs if org.endswith(heads[0]) or org == noun)
        return names.most_common(1)[0][0] if names else None

    def any_org(self) -> str | None:
        names = Counter(name for _, name in self.orgs)
        return names.most_common(1)[0][0] if names else None

    def is_org_name(self, name: str) -> bool:
        if self._org_names is None:
            self._org_names = frozenset(org_name for _, org_name in self.orgs)
        return name in self._org_names

    def person_before(self, position: int, reach: int = 1500) -> str | None:
        """Whom "er", "she", "seine Worte" stand for: of the people named in the text before, the one
        the page names most often (the person the text is about), the nearest on a tie."""
        candidates = [(start, name) for start, name in self.people if position - reach <= start < position]
        if not candidates:
            return None

        return max(candidates, key=lambda c: (self._mentions(c[1]), c[0]))[1]

    def _count(self, word: str) -> int:
        """How often a word stands alone in the text (cached)."""
        if word not in self._counts:
            self._counts[word] = len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text))
        return self._counts[word]

    def _mentions(self, name: str) -> int:
        parts = self._untitled(name)
        return self._count(parts[-1] if parts else name)

    def is_proper(self, word: str) -> bool:
        """A single capitalised word used as a name: an acronym ("IPPNW"), or a word the page uses
        more than once and never after an article ("Apple", "Verizon")."""
        if word in self._proper:
            return self._proper[word]
        result = False
        if word.upper() not in qr.ROLE_ACRONYMS and not re.fullmatch(lx.NOT_NAME_START, word):
            if _ACRONYM_RE.fullmatch(word) and len(word) >= 2:
                result = True
            elif len(word) >= 3:
                hits = list(re.finditer(rf"(?<![\w-])(\S+\s+)?{re.escape(word)}(?![\w-])", self.text))
                before = [h.group(1).strip() if h.group(1) else "" for h in hits]
                result = (
                    len(hits) >= 2
                    and 3 * sum(b.lower() in _ARTICLE_BEFORE for b in before) <= len(hits)  # "Apple", not "Schritt"
                    and any(b[:1].islower() for b in before)  # used inside sentences, not only opening them
                )
        self._proper[word] = result
        return result


# -- speakers ---------------------------------------------------------------------------------------


def _plausible_name(name: str) -> bool:
    """A NAME match that is a person's or organisation's name, not a heading of two nouns."""
    parts = name.split()
    if parts[0].lower() in qr.NOT_NAME_WORDS:
        return False
    return not any(len(p) >= 8 and p.lower().endswith(_NOUN_ENDINGS) for p in parts)


def _org_speaker(token: re.Match[str], window: str, names: _Names) -> str:
    """The organisation a noun stands for, UNNAMED when the page does not name it."""
    after = window[token.end() :]
    named = re.match(r"[ \t]++(?:„|“|\"|«|»)(?P<q>[^„“”\"«»\n]{2,80})[“”\"«»]", after)
    if named:
        return named.group("q").strip()
    return names.org_named(token.group(0).rstrip(".")) or UNNAMED


def _group_speaker(token: re.Match[str], window: str, names: _Names) -> str:
    """ "die Initiatoren (von X)", "die Mitglieder der Bürgerinitiative": the organisation."""
    after = window[token.end() : token.end() + 80]
    owner = re.match(
        rf"[ \t]+(?:der|des|von|vom|of|from)[ \t]+(?:der[ \t]+|the[ \t]+)?"
        rf"(?P<o>[„“\"«][^„“”\"«»\n]{{2,80}}[“”\"»]|[{_UPPER}][\w-]+)",
        after,
    )
    if owner:
        word = owner.group("o")
        if word[0] in '„“"«':
            return word[1:-1].strip()
        if qr.ORG_WORD_RE.fullmatch(word):
            return names.org_named(word) or UNNAMED
        return word
    return names.any_org() or UNNAMED


def _classify(token: re.Match[str], window: str, names: _Names, position: int) -> str | None:
    """The speaker a token opens, UNNAMED for an unnamed one, None when it names nobody."""
    tok = token.group(0)
    bare = tok.rstrip(".,")
    low = bare.lower()
    if tok[0] in '„“"«»':
        inner = tok[1:-1].strip()
        titled = not is_statement(inner) and len(words(inner)) <= 5 and inner[:1].isupper()
        return inner if names.is_org_name(inner) or titled else None
    if qr.PRONOUN_RE.fullmatch(low):
        return names.person_before(position) or UNNAMED
    if qr.UNNAMED_RE.fullmatch(low):
        return UNNAMED
    if _DOMAIN_RE.fullmatch(low):
        return bare  # "according to putthison.com"
    if not tok[0].isupper():
        return _group_speaker(token, window, names) if qr.ORG_PEOPLE_RE.fullmatch(low) else None
    if low in qr.SKIP_WORDS or re.search(r"[’']s$", bare):
        return None  # "cotedo’s expert Dennis Hartmann": the possessive is not the speaker
    if low.endswith(lx.ROLE_NOUN_ENDINGS):
        return None  # "Berater von Pro Wildlife": a role opens no name, even with a "von" after it
    name = lx.NAME_RE.match(window, token.start())
    if name:
        last = name.group(0).split()[-1]
        if qr.ORG_WORD_RE.fullmatch(last):  # "die Lübecker Initiative"
            return names.org_named(last) or UNNAMED
        person = names.person(name.group(0))
        if person:
            return person
    if qr.ORG_PEOPLE_RE.fullmatch(low):
        return _group_speaker(token, window, names)
    if qr.ORG_WORD_RE.fullmatch(bare):
        return _org_speaker(token, window, names)
    if bare in names.tokens:
        return names.tokens[bare]
    if bare.upper() in qr.ROLE_ACRONYMS or bare.lower().endswith(lx.ROLE_NOUN_ENDINGS):
        return None
    if names.is_proper(bare):
        return bare
    return None


# Before a name these make it a complement ("Berater von Pro Wildlife", "Kuratorium des GEOMAR"), not
# the subject that speaks.
_COMPLEMENT_BEFORE = frozenset("von vom des of from at bei beim für for mit with aus zum zur über".split())
_ARTICLES = frozenset("the a an der die das den dem ein eine einen einem".split())
MAX_ROLE_WORDS = 4  # "Mayfield Robotics chief technology officer Kaijen Hsiao"


def _person_after_role(window: str, start: int, names: _Names, position: int) -> str | None:
    """A person named after an employer and a role: "explained Mayfield Robotics chief technology officer
    Kaijen Hsiao", "sagte ACME-Geschäftsführer Jan Berg": the person speaks, not the employer."""
    roles = 0
    for token in _TOKEN_RE.finditer(window, start):
        tok = token.group(0)
        low = tok.rstrip(".").lower()
        if tok[0].islower() or tok.rstrip(".").upper() in qr.ROLE_ACRONYMS or low.endswith(lx.ROLE_NOUN_ENDINGS):
            roles += 1
            if roles > MAX_ROLE_WORDS or low in _CLAUSE_OPENERS or low in _PREPOSITIONS:
                return None
            continue
        if not roles:
            return None
        name = lx.NAME_RE.match(window, token.start())
        return names.person(name.group(0), position + token.start()) if name else None
    return None


def speaker_after(window: str, names: _Names, position: int, budget: int = 7) -> str | None:
    """The speaker right after a speech verb: "sagt Geschäftsführer Dr. Klaus Berger", "heißt es
    von der Bürgerinitiative", "says CEO Dr. Daniel Wallerstorfer"; UNNAMED for "ein Mitglied"."""
    seen = 0
    previous = ""
    for token in _TOKEN_RE.finditer(window):
        tok = token.group(0)
        if tok in ",:;()–—":
            if seen and not (tok == "," and lx.NAME_RE.match(window, token.end() + 1)):
                break  # "warns our senior engineer, Gareth Evans": an apposition goes on
            continue
        found = _classify(token, window, names, position)
        modifier = bool(found) and (
            # "said the GPR study was …": a modifier of the noun after it, not a speaker
            (previous in _ARTICLES and " " not in found and _lowercase_next(window, token.end()))
            # "Der Kuratoriumsvorsitzende des GEOMAR Ministerialdirektor Volker Rieke: „…“"
            or previous in ("des", "of")
        )
        if modifier:
            previous = tok.lower()
            seen += 1
            if seen > budget:
                return None
            continue
        if found is not None:
            if found != UNNAMED:
                named_end = window.find(found, token.start())
                end = named_end + len(found) if named_end >= 0 else token.end()
                return _person_after_role(window, end, names, position) or found
            return found
        previous = tok.lower()
        low = tok.rstrip(".").lower()
        if low in _CLAUSE_OPENERS:
            return None  # "noted how …", "erklärt, dass …": indirect speech follows, not a speaker
        capital = tok[0].isupper()
        skippable = re.search(r"[’']s$", tok) or (
            low in qr.SKIP_WORDS
            or not capital
            or tok.rstrip(".").upper() in qr.ROLE_ACRONYMS
            or low.endswith(lx.ROLE_NOUN_ENDINGS)
            or re.fullmatch(lx.TITLE, tok)
        )
        if not skippable:
            return None
        seen += 1
        if seen > budget:
            return None
    return None


def speaker_before(segment: str, names: _Names, position: int) -> str | None:
    """The subject before a speech verb: "Jana Albrecht erklärt", "Sascha Lobo hat … dargelegt",
    "wie er selbst sagt"; the last speaker named wins. The part after the last comma is read first:
    "…; a 2025 report on a UK launch … noted" has an unnamed subject. UNNAMED when the clause opens
    with an unnamed subject ("Ein Kunde aus Kassel sagt")."""
    segment = segment[segment.rfind(";") + 1 :]
    offset = position - len(segment)
    cut = segment.rstrip().rfind(",")
    parts = [segment[cut + 1 :], segment] if cut >= 0 else [segment]
    for part in parts:
        found = _subject(part, names, offset + len(segment) - len(part))
        if found is not None:
            return found
    return None


def _subject(segment: str, names: _Names, position: int) -> str | None:
    opening = [t for t in _TOKEN_RE.finditer(segment) if t.group(0) not in ",:;()–—"]
    for token in opening[:3]:
        low = token.group(0).lower()
        if low in _CONJUNCTION_START:
            continue
        if qr.UNNAMED_RE.fullmatch(low):
            return UNNAMED
        break
    best = None
    skip_to = 0
    for i, token in enumerate(opening):
        if token.start() < skip_to:
            continue
        if i and opening[i - 1].group(0).lower() in _COMPLEMENT_BEFORE:
            # "Dr. Ralf Sonntag, Berater von Pro Wildlife, erklärte": the adviser speaks, not the employer
            name = lx.NAME_RE.match(segment, token.start())
            skip_to = name.end() if name else token.end()
            continue
        found = _classify(token, segment, names, position + token.start())
        if found:
            best = found
    return best


def _lowercase_next(window: str, end: int) -> bool:
    following = _TOKEN_RE.match(window, end + 1) if window[end : end + 1] == " " else None
    return following is not None and following.group(0)[:1].islower()


def _is_end(text: str, match: re.Match[str]) -> bool:
    """A sentence end, not the dot of "Dr." or "z. B."."""
    if match.group(0) == "\n" or not match.group(0).startswith("."):
        return True
    token = re.search(r"(\S+)$", text[max(0, match.start() - 12) : match.start()])
    word = token.group(1).lower().lstrip("(\"'„“") if token else ""
    return not (word in ABBREVIATIONS or len(word) == 1 and word.isalpha())


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence that contains text[pos]."""
    cut = floor
    for match in _SENTENCE_END_RE.finditer(text, floor, pos):
        if _is_end(text, match):
            cut = match.end()
    return cut


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    for match in _SENTENCE_END_RE.finditer(text, pos, ceiling):
        if _is_end(text, match):
            return match.end()
    return ceiling


def _verbs(clause: str) -> list[re.Match[str]]:
    """Speech verbs of a clause; speech nouns ("Statement von X") only where a colon introduces the quote."""
    colon = clause.rstrip().endswith(":")
    near = len(clause.rstrip()) - 80  # "die Aussage des Bundesamtes (BfS) „…“"
    return [
        m for m in qr.SPEECH_VERB_RE.finditer(clause) if colon or m.group(0) not in _SPEECH_NOUNS or m.start() >= near
    ]


def _from_clause(clause: str, names: _Names, position: int, after_first: bool) -> str | None:
    """Speaker of a clause with speech verbs: after the verb first, then its subject before it.
    A named speaker anywhere wins over an unnamed one ("add some statements Guy made")."""
    verbs = _verbs(clause)
    unnamed = False
    for verb in verbs if after_first else reversed(verbs):
        for found in (
            speaker_after(clause[verb.end() :], names, position + verb.end()),
            speaker_before(clause[: verb.start()], names, position + verb.start()),
        ):
            if found:
                return found
            unnamed = unnamed or found == UNNAMED
    return UNNAMED if unnamed else None


def _source_name(paren: str) -> str:
    """ "(Quelle: https://www.ippnw.de/…)" -> "ippnw.de"; "(§31-42, StrlSchV)" stays."""
    inner = re.sub(r"^(?i:quelle|source|via|aus|from|nach)\s*:?\s*", "", paren.strip(" ()"))
    host = re.match(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,10})(?:/\S*)?$", inner)
    return host.group(1) if host else inner


def _trailing(text: str, end: int, ceiling: int, starts_sentence: bool, names: _Names) -> tuple[str, int] | None:
    """Attribution after the closing mark, in the same sentence (or a signature on the line)."""
    stop = min(end + WINDOW, ceiling)
    line_end = text.find("\n", end)
    line_end = stop if line_end < 0 else min(line_end, stop)
    rest = text[end:line_end]
    source = qr.PAREN_SOURCE_RE.match(rest)
    if source:
        return _source_name(source.group(0)), end + source.end()
    signed = re.match(rf"\s*\((?P<n>{lx.NAME}|[{_UPPER}][{_LOWER}]{{3,}})\)\s*[.!]?\s*$", rest)
    if signed and (line_end == stop or text[line_end : line_end + 1] == "\n"):
        return lx.clean_name(signed.group("n")), end + signed.end()  # „…“ (Augustinus)
    dash = re.match(r"\s*+[—–]\s*", rest)
    if dash:
        first = re.match(r"[\w’'-]+", rest[dash.end() :])
        if first and first.group(0).lower() in _CONJUNCTION_START | _NOT_VERB:
            return None
        found = speaker_after(rest[dash.end() :], names, end + dash.end(), budget=3)
        if found:
            return found, line_end
        handle = qr.HANDLE_RE.match(rest[dash.end() :].strip())
        if handle and rest[dash.end() :].strip().split()[0][:1].isalpha() and "(" in rest:
            return rest[dash.end() :].strip(), line_end
        return None
    hyphen = re.match(rf"\s+-\s+(?P<name>{lx.NAME})", rest)
    if hyphen:
        return lx.clean_name(hyphen.group("name")), end + hyphen.end()
    clause_end = _clause_end(text, end, line_end)
    clause = text[end:clause_end]
    so = qr.SO_RE.match(clause)
    if so:
        found = speaker_after(clause[so.end() :], names, end + so.end())
        return (found, clause_end) if found is not None else None
    opening = re.match(r"\s*[,;]?\s*", clause)
    body = clause[opening.end() :]
    first = re.match(r"[\w’'-]+", body)
    verb = qr.SPEECH_VERB_RE.match(body) or qr.SPLIT_VERB_RE.match(body)
    if verb is None and first and starts_sentence and "," in opening.group(0):
        word = first.group(0)
        if word.islower() and word not in _NOT_VERB and len(word) >= 3:
            verb = first  # German inversion: „…“, zieht die Initiative Bilanz
    if verb is not None:
        found = speaker_after(body[verb.end() :], names, end + opening.end() + verb.end())
        return (found, clause_end) if found is not None else None
    # "…," Tom Baker said. / "…", the organisation states.
    later = _verbs(body[:90])
    if later and starts_sentence:
        found = speaker_before(body[: later[0].start()], names, end + opening.end() + later[0].start())
        if found is not None:
            return found, clause_end
    return None


def _leading(text: str, start: int, floor: int, names: _Names, words_in_quote: int) -> tuple[str, int] | None:
    """Attribution before the opening mark, in the same sentence: "X betonte: „…“", "laut X „…“"."""
    begin = _clause_start(text, start, floor)
    clause = text[begin:start]
    if not clause.strip(" \t–—-"):
        return None
    found = _from_clause(clause, names, begin, after_first=False)
    if found is not None:
        return found, begin
    if clause.rstrip().endswith(":") and words_in_quote >= 6:
        # "Unser Partner, Architekt Michael Schramm, ist begeistert: „…“" — a named subject opens
        # the clause and a verb follows it; "Brandon Hall Award: „…“" has no verb and is a title.
        body = clause.rstrip()[:-1]
        tokens = [t for t in _TOKEN_RE.finditer(body) if t.group(0) not in ",:;()–—"]
        if tokens and any(t.group(0).islower() for t in tokens) and not qr.PRONOUN_RE.fullmatch(tokens[0].group(0)):
            subject = speaker_after(body, names, begin, budget=4)
            of_name = re.search(rf"(?:\bof|\bvon|\bby)\s+(?:[{_LOWER}]+\s+){{0,2}}(?P<n>{lx.NAME})\s*$", body)
            if subject:
                return subject, begin
            if of_name:
                return lx.clean_name(of_name.group("n")), begin
    return None


def _line_before(text: str, start: int, names: _Names, spans: list[tuple[int, int, str]]) -> tuple[str, int] | None:
    """An introducing line ending with a colon: "Statement von X, Firma:" / "Hier seine Worte:";
    lines that are quotations themselves may stand between (a list of statements)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(' \t—–-„“"«»'):
        return None
    cursor = line_start - 1
    for _ in range(12):
        if cursor <= 0:
            return None
        prev_start = text.rfind("\n", 0, cursor) + 1
        line = text[prev_start:cursor]
        if not line.strip():
            cursor = prev_start - 1
            continue
        covered = sum(e - s for s, e, _ in spans if s >= prev_start and e <= cursor + 1)
        if covered and covered >= len(line.strip()) - 3:
            cursor = prev_start - 1  # another quotation of the same list
            continue
        if not line.rstrip().endswith(":"):
            return None
        found = _from_clause(line, names, prev_start, after_first=True)
        return (found, prev_start) if found else None
    return None


def _line_after(text: str, start: int, end: int, names: _Names) -> tuple[str, int] | None:
    """A signature under the quotation: a name line ("Sylvie Ouziel", "— Bas Westerbaan",
    "Andreas Cofalla, Application Manager IT, Walbusch GmbH")."""
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip(' \t.,!?”“"«»'):
        return None
    next_end = text.find("\n", line_end + 1)
    next_end = len(text) if next_end < 0 else next_end
    line = text[line_end + 1 : next_end]
    if len(line.split()) > 16:
        return None
    match = _SIGNATURE_LINE_RE.fullmatch(line)
    if match:
        name = lx.clean_name(match.group("name"))
        quote_line = text.rfind("\n", 0, start) + 1
        label = text[quote_line:start].strip(" \t—–-")
        whole_line = not label or label.endswith(":") and len(label.split()) <= 2  # "Motto: „…“"

        if whole_line and _plausible_name(match.group("name")) and not qr.ORG_WORD_RE.fullmatch(name.split()[-1]):
            return name, next_end
    dash = re.match(r"[ \t]*+[—–][ \t]*+(?P<sig>\S.{0,90})$", line)
    if dash:
        found = speaker_after(dash.group("sig"), names, line_end + 1, budget=4)
        if found:
            return found, next_end
        sig = dash.group("sig").strip()
        if qr.HANDLE_RE.match(sig) and "(" in sig:
            return sig, next_end
    return None


def attribute(
    text: str,
    start: int,
    end: int,
    limits: tuple[int, int],
    names: _Names,
    spans: list[tuple[int, int, str]] = (),
    inner: str = "",
) -> tuple[str, int, int] | None:
    """(speaker, context start, context end) for the quotation text[start:end], None when unnamed."""
    begin = _clause_start(text, start, limits[0])
    opened = text[begin:start].strip(" \t–—-")
    starts_sentence = not opened or opened.endswith(("(", ":"))
    n_words = len(words(inner or text[start:end]))
    found = _trailing(text, end, limits[1], starts_sentence, names)
    if found is not None:
        return (found[0], start, found[1]) if found[0] else None
    lead = _leading(text, start, limits[0], names, n_words)
    if lead is not None:
        return (lead[0], lead[1], end) if lead[0] else None
    for rule in (lambda: _line_before(text, start, names, list(spans)), lambda: _line_after(text, start, end, names)):
        found = rule()
        if found is not None:
            if not found[0]:
                return None
            return (found[0], min(found[1], start), max(found[1], end))
    return None


# -- the page ---------------------------------------------------------------------------------------


def _dash_signed_lines(text: str, taken: list[tuple[int, int]]) -> list[Quotation]:
    """A line signed by the next one ("Quote / X-Wing is final … / — Bas Westerbaan"): a quotation
    box without marks."""
    found = []
    lines = text.split("\n")
    offset = 0
    offsets = []
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    for i in range(1, len(lines)):
        match = _DASH_LINE_RE.fullmatch(lines[i])
        if not match:
            continue
        body = lines[i - 1].strip()
        start, end = offsets[i - 1], offsets[i - 1] + len(lines[i - 1])
        if any(s < end and start < e for s, e in taken) or not is_statement(body) or len(words(body)) < MIN_WORDS:
            continue
        if body.endswith(":"):
            continue
        name = lx.clean_name(match.group("name"))
        found.append(
            Quotation(body, start, end, speaker=name, context=excerpt(f"{body} — {name}", 200), element="quotation")
        )
    return found


def _markup_span(text: str, quote_text: str) -> tuple[int, int]:
    """Where a <blockquote>'s text stands in the main text, (-1, -1) if it does not."""
    tokens = quote_text.split()
    if not tokens:
        return -1, -1
    probe = " ".join(tokens[:8])
    at = text.find(probe)
    if at < 0:
        flat = re.escape(tokens[0])
        for token in tokens[1:8]:
            flat += r"\s+" + re.escape(token)
        match = re.search(flat, text)
        if not match:
            return -1, -1
        at = match.start()
    tail = tokens[-4:]
    tail_re = r"\s+".join(re.escape(t) for t in tail)
    match = re.compile(tail_re).search(text, at, at + len(quote_text) + 400)
    return at, match.end() if match else at + len(quote_text)


def _cite_speaker(cite: str) -> str:
    named = lx.NAME_RE.search(cite)
    if named:  # "Tobias Brenner, Kellermeister": the name, not the role
        return lx.clean_name(named.group(0))
    return cite.split(",")[0].strip() or cite


def _signature_in(quote_text: str, names: _Names) -> str | None:
    """ "… — Sebastian Stenzel, CTO" or "… — mbeddedDev (Mastodon)" at the end of a blockquote."""
    match = _TRAILING_SIGNATURE_RE.search(quote_text)
    if not match:
        return None
    sig = match.group("sig").strip()
    named = lx.NAME_RE.match(sig)
    if named and _plausible_name(named.group(0)):
        return lx.clean_name(named.group(0))
    if len(sig.split()) <= 6 and (sig.startswith("@") or qr.HANDLE_RE.match(sig) and "(" in sig):
        return re.split(r"(?<!\s)\s*[,(]", sig)[0].strip() or sig
    return None


def _in_code(text: str, start: int, end: int) -> bool:
    """A string literal: [When(@"I add the values")], SqlCommand("UPDATE …", conn), title="…"."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before in _CODE_BEFORE or before == "(" and after in (",", ")"):
        return True
    line_start = max(text.rfind("\n", 0, start) + 1, start - 200)
    line_end = text.find("\n", end, end + 200)
    line = text[line_start : line_end if line_end >= 0 else min(len(text), end + 200)]
    return bool(re.search(r"[{}]|=>|\);|\w\(\)", line))


def find_quotations(page: PageRecord) -> list[Quotation]:
    """Quotations of ≥ MIN_WORDS words in the main text and the markup, with their speakers."""
    if classify(page).kind == "listing":
        return []  # a listing's teasers quote the listed posts (LABELLING.md)
    text = page.main_text
    names = _Names(text)
    spans = [
        (s, e, inner)
        for s, e, inner in quotation_spans(text)
        if is_statement(inner) and not names.is_org_name(inner.strip()) and not _in_code(text, s, e)
    ]
    quotations: list[Quotation] = []
    for i, (start, end, inner) in enumerate(spans):
        limits = (spans[i - 1][1] if i else 0, spans[i + 1][0] if i + 1 < len(spans) else len(text))
        found = attribute(text, start, end, limits, names, spans, inner)
        quote = Quotation(inner, start, end, context=excerpt(text[start:end], 200))
        if found:
            quote.speaker = found[0]
            quote.context = excerpt(text[found[1] : found[2]], 200)
            quote.sentence_end = _clause_end(text, found[2], min(len(text), found[2] + 200))
        quotations.append(quote)
    _continue_speakers(text, quotations)
    markup_taken = []
    for q in page.quotes:
        if len(words(q.text)) < MIN_WORDS or qr.CODE_RE.search(q.text) and not q.cite:
            continue
        element = "blockquote/q"
        speaker = _cite_speaker(q.cite.strip()) if q.cite and q.cite.strip() else None
        if speaker is None:
            speaker = _signature_in(q.text, names)
        span = _markup_span(text, q.text)
        markup_taken.append(span)
        same = next((x for x in quotations if span[0] >= 0 and x.start < span[1] and span[0] < x.end), None)
        if same is None and speaker is None and span[0] >= 0:
            found = attribute(text, span[0], span[1], (0, len(text)), names, spans, q.text)
            speaker = found[0] if found else None
        context = excerpt(q.text + (f" — {speaker}" if speaker else ""), 200)
        if same is not None:
            if same.speaker is None and speaker:
                same.speaker, same.context, same.element = speaker, context, element
            continue
        quotations.append(Quotation(q.text, *span, speaker=speaker, context=context, element=element))
    taken = [(q.start, q.end) for q in quotations if q.start >= 0] + markup_taken
    quotations.extend(_dash_signed_lines(text, taken))
    return quotations


def _continue_speakers(text: str, quotations: list[Quotation]) -> None:
    """A quoted sentence right after an attributed one, in the same paragraph, continues it."""
    for prev, quote in zip(quotations, quotations[1:], strict=False):
        if quote.speaker or not prev.speaker or prev.sentence_end < 0:
            continue
        gap = text[prev.sentence_end : quote.start]
        if quote.start >= prev.sentence_end and not gap.strip() and "\n" not in gap:
            quote.speaker = prev.speaker
            quote.sentence_end = _clause_end(text, quote.end, min(len(text), quote.end + 200))
            quote.context = excerpt(text[quote.start : quote.end], 200)


@register
class AttributedQuotes(ArticleCheck):
    id = "attributed-quotes"
    title = "Articles quote named people"
    failure_title = "Articles lack quotations from named people"
    description = (
        "Adding quotations from relevant, named people was the strongest single method in the "
        "GEO study: +40.9 % visibility in generative-engine answers (+20.7 % on Perplexity). A "
        "quote counts when it names who said it, so readers and engines can trace it — a voice "
        "of your own experts, staff or customers, never an invented one. Source: Aggarwal et al., "
        "'GEO: Generative Engine Optimization', KDD 2024."
    )
    category = "evidence"
    weight = 3
    effort = "high"
    remedy = "Quote named experts (name, role, company) in each article — your own staff count."
    rule = (
        "pass: at least one quotation („…“, \"…\", “…”, « », `<blockquote>`, `<q>`) of ≥ 5 words "
        "attributed to a named person (a name of two capitalised words with a speech verb — sagt, "
        "erklärt, betont, so, says, explains, according to — within ~150 characters, or a "
        "`cite`/figcaption in the markup). warn: quotations without attribution. fail: none."
    )

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        quotations = find_quotations(page)
        attributed = [q for q in quotations if q.speaker]
        if attributed:
            speakers = list(dict.fromkeys(q.speaker for q in attributed))
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=f"{len(quotations)} quotation(s), {len(attributed)} attributed to {', '.join(speakers[:3])}",
                evidence=[
                    Evidence(url=page.url, element=q.element, excerpt=q.context, note=f"attributed to {q.speaker}")
                    for q in attributed[:MAX_EVIDENCE]
                ],
            )
        if quotations:
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=f"{len(quotations)} quotation(s), none attributed to a named person",
                evidence=[
                    Evidence(
                        url=page.url, element=q.element, excerpt=q.context, note="no named speaker: add who said it"
                    )
                    for q in quotations[:MAX_EVIDENCE]
                ],
            )
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=f"no quotation of {MIN_WORDS} or more words",
            evidence=[
                Evidence(
                    url=page.url,
                    element="quotation",
                    note=f"no „…“, “…”, «…», <blockquote> or <q> of {MIN_WORDS}+ words",
                )
            ],
        )

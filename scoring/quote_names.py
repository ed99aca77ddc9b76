"""The names a page uses, for quotation attribution (scoring.checks.attributed_quotes): the people it
names (a name with a title, introduced by a role or a verb, or named again by first name or surname),
the organisations it names ("Bürgerinitiative „Lübeck ohne Atomschutt“", "Walbusch GmbH"), and single
words it uses as names ("Apple", "IPPNW"). Computed on demand, once per page. Vocabularies:
scoring/quote_rules.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from scoring import quote_rules as qr
from scoring.core import lexicons as lx

_UPPER, _LOWER = lx.UPPER, lx.LOWER
_ARTICLE_BEFORE = frozenset(
    "der die das den dem des ein eine einer eines einem einen kein keine im am vom zum zur beim the a an "
    # German contractions and determiners before a noun: "ins Leben", "aufs Spiel", "unser Leben"
    "ins ans aufs fürs übers ums durchs vors unters jede jeder jedes jeden diese dieser dieses diesem diesen "
    "unser unsere unseren unserem ihr ihre ihren ihrem sein seine seinen seinem "
    "this that these those".split()
)
_ACRONYM_RE = re.compile(rf"[{_UPPER}][{_UPPER}{_LOWER}]*[{_UPPER}][{_UPPER}{_LOWER}]*")
_NAMED_ORG_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{qr.ORG_WORD_RE.pattern})[ \t]+(?:(?:„|“|\"|«|»)(?P<q>[^„“”\"«»\n]{{2,80}})[“”\"«»]"
    rf"|(?P<n>[{_UPPER}][\w.&’'-]*(?:[ \t]+(?:[{_UPPER}][\w.&’'-]*|ohne|für|of|for|und|and|&)){{0,4}}))"
)
_LEGAL_NAME_RE = re.compile(
    rf"(?<![\w.&’'-])(?P<n>(?:[{_UPPER}][\w.&’'-]*[ \t]+){{1,3}})(?:{'|'.join(lx.LEGAL_FORMS)})(?![\w-])"
)
# Nouns, not names: "Kurze Einführung", "Neue Funktionen" under a quotation are headings.
_ING_FIRST_NAMES = frozenset("Channing Sterling Manning Fleming Harding Browning Golding Pershing Redding".split())
_NOUN_ENDINGS = lx.ABSTRACT_NOUN_ENDINGS
# A quotation's span, for telling mentions inside it apart (no nesting; a line at most)
_QUOTED_RE = re.compile(r"[„“\"«»]([^„“”\"«»\n]*+)[“”\"«»]")
_NICKNAME_RE = re.compile(
    rf"{lx.CAP_WORD}[ \t]+[‚'„\"“«»][^\s‚'„\"“”‘’«»]{{1,20}}(?:[ \t][^\s‚'„\"“”‘’«»]{{1,20}})?"
    rf"[‘'“\"”«»][ \t]+{lx.CAP_WORD}"
)
PREPOSITIONS = frozenset(
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
_PARTICLES = frozenset("von vom van de zu".split())
_HONORIFICS = frozenset("Mr Mrs Ms Miss Sir Dame Herr Herrn Frau".split())  # forms of address, not given names
# Job titles that end a capitalised role phrase and are nobody's surname (unlike "Meister", "Baker"):
# "Water Therapy Volunteer", "Resident Counselor", "Associate Director", "Activity Coordinator".
_ROLE_TITLES = frozenset(
    "volunteer counselor counsellor coordinator director manager officer secretary assistant governor mayor "
    "consultant engineer specialist therapist representative president chairman chairwoman chair "
    "geschäftsführer geschäftsführerin vorsitzende vorsitzender".split()
)
PARTICLE_RE = re.compile(r"(?<![ \t])[ \t]++(?:von|vom|van|de|zu)[ \t]")
# German plural abstract nouns: never a surname ("Marine Umweltwissenschaften", "Neue Möglichkeiten")
_PLURAL_NOUN_ENDINGS = ("schaften", "heiten", "keiten", "itäten", "ungen", "ionen")
_COMPANY_HEADS = ("unternehmen", "firma", "konzern", "company", "gesellschaft", "hersteller")


PRONOUN_NEAR = 200  # characters before a pronoun: the sentence before it

# A person introduced by what follows the name: an employer ("Bryan Mercer of Media Mobilizing Project", "Jana Roe
# von der Stadtbibliothek") or a verb in the past ("Bryan Mercer shared a vision"); a heading's noun pair
# ("Molecular Biology") and a title ("Social Entrepreneur of the Year") are followed by neither.
_INTRODUCED_AFTER_RE = re.compile(
    r"(?<![ \t])[ \t]++(?:(?:of|from|at)[ \t]++[A-Z]|(?:von|vom|bei)[ \t]++(?:der[ \t]++)?[A-ZÄÖÜ]|"
    r"[a-z]{2,}ed(?![\w-]))"
)


_GENDERED_PLURAL_RE = re.compile(r"[_*:]innen$|[a-zäöüß]Innen$")


class Names:
    """Names on the page, computed on demand: people, named organisations, proper single words."""

    def __init__(
        self, text: str, looks_like_person: Callable[[str], bool], headings: frozenset[str] = frozenset()
    ) -> None:
        self.text = text
        self.looks_like_person = looks_like_person  # the byline rule: a first name, not a role or a noun
        self.headings = headings  # the page's title headings: a title under a quotation signs nothing
        self._people: list[tuple[int, str]] | None = None
        self._tokens: dict[str, str] | None = None
        self._orgs: list[tuple[str, str]] | None = None
        self._proper: dict[str, bool] = {}
        self._nouns: frozenset[str] | None = None
        self._org_names: frozenset[str] | None = None
        self._counts: dict[str, int] = {}
        self._lower: frozenset[str] | None = None
        self._recurring: dict[str, bool] = {}
        self._holders: dict[str, str | None] = {}
        self._token_mentions: list[tuple[int, str]] | None = None
        self._quote_ranges: list[tuple[int, int]] | None = None

    @property
    def people(self) -> list[tuple[int, str]]:
        if self._people is None:
            found = []
            for match in lx.NAME_RE.finditer(self.text):
                name = self.person(match.group(0), match.start())
                titled = name and (name != " ".join(self._untitled(name)) or name != match.group(0).split("\n")[0])
                if name and (
                    titled
                    or self._recurs(name)
                    or self._introduced(match.start())
                    or _INTRODUCED_AFTER_RE.match(self.text, match.end())
                ):
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
        """Capitalised words the page uses after an article: nouns, not names ("der Fall"); not after
        "von der" ("Ursula von der Leyen")."""
        if self._nouns is None:
            articles = "|".join(_GERMAN_ARTICLES)  # English "the Kayser Forum" is a name
            self._nouns = frozenset(
                m.group(1) for m in re.finditer(rf"(?<![\w-])(?<!von )(?i:{articles})\s+([{_UPPER}][\w-]+)", self.text)
            )
        return self._nouns

    def person(self, match: str, position: int = -1) -> str | None:
        """A NAME match as a person's name, None for noun pairs ("Im Fall Apple", "Senior Consultant",
        "World Economic Forum Social Entrepreneur"). A match that runs on into the person's employer ends
        at its particle: "Dr. Ian Kane von der Universität Manchester" is Dr. Ian Kane."""
        particle = PARTICLE_RE.search(match)
        # "Lou Schmitz von No Future for IAA": two capitalised words after the particle name an employer,
        # "Ursula von der Leyen" one surname
        employer = particle is not None and sum(w[:1].isupper() for w in match[particle.end() :].split()) >= 2
        found = None if employer else self._person(match, position)
        return self._person(match[: particle.start()], position) if particle and not found else found

    def _person(self, match: str, position: int) -> str | None:
        name = lx.clean_name(match.split("\n")[0].strip())
        parts = [p for p in name.split() if not re.fullmatch(lx.TITLE, p)]
        if (
            len(parts) < 1
            or len([p for p in parts if p[0].isupper()]) > 3
            or not plausible_name(name)
            or re.search(r"(?<!von)(?<!van) (?:der|den|des) ", name)  # "Seite der Landes"
            or not self.looks_like_person(" ".join(parts))
            or lx.ORGANISATION_WORD_RE.search(name)
            or qr.ORG_WORD_RE.fullmatch(parts[-1])
            or any(parts[-1].lower().endswith(e) and len(parts[-1]) > len(e) + 2 for e in lx.ROLE_NOUN_ENDINGS)
            or parts[-1].lower() in _ROLE_TITLES  # "Water Therapy Volunteer", "Associate Director": a role
            or parts[0] in _PARTICLES  # "von Sand": a particle opens no name
            # a capitalised function word ("Als Ergebnis …", "With Kuri"): a sentence's opener, no name of anyone
            or any(p[0].isupper() and not p.isupper() and p.lower() in lx.FUNCTION_WORDS for p in parts)
            # a role inside the match ("Weil Sprecherin von X") ends one name and opens a description
            or any(p.lower().endswith(lx.ROLE_NOUN_ENDINGS) and len(p) > 6 for p in parts[1:-1])
            or parts[-1].lower().endswith(_PLURAL_NOUN_ENDINGS)  # "Zentrum für Marine Umweltwissenschaften"
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

    def mentions(self, phrase: str) -> int:
        """How often the page's text names this phrase as words of their own."""
        return self._count_phrase(phrase)

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
        return word[:1].islower() and word not in PREPOSITIONS

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

    def fullest(self, name: str) -> str:
        """The person's full name as the page introduced them, with the titles `name` carries ("Dr Ploss"
        -> "Dr Reinhard Ploss" after "Dr. Reinhard Ploss"; "Tom Baker" stays after "Mr Tom Baker")."""
        parts = self._untitled(name)
        full = self.tokens.get(parts[-1]) if parts else None
        full_parts = [p for p in self._untitled(full) if p.rstrip(".") not in _HONORIFICS] if full else []
        if len(full_parts) <= len(parts) or not set(parts) <= set(full_parts):
            return name
        titles = name.split()[: len(name.split()) - len(parts)]
        return " ".join([*titles, *full_parts])

    @property
    def token_mentions(self) -> list[tuple[int, str]]:
        """(position, full name) of every first name or surname alone of a person the page names ("Elon"
        after "Elon Musk"): the person a pronoun stands for is often named so in the sentence before."""
        if self._token_mentions is None:
            tokens = self.tokens
            self._token_mentions = [
                (m.start(), tokens[m.group(0)])
                for m in re.finditer(rf"(?<![\w-])[{_UPPER}][\w’'-]++", self.text)
                if m.group(0) in tokens
            ]
        return self._token_mentions

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
        candidates = [
            (start, name)
            for start, name in (*self.people, *self.token_mentions)
            if position - reach <= start < position and not self._quoted(start)
        ]
        if not candidates:
            return None
        near = {name for start, name in candidates if position - start <= PRONOUN_NEAR}
        if len(near) == 1:  # the one person of the sentence before: "Bryan Mercer … shared a vision. “…,” he said"
            return near.pop()
        return max(candidates, key=lambda c: (self._mentions(c[1]), c[0]))[1]

    def _quoted(self, position: int) -> bool:
        """Whether a mention stands inside a quotation: "…President Trump is expressing outrage…," she added —
        "she" is the speaker named outside the quotation, not the person the quotation talks about."""
        if self._quote_ranges is None:
            self._quote_ranges = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(self.text)]
        return any(start < position < end for start, end in self._quote_ranges)

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
        if (
            not _GENDERED_PLURAL_RE.search(word)  # "Redner_innen", "Politiker*innen": people in the plural
            and word.upper() not in qr.ROLE_ACRONYMS
            and not qr.common_acronym(word)
            and not re.fullmatch(lx.NOT_NAME_START, word)
        ):
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

    def handle_owner(self, handle: str) -> str | None:
        """The person an @handle stands for when the page names them: "@KellySutton" -> "Kelly Sutton"
        (the same letters as the name, case and punctuation aside); None when nobody matches."""
        key = re.sub(r"[\W\d_]+", "", handle).casefold()
        if len(key) < 5:
            return None
        for match in lx.NAME_RE.finditer(self.text):
            untitled = self._untitled(lx.clean_name(match.group(0).split("\n")[0]))
            if re.sub(r"[\W\d_]+", "", "".join(untitled)).casefold() == key:
                return self.person(match.group(0)) or None
        return None

    def role_holder(self, role: str) -> str | None:
        """The one person the page names with a role: "Mike Beebe (CEO)", "Mike Beebe, CEO", "CEO Mike
        Beebe", "Geschäftsführerin Anna Berg"; None when nobody or several people hold it."""
        key = role.casefold()
        if key not in self._holders:
            word = re.escape(role)
            holders = set()
            in_parens = rf"\((?:[^()\n]{{0,30}}[ \t,/&])?{word}(?:[ \t,/&][^()\n]{{0,30}})?\)"
            for pattern in (
                rf"(?P<n>{lx.NAME})[ \t]*(?:{in_parens}|,[ \t]+{word}(?![\w-]))",
                rf"(?<![\w-]){word}[ \t]+(?P<n>{lx.NAME})",
            ):
                for match in re.finditer(pattern, self.text):
                    name = self.person(match.group("n"))
                    if name:
                        holders.add(name)
            self._holders[key] = holders.pop() if len(holders) == 1 else None
        return self._holders[key]


def plausible_name(name: str) -> bool:
    """A NAME match that is a person's or organisation's name, not a heading of two nouns."""
    parts = name.split()
    if parts[0].lower() in qr.NOT_NAME_WORDS:
        return False
    if len(parts[0]) >= 7 and parts[0].endswith("ing") and parts[0] not in _ING_FIRST_NAMES:
        return False  # "Controlling Kuri using your phone": a caption or heading opened by a gerund
    return not any(len(p) >= 8 and p.lower().endswith(_NOUN_ENDINGS) for p in parts)

"""Language quality of a brief (issue 17): no English words a German editor would not use, no simple
agreement slips. Used to reject a model's German brief (one repair round) and by bench/briefs_bench.py.

Quoted site text („…“, “…”) and the site's own vocabulary (a German site that says "Leadership")
are the site's words, not slips of the writer: they are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# English words that small models mix into German text ("cost-effective", "Step-by-Step", "Benefits").
# Loan words a German editor uses (Team, Software, Marketing, online, Blog) are not on the list.
ENGLISH_WORDS = frozenset(
    """
    the and or of for with without your you our we this that these those what which how why when where who
    is are were be been has have would should could can must from into about after before
    cost costs effective cost-effective affordable cheap price prices pricing benefit benefits advantage
    advantages disadvantages challenges challenge solution solutions step steps guide guidelines tips tricks
    best practice practices overview introduction conclusion summary example examples case cases study studies
    customer customers client clients expert experts quotes source sources data figures evidence
    article articles topic topics question questions answer answers reader readers user users
    important key common typical own new great good better easy simple complete ultimate
    understanding learn learning explained explain need needs use using used get make making help helps
    """.split()
)
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")
# bounded: an unclosed „ in hostile text would scan to the end once per quotation mark (quadratic); what
# a brief quotes is at most a sentence (grounding._short: 140 characters)
_QUOTED = re.compile(r"„[^“”]{0,400}[“”]|“[^”]{0,400}”|\"[^\"]{0,400}\"|‚[^‘’]{0,400}[‘’]")
# Adjective endings after an article: "das großes Haus", "eine neuen Anlage" are slips.
_AFTER_ARTICLE = re.compile(r"\b((?i:der|die|das|eine|einen))\s+([a-zäöüß]{3,}(?:e|en|er|es|em))\s+[A-ZÄÖÜ]")
_WRONG_ENDING = {
    "der": ("er", "es", "em"),
    "die": ("er", "es", "em"),
    "das": ("er", "es", "em"),
    "eine": ("er", "es", "en", "em"),
    "einen": ("e", "er", "es", "em"),
}
_NOT_ADJECTIVE = frozenset(
    "über unter immer wieder aber oder sicher unser unsere unseres unserem unseren euer jeder jedes jedem "
    "dieser dieses diesem anderer anderes anderem weder mehr sehr wer wem".split()
)


def words(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words a site uses itself (its titles, headings, text): allowed in its briefs."""
    return frozenset(w for t in texts for w in words(t))


# a URL is a whole token: tried only where a token starts (the lookbehind), so a long run of
# non-space text without "://" is scanned once, not once per character (linear on hostile text)
_URL = re.compile(r"(?<!\S)\S*?://\S+|www\.\S+")


def unquoted(text: str) -> str:
    """The writer's own words: without quoted site text and without URLs (crawled addresses)."""
    return _QUOTED.sub(" ", _URL.sub(" ", text))


def english_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """English words outside quotes that the site itself does not use, in order, once each."""
    found = []
    for word in words(unquoted(text)):
        parts = [word, *word.split("-")]
        if any(p in ENGLISH_WORDS for p in parts) and word not in allowed and word not in found:
            found.append(word)
    return found


def agreement_slips(text: str) -> list[str]:
    """Article + adjective with a wrong ending before a noun: "das großes Haus" (→ große)."""
    slips = []
    for match in _AFTER_ARTICLE.finditer(unquoted(text)):
        article, adjective = match.group(1).lower(), match.group(2)
        if adjective in _NOT_ADJECTIVE:
            continue
        wrong = _WRONG_ENDING[article]
        # the longest ending decides: "großen" ends in "en", not in "n"; "-e" after "einen" is wrong, "-en" is not
        ending = next((e for e in ("en", "er", "es", "em", "e") if adjective.endswith(e)), "")
        if ending in wrong:
            slips.append(f"{article} {adjective}")
    return slips


def problems(texts: Iterable[str], language: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """What is wrong with a German brief's language (empty: nothing; other languages are not checked)."""
    if language != "de":
        return []
    text = "\n".join(texts)
    out = []
    english = english_words(text, allowed)
    if english:
        out.append("englische Wörter: " + ", ".join(english[:6]))
    slips = agreement_slips(text)
    if slips:
        out.append("falsche Adjektivendung: " + ", ".join(slips[:4]))
    return out

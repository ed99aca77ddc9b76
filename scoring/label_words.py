"""What kind of word a label candidate is (scoring.labels): a site-section word ("Pricing", "Kontakt"),
a common word of the language, a number word, a name as written, a German compound, an English
adjective or -ing/-ed form. Vocabulary and pure predicates, per language."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

# Words naming a site's sections, not a topic: a lone one yields to a phrase of the cluster ("Pricing" ->
# "Desk booking pricing"). Navigation vocabulary of any company site, per language.
SECTION_WORDS = {
    "en": frozenset(
        """
        pricing prices plans features solutions services products clients customers partners team careers jobs
        values mission vision company resources press media events portfolio projects testimonials references
        sign signup about imprint legal privacy terms help support docs documentation changelog
        """.split()
    ),
    "de": frozenset(
        """
        preise leistungen unternehmen karriere jobs kunden partner referenzen werte angebote angebot produkte
        lösungen projekte team presse veranstaltungen hilfe agb nutzungsbedingungen
        """.split()
    ),
}
MIN_COMPOUND = 10  # a German word this long is a compound ("Verhaltensberatung"), specific enough alone
# A name as written: inner capital, digit or hyphen ("WordPress", "QField", "CSGO-Stats", "Erste-Hilfe-Kurs").
NAME_LIKE = re.compile(r"[^\W\d_][A-ZÄÖÜ]|\d|[^\W_]-[^\W_]|^[A-ZÄÖÜ]{2,}$")
# English word forms that name no topic alone: adjectives by suffix ("Genetic", "Social", "Creative"),
# -ing and -ed forms of verbs ("Programming", "Answered"); "Speed", "Need" are no -ed forms.
EN_NOT_NOUN = re.compile(r"(?:ic|al|ive|ous|ful|less|ing|[^e]ed)$")
# Number words count, they name no topic ("Zwölf"), in the languages labels know.
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty hundred thousand
    million billion first second third
    eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn zwanzig dreißig hundert tausend
    million millionen milliarde milliarden erste zweite dritte
    """.split()
)


def section_word(key: str, language: str | None) -> bool:
    """A navigation word of the cluster's language or of English, which sites in any language use for their
    sections ("Sign Up" on a German site)."""
    words = SECTION_WORDS.get((language or "en")[:2], frozenset()) | SECTION_WORDS["en"]
    return key in words or (key.endswith("s") and key[:-1] in words) or key + "s" in words


def specific_word(word: str, language: str | None, lower: set[str], proper: set[str]) -> bool:
    """A single word that names a topic on its own: a name as written ("WordPress", "CSGO-Stats"), a
    German compound ("Verhaltensberatung"), an English proper name ("Nokia", written capitalised inside a
    sentence-case line) — never a word the site also writes in lower case (a verb, an adjective, a common
    noun: "wählen", "widget")."""
    if NAME_LIKE.search(word):
        return True
    key = word.lower()
    if key in lower or key in NUMBER_WORDS or common_word(key, language):
        return False
    if language == "de":
        return len(word) >= MIN_COMPOUND
    return key in proper and not (english(language) and EN_NOT_NOUN.search(key))  # not "Genetic", "Programming"


def not_noun(label: str, language: str | None, lower: set[str]) -> bool:
    """A lone word that is no noun: a number word, a word the members write in lower case (German: a verb
    or adjective; any language: a word cut from a phrase, "power" of "to the power of two"), an English
    adjective or -ing/-ed form by suffix; a name as written ("WordPress") is a noun."""
    key = label.lower()
    if " " in key or NAME_LIKE.search(label):
        return False
    return key in NUMBER_WORDS or key in lower or (english(language) and bool(EN_NOT_NOUN.search(key)))


def english(language: str | None) -> bool:
    """The suffix rules are English morphology: French "Journal", Spanish "Digital" keep the old rules."""
    return (language or "en")[:2] == "en"


def participle_end(words: Sequence[str]) -> bool:
    """An English phrase ending in a lower-case past participle is a headline fragment, no name
    ("Mobile Ajax post answered", "Professional quality management verified")."""
    last = words[-1] if words else ""
    return len(words) > 1 and last[:1].islower() and len(last) >= 5 and bool(re.search(r"[^e]ed$", last))


def common_word(key: str, language: str | None) -> bool:
    """A word any site writes, naming no topic alone: a site-section word, or (English, Spanish) a word on
    textstat's list of common words, in any simple inflection ("values", "bookings", "pricing")."""
    lang = (language or "en")[:2]
    forms = {key, key + "s"}  # "client": the section is "clients"
    for suffix, add in (("s", ""), ("es", ""), ("ings", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            forms.add(key[: -len(suffix)] + add)
    return not forms.isdisjoint(SECTION_WORDS.get(lang, frozenset())) or not forms.isdisjoint(easy_words(lang))


@cache
def easy_words(language: str) -> frozenset[str]:
    """textstat's common-word list of a language (the Dale-Chall list for English); none for others."""
    # found, not imported: importing textstat imports NLTK (~1-3 s of the score stage, issue 19)
    spec = importlib.util.find_spec("textstat")  # a core dependency; labels work without it
    if spec is None or spec.origin is None:  # pragma: no cover
        return frozenset()
    path = Path(spec.origin).parent / "resources" / language / "easy_words.txt"
    return frozenset(path.read_text(encoding="utf-8").lower().split()) if path.exists() else frozenset()

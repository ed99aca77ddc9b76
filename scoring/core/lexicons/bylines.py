"""Who stands in an author slot: a person's name, an editorial team, or an organisation or label."""

from __future__ import annotations

import re

from scoring.core.lexicons.legal import LEGAL_FORM_RE
from scoring.core.lexicons.organisations import ORGANISATION_WORD_RE

# What opens a byline line ("Ein Gastbeitrag von", "Written by", "Words and photos:", "Autorin:", "Von", "By"),
# German and English; pattern alternatives without a group or flags: read case-insensitively.
BYLINE_OPENERS = (
    r"(?:ein\s+)?(?:gast)?beitrag\s+von|geschrieben\s+von|verfasst\s+von|(?:a\s+)?guest\s+post\s+by|"
    r"written\s+by|words(?:\s+and\s+photos)?\s*:|text(?:\s+und\s+fotos)?\s*:|autor(?:in)?\s*:|author\s*:|von|by"
)

EDITORIAL_RE = re.compile(r"^(?:die\s+|the\s+)?(?:redaktion|redaktionsteam|editorial\s+team|editors|newsroom)\b", re.I)
NOT_A_NAME = {
    "admin",
    "administrator",
    "gast",
    "guest",
    "anonymous",
    "anonym",
    "unknown",
    "redaktion",
    "team",
    "author",
    "autor",
    "autorin",
    "name",
    "required",
    "webmaster",
    "editor",
    "user",
    "home",
    "blog",
    "news",
    # a site's sections, linked where a theme puts its byline ("Blogs" over the title, a Drupal node's parent)
    "blogs",
    "about",
    "contact",
    "kontakt",
    "posts",
    "articles",
    "artikel",
    "aktuelles",
    "presse",
    "press",
    # platforms a rel=author link points to (a profile on Google+, not a name)
    "google",
    "google+",
    "twitter",
    "facebook",
    "linkedin",
    "xing",
    "instagram",
    "youtube",
    "github",
    "mastodon",
    # a letter's closing line before its signature ("Vielen Dank", "Herzliche Grüße", "Best regards")
    "vielen",
    "danke",
    "herzliche",
    "herzlichen",
    "beste",
    "besten",
    "liebe",
    "lieben",
    "freundliche",
    "freundlichen",
    "thanks",
    "thank",
    "best",
    "kind",
    "warm",
    "regards",
    "cheers",
    "sincerely",
}

# public institutions and press offices name no person ("Hochschule Karlsruhe", "Pressestelle", "Press Office")
INSTITUTION_WORD_RE = re.compile(
    r"\b(?:(?:fach)?hochschule|universit(?:ät|aet|y)|institute?|fakultät|faculty|akademie|academy|college|"
    r"klinikum|ministerium|ministry|bundesamt|landesamt|behörde|pressestelle|pressebüro|presseabteilung|"
    r"press\s+office|press\s+team)\b",
    re.IGNORECASE,
)


def letters_key(text: str) -> str:
    """Letters and digits only, case folded: "Müller-Lüdenscheidt GmbH" == "müllerlüdenscheidtgmbh"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def is_acronym(name: str) -> bool:
    """One word of three or more capital letters ("OTS", "UNISA"): an organisation's short name, not a person's
    (initials come with dots or in lower case: "J.D.", "rw"; handles with digits: "2D3S3RT")."""
    return len(name) >= 3 and name.isalpha() and name.isupper()


# A job title in the name's place ("Marketing Coordinator", "Chief Executive Officer", "Jordan Nelson Marketing
# Coordinator" read across two lines): its last word is a role. Only role words that are no common surnames.
_ROLE_LAST_WORD_RE = re.compile(
    r"(?:coordinator|officer|engineer|developer|manager|director|designer|consultant|specialist|strategist|"
    r"analyst|architect|scientist|researcher|executive|president|founder|co-founder|cofounder|owner|assistant|"
    r"intern|editor|(?:geschäfts)?führer(?:in)?|leiter(?:in)?|berater(?:in)?|entwickler(?:in)?|referent(?:in)?|"
    r"managerin|direktor(?:in)?|koordinator(?:in)?|gründer(?:in)?|inhaber(?:in)?|vorstand|vorsitzende[r]?)",
    re.IGNORECASE,
)

_WORKING_GROUP_RE = re.compile(r"(?i:\bworking\s+group|\barbeitsgruppe|\barbeitskreis)$")


def is_person_name(name: str, site_names: set[str] = frozenset()) -> bool:
    """A person's (or a labelled editorial team's) name, not an organisation, a label or a sentence."""
    words = name.split()
    if not 1 <= len(words) <= 5 or len(name) > 60 or re.search(r"\d|[@:!?]", name):
        return False
    if EDITORIAL_RE.match(name) and len(words) <= 3:
        return True
    if _WORKING_GROUP_RE.search(name) and name[0].isupper():
        return True  # "Sustainable Fashion Working Group": people who write together, like an editorial team
    if not name[0].isupper() or name.casefold() in NOT_A_NAME or words[0].casefold() in NOT_A_NAME:
        return False
    if ORGANISATION_WORD_RE.search(name) or LEGAL_FORM_RE.search(name) or INSTITUTION_WORD_RE.search(name):
        return False
    if _ROLE_LAST_WORD_RE.fullmatch(words[-1].rstrip(".,")):
        return False
    if (len(words) >= 2 and name.isupper()) or is_acronym(name):  # "ESPORTS NETWORK", "OTS": a brand in capitals
        return False
    key = letters_key(name)
    if key in site_names or any(len(s) >= 4 and s in key for s in site_names):  # "Seatsurfing Team"
        return False
    return all(w[0].isupper() or w.lower() in ("von", "van", "de", "der", "zu", "vom", "di", "da", "le") for w in words)

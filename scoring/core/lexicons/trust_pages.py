"""Trust pages by anchor text and URL: privacy policy, contact, about / team and terms of use."""

from __future__ import annotations

import re

# The about page as a URL path segment, shared by scoring.pagetypes and the trust-pages check (pattern
# alternatives, no group): "Über uns" / "about us", "Über mich" / "about me", and the company's own page.
ABOUT_US_SLUG = r"(?:wir-)?(?:ueber|uber|über)-?uns|about(?:-?us)?"
ABOUT_ME_SLUG = r"(?:wir-)?(?:ueber|uber|über)-?mich|about-me"
COMPANY_SLUG = r"unternehmen|company|wer-wir-sind|who-we-are|wir"

# kind -> (anchor pattern matched against the whole normalised anchor or a part of it,
#          URL pattern matched against each path segment)
TRUST_PAGES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # Anchors and the page's own (last) path segment as a whole: a blog category "Datenschutz-Tipps" or
    # a post "Kontaktlinsen im Test" is no privacy or contact page.
    "privacy": (
        re.compile(
            r"^(?:datenschutz(?:erklärung|erklaerung|hinweise|richtlinie|bestimmungen)?|privacy(?: policy| notice| "
            r"statement)?|data protection(?: policy| notice)?|dsgvo|gdpr)$"
        ),
        re.compile(
            r"^(?:datenschutz(?:erklaerung|erklärung|hinweise|richtlinie|bestimmungen)?|privacy(?:-policy|-notice|"
            r"-statement)?|data-?protection(?:-policy|-notice)?|dsgvo|gdpr|privacypolicy)(?:\.\w{2,5})?$"
        ),
    ),
    "contact": (
        re.compile(r"^(?:kontakt(?:formular| (?:und )?anfahrt| aufnehmen)?|contact(?: us| form)?|get in touch)$"),
        re.compile(r"^(?:kontakt(?:-\w+)*|contact(?:-\w+)*|get-in-touch)(?:\.\w{2,5})?$"),
    ),
    "about": (
        # Short anchors only: "about" or "Unternehmen" inside a longer anchor means something else.
        re.compile(
            r"^(?:(?:wir )?(?:über|ueber|uber) (?:uns|mich)|about(?: us| me)?|(?:unser |das |our |the |meet the )?team|"
            r"(?:das |unser )?unternehmen|company|our company|wir|who we are|wer wir sind|our story|"
            r"unsere geschichte|(?:die |unsere |our |the )?(?:autoren|autorinnen|authors|redaktion)|editorial team)$"
        ),
        re.compile(
            rf"^(?:{ABOUT_US_SLUG}|{ABOUT_ME_SLUG}|(?:unser-|das-|our-)?team|das-unternehmen|{COMPANY_SLUG}|"
            r"our-story|autoren|authors|redaktion)(?:\.\w{2,5})?$"
        ),
    ),
}
TRUST_PAGES["terms"] = (  # English sites: terms of use / service (German sites: the Impressum check instead)
    re.compile(r"\b(?:terms(?: of (?:use|service|business))?|terms (?:and|&) conditions|t ?& ?cs?|agb)\b"),
    re.compile(r"^(?:terms(?:-\w+)*|tos|conditions|agb)(?:\.\w{2,5})?$"),
)
TRUST_PAGE_LABELS = {
    "privacy": "Privacy policy",
    "contact": "Contact page",
    "about": "About / team page",
    "terms": "Terms of use (English sites)",
}
ENGLISH_ONLY_TRUST_PAGES = ("terms",)

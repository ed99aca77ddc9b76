"""Quotation marks and the verbs that attribute a quotation to its speaker, German and English."""

from __future__ import annotations

import re

# Opening and closing marks, German first: German „…“ ends with the English opening mark “, so
# German pairs are matched (and masked) before English ones.
QUOTE_PAIRS = (
    ("„", "“”"),  # German double, closing “ (or a stray ”)
    ("‚", "‘’"),  # German single
    ("»", "«"),  # German guillemets
    ("«", "»"),  # French/Swiss guillemets
    ("“", "”"),  # English double
    ('"', '"'),  # straight double
)
OPENING_MARKS = "".join(opening for opening, _ in QUOTE_PAIRS)

# Verbs introducing or following a quotation, German and English (3rd person, present and past).
SPEECH_VERBS = (
    "sagt",
    "sagte",
    "erklärt",
    "erklärte",
    "betont",
    "betonte",
    "meint",
    "meinte",
    "ergänzt",
    "ergänzte",
    "rät",
    "riet",
    "warnt",
    "warnte",
    "berichtet",
    "berichtete",
    "erzählt",
    "erzählte",
    "unterstreicht",
    "unterstrich",
    "fasst zusammen",
    "fasste zusammen",
    "weiß",
    "findet",
    "fand",
    "resümiert",
    "resümierte",
    "beschreibt",
    "beschrieb",
    "empfiehlt",
    "empfahl",
    "erinnert sich",
    "laut",
    "zufolge",
    "says",
    "said",
    "explains",
    "explained",
    "notes",
    "noted",
    "adds",
    "added",
    "states",
    "stated",
    "told",
    "tells",
    "warns",
    "warned",
    "recalls",
    "recalled",
    "argues",
    "argued",
    "points out",
    "pointed out",
    "emphasises",
    "emphasizes",
    "emphasised",
    "emphasized",
    "stresses",
    "stressed",
    "recommends",
    "recommended",
    "according to",
    "writes",
    "wrote",
    "advises",
    "advised",
    "suggests",
    "suggested",
    "concludes",
    "concluded",
    "admits",
    "admitted",
    "fordert",
    "forderte",
    "mahnt",
    "mahnte",
    "gibt zu bedenken",
)
SPEECH_VERB = "(?:" + "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
# "…“, so Jana Albrecht." : "so" attributes only right after a quotation.
AFTER_QUOTE_ONLY_VERBS = ("so",)

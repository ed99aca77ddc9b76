"""Figures that describe how a thing is built or defined, not a fact about the world: electrical ratings
("Spannungen von 220 kV", "50 Hertz"), the ends of a scale ("zwischen 0 % und 100 %"), and the figures of a German
verb-first condition ("Sind die Mitglieder verbunden, reduziert sich der Preis um 57 %")."""

from __future__ import annotations

import re

# An electrical rating: volts, hertz, amperes ("110 kV", "400 bis 230 V", "50 Hertz", "3 GHz").
ELECTRICAL_UNIT_RE = re.compile(r"(?:[kmMG]?V|[kMG]?Hz|m?A|(?:Kilo|Milli)?(?:[Vv]olt|Hertz|Ampere)|[Vv]olts)")
# The first figure of a range in such a unit: "400 bis 230 V", "1 to 36 kV".
ELECTRICAL_RANGE_AFTER_RE = re.compile(
    r"^[ \t]*+(?:[–—-]|bis|to|and|und)[ \t]*+\d[\d.,]*+[ \t]?(?:[kmMG]?V|[kMG]?Hz|m?A)\b"
)
# The ends of a scale: "zwischen 0 % und 100 %", "from 0% to 100%", "0–100 %".
FULL_SCALE_RE = re.compile(
    r"(?<![\d.,])0[ \t]?%?[ \t]*+(?:[–—-]|bis|to|und|and)[ \t]*+100[ \t]?%", re.IGNORECASE
)
# A German condition by word order: the finite verb first, then the main clause's verb right after the comma
# ("Sind die Mitglieder verbunden, reduziert sich …", "Ist X erforderlich, so/dann …"), optionally after a label.
_V1 = (
    r"Ist|Sind|Liegt|Liegen|Fällt|Fallen|Steigt|Steigen|Sinkt|Sinken|Hat|Haben|Wird|Werden|Sollte|Sollten|Kommt|"
    r"Kommen|Gibt|Braucht|Beträgt|Übersteigt|Überschreitet|Unterschreitet"
)
_NOT_A_VERB = (
    r"und|oder|aber|die|der|das|den|dem|des|ein\w*|wie|wenn|wobei|was|wo|dass|sodass|da|weil|denn|doch|sondern|"
    r"sowie|jedoch|also|bzw|z|etwa|nicht|auch|nur|noch|bereits|sogar"
)
CONDITIONAL_V1_RE = re.compile(
    rf"^(?:[^\W\d_][\w-]{{0,30}}:[ \t]+)?(?:{_V1})\b[^?]*?(?:\b(?:so|dann)\b[^?]*$|,[ \t]+(?!(?:{_NOT_A_VERB})\b)"
    rf"[a-zäöüß]+(?:t|en)\b[^?]*$)"
)


def is_rating(unit: str, after: str) -> bool:
    """The figure is an electrical rating, or the first figure of a range of them."""
    return bool(ELECTRICAL_UNIT_RE.fullmatch(unit.strip())) or bool(ELECTRICAL_RANGE_AFTER_RE.match(after))

"""Signature lines of quotations (scoring.quote_attribution): a name line under a quotation ("— Name, Rolle",
"Jana Roe Geschäftsleitung acme.ch", "Francesco M."), a testimonial card that names its speaker above it, and a
document named after it ("so der Jahresbericht der Stadtwerke")."""

from __future__ import annotations

import re

from scoring import quote_rules as qr
from scoring.core import lexicons as lx
from scoring.quote_names import Names, plausible_name
from scoring.quote_speakers import speaker_after, speaker_before

SIGNATURE_LINE_RE = re.compile(
    rf"(?<![ \t])[ \t]*+(?:[—–-][ \t]*+)?(?P<name>{lx.NAME})[ \t]*(?P<rest>[,·|/(–—][^\n]{{0,120}})?$", re.MULTILINE
)

# A document after "so" or "laut" that a quotation is taken from: "„…“, so im Bericht des Statistik-Referats", a
# line "so der Jahresbericht der Stadtwerke" under a blockquote. The document is the source (docs/labelling.md).
_DOCUMENT_AFTER_RE = re.compile(
    rf"^[ \t,]*+(?:so|laut|heißt[ \t]+es)[ \t]+(?:(?:im|in[ \t]+der|in[ \t]+dem|aus[ \t]+dem|aus[ \t]+der|der|die|das)"
    rf"[ \t]+)?(?P<doc>(?=[{lx.UPPER}])[\w-]*?(?i:bericht|studie|gutachten|mitteilung|stellungnahme|beschluss|urteil|"
    rf"report|journal|analyse|auswertung)(?:[ \t]+(?:des|der|vom|von)[ \t]+[{lx.UPPER}][\w-]*+"
    rf"(?:[ \t]+(?:für[ \t]+)?[{lx.UPPER}][\w-]*+){{0,3}})?)"
)


def document_after(clause: str) -> str | None:
    match = _DOCUMENT_AFTER_RE.match(clause)
    return match.group("doc") if match else None


# A customer's signature with the surname's initial: "Francesco M.", "— Anna K., Hamburg".
_INITIALLED_SIGNATURE_RE = re.compile(
    rf"(?:[—–-][ \t]*+)?(?P<name>[{lx.UPPER}][{lx.LOWER}]+(?:-[{lx.UPPER}][{lx.LOWER}]+)?[ \t][{lx.UPPER}]\.)"
    r"(?:[ \t,(][^\n]{0,60})?"  # a place or the service after it: "Francesco M. Unfallgutachten — Stuttgart"
)


# A testimonial's date on a line of its own: "April 2016", "Mai 2016", "12.03.2019"
_DATE_LINE_RE = re.compile(
    rf"(?:\d{{1,2}}\.[ \t]?)?(?i:{'|'.join((*lx.ENGLISH_MONTHS, *lx.GERMAN_MONTHS))})\.?[ \t]++\d{{4}}|"
    r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})"
)

# A card's signature that prints the role right after the name, without a comma: "Jana Roe Geschäftsleitung
# acme.ch", "Sam Reber Stv. Leiter Digital", "Jo Roe Head of Sales, Acme".
_ROLE_SIGNATURE_RE = re.compile(
    rf"(?P<name>{lx.CAP_WORD}[ \t]++{lx.CAP_WORD})[ \t]++(?P<rest>(?:{lx.ROLE_WORD}|Geschäftsleitung|Geschäftsführung|"
    rf"Vorstand|Vorsitzender?|Leiter(?:in)?|Inhaber(?:in)?|Stv\.|Head|Director|Managing|Manager|Founder|Co-[Ff]ounder|"
    rf"Owner|Partner|Chief|President|{'|'.join(sorted(qr.ROLE_ACRONYMS))})(?![\w-])[^\n]{{0,120}})"
)


# The sentence under a quotation that stands alone refers back to it: "With this statement, the head of the
# authority, Michalis Bletsas, highlighted …", "Mit diesen Worten eröffnete Bürgermeister Hans Roe …".
_BACK_REFERENCE_RE = re.compile(
    r"(?<![\w-])(?i:with[ \t]++(?:this|that|these|those)[ \t]++(?:statement|words|remark|comment|quote)s?|"
    r"mit[ \t]++(?:diesen|dieser|diesem|den)[ \t]++(?:worten|aussage|satz|sätzen|statement|zitat))(?![\w-])[ \t,]*+"
)


BACK_REFERENCE_CHARS = 240


def referring_sentence(text: str, start: int, end: int, names: Names) -> tuple[str, int] | None:
    """The quotation alone on its line, the next sentence opening with a reference back to it: its subject spoke."""
    line_end = text.find("\n", end)
    if (
        line_end < 0
        or text[end:line_end].strip(' \t.,!?”“"«»')
        or text[text.rfind("\n", 0, start) + 1 : start].strip(' \t—–-„“”"«»')
    ):
        return None
    opener = _BACK_REFERENCE_RE.match(text, line_end + 1)
    if opener is None:
        return None
    stop = text.find("\n", opener.end())
    stop = min(len(text) if stop < 0 else stop, opener.end() + BACK_REFERENCE_CHARS)  # its paragraph's opening
    speaker = speaker_before(text[opener.end() : stop], names, stop)
    return (speaker, stop) if speaker else None


# A card's avatar: the speaker's initials on a line of their own between the quotation and the name.
_AVATAR_LINE_RE = re.compile(rf"[{lx.UPPER}]{{1,3}}")
# A role set in its own element right after the name, with no space between them in the text.
_GLUED_ROLE_RE = re.compile(
    rf"(?<=[{lx.LOWER}])(?=(?:(?:Geschäftsführer|Gründer|Inhaber|Leiter)(?:in)?|Vorstand|CEO|CTO|COO|CMO|CFO|Founder|"
    r"Co-Founder|Head|Director|Managing|Owner)(?![a-z]))"
)
# A first and last name glued to the company set in the next element: "Gert ZaunbauerPutz & Stingl Events".
_GLUED_NAME_RE = re.compile(
    rf"^([{lx.UPPER}][{lx.LOWER}]+[ \t]++[{lx.UPPER}][{lx.LOWER}]{{3,}})(?=[{lx.UPPER}][{lx.LOWER}])"
)


def line_after(text: str, start: int, end: int, names: Names) -> tuple[str, int] | None:
    """A signature under the quotation: a name line ("Sylvie Ouziel", "— Bas Westerbaan",
    "Andreas Cofalla, Application Manager IT, Walbusch GmbH")."""
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip(' \t.,!?”“"«»'):
        return None
    next_end = text.find("\n", line_end + 1)
    next_end = len(text) if next_end < 0 else next_end
    line = text[line_end + 1 : next_end]
    for skipped in (_AVATAR_LINE_RE, _DATE_LINE_RE):  # "RM" (an avatar's initials), "April 2016" before the name
        if skipped.fullmatch(line.strip()) and next_end < len(text):
            line_end, next_end = next_end, text.find("\n", next_end + 1)
            next_end = len(text) if next_end < 0 else next_end
            line = text[line_end + 1 : next_end]
    line = _GLUED_ROLE_RE.sub(" ", line)  # "Raphael MatschiGeschäftsführer · RINK": name and role in two elements
    line = _GLUED_NAME_RE.sub(r"\1, ", line, count=1)
    if len(line.split()) > 16:
        return None
    match = _ROLE_SIGNATURE_RE.fullmatch(line.strip()) or SIGNATURE_LINE_RE.fullmatch(line)
    if match:
        name = lx.clean_name(match.group("name"))
        quote_line = text.rfind("\n", 0, start) + 1
        label = text[quote_line:start].strip(" \t—–-")
        whole_line = not label or label.endswith(":") and len(label.split()) <= 2  # "Motto: „…“"

        if (
            whole_line
            and plausible_name(match.group("name"))
            and not qr.ORG_WORD_RE.fullmatch(name.split()[-1])
            and line.strip() not in names.headings  # "„Der Kopf ist rund …“" over the article's title
        ):
            return name, next_end
    initialled = _INITIALLED_SIGNATURE_RE.fullmatch(line.strip())
    if initialled and not text[text.rfind("\n", 0, start) + 1 : start].strip(' \t—–-„“”"«»'):
        return initialled.group("name"), next_end  # a testimonial signed "Francesco M." under its own line
    document = document_after(line)
    if document:
        return document, next_end
    dash = re.match(r"[ \t]*+[—–][ \t]*+(?P<sig>\S.{0,90})$", line)
    if dash:
        found = speaker_after(dash.group("sig"), names, line_end + 1, budget=4)
        if found:
            return found, next_end
        sig = dash.group("sig").strip()
        if qr.HANDLE_RE.match(sig) and "(" in sig:
            return sig, next_end
    return None


_SEPARATOR_LINE_RE = re.compile(r"[ \t|·•–—-]*+")
_BYLINE_START_RE = re.compile(r"(?i:by|von|posted|written)[ \t]")
_BARE_NAME_LINE_RE = re.compile(rf"[{lx.UPPER}][\w’'-]*+(?:[ \t][{lx.UPPER}][\w’'.-]*+){{0,2}}")


def card_heading(text: str, start: int, end: int, names: Names) -> tuple[str, int] | None:
    """A testimonial card that names its speaker above the quotation ("Luka P., Hygienemitarbeiter", "Jana Roe,
    CEO of Acme"): only for a quotation standing as a line of its own that no name line follows (cards signed
    below would hand each quotation the previous card's name)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[text.rfind("\n", 0, start) + 1 : start].strip(" \t") or text[end:line_end].strip(' \t.,!?”“"«»'):
        return None
    after = text[line_end + 1 :].partition("\n")[0]
    if lx.NAME_RE.match(after.strip()):
        return None
    cursor = text.rfind("\n", 0, start)
    for _ in range(2):  # a separator line ("|") may stand between
        if cursor <= 0:
            return None
        line_start = text.rfind("\n", 0, cursor) + 1
        line = text[line_start:cursor].strip()
        if not _SEPARATOR_LINE_RE.fullmatch(line):
            break
        cursor = line_start - 1
    else:
        return None
    above = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)].strip()
    if len(line.split()) > 12 or _BYLINE_START_RE.match(line) or _BARE_NAME_LINE_RE.fullmatch(above):
        return None  # a post's byline; the role line of a card signed "Jowanza ¶ Data Practitioner" below
    initialled = _INITIALLED_SIGNATURE_RE.fullmatch(line)
    if initialled and "," in line[initialled.end("name") : initialled.end("name") + 2]:
        return initialled.group("name"), line_start
    match = _ROLE_SIGNATURE_RE.fullmatch(line) or SIGNATURE_LINE_RE.fullmatch(line)
    if match and match.groupdict().get("rest") and plausible_name(match.group("name")):
        name = lx.clean_name(match.group("name"))
        return (name, line_start) if names.person(name) else None
    return None


SIGNATURE_CHARS = 160  # where a card's signature stands under its quotation


def signed_only(text: str, start: int, end: int, speaker: str | None) -> bool:
    """The quotation text[start:end] names its speaker only on a line of their own under it (a testimonial card's
    "Gert Roe, ACME"): the speaker says the words, but no sentence names the source of a figure in them."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text.rfind("\n", 0, max(0, line_start - 1)) + 1  # the line that introduces it ("X betonte:")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    under = "\n".join(text[line_end : line_end + SIGNATURE_CHARS].split("\n")[:3])  # the avatar line, then the name
    surname = speaker.split()[-1] if speaker else ""
    return bool(surname) and surname in under and surname not in text[before:line_end]

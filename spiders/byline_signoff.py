"""Writers named where a template's byline slot is free text, or at the end of the text (used by
spiders.extract_byline):

- a quoted author slot ('Geposted von "Jo Roe, ACME" am 3.4.2022'): the writer types whatever he likes
  there, mostly a group ("BUND Göttingen", "Kidical Mass"), so only a person's unmistakable forms count: an
  initial glued to a surname ("M.Beispiel", "U. Muster"), or a full name with the organisation's abbreviation
  after it ("Jo Roe, GöKB", "Jo Roe (ACME)") that the page names again;
- a letter's or campaign e-mail's sign-off: a closing line ("For the Internet,", "Sincerely,", "Onward,",
  "Mit freundlichen Grüßen") and under it the signers, first names too ("-Evan at ACME", "Kevin, Holmes,
  and Tiff"), followed by nothing but the organisation's line, a postscript ("P.S. …") and the sources;
- an end signature: a paragraph holding only the writer's name ("Jo Roe", "U.Muster (ACME)", "Jo Roe,
  ACME") after the text's last paragraph, followed by nothing but references, footnotes or a postscript;
- a post's closing meta line: the last text of its <article>, a date and a name ("- 25. July 2017 :: Jo Roe");
- an authors block after the text: a label ("Authors", "Über die Autorinnen") and one short biography per writer
  that opens with the bold name ("<strong>Jo Roe</strong> is a research analyst at …").
"""

from __future__ import annotations

import re

from lxml import etree

from scoring.core.lexicons import CAP_WORD, LOWER, NAME, UPPER, is_person_name
from spiders.byline_lines import full_name
from spiders.document import HtmlTree

# "M.Schüssler", "U. Muster": an initial and a surname (NAME wants two written-out words)
INITIAL_SURNAME = re.compile(rf"^[{UPPER}]\.\s?{CAP_WORD}")
# an organisation's abbreviation: "GöKB", "BUND", "BfnS", "XR" — one short word with two capitals or more
_ACRONYM = re.compile(rf"^(?=(?:[{LOWER}\d&-]*+[{UPPER}]){{2}})[{UPPER}][{UPPER}{LOWER}\d&-]{{1,7}}")
# a name and maybe its organisation: "Jo Roe (ACME)", "Jo Roe, ACME", "U.Muster"
_NAME_WITH_ORG = re.compile(
    rf"^(?P<name>{NAME}|[{UPPER}]\.\s?{CAP_WORD})(?:\s?\((?P<paren>[^()]{{1,40}})\)|,\s?(?P<after>[^,]{{1,40}}))?,?"
)
_QUOTES = frozenset("\"'„“”‚‘’»«")
MAX_SLOT = 80
_SLOT_ITEMS = re.compile(r"(?<!\s)\s*+[,;]\s*+")
_SLOT_AND = re.compile(r"\s(?:und|and|&)\s")
MAX_SLOT_NAME_WORDS = 3


def quoted_slot(rest: str) -> str | None:
    """The text inside the quotation marks that open `rest`: '" Jo Roe, ACME " am 3.4.2022' -> 'Jo Roe, ACME'."""
    if not rest or rest[0] not in _QUOTES:
        return None
    for at in range(1, min(len(rest), MAX_SLOT + 2)):
        if rest[at] in _QUOTES:
            return rest[1:at].strip() or None
    return None


def _signed_name(text: str, need_org: bool) -> str | None:
    """The person in "Jo Roe", "Jo Roe, ACME", "U.Muster (ACME)"; an organisation after the name must be an
    abbreviation. With `need_org`, a written-out name counts only with such an abbreviation after it."""
    matched = _NAME_WITH_ORG.fullmatch(text.strip())
    if matched is None:
        return None
    name, org = matched.group("name"), matched.group("paren") or matched.group("after")
    if org is not None and not _ACRONYM.fullmatch(org.strip()):
        return None
    if INITIAL_SURNAME.fullmatch(name):
        return name if is_person_name(name) else None
    if need_org and org is None:
        return None
    return name if full_name(name) else None


def quoted_slot_names(slot: str, page_text: str = "") -> list[str]:
    """The persons in a quoted author slot: 'GöKB, U. Muster' -> ['U. Muster'], 'Kidical Mass', 'Stadt Göttingen',
    'BUND' -> []. A written-out name with its organisation's abbreviation ('Jo Roe, GöKB', 'Jo Roe (GöKB)') counts
    where the page names that person again (`page_text`, the slot's own words included): "Ortsrat Beispielberg,
    BUND" reads like one too."""
    items = [item.strip() for item in _SLOT_ITEMS.split(slot) if item.strip()]
    names = []
    for at, item in enumerate(items):
        for part in _SLOT_AND.split(item):  # "GöKB und U.Muster"
            if INITIAL_SURNAME.match(part):
                name = _signed_name(part, need_org=False)
                names.extend([name] if name else [])
        following = items[at + 1] if at + 1 < len(items) else ""
        if INITIAL_SURNAME.match(item) or _SLOT_AND.search(item):
            continue
        name = _signed_name(f"{item}, {following}" if _ACRONYM.fullmatch(following) else item, need_org=True)
        if name and len(name.split()) <= MAX_SLOT_NAME_WORDS and page_text.count(name) >= 2:
            names.append(name)
    return names


# --- a letter's sign-off -------------------------------------------------------------------------------------

# the closing line, the whole line: a formula, or "For <what we stand for>," ("For the Internet,", "For freedom
# online and off,") — the latter only with its comma
_CLOSING_LINE = re.compile(
    r"^(?:(?i:mit\s++freundlichen\s++grüßen|(?:viele|herzliche|liebe|beste|schöne)\s++grüße|"
    r"(?:best|kind|warm)\s++regards|yours\s++sincerely|sincerely|best\s++wishes|onward|in\s++solidarity|"
    r"with\s++love|cheers|thanks|thank\s++you)\s*+[,.!]?"
    r"|(?:For|Für)(?:\s++[\w’'-]++){1,5},)"
)
# the signers end where their organisation or a remark begins: "-Evan at ACME, with love from the team",
# "Holmes Wilson (and the entire team)", "Jo Roe für den Verein"
_SIGNERS_END = re.compile(r"(?<!\s)\s++(?:at|for|für|of|from|with|im\s++namen)\s|(?<!\s)\s*+\(|,\s*+with\s")
_SIGNER_SPLIT = re.compile(r"(?<!\s)\s*+,\s*+(?:(?:and|und|&)\s++)?|(?<!\s)\s++(?:and|und|&)\s++")
# "the whole team", "Euer Vorstand", "das Team": a group signs, not a person
_GROUP = re.compile(r"^(?i:the|our|your|yours|all|euer|eure|dein|deine|ihr|ihre|unser|unsere|das|die|team)\b")
_GROUP_WORD = re.compile(r"(?i:\b(?:team|euer|eure|unser|unsere|your|our)\b)")
# a first name alone: one capitalised word, maybe hyphenated, no inner capital ("GöttingenZero" is a group's)
_FIRST_NAME = re.compile(rf"^[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?")
MAX_SIGNER_LINE = 120
MAX_ORG_LINE_WORDS = 6  # the organisation's line under the names: "Fight for the Future", "für den Verein"
# what may follow a letter's end: a postscript, the sources, a footnote, a rule
_POSTSCRIPT = re.compile(
    r"^\W*+(?:p\.?\s?p\.?\s?s\b|p\.?\s?s\b|\[\d{1,3}\]|(?:sources|quellen|references|referenzen|literatur|"
    r"footnotes|fußnoten|anmerkungen|notes)\b)",
    re.IGNORECASE,
)
# a line after a letter that points to it elsewhere: its download, where it was published too
_POINTER = re.compile(
    r"(?i:herunterladen|download|\bpdf\b|ebenfalls\s++veröffentlicht|also\s++published|nachzulesen|read\s++it\s++(?:at|on))"
)
# a block of footnotes or references: "<section class=footnotes role=doc-endnotes>", "<ol class=references>"
_NOTES_BLOCK = re.compile(r"(?i:foot-?notes?|end-?notes?|references|quellen|sources|fussnoten|fußnoten)")
_SENTENCE_END = re.compile(r"[.!?…]\W{0,3}$")
_LEGAL_FORM_END = re.compile(r"(?<![\w-])(?:e\.\s?V\.|Inc\.|Ltd\.|Co\.|a\.\s?D\.)$")
_LIST_OR_QUOTE = etree.XPath("boolean(ancestor::li or ancestor::blockquote or ancestor::figure or ancestor::table)")


def lines_of(element: HtmlTree) -> list[str]:
    """The element's lines as shown: split where a <br> breaks it, spaces collapsed."""
    return [" ".join(line.split()) for line in _ordered_text(element).split("\n") if line.strip()]


def _ordered_text(element: HtmlTree) -> str:
    parts: list[str] = []

    def walk(node: HtmlTree) -> None:
        if node.tag == "br":
            parts.append("\n")
        elif isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(element)
    return "".join(parts)


def signer_names(line: str) -> list[str]:
    """The signers a line under a closing names: "-Evan at ACME, with love" -> ["Evan"], "Kevin, Holmes, Evan,
    and Tiff" -> all four, "Jo Roe (and the entire team)" -> ["Jo Roe"]; [] when any item is no name."""
    line = line.lstrip("-–—~ ").strip()
    if not line or len(line) > MAX_SIGNER_LINE:
        return []
    end = _SIGNERS_END.search(line)
    head = line[: end.start()] if end else line
    names = []
    for item in (part.strip(" .") for part in _SIGNER_SPLIT.split(head)):
        if not item or _GROUP.match(item):
            continue  # "the FFTF team"
        if not (_FIRST_NAME.fullmatch(item) or full_name(item) or INITIAL_SURNAME.fullmatch(item)):
            return []
        if not is_person_name(item):
            return []
        names.append(item)
    return names


def _text_of(element: HtmlTree) -> str:
    return " ".join(element.text_content().split())


def _tokens(element: HtmlTree) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"


def _only_links(element: HtmlTree) -> bool:
    """All the element's text sits in links (a pager, a list of links): no prose."""
    linked = sum(len(_text_of(a)) for a in element.iter("a"))
    return linked >= len(_text_of(element)) > 0


def _set_bold(element: HtmlTree) -> bool:
    """All the element's text is bold: a subheading set as a paragraph."""
    bold = sum(len(_text_of(b)) for b in element.iter("strong", "b"))
    return bold >= len(_text_of(element)) > 0


def _tail_is_end(lines: list[str], following: list[HtmlTree], skip_org: bool = True) -> bool:
    """What comes after a signature is the letter's end: up to two short lines of the organisation (no
    sentence), then nothing but a postscript, the sources, footnotes or rules. `lines` are those left in the
    signature's own block, `following` the blocks after it (chrome and link lists already left out)."""
    blocks: list[tuple[HtmlTree | None, str]] = [
        *((None, line) for line in lines),
        *((e, _text_of(e)) for e in following),
    ]
    org_lines = 0
    for element, text in blocks:
        if not re.search(r"\w", text):
            continue
        if _POSTSCRIPT.match(text) or element is not None and _NOTES_BLOCK.search(_tokens(element)):
            return True  # whatever follows a postscript or the sources belongs to them
        if element is not None and _POINTER.search(text) and element.find(".//a") is not None:
            continue  # "Hier können Sie den offenen Brief herunterladen: Download": where the letter is, not its text
        sentence = _SENTENCE_END.search(text) is not None and not _LEGAL_FORM_END.search(text)  # "… e. V." is a name
        if skip_org and org_lines < 2 and len(text.split()) <= MAX_ORG_LINE_WORDS and not sentence:
            org_lines += 1
            continue
        return False
    return True


def _following_blocks(element: HtmlTree, own: object) -> list[HtmlTree]:
    """The element's later siblings that hold text of the page's own (not chrome, not a list of links)."""
    return [
        e for e in element.itersiblings() if isinstance(e.tag, str) and _text_of(e) and own(e) and not _only_links(e)
    ]


def letter_signers(paragraph: HtmlTree, own: object) -> list[str]:
    """The signers of a letter whose closing line stands in `paragraph` (the names under it in the same
    paragraph or the next one), when nothing but the organisation, a postscript or sources follows.
    `own(element)`: the element is the page's own content."""
    if _LIST_OR_QUOTE(paragraph):
        return []
    lines = lines_of(paragraph)
    for at, line in enumerate(lines):
        if not _CLOSING_LINE.fullmatch(line):
            continue
        rest, following = lines[at + 1 :], _following_blocks(paragraph, own)
        if not rest:  # "<p>For the Internet,</p><p>Kevin, Holmes, and Tiff</p>"
            if not following or following[0].tag != "p" or following[0] is not paragraph.getnext():
                return []
            rest, following = lines_of(following[0]), following[1:]
        names = signer_names(rest[0])
        if names and _tail_is_end(rest[1:], following):
            return names
        return []
    return []


# --- a signature at the end ----------------------------------------------------------------------------------

MIN_TEXT_BEFORE = 2  # paragraphs of prose before a signature
MIN_PROSE_WORDS = 12
MAX_SIGNATURE = 60


MAX_FUNCTION_WORDS = 6


def _name_over_function(lines: list[str]) -> str | None:
    """A letter's signature block: the name on its line, its function or organisation on the next one or two
    ("Hinrich Pich," / "Landeselternkonferenz NRW"); no address or phone number (digits), no sentence."""
    if not 2 <= len(lines) <= 3 or any(re.search(r"\d|[.!?]$", line) for line in lines[1:]):
        return None
    name = lines[0].rstrip(" ,")
    if not full_name(name) or any(len(line.split()) > MAX_FUNCTION_WORDS for line in lines[1:]):
        return None
    return name


def end_signature(paragraph: HtmlTree, own: object) -> str | None:
    """The writer's name when `paragraph` holds only it ("Jo Roe", "U.Muster (ACME)", "Jo Roe, ACME") and
    stands after the text's last paragraph: two paragraphs of prose before it, the one right before ending
    a sentence (not "Ihre Ansprechpartnerin:"), nothing but references, footnotes or a postscript after."""
    text = _text_of(paragraph)
    if not text or len(text) > MAX_SIGNATURE or _LIST_OR_QUOTE(paragraph):
        return None
    name = _signed_name(text, need_org=False) or _name_over_function(lines_of(paragraph))
    if name is None or _GROUP_WORD.search(name) or paragraph.find(".//a") is not None or _set_bold(paragraph):
        return None  # "Hier der <a>Downloadlink</a>", "<p><strong>Jo Roe</strong></p>", "Euer Team": a link, a heading
    before = [e for e in paragraph.itersiblings(preceding=True) if isinstance(e.tag, str) and _text_of(e)]
    last = _text_of(before[0]) if before else ""
    if not before or before[0].tag != "p" or len(last.split()) < MIN_PROSE_WORDS or not _SENTENCE_END.search(last):
        return None
    if last[0] in _QUOTES:
        return None  # '<p>"A book for every reader."</p><p>Jo Roe</p>': the name says who said it
    prose = [e for e in before if e.tag == "p" and len(_text_of(e).split()) >= MIN_PROSE_WORDS]
    if len(prose) < MIN_TEXT_BEFORE:
        return None
    if any(e.tag == "p" and _signed_name(_text_of(e), need_org=False) for e in before):
        return None  # names under several paragraphs: who recommends or says each, no signature
    return name if _tail_is_end([], _following_blocks(paragraph, own), skip_org=False) else None


# --- a closing meta line -----------------------------------------------------------------------------------------

# "- 25. July 2017 :: Dr. Jo Roe", "Jo Roe | 03.04.2024": a date and a name, the post's last line
_META_SPLIT = re.compile(r"(?<!\s)\s*+(?:::|[|·•]|\s[–—-]\s)\s*+")
_NAME_ITEM = re.compile(rf"^{NAME}$")
MAX_META_LINE = 80


def closing_meta_name(element: HtmlTree, date_item: re.Pattern) -> str | None:
    """The writer on a post's closing meta line: the last text of its <article>, a date and a person's name
    and nothing else ("<small>- 25. July 2017 :: Dr. Jo Roe</small>" -> "Dr. Jo Roe")."""
    text = _text_of(element).lstrip("-–—~ ")
    if not text or len(text) > MAX_META_LINE or _LIST_OR_QUOTE(element):
        return None
    items = [item.strip(" .") for item in _META_SPLIT.split(text)]
    dates = [item for item in items if date_item.fullmatch(item)]
    names = [item for item in items if item not in dates]
    if len(items) != 2 or len(dates) != 1 or not _NAME_ITEM.match(names[0]) or not is_person_name(names[0]):
        return None
    node = element
    while node is not None and node.tag != "article":  # nothing with text after it in its <article>
        if any(
            isinstance(after.tag, str) and _text_of(after) or (after.tail or "").strip()
            for after in node.itersiblings()
        ):
            return None
        node = node.getparent()
    return names[0] if node is not None else None


# --- an authors block ----------------------------------------------------------------------------------------------

_AUTHORS_LABEL = re.compile(r"(?i:(?:about\s+the\s+)?authors?|(?:über\s+(?:die|den)\s+)?autor(?:en|innen|in)?)\s*+:?")
_AUTHORS_LABELS = etree.XPath(
    "//body//*[self::p or self::h2 or self::h3 or self::h4][not(ancestor::blockquote)][string-length(normalize-space())"
    " < 30]"
)
# what follows the bold name in a biography: a verb or the role after a comma ("is a", "ist", "has", ", PhD,")
_BIO_AFTER_NAME = re.compile(rf"^\s*+(?:[,(]|[{LOWER}])")


def author_bios(tree: HtmlTree, own: object) -> list[tuple[HtmlTree, list[str]]]:
    """The writers an authors block names: the names listed in the paragraph right after its label, or the bold
    names that open the paragraphs after it."""
    found = []
    for label in _AUTHORS_LABELS(tree):
        if not _AUTHORS_LABEL.fullmatch(_text_of(label)) or not own(label):
            continue
        listed = next((e for e in label.itersiblings() if isinstance(e.tag, str)), None)
        if listed is not None and listed.tag == "p":  # "Authors" over "Jo Roe, Prof. Ann Muster, Li Wu"
            parts = [p.strip() for p in _SIGNER_SPLIT.split(_text_of(listed))]
            if " " in _text_of(listed) and all(" " in p and is_person_name(p) for p in parts):
                found.append((label, parts))
                continue
        names = []
        for bio in label.itersiblings():
            if not isinstance(bio.tag, str):
                continue
            first = next((c for c in bio if isinstance(c.tag, str)), None)
            if bio.tag != "p" or first is None or first.tag not in ("strong", "b") or (bio.text or "").strip():
                break
            name = _text_of(first)
            if not is_person_name(name) or not _BIO_AFTER_NAME.match(first.tail or ""):
                break
            names.append(name)
        if names:
            found.append((label, names))
    return found

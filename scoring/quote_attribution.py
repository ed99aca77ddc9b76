"""Where a quotation's attribution stands (scoring.checks.attributed_quotes): after the closing mark in
the same sentence („…“, sagt X / "…," said X / „…“ (Quelle: …)), before the opening mark (X betonte: „…“ /
laut X „…“), on an introducing line ("Statement von X, Firma:") or on a signature line under it
("— Name, Rolle": scoring/quote_signatures.py). Who the words there name: scoring/quote_speakers.py.
"""

from __future__ import annotations

import re

from scoring import quote_rules as qr
from scoring.core import lexicons as lx
from scoring.core.text import ABBREVIATIONS, words
from scoring.quote_names import Names, plausible_name
from scoring.quote_signatures import card_heading, document_after, line_after, referring_sentence
from scoring.quote_speakers import (
    CONJUNCTION_START,
    TOKEN_RE,
    from_clause,
    speaker_after,
    speaker_before,
    speech_verbs,
)

WINDOW = 160  # characters after a quotation searched for its attribution

_UPPER, _LOWER = lx.UPPER, lx.LOWER
_SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|$)|\n")
# German inversion after a quotation: „…“, zieht die Initiative Bilanz. The first word after the
# comma is the verb unless it opens a relative or subordinate clause.
_NOT_VERB = frozenset(
    "das die der den dem des was wie wenn weil dass daß und oder aber denn also sondern doch da dann so "
    "wo welche welcher welches ein eine einer the a an and or but which who that this when where".split()
)


# "In the words of X", "in den Worten von X", "mit den Worten X'": the name after the phrase speaks.
_WORDS_OF_RE = re.compile(
    rf"(?<![\w-])(?i:in[ \t]+the[ \t]+words[ \t]+of|in[ \t]+den[ \t]+worten[ \t]+von|mit[ \t]+den[ \t]+worten"
    rf"(?:[ \t]+von)?)[ \t]+(?P<n>{lx.NAME})"
)


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


def end_of_sentence(text: str, pos: int, ceiling: int) -> int:
    """End of the sentence that goes on at text[pos]; `ceiling` when none ends before it."""
    for match in _SENTENCE_END_RE.finditer(text, pos, ceiling):
        if _is_end(text, match):
            return match.end()
    return ceiling


def _source_name(paren: str) -> str:
    """ "(Quelle: https://www.ippnw.de/…)" -> "ippnw.de"; "(§31-42, StrlSchV)" stays."""
    inner = re.sub(r"^(?i:quelle|source|via|aus|from|nach|vgl\.|cf\.)\s*:?\s*", "", paren.strip(" ()"))
    host = re.match(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,10})(?:/\S*)?$", inner)
    return host.group(1) if host else inner


# A name (and its role or institution) closing the quotation's own line, no dash: a statement's signature.
_CLOSING_SIGNATURE_RE = re.compile(rf"(?<![ \t])[ \t]++(?P<n>{lx.NAME}),?(?:[ \t]++[^\n]{{0,100}})?")
SIGNED_QUOTE_MIN_WORDS = 8


def _signature_name(name: str) -> bool:
    return plausible_name(name) and not qr.ORG_WORD_RE.fullmatch(name.split()[-1])


AUTHOR_YEAR_MIN_WORDS = 5  # a quoted term with its reference is a term, a quoted statement has a verb and more words


# A name whose given names are initials, closing the line after a dash: "T.J. Sayers", "J. K. Rowling, author".
_INITIALLED_NAME_RE = re.compile(
    rf"(?P<n>(?:[{_UPPER}]\.[ \t]?){{1,3}}[ \t]?{lx.CAP_WORD})[ \t]*+(?:[,(][^\n]{{0,80}})?[ \t]*+"
)


def _trailing(
    text: str,
    end: int,
    ceiling: int,
    starts_sentence: bool,
    names: Names,
    words_in_quote: int = 0,
    opens_line: bool = False,
) -> tuple[str, int] | None:
    """Attribution after the closing mark, in the same sentence (or a signature on the line)."""
    stop = min(end + WINDOW, ceiling)
    line_end = text.find("\n", end)
    line_end = stop if line_end < 0 else min(line_end, stop)
    clause_from = end
    if text[end:line_end].strip(' \t”“"«»') == "," and text.startswith("\n", line_end):
        # „…“,\nfreut sich Jo Roe, …: a blockquote's sentence goes on in the paragraph under it
        clause_from = line_end + 1
        next_end = text.find("\n", clause_from)
        line_end = min(len(text) if next_end < 0 else next_end, clause_from + WINDOW)
    rest = text[end:line_end]
    source = qr.PAREN_SOURCE_RE.match(rest)
    if source:
        return _source_name(source.group(0)), end + source.end()
    work = qr.AUTHOR_YEAR_RE.match(rest)
    if work and words_in_quote >= AUTHOR_YEAR_MIN_WORDS:  # "„zero-level digital divide“ (Berg 2022)": a term
        return work.group("authors"), end + work.end()
    signed = re.match(rf"\s*\((?P<n>{lx.NAME}|[{_UPPER}][{_LOWER}]{{3,}})\)\s*[.!]?\s*$", rest)
    if signed and (line_end == stop or text[line_end : line_end + 1] == "\n"):
        return lx.clean_name(signed.group("n")), end + signed.end()  # „…“ (Augustinus)
    named = re.match(rf"\s*\((?P<n>{lx.NAME})\)", rest)  # „…“ (Prof. Carstensen) das nur …: a person, mid-sentence
    if named and names.person(lx.clean_name(named.group("n"))):
        return lx.clean_name(named.group("n")), end + named.end()
    dash = re.match(r"\s*+[—–]\s*", rest)
    if dash:
        first = re.match(r"[\w’'-]+", rest[dash.end() :])
        if first and first.group(0).lower() in CONJUNCTION_START | _NOT_VERB:
            return None
        found = speaker_after(rest[dash.end() :], names, end + dash.end(), budget=3)
        if found:
            return found, line_end
        initialled = _INITIALLED_NAME_RE.fullmatch(rest, dash.end())  # "“…” – T.J. Sayers"
        if initialled:
            return initialled.group("n"), line_end
        handle = qr.HANDLE_RE.match(rest[dash.end() :].strip())
        if handle and rest[dash.end() :].strip().split()[0][:1].isalpha() and "(" in rest:
            return rest[dash.end() :].strip(), line_end
        return None
    hyphen = re.match(rf"\s+-\s+(?P<name>{lx.NAME})", rest)
    if hyphen:
        return lx.clean_name(hyphen.group("name")), end + hyphen.end()
    closing = _CLOSING_SIGNATURE_RE.fullmatch(rest)  # "“…” Hanno Würbel, Animal Welfare, University of Bern"
    if closing and opens_line and words_in_quote >= SIGNED_QUOTE_MIN_WORDS and _signature_name(closing["n"]):
        return lx.clean_name(closing.group("n")), end + closing.end()
    clause_end = end_of_sentence(text, clause_from, line_end)
    clause = text[end:clause_end]
    so = qr.SO_RE.match(clause)
    if so:
        found = speaker_after(clause[so.end() :], names, end + so.end()) or document_after(clause)
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
    later = speech_verbs(body[:90])
    if later and starts_sentence:
        found = speaker_before(body[: later[0].start()], names, end + opening.end() + later[0].start())
        if found is not None:
            return found, clause_end
    return None


def _separated_speaker(clause: str, names: Names, begin: int) -> str | None:
    """The subject of a German separable speech verb: "das Umweltbundesamt … stellt jedenfalls nüchtern fest:",
    "Die BaFin führt in einem Merkblatt wie folgt aus:"."""
    separated = qr.SEPARATED_VERB_RE.search(clause)
    if separated is None:
        return None
    found = speaker_before(clause[: separated.start()], names, begin + separated.start())
    if found is None:  # "Darauf macht die Vorsitzende Daniela Kolbe … aufmerksam:": the subject after the verb
        verb_end = separated.start() + len(separated.group(0).split()[0])
        found = speaker_after(clause[verb_end:], names, begin + verb_end, budget=4)
    return found


MAX_QUESTION_WORDS = 10


def _asked_speaker(text: str, end: int, floor: int, names: Names) -> tuple[str, int] | None:
    """A short question right before the quotation that asks what someone says: "Was sagt Zimmer zum Thema
    Wachstum? „…“", "What does the minister say? “…”"."""
    question = text[floor:end].rstrip()
    if not question.endswith("?") or "\n" in text[floor + len(question) : end]:
        return None
    begin = _clause_start(text, floor + len(question) - 1, floor)
    clause = text[begin : floor + len(question)]
    if len(clause.split()) > MAX_QUESTION_WORDS or not qr.SPEECH_VERB_RE.search(clause):
        return None
    found = from_clause(clause, names, begin, after_first=True)
    return (found, begin) if found else None


def _leading(text: str, start: int, floor: int, names: Names, words_in_quote: int) -> tuple[str, int] | None:
    """Attribution before the opening mark, in the same sentence: "X betonte: „…“", "laut X „…“"."""
    begin = _clause_start(text, start, floor)
    clause = text[begin:start]
    if not clause.strip(" \t–—-"):
        return _asked_speaker(text, begin, floor, names)
    words_of = _WORDS_OF_RE.search(clause)  # "In the words of Celeste Saulo, Secretary-General of the WMO, “…”"
    if words_of and names.person(words_of.group("n")):
        return lx.clean_name(words_of.group("n")), begin
    found = _named_at_colon(clause, names) or from_clause(clause, names, begin, after_first=False)
    if found is not None:
        return found, begin
    found = _separated_speaker(clause, names, begin)
    if found is not None:
        return found, begin
    if clause.rstrip().endswith(":") and words_in_quote >= 6:
        found = _colon_subject(clause, names, begin)
        if found:
            return found, begin
    document = _ACCORDING_TO_DOCUMENT_RE.search(clause)
    if document and document.group("n").lower() not in qr.NOT_NAME_WORDS:  # "According to Wikipedia, “…”"
        return document.group("n"), begin
    owner = _POSSESSED_WORDS_RE.search(clause)
    name = owner and lx.clean_name(owner.group("n") or owner.group("m"))
    if name and names.person(name):  # "nach Ethan Mollicks Motto „…“"
        return name, begin
    found = (
        _law_quoted(text, clause, begin)
        or _own_words_subject(text, clause, begin, names)
        or _participle_subject(clause, names)
        or _document_says(clause)
    )
    return (found, begin) if found else None


# A document quoted word for word, named before its words: "Im Koalitionsvertrag von RGR für 2021-2026 steht: „…“",
# "The wording of the agreement reached today reads: “…”", "Im Koalitionsvertrag heißt es auf Seite 154: „…“".
# The document is the source (docs/labelling.md).
_DOCUMENT_SAYS_RE = re.compile(
    r"(?<![\w-])(?i:steht|stand|heißt[ \t]+es|hieß[ \t]+es|lautet|reads|read|states|stated)(?:[ \t]+[\w-]+){0,3}"
    r"[ \t]*+:[ \t]*+$"
)
_DOCUMENT_NOUN_RE = re.compile(
    r"(?i:vertrag|vertrages|vereinbarung|bericht|berichts|programm|beschluss|entwurf|entwurfs|papier|antrag|protokoll|"
    r"urteil|studie|erklärung|leitlinie|satzung|stellungnahme|begründung|merkblatt|rundschreiben|mitteilung|agreement|"
    r"report|resolution|declaration|bill|treaty|directive|ruling|judg(?:e)?ment|decision|manifesto|charter|guidance|"
    r"guidelines)$"
)
_DOCUMENT_DETERMINERS = frozenset("im in der dem den die das des zum zur vom the this its their our".split())
DOCUMENT_NAME_WORDS = 6  # the document's name: its noun and what follows it up to the verb
_OWNER_DOCUMENT_RE = re.compile(
    rf"(?<![\w-])(?P<o>[{lx.UPPER}][\w&.-]*+(?:[ \t][{lx.UPPER}][\w&.-]*+){{0,2}})['’]s[ \t]++(?:official[ \t]++)?"
    r"(?:documentation|docs|guidance|guidelines|website|announcement|statement|policy|report|Dokumentation)[ \t]*+$"
)


# A named document as the subject of a speech verb right before the quotation: "As this Govloop report reported “…”",
# "The Deloitte study notes that “…”" ("the report notes" names no document: not attributed).
_NAMED_DOCUMENT_VERB_RE = re.compile(
    rf"(?<![\w-])(?i:the|this|that|a|an|its|their)[ \t]++(?P<doc>(?:[{lx.UPPER}][\w&.-]*+[ \t]++){{1,3}}"
    r"(?i:report|study|survey|article|paper|analysis|review|white[ \t]paper|whitepaper|blog[ \t]post|post))[ \t]++"
    r"(?:[a-z]++[ \t]++)?(?:notes|noted|says|said|states|stated|reports|reported|finds|found|concludes|concluded|"
    r"warns|warned|writes|wrote|explains|explained|argues|argued|puts[ \t]it|put[ \t]it)[ \t]*+[,:]?[ \t]*+"
    r"(?:that[ \t]*+)?$"
)


# A participle whose subject opens the clause: "Dr. Ursula von der Leyen, …, epitomised its value, saying that “…”"
# (the name first, after an optional role: "the President of the Commission, Dr. Ursula von der Leyen,"). A name
# further in is an object ("rip a badge off of reporter Tim Pool, saying …": the officer spoke).
_PARTICIPLE_SUBJECT_RE = re.compile(
    rf"(?:^|[.!?;:][ \t]++|\n|(?<![\w-])(?:and|but)[ \t]++)(?:(?i:the|a|an)[ \t][^,.;:\n]{{0,60}},[ \t]*+)?"
    rf"(?P<n>{lx.NAME}),?[ \t][^.;:\n]{{0,160}},[ \t]*+(?:also[ \t]++)?(?i:saying|noting|adding|stating|explaining|"
    r"warning|arguing|stressing|emphasi[sz]ing|pointing[ \t]out|commenting|insisting|declaring|remarking|concluding)"
    r"(?:[ \t]++that)?[ \t]*+,?[ \t]*+$"
)


def _participle_subject(clause: str, names: Names) -> str | None:
    match = _PARTICIPLE_SUBJECT_RE.search(clause)
    name = match and lx.clean_name(match.group("n"))
    return name if name and names.person(name) else None


def _document_says(clause: str) -> str | None:
    """The document named before "steht:", "heißt es:", "reads:" — a noun of a document after an article or
    preposition, with the words that name it further ("von RGR für 2021-2026", "reached today")."""
    named = _NAMED_DOCUMENT_VERB_RE.search(clause)
    if named:
        return " ".join(named.group("doc").split())
    says = _DOCUMENT_SAYS_RE.search(clause)
    if says is None:
        return None
    owner = _OWNER_DOCUMENT_RE.search(clause[: says.start()])
    if owner:  # "Microsoft’s documentation states:": the owner of its words
        return owner.group("o")
    tokens = list(re.finditer(r"[\w-]+", clause[: says.start()]))[-DOCUMENT_NAME_WORDS - 2 :]
    for previous, token in zip(tokens, tokens[1:], strict=False):
        if _DOCUMENT_NOUN_RE.search(token.group(0)) and previous.group(0).lower() in _DOCUMENT_DETERMINERS:
            return clause[token.start() : says.start()].strip(" \t,")
    return None


# A statute quoted word for word: "Im alten Bundesdatenschutzgesetz §34 hieß es dagegen: “…”", "Dort heißt es in
# Paragraph 15.3 “…”" (the law named in the sentence before).
_LAW_SAYS_RE = re.compile(r"(?<![\w-])(?:heißt|hieß|hiess|heisst)[ \t]+es(?![\w-])")
_LAW_NAME_RE = re.compile(
    rf"(?<![\w-])(?:[{lx.UPPER}][\w-]*?(?:gesetz|gesetzes|verordnung|richtlinie|ordnung)|[A-ZÄÖÜ]{{2,}}(?:G|VO|GB|B))"
    r"(?![\w-])"
)
_SECTION_RE = re.compile(
    r"(?:§|Art\.|Artikel|Paragraph|Paragraf)[ \t]*+\d+[\d.]*+(?:[ \t]++(?:Abs\.|Absatz)[ \t]*+\d+)?"
)


def _law_quoted(text: str, clause: str, begin: int) -> str | None:
    """The law a quotation is read from ("heißt es" with a statute or section named), else None."""
    if not _LAW_SAYS_RE.search(clause):
        return None
    law = _LAW_NAME_RE.search(clause)
    if law is None:
        previous = text[max(0, begin - 300) : begin]
        laws = list(_LAW_NAME_RE.finditer(previous[previous.rfind("\n") + 1 :]))
        law = laws[-1] if laws else _SECTION_RE.search(clause)
    return law.group(0) if law else None


# "Minitopia ist, in ihren eigenen Worten: „…“": the subject of the sentence speaks.
_OWN_WORDS_RE = re.compile(
    r"(?<![\w-])(?:in|with)[ \t]+(?:ihren|seinen|deren|dessen|their|his|her|its)[ \t]+(?:(?:eigenen|own)[ \t]+)?"
    r"(?:Worten|words)[ \t]*+:?[ \t]*+$"
)


def _own_words_subject(text: str, clause: str, begin: int, names: Names) -> str | None:
    """The name that opens the sentence whose subject speaks "in its own words"."""
    own = _OWN_WORDS_RE.search(clause)
    if not own:
        return None
    start = max(text.rfind("\n", 0, begin), *(text.rfind(m, 0, begin) for m in (". ", "! ", "? "))) + 1
    opening = text[start : begin + own.start()].strip()
    first = re.match(rf"[{lx.UPPER}][\w&-]+", opening)
    if first is None or first.group(0).lower() in qr.SKIP_WORDS or qr.PRONOUN_RE.fullmatch(first.group(0)):
        return None
    return speaker_after(opening, names, start, budget=2) or first.group(0)


# A named work or publisher quoted word for word: "According to Wikipedia, “…”", "According to the Wikipedia
# definition, “…”", "according to the Rust FAQ: “…”" (one capitalised name; a person is read by from_clause).
_ACCORDING_TO_DOCUMENT_RE = re.compile(
    rf"(?<![\w-])(?i:according[ \t]+to)[ \t]+(?:the[ \t]+)?(?P<n>[{lx.UPPER}][\w.+-]{{1,40}})"
    r"(?:[ \t]+(?:definition|website|FAQs?|docs|documentation|article|entry|glossary|dictionary))?"
    r"[ \t]*+[,:–—-]?[ \t]*+$"
)
# A person's motto or words right before the quotation: "nach Ethan Mollick's Motto", "Mollicks Credo:",
# "in Jane Doe's words:"; the possessive names the speaker.
_POSSESSED_WORDS_RE = re.compile(
    rf"(?<![\w-])(?P<n>{lx.NAME})(?:['’]s|s)[ \t]++(?:Motto|Credo|Leitsatz|Leitlinie|Devise|Worte[n]?|motto|credo|"
    r"words|maxim|mantra)[ \t]*+:?[ \t]*+$|"
    # "die undogmatische Leitlinie von Holger „…“", "the motto of Jane Doe: “…”"
    rf"(?<![\w-])(?:Motto|Credo|Leitsatz|Leitlinie|Leitline|Devise|motto|credo|maxim|mantra)[ \t]++(?:von|of)[ \t]++"
    rf"(?P<m>{lx.NAME}|[{lx.UPPER}][{_LOWER}]{{2,}})[ \t]*+:?[ \t]*+$"
)


# "Dazu NABU-Präsident Jörg-Andreas Krüger: „…“": an adverb that answers what came before opens the
# statement of the person named after it, though no verb stands there.
_RESPONSE_ADVERBS = frozenset("dazu hierzu darauf daraufhin abschließend ergänzend".split())


def _named_at_colon(clause: str, names: Names) -> str | None:
    """The person a clause ends with before its colon: "Aussage … vom Fraktionsvorsitzenden der CDU, Herrn Michael
    Paul:", "The statement of the board, Jane Roe:"."""
    tail = _NAME_BEFORE_COLON_RE.search(clause.rstrip()[:-1]) if clause.rstrip().endswith(":") else None
    return names.person(_HONORIFIC_RE.sub("", tail.group("n"))) if tail else None


def _colon_subject(clause: str, names: Names, begin: int) -> str | None:
    """The subject of a clause that introduces a quotation with a colon and no speech verb: "Unser
    Partner, Architekt Michael Schramm, ist begeistert:" — a named subject opens the clause and a verb
    follows it; "Brandon Hall Award:" has no verb and is a title."""
    body = clause.rstrip()[:-1]
    tokens = [t for t in TOKEN_RE.finditer(body) if t.group(0) not in ",:;()–—"]
    if not tokens or qr.PRONOUN_RE.fullmatch(tokens[0].group(0)):
        return None
    if not any(t.group(0).islower() for t in tokens) and tokens[0].group(0).lower() not in _RESPONSE_ADVERBS:
        # "Julius Berger: „…“": a person's name alone before the colon, named elsewhere on the page too (the
        # title, the introduction), is who speaks; "Brandon Hall Award:", "Key Takeaways:" are titles
        alone = body.strip(" \t–—-")
        pair = alone.split()
        if len(pair) == 2 and pair[0].lower().endswith(lx.ROLE_NOUN_ENDINGS) and names.person(pair[1]):
            return pair[1]  # "Vorsitzender Kümmerle: „…“": a role and the surname
        if not 2 <= len(tokens) <= 4 or "\n" in alone or names.mentions(alone) < 2:
            return None
        return names.person(alone, begin + body.find(alone))
    subject = speaker_after(body, names, begin, budget=4)
    if subject:
        return subject
    of_name = re.search(rf"(?:\bof|\bvon|\bby)\s+(?:[{_LOWER}]+\s+){{0,2}}(?P<n>{lx.NAME})\s*$", body)
    return lx.clean_name(of_name.group("n")) if of_name else None


_HONORIFIC = r"(?:Herrn?|Frau|Mr\.?|Ms\.?|Mrs\.?)"
_HONORIFIC_RE = re.compile(rf"^{_HONORIFIC}[ \t]++")
_NAME_BEFORE_COLON_RE = re.compile(rf"(?:,|(?<![\w-]){_HONORIFIC})[ \t]++(?P<n>{lx.NAME})[ \t]*+$")
_PRONOUN_SUBJECT_RE = re.compile(r"(?:(?<![\w’'-])[\w’'-]++,[ \t]*+)?(?<![\w’'-])(?i:he|she|er|sie)[ \t]")
MAX_INTRO_WORDS = 12  # an introducing sentence without a speech verb names its speaker in a few words
# A line that introduces the quotation under it without a colon: "Further to that point, Mark says", "To quote the
# official Google Security Blog", "The following Bertrand Russell quote".
_INTRO_WITHOUT_COLON_RE = re.compile(
    r"(?<![\w-])(?i:says|said|writes|wrote|explains|explained|put it|sagt|sagte|schreibt|schrieb|erklärt|erklärte)$|"
    r"^(?i:to[ \t]+quote|in[ \t]+the[ \t]+words[ \t]+of|um[ \t]+es[ \t]+mit[ \t]+den[ \t]+worten)[ \t]|"
    r"^(?i:the[ \t]+following)[ \t]++(?P<who>[^\n]{3,60}?)[ \t]++(?i:quote|statement)$"
)


def _line_before(text: str, start: int, names: Names, spans: list[tuple[int, int, str]]) -> tuple[str, int] | None:
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
            bare = _INTRO_WITHOUT_COLON_RE.search(line.strip())
            if bare is None:
                return None
            who = bare.group("who")
            if who:  # "The following Bertrand Russell quote": the line names whose quotation follows
                return (lx.clean_name(who), prev_start) if re.fullmatch(lx.NAME, who.strip()) else None
            line = f"{line.rstrip()}:"  # "Further to that point, Mark says" introduces like "Mark says:"
        # the sentence that ends with the colon introduces the quotation, not the paragraph before it
        intro_at = _clause_start(line, len(line.rstrip()), 0)
        intro = line[intro_at:]
        found = _named_at_colon(intro, names) or from_clause(intro, names, prev_start + intro_at, after_first=True)
        found = found or _separated_speaker(intro, names, prev_start + intro_at) or _document_says(intro)
        if found is None and _PRONOUN_SUBJECT_RE.match(intro.lstrip()):
            # "Ultimately, he … is credited with the quote:": the person the text is about
            found = names.person_before(prev_start + intro_at)
        elif found is None and len(intro.split()) <= MAX_INTRO_WORDS:
            # "Dazu NABU-Präsident Jörg-Andreas Krüger:", "Rob Carpenter, Founder of Hitshop, marvels:"; a
            # person's full name only ("Edit the file:", "First install:" open instructions, not speakers)
            subject = _colon_subject(intro, names, prev_start + intro_at)
            if subject and len(subject.split()) >= 2 and subject.split()[0].lower() not in names.lower_words:
                found = subject if names.person(subject) else None
        return (found, prev_start) if found else None
    return None


def attribute(
    text: str,
    start: int,
    end: int,
    limits: tuple[int, int],
    names: Names,
    spans: list[tuple[int, int, str]] = (),
    inner: str = "",
) -> tuple[str, int, int] | None:
    """(speaker, context start, context end) for the quotation text[start:end], None when unnamed."""
    begin = _clause_start(text, start, limits[0])
    opened = text[begin:start].strip(" \t–—-")
    starts_sentence = not opened or opened.endswith(("(", ":"))
    n_words = len(words(inner or text[start:end]))
    opens_line = not text[text.rfind("\n", 0, start) + 1 : start].strip(' \t„“”"«»')
    found = _trailing(text, end, limits[1], starts_sentence, names, n_words, opens_line)
    if found is not None:
        return (found[0], start, found[1]) if found[0] else None
    lead = _leading(text, start, limits[0], names, n_words)
    if lead is not None:
        return (lead[0], lead[1], end) if lead[0] else None
    for rule in (
        lambda: _line_before(text, start, names, list(spans)),
        lambda: line_after(text, start, end, names),
        lambda: referring_sentence(text, start, end, names),
        lambda: card_heading(text, start, end, names),
    ):
        found = rule()
        if found is not None:
            if not found[0]:
                return None
            return (found[0], min(found[1], start), max(found[1], end))
    return None

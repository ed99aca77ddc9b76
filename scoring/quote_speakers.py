"""Who speaks, for quotation attribution (scoring.checks.attributed_quotes): the speaker a speech verb
opens ("sagt Geschäftsführer Dr. Klaus Berger", "says CEO Dr. Daniel Wallerstorfer"), the subject before
it ("Jana Albrecht erklärt"), an organisation the page names ("heißt es von der Bürgerinitiative"), a
pronoun standing for the person named before, or an unnamed person ("ein Mitglied") who ends the search.
Which quoted strings are statements at all is decided here too. Vocabularies: scoring/quote_rules.py;
the page's names: scoring/quote_names.py.
"""

from __future__ import annotations

import re

from scoring import quote_rules as qr
from scoring.core import lexicons as lx
from scoring.core.text import words
from scoring.quote_names import PARTICLE_RE, PREPOSITIONS, Names

MIN_WORDS = 3  # shorter quoted strings are terms or scare quotes, not statements (docs/signals.md)
UNNAMED = ""  # a speaker slot that holds an unnamed person: stop looking

_UPPER = lx.UPPER
TOKEN_RE = re.compile(r"[„“\"«»][^„“”\"«»\n]{1,80}[“”\"«»]|@[\w.]+|[\w][\w’'.&-]*|[,:;()–—]")
CONJUNCTION_START = frozenset(
    "und aber doch denn also weiterhin außerdem zudem auch so dann nun and but also so then however moreover".split()
)
_DOMAIN_RE = re.compile(r"(?<![a-z0-9.-])(?:[a-z0-9-]+\.)+[a-z]{2,10}")
_CLAUSE_OPENERS = frozenset("how that whether why what when dass ob wie warum weshalb wieso was wann".split())
_SPEECH_NOUNS = frozenset(qr.SPEECH_NOUNS)
# A finite verb right after the name a speech verb is followed by: that name opens the reported clause.
_FINITE_AFTER_RE = re.compile(
    r"(?<![ \t])[ \t]++(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|"
    r"ist|sind|war|waren|hat|haben|wird|werden|kann|könne|sei|seien|habe|müsse|solle)(?![\w-])"
)
# A role of the site's own organisation: "our CEO", "unsere Gründerin" (not "a CEO", "der CEO von X").
_OWN_BEFORE_RE = re.compile(r"(?<![\w-])(?i:our|unser|unsere|unserer|unseren|unserem)[ \t]+$")


def is_statement(inner: str) -> bool:
    """Three or more words that read as a statement: not a title, a name or code."""
    tokens = words(inner)
    if len(tokens) < MIN_WORDS or qr.CODE_RE.search(inner):
        return False
    long_words = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    # Titles, slogans, product and organisation names: every longer word capitalised.
    return bool(long_words) and not all(w[0].isupper() for w in long_words)


def _org_speaker(token: re.Match[str], window: str, names: Names) -> str:
    """The organisation a noun stands for, UNNAMED when the page does not name it."""
    after = window[token.end() :]
    named = re.match(r"[ \t]++(?:„|“|\"|«|»)(?P<q>[^„“”\"«»\n]{2,80})[“”\"«»]", after)
    if named:
        return named.group("q").strip()
    return names.org_named(token.group(0).rstrip(".")) or UNNAMED


def _group_speaker(token: re.Match[str], window: str, names: Names) -> str:
    """ "die Initiatoren (von X)", "die Mitglieder der Bürgerinitiative": the organisation."""
    after = window[token.end() : token.end() + 80]
    owner = re.match(
        rf"[ \t]+(?:der|des|von|vom|of|from)[ \t]+(?:der[ \t]+|the[ \t]+)?"
        rf"(?P<o>[„“\"«][^„“”\"«»\n]{{2,80}}[“”\"»]|[{_UPPER}][\w-]+)",
        after,
    )
    if owner:
        word = owner.group("o")
        if word[0] in '„“"«':
            return word[1:-1].strip()
        if qr.ORG_WORD_RE.fullmatch(word):
            return names.org_named(word) or UNNAMED
        return word
    return names.any_org() or UNNAMED


def public_body(window: str, start: int) -> str | None:
    """ "Bundesamtes für Strahlenschutz" at `start` -> "Bundesamt für Strahlenschutz"."""
    body = qr.PUBLIC_BODY_RE.match(window, start)
    return body.group("head") + (body.group("tail") or "") if body else None


def _classify(token: re.Match[str], window: str, names: Names, position: int) -> str | None:
    """The speaker a token opens, UNNAMED for an unnamed one, None when it names nobody."""
    tok = token.group(0)
    bare = tok.rstrip(".,")
    low = bare.lower()
    if tok[0] in '„“"«»':
        inner = tok[1:-1].strip()
        titled = not is_statement(inner) and len(words(inner)) <= 5 and inner[:1].isupper()
        return inner if names.is_org_name(inner) or titled else None
    if qr.PRONOUN_RE.fullmatch(low):
        return names.person_before(position) or UNNAMED
    if qr.UNNAMED_RE.fullmatch(low):
        return UNNAMED
    if _DOMAIN_RE.fullmatch(low):
        return bare  # "according to putthison.com"
    if not tok[0].isupper():
        return _group_speaker(token, window, names) if qr.ORG_PEOPLE_RE.fullmatch(low) else None
    if low in qr.SKIP_WORDS or low in _MONTHS or re.search(r"[’']s$", bare):
        return None  # "cotedo’s expert Dennis Hartmann": the possessive is not the speaker
    if low in lx.FUNCTION_WORDS and not bare.isupper():
        return None  # "Als Ergebnis … kann man schreiben:": a sentence's capitalised opener names no one (WHO does)
    if low.endswith(lx.ROLE_NOUN_ENDINGS):
        return None  # "Berater von Pro Wildlife": a role opens no name, even with a "von" after it
    body = public_body(window, token.start())
    if body:
        return body
    name = lx.NAME_RE.match(window, token.start())
    if name:
        last = name.group(0).split()[-1]
        if qr.ORG_WORD_RE.fullmatch(last):  # "die Lübecker Initiative"
            # "Thomas Bartel von der Agentur ICF-PR": the person before the particle speaks for the employer
            employee = PARTICLE_RE.search(name.group(0)) and names.person(name.group(0))
            return employee or names.org_named(last) or UNNAMED
        person = names.person(name.group(0))
        if person:
            return person
    if qr.ORG_PEOPLE_RE.fullmatch(low):
        return _group_speaker(token, window, names)
    if qr.ORG_WORD_RE.fullmatch(bare):
        return _org_speaker(token, window, names)
    if bare in names.tokens:
        return names.tokens[bare]
    if bare.upper() in qr.ROLE_ACRONYMS or bare.lower().endswith(lx.ROLE_NOUN_ENDINGS):
        # "as our CEO put it", "so unsere Geschäftsführerin": the one person the page names in that role
        own = _OWN_BEFORE_RE.search(window[max(0, token.start() - 12) : token.start()])
        return names.role_holder(bare) if own else None
    if names.is_proper(bare):
        return bare
    return None


# "explains the work done in December like this:": a month names no one (those that are also names stay:
# April, May, August)
_MONTHS = frozenset(m.lower() for m in (*lx.ENGLISH_MONTHS, *lx.GERMAN_MONTHS)) - {"april", "may", "august"}
# Before a name these make it a complement ("Berater von Pro Wildlife", "Kuratorium des GEOMAR"), not
# the subject that speaks.
_COMPLEMENT_BEFORE = frozenset("von vom des of from at bei beim für for mit with aus zum zur über".split())
_ARTICLES = frozenset("the a an der die das den dem ein eine einen einem".split())
_ROLE_JOINERS = frozenset({"and", "und"})
MAX_ROLE_WORDS = 6  # "Mayfield Robotics chief technology officer and cofounder Kaijen Hsiao"


def _person_after_role(window: str, start: int, names: Names, position: int) -> str | None:
    """A person named after an employer and a role: "explained Mayfield Robotics chief technology officer
    Kaijen Hsiao", "sagte ACME-Geschäftsführer Jan Berg": the person speaks, not the employer."""
    roles = 0
    for token in TOKEN_RE.finditer(window, start):
        tok = token.group(0)
        low = tok.rstrip(".").lower()
        if tok[0].islower() or tok.rstrip(".").upper() in qr.ROLE_ACRONYMS or low.endswith(lx.ROLE_NOUN_ENDINGS):
            roles += 1
            # "chief technology officer and cofounder": roles joined by "and" go on, other small words end it
            if roles > MAX_ROLE_WORDS or low in _CLAUSE_OPENERS or (low in PREPOSITIONS and low not in _ROLE_JOINERS):
                return None
            continue
        if not roles:
            return None
        name = lx.NAME_RE.match(window, token.start())
        return names.person(name.group(0), position + token.start()) if name else None
    return None


# Small words inside an organisation's name before a role: "Fight for the Future Campaign Director Evan Greer".
_NAME_JOINERS = frozenset("for the of and de la von der für und".split())
ROLE_RUN_TOKENS = 10


def _person_in_role_run(window: str, start: int, names: Names, position: int) -> str | None:
    """The person at the end of an organisation's name and a role after a speech verb ("said Demand Progress
    Executive Director David Segal"): the name right after the role word speaks, not the organisation's first
    word."""
    role = False
    for count, token in enumerate(TOKEN_RE.finditer(window, start)):
        tok = token.group(0).rstrip(".")
        low = tok.lower()
        is_role = tok.upper() in qr.ROLE_ACRONYMS or low.endswith(lx.ROLE_NOUN_ENDINGS)
        # "said NLP founder and CEO Alan Miller": lower-case roles and their joiners go on too
        lower_ok = low in _NAME_JOINERS or (is_role and (role or count == 0))
        if count > ROLE_RUN_TOKENS or not tok[:1].isalpha() or (tok[0].islower() and not lower_ok):
            return None
        if role and tok[0].isupper():
            name = lx.NAME_RE.match(window, token.start())
            person = names.person(name.group(0), position + token.start()) if name else None
            if person:
                return person
        role = is_role or (role and low in _ROLE_JOINERS)
    return None


# A professional title with its field before the name: "Rechtsanwalt und Fachanwalt für Bank- und Kapitalmarktrecht
# Kim Klevenhagen", "Fachärztin für Innere Medizin Dr. Jana Roth".
_TITLE_WITH_FIELD_RE = re.compile(r"\A[ \t]*+([\w-]++)(?:[ \t]++(?:und|and)[ \t]++([\w-]++))?+[ \t]++(?:für|for)[ \t]")


def _role(word: str | None) -> bool:
    return word is None or (word[:1].isupper() and word.lower().endswith(lx.ROLE_NOUN_ENDINGS))


FIELD_TOKENS = 6


def _person_after_field(window: str, names: Names, position: int) -> str | None:
    """The person named at the end of a title and its field: from a title of the name ("Dr.") on, else its last
    three or two words."""
    chain = _TITLE_WITH_FIELD_RE.match(window)
    if chain is None or not (_role(chain.group(1)) and _role(chain.group(2))):
        return None
    run = []
    for token in TOKEN_RE.finditer(window, chain.end()):
        if token.group(0) in ",;:()–—.!?" or len(run) > FIELD_TOKENS + 3:
            break
        run.append(token)
    titled = next((i for i, t in enumerate(run) if re.fullmatch(lx.TITLE, t.group(0))), None)
    starts = [titled] if titled is not None else [len(run) - 3, len(run) - 2]
    if not run:
        return None
    end = run[-1].end() - run[-1].group(0).endswith(".")
    for start in (i for i in starts if i >= 1):
        person = names.person(window[run[start].start() : end], position + run[start].start())
        if person:
            return person
    return None


# The person named before, called by a role or an age with a definite article: "so der Oberauer Heimatforscher",
# "sagt der 37-Jährige", "said the historian" (and nothing after it but the sentence's end).
_DEFINITE_ROLE_RE = re.compile(
    rf"^[ \t]*+(?i:der|die|the)[ \t]++(?:[{_UPPER}][\w-]*+[ \t]++)?(?:{lx.ROLE_WORD}|\d{{1,3}}-Jährige[rn]?|"
    r"\d{1,3}-year-old)[ \t]*+(?:[.;,]|$)"
)


def _named_just_before(names: Names, position: int) -> str | None:
    """The last two-word person's name in the sentences right before `position` ("Ludwig Utschneider hat das Buch
    geschrieben. „…“, sagt der 37-Jährige"), as the role or age after the quotation refers back to it."""
    start = max(0, position - NAMED_BEFORE_REACH)
    found = None
    for match in lx.NAME_RE.finditer(names.text, start, position):
        person = names.person(match.group(0), match.start())
        if person and " " in person:
            found = person
    return found


NAMED_BEFORE_REACH = 200


def speaker_after(window: str, names: Names, position: int, budget: int = 7) -> str | None:
    """The speaker right after a speech verb: "sagt Geschäftsführer Dr. Klaus Berger", "heißt es
    von der Bürgerinitiative", "says CEO Dr. Daniel Wallerstorfer"; UNNAMED for "ein Mitglied"."""
    titled = _person_after_field(window, names, position)
    if titled:
        return titled
    if _DEFINITE_ROLE_RE.match(window):
        return names.person_before(position) or _named_just_before(names, position) or UNNAMED
    seen = 0
    previous = ""
    for token in TOKEN_RE.finditer(window):
        tok = token.group(0)
        if tok in ",:;()–—":
            if seen and not (tok == "," and lx.NAME_RE.match(window, token.end() + 1)):
                break  # "warns our senior engineer, Gareth Evans": an apposition goes on
            continue
        found = _classify(token, window, names, position)
        modifier = bool(found) and (
            # "said the GPR study was …": a modifier of the noun after it, not a speaker
            (previous in _ARTICLES and " " not in found and _lowercase_next(window, token.end()))
            # "Der Kuratoriumsvorsitzende des GEOMAR Ministerialdirektor Volker Rieke: „…“"; but "die Aussage
            # des Bundesamtes für Strahlenschutz „…“": a public body with nobody named after it speaks
            or previous in ("des", "of")
            and not (found == public_body(window, token.start()) and not _person_follows(window, token.end(), names))
        )
        if modifier:
            previous = tok.lower()
            seen += 1
            if seen > budget:
                return None
            continue
        if found is not None:
            if found != UNNAMED:
                named_end = window.find(found, token.start())
                end = named_end + len(found) if named_end >= 0 else token.end()
                if _FINITE_AFTER_RE.match(window, end):
                    return None  # "believes Kuri is in a category of its own": the subject of what is said
                # one word ("Fight" of "Fight for the Future") before a role and a full name: that name speaks
                later = _person_in_role_run(window, end, names, position) if " " not in found else None
                return _person_after_role(window, end, names, position) or later or found
            return found
        previous = tok.lower()
        low = tok.rstrip(".").lower()
        if low in _CLAUSE_OPENERS:
            return None  # "noted how …", "erklärt, dass …": indirect speech follows, not a speaker
        capital = tok[0].isupper()
        skippable = re.search(r"[’']s$", tok) or (
            low in qr.SKIP_WORDS
            or not capital
            or tok.rstrip(".").upper() in qr.ROLE_ACRONYMS
            or low.endswith(lx.ROLE_NOUN_ENDINGS)
            or re.fullmatch(lx.TITLE, tok)
        )
        if not skippable:  # "said Demand Progress Executive Director David Segal": the person after the role
            return _person_in_role_run(window, token.end(), names, position) if capital else None
        seen += 1
        if seen > budget:
            return None
    return None


# "Forrester found that 77% of customers say “…”": the survey's author speaks for the share it reports.
_SURVEY_RE = re.compile(
    rf"(?<![\w-])(?P<o>[{_UPPER}][\w&-]+(?:[ \t]+[{_UPPER}][\w&-]+){{0,2}})[ \t]+"
    r"(?:found|finds|discovered|reported|reports|revealed|showed|shows)[ \t]+(?:that[ \t]+)?"
    r"(?:[^.!?\n\d]{0,30})\d[\d.,]*+[ \t]?(?:%|percent|per cent)[ \t]+of[ \t]+[^.!?\n]{0,60}$"
)
_STUDY_WORDS = frozenset("research study studies survey surveys data analysis report poll results figures".split())


def _survey_author(segment: str, names: Names) -> str | None:
    """The named author of a survey whose respondents the quotation speaks for; never a study noun
    ("Research found …") or a word the page also writes in lower case."""
    found = _SURVEY_RE.search(segment)
    if not found:
        return None
    org = found.group("o")
    first = org.split()[0]
    if re.fullmatch(lx.NOT_NAME_START, first) or first.lower() in _STUDY_WORDS:
        return None
    if " " not in org and re.search(rf"(?<![\w-]){re.escape(org.lower())}(?![\w-])", names.text):
        return None
    return org


def speaker_before(segment: str, names: Names, position: int) -> str | None:
    """The subject before a speech verb: "Jana Albrecht erklärt", "Sascha Lobo hat … dargelegt",
    "wie er selbst sagt"; the last speaker named wins. The part after the last comma is read first:
    "…; a 2025 report on a UK launch … noted" has an unnamed subject. UNNAMED when the clause opens
    with an unnamed subject ("Ein Kunde aus Kassel sagt")."""
    segment = segment[segment.rfind(";") + 1 :]
    survey = _survey_author(segment, names)
    if survey:
        return survey
    offset = position - len(segment)
    cut = segment.rstrip().rfind(",")
    after = segment[cut + 1 :]
    role = _ROLE_APPOSITION_RE.match(segment, cut) if cut >= 0 else None  # "Jo Roe, ACME CEO said": Jo Roe
    if cut >= 0 and _ORG_APPOSITION_RE.fullmatch(after) and lx.ORGANISATION_WORD_RE.search(after):
        parts = [(segment[:cut], offset)]  # "Pat O’Neill, Hotel Consult says": the employer after the name
    elif cut >= 0 and not (role and role.end() >= len(segment.rstrip())):
        parts = [(after, offset + cut + 1), (segment, offset)]
    else:
        parts = [(segment, offset)]
    for part, start in parts:
        found = _subject(part, names, start)
        if found is not None:
            return found
    return None


_ORG_APPOSITION_RE = re.compile(rf"\A[ \t]*+[{_UPPER}][\w&.-]*+(?:[ \t]++[{_UPPER}&][\w&.-]*+){{0,3}}[ \t]*+")


# "Anita Bird, an Assistant Development Officer at Active Together, says", "Svane Bender, Bereichsleitung
# für Naturschutz und Biologische Vielfalt bei der DUH, erklärt": the apposition opened by an indefinite
# article or a role describes the speaker named before it; its capitalised words name no one.
_ROLE_APPOSITION_RE = re.compile(
    rf",[ \t]*+(?:(?i:a|an|ein|eine|einer)[ \t]|the[ \t]++(?=[{lx.LOWER}])|"  # ", the digital rights group that …,"
    rf"[{lx.LOWER}][\w-]*?(?i:{'|'.join(lx.ROLE_NOUN_ENDINGS)})(?=[ \t,])|"  # ", co-founder of ACME,"
    # ", CEO of LouderVoice says", ", SRT Marine Systems CEO said" (", CTO John Duncan": the role of the name after it)
    rf"(?:[{_UPPER}][\w&-]*+[ \t]++){{0,3}}(?:{'|'.join(sorted(qr.ROLE_ACRONYMS))})(?=[ \t,])(?![ \t]++[{_UPPER}])|"
    rf"(?:[{_UPPER}][\w&-]*+[ \t]++){{0,3}}(?=[{_UPPER}])[\w-]*?"
    rf"(?i:{'|'.join(lx.ROLE_NOUN_ENDINGS)}|leitung)(?=[ \t,]))"
    # "Davide De Cesaris, Technical Project Manager, Solair, said": the employer after the role is the apposition's
    rf"[^,\n]{{0,160}}(?:,[ \t]*+[{_UPPER}][\w&.-]*+(?:[ \t]++[{_UPPER}&][\w&.-]*+){{0,3}}(?=,))?"
)
_RELATIVE_CLAUSE_RE = re.compile(
    r",[ \t]*+(?:(?:bei|mit|von|in|an|für|zu|aus|by|with|in|for|of)[ \t]++)?"
    r"(?:der|die|das|deren|dessen|denen|welche[rsm]?|who|which|whose|whom)[ \t][^,\n]{0,120},"
)
_PARENTHESIS_RE = re.compile(r"\([^()\n]{0,160}\)")


def _subject(segment: str, names: Names, position: int) -> str | None:
    opening = [t for t in TOKEN_RE.finditer(segment) if t.group(0) not in ",:;()–—"]
    for token in opening[:3]:
        low = token.group(0).lower()
        if low in CONJUNCTION_START:
            continue
        if qr.UNNAMED_RE.fullmatch(low):
            return UNNAMED
        break
    best = None
    skip_to = 0
    name_end, name_words = 0, set()  # the span and words of the last name found
    # an apposition with an indefinite article, and an aside in parentheses ("Dr. Lewis Bailey (früher an
    # der Universität von Calgary), erklärte"), describe the speaker: the names in them do not speak
    asides = [m.span() for m in _ROLE_APPOSITION_RE.finditer(segment)]
    asides += [m.span() for m in _PARENTHESIS_RE.finditer(segment)]
    asides += [m.span() for m in _RELATIVE_CLAUSE_RE.finditer(segment)]  # ", bei deren Aktion … wurden,"
    for i, token in enumerate(opening):
        if token.start() < skip_to or any(s <= token.start() < e for s, e in asides):
            continue
        if i and (
            opening[i - 1].group(0).lower() in _COMPLEMENT_BEFORE
            or i > 1
            and opening[i - 1].group(0).lower() in _ARTICLES
            and opening[i - 2].group(0).lower() in _COMPLEMENT_BEFORE
        ):
            # "Dr. Ralf Sonntag, Berater von Pro Wildlife, erklärte", "Dr. Ian Kane von der Universität
            # Manchester erläuterte": the adviser speaks, not the employer
            name = lx.NAME_RE.match(segment, token.start())
            skip_to = name.end() if name else token.end()
            continue
        found = _classify(token, segment, names, position + token.start())
        if found and token.start() < name_end and not set(found.split()) <= name_words:
            continue  # the name's own surname is no second speaker ("Conor O’Neill" after "Pat O’Neill" named before)
        if found:
            best = names.fullest(found)
            name = lx.NAME_RE.match(segment, token.start())
            if name and found in name.group(0) and token.start() >= name_end:
                name_end, name_words = name.end(), set(name.group(0).split())
    return best


def _person_follows(window: str, end: int, names: Names) -> bool:
    """A person named within a few words after `end` ("des GEOMAR Ministerialdirektor Volker Rieke")."""
    rest = window[end : end + 80]
    return any(names.person(m.group(0)) for m in lx.NAME_RE.finditer(rest))


def _lowercase_next(window: str, end: int) -> bool:
    following = TOKEN_RE.match(window, end + 1) if window[end : end + 1] == " " else None
    return following is not None and following.group(0)[:1].islower()


def speech_verbs(clause: str) -> list[re.Match[str]]:
    """Speech verbs of a clause; speech nouns ("Statement von X") only where a colon introduces the quote."""
    colon = clause.rstrip().endswith(":")
    near = len(clause.rstrip()) - 80  # "die Aussage des Bundesamtes (BfS) „…“"
    return [
        m for m in qr.SPEECH_VERB_RE.finditer(clause) if colon or m.group(0) not in _SPEECH_NOUNS or m.start() >= near
    ]


# An unnamed subject right before an English speech verb: "One attendee said", "a participant told us".
_ENGLISH_SAID_RE = re.compile(r"(?i:said|says|told|tells|added|adds|wrote|writes|noted|notes|explained|explains)")
_UNNAMED_SUBJECT_RE = re.compile(
    r"(?:^|[.!?:;,][ \t]*+|\n)[ \t]*+(?i:one|a|an|another|some)[ \t]++(?:[a-z-]++[ \t]++){0,2}?"
    r"(?i:attendee|participant|reader|visitor|member|customer|user|student|parent|fellow|speaker|colleague|guest|"
    r"person|respondent|volunteer)s?[ \t]*+$"
)


def from_clause(clause: str, names: Names, position: int, after_first: bool) -> str | None:
    """Speaker of a clause with speech verbs: after the verb first, then its subject before it.
    A named speaker anywhere wins over an unnamed one ("add some statements Guy made")."""
    verbs = speech_verbs(clause)
    unnamed = False
    for verb in verbs if after_first else reversed(verbs):
        if _ENGLISH_SAID_RE.fullmatch(verb.group(0)) and _UNNAMED_SUBJECT_RE.search(clause[: verb.start()]):
            unnamed = True  # "One attendee said SRCCON “…”": English puts the speaker before the verb
            continue
        for found in (
            speaker_after(clause[verb.end() :], names, position + verb.end()),
            speaker_before(clause[: verb.start()], names, position + verb.start()),
        ):
            if found:
                return found
            unnamed = unnamed or found == UNNAMED
    return UNNAMED if unnamed else None

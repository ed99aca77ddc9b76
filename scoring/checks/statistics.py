"""statistics: articles give concrete figures, and say where they come from."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scoring import statistics_exclusions as exclusions
from scoring import statistics_rules as rules
from scoring import statistics_sources as sources
from scoring import statistics_words as words
from scoring.checks.attributed_quotes import find_quotations, quotation_spans
from scoring.checks.author_byline import visible_authors
from scoring.core import lexicons as lx
from scoring.core.memo import last_page
from scoring.core.messages import join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt, split_sentences
from scoring.pagetypes import classify
from scoring.quote_signatures import signed_only
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData
from scoring.statistics_lines import is_example_label, offer_item, opens_with_year, possessed_number
from scoring.statistics_names import figure_in_name

MIN_STATISTICS = 3
MAX_EVIDENCE = 20  # sentences listed per page, each with its figures and source or "no source named"
SHORT_LINE_WORDS = 15  # a table row or caption: a "Quelle:" line right after it names its source
# A year-like number ("2024 Haushalte" in "seit 2024 Haushalte ...") is a date unless money or percent.
_DIGIT = re.compile(r"\d")
YEAR_UNITS = re.compile(r"%|Prozent|percent|Euro|EUR|€|\$|£|USD|CHF", re.IGNORECASE)


@dataclass(frozen=True)
class StatSentence:
    sentence: str
    figures: tuple[str, ...]
    source: str | None  # the marker or link anchor that names the source, None when unsourced


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


_CENTS_RE = re.compile(r"\d[.,]00$")
PRICE_LINE_WORDS = 12  # a price list's line; in a sentence "ein Gesamtschaden von 3.971,00$" is a measured sum


def _is_price(cleaned: str, match: re.Match[str]) -> bool:
    """An offer price ("ab 4.990 €", "from £450", "89 Euro zzgl. MwSt."), not a statistic."""
    currency = match.group("currency") or (match.group("strong") and lx.CURRENCY_UNIT_RE.match(match.group("strong")))
    if not currency:
        return False
    if _CENTS_RE.search(match.group("num") or match.group("cnum") or "") and len(cleaned.split()) <= PRICE_LINE_WORDS:
        return True  # "€ 1.200,00 (regional)", "$49.00": a price list writes the cents, a market figure never does
    before = cleaned[max(0, match.start() - 30) : match.start()]
    return bool(lx.PRICE_BEFORE_RE.search(before) or lx.PRICE_AFTER_RE.match(cleaned[match.end() : match.end() + 30]))


def _kind(match: re.Match[str]) -> tuple[str, str]:
    """The kind of figure a STATISTIC_RE match is, and its unit."""
    if match.group("currency"):
        return rules.MONEY, match.group("currency")
    strong = match.group("strong")
    if strong:
        if rules.PERCENT_UNIT_RE.match(strong):
            return rules.PERCENT, strong
        if lx.CURRENCY_UNIT_RE.match(strong):
            return rules.MONEY, strong
        return rules.MEASURE, strong
    count = match.group("count")
    return (rules.TIME if rules.TIME_UNIT_RE.match(count) else rules.COUNT), count


def candidates(sentence: str) -> list[tuple[rules.Candidate, str]]:
    """Numbers that look like figures, with their kind and unit: numbers with a unit, percent,
    currency or quantity word, and numbers with decimals or thousands separators. Phone numbers,
    dates, times, section signs and offer prices are left out."""
    if not _DIGIT.search(sentence):  # every pattern below but the number words' needs a digit
        return sorted(words.word_figures(sentence), key=lambda item: item[0].start)
    cleaned = lx.NOT_STATISTIC_RE.sub(lambda m: " " * len(m.group(0)), sentence)
    found: list[tuple[rules.Candidate, str]] = []
    for match in lx.STATISTIC_RE.finditer(cleaned):
        number = match.group("num") or match.group("cnum")
        if lx.YEAR_RE.fullmatch(number) and not YEAR_UNITS.search(match.group(0)):
            continue
        if _is_price(cleaned, match):
            cleaned = _blank(cleaned, match.start(), match.end())
            continue
        kind, unit = _kind(match)
        found.append((rules.Candidate(match.start(), match.end(), kind, number), unit))
    for cand, unit in list(found):  # "zwischen 180 und 300 Euro": 180 is a figure too
        offset = max(0, cand.start - 30)
        match = lx.RANGE_START_RE.search(cleaned[offset : cand.start])
        if match:
            found.append(
                (rules.Candidate(offset + match.start(1), offset + match.end(1), cand.kind, match.group(1)), unit)
            )
    masked = cleaned
    for cand, _ in found:
        masked = _blank(masked, cand.start, cand.end)
    for match in lx.BARE_FIGURE_RE.finditer(masked):
        found.append((rules.Candidate(match.start(), match.end(), rules.BARE, match.group(0)), ""))
        masked = _blank(masked, match.start(), match.end())
    counted = rules.generic_counts(masked)
    for cand, _ in counted:
        masked = _blank(masked, cand.start, cand.end)
    found += counted + words.word_figures(masked)  # "über zehn Bewohner", "die Hälfte der Befragten", "600k"
    return sorted(found, key=lambda item: item[0].start)


def _text(sentence: str, cand: rules.Candidate) -> str:
    return " ".join(sentence[cand.start : cand.end].split())


def figures_in(sentence: str) -> list[str]:
    """The figure-like numbers of one sentence (see `candidates`), before the rules of
    `scoring.statistics_exclusions` decide which of them are statistics."""
    return [_text(sentence, cand) for cand, _ in candidates(sentence)]


def statistics_in(
    sentence: str,
    ctx: rules.PageContext,
    source: str | None,
    found: list[tuple[rules.Candidate, str]] | None = None,
    table_cell: bool = False,
) -> list[str]:
    """The figures of one sentence (its `candidates`, when known) that state a measured or counted fact;
    `table_cell`: the sentence is one cell of a table of figures."""
    found = candidates(sentence) if found is None else found
    if not found or exclusions.sentence_excluded(sentence, source is not None):
        return []
    named = source is not None and (
        source not in ctx.anchor_texts or sources.source_in_words(sentence, ctx.lang, ctx.owners) is not None
    )
    return [
        _text(sentence, cand)
        for cand, unit in found
        if not (cand.kind == rules.COUNT and rules.is_list_length(sentence, cand, ctx.listicle))
        and not (ctx.donation and cand.kind == rules.MONEY and source is None and rules.is_appeal(sentence))
        and not (ctx.pricing and cand.kind == rules.TIME and source is None)  # "Email support with 72 hrs TAT"
        and not (ctx.chronology and opens_with_year(sentence, cand.start))  # "1074 Welf IV. stiftet …"
        and not (cand.kind == rules.COUNT and possessed_number(sentence, cand.start, cand.end))  # "our two firms"
        and not figure_in_name(sentence, cand.start, cand.end)
        and exclusions.figure_excluded(*_around(sentence, cand), unit, source is not None, ctx.lang, named, table_cell)
        is None
    ]


PLAN_LINE_WORDS = 4  # a line of a pricing page's plan column
CELL_WORDS = 3  # a table cell as the main text holds it: one short line per cell


def in_figure_table(paragraphs: list[str], index: int) -> bool:
    """A short line between two short lines with figures: a cell of a table of values ("5 kWp",
    "8.000 €", "4.750 kWh"), not a price tag standing alone on a product card."""
    if index == 0 or index + 1 >= len(paragraphs):
        return False
    around = (paragraphs[index - 1], paragraphs[index], paragraphs[index + 1])
    return all(len(line.split()) <= CELL_WORDS and _DIGIT.search(line) for line in around)


FIGURE_CONTEXT_CHARS = 400  # what the rules of one figure read either side of it: longer than a sentence


def _around(sentence: str, cand: rules.Candidate) -> tuple[str, rules.Candidate]:
    """The sentence around one figure, so that a "sentence" of 20,000 figures costs linear time."""
    low, high = max(0, cand.start - FIGURE_CONTEXT_CHARS), cand.end + FIGURE_CONTEXT_CHARS
    if low == 0 and high >= len(sentence):
        return sentence, cand
    return sentence[low:high], replace(cand, start=cand.start - low, end=cand.end - low)


QUOTE_MARK_RE = re.compile('["“”„‟«»‹›‚‘’]')
QUOTE_LEAD_CHARS = 120  # where "<Company>'s expert X explains:" stands before or after a quotation


def _quoted_speakers(page: PageRecord, owners: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Spans of the main text inside a quotation attributed to a named speaker who is not the
    company itself speaking ("ACME's expert X explains"): its own staff name no outside source."""
    text = page.main_text
    spans = []
    for q in find_quotations(page):
        if not q.speaker or q.start < 0:
            continue
        around = text[max(0, q.start - QUOTE_LEAD_CHARS) : q.start] + " " + text[q.end : q.end + QUOTE_LEAD_CHARS]
        if sources.is_own(around, owners) or _page_author(page, q.speaker):
            continue
        if signed_only(text, q.start, q.end, q.speaker):  # a card's signature: no source named in a sentence
            continue
        spans.append((q.start, q.end, q.speaker))
    return spans


def _page_author(page: PageRecord, source: str) -> bool:
    """The page's own author quoting themselves ("…,” said Ryan Laird, founder, under his own byline) names no
    outside source."""
    named = source.casefold()
    return any(author.casefold() in named for author in visible_authors(page))


# A piece the sentence splitter cut after an abbreviation ("Beroe sp. / + 110 %)"): no sentence starts so.
FRAGMENT_START_RE = re.compile(r"^[/)\]},;:]")


def paragraph_sentences(paragraph: str) -> list[str]:
    """`split_sentences` of one paragraph, a piece that cannot start a sentence joined to the one before."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in split_sentences(paragraph):
        at = paragraph.find(sentence, cursor)
        start = at if at >= 0 else cursor
        end = start + len(sentence)
        if spans and FRAGMENT_START_RE.match(sentence):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        cursor = end
    return [paragraph[start:end] for start, end in spans]


# a speech verb right after a quotation's closing mark: the source found is that quotation's speaker
_SPEECH_AFTER_QUOTE_RE = re.compile(r"[“”\"»«][ \t]*+,[ \t]*+[a-zäöüß]")


def _quoted(sentence: str, found: list) -> bool:
    """Some figure of the sentence stands inside one of its quotations."""
    spans = quotation_spans(sentence)
    return any(start <= cand.start < end for cand, _ in found for start, end, _ in spans)


def _in_quoted_title(sentence: str, cand: rules.Candidate, titles: frozenset[str]) -> bool:
    """The figure stands in the quoted title of a linked page ("the article “40 kg of plastic …” at
    The Daily"): it is that page's figure, as in a teaser."""
    for title in titles:
        at = sentence.find(title)
        while at >= 0:
            if at <= cand.start < at + len(title) and QUOTE_MARK_RE.match(sentence[at - 1 : at] or "x"):
                return True
            at = sentence.find(title, at + 1)
    return False


MAX_TABLE_LINES = 40  # a table's rows (short lines) over its "Quelle:/Source:" line


def _source_lines_below(paragraphs: list[str]) -> list[str | None]:
    """For each line, the "Quelle:" line right under it or under the run of short lines (a table's
    rows and cells) it stands in; None elsewhere."""
    below: list[str | None] = [None] * len(paragraphs)
    run = 0
    for i in range(len(paragraphs) - 2, -1, -1):
        following = paragraphs[i + 1].strip()
        if sources.SOURCE_LINE_RE.match(following):
            below[i], run = following, 0
        elif below[i + 1] is not None and len(following.split()) <= SHORT_LINE_WORDS and run < MAX_TABLE_LINES:
            below[i], run = below[i + 1], run + 1
    return below


# A paragraph that introduces a list of findings: "Here is what we found:", "Die Umfrage ergab:".
LIST_INTRO_END_RE = re.compile(r"[:;]\s*$")
LIST_ITEM_WORDS = 60  # a finding of the list is one sentence of a line
MAX_LIST_ITEMS = 12


def find_statistics(page: PageRecord) -> list[StatSentence]:
    """Sentences with statistics (`statistics_in`); sourced when the sentence names a source (a named
    body, "laut X", "according to the report", "X reports", own data, an external link's anchor, a
    footnote into the reference list), when it stands in a quotation attributed to a named speaker,
    when it refers back to the sentence before that names one ("Demnach …"; "Das Ergebnis …" also
    to the paragraph before or its speaker), when it is an item of a list whose introduction names one
    ("Laut DGE gilt:"), or when it is a short line (a table row, a caption) right before a "Quelle:"
    line. Figures in the quoted title of a linked article belong to that article."""
    ctx = rules.page_context(page)
    speakers: list[tuple[int, int, str]] | None = None
    last_speaker: str | None = None  # who spoke in the last paragraph with a quotation
    found = []
    paragraphs = rules.join_stat_cards(page.main_text, ctx.lang).split("\n")
    offset = 0
    intro: str | None = None  # the source named by the paragraph that introduces a list of findings
    items = 0
    before: tuple[str, str | None] = ("", None)  # the paragraph before and its speaker
    code_page: bool | None = None  # a code block on the page: its unsourced bare numbers are worked results
    source_below: list[str | None] | None = None  # the "Quelle:" line under each line's table
    for p_index, paragraph in enumerate(paragraphs):
        p_start, offset = offset, offset + len(paragraph) + 1
        speaker = None
        if QUOTE_MARK_RE.search(paragraph):  # a quotation: who speaks here ("he added: …" continues)
            speaker = last_speaker = sources.paragraph_speaker(paragraph, last_speaker, ctx.owners)
        if not paragraph.strip():
            continue
        previous, before = before, (paragraph, speaker)
        if is_example_label(previous[0]):  # "Beispiel 1: Ein Einfamilienhaus": made-up figures follow
            continue
        digits = _DIGIT.search(paragraph) is not None
        figurish = digits or words.WORD_FIGURE_HINT_RE.search(paragraph) is not None  # "über zehn Bewohner"
        sentences = paragraph_sentences(paragraph) if figurish or intro is not None else []
        if intro is not None and (
            not digits  # a heading or a remark ends the list
            or len(sentences) != 1
            or len(paragraph.split()) > LIST_ITEM_WORDS
            or items >= MAX_LIST_ITEMS
        ):
            intro = None
        items += 1
        if LIST_INTRO_END_RE.search(paragraph):
            sentences = sentences or paragraph_sentences(paragraph)
            intro, items = (sources.named_source(sentences[-1], ctx) if sentences else None), 0
        if not figurish or rules.teaser_or_title(paragraph, ctx) or offer_item(paragraphs, p_index):
            continue
        code_checked = len(paragraph) <= 200  # the code test runs once a sentence holds a figure (issue 19)
        quoted: list[tuple[int, int, str]] | None = None
        short_line = len(paragraph.split()) <= SHORT_LINE_WORDS
        cursor = 0
        for i, sentence in enumerate(sentences):
            at = paragraph.find(sentence, cursor)
            start = at if at >= 0 else cursor
            cursor = start + len(sentence)
            found_here = candidates(sentence)
            if not found_here and len(sentences) > 1 and short_line and words.MATCH_WORDS_RE.search(paragraph):
                found_here = words.match_scores(sentence, in_match_line=True)
            if found_here and ctx.titles and QUOTE_MARK_RE.search(sentence):
                found_here = [c for c in found_here if not _in_quoted_title(sentence, c[0], ctx.titles)]
            if not found_here:
                continue
            if not code_checked:
                if exclusions.is_code_like(paragraph):
                    break
                code_checked = True
            source = sources.named_source(sentence, ctx, paragraph[cursor : cursor + 12])
            if source is not None and QUOTE_MARK_RE.search(sentence) and _page_author(page, source):
                source = None
            if source is not None and _SPEECH_AFTER_QUOTE_RE.search(source) and not _quoted(sentence, found_here):
                source = None  # "„…“, erklärt X. Der Hersteller mit 5,2 Milliarden Euro …": X speaks the quotation only
            if source in ctx.anchor_texts and _anchor_in_figure(sentence, source, found_here):
                blanked = sentence
                for cand, _ in found_here:
                    blanked = _blank(blanked, cand.start, cand.end)
                source = sources.named_source(blanked, ctx, paragraph[cursor : cursor + 12])
            if source is None and i > 0:
                source = sources.borrowed_source(sentence, sentences[i - 1], ctx)
            if source is None:  # "… über 60 weitere Gemeinden. Quelle: https://…": the note right after the sentence
                last = p_index + 1 >= len(paragraphs)
                after = sentences[i + 1] if i + 1 < len(sentences) else "" if last else paragraphs[p_index + 1]
                after = after.strip()
                source = after if sources.SOURCE_LINE_RE.match(after) else None
            if source is None and i == 0 and sources.RESULT_START_RE.match(sentence):
                # "Das Ergebnis …" opening a paragraph: the source of the paragraph before, or its speaker
                last = paragraph_sentences(previous[0])[-1:] if previous[0] else []
                source = (last and sources.named_source(last[0], ctx)) or previous[1]
            if source is None and intro is not None and len(sentences) == 1 and items > 0:
                source = intro
            if source is None and len(sentence.split()) <= SHORT_LINE_WORDS:
                if source_below is None:
                    source_below = _source_lines_below(paragraphs)
                source = source_below[p_index]
            if ctx.pricing and source is None and len(sentence.split()) <= PLAN_LINE_WORDS:
                continue  # "10 nodes" in a plan's column: what one buys, not a measured fact
            cell = len(sentences) == 1 and in_figure_table(paragraphs, p_index)
            figures = statistics_in(sentence, ctx, source, found_here, cell)
            if source is None and figures and QUOTE_MARK_RE.search(paragraph):
                digit = start + found_here[0][0].start  # the figure stands inside the quotation
                if speaker and not _page_author(page, speaker):
                    quoted = quotation_spans(paragraph) if quoted is None else quoted
                    if any(q_start <= digit < q_end for q_start, q_end, _ in quoted):
                        source = speaker
                if source is None:
                    if speakers is None:  # the quotation detector runs only when a quoted figure needs it
                        speakers = _quoted_speakers(page, ctx.owners)
                    at = p_start + digit
                    source = next((name for q_start, q_end, name in speakers if q_start <= at < q_end), None)
                if source is not None:
                    figures = statistics_in(sentence, ctx, source, found_here, cell)
            if source is None and figures and any(c.kind == rules.BARE for c, _ in found_here):
                if code_page is None:
                    code_page = any(len(p) > 200 and exclusions.is_code_like(p) for p in paragraphs)
                if code_page:  # a tutorial's worked result ("the mean has the value of 6.1")
                    kept = [(c, unit) for c, unit in found_here if c.kind != rules.BARE]
                    figures = statistics_in(sentence, ctx, source, kept, cell) if kept else []
            if figures:
                found.append(StatSentence(sentence, tuple(figures), source))
    return found


def _anchor_in_figure(sentence: str, anchor: str, found: list[tuple[rules.Candidate, str]]) -> bool:
    """The linked name is part of what a figure counts ("four different Usability Lab partners", the
    programme linked elsewhere): it is the subject of the figure, not where the figure comes from."""
    at = sentence.casefold().find(anchor.casefold())
    # a link on the figure itself ("nearly <a>two-thirds of organizations</a> agree") is its source
    return at >= 0 and any(c.start < at and at + len(anchor) <= c.end for c, _ in found)


# terms and opening hours; a listing's teasers belong to the listed posts; release notes are versions
NOT_EDITORIAL = ("legal", "contact", "listing", "changelog")


@last_page  # the check, then the page's signals: found once per page
def page_statistics(page: PageRecord) -> list[StatSentence]:
    """`find_statistics`, except on legal and contact pages, whose numbers are terms, not evidence, and
    on listings, whose teasers' figures belong to the listed posts."""
    return [] if classify(page).kind in NOT_EDITORIAL else find_statistics(page)


@register
class Statistics(ArticleCheck):
    id = "statistics"
    title = "Articles back their claims with sourced figures"
    failure_title = "Articles lack figures with a named source"
    description = (
        "Concrete, quantitative facts were the second strongest method in the GEO study: +30.6 % "
        "visibility in generative-engine answers; pages cited by answer engines carry numbers far "
        "more often. A figure counts most when the sentence says where it comes from (a study, an "
        "authority, your own measurements) — never an invented one. Source: Aggarwal et al., "
        "'GEO: Generative Engine Optimization', KDD 2024."
    )
    category = "evidence"
    weight = 3
    effort = "medium"
    remedy = "Back claims with concrete figures and name their source (who measured it, when)."
    rule = (
        "a statistic is a number that states a measured or counted fact: a number with a unit, percent, "
        'currency or a counted noun ("über 800 Werkstätten"), a number with decimals or thousands separators '
        '("3,4", "250.000"), the first number of a range ("180 bis 300 Euro"), a number word in a count or '
        'share frame ("über zehn Bewohner", "zwei Millionen Menschen", "twelve households"), a share in words '
        '("die Hälfte der Befragten", "jeder dritte Haushalt", "two thirds of respondents", "one in five '
        'adults"), a short magnitude ("600k", "2.5M users"), a ratio ("3x more likely") or a match score. Not: '
        "phone numbers, dates and years, times, § references, offer prices, fees and discounts "
        '("ab 4.990 €", "from £450"), years in business or of experience ("seit 20 Jahren"), quantities in '
        'instructions and recipes, numbers of steps, list items or a framework\'s items ("10 heuristics"), '
        "versions and identifiers, hypothetical or worked examples, study design (sample sizes, the number "
        'of questions), plans and events still to come ("we\'ll gather 150"), capacities, goals and terms of '
        "office, a donation page's appeals. Legal, contact, listing and changelog pages have no statistics. "
        "Sourced when the "
        'sentence names a source ("laut", "Quelle", "zufolge", "Studie", "according to", "survey", "et al.", '
        'own data: "we analysed", "unsere Messungen", "Methodik") or refers back to the sentence before that '
        'names one ("Demnach …"), an external link\'s anchor appears in it (not as part of what the figure '
        'counts, not a link after "our", nor one item of a list of names), an address is written out in it, '
        "a footnote marker points into the reference list, it stands in a quotation of a named "
        'speaker, or a "Quelle:/Source:" line is under it or its table. pass: ≥ 3 statistics and ≥ 1 '
        "sourced. warn: statistics but none sourced, or fewer than 3. fail: none. Unsourced figures are "
        "listed as findings in every state."
    )

    messages = {
        "none": "no figures (number with unit, percent or amount)",
        "none-note": "no statistic found",
        "source": "source: {source}",
        "no-source": "no source named",
        "figures": "figures: {figures}",
        "counts": "{count} statistic(s), {sourced} sourced",
        "unsourced": "{unsourced} without a named source (readers and engines cannot check them)",
        "problem": "{finding}: {problem}",
        "none-sourced": "none with a named source",
        "too-few": "fewer than {minimum}",
        "element-main-text": "main text",
        "element-statistic": "statistic",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        found = page_statistics(page)
        count = sum(len(s.figures) for s in found)
        sourced = sum(len(s.figures) for s in found if s.source)
        if not found:
            return PageOutcome(
                url=page.url,
                state="fail",
                reason=self.msg("none"),
                evidence=[Evidence(url=page.url, element=self.msg("element-main-text"), note=self.msg("none-note"))],
            )
        ranked = found[:MAX_EVIDENCE]  # page order: a consultant checks them top to bottom
        unsourced = [s for s in found if s.source is None]
        if unsourced and unsourced[0] not in ranked:  # a figure without a source is a finding: always show one
            ranked[-1] = unsourced[0]
        evidence = [
            Evidence(
                url=page.url,
                element=self.msg("element-statistic"),
                excerpt=excerpt(s.sentence, 200),
                note=join(
                    [
                        self.msg("source", source=s.source) if s.source else self.msg("no-source"),
                        self.msg("figures", figures=", ".join(s.figures)),
                    ]
                ),
            )
            for s in ranked
        ]
        findings = [self.msg("counts", count=count, sourced=sourced)]
        if count > sourced:
            findings.append(self.msg("unsourced", unsourced=count - sourced))
        if count >= MIN_STATISTICS and sourced:
            return PageOutcome(url=page.url, state="pass", reason=join(findings), evidence=evidence)
        problem = self.msg("none-sourced") if not sourced else self.msg("too-few", minimum=MIN_STATISTICS)
        findings[-1] = self.msg("problem", finding=findings[-1], problem=problem)
        return PageOutcome(url=page.url, state="warn", reason=join(findings), evidence=evidence)

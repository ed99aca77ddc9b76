"""hreflang: a page's language versions are annotated so that search engines can use them.

Validated as Screaming Frog and Sitebulb do, on the alternates of the HTML `<link rel="alternate"
hreflang>`, the HTTP `Link` header and the sitemap's `xhtml:link` (`Hreflang.source`,
`SitemapEntry.alternates`). Judged: analysed, indexable pages that carry
hreflang and do not defer to another canonical URL (Google ignores their annotations); a site without
hreflang is not applicable.

Fail (Google ignores the annotation): a code that is no ISO 639-1 language with an optional ISO 15924
script and ISO 3166-1 alpha-2 region (or `x-default`); one code naming several URLs; an alternate that
redirects, answers an error or cannot be fetched, is noindex, or names another canonical URL; an
alternate that does not link back (return link). Warn: no self-reference; an alternate that calls
itself by another code than this page gives it; an `x-default` that differs from an alternate's; a
page whose language (detected from the text, else declared) is not the language its hreflang codes
say. Alternates the crawl did not fetch (other hosts, limits) are not judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from urllib.parse import urljoin

from scoring.checks.canonical_tag import normalise as _normalise
from scoring.core.messages import Message, join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable, text_language
from scoring.translations import LANGUAGE_ALIASES, Alternate, alternates_of, declared_alternates, page_language

# ISO 639-1 (two-letter language codes) and ISO 3166-1 alpha-2 (officially assigned regions): the
# formats Google reads (Search Central, "Tell Google about localized versions of your page").
LANGUAGES = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
    ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io
    is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr
    ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si
    sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh
    yi yo za zh zu""".split()
)
REGIONS = frozenset(
    """ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw
    by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj
    fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq
    ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh
    mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl
    pm pn pr ps pt qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg
    th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw""".split()
)
X_DEFAULT = "x-default"
MAX_EVIDENCE = 20  # per page
SelfTest = Callable[[str], bool]  # does a URL name the judged page?
normalise = lru_cache(maxsize=200_000)(_normalise)  # the same URLs are compared from every page of a set
FAILING = ("invalid", "conflict", "redirect", "http-error", "unreachable", "noindex", "canonicalised", "no-return")
# where an alternate was declared -> the element named in the evidence
ELEMENTS = {
    "html": 'link[rel="alternate"][hreflang]',
    "http": "HTTP Link: rel=alternate; hreflang",
    "sitemap": "sitemap xhtml:link[hreflang]",
}


@lru_cache(maxsize=4096)
def code_problem(code: str) -> tuple[str, str] | None:
    """Why an hreflang value is no valid code: (message key, the offending part), or None."""
    value = code.strip()
    if value.lower() == X_DEFAULT:
        return None
    if "_" in value:
        return "code-underscore", value
    parts = value.lower().split("-")
    if parts[0] not in LANGUAGES:
        return ("code-language-long" if len(parts[0]) == 3 and parts[0].isalpha() else "code-language"), parts[0]
    rest = parts[1:]
    if rest and len(rest[0]) == 4 and rest[0].isalpha():  # ISO 15924 script: zh-Hant, sr-Latn
        rest = rest[1:]
    if not rest:
        return None
    if len(rest) > 1:
        return "code-format", value
    if rest[0] == "uk":
        return "code-uk", rest[0]
    if rest[0] not in REGIONS:
        return "code-region", rest[0]
    return None


def primary(code: str) -> str:
    subtag = code.strip().lower().split("-")[0]
    return LANGUAGE_ALIASES.get(subtag, subtag)


def _record(url: str, site: SiteData) -> PageRecord | None:
    """The crawl record of `url` itself (not its redirect target), else one differing only in case."""
    record = site.by_url.get(url)
    if record is None:
        by_normalised = site.memo("hreflang:normalised", lambda: {normalise(p.url): p for p in reversed(site.pages)})
        record = by_normalised.get(normalise(url))
    return record


def _resolved(record: PageRecord, site: SiteData) -> list[tuple[str, str]]:
    """(code, resolved URL) of a page's alternates, once per run: every page of its set asks."""
    table: dict[str, list[tuple[str, str]]] = site.memo("hreflang:resolved", dict)
    if record.url not in table:
        table[record.url] = [(a.code, site.resolve(a.url)) for a in alternates_of(record, site)]
    return table[record.url]


def _canonical_elsewhere(record: PageRecord, site: SiteData) -> str | None:
    if not record.canonical:
        return None
    own = record.final_url or record.url
    canonical = urljoin(own, record.canonical.strip())
    if normalise(canonical) in {normalise(record.url), normalise(own)} or site.resolve(canonical) == own:
        return None
    return canonical


def judged(page: PageRecord, site: SiteData) -> bool:
    """Pages whose annotations count: analysed, indexable, their own canonical, with hreflang."""
    verdicts: dict[str, bool] = site.memo("hreflang:judged", dict)
    if page.url not in verdicts:
        verdicts[page.url] = (
            page.ok
            and is_indexable(page)
            and bool(alternates_of(page, site))
            and _canonical_elsewhere(page, site) is None
        )
    return verdicts[page.url]


def _incoming(site: SiteData) -> dict[str, list[tuple[str, Alternate]]]:
    """Resolved URL -> (declaring URL, alternate) of every annotation of a judged page naming it."""

    def compute() -> dict[str, list[tuple[str, Alternate]]]:
        found: dict[str, list[tuple[str, Alternate]]] = defaultdict(list)
        for url, alts in declared_alternates(site).items():
            source = site.by_url.get(url)
            if source is None or not judged(source, site):  # annotations that count only
                continue
            for alt in alts:
                found[site.resolve(alt.url)].append((url, alt))
        return dict(found)

    return site.memo("hreflang:incoming", compute)


@register
class HreflangCheck(Check):
    id = "hreflang"
    title = "Language versions are linked with valid hreflang"
    failure_title = "hreflang annotations are broken"
    description = (
        "hreflang tells search engines — and the answer engines built on their indexes — which URL "
        "serves which language and region, so that a German reader is shown and quoted the German page. "
        "An annotation only counts when both pages name each other (return link), every code is an ISO "
        "639-1 language with an optional ISO 3166-1 region, and every named URL is an indexable page that "
        "answers 200 and is its own canonical; otherwise it is ignored and the wrong language version "
        "may be shown. Sources: Google Search Central, 'Tell Google about localized versions of your "
        "page'; Screaming Frog and Sitebulb hreflang audits."
    )
    category = "technical"
    weight = 1
    effort = "medium"
    remedy = (
        "Give every language version the same complete hreflang set — itself included, with valid codes "
        "and x-default — naming only final, indexable, self-canonical URLs, and let each named page link back."
    )
    rule = (
        "pages with hreflang (HTML, HTTP Link header, sitemap xhtml:link; analysed, indexable, own "
        "canonical). Fail: an invalid code (not ISO 639-1 [+ ISO 15924 script] [+ ISO 3166-1 alpha-2 region] "
        "or x-default: `en-UK`, `en_GB`, `eng`), one code naming several URLs, an alternate that redirects, "
        "answers non-200, is noindex, names another canonical, or does not link back. Warn: no "
        "self-reference (a set naming neither the page nor a page naming it back — a copied set — is one "
        "warning, not a failure per pair), an alternate calling itself by another code, differing x-default, "
        "a page whose language (detected from the text, else `lang`) is not its hreflang language. Alternates "
        "not crawled are not judged. No hreflang on the site: not applicable."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "ok": "{alternates} language {alternates:plural:version:versions}, every one linking back",
        "ok-alone": "hreflang names this page only",
        "ok-unchecked": (
            "{alternates} language {alternates:plural:version:versions}, the crawled ones linking back; "
            "{unchecked} not crawled, not checked"
        ),
        # reasons: one per kind of problem, with how many annotations it concerns
        "reason-invalid": "{count} invalid hreflang {count:plural:code:codes}",
        "reason-conflict": "{count} {count:plural:code:codes} naming several URLs",
        "reason-redirect": "{count} {count:plural:alternate:alternates} redirecting",
        "reason-http-error": "{count} {count:plural:alternate:alternates} answering an error",
        "reason-unreachable": "{count} {count:plural:alternate:alternates} not fetched",
        "reason-noindex": "{count} {count:plural:alternate:alternates} set to noindex",
        "reason-canonicalised": "{count} {count:plural:alternate:alternates} canonicalised elsewhere",
        "reason-no-return": "{count} {count:plural:alternate:alternates} not linking back",
        "reason-no-self": "no self-reference",
        "reason-outside": "hreflang names other pages only, none naming this one",
        "reason-inconsistent": (
            "{count} {count:plural:alternate calls itself:alternates call themselves} by another code"
        ),
        "reason-x-default": "x-default differs from {count} {count:plural:alternate:alternates}",
        "reason-language": "the language differs from {count} hreflang {count:plural:code:codes}",
        # evidence notes
        "code-language": "'{part}' is no ISO 639-1 language code",
        "code-language-long": "'{part}' is a three-letter code; hreflang takes the ISO 639-1 two-letter code",
        "code-region": "'{part}' is no ISO 3166-1 alpha-2 region code",
        "code-uk": "the United Kingdom's region code is GB, not UK",
        "code-underscore": "language and region are joined by '-', not '_'",
        "code-format": "expected language[-script][-region] or x-default",
        "conflict": 'hreflang="{code}" names {count} different URLs: {urls}',
        "redirect": "the alternate redirects to {final}; name the final URL",
        "http-error": "the alternate answered HTTP {status}",
        "unreachable": "the alternate could not be fetched ({error})",
        "noindex": "the alternate is set to noindex: search engines drop it",
        "canonicalised": "the alternate names another canonical URL ({canonical})",
        "no-return": "{url} does not name this page in its hreflang (no return link): the pair is ignored",
        "no-self": "the set does not name the page itself",
        "outside": (
            "the set names neither this page nor a page that names it back: its annotations are ignored. Give "
            "the page a set of its own, or point its canonical at the page whose set it copies"
        ),
        "inconsistent": "this page calls {url} '{code}', the page itself says '{own}'",
        "x-default": "x-default is {mine} here but {theirs} on {url}",
        "language-detected": "hreflang '{code}' (from {source}), but the text is in '{language}'",
        "language-declared": "hreflang '{code}' (from {source}), but the page declares lang '{language}'",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        return judged(page, site)

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        problems: list[tuple[str, Evidence]] = []  # (kind, evidence)
        alternates = alternates_of(page, site)
        here = site.resolve(page.final_url or page.url)
        own = {normalise(u) for u in (page.url, page.final_url) if u}

        def is_self(url: str) -> bool:
            return normalise(url) in own or site.resolve(url) == here

        def add(kind: str, alt: Alternate, note: Message, into: list | None = None) -> None:
            element = ELEMENTS.get(alt.source, ELEMENTS["html"])
            evidence = Evidence(url=page.url, element=element, excerpt=alt.excerpt, note=note)
            (problems if into is None else into).append((kind, evidence))

        valid = []
        for alt in alternates:
            problem = code_problem(alt.code)
            if problem:
                add("invalid", alt, self.msg(problem[0], part=problem[1]))
            else:
                valid.append(alt)
        by_code: dict[str, list[Alternate]] = defaultdict(list)
        for alt in valid:
            by_code[alt.code.lower()].append(alt)
        for group in by_code.values():
            targets = sorted({site.resolve(a.url) for a in group})
            if len(targets) > 1:
                note = self.msg("conflict", code=group[0].code, count=len(targets), urls=", ".join(targets))
                add("conflict", group[0], note)
        mine_default = sorted({site.resolve(a.url) for a in valid if a.code.lower() == X_DEFAULT})
        unchecked, returned = 0, False
        seen: set[str] = set()
        no_return: list[tuple[str, Evidence]] = []
        for alt in valid:
            if is_self(alt.url) and normalise(alt.url) in own:
                continue
            record = _record(alt.url, site)
            if record is None or (record.fetched_html and record.error is not None):  # not crawled or not read
                unchecked += alt.url not in seen
                seen.add(alt.url)
                continue
            found = list(self._target_problems(alt, record, site, is_self, mine_default))
            returned = returned or not any(kind == "no-return" for kind, _ in found)
            for kind, note in found:  # return links wait: a page outside its own set is one finding
                add(kind, alt, note, no_return if kind == "no-return" else None)
        if not any(is_self(a.url) for a in alternates):  # an invalid self-reference is reported as invalid
            # A page outside its own set that none of the set names back (a copy of another page's
            # annotations: a root page duplicating /de/, page 2 of a listing) is one finding, not one per pair.
            outside = no_return and not returned
            note = self.msg("outside") if outside else self.msg("no-self")
            problems.append(
                ("outside" if outside else "no-self", Evidence(url=page.url, element=ELEMENTS["html"], note=note))
            )
            no_return = [] if outside else no_return
        problems += no_return
        problems += self._language_problems(page, site, alternates, is_self)
        if not problems:
            versions = len({site.resolve(a.url) for a in valid if a.code.lower() != X_DEFAULT})
            if unchecked:
                reason = self.msg("ok-unchecked", alternates=versions, unchecked=unchecked)
            else:
                reason = self.msg("ok", alternates=versions) if versions > 1 else self.msg("ok-alone")
            return PageOutcome(url=page.url, state="pass", reason=reason)
        counts: dict[str, int] = {}
        for kind, _ in problems:
            counts[kind] = counts.get(kind, 0) + 1
        reason = join([self.msg(f"reason-{kind}", count=n) for kind, n in counts.items()])
        state = "fail" if any(kind in FAILING for kind in counts) else "warn"
        ranked = sorted(problems, key=lambda p: p[0] not in FAILING)  # failures first, stable otherwise
        return PageOutcome(url=page.url, state=state, reason=reason, evidence=[e for _, e in ranked][:MAX_EVIDENCE])

    def _target_problems(
        self, alt: Alternate, record: PageRecord, site: SiteData, is_self: SelfTest, mine_default: list[str]
    ) -> Iterator[tuple[str, Message]]:
        """What is wrong with one crawled alternate (an annotation pointing at `record`)."""
        if record.redirect_target is not None:
            yield "redirect", self.msg("redirect", final=site.resolve(alt.url))
            return
        if record.status is None:
            yield "unreachable", self.msg("unreachable", error=record.error or "-")
            return
        if not 200 <= record.status < 300:
            yield "http-error", self.msg("http-error", status=str(record.status))
            return
        if not is_indexable(record):
            yield "noindex", self.msg("noindex")
            return
        canonical = _canonical_elsewhere(record, site)
        if canonical is not None:
            yield "canonicalised", self.msg("canonicalised", canonical=canonical)
            return
        theirs = alternates_of(record, site)
        if not any(is_self(a.url) for a in theirs):
            yield "no-return", self.msg("no-return", url=record.final_url or record.url)
            return
        target = record.final_url or record.url
        resolved = _resolved(record, site)
        own_codes = sorted({code for code, url in resolved if url == target and code_problem(code) is None})
        lower = {c.lower() for c in own_codes}
        if alt.code.lower() != X_DEFAULT and own_codes and alt.code.lower() not in lower:
            yield "inconsistent", self.msg("inconsistent", url=target, code=alt.code, own=", ".join(own_codes))
        their_default = sorted({url for code, url in resolved if code.lower() == X_DEFAULT})
        if mine_default and their_default and mine_default != their_default and alt.code.lower() != X_DEFAULT:
            yield (
                "x-default",
                self.msg("x-default", mine=", ".join(mine_default), theirs=", ".join(their_default), url=target),
            )

    def _language_problems(
        self, page: PageRecord, site: SiteData, alternates: list[Alternate], is_self: SelfTest
    ) -> list[tuple[str, Evidence]]:
        """This page's language against the codes naming it (its own set and other pages'), and the
        language of alternates that are not judged themselves (they carry no hreflang of their own)."""
        found: list[tuple[str, Evidence]] = []
        naming = [(page.url, a, page) for a in alternates if is_self(a.url)]
        naming += [(src, a, page) for src, a in _incoming(site).get(site.resolve(page.final_url or page.url), ())]
        for alt in alternates:
            record = site.page(alt.url)
            if record is not None and not is_self(alt.url) and record.ok and not judged(record, site):
                naming.append((page.url, alt, record))
        reported: set[tuple[str, str]] = set()
        for source, alt, record in naming:
            code = alt.code.lower()
            language = page_language(record)
            key = (record.url, primary(code))
            if code == X_DEFAULT or code_problem(alt.code) or not language or key in reported:
                continue
            if primary(code) != language:
                reported.add(key)
                detected = text_language(record)  # a short page's declared language is no detection
                detected = bool(detected) and primary(detected) == language
                note = self.msg(
                    "language-detected" if detected else "language-declared",
                    code=alt.code,
                    source=source,
                    language=language,
                )
                element = ELEMENTS.get(alt.source, ELEMENTS["html"])
                found.append(("language", Evidence(url=record.url, element=element, excerpt=alt.excerpt, note=note)))
        return found

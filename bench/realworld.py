"""Accuracy of the page detectors on real sites: hand labels against `pages[].signals`.

Each site of bench/realworld/sites.tsv that has labels is exported (bench/realworld/export.py),
audited as its production host (`geo-audit audit DIR --as-host https://HOST`, served on loopback,
briefs off), and every labelled page's signals in results.json are compared with its label
(bench/realworld/labels.jsonl; definitions in docs/labelling.md):

- page type: accuracy (the label's type or one of its `page_type_ok`);
- byline, Person schema, date, attributed quotes, statistics, sourced statistics, citations:
  precision and recall of presence (label count > 0 against signal count > 0);
- author names: share of true bylines where the audit found exactly the labelled names (parentheses
  and @handles dropped, case-insensitive);
- main-text words: median of |audit - label| / max(label, 100), per page type;
- quote speakers: share of the attributed quotes the audit lists on a page (the evidence of the
  attributed-quotes check, article pages) whose speaker is one of the page's labelled
  `quote_speakers` (titles dropped; a surname alone names the same person);
- language: share of the pages labelled with a `language` (the language of the text a person reads
  on the page, decided by reading it; `language_ok` lists a second answer for a page written half in
  each) whose detected `pages[].language` matches. A page the audit leaves unmeasured (None: too
  short or too mixed to tell) counts as not right; wrong answers are counted apart. Pages labelled
  `language: null` have no text to tell (empty, a script, "blah blah blah"): right when the audit
  says None too.

    python bench/realworld.py [--root /tmp/geo-realworld] [--out /tmp/geo-realworld-out] [--reuse]
                              [--sites a,b] [--show byline,page_type,...]

`--reuse` scores the results.json of an earlier run instead of auditing again (for iterating on the
comparison); `--show` prints each mismatch of the named detectors (URL, label, audit). Exit code 0;
the figures go into bench/RESULTS.md by hand, with the command.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "realworld"))
from export import DEFAULT_MIRROR, DEFAULT_ROOT, export_site, load_sites  # noqa: E402

LABEL_SETS = {
    # the corpus the detectors were tuned on
    "corpus": (HERE / "realworld" / "labels.jsonl", HERE / "realworld" / "labels.d"),
    # sites added after tuning, labelled by someone who never saw the detectors' output: the held-out check
    "heldout": (HERE / "realworld" / "heldout.jsonl", HERE / "realworld" / "heldout.d"),
    # a second unseen batch, labelled after the page model was changed for the first held-out sites
    "heldout2": (HERE / "realworld" / "heldout2.jsonl", HERE / "realworld" / "heldout2.d"),
    # a third unseen batch (a German WordPress event venue, a Swiss law firm in German and English),
    # labelled from the HTML and measured before the page model was changed for it
    "heldout3": (HERE / "realworld" / "heldout3.jsonl", HERE / "realworld" / "heldout3.d"),
    # a fourth unseen batch (a German arts association, an English SaaS blog rebuilt by a designer, a
    # Swiss IT company in English and German), labelled from the HTML before its first measurement
    "heldout4": (HERE / "realworld" / "heldout4.jsonl", HERE / "realworld" / "heldout4.d"),
    # a fifth unseen batch (a Munich monastery with its German support association, a German freelance IT
    # trainer, an English community interest company, an English R-training team), labelled from the HTML
    # before any audit of these sites
    "heldout5": (HERE / "realworld" / "heldout5.jsonl", HERE / "realworld" / "heldout5.d"),
    # a sixth unseen batch (a German windmill preservation association on Zola, a German GP practice with doctor
    # profiles, an English animal welfare CIC exported from PHP, an English open-source design agency on Hugo),
    # labelled from the HTML before any audit of these sites
    "heldout6": (HERE / "realworld" / "heldout6.jsonl", HERE / "realworld" / "heldout6.d"),
    # a seventh unseen batch (the Berlin technology foundation's data lab with bylined German data posts, a Münster
    # open data non-profit on Hugo), labelled from the HTML before any audit of these sites
    "heldout7": (HERE / "realworld" / "heldout7.jsonl", HERE / "realworld" / "heldout7.d"),
    # an eighth unseen batch (a German climate action alliance's WordPress export with press releases, an English
    # conversion-optimisation agency's Jekyll blog), labelled from the HTML before any audit of these sites
    "heldout8": (HERE / "realworld" / "heldout8.jsonl", HERE / "realworld" / "heldout8.d"),
    # a ninth unseen batch (a Hamburg PR agency's hand-kept HTML 4 site with press-release articles, an Australian IT
    # consultancy's Jekyll build with extensionless links), labelled from the HTML before any audit of these sites
    "heldout9": (HERE / "realworld" / "heldout9.jsonl", HERE / "realworld" / "heldout9.d"),
    # a tenth unseen batch (a Munich Freifunk association's Jekyll news and press releases, a German/English MkDocs
    # Material site of a learning method with blog posts), labelled from the HTML before any audit of these sites
    "heldout10": (HERE / "realworld" / "heldout10.jsonl", HERE / "realworld" / "heldout10.d"),
    # an eleventh unseen batch (an English data-streaming SaaS blog on Hugo, an English children's charity mirrored
    # with wget), labelled from the HTML before any audit of these sites
    "heldout11": (HERE / "realworld" / "heldout11.jsonl", HERE / "realworld" / "heldout11.d"),
    # a twelfth unseen batch (a Madrid functional-programming consultancy's bylined Jekyll blog, a Stuttgart vehicle
    # damage assessor's hand-written German guide articles), labelled from the HTML before any audit of these sites
    "heldout12": (HERE / "realworld" / "heldout12.jsonl", HERE / "realworld" / "heldout12.d"),
    # a thirteenth unseen batch (a Columbia epidemiology research group's Hugo site with op-eds and fact sheets, a
    # German science-communication researcher's Hugo blog), labelled from the HTML before any audit of these sites
    "heldout13": (HERE / "realworld" / "heldout13.jsonl", HERE / "realworld" / "heldout13.d"),
    # a fourteenth unseen batch (the Eclipse Foundation's IoT working group with case studies quoting engineers, Slow
    # Food Youth Hamburg's event reports), labelled from the HTML before any audit of these sites
    "heldout14": (HERE / "realworld" / "heldout14.jsonl", HERE / "realworld" / "heldout14.d"),
    # a fifteenth unseen batch (Open Knowledge Foundation Deutschland's Hugo build with bylined civic-tech posts, a US
    # research-software company's Squarespace copy with press releases quoting executives), labelled from the HTML
    # before any audit of these sites
    "heldout15": (HERE / "realworld" / "heldout15.jsonl", HERE / "realworld" / "heldout15.d"),
    # a sixteenth unseen batch (a Bavarian horticulture association's Hugo site, an English open-source clinical
    # software company's Octopress blog), labelled from the HTML before any audit, measured on the final code
    "heldout16": (HERE / "realworld" / "heldout16.jsonl", HERE / "realworld" / "heldout16.d"),
    # a seventeenth unseen batch (a UK maritime-tracking company's WordPress copy with press releases quoting
    # executives, a Stuttgart internet association's Hugo site), labelled from the HTML before any audit, measured on
    # the final code
    "heldout17": (HERE / "realworld" / "heldout17.jsonl", HERE / "realworld" / "heldout17.d"),
    # an eighteenth unseen batch (a TH Köln research project on digital participation with long sourced articles and
    # JSON-LD-only authors), labelled from the HTML before any audit of these sites
    "heldout18": (HERE / "realworld" / "heldout18.jsonl", HERE / "realworld" / "heldout18.d"),
    # a nineteenth unseen batch (MIT Civic Media's Promise Tracker WordPress mirror with bylined posts citing Brazilian
    # press and public bodies), labelled from the HTML before any audit of these sites
    "heldout19": (HERE / "realworld" / "heldout19.jsonl", HERE / "realworld" / "heldout19.d"),
    # a twentieth unseen batch (the Austrian Institute of Technology's German/English energy knowledge platform on Hugo
    # with multi-author articles and footnoted sources), labelled from the HTML before any audit of these sites
    "heldout20": (HERE / "realworld" / "heldout20.jsonl", HERE / "realworld" / "heldout20.d"),
    # a twenty-first unseen batch (an art foundation's Jekyll site with lang=en over German text, quotations of poets
    # and musicians), labelled from the HTML before any audit, measured on the final code
    "heldout21": (HERE / "realworld" / "heldout21.jsonl", HERE / "realworld" / "heldout21.d"),
    # a twenty-second unseen batch (an Australian workshop-marketing agency's static site full of unsourced campaign
    # figures and testimonials), labelled from the HTML before any audit, measured on the final code
    "heldout22": (HERE / "realworld" / "heldout22.jsonl", HERE / "realworld" / "heldout22.d"),
    # tenth stop, each labelled from the HTML before any audit of it and first measured on the previous stop's code:
    # a German leave-management SaaS's Eleventy product site with news and help pages
    "heldout23": (HERE / "realworld" / "heldout23.jsonl", HERE / "realworld" / "heldout23.d"),
    # a Göttingen climate alliance's Hugo site: press releases and statements with quotes and city figures
    "heldout24": (HERE / "realworld" / "heldout24.jsonl", HERE / "realworld" / "heldout24.d"),
    # OpenTable's UK engineering blog (Hexo): username bylines, links to documentation, benchmark figures
    "heldout25": (HERE / "realworld" / "heldout25.jsonl", HERE / "realworld" / "heldout25.d"),
    # a US digital-rights non-profit's Jekyll build: press releases quoting its staff, press coverage lists
    "heldout26": (HERE / "realworld" / "heldout26.jsonl", HERE / "realworld" / "heldout26.d"),
    # labelled later in the tenth stop, first measured on its final code: a Frankfurt cystic-fibrosis self-help
    # association's Jekyll site (letters signed at the end, disease information, events)
    "heldout27": (HERE / "realworld" / "heldout27.jsonl", HERE / "realworld" / "heldout27.d"),
    # and a UK space-sector PR agency (Astro)
    "heldout28": (HERE / "realworld" / "heldout28.jsonl", HERE / "realworld" / "heldout28.d"),
    # the eleventh stop's unseen batch, labelled before any audit of it: a Bavarian procurement-software maker's
    # WordPress export (customer stories full of quotes, no visible bylines)
    "heldout29": (HERE / "realworld" / "heldout29.jsonl", HERE / "realworld" / "heldout29.d"),
    # a Berlin transparency referendum alliance (Hugo): press releases quoting spokespeople, signature counts
    "heldout30": (HERE / "realworld" / "heldout30.jsonl", HERE / "realworld" / "heldout30.d"),
    # a Belfast low-code SaaS's Hugo marketing site: bylined posts with figures and sources
    "heldout31": (HERE / "realworld" / "heldout31.jsonl", HERE / "realworld" / "heldout31.d"),
    # a beneficial-ownership transparency non-profit (Jekyll): bylined news, statements, studies linked
    "heldout32": (HERE / "realworld" / "heldout32.jsonl", HERE / "realworld" / "heldout32.d"),
    # a Berlin bank-law firm's Jekyll blog: author and date at the end, court rulings quoted
    "heldout33": (HERE / "realworld" / "heldout33.jsonl", HERE / "realworld" / "heldout33.d"),
    # a Bavarian lithium-battery maker (react-static): a few bylined posts, a wiki, whole posts on its blog index
    "heldout34": (HERE / "realworld" / "heldout34.jsonl", HERE / "realworld" / "heldout34.d"),
    # a NRW school-parents' association (Hugo): press releases, statements, survey figures, signed letters
    "heldout35": (HERE / "realworld" / "heldout35.jsonl", HERE / "realworld" / "heldout35.d"),
    # an energy consultancy's WordPress knowledge blog (static export): news with sources, guides full of prices
    "heldout36": (HERE / "realworld" / "heldout36.jsonl", HERE / "realworld" / "heldout36.d"),
    # a Shanghai DevOps SaaS (Metalsmith, 2015): avatar bylines, ops how-tos citing docs, few figures
    "heldout37": (HERE / "realworld" / "heldout37.jsonl", HERE / "realworld" / "heldout37.d"),
    # a US journalism-technology non-profit (Jekyll): posts dated at their end, survey reports, quoted fellows
    "heldout38": (HERE / "realworld" / "heldout38.jsonl", HERE / "realworld" / "heldout38.d"),
    # a small craft brewery (Hugo, German text under lang=en-us): short news posts, a signed poem, events
    "heldout39": (HERE / "realworld" / "heldout39.jsonl", HERE / "realworld" / "heldout39.d"),
    # a Swiss Rails agency (static build, de-CH): unsigned news posts, case studies, customer testimonials
    "heldout40": (HERE / "realworld" / "heldout40.jsonl", HERE / "realworld" / "heldout40.d"),
    # a Bavarian local-history society (Zola): reprinted press reports quoting speakers, historical figures
    "heldout41": (HERE / "realworld" / "heldout41.jsonl", HERE / "realworld" / "heldout41.d"),
    # an Edinburgh zero-waste co-operative (Hugo): bylined posts, impact figures, sourced fashion statistics
    "heldout42": (HERE / "realworld" / "heldout42.jsonl", HERE / "realworld" / "heldout42.d"),
    # a Tennessee data-engineering consultancy (hand-written HTML): "Author:"/"By:" posts, case studies, essays
    "heldout43": (HERE / "realworld" / "heldout43.jsonl", HERE / "realworld" / "heldout43.d"),
    # a UK security consultancy's research blog (Hugo): bylined posts, tests and sources, dev-server build
    "heldout44": (HERE / "realworld" / "heldout44.jsonl", HERE / "realworld" / "heldout44.d"),
    # a US news-literacy non-profit (Drupal wget copy): press releases quoting people, survey figures
    "heldout45": (HERE / "realworld" / "heldout45.jsonl", HERE / "realworld" / "heldout45.d"),
    # a German ventilation-hygiene service firm (static HTML): services, glossary, news, named case quotes
    "heldout46": (HERE / "realworld" / "heldout46.jsonl", HERE / "realworld" / "heldout46.d"),
    # a German study-commission watch blog (WordPress export): bylines at the end, quoted MPs, votes
    "heldout47": (HERE / "realworld" / "heldout47.jsonl", HERE / "realworld" / "heldout47.d"),
    # an Irish customer-reviews SaaS (Hugo from WordPress): bylined posts quoting press, forecasts
    "heldout48": (HERE / "realworld" / "heldout48.jsonl", HERE / "realworld" / "heldout48.d"),
    # a small German party (Gatsby): bylined press releases and columns, quoted politicians, figures
    "heldout49": (HERE / "realworld" / "heldout49.jsonl", HERE / "realworld" / "heldout49.d"),
    # the Tor Project's blog (a 2014 Jekyll rebuild, noindex everywhere): username bylines, relay figures, sources
    "heldout50": (HERE / "realworld" / "heldout50.jsonl", HERE / "realworld" / "heldout50.d"),
    # a TU Dresden research project (WordPress static export, de/en): unsigned news, survey figures, papers
    "heldout51": (HERE / "realworld" / "heldout51.jsonl", HERE / "realworld" / "heldout51.d"),
    # a US business-texting SaaS (Gatsby): bylined posts citing studies, customer stories quoting customers
    "heldout52": (HERE / "realworld" / "heldout52.jsonl", HERE / "realworld" / "heldout52.d"),
    # a Leipzig academy's digital-humanities unit (Zola): dated posts, guides, conference reports, statutes quoted
    "heldout53": (HERE / "realworld" / "heldout53.jsonl", HERE / "realworld" / "heldout53.d"),
    # a small German energy-IT company's news blog (Hexo, 2017/18): short posts, quoted documents, few figures
    "heldout54": (HERE / "realworld" / "heldout54.jsonl", HERE / "realworld" / "heldout54.d"),
    # a German citizens' association against a bypass road (Hugo): press releases, open letters, quoted newspapers
    "heldout55": (HERE / "realworld" / "heldout55.jsonl", HERE / "realworld" / "heldout55.d"),
    # an API contract-testing SaaS (WordPress static export, English): bylined posts, case studies, testimonials
    "heldout56": (HERE / "realworld" / "heldout56.jsonl", HERE / "realworld" / "heldout56.d"),
    # a Dutch data-for-good foundation (Jekyll, English): first-name bylines, meetup reports, embedded tweets
    "heldout57": (HERE / "realworld" / "heldout57.jsonl", HERE / "realworld" / "heldout57.d"),
    # a Vienna telephone-sales agency (hand-written HTML, German): testimonials, own campaign figures, guides
    "heldout58": (HERE / "realworld" / "heldout58.jsonl", HERE / "realworld" / "heldout58.d"),
    # an EU research consortium on cybersecurity (Hugo, English): partner researchers' posts, quoted officials
    "heldout59": (HERE / "realworld" / "heldout59.jsonl", HERE / "realworld" / "heldout59.d"),
    # a Görlitz association for digital education (Gatsby, German): undated-author news, events, statutes
    "heldout60": (HERE / "realworld" / "heldout60.jsonl", HERE / "realworld" / "heldout60.d"),
    # a Boston biomedical accelerator (WordPress export, English): press releases quoting researchers, funding figures
    "heldout63": (HERE / "realworld" / "heldout63.jsonl", HERE / "realworld" / "heldout63.d"),
    # a one-lawyer traffic-law firm in Wiesbaden (hand-written HTML, German): guides, JSON-LD authors, few figures
    "heldout64": (HERE / "realworld" / "heldout64.jsonl", HERE / "realworld" / "heldout64.d"),
    # a Belgian inventory-management SaaS (Hugo, English): a few bylined posts, testimonials, animated counters
    "heldout61": (HERE / "realworld" / "heldout61.jsonl", HERE / "realworld" / "heldout61.d"),
    # a software and systems studio in Melle (hand-written HTML, German): project case studies, counters, ratings
    "heldout65": (HERE / "realworld" / "heldout65.jsonl", HERE / "realworld" / "heldout65.d"),
    # an IIT Bombay nutrition research group (WordPress restored from an archive, English): policy briefs, survey data
    "heldout66": (HERE / "realworld" / "heldout66.jsonl", HERE / "realworld" / "heldout66.d"),
    # a TH Köln media-informatics programme (Hugo prototype, German): unsigned news, events, thesis abstracts
    "heldout67": (HERE / "realworld" / "heldout67.jsonl", HERE / "realworld" / "heldout67.d"),
    # a Durham NC design and development agency (Jekyll, English): bylined blog, data posts, a case study
    "heldout68": (HERE / "realworld" / "heldout68.jsonl", HERE / "realworld" / "heldout68.d"),
    # a scouts' support association in Karlshuld (Siteleaf, German): bylined club news, member figures
    "heldout69": (HERE / "realworld" / "heldout69.jsonl", HERE / "realworld" / "heldout69.d"),
    # a US family-homelessness nonprofit (WordPress mirror, English): press releases quoting people, many figures
    "heldout70": (HERE / "realworld" / "heldout70.jsonl", HERE / "realworld" / "heldout70.d"),
    # an energy company's news blog (Hugo, German): press releases quoting managers, market figures, sourced data
    "heldout71": (HERE / "realworld" / "heldout71.jsonl", HERE / "realworld" / "heldout71.d"),
    # a Glasgow community council (Hugo PaperMod, English): meeting reports, police letters, consultations
    # an API developer-experience SaaS (WordPress static export, English): data reports, customer stories, pull quotes
    "heldout72": (HERE / "realworld" / "heldout72.jsonl", HERE / "realworld" / "heldout72.d"),
    # a parents' initiative against childcare cuts in Leinfelden-Echterdingen (Publii, German): press echo, quotes
    "heldout73": (HERE / "realworld" / "heldout73.jsonl", HERE / "realworld" / "heldout73.d"),
    "heldout74": (HERE / "realworld" / "heldout74.jsonl", HERE / "realworld" / "heldout74.d"),
    # a Swiss reproducibility research network (Hugo, English): bylined news quoting researchers, papers cited
    "heldout76": (HERE / "realworld" / "heldout76.jsonl", HERE / "realworld" / "heldout76.d"),
}
DEFAULT_OUT = Path("/tmp/geo-realworld-out")
# The deploy repository of cryptomator builds for a staging host whose robots.txt is "Disallow: /";
# the production site is crawlable; c-m-l's snapshot is a Hugo dev-server build (robots.txt "Disallow: /", sitemap
# on localhost:1313); hannesbraeu's is a Hugo build outside the production environment (robots.txt "Disallow: /" and
# noindex on every page); bbic's archive copy has "Disallow: /". Only for these snapshots the bench lets the crawl
# past it.
IGNORE_ROBOTS = {"cryptomator", "c-m-l", "hannesbraeu", "bbic"}
# jumpsec-labs' snapshot is a Hugo dev-server build: "noindex, nofollow" on every page, the production site has none;
# apimatic's is a Simply Static export of a WordPress staging copy with "noindex, nofollow" on 139 pages
FOLLOW_NOFOLLOW = {"jumpsec-labs", "apimatic"}
PRESENCE = {  # detector -> (label key, signal key)
    "byline": ("has_byline", "authors"),
    "person_schema": ("has_person_schema", "person_schema"),
    "date": ("published_date", "published"),
    "quotes": ("n_attributed_quotes", "quotes_attributed"),
    "statistics": ("n_statistics", "statistics"),
    "sourced_statistics": ("n_sourced_statistics", "statistics_sourced"),
    "citations": ("n_outbound_citations", "citations"),
}
TARGETS = {  # issue "Findings that hold on real sites": (precision, recall)
    "byline": (0.95, 0.90),
    "person_schema": (0.95, 0.90),
    "date": (0.95, 0.90),
}


def load_labels(which: str = "corpus") -> list[dict]:
    """Labels of one set (LABEL_SETS), or of every set for "all"."""
    if which == "all":
        return [label for name in LABEL_SETS for label in load_labels(name)]
    merged, per_site = LABEL_SETS[which]
    files = [merged] if merged.exists() else sorted(per_site.glob("*.jsonl"))
    labels = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                labels.append(json.loads(line))
    return labels


def url_key(url: str) -> str:
    """Path (and query) without host, index file or trailing slash: how a label meets a crawled URL."""
    parts = urlsplit(url)
    path = re.sub(r"/index\.html?$", "/", unquote(parts.path)).rstrip("/") or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def audit_site(site, root: Path, out: Path) -> Path:
    """Audit one exported site as its production host; return its results.json."""
    target = out / site.name
    if target.exists():
        shutil.rmtree(target)
    exe = Path(sys.executable).with_name("geo-audit")
    cmd = [
        str(exe),
        "audit",
        str(root / site.name),
        "--as-host",
        site.origin,
        "--out",
        str(target),
        "--db",
        str(out / "audits.db"),
        "--delay",
        "0",
        "--max-pages",
        "6000",
        "--max-depth",
        "60",
        "--llm",
        "none",
        "--json",
    ]
    if site.name in IGNORE_ROBOTS:
        cmd += ["-s", "ROBOTSTXT_OBEY=False"]
    if site.name in FOLLOW_NOFOLLOW:
        cmd += ["--follow-nofollow"]
    began = time.perf_counter()
    if site.start == "/":
        done = subprocess.run(cmd, capture_output=True, text=True)
    else:  # a stub at the root: served here, the audit starts at the site's real entry page
        from auditor.serve import StaticSite

        with StaticSite(root / site.name, origin_alias=site.origin) as served:
            cmd[2] = served.origin + site.start
            done = subprocess.run(cmd, capture_output=True, text=True)
    took = time.perf_counter() - began
    if done.returncode != 0 and not (target / "results.json").exists():
        raise SystemExit(f"{site.name}: audit failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    print(f"  audited {site.name:24} in {took:6.1f} s", file=sys.stderr)
    return target / "results.json"


# Academic titles before a name ("Dr. Sven Roe" as printed, "Sven Roe" as the audit names the person) are no part
# of the name compared.
_LEADING_TITLES = re.compile(r"^(?:(?:dr|prof|dipl\.-\w+|mag|priv\.-doz|pd)\.?\s+)+", re.IGNORECASE)


def names_key(names: str | list[str] | None) -> list[str]:
    if not names:
        return []
    # "Diana/Rocco" as shown on the page is two people, as the audit lists them
    items = names if isinstance(names, list) else re.split(r", |/", names)
    cleaned = []
    for item in items:
        item = re.sub(r"\([^)]*\)|@\w+", "", item)
        cleaned.append(_LEADING_TITLES.sub("", " ".join(item.split())).casefold())
    return [c for c in cleaned if c]


_TITLE_WORDS = {
    "gov",
    "sen",
    "rep",
    "dr",
    "prof",
    "professor",
    "professorin",
    "dipl",
    "ing",
    "mr",
    "mrs",
    "ms",
    "herr",
    "frau",
    "h",
    "c",
    "mult",
}


def name_tokens(name: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", re.sub(r"\([^)]*\)", "", name).casefold())
    return {w for w in words if w not in _TITLE_WORDS}


def speaker_matches(found: str, labelled: list[str]) -> bool:
    """The audit's speaker is one of the labelled ones: the same words, or a part of them ("Berger"
    for "Dr. Klaus Berger"), or the labelled name inside a longer one ("Lars Buchholz von cotedo")."""
    tokens = name_tokens(found)
    return bool(tokens) and any(
        (other := name_tokens(name)) and (tokens <= other or other <= tokens) for name in labelled
    )


def quote_speakers(check: dict) -> dict[str, list[str]]:
    """{url key: speakers listed in the attributed-quotes check's evidence, one per quote}."""
    found: dict[str, list[str]] = {}
    for outcome in check.get("pages") or []:
        notes = [e.get("note") or "" for e in outcome.get("evidence") or []]
        found[url_key(outcome["url"])] = [
            n.removeprefix("attributed to ") for n in notes if n.startswith("attributed to ")
        ]
    return found


def signal_present(key: str, value) -> bool:
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value > 0
    return value is not None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, truth: bool, found: bool, note: str) -> None:
        if truth and found:
            self.tp += 1
        elif found:
            self.fp += 1
            self.misses.append("FP " + note)
        elif truth:
            self.fn += 1
            self.misses.append("FN " + note)
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def fmt(value: float | None) -> str:
    return "  –  " if value is None else f"{value:.3f}"


def compare(labels: list[dict], results: dict[str, dict]) -> dict:
    """Every figure of the module docstring, from labels and {site: results.json}."""
    presence = {name: Score() for name in PRESENCE}
    type_ok = Score()  # tp = right, fp = wrong
    type_misses: list[str] = []
    names_right = names_total = 0
    name_misses: list[str] = []
    speakers_right = speakers_total = 0
    speaker_misses: list[str] = []
    language = {"right": 0, "wrong": 0, "none": 0, "textless": 0, "textless_right": 0}
    language_misses: list[str] = []
    word_errors: dict[str, list[float]] = defaultdict(list)
    word_misses: list[tuple[float, str]] = []
    missing: list[str] = []
    for label in labels:
        pages = results.get(label["site"])
        if pages is None:
            continue
        page = pages.get(url_key(label["url"]))
        signals = page and page.get("signals")
        if not signals:
            missing.append(f"{label['url']} (status {page.get('status') if page else 'not crawled'})")
            continue
        url = label["url"]
        for name, (label_key, signal_key) in PRESENCE.items():
            truth = signal_present(label_key, label[label_key])
            found = signal_present(signal_key, signals[signal_key])
            presence[name].add(truth, found, f"{url}  label={label[label_key]!r}  audit={signals[signal_key]!r}")
        accepted = {label["page_type"], *(label.get("page_type_ok") or [])}
        if signals["page_type"] in accepted:
            type_ok.tp += 1
        else:
            type_ok.fp += 1
            type_misses.append(f"{url}  label={label['page_type']}  audit={signals['page_type']}")
        if label["has_byline"] and signals["authors"]:
            names_total += 1
            if names_key(label["author_name"]) == names_key(signals["authors"]):
                names_right += 1
            else:
                name_misses.append(f"{url}  label={label['author_name']!r}  audit={signals['authors']!r}")
        if label.get("quote_speakers"):
            for speaker in page.get("quote_speakers") or []:
                speakers_total += 1
                if speaker_matches(speaker, label["quote_speakers"]):
                    speakers_right += 1
                else:
                    speaker_misses.append(f"{url}  label={label['quote_speakers']!r}  audit={speaker!r}")
        if "language" in label:
            compare_language(label, page.get("language"), page.get("language_confidence"), language, language_misses)
        error = abs(signals["words_main"] - label["word_count_main"]) / max(label["word_count_main"], 100)
        word_errors[label["page_type"]].append(error)
        word_misses.append(
            (
                error,
                f"{url}  [{label['page_type']}] label={label['word_count_main']} "
                f"audit={signals['words_main']}  ({error:.0%})",
            )
        )
    return {
        "presence": presence,
        "page_type": (type_ok.tp, type_ok.tp + type_ok.fp, type_misses),
        "names": (names_right, names_total, name_misses),
        "speakers": (speakers_right, speakers_total, speaker_misses),
        "language": (language, language_misses),
        "words": word_errors,
        "word_misses": [m for _, m in sorted(word_misses, reverse=True) if _ > 0.10],
        "missing": missing,
    }


def compare_language(
    label: dict, found: str | None, confidence: float | None, counts: dict[str, int], misses: list[str]
) -> None:
    """Count one labelled page's detected language into `counts` (right / wrong / none / textless)."""
    want = label["language"]
    note = f"{label['url']}  label={want!r}  audit={found!r} ({confidence})"
    if want is None:
        counts["textless"] += 1
        counts["textless_right"] += found is None
        if found is not None:
            misses.append("TEXTLESS " + note)
    elif found is None:
        counts["none"] += 1
        misses.append("NONE " + note)
    elif found in (want, *(label.get("language_ok") or [])):
        counts["right"] += 1
    else:
        counts["wrong"] += 1
        misses.append("WRONG " + note)


def report(figures: dict, labels: list[dict], sites: list[str], show: set[str]) -> None:
    print(
        f"{len(labels)} labelled pages from {len(sites)} sites; "
        f"{len(figures['missing'])} labelled pages without signals (not crawled or not HTML)"
    )
    for line in figures["missing"]:
        print(f"  missing: {line}")
    print(f"\n{'detector':20} {'precision':>9} {'recall':>7}   tp  fp  fn   target")
    for name, score in figures["presence"].items():
        target = TARGETS.get(name)
        mark = ""
        if target and score.precision is not None and score.recall is not None:
            mark = "ok" if score.precision >= target[0] and score.recall >= target[1] else "MISSED"
            mark = f"{target[0]:.2f}/{target[1]:.2f} {mark}"
        print(
            f"{name:20} {fmt(score.precision):>9} {fmt(score.recall):>7} {score.tp:4} {score.fp:3} {score.fn:3}   "
            f"{mark}"
        )
    right, total, type_misses = figures["page_type"]
    print(f"\npage type accuracy   {right / total if total else 0:.3f}  ({right}/{total}; target 0.90)")
    right, total, name_misses = figures["names"]
    share = right / total if total else 0
    print(f"author names exact   {share:.3f}  ({right}/{total} true bylines found; target 0.90)")
    right, total, speaker_misses = figures["speakers"]
    share = right / total if total else 0
    print(
        f"quote speakers right {share:.3f}  ({right}/{total} quotes listed on pages with labelled speakers; "
        "target 0.90)"
    )
    counts, language_misses = figures["language"]
    total = counts["right"] + counts["wrong"] + counts["none"]
    if total:
        print(
            f"language right       {counts['right'] / total:.3f}  ({counts['right']}/{total} pages labelled with a "
            f"language; {counts['wrong']} wrong, {counts['none']} not measured; target 0.98)"
        )
    if counts["textless"]:
        print(f"  pages without text  {counts['textless_right']}/{counts['textless']} left unmeasured, as labelled")
    print("\nmain-text words: median |audit - label| / max(label, 100) per page type (target ≤ 0.10)")
    for kind, errors in sorted(figures["words"].items()):
        print(f"  {kind:10} {statistics.median(errors):.3f}  ({len(errors)} pages)")
    sections = {
        **{name: score.misses for name, score in figures["presence"].items()},
        "page_type": type_misses,
        "names": name_misses,
        "speakers": speaker_misses,
        "language": language_misses,
        "words": figures["word_misses"],
    }
    for name in sorted(show):
        print(f"\n-- {name} mismatches")
        for line in sections.get(name, []):
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--reuse", action="store_true", help="compare earlier results.json, do not audit")
    parser.add_argument("--sites", default="", help="comma-separated site names (default: all labelled)")
    parser.add_argument("--show", default="", help="comma-separated detectors whose mismatches to print")
    parser.add_argument("--labels", default="corpus", choices=[*LABEL_SETS, "all"], help="which label set")
    parser.add_argument("--by-language", action="store_true", help="also report German and English pages apart")
    args = parser.parse_args(argv)
    labels = load_labels(args.labels)
    wanted = {s for s in args.sites.split(",") if s}
    labelled = {label["site"] for label in labels}
    sites = [s for s in load_sites() if s.name in labelled and (not wanted or s.name in wanted)]
    labels = [label for label in labels if label["site"] in {s.name for s in sites}]
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    for site in sites:
        path = args.out / site.name / "results.json"
        if not args.reuse or not path.exists():
            if not (args.root / site.name).exists():
                export_site(site, args.root, args.mirror)
            path = audit_site(site, args.root, args.out)
        data = json.loads(path.read_text(encoding="utf-8"))
        by_key: dict[str, dict] = {}
        speakers = quote_speakers(next((c for c in data["checks"] if c["id"] == "attributed-quotes"), {}))
        for page in data["pages"]:
            page["quote_speakers"] = speakers.get(
                url_key(page["url"]), []
            )  # "/a" redirecting to "/a/" meet on one key: keep the analysed page
            key = url_key(page["url"])
            if page.get("signals") or key not in by_key:
                by_key[key] = page
        results[site.name] = by_key
    report(compare(labels, results), labels, [s.name for s in sites], {s for s in args.show.split(",") if s})
    if args.by_language:
        for lang in ("de", "en"):
            subset = [label for label in labels if page_language(args.root, label) == lang]
            print(f"\n==== {lang}: pages whose text is {'German' if lang == 'de' else 'English'} ====")
            report(compare(subset, results), subset, sorted({label["site"] for label in subset}), set())
    return 0


def page_language(root: Path, label: dict) -> str | None:
    """The language of a labelled page's visible text: its `language` label, else a guess from function
    words (the lang attribute lies on several corpus sites: English posts under lang="de")."""
    if "language" in label:
        return label["language"]
    import lxml.html

    from scoring.core.lexicons import guess_language

    tree = lxml.html.fromstring((root / label["file"]).read_bytes())
    for element in tree.xpath("//script | //style | //noscript"):
        element.drop_tree()
    return guess_language(" ".join(tree.text_content().split())[:20000])


if __name__ == "__main__":
    sys.exit(main())

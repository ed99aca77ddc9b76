"""Where a citation points: authoritative and reference domains, and links that are no citation
(share buttons, mailto:)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Maintained list: public bodies, universities and research institutes, standards bodies,
# chambers, consumer advice, scholarly publishers. Entries are host suffixes; "*" stands for
# one label fragment ("uni-*.de" matches uni-koeln.de and www.phil.uni-koeln.de). Add entries
# here, with the kind of source in the comment, rather than in a check.
AUTHORITATIVE_DOMAINS = (
    # public bodies
    ".gov",
    ".gov.uk",
    # national public bodies under a country's domain: gov.br, gov.au, gob.mx, gouv.qc.ca, govt.nz, gc.ca
    ".gov.*",
    ".gob.*",
    ".gouv.*",
    ".govt.nz",
    ".gc.ca",
    ".gv.at",
    ".admin.ch",
    ".gouv.fr",
    ".bund.de",
    "bund.de",
    "bundesregierung.de",
    "bundestag.de",
    "bundesrat.de",
    "gesetze-im-internet.de",
    "bundesnetzagentur.de",
    "umweltbundesamt.de",
    "destatis.de",
    "bmwk.de",
    "bmwsb.de",
    "bmuv.de",
    "bmas.de",
    "bmbf.de",
    "bmf.de",
    "bafa.de",
    "kfw.de",
    "dena.de",
    "bsi.bund.de",
    "europa.eu",
    "who.int",
    "oecd.org",
    "un.org",
    "iea.org",
    "rki.de",
    "pei.de",
    "bfarm.de",
    "bzga.de",
    "dwd.de",
    "bfs.de",
    "bfr.bund.de",
    "bmg.bund.de",
    "bundesgesundheitsministerium.de",
    # public health information portals of federal bodies (BZgA, IQWiG, ÄZQ) and the physicians' bodies
    "impfen.de",
    "infektionsschutz.de",
    "gesundheitsinformation.de",
    "patienten-information.de",
    "kbv.de",
    "bundesaerztekammer.de",
    "arbeitsagentur.de",
    "deutsche-rentenversicherung.de",
    "nhs.uk",
    "ons.gov.uk",
    "cdc.gov",
    "nih.gov",
    "statistik-bw.de",
    "bayern.de",
    "nrw.de",
    "niedersachsen.de",
    "sachsen.de",
    "hessen.de",
    "thueringen.de",
    "brandenburg.de",
    "schleswig-holstein.de",
    "sachsen-anhalt.de",
    "rlp.de",
    "saarland.de",
    "baden-wuerttemberg.de",
    # universities and research
    ".edu",
    ".ac.uk",
    ".ac.at",
    "uni-*.de",
    "tu-*.de",
    "hs-*.de",
    "fh-*.de",
    "th-*.de",
    "tum.de",
    "lmu.de",
    "rwth-aachen.de",
    "kit.edu",
    "fu-berlin.de",
    "hu-berlin.de",
    "ethz.ch",
    "epfl.ch",
    "fraunhofer.de",
    "mpg.de",
    "helmholtz.de",
    "dlr.de",
    "leibniz-gemeinschaft.de",
    "ise.fraunhofer.de",
    "diw.de",
    "ifo.de",
    "zew.de",
    "iwkoeln.de",
    # standards bodies and technical rules
    "din.de",
    "iso.org",
    "iec.ch",
    "vde.com",
    "cen.eu",
    "cenelec.eu",
    "ietf.org",
    "w3.org",
    # chambers and associations with public tasks
    "ihk.de",
    "ihk-*.de",
    "dihk.de",
    "hwk-*.de",
    "handwerkskammer.de",
    "zdh.de",
    "verbraucherzentrale.de",
    "vzbv.de",
    "stiftung-warentest.de",
    "test.de",
    # scholarly
    "doi.org",
    "nature.com",
    "sciencedirect.com",
    "springer.com",
    "link.springer.com",
    "wiley.com",
    "arxiv.org",
    "pubmed.ncbi.nlm.nih.gov",
    "ncbi.nlm.nih.gov",
    "scholar.archive.org",
)
# References that show research but are not authorities themselves (counted as external only).
REFERENCE_DOMAINS = ("wikipedia.org", "wikidata.org")
# The end of a Markdown footnote's entry: its link back to the marker ("↩", "↩︎"). An <ol> numbers the entries;
# the text shows none of the numbers, only these links back.
FOOTNOTE_BACKLINK_RE = re.compile(r"↩[\ufe0e\ufe0f]?\s*$")
# The site's own thing, named so right before a link: "the recording on our <a>YouTube channel</a>", "all our
# <a>Open Source projects</a>" — no citation and no source of a figure (the text before the link, any case).
OWN_BEFORE_RE = re.compile(r"(?<![\w-])(?i:our|my|unsere?[mnrs]?|meine?[mnrs]?)\s+(?:(?i:own|eigene[mnrs]?)\s+)?$")
# Share buttons and similar links that are not citations.
SHARE_LINK_RE = re.compile(
    r"/sharer|/share(?:Article|\?|$)|/intent/|wa\.me/|api\.whatsapp\.com|/pin/create|mailto:|tel:",
    re.IGNORECASE,
)


def _domain_pattern(entry: str) -> re.Pattern[str]:
    body = re.escape(entry.lstrip(".")).replace(r"\*", r"[a-z0-9-]+")
    return re.compile(rf"(?:^|\.){body}$")


_AUTHORITATIVE_PATTERNS = tuple((entry, _domain_pattern(entry)) for entry in AUTHORITATIVE_DOMAINS)


def host_of(url: str) -> str:
    """The lower-cased host of a URL without "www." (empty for relative or odd URLs)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def authoritative_entry(url: str) -> str | None:
    """The list entry that makes a URL's host authoritative, None when none does."""
    host = host_of(url)
    if not host:
        return None
    for entry, pattern in _AUTHORITATIVE_PATTERNS:
        if pattern.search(host):
            return entry
    return None


def is_reference_domain(url: str) -> bool:
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in REFERENCE_DOMAINS)

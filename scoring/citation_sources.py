"""Strong sources: hosts whose pages back a statement (besides the authoritative list of
scoring.core.lexicons), as data, and the client's own additions (`source_domains` in the config file).
A link to one of them counts as a citation wherever it stands in the article text."""

from __future__ import annotations

import re

from scoring.core import lexicons as lx

# Hosts (suffixes) of sources that back a statement, besides lexicons.AUTHORITATIVE_DOMAINS.
# fmt: off
SOURCE_DOMAINS = (
    # encyclopaedias, archives, dictionaries
    "wikipedia.org", "wikimedia.org", "wikidata.org", "britannica.com", "archive.org", "duden.de",
    "dwds.de", "brockhaus.de", "merriam-webster.com", "oed.com", "dejure.org", "openjur.de",
    # German and EU law, courts and public bodies not in the authoritative list
    "eur-lex.europa.eu", "bka.de", "bpb.de", "bzfe.de", "dguv.de", "dge.de", "g-ba.de", "iqwig.de",
    "dkfz.de", "krebsinformationsdienst.de", "bundesverfassungsgericht.de", "bundesgerichtshof.de",
    "bundesarbeitsgericht.de", "bundesfinanzhof.de", "bverwg.de", "bundessozialgericht.de",
    "bundesanzeiger.de", "bundesfinanzministerium.de", "bundeskartellamt.de", "bundesbank.de",
    "bafin.de", "bmj.de", "bmi.bund.de", "bmz.de", "bmel.de", "bmvg.de", "auswaertiges-amt.de",
    "datenschutzkonferenz-online.de", "bfdi.bund.de", "ris.bka.gv.at", "admin.ch", "fedlex.admin.ch",
    "curia.europa.eu", "echr.coe.int", "coe.int", "europarl.europa.eu", "efsa.europa.eu", "ema.europa.eu",
    "ecb.europa.eu", "worldbank.org", "imf.org", "unesco.org", "unicef.org", "ipcc.ch", "wto.org",
    "ilo.org", "fao.org", "statista.com", "eurostat.ec.europa.eu", "bitkom.org", "ssi.gouv.fr",
    # research and scholarly
    "academic.oup.com", "oup.com", "cambridge.org", "tandfonline.com", "sagepub.com", "plos.org",
    "frontiersin.org", "mdpi.com", "bmj.com", "thelancet.com", "nejm.org", "jamanetwork.com", "cell.com",
    "science.org", "pnas.org", "ahajournals.org", "cochrane.org", "cochranelibrary.com", "researchgate.net",
    "ssrn.com", "jstor.org", "semanticscholar.org", "europepmc.org", "acm.org", "ieee.org", "springeropen.com",
    "biomedcentral.com", "thieme-connect.de", "aerzteblatt.de", "awmf.org",
    "rfc-editor.org", "iana.org", "icann.org", "unicode.org", "ecma-international.org", "etsi.org",
    "owasp.org", "cve.org", "mitre.org", "first.org", "enisa.europa.eu",
    # official documentation of platforms and software
    "developer.mozilla.org", "learn.microsoft.com", "docs.microsoft.com", "support.microsoft.com",
    "developer.apple.com", "support.apple.com", "developers.google.com", "support.google.com",
    "policies.google.com", "cloud.google.com", "docs.aws.amazon.com", "docs.oracle.com", "openjdk.org",
    "python.org", "docs.python.org", "kernel.org", "docs.github.com", "docs.gitlab.com", "docs.docker.com",
    "kubernetes.io", "postgresql.org", "mysql.com", "php.net",
    "nodejs.org", "rust-lang.org", "go.dev", "apache.org", "mozilla.org", "gnu.org", "debian.org",
    "ubuntu.com", "archlinux.org",
    # established media and news agencies
    "tagesschau.de", "zdf.de", "ard.de", "ndr.de", "wdr.de", "br.de", "swr.de", "mdr.de", "hr.de", "rbb24.de",
    "deutschlandfunk.de", "dlf.de", "deutschlandfunkkultur.de", "spiegel.de", "zeit.de", "faz.net",
    "sueddeutsche.de", "welt.de", "taz.de", "handelsblatt.com", "wiwo.de", "manager-magazin.de", "stern.de",
    "focus.de", "tagesspiegel.de", "fr.de", "nzz.ch", "srf.ch", "tagesanzeiger.ch", "orf.at", "derstandard.at",
    "diepresse.com", "heise.de", "golem.de", "t3n.de", "chip.de", "computerbild.de", "computerwoche.de",
    "netzpolitik.org", "dpa.com", "abendblatt.de", "mopo.de", "rnd.de",
    "bbc.co.uk", "bbc.com", "theguardian.com", "nytimes.com", "washingtonpost.com", "wsj.com", "ft.com",
    "economist.com", "reuters.com", "apnews.com", "bloomberg.com", "npr.org", "cnn.com", "cnbc.com",
    "forbes.com", "theatlantic.com", "newyorker.com", "time.com", "lemonde.fr", "elpais.com",
    "techcrunch.com", "thenextweb.com", "wired.com", "wired.co.uk", "theverge.com", "arstechnica.com",
    "zdnet.com", "engadget.com", "theregister.com", "bleepingcomputer.com", "infoq.com",
)
# fmt: on
_SOURCE_PATTERNS = tuple(re.compile(rf"(?:^|\.){re.escape(entry)}$") for entry in SOURCE_DOMAINS)


def client_entry(url: str, domains: tuple[str, ...]) -> str | None:
    """The entry of the client's own strong sources (`source_domains` of the config) that holds the
    URL's host or a parent domain of it, None when none does."""
    host = lx.host_of(url)
    return next((d for d in domains if host == d or host.endswith("." + d)), None) if host else None


def source_entry(url: str, client_domains: tuple[str, ...] = ()) -> str | None:
    """The list entry that makes a URL a strong source: the client's own (config), authoritative
    (lexicons) or one of SOURCE_DOMAINS; None when no list holds its host."""
    entry = client_entry(url, client_domains) or lx.authoritative_entry(url)
    if entry:
        return entry
    host = lx.host_of(url)
    for source, pattern in zip(SOURCE_DOMAINS, _SOURCE_PATTERNS, strict=True):
        if pattern.search(host):
            return source
    return None

"""What an outbound link is: the vocabularies and source data of the outbound-citations detector.

A citation (the `citations` definition of docs/signals.md) is a link in the main content to an
external page that supports the text: a study, a statistics office, a public body, a court, a law, a
standard, official documentation, a scientific publisher, an encyclopaedia, an established medium. Not: the
site's own other properties, social profiles, share buttons, maps, shops and app stores, booking and
sign-up forms, podcast platforms, donation pages, petitions, credits of the template, local addresses.

Everything here is data or a pure function of a URL, an anchor or a line of text, so that
`scoring.checks.outbound_citations` reads as the rules it applies. Add hosts here, with the kind of
source or of non-source in the comment, rather than in the check. The maintained list of
authoritative hosts (public bodies, universities, standards, chambers, scholarly publishers) stays
in `scoring.core.lexicons.AUTHORITATIVE_DOMAINS`; `SOURCE_DOMAINS` below adds the other kinds of strong
source (encyclopaedias, archives, established media, official documentation, law portals).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from scoring.citation_sources import source_entry
from scoring.core import lexicons as lx
from scoring.core.lexicons.dates import MONTH_ALTERNATIVES

# Second-level labels under a country code that are public suffixes themselves ("example.co.uk",
# "example.gv.at", "example.com.au"), and hosting suffixes under which every name has its own owner
# ("someone.github.io"). A compact stand-in for the Public Suffix List: scoring does no I/O.
# fmt: off
_SECOND_LEVEL = frozenset({
    "co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gv", "gob", "gouv", "nic", "mil", "ltd",
    "plc", "sch", "nhs", "police", "info", "biz", "asn", "id", "priv", "lg", "ed", "nom",
})
_HOSTING_SUFFIXES = (
    "github.io", "gitlab.io", "netlify.app", "vercel.app", "pages.dev", "web.app", "firebaseapp.com",
    "herokuapp.com", "appspot.com", "azurewebsites.net", "cloudfront.net", "blogspot.com", "wordpress.com",
    "wixsite.com", "jimdosite.com", "webflow.io", "squarespace.com", "substack.com", "tumblr.com",
    "readthedocs.io", "ghost.io", "myshopify.com", "business.site", "carrd.co",
)
# fmt: on
_IP_HOST = re.compile(r"^\d+\.\d+\.\d+\.\d+$|^\[?[0-9a-f:]+\]?$", re.IGNORECASE)


def _split(host: str) -> tuple[list[str], str]:
    """(labels left of the public suffix, the suffix) of a lower-case host."""
    host = host.lower().rstrip(".").partition(":")[0] if not host.startswith("[") else host.lower()
    if not host or _IP_HOST.match(host) or "." not in host:
        return [host] if host else [], ""
    for suffix in _HOSTING_SUFFIXES:
        if host.endswith("." + suffix):
            return host[: -len(suffix) - 1].split("."), suffix
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[:-2], ".".join(labels[-2:])
    return labels[:-1], labels[-1]


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """The domain a registrant owns ("docs.example.co.uk" -> "example.co.uk"); the host itself for
    IP addresses, "localhost" and hosts without a suffix."""
    labels, suffix = _split(host)
    if not labels:
        return ""
    return f"{labels[-1]}.{suffix}" if suffix else labels[-1]


def host_labels(host: str) -> list[str]:
    """The labels of a host left of its public suffix ("a.b.example.co.uk" -> ["a", "b", "example"])."""
    labels, _ = _split(host)
    return [label for label in labels if label]


def squash(text: str) -> str:
    """Letters and digits only, lower case: "OPENGIS.ch" -> "opengisch", "Elastic Mint" -> "elasticmint"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _host_re(*hosts: str) -> re.Pattern[str]:
    """A host pattern for registrable names ("amazon.*" also matches amazon.de, amazon.co.uk)."""
    bodies = [re.escape(h).replace(r"\.\*", r"\.[a-z]{2,3}(?:\.[a-z]{2})?") for h in hosts]
    return re.compile(rf"(?:^|\.)(?:{'|'.join(bodies)})$")


# -- what a link is not ----------------------------------------------------------------------

# Social networks: profiles, posts, groups and company pages are not sources of the text.
# fmt: off
SOCIAL_HOSTS = _host_re(
    "facebook.com", "fb.com", "fb.me", "twitter.com", "x.com", "t.co", "instagram.com", "linkedin.com",
    "lnkd.in", "xing.com", "tiktok.com", "pinterest.*", "threads.net", "bsky.app", "snapchat.com",
    "whatsapp.com", "wa.me", "t.me", "telegram.me", "telegram.org", "discord.gg", "discord.com", "reddit.com",
    "redd.it", "tumblr.com", "vk.com", "weibo.com", "mastodon.social", "mastodon.online", "fosstodon.org",
    "chaos.social", "troet.cafe", "mstdn.social", "about.me", "linktr.ee", "gravatar.com",
    "behance.net", "dribbble.com", "twitch.tv", "flickr.com", "flic.kr", "meetup.com", "untappd.com",
    # chat rooms of a community: where to talk, not what backs the text
    "gitter.im", "matrix.to", "slack.com", "zulipchat.com",
)
# Video and code hosts: a video or a repository can support a text, a channel or an account cannot.
PROFILE_PATH = {
    "youtube.com": re.compile(r"^/(?:@[^/]+|channel/|c/|user/)"),
    "vimeo.com": re.compile(r"^/(?:user\d+|channels/|[a-z][\w-]*/?$)", re.IGNORECASE),
    "github.com": re.compile(r"^/(?:sponsors/|orgs/|[^/]+/?$)"),
    "gitlab.com": re.compile(r"^/[^/]+/?$"),
    "medium.com": re.compile(r"^/@[^/]+/?$"),
}
# Maps and route planners.
MAP_URL = re.compile(
    r"^https?://(?:(?:www\.)?google\.[a-z.]+/maps|maps\.google\.[a-z.]+|maps\.app\.goo\.gl|goo\.gl/maps|"
    r"(?:www\.)?openstreetmap\.(?:org|de)|(?:www\.)?osm\.org|maps\.apple\.com|(?:www\.)?bing\.com/maps|"
    r"wego\.here\.com|(?:www\.)?what3words\.com|(?:www\.)?komoot\.\w+)",
    re.IGNORECASE,
)
# Shops, app stores, marketplaces, affiliate redirects and payment providers: things to buy or install.
SHOP_HOSTS = _host_re(
    "amazon.*", "amzn.to", "amzn.eu", "a.co", "audible.*", "ebay.*", "etsy.com", "otto.de", "idealo.de",
    "apps.apple.com", "itunes.apple.com", "play.google.com", "appsource.microsoft.com", "apps.microsoft.com",
    "marketplace.atlassian.com", "marketplace.visualstudio.com", "chromewebstore.google.com", "addons.mozilla.org",
    "f-droid.org", "flathub.org", "snapcraft.io", "redbubble.com", "spreadshirt.*", "shopify.com", "gumroad.com",
    "digistore24.com", "ds24.de", "awin1.com", "tradedoubler.com", "shareasale.com", "clickbank.net",
    "stripe.com", "paddle.com", "eventbrite.*", "ticketmaster.*", "eventim.de",
)
# Booking, scheduling, forms, newsletters, meetings: a call to action, not a source.
BOOKING_HOSTS = _host_re(
    "calendly.com", "meetings.hubspot.com", "hubspot.com", "doodle.com", "typeform.com", "jotform.com",
    "forms.gle", "tally.so", "cal.com", "acuityscheduling.com", "simplybook.me", "etermin.net", "zoom.us",
    "mailchi.mp", "list-manage.com", "eepurl.com", "funnelcockpit.com", "cleverreach.com", "getresponse.com",
    "surveymonkey.com", "wa.link", "forms.office.com", "forms.microsoft.com", "meet.jit.si", "whereby.com",
    # newsletter sign-up forms (Campaign Monitor, Brevo)
    "confirmsubscription.com", "createsend.com", "sibforms.com",  # and event registration:
    "eventbrite.com", "eventbrite.de", "eventbrite.co.uk", "meetup.com", "lu.ma", "ti.to", "pretix.eu",
)
# Forms and meeting rooms on general hosts: a Google form, a BigBlueButton or Teams room ("zum Vortrag").
ACTION_URL = re.compile(
    r"^https?://(?:docs\.google\.com/forms/|forms?\.[^/?#]+/|[^/?#]+/forms?/(?:[#?]|$)|"
    r"[^/?#]+/(?:[^?#]*/)?(?:apps/bbb|bigbluebutton|b)/[\w-]{8,}/?$|"
    r"teams\.microsoft\.com/l/meetup-join/|teams\.live\.com/meet/|"
    # one meetup's page on an organiser's site: where to sign up ("/community/meetups/5cf8b0…")
    r"[^/?#]+/(?:[^?#]*/)?meetups?/[\w-]{8,}/?$|"
    # an advertising opt-out: a tool for the reader ("networkadvertising.org/choices", "app.example.com/optout")
    r"[^/?#]+/(?:[^?#]*/)?(?:opt-?out|choices)/?(?:[#?]|$)|"
    # a mailing list's sign-up page ("lists.example.org/mailman/listinfo/hackerspace")
    r"[^/?#]+/(?:[^?#]*/)?(?:mailman/)?listinfo/)",
    re.IGNORECASE,
)
# Podcast, music and streaming platforms ("listen on ..."), sponsoring and donations, petitions.
PLATFORM_HOSTS = _host_re(
    "open.spotify.com", "spotify.com", "podcasts.apple.com", "music.apple.com", "music.amazon.*",
    "podcasts.google.com", "deezer.com", "soundcloud.com", "podigee.io", "anchor.fm", "patreon.com",
    "paypal.com", "paypal.me", "liberapay.com", "opencollective.com", "ko-fi.com", "buymeacoffee.com",
    "betterplace.org", "gofundme.com", "steadyhq.com", "openpetition.de", "openpetition.eu", "change.org",
    "campact.de", "avaaz.org", "innn.it",
    # crowdfunding and donation forms
    "startnext.*", "kickstarter.com", "indiegogo.com", "leetchi.com", "twingle.de", "fundraisingbox.com",
    "donorbox.org", "altruja.de",
)
# Template and tool credits: comment systems, cookie banners, icon sets, theme and site builders.
CREDIT_HOSTS = _host_re(
    "disqus.com", "devowl.io", "flaticon.com", "icons8.com", "fontawesome.com", "freepik.com", "wix.com",
    "jimdo.com", "themeforest.net", "cookiebot.com", "usercentrics.com", "borlabs.io", "complianz.io",
    "adsimple.at", "adsimple.de", "e-recht24.de", "datenschutz-generator.de", "addtoany.com", "shareaholic.com",
    "sharethis.com",
    # stock photos: the credit of a picture ("Bild © Name (Unsplash License)"), never a source of the text
    "unsplash.com", "pexels.com", "pixabay.com", "shutterstock.com", "istockphoto.com", "gettyimages.*",
    "stock.adobe.com", "depositphotos.com", "123rf.com", "dreamstime.com", "fotolia.com", "stocksy.com", "imgur.com",
)
# fmt: on
# A shop's own address: a "shop."/"store." host, or a shop system's product page (Shopify "/products/ice-pack",
# German WooCommerce "/produkt/x"); a vendor's "/product/name" page describes a product and may be a source.
SHOP_URL = re.compile(
    r"^https?://(?:(?:shop|store|onlineshop|webshop)\.[^/?#]+|[^/?#]+/(?:[^?#]*/)?(?:products|produkt)"
    r"/[^/?#]+)",
    re.IGNORECASE,
)
# A third party's policy, terms or help page: a privacy policy's sources, whatever the host otherwise is.
POLICY_PATH = re.compile(
    r"/(?:[\w-]*privacy[\w-]*|[\w-]*datenschutz[\w-]*|[\w-]*polic(?:y|ies)|legal|terms[\w-]*|gdpr[\w-]*|dsgvo|"
    r"dpa|sccs?|agb|nutzungsbedingungen|help|hilfe|docs?|documentation|dokumentation)(?:/|$|\.|\?)",
    re.IGNORECASE,
)
# The imprint of a site (who runs it, "Impressum"): names the party, backs no statement.
IMPRINT_PATH = re.compile(r"/(?:impressum|imprint|legal-notice|mentions-legales)(?:\.\w{2,5})?/?$", re.IGNORECASE)
# Share buttons and similar (lexicons.SHARE_LINK_RE covers the common ones).
SHARE_URL = re.compile(
    r"/submit(?:link)?\b|/share(?:/|\?|$)|/sharer|/intent/|/pin/create|/sendmessage|/send\?text=|"
    r"[?&](?:share|sharer)=|/addtoany|getpocket\.com/(?:save|edit)|/compose\?",
    re.IGNORECASE,
)
# Software downloads: an installer, an archive, a release asset.
DOWNLOAD_URL = re.compile(
    # (a digital library's record, dl.example.org/handle/…, is a document)
    r"^https?://(?:download|downloads|dl|get)\.(?![^/?#]*/(?:handle|record|items?|doi)/)|^https?://(?:www\.)?(?:we\.tl|wetransfer\.com)/|"
    r"/releases/download/|/releases(?:/latest)?/?$|"
    r"\.(?:exe|msi|dmg|pkg|apk|ipa|appimage|deb|rpm|zip|tar\.gz|tgz|7z|jar)(?:$|[?#])",
    re.IGNORECASE,
)
# An image or a media file (a lightbox target, a wallpaper), not a page that says something.
MEDIA_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|ico|mp4|webm|mov|mp3|ogg|wav|m4a)$", re.IGNORECASE)
# Affiliate and partner-programme parameters: a paid referral, not a source.
# An advertisement's click address ("google.com/aclk?adurl=…"): a paid placement, never a source.
AD_CLICK_URL = re.compile(
    r"^https?://(?:[^/?#]+\.)?(?:google\.[a-z.]+/aclk|bing\.com/aclk|googleadservices\.com/|doubleclick\.net/)",
    re.IGNORECASE,
)
AFFILIATE_QUERY = re.compile(
    r"(?:^|&)(?:a_aid|aff|aff_?id|affiliate(?:_?id)?|partner_?id|clickref|irclickid|awc|cjevent|sscid|"
    r"campid|wmid|subid)=",
    re.IGNORECASE,
)
# The player or widget address of an embedded video, map or form.
EMBED_PATH = re.compile(r"(?:^|/)(?:embed|player|widget|iframe)(?:/|$)", re.IGNORECASE)
# Addresses nobody else can open: the local machine, private networks, local-only names.
NON_PUBLIC_HOST = re.compile(
    r"^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|"
    r"172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|\[?::1\]?)$|\.(?:local|localhost|internal|lan|home\.arpa)$",
    re.IGNORECASE,
)
# Code and package hosts whose first path segment (after a fixed prefix) is an account or a project:
# one named like the site is the site's own (its repository, its container images, its packages).
ACCOUNT_HOSTS: dict[str, tuple[str, ...]] = {
    "github.com": (), "gitlab.com": (), "bitbucket.org": (), "codeberg.org": (), "hub.docker.com": ("r", "u"),
    "sourceforge.net": ("projects", "u"), "npmjs.com": ("package",), "pypi.org": ("project",),
    "packagist.org": ("packages",), "crates.io": ("crates",), "mvnrepository.com": ("artifact",),
    "central.sonatype.com": ("artifact",),
}
# Maven names a project by its group id, the owner's domain reversed: "io.specmatic" is specmatic.io's.
_REVERSED_DOMAIN_HOSTS = frozenset({"mvnrepository.com", "central.sonatype.com"})

# The home page of an organisation (or its team, jobs, about or contact page): names who they are,
# supports no statement. "/", "/en/", "/de-de/index.html", "/team/", "/ueber-uns".
ORGANISATION_PATH = re.compile(
    r"^/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:pages?/(?=home))?"  # "/page/home": a site builder's home page
    r"(?:(?:team|jobs|karriere|careers?|about(?:[-_]us)?|ueber[-_]uns|über[-_]uns|"
    r"unternehmen|company|wir|kontakt|contact(?:[-_]us)?|impressum|imprint|home|start|startseite)/?)?"
    r"(?:index\.(?:html?|php))?$",
    re.IGNORECASE,
)


def organisation_page(url: str) -> bool:
    """A link to an organisation's home, team, jobs, about or contact page (no query)."""
    parts = urlsplit(url)
    return not parts.query and ORGANISATION_PATH.match(parts.path or "/") is not None


# -- anchors and lines -----------------------------------------------------------------------

# An event's card as one link: its name with the days it runs ("IoT Days Nov 13-15, 2018 Lyon", "Fachtag
# 13.–15. März 2025"): where to go, not a source.
EVENT_ANCHOR = re.compile(
    rf"\b(?:{MONTH_ALTERNATIVES})\.?[ \t]+\d{{1,2}}[ \t]*[-–][ \t]*\d{{1,2}}\b|"
    rf"(?<![\d.])\d{{1,2}}\.?[ \t]*[-–][ \t]*\d{{1,2}}\.?[ \t]+(?:{MONTH_ALTERNATIVES})\b",
    re.IGNORECASE,
)
# An anchor that leads somewhere ("Zur TH Köln", "Visit ACME"): on an organisation's home page, a way there.
GO_TO_ANCHOR = re.compile(r"(?:zur|zum|visit|go to)\s", re.IGNORECASE)
# An anchor that only points ("hier", "here", "click here", "this link"): the sentence says what the link is for.
DEICTIC_ANCHOR = re.compile(
    r"(?:(?:click|tap)\s+)?here|(?:hier|dort)(?:\s+klicken)?|(?:this|that)\s+link|(?:diesen|diesem)\s+link|there",
    re.IGNORECASE,
)
# What a pointing anchor's sentence asks the reader to do: buy, order, book, register, subscribe, donate.
CTA_SENTENCE = re.compile(
    r"\b(?:purchas\w*|buy(?:ing)?|order(?:ing)?|book(?:ing)?|register(?:ing)?|sign(?:ing)?\s+up|subscrib\w*|"
    r"donat\w*|tickets?|registration|kauf\w*|bestell\w*|buch(?:en|bar|ung)|anmeld\w*|registrier\w*|abonnier\w*|"
    r"spend(?:e|en)\b|"
    r"erwerb\w*|get\s+in\s+touch|contact\s+us|reach\s+out|kontaktier\w*|melde[nt]?\s+(?:Sie\s+)?(?:sich|dich|euch)|"
    r"visit(?:ing)?\s+(?:our|my|the)\s+(?:channel|page|profile|shop|store|website)|besuch\w*\s+(?:unseren?|meinen?)\b)",
    re.IGNORECASE,
)
# An anchor that names whose home page it leads to: "slkosova homepage" (a bare "website" may be a source's page:
# "As stated on their website, …").
HOMEPAGE_ANCHOR = re.compile(r"\S\s+(?:home\s?page|website|webseite|web\s+site|startseite)$", re.IGNORECASE)
# The pointer of an offer or an event to where its details are ("Weitere Infos bietet der Veranstalter unter:",
# "More information: URL", "more details about the course at"): the link right after "unter", "at" or a colon.
# Not "Mehr Infos dazu im Referenzhandbuch", which names the document that backs the text.
MORE_INFO = re.compile(
    r"\b(?:(?:weitere|mehr|nähere)\s+(?:infos?|informationen|details)|(?:more|further)\s+(?:info(?:rmation)?|details))\b"
    r"[^.!?:]{0,80}(?:\b(?:unter|at|auf|bei|on)\s*:?|:)\s*$|"
    r"\b(?:to (?:explore|learn|find out|discover|see)\b[^.!?:]{0,80}|for (?:details|more)\b[^.!?:]{0,20})"
    r"visit\s*:?\s*$",
    re.IGNORECASE,
)
# A credit or a notice of the template ("Powered by", "Icons by", "Theme by", "Datenschutz-Generator"),
# in the anchor or in a short line around it.
CREDIT_LINE = re.compile(
    r"\b(?:powered by|made with|built with|icons? (?:by|from|made by)|theme by|photos? by|images? by|"
    r"bild(?:er)? von|fotos? von|foto:|bild:|bildquelle|icons? von|erstellt mit|realisiert (?:von|mit)|"
    r"(?:datenschutz|impressum|privacy policy|disclaimer)[- ]?generator|cookie[- ]?(?:plugin|banner|consent)|"
    r"comments powered by)\b",
    re.IGNORECASE,
)
CREDIT_LINE_WORDS = 12
# The licence of something the site uses ("sind unter der MIT-Lizenz lizenziert", "licensed under CC BY 4.0"):
# a credit however long the sentence.
LICENCE_LINE = re.compile(
    r"\b(?:lizen[sz]iert|licen[sc]ed under|unter (?:der|einer) [\w.-]+[- ]lizenz|under (?:the|a) [\w.-]+ licen[cs]e)",
    re.IGNORECASE,
)
# A page of documentation, release notes or an issue of a property the template links to: what the text
# refers to for details ("Änderungsprotokoll", "Anleitung im Wiki"), not a promotion of it.
DOCS_PATH = re.compile(
    r"^https?://[^/?#]+/(?:[^?#]*/)?(?:wiki|docs?|documentation|dokumentation|handbuch|manual|releases/tag|"
    r"changelog|issues|pull|discussions)/[^?#]",
    re.IGNORECASE,
)
# A page of documentation proper (a wiki or docs page, release notes, a text file of a repository): a
# document, even on the site's own code-host account or as a button ("→ Anleitung im Wiki"). Not an issue
# form or a pull request, which are places to act.
# A button to the original an excerpt, summary or abstract comes from: "Link", "DOI", "Full text", "Zum Artikel".
ORIGINAL_ANCHOR = re.compile(
    r"(?:link|doi|pdf|original|full[ -]text|volltext|preprint|(?:read|view) (?:the )?(?:full |original )?"
    r"(?:article|story|op-ed|paper|study|report)|zum (?:artikel|beitrag|original)|(?:zur|die) studie)",
    re.IGNORECASE,
)


def button_citation(path: str, anchor: str, links: list) -> str | None:
    """Why a link standing alone still backs the text, or None: a page of documentation ("→ Anleitung im
    Wiki") or the one original a page excerpts ("Link", "DOI"); a row of such buttons to several pages
    presents products or resources."""
    if DOCUMENT_PATH.search(path):
        return "documentation"
    if not ORIGINAL_ANCHOR.fullmatch(anchor):
        return None
    buttons = {link.url for link in links if not link.internal and ORIGINAL_ANCHOR.fullmatch(link.anchor.strip())}
    return "original" if len(buttons) == 1 else None


DOCUMENT_PATH = re.compile(
    r"/(?:wiki|docs?|documentation|dokumentation|handbuch|manual|releases/tag|changelog)/[^?#]|"
    r"/blob/[^?#]+\.(?:md|rst|adoc|txt)$",
    re.IGNORECASE,
)
# A licence text: creativecommons.org/licenses/…, opensource.org/licenses/…, a repository's LICENSE file.
LICENCE_URL = re.compile(
    r"^https?://(?:www\.)?(?:creativecommons\.org/(?:licenses|publicdomain)|opensource\.org/licen[cs]es|"
    r"gnu\.org/licenses|choosealicense\.com)/|/(?:LICEN[CS]E|COPYING)(?:\.(?:md|txt|rst))?(?:$|[?#])",
    re.IGNORECASE,
)
# The heading of a list of sources: its entries are citations even without running text around them.
SOURCES_HEADING = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:quellen(?:angaben|verzeichnis)?|quelle|sources?|references?|referenzen|literatur"
    r"(?:verzeichnis|hinweise)?|bibliogra(?:ph|f)ie|bibliography|einzelnachweise|nachweise|fußnoten|fussnoten|"
    r"footnotes|notes|anmerkungen|further reading|weiterführende (?:literatur|links|informationen|quellen)|"
    r"weitere (?:informationen|quellen|links)|mehr (?:informationen|infos) (?:zum thema|dazu)|"
    r"(?:external |externe )links|weblinks|studien|studies|"
    r"(?:in (?:der|den) )?(?:presse|medien)(?:spiegel|berichte|echo)?|press(?: coverage| reviews?)?|"
    r"in the (?:press|news|media)|(?:media|press|news) (?:articles|coverage|reports|mentions|reviews)|"
    r"(?:medien|presse)(?:berichte|stimmen|artikel)|reception|resources|ressourcen|"
    # the documents of a talk or a project: its publications, slides and recordings
    r"veröffentlichung(?:en)?|publikation(?:en)?|publications?|(?:vortrags)?folien|slides|aufzeichnung(?:en)?|"
    r"recordings?)\s*:?$",
    re.IGNORECASE,
)

# A source named in front of the link: "Quelle: X", "Source: X", "laut X", "according to X", "vgl. X".
SOURCE_LABEL = re.compile(
    r"(?:^|[(\[]|\s)(?:quellen?|source[sd]?|laut|via|according to|vgl\.?|cf\.?|zitiert (?:nach|aus)|"
    r"studie|(?<!case )study|bericht|report)\s*:?\s*$",  # "Case Study: <a>Client</a>" is a heading
    re.IGNORECASE,
)
# In front of the link in its sentence: the site names the linked party as its partner, sponsor,
# funder, parent or sister company, or its founder's other venture.
PARTNER_PHRASE = re.compile(
    r"\b(?:unser(?:e[mnrs]?)?|our|meine?[mnrs]?|my)\s+(?:\w+\s+)?(?:kooperations|vertriebs|technologie|"
    r"premium|medien|projekt|netzwerk)?(?:partner(?:in|innen|s)?|sponsor(?:en|s)?|förderer|"
    r"mutterunternehmen|muttergesellschaft|schwesterunternehmen|tochter(?:unternehmen|firma|gesellschaft)|"
    r"parent company|sister company|subsidiary)\b|"
    r"\b(?:in (?:kooperation|zusammenarbeit|partnerschaft) mit|in (?:cooperation|partnership) with|"
    r"(?:a|the) (?:partnership|collaboration|joint (?:project|venture)) (?:between|of|with)|"
    r"gesponsert von|sponsored by|unterstützt von|supported by|gefördert (?:von|durch)|funded by|founder of|"
    r"(?:gründer|gründerin) (?:von|der|des))\b|"
    # a parent or sister company is the site's own whoever's it is said to be ("übernimmt die Muttergesellschaft X")
    r"\b(?:mutter(?:gesellschaft|unternehmen|konzern|firma)|konzernmutter|schwester(?:gesellschaft|unternehmen|firma)|"
    r"parent (?:company|organi[sz]ation)|sister (?:company|organi[sz]ation))\b",
    re.IGNORECASE,
)
# The last line of a teaser on a listing page: its excerpt belongs to the post it links to.
READ_MORE = re.compile(
    r"(?:weiter ?lesen|mehr lesen|mehr erfahren|erfahre mehr|erfahren sie mehr|mehr dazu|read more|"
    r"continue reading|keep reading|learn more|read (?:the )?(?:full |whole )?(?:post|article|story)|"
    r"zum (?:ganzen )?(?:beitrag|artikel)|(?:ganzen )?(?:beitrag|artikel) lesen|mehr|more)\W*",
    re.IGNORECASE,
)


# An article under its author's handle or a blog's post ("medium.com/@firt/pwas-in-stores", "x.tumblr.com/post/16/d3")
HANDLE_POST = re.compile(r"/(?:@[^/]++|post/\d++)/[a-z0-9]++(?:-[a-z0-9]++){1,}", re.IGNORECASE)


def non_source_kind(url: str) -> str | None:
    """What kind of non-source a URL is by itself, as the key of its message in the outbound-citations
    check ("social-profile", "shop", ...); None when its address alone does not say."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path or "/"
    if not host or NON_PUBLIC_HOST.search(host):
        return "local-address"
    if lx.SHARE_LINK_RE.search(url) or SHARE_URL.search(url):
        return "share-button"
    if MAP_URL.search(url):
        return "map"
    if (SOCIAL_HOSTS.search(host) or path.startswith("/@")) and not HANDLE_POST.match(path):
        return None if POLICY_PATH.search(path) else "social-profile"
    base = registrable_domain(host)
    profile = PROFILE_PATH.get(base)
    if profile is not None and (path in ("", "/") or profile.search(path)):
        return "profile"
    kind = None
    if SHOP_HOSTS.search(host) or (SHOP_URL.search(url) and source_entry(url) is None):
        kind = "shop"
    elif BOOKING_HOSTS.search(host) or ACTION_URL.search(url):
        kind = "booking"
    elif PLATFORM_HOSTS.search(host) or (base == "github.com" and path.startswith("/sponsors")):
        kind = "platform"
    if kind is not None:
        return None if POLICY_PATH.search(path) else kind
    if CREDIT_HOSTS.search(host):
        return "credit"
    if DOWNLOAD_URL.search(url):
        return "download"
    if LICENCE_URL.search(url):
        return "credit"
    if MEDIA_FILE.search(path):
        return "media-file"
    if AFFILIATE_QUERY.search(parts.query):
        return "affiliate"
    if AD_CLICK_URL.search(url):
        return "ad"
    if EMBED_PATH.search(path):
        return "embedded-media"
    if IMPRINT_PATH.search(path):
        return "imprint"
    return None


_BIG_PLATFORMS = _host_re(
    "google.*", "microsoft.com", "apple.com", "medium.com", "wordpress.org", "wordpress.com", "notion.site",
    "atlassian.net", "sharepoint.com", "dropbox.com",
)


def multi_tenant(host: str) -> bool:
    """A host many parties publish on: a link to it says little about whose page it is."""
    host = host.lower().removeprefix("www.")
    return bool(
        SOCIAL_HOSTS.search(host)
        or SHOP_HOSTS.search(host)
        or BOOKING_HOSTS.search(host)
        or PLATFORM_HOSTS.search(host)
        or _BIG_PLATFORMS.search(host)
        or host in ACCOUNT_HOSTS
        or registrable_domain(host) in ("youtube.com", "vimeo.com", "github.com", "gitlab.com")
    )


def account_of(url: str) -> str:
    """The account (or project) an URL on a code or package host belongs to, squashed ("" elsewhere)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host not in ACCOUNT_HOSTS:
        return ""
    segments = [s for s in parts.path.split("/") if s]
    prefixes = ACCOUNT_HOSTS[host]
    if prefixes:
        if not segments or segments[0] not in prefixes:
            return ""
        segments = segments[1:]
    if segments and host in _REVERSED_DOMAIN_HOSTS and segments[0].count(".") >= 1:
        return squash(segments[0].split(".")[1])
    return squash(segments[0]) if segments else ""


@lru_cache(maxsize=4096)  # a site repeats its anchors ("Mehr erfahren", partner names) on every page
def _whole_words(needle: str) -> re.Pattern[str]:
    before = _JOINED_BEFORE if needle[:1].isalnum() else ""
    after = _JOINED_AFTER if needle[-1:].isalnum() else ""
    return re.compile(before + re.escape(needle) + after)


# Characters that join a word into a URL or a compound: "link" in "?utm_source=link-attribution" is no anchor.
_JOINED_BEFORE = r"(?<![\w/=?&.#-])"
_JOINED_AFTER = r"(?![\w/=&#-])"


def word_finder(needle: str) -> Callable[[str, int], int]:
    """`str.find` for a link's anchor as whole words, never inside a written URL or a compound."""
    pattern = _whole_words(needle)

    def find(text: str, start: int) -> int:
        match = pattern.search(text, start)
        return match.start() if match else -1

    return find

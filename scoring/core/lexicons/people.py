"""People's names in running text: letters, credential titles, the NAME pattern, role nouns and the
credentials that show expertise on an author or team page, German and English."""

from __future__ import annotations

import re

UPPER = "A-ZÄÖÜÀ-ÝŁŠŽČ"
LOWER = "a-zäöüßà-ÿłšžčğı"

# Credential and courtesy titles that may precede a name (Dr., Prof., Meister ...).
CREDENTIAL_TITLES = (
    r"Prof\.",
    r"Dr\.-Ing\.",
    r"Dr\.\s?med\.\s?(?:dent|vet)\.",  # "Dr. med. dent. Katrin Weber"
    r"Dr\.\s?(?:med|rer\.\s?nat|phil|jur|oec|h\.\s?c)\.",
    r"Dr\.",
    r"Dipl\.-[A-ZÄÖÜ][a-zäöü]+\.",
    r"Mag\.",
    r"Ing\.",
    r"M\.\s?Sc\.",
    r"B\.\s?Sc\.",
    r"M\.\s?A\.",
    r"B\.\s?A\.",
    r"MBA",
    r"Meister(?:in)?",
    r"Elektromeister(?:in)?",
    r"Handwerksmeister(?:in)?",
    r"Herrn?",
    r"Frau",
    r"Mr\.",
    r"Mrs\.",
    r"Ms\.",
    r"Sir",
    # office titles written before a name in English news: "said Gov. Bevin", "Sen. Jane Roe"
    r"Gov\.",
    r"Sen\.",
    r"Rep\.",
    r"Lt\.",
    r"Gen\.",
)
TITLE = "(?:" + "|".join(CREDENTIAL_TITLES) + ")"

# Capitalised words that open sentences or noun phrases and are never the first word of a name.
NOT_NAME_START = (
    "Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|Einem|Unser|Unsere|Unserer|Unseren|Dieser|"
    "Diese|Dieses|Jeder|Jede|Jedes|Alle|Viele|Wir|Sie|Er|Es|Ich|Ihr|Man|Auch|Dann|Wie|Laut|Und|"
    "Aber|Oder|Denn|Doch|Nach|Mit|Für|Bei|Im|In|Am|Zum|Zur|Vom|Von|Wer|Was|Wenn|So|"
    "The|Our|A|An|This|That|These|Those|We|They|He|She|It|I|You|And|But|Or|As|In|At|On|"
    "According|For|With|When|What|Who|If|"
    # inflected possessives and determiners: "in Ihrem Fall", "mit Ihren Unterlagen"
    "Ihre|Ihrem|Ihren|Ihrer|Ihres|Meine|Meinem|Meinen|Meiner|Seine|Seinem|Seinen|Seiner|Jedem|Jeden|Diesem|"
    "Diesen|Keine|Keinem|Keinen|Keiner|Welche|Welchem|Welchen"
)
# "Dr." and similar abbreviations are titles, never a word of the name itself ("Geschäftsführer Dr. Klaus Berger").
# A capitalised word, whole: inner capitals are fine ("McDonald"), a cut-off word is not ("Gmb" of "GmbH").
CAP_WORD = (
    rf"(?!(?:Dr|Prof|Dipl|Ing|Mag|Med)\.)[{UPPER}](?:[{LOWER}]+(?:[{UPPER}][{LOWER}]+)*|(?=['’][{UPPER}][{LOWER}]))"
    rf"(?:['’-][{UPPER}]?[{LOWER}]+)*(?![{UPPER}{LOWER}])"  # "O’Neill", "D'Angelo": one capital, the apostrophe
)
_PARTICLE = r"(?:von|van|de|der|den|zu|vom|di|da|del|le|la|ter|ten|mc)"
# A person's name: two to five capitalised words (particles allowed), or a title plus a surname. The
# bounds keep every pattern built on it linear: a run of capitalised words is never read to its end.
# A middle initial after the first name: "Michael L. Atkinson", "Michelle A. Amazeen"; not "Plan B. The", nor an
# initialled signature before the service it signs ("Franz M. Gutachten — Stuttgart", "Francesco M. Unfallgutachten").
_INITIAL = (
    rf"(?:\s[{UPPER}]\.(?=\s++(?!(?:{NOT_NAME_START})\b)[{UPPER}][{LOWER}]{{1,13}}(?![{LOWER}])(?![ \t]*+[—–-][ \t])))?"
)
NAME = (
    rf"(?:(?:{TITLE}\s+){{1,3}}{CAP_WORD}{_INITIAL}(?:\s+(?:{_PARTICLE}\s+){{0,3}}{CAP_WORD}){{0,4}}"
    rf"|(?!(?:{NOT_NAME_START})\b){CAP_WORD}{_INITIAL}(?:\s+(?:{_PARTICLE}\s+){{0,3}}{CAP_WORD}){{1,4}})"
)
NAME_RE = re.compile(NAME)
_TITLE_RE = re.compile(rf"{TITLE}$")

# Job and role nouns that precede a name in German ("Energieberaterin Jana Albrecht") and look
# like part of it; matched as word endings, so compounds ("Projektleiterin") are covered.
ROLE_NOUN_ENDINGS = (
    "berater",
    "beraterin",
    "führer",
    "führerin",
    "leiter",
    "leiterin",
    "inhaber",
    "inhaberin",
    "ingenieur",
    "ingenieurin",
    "experte",
    "expertin",
    "techniker",
    "technikerin",
    "monteur",
    "monteurin",
    "installateur",
    "installateurin",
    "gründer",
    "gründerin",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "kunde",
    "kundin",
    "mitarbeiter",
    "mitarbeiterin",
    "direktor",
    "direktorin",
    "professorin",
    "architekt",
    "architektin",
    "planer",
    "planerin",
    "manager",
    "managerin",
    "vorsitzender",
    "vorsitzende",
    "vorstand",
    "vorständin",
    "stadtrat",
    "stadträtin",
    "gemeinderat",
    "gemeinderätin",
    "referent",
    "referentin",
    "consultant",
    "engineer",
    "director",
    "founder",
    "owner",
    "expert",
    "analyst",
    "spokesperson",
    "homeowner",
    "customer",
    "arzt",
    "ärztin",
    "meister",
    "meisterin",
    "beraterin",
    "engineer",
    "baker",
    "partner",
    "partnerin",
    "assistent",
    "assistentin",
    "präsident",
    "präsidentin",
    "president",
    "minister",
    "ministerin",
    "wissenschaftler",
    "wissenschaftlerin",
    "scientist",
    "researcher",
    "koordinator",
    "koordinatorin",
    "coordinator",
    "profi",  # "PR-Profi Thomas Bartel", "Kommunikationsprofi"
    "assistant",
    "volunteer",
    "counselor",
    "counsellor",
    "officer",
    "secretary",
    "governor",
    "mayor",
    "therapist",
    "specialist",
    "representative",
    "journalist",
    "journalistin",
    "anwalt",  # "Rechtsanwalt und Fachanwalt für Bankrecht Kim Klevenhagen", "Patentanwältin"
    "anwältin",
    "richter",
    "richterin",
    "notar",
    "notarin",
    "lawyer",
    "attorney",
    "judge",
    "autor",  # "so die Autorin Simone Späth"
    "autorin",
    "author",
    "forscher",  # "so der Oberauer Heimatforscher"
    "forscherin",
    "historiker",
    "historikerin",
    "historian",
)
# Endings of abstract nouns: a capitalised pair with one ("Unsere Leistungsbeschreibung", "Digital
# Transformation") is a heading, not a person's name.
ABSTRACT_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "ungen", "ionen", "ments", "ness")
# A capitalised role word that may stand between a speech verb and the name ("sagt Geschäftsführer Dr. ...").
ROLE_WORD = rf"[{UPPER}][{LOWER}]*(?:{'|'.join(ROLE_NOUN_ENDINGS)})"
# Labels and roles printed beside an author's name ("<small>AUTHOR</small>", "<h6>Professor</h6>"),
# never part of it: where a name read from markup ends (spiders.byline_text), and what is cut when the
# page's text glued one onto the name ("Jana AlbrechtAutorin": scoring.checks.author_byline.unglued).
AUTHOR_LABEL = (
    r"author|autor(?:in)?|verfasser(?:in)?|redakteur(?:in)?|editor|writer|contributor|journalist(?:in)?|"
    r"professor(?:in)?|dozent(?:in)?|lecturer|researcher|wissenschaftler(?:in)?|doktorand(?:in)?|"
    r"student(?:in)?|ceo|cto|cfo|coo|head|chief|senior|junior|co-?founder|president|präsident(?:in)?|"
    r"vorstand|phd"
)


def clean_name(name: str) -> str:
    """A matched name without leading role nouns; credential titles (Dr., Meister) stay."""
    parts = name.split()
    while len(parts) > 2 and not _TITLE_RE.match(parts[0]) and parts[0].lower().endswith(ROLE_NOUN_ENDINGS):
        parts.pop(0)
    return " ".join(parts)


# What makes a profile page show expertise: academic and trade titles, certifications, sworn experts,
# professional chambers and years of experience, German and English.
CREDENTIAL_RE = re.compile(
    r"\bProf\.|\bDr\.|\bDipl\.-\w+\.?|\bIng\.|\bM\.\s?(?:Sc|A|Eng)\.|\bB\.\s?(?:Sc|A|Eng)\.|\bMBA\b|\bPhD\b|"
    r"\b\w*[Mm]eister(?:in)?\b|\bzertifiziert\w*|\bSachverständige[rn]?\b|\bgeprüfte[rn]?\b|\bstaatlich\b|"
    r"\bvereidigt\w*|\bFachanwält\w*|\bSteuerberater\w*|\bApprobation\b|\bcertified\b|\bchartered\b|"
    r"\blicen[cs]ed\b|\bqualified\b|\baccredited\b|\bregistered\b|\bMCS\b|\bRICS\b|"
    r"\b\d{1,2}\s?(?:\+\s?)?(?:Jahre[n]?|years?)\s+(?:\w+\s+){0,2}(?:Erfahrung|Berufserfahrung|experience)\b|"
    r"\bseit\s+(?:über\s+)?\d{1,2}\s+Jahren\b|\bseit\s+(?:19|20)\d{2}\b|\bsince\s+(?:19|20)\d{2}\b",
)
# Team/author words that are not a person ("Redaktion", "Team Solar Nord", "admin").
NOT_A_PERSON_RE = re.compile(r"^(?:redaktion|team|admin|administrator|editor|editorial|staff|gast|guest)\b", re.I)

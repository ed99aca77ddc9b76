"""Which figures are no statistics (issue 13): sentences that hold none, and single figures that state
no measured or counted fact — code and config, identifiers and versions, offer terms, instructions and
recipes, advice and legal rules, hypothetical or worked examples, study design (sample sizes, numbers
of questions), goals ("Ziel: 2.500 €"), a post's meta line (date · minutes · words), "100 %" claims,
durations that are no measurement (also "vor 600 Millionen Jahren"). The kinds of figures:
`scoring.statistics_rules`; code and a tutorial's steps and worked results: `scoring.statistics_code`;
durations: `scoring.statistics_time`.
"""

from __future__ import annotations

import re

from scoring.core import lexicons as lx
from scoring.statistics_code import CALC_BEFORE_RE, DIVIDE_AFTER_RE, DIVIDE_BEFORE_RE, is_code_like
from scoring.statistics_lines import beyond_a_bar, line_reason, own_test_sample
from scoring.statistics_rules import BARE, COUNT, MEASURE, MONEY, PERCENT, TIME, Candidate
from scoring.statistics_specs import OFFER_PRICE_RE, PEOPLE_UNIT_RE, RELEASE_RE, figure_reason, sentence_reason
from scoring.statistics_time import (
    AGO_AFTER_RE,
    CAREER_AFTER_RE,
    DURATION_FACT_RE,
    EXPERIENCE_AFTER_RE,
    MAGNITUDE_UNIT_RE,
    NOT_DURATION_FACT_RE,
    YEARS_AFTER_RE,
    past_event_span,
    service_time,
)

U, L = lx.UPPER, lx.LOWER


# Hypothetical and worked examples: the figure follows a conditional or example marker.
HYPOTHETICAL_RE = re.compile(
    r"\b(?:wenn|ob\s+(?!\d)|[Ff]alls\s+(?:Sie|du|ihr|man|der|die|das|ein|eine|es|er|sie|wir|Ihre?|dein\w*)|sofern|"
    r"angenommen|nehmen wir an|stell(?:en Sie sich|t euch|e dir) vor|gesetzt den Fall|"
    r"if|suppose|supposing|assuming|assume|imagine|let'?s say|say you|hypothetically|in theory|theoretisch)\b",
    re.IGNORECASE,
)
EXAMPLE_RE = re.compile(
    r"\b(?:z\.\s?B\.|zum Beispiel|beispielsweise|bspw\.|etwa so|e\.\s?g\.|for example|for instance|such as)",
    re.IGNORECASE,
)
# "it would take 5,000 guesses": a computed, not an observed, figure.
WOULD_TAKE_RE = re.compile(
    r"\b(?:would|würde|bräuchte|bräuchten|müsste|müssten)\s+(?:\w+\s+){0,2}"
    r"(?:take|need|require|brauchen|benötigen|dauern|kosten)\b",
    re.IGNORECASE,
)
# A worked example's result ("That makes 16 dogs after two generations"), a conditional mood without a source.
WORKED_RE = re.compile(
    r"^\W*(?:(?:That|This|Das|Dies|It)\s+(?:makes|gives|equals|means|ergibt|macht|bedeutet)\b|"
    # "Beispiel: Liegt der Wert bei 10.000 € …", "Example: 30 % fault → 70 % paid"
    r"(?:Beispiel|Rechenbeispiel|Zum Beispiel|Example|For example|Worked example)\s*:)"
)
# A figure that names a rule ("die 130%-Regel", "the 80/20 rule", "3-Sekunden-Regel"): a name, no fact.
NAMED_RULE_AFTER_RE = re.compile(r"-?[ \t]?(?:Regel|Regelung|[Rr]ule)\b")
# No word at all: a cell of a data table or program output printed on its own line ("280.2945"); a figure
# with its unit ("50–350°C") may be a spec table's value.
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
WOULD_RE = re.compile(r"\b(?:would|würden?|wären?|hätten?)\b", re.IGNORECASE)
# An opinion, not a measurement: "I always think decisions should be 51% taste and 49% data" ("we feel
# honoured: 150 visitors came" is a feeling, its count a fact).
OPINION_RE = re.compile(
    r"(?<!\bhow )(?<!\bwhat )(?<!\bway )"  # "to challenge how we think about leadership": no opinion of ours
    r"\b(?:I|[Ww]e)\s+(?:always\s+|really\s+|personally\s+|still\s+)?(?:think|believe|reckon|feel (?:that|like))\b|"
    r"\b(?i:in my (?:opinion|view)|meiner (?:Meinung|Ansicht) nach|ich (?:finde|denke|glaube))\b"
)
# A row of a plan's feature list: "Up to 10 dashboards", "Bis zu 5 Projekte" (a limit one buys, no fact).
PLAN_ROW_RE = re.compile(r"^\W*+(?i:up to|bis zu|max\.|maximal|maximum|höchstens)\s+\d[\d.,]*+\s*+\S+(?:\s+\S+)?\s*$")
# Rules: laws, norms, regulations; the figures they set are thresholds, not facts about the world.
LEGAL_RE = re.compile(
    r"§|\bAbs\.|\bVorschrift|\bVerordnung|\bgesetzlich|\bGesetz(?:es|geber)?\b|\bvorgeschrieben|\bverpflichtet|"
    r"\bPflicht\b|\bMindestpflicht|\bRichtwert|\bDGUV\b|\bASR\b|\bDIN\b|\bregulations?\b|\brequired by law\b|"
    r"\bby law\b|\bstatutory\b|\bmandatory\b|\bAGB\b|\bterms and conditions\b|"
    r"\buntersag(?:t|en|ung)\b|\bverbiete[nt]?\b|\bverboten\b|\bBußgeld\w*+[ \t]++(?:von[ \t]++)?bis\b|"
    r"\bfines?[ \t]++of[ \t]++up[ \t]++to\b",
    re.IGNORECASE,
)
# Conditions and thresholds of a rule table: "(> 20 Anwesende): 5 %", "Betriebe ab 1.500 Beschäftigten".
THRESHOLD_RE = re.compile(
    r"[<>≤≥]\s?\d|\b(?:ab|from)\s+\d[\d.,]*\s+(?:\w+\s+)?(?:Beschäftigte\w*|Mitarbeite\w*|Anwesende\w*|"
    r"Versicherte\w*|Personen|Teilnehme\w*|employees|staff|people|participants|users|Nutzer\w*|Benutzer\w*)\b|"
    r"\b(?:mit|with)\s+(?:mehr|weniger|more|fewer|less)\s+(?:als|than)\s+\d[\d.,]*\s+\w+\s*:",
    re.IGNORECASE,
)
# A band of a scale opening its line: "0–75 %: klare Reparaturzone", "100–130%: nur unter Bedingungen".
BAND_RE = re.compile(r"^\W{0,3}(?<![\d.,])\d[\d.,]*+[ \t]?%?[ \t]*+(?:[–—-]|bis|to)[ \t]*+\d[\d.,]*+[ \t]?%[ \t]*+:")
# Settings of software: "(default value 50 milliseconds)", "standardmäßig 30 Sekunden".
CONFIG_RE = re.compile(
    r"\b(?:default(?:s| value| setting)?|Standardwert\w*|Default-?Wert\w*|standardmäßig|voreingestellt|"
    r"convar|cvar|config(?:uration)?|Konfiguration|timeout|Timeout)\b",
    re.IGNORECASE,
)
# A goal is no measurement: "Ziel: 2.500 €", "Ausbauziel von 40 Gigawatt", "target of 500 members".
TARGET_BEFORE_RE = re.compile(
    r"(?:\b[Zz]iel(?:wert|marke)?|[a-zäöü]ziel|\b[Tt]argets?|\b[Gg]oals?)[ \t]*+(?:von|of|:|—|–|-)?[ \t]*+"
    r"(?:bis zu|up to|rund|etwa|about|around)?[ \t]*+[€$£]?[ \t]*+$"
)


# A methods note describes the study, its figures are its design: "Methodik: 87 Angebote aus 2024".
METHOD_RE = re.compile(
    r"^\W*(?:Methodik|Methodologie|Methode|Methodology|Methods?|Datenbasis|Datengrundlage|Data basis|Stichprobe|"
    r"Sample|Studiendesign|Study design|Untersuchungsdesign)\b",
)
# German verb-first conditionals: "Ist diese unter 55 %, so …", "Liegt der Wert über 90 %, dann …"
# A fundraising target: "help us raise £5,000", "5.000 € sammeln" ("we raised £5,000" is a fact).
RAISE_BEFORE_RE = re.compile(
    r"\b(?:raise|raising|sammeln wir|wollen wir)\s+(?:over\s+|up to\s+|at least\s+|mindestens\s+|über\s+)?[€$£]?\s*$",
    re.IGNORECASE,
)
RAISE_AFTER_RE = re.compile(r"^\s?(?:€|EUR|Euro)?\s*(?:an Spenden\s+)?(?:zu\s+)?sammeln\b")
# A limit to keep to is a target: "limit global warming to 1.5°C", "stay close to 1.5°C", "auf 1,5 Grad begrenzen".
LIMIT_TARGET_BEFORE_RE = re.compile(
    r"\b(?:limit|limits|limited|limiting|cap|capped|capping)\s+(?:\S+\s+){0,3}?(?:to|below|under|at)\s*$|"
    r"\b(?:stay|staying|remain|remaining|keep|keeping)\s+(?:(?:close|well|just)\s+)?(?:to|below|under|within)\s*$",
    re.IGNORECASE,
)
LIMIT_TARGET_AFTER_RE = re.compile(
    r"^\S*\s+(?:\S+\s+){0,2}?(?:zu\s+)?(?:begrenzen|begrenzt|deckeln|gedeckelt|beschränken|beschränkt)\b"
)
# Advice and targets: what the reader should do or aim for ("Die DGE empfiehlt 300 mg", reported, stays a statistic).
ADVICE_RE = re.compile(
    r"\b(?:ideal(?:erweise)?(?!\s+(?:für|for))|optimal\w*|achten Sie|achte|make sure|ensure|aim for|"
    r"planen Sie|plan for|reicht für|enough for|wir empfehlen|we recommend|empfehlen wir|"
    # how an offer is designed, not what was measured: "so ausgelegt, dass … in 12 Wochen", "designed to take"
    r"(?:so\s+)?ausgelegt,?\s+dass|konzipiert,?\s+dass|designed\s+(?:to|so\s+that))\b",
    re.IGNORECASE,
)
# Instructions and recipes: imperative openings, infinitive endings, kitchen units.
IMPERATIVE_EN_RE = re.compile(
    r"^(?:[-•*\d.)\s]*)(?:Preheat|Heat|Bake|Cook|Let|Leave|Add|Mix|Stir|Bring|Set|Place|Put|Allow|Wait|Use|Keep|"
    r"Remove|Turn|Cut|Simmer|Boil|Roast|Grill|Fry|Pour|Whisk|Knead|Rest|Chill|Cool|Season|Slice|Chop|Combine|"
    r"Fill|Open|Close|Adjust|Choose|Select|Enter|Click|Install|Run|Configure|Go|Press|Repeat|Measure|Apply)\b"
)
IMPERATIVE_DE_RE = re.compile(
    rf"(?:^|[:–—-]\s*|\b(?:dann|danach|anschließend|nun|jetzt|bitte)\s+)[{U}][{L}]+(?:en|ern|eln)\s+Sie\b|"
    # the informal plural a community writes to its members: "Hört euch um und bildet Gruppen von 4-5 Personen"
    rf"(?:^|[:–—-]\s*)[{U}][{L}]+t\s+(?:euch|Euch)\b|"
    rf"\b(?:lassen|heizen|warten|geben|stellen|legen|backen|braten|garen|rühren|schneiden|planen|wählen|"
    rf"achten|nehmen|nutzen|verwenden|drehen|öffnen|schließen|reduzieren|erhöhen)\s+Sie\b"
)
INFINITIVE_END_RE = re.compile(
    r"\b(?:backen|garen|braten|kochen|köcheln|ruhen|gehen|ziehen|abkühlen|vorheizen|aufheizen|erhitzen|"
    r"einbrennen|rühren|verrühren|unterrühren|mischen|vermengen|hinzufügen|hinzugeben|zugeben|einplanen|"
    r"bringen|einstellen|stellen|legen|geben|schneiden|würzen|grillen|räuchern|anbraten|aufkochen|"
    r"einweichen|abgießen|kneten|lassen|wenden|drehen|warten|verwenden|nutzen|einhalten|halten)[.!]?\s*$",
    re.IGNORECASE,
)
# A row of a settings table: "200–230 °C: Gemüse, Eier, Garnelen".
SETTING_ROW_RE = re.compile(r"^[\d.,\s–-]++°\s?[CF]\+?\s*:")
KITCHEN_UNIT_RE = re.compile(
    r"^[\d.,/½¼¾\s–-]++(?:g|kg|ml|l|cl|dl|EL|TL|Prise[n]?|Tasse[n]?|Becher|"
    r"Stück|Pck\.?|Päckchen|Bund|Zehe[n]?|cups?|tbsp|tsp|oz|lb|pinch)\b"
)
# Offer terms: prices, fees, discounts, plan limits, trial periods, bookings, shipping, warranty.
OFFER_RE = re.compile(
    r"\b(?:pro|per|je)\s+(?:[Pp]erson|Teilnehmer\w*|Benutzer\w*|Nutzer\w*|user|seat|Platz|Kurs|Lehrgang\w*|"
    r"Stunde|hour|Monat|month|Jahr|year|Lizenz|licen[cs]e|Tag|day)\b.*?(?:€|EUR|Euro|\$|USD|£|CHF)|"
    r"(?:€|EUR|Euro|\$|USD|£|CHF).{0,25}?(?:pro|per|je|/)\s*(?:[Pp]erson|Teilnehmer\w*|Benutzer|Nutzer|user|"
    r"seat|Monat|month|Lizenz|licen[cs]e|Kurs|Stunde|hour)\b|"
    r"[Gg]ebühr|\b(?:Rabatt\w*|[Dd]iscount\w*|Nachlass|Ermäßigung|Gutschein\w*|[Cc]oupon|[Vv]oucher|Aufpreis|Aufschlag|"
    r"[Ss]urcharge|[Ff]ees?|Preis(?:e|es)?|[Pp]rice[sd]?|[Pp]ricing|kostenlos|gratis|"
    r"free of charge|[Ff]ree [Tt]rial|[Tt]rial|Testphase|Testzeitraum|Probe(?:abo|monat|zeit|phase|training|"
    r"stunde)\w*|kostenfrei|inkl\.|zzgl\.|incl\.|excl\.|MwSt|USt|VAT|netto|brutto|Widerruf\w*|[Ww]ithdrawal|"
    r"Storn\w*|[Cc]ancel\w*|Kündigung\w*|Vertrag\w*|[Cc]ontracts?|Abos?|Abonnement\w*|[Ss]ubscription\w*|"
    r"[Ss]ubscribe|Tarif\w*|(?:pricing|free|pro|premium|basic|starter|business|enterprise|paid|annual|monthly|"
    r"yearly)\s+plans?|Paket\w*|[Pp]ackages?|Kontingent|buchen|Buchung\w*|[Bb]ooking|bestellen|Bestellung|"
    r"Versand\w*|[Ss]hipping|Lieferzeit|Garantie|[Ww]arranty|Gewährleistung|Angebot\w*|[Oo]ffers?|Sale|"
    r"Aktion(?:spreis|scode)?|[Cc]heckout|Warenkorb|Kaufpreis|instead of|statt|anstatt|günstiger|cheaper|"
    r"Gutschrift|Anmeldung|[Rr]egistration|Lesezeit|[Rr]eading time|min read|[Bb]ook now|[Bb]uy now|[Oo]rder now|"
    r"[Aa]dd to (?:cart|basket)|[Ii]n den Warenkorb|[Jj]etzt (?:buchen|kaufen|bestellen)|[Pp]re-?orders?|"
    r"[Vv]orbestell\w*|[Dd]eposit|Anzahlung|[Ss]tarting (?:from|at)|Laufzeit|Mindestlaufzeit|Mindestabnahme|"
    r"[Mm]inimum (?:term|order|purchase|commitment))\b"
)
# Money in a sentence with these is an offer price.
PRICE_CUE_RE = re.compile(
    r"[Pp]reis(?:e|es|en)?\b|(?<!up )(?<!down )(?<!rose )(?<!fell )\b(?:ab|from|starting at|nur|only|just|"
    r"für nur|statt|instead of)\s*"
    r"(?:(?:€|EUR|\$|USD|£|CHF)\s?\d|\d[\d.,]*\s*(?:€|EUR|Euro|\$|USD|£|CHF))|(?:€|EUR|Euro|\$|USD|£|CHF)\s*\*|"
    r"\bkoste[nt]? bei uns\b|\b(?:Minuten|Stunden|minutes|hours)\s+(?:für|for)\s+\d|"  # "30 Minuten für 75 €"
    r"\b(?:Kosten|costs?|price)\s+(?:pro|per|je)\b",
)
MONEY_RANGE_END_RE = re.compile(r"^[ \t]*+(?:und|bis|and|to|[–-])[ \t]*+[\d.,]+[ \t]*+(?:€|EUR|Euro|\$|USD|£|CHF)")
MAGNITUDE_AFTER_RE = re.compile(r"^\s*(?:Mio|Mrd|Millionen?|Milliarden?|million|billion|bn|tn|trillion|[MB]\b)", re.I)
# Percentages of offer terms: plan, trial, contract, discount, workload of a job ad.
OFFER_PERCENT_RE = re.compile(
    r"[Gg]ebühr|\b(?:Rabatt\w*|[Dd]iscount\w*|Nachlass|Ermäßigung|Gutschein\w*|[Cc]oupon|[Vv]oucher|Aufpreis|Aufschlag|"
    r"[Ss]urcharge|[Ff]ees?|kostenlos|gratis|free of charge|[Tt]rial|Testphase|Testzeitraum|"
    r"inkl\.|zzgl\.|incl\.|excl\.|MwSt|USt|VAT|Vertrag\w*|[Cc]ontracts?|Abos?|Abonnement\w*|"
    r"[Ss]ubscription\w*|Tarif\w*|Sale|[Cc]heckout|Warenkorb|Gutschrift|Pensum|Arbeitspensum|Teilzeit|"
    r"Vollzeit|[Ff]ull-time|[Pp]art-time|Stellenangebot|Provision|[Cc]ommission|Anzahlung|Skonto|"
    r"Finanzierung)\b"
)
# Money offered to the reader: "47.500 € für deine Idee", "up to $10,000 for your project" (a grant, a prize).
FOR_THE_READER_RE = re.compile(r"\b(?:für|for)[ \t]+(?:deine[nmrs]?|dein|Ihre[nmrs]?|Ihr|eure[nmrs]?|euer|your)\b")
# How much a fee or price changed is a measured change, not an offer's term: "Die Gebühren stiegen um ca. 3 %",
# "der Preis sank um 70 %", "fees rose by 12%".
CHANGE_AROUND_RE = re.compile(
    r"\b(?:stieg(?:en)?|gestiegen|steigt|steigen|sank(?:en)?|gesunken|sinkt|sinken|fiel(?:en)?|gefallen|"
    r"rose|risen|fell|fallen|increased|decreased|dropped|grew|climbed)\b(?:[ \t]+\S+){0,2}?[ \t]+(?:um|by)[ \t]|"
    r"\bum[ \t]+(?:ca\.[ \t]+|rund[ \t]+|etwa[ \t]+)?\d[\d.,]*+[ \t]?%[ \t]+(?:stieg|sank|gestiegen|gesunken|fiel)",
    re.IGNORECASE,
)
INTERVIEW_RE = re.compile(
    r"\b(?:we asked|wir fragten|interviewed|interviewt|befragt\w*|surveyed|questioned|polled|respondents|"
    r"antworteten|responded|"
    r"Befragte\w*|Teilnehmende[n]? der Studie|participants in the study|"
    # who answered it: "34 people filled out the survey", "120 Personen nahmen an der Umfrage teil"
    r"(?:filled (?:out|in)|completed|took part in|took|answered|participated in)\s(?:the|our|this|a|an)\s"
    r"(?:online\s)?(?:survey|questionnaire|poll)|"
    r"(?:an|bei) (?:der|unserer|dieser|einer) (?:Online-)?(?:Umfrage|Befragung|Erhebung) teil|"
    r"(?:den|unseren) Fragebogen (?:aus|ausgefüllt))\b",
    re.IGNORECASE,
)
STUDY_RE = re.compile(
    r"\b(?:Studie\w*|stud(?:y|ies)|Umfrage\w*|Befragung\w*|survey\w*|poll|Erhebung|Stichprobe|sample|"
    r"Untersuchung|Panel|trial|befragt\w*|surveyed|interviewed|Interviews?|antworteten|responded)\b",
    re.IGNORECASE,
)
SAMPLE_UNIT_RE = re.compile(
    r"^(?:Befragte\w*|respondents?|participants?|Teilnehmer\w*|Teilnehmende\w*|Probanden|subjects|"
    r"Führungskräfte\w*|executives|Entscheider\w*|Personen|people|Menschen|adults|Erwachsene\w*|"
    r"Unternehmen|companies|Mitarbeitende\w*|Beschäftigte\w*|employees|Kunden|customers|Haushalte\w*|"
    r"households)$",
    re.IGNORECASE,
)
SAMPLE_BEFORE_RE = re.compile(
    r"(?:\bn\s*=\s*|\b(?:Befragung|Umfrage|Studie|Erhebung|Stichprobe|Untersuchung|survey|study|poll|sample|"
    r"Interviews?|interviewed|befragt\w*|\w*daten|data|records)\s+(?:\w+\s+){0,2}(?:von|mit|unter|of|with|among|from)\s+"
    r"(?:(?:mehr|weniger)\s+als|über|rund|knapp|fast|insgesamt|more than|over|about|around|nearly|almost|some)?\s*"
    r"|\bwith\s+(?:(?:more|fewer)\s+than|over|about|around|nearly|almost)?\s*)$",
    re.IGNORECASE,
)
# The number of questions of a survey is its design: "über 1.000 Fragen an die Befragten".
QUESTIONS_AFTER_RE = re.compile(r"^[\s\u00a0]?(?:Fragen|questions|Items|items)\b")
# "100 % herstellerunabhängig", "zu 100 Prozent", "100% open-source": claims, not shares.
CLAIM_PERCENT_RE = re.compile(r"^(?:100|99[.,]9+)$")
SHARE_OF_AFTER_RE = re.compile(
    r"^\s*(?:\*\s*)?(?:der|des|aller|unserer|ihrer|seiner|of|aller|all|the|our|their|its)\b", re.IGNORECASE
)
ZU_PERCENT_BEFORE_RE = re.compile(r"(?<!\bbis )\bzu\s*$", re.IGNORECASE)
DISCOUNT_AFTER_RE = re.compile(
    r"^\s*+(?:\*\s*+)?(?:Rabatt|discount|off\b|Nachlass|Ermäßigung|günstiger|cheaper|Skonto|Aufschlag|surcharge|"
    r"Aufpreis|Preisnachlass|Ersparnis auf)",
    re.IGNORECASE,
)
DISCOUNT_BEFORE_RE = re.compile(r"(?:\bRabatt von|\bdiscount of|\bNachlass von)\s*(?:bis zu\s*|up to\s*)?$", re.I)
DISCOUNT_IMPERATIVE_RE = re.compile(
    r"^\W*(?:Spare|Sparen Sie|Spart|Save|Sichere dir|Sichern Sie sich|Get|Hol dir|Holen Sie sich)\b"
)
# Capacity and plan limits: "max. 20 Personen", "up to 14 people", "minimum of 5 participants".
LIMIT_BEFORE_RE = re.compile(
    r"(?:\bmax\.?|\bmaximal|\bmaximum(?: of)?|\bhöchstens|\bbis(?: zu)?|\bup to|\bmindestens|\bminimum(?: of)?|"
    r"\bmin\.|\bat least|\b(?:ab|für|for|fasst|bei|with)(?:\s+(?:mehr|weniger|more|fewer|less)\s+(?:als|than))?)"
    r"(?:\s+(?:etwa|ca\.|circa|rund|ungefähr|about|around|approximately|roughly))?\s*$",  # "ab etwa acht Personen"
    re.IGNORECASE,
)
# Identifiers and versions: "Kennziffer 8.2018", "Version 1.36", "Episode 03.2", "QField 4.0", "Raum 3.216".
ID_BEFORE_RE = re.compile(
    r"(?:\b(?:Kennziffer|Kennzahl|Nr\.?|Nummer|No\.?|ID|Az\.?|Aktenzeichen|Art\.|Abschnitt|Section|Kapitel|Chapter|"
    r"Episode|Folge|Ausgabe|Issue|Band|Vol\.?|Version|version|Versionen|versions|Release|release|Update|update|"
    r"Build|build|Level|level|Stufe|Schritt|Step|Phase|Teil|Part|Modell|Model|Typ|Type|Klasse|Class|ISO|DIN|EN|"
    r"IEC|RFC|SDG|Tipp|Tip|Raum|Room|Zimmer|Saal|Hörsaal|Gebäude|Building|Halle|Hall)\s*|\bv)$"
)
PRODUCT_BEFORE_RE = re.compile(rf"(?:^|[\s(/])(?:[{U}][\w-]*|[a-z]+[A-Z]\w*|[A-Z0-9]{{2,}})\s$")
VERSION_AFTER_RE = re.compile(
    r"^(?:\+|\.x\b|\.\d|\s?(?:beta|alpha|rc\d*|LTS|RC|Beta)\b|\s?[\"“„'‘]?[A-Z][a-z]+[\"”“'’])"
)
# A price tag: a money figure with (almost) no words around it ("$165", "Book now - $11,250").
PRICE_TAG_WORDS = 2
_WORD_RE = re.compile(rf"[{U}{L}]{{2,}}")
# English money or measure as an attribute of a thing: "a $700 home robot", "a 10 m cable", "1 m intervals".
# A figure followed by a function word ("$5 of", "40 kg in") or a magnitude is left to the other rules.
ATTRIBUTE_AFTER_RE = re.compile(
    r"^(?:\s(?:or|and|to)\s[$€£]?\d[\d.,]*(?:\s?(?!an?\b)[a-z]{1,})?)?-?\s?(?!(?:tall|wide|long|high|deep|thick|away|apart|below|above|"
    r"underground|across|behind|ahead|beneath|deeper|higher|longer|wider|further|farther)\b)(?!(?:in|of|per|a|an|and|or|to|for|from|on|at|by|each|every|more|less|than|over|under|with|was|is|"
    r"were|are|has|had|have|will|would|could|can|may|annually|yearly|monthly|daily|last|this|next|that|which|who|"
    r"worth|higher|lower|up|down|off|into|across|since|between|among|after|before|during|per|the|its|their|"
    r"our|his|her|so|as|if|but|not|we|they|it|you|he|she|i|while|when|where|because|although|respectively|"
    r"apiece|net|gross|total|overall|already|still|only|alone|now|then|too|each|must|should|shall|might|need|"
    r"needs|pay|pays|paid|save|saves|saved|cost|costs|go|goes|went|get|gets|got|remain|remains)\b)[a-z]{3,}\b"
)
SIZE_UNIT_RE = re.compile(
    r"^(?:mm|cm|m|km|metres?|meters?|inch(?:es)?|ft|feet|foot|yards?|miles?|mg|g|kg|lbs?|pounds?|oz|t|tons?|"
    r"tonnes?|ml|l|litres?|liters?|gallons?|W|kW|V|kilograms?|grams?|centimet(?:re|er)s?|millimet(?:re|er)s?)$"
)
MAGNITUDE_IN_RE = re.compile(r"[A-Za-z]{2,}|\d\s?[MBk]\b")
# Product specifications: what a device weighs or measures, its frequency, resolution, reach.
SPEC_AFTER_RE = re.compile(r"^\s?(?:[kMGT]?Hz|dpi|MP|megapixels?|fps|p)\b")
# "Kuri weighs 14 pounds and is 20 inches tall": the present tense describes the product, every time.
SPEC_SENTENCE_RE = re.compile(r"\b(?:weighs|wiegt)\b")
SPEC_BEFORE_RE = re.compile(
    r"\b(?:weighs|wiegt|wiegen|depths? of|Tiefen? von|to within|bis auf|[Rr]eichweite von|range of)\s+"
    r"(?:approximately|about|around|roughly|only|just|ca\.|etwa|rund|nur|up to|bis zu)?\s*$"
)
# A model number ("SIR-4000", "A-380") and a standard's ("VDI 6022 regelt …", "DIN EN 16798", "ISO 27001 Zertifikat").
MODEL_BEFORE_RE = re.compile(
    r"[A-Za-z]-$|\b(?:ISO|DIN|EN|IEC|VDI|VDE|DVGW|ÖNORM|ASTM|IEEE|RFC|ANSI|NFPA|TRGS|TRBS|DGUV|ETSI)"
    r"(?:[ -](?:EN|ISO|IEC))*[ \u00a0]?$"
)
# A version one moves to: "porting to 2.13", "upgrade to 3.0", "Update auf 2.4".
VERSION_BEFORE_RE = re.compile(
    r"\b(?:port\w*|upgrad\w*|migrat\w*|updat\w*|mov(?:e|ed|ing)|switch\w*|wechsel\w*|umstieg|Umstieg)\s+"
    r"(?:\w+\s+){0,2}(?:to|auf|zu)\s*$",
    re.IGNORECASE,
)


def is_price_tag(sentence: str) -> bool:
    """The sentence holds a figure and at most PRICE_TAG_WORDS words: a tag, not a statement."""
    return len(_WORD_RE.findall(sentence)) <= PRICE_TAG_WORDS


# a non-figure "N.N" in German text (German decimals take a comma)
DOT_DECIMAL_RE = re.compile(r"^\d+\.\d+$")
THOUSANDS_RE = re.compile(r"^[1-9]\d{0,2}(?:[.,\u00a0\u202f’]\d{3})+$")


def _before(sentence: str, start: int, chars: int = 40) -> str:
    return sentence[max(0, start - chars) : start]


def _after(sentence: str, end: int, chars: int = 40) -> str:
    return sentence[end : end + chars]


def _without_trailing_parens(sentence: str) -> str:
    return re.sub(r"(?<!\s)\s*\([^()]*+\)\s*([.!]?)\s*$", r"\1", sentence)


def sentence_excluded(sentence: str, sourced: bool) -> str | None:
    """Why no figure of this sentence is a statistic, or None."""
    if is_code_like(sentence):
        return "code"
    if LEGAL_RE.search(sentence):
        return "legal rule"
    if THRESHOLD_RE.search(sentence) or BAND_RE.match(sentence):
        return "threshold"
    if CONFIG_RE.search(sentence):
        return "config value"
    if METHOD_RE.match(sentence):
        return "study design"
    if reason := line_reason(sentence) or sentence_reason(sentence):
        return reason
    if OFFER_PRICE_RE.search(sentence):  # "This offering costs between $35k to 50k", "we can build it for around $20k"
        return "price"
    if KITCHEN_UNIT_RE.match(sentence) and len(sentence.split()) <= 8:
        return "recipe ingredient"
    if SETTING_ROW_RE.match(sentence):
        return "setting table"
    if (
        IMPERATIVE_EN_RE.match(sentence)
        or IMPERATIVE_DE_RE.search(sentence)
        or INFINITIVE_END_RE.search(_without_trailing_parens(sentence))
    ):
        return "instruction"
    if WOULD_TAKE_RE.search(sentence) or WORKED_RE.match(sentence):
        return "hypothetical"
    if sourced:
        return None
    if WOULD_RE.search(sentence):
        return "hypothetical"
    if OPINION_RE.search(sentence):
        return "opinion"
    if ADVICE_RE.search(sentence):
        return "advice"
    return None


def figure_excluded(
    sentence: str,
    cand: Candidate,
    unit: str,
    sourced: bool,
    lang: str | None,
    named: bool = False,
    table_cell: bool = False,
) -> str | None:
    """Why this one figure is not a statistic, or None. `sourced`: the sentence has a source;
    `named`: the source is named in words (not only a link), which makes a duration a reported fact;
    `table_cell`: the "sentence" is one cell of a table of figures (a value, never a lone price tag)."""
    before, after = _before(sentence, cand.start), _after(sentence, cand.end)
    head = sentence[: cand.start]
    if HYPOTHETICAL_RE.search(head):
        return "hypothetical"
    if NAMED_RULE_AFTER_RE.match(after):
        return "named rule"
    if cand.kind == BARE and not sourced and not _WORD_RE.search(sentence):
        return "figures only"
    if TARGET_BEFORE_RE.search(before):
        return "target"
    if cand.kind != MONEY and (
        LIMIT_TARGET_BEFORE_RE.search(before)
        or (before.endswith(("auf ", "unter ")) and LIMIT_TARGET_AFTER_RE.match(after))
    ):
        return "target"
    if not sourced and EXAMPLE_RE.search(head):
        return "example"
    if cand.kind == MONEY or (cand.kind == BARE and MONEY_RANGE_END_RE.match(after)):  # "zwischen 20,00 und 250,00 €"
        if re.fullmatch(r"0(?:[.,]0+)?", cand.number):
            return "price"  # "€ 0": a free plan
        if MAGNITUDE_AFTER_RE.match(after) or MAGNITUDE_AFTER_RE.match(unit):
            return None  # "€55 million", "1,5 Mrd. Euro": revenue, markets, damages, not an offer
        if is_price_tag(sentence) and not table_cell:
            return "price"
        magnitude = MAGNITUDE_IN_RE.search(sentence[cand.start : cand.end])
        if lang != "de" and not magnitude and ATTRIBUTE_AFTER_RE.match(after):
            return "price"  # "a $700 home robot": what a thing costs
        if (
            (not sourced and (OFFER_RE.search(sentence) or FOR_THE_READER_RE.search(sentence)))
            or PRICE_CUE_RE.search(sentence)
            or after.lstrip().startswith("*")
        ):
            return "price"
    if cand.kind == PERCENT:
        if DISCOUNT_AFTER_RE.match(after) or DISCOUNT_BEFORE_RE.search(before) or after.startswith("*"):
            return "discount"
        if DISCOUNT_IMPERATIVE_RE.match(sentence):
            return "discount"
        if OFFER_PERCENT_RE.search(sentence) and not sourced and not CHANGE_AROUND_RE.search(sentence):
            return "offer term"
        if CLAIM_PERCENT_RE.match(cand.number) and not SHARE_OF_AFTER_RE.match(after):
            return "claim"
        if ZU_PERCENT_BEFORE_RE.search(before):
            return "claim"
    if cand.kind == MONEY and not sourced and (RAISE_BEFORE_RE.search(before) or RAISE_AFTER_RE.match(after)):
        return "target"
    if (
        cand.kind in (COUNT, BARE)
        and not sourced
        and (DIVIDE_BEFORE_RE.search(before) or (before.endswith(("in ", "In ")) and DIVIDE_AFTER_RE.match(after)))
    ):
        return "instruction"
    if cand.kind == BARE and not sourced and CALC_BEFORE_RE.search(before):
        return "worked example"
    if cand.kind == TIME:
        if NOT_DURATION_FACT_RE.search(before) or EXPERIENCE_AFTER_RE.match(after) or CAREER_AFTER_RE.match(after):
            return "time since / experience"
        if not sourced and (OFFER_RE.search(sentence) or service_time(sentence)):
            return "offer term"  # "within 30 days (Housing Act)": a sourced fact
        if AGO_AFTER_RE.match(after):
            return "time since / experience"
        if not named and not DURATION_FACT_RE.search(sentence) and not past_event_span(sentence, before):
            return "duration"
    if (
        cand.kind in (COUNT, MEASURE)
        and (cand.generic or MAGNITUDE_UNIT_RE.match(unit))  # also a misspelt magnitude ("vor 600 Milionen Jahren")
        and (years := YEARS_AFTER_RE.match(after))
    ):
        rest = after[years.end() :]
        if NOT_DURATION_FACT_RE.search(before) or AGO_AFTER_RE.match(rest) or EXPERIENCE_AFTER_RE.match(rest):
            return "time since / experience"
    if QUESTIONS_AFTER_RE.match(after) and (INTERVIEW_RE.search(sentence) or STUDY_RE.search(sentence)):
        return "study design"
    if cand.kind == PERCENT and not sourced and is_price_tag(sentence) and not beyond_a_bar(cand.number, after):
        return "no statement"  # a bare "95%" of a skill bar or progress ring
    if reason := figure_reason(sentence, cand.kind, unit, before, after, _before(sentence, cand.start, 160), sourced):
        return reason
    if (cand.kind in (MEASURE, BARE) or SIZE_UNIT_RE.match(unit)) and not sourced:
        if SPEC_AFTER_RE.match(after) or SPEC_BEFORE_RE.search(before) or SPEC_SENTENCE_RE.search(sentence):
            return "specification"
        if cand.kind == MEASURE and lang != "de" and SIZE_UNIT_RE.match(unit) and ATTRIBUTE_AFTER_RE.match(after):
            return "specification"  # "a 10 m cable": the size of a thing
    if cand.kind not in (MONEY, PERCENT) and MODEL_BEFORE_RE.search(before):
        return "identifier"
    if cand.kind == BARE and VERSION_BEFORE_RE.search(before):
        return "identifier"
    if cand.generic and lang != "de" and unit[:1].isupper():
        return "title words"  # "The 10 Most Important Things": English capitalises titles, not nouns
    if cand.kind in (COUNT, BARE, MEASURE) and not sourced and PLAN_ROW_RE.match(sentence):
        return "plan limit"
    if cand.kind == COUNT:
        if (cand.generic or SAMPLE_UNIT_RE.match(unit)) and INTERVIEW_RE.search(sentence) or own_test_sample(before):
            return "sample size"  # "1.000 Personen wurden befragt", "25 leaders we interviewed", "we tested 20 tools"
        if PEOPLE_UNIT_RE.match(unit) and (LIMIT_BEFORE_RE.search(before) or OFFER_RE.search(sentence)):
            return "capacity"
    if cand.kind in (COUNT, BARE) and re.search(r"\bn\s*=\s*$", before):
        return "sample size"
    if cand.kind == BARE:
        if ID_BEFORE_RE.search(before) or VERSION_AFTER_RE.match(after):
            return "identifier"
        if before.endswith("(") and after.startswith(")") and not THOUSANDS_RE.match(cand.number):
            return "identifier"
        if SAMPLE_BEFORE_RE.search(before):
            return "sample size"
        if not THOUSANDS_RE.match(cand.number):
            if DOT_DECIMAL_RE.match(cand.number) and (lang == "de" or RELEASE_RE.search(sentence)):
                return "identifier"  # "Releasing devo.ps 0.13"
            if cand.number.endswith((".0", ",0")) or PRODUCT_BEFORE_RE.search(before):
                return "identifier"
    if cand.kind in (COUNT, BARE, MEASURE) and SAMPLE_BEFORE_RE.search(before) and STUDY_RE.search(sentence):
        return "sample size"
    return None

"""German and English word lists and patterns that spiders and the checks share, one module per subject.

One place to maintain them: names and credential titles, speech verbs, statistic units, month names,
legal forms and Impressum elements, trust-page names, organisation types, authoritative domains and
byline words. Everything here is data plus a few small pure matchers; no I/O. Import a name from here
(`from scoring.core.lexicons import NAME`, `from scoring.core import lexicons as lx`) or from its module.
"""

from __future__ import annotations

# who stands in an author slot
from scoring.core.lexicons.bylines import (
    BYLINE_OPENERS,
    EDITORIAL_RE,
    NOT_A_NAME,
    is_acronym,
    is_person_name,
    letters_key,
)

# months and publication cues
from scoring.core.lexicons.dates import (
    ENGLISH_MONTH_ABBREVIATIONS,
    ENGLISH_MONTH_STEMS,
    ENGLISH_MONTHS,
    GERMAN_MONTH_ABBREVIATIONS,
    GERMAN_MONTH_WORDS,
    GERMAN_MONTHS,
    MONTH_NAMES,
    MONTH_SPELLINGS,
    MONTHS,
    PUBLICATION_CUE_RE,
)

# numbers, units and what is no statistic
from scoring.core.lexicons.figures import (
    BARE_FIGURE_RE,
    COUNT_UNITS,
    CURRENCY_UNIT_RE,
    NOT_STATISTIC_RE,
    NUMBER,
    PRICE_AFTER_RE,
    PRICE_BEFORE_RE,
    RANGE_START_RE,
    SOURCE_LINE_RE,
    STATISTIC_RE,
    STRONG_UNITS,
    YEAR_RE,
)

# German or English
from scoring.core.lexicons.language import (
    FUNCTION_WORDS,
    guess_language,
)

# the Impressum
from scoring.core.lexicons.legal import (
    CURRENT_LEGAL_BASIS_RE,
    EMAIL_RE,
    IMPRESSUM_ANCHOR_RE,
    IMPRESSUM_URL_RE,
    LEGAL_FORM_RE,
    LEGAL_FORMS,
    OUTDATED_LEGAL_BASIS_RE,
    PHONE_RE,
    POSTAL_CODE_CONTEXT_RE,
    POSTAL_CODE_RE,
    REGISTER_COURT_RE,
    REGISTER_NUMBER_RE,
    REPRESENTATIVE_RE,
    SECOND_CHANNEL_RE,
    SOLE_TRADER_RE,
    UK_COMPANY_NUMBER_RE,
    UNREGISTERED_FORMS,
    VAT_ID_RE,
)

# organisation types and words
from scoring.core.lexicons.organisations import (
    ORGANISATION_WORD_RE,
    ORGANIZATION_SUFFIXES,
    ORGANIZATION_TYPES,
)

# people's names, titles, role nouns, credentials
from scoring.core.lexicons.people import (
    ABSTRACT_NOUN_ENDINGS,
    AUTHOR_LABEL,
    CAP_WORD,
    CREDENTIAL_RE,
    CREDENTIAL_TITLES,
    LOWER,
    NAME,
    NAME_RE,
    NOT_A_PERSON_RE,
    NOT_NAME_START,
    ROLE_NOUN_ENDINGS,
    ROLE_WORD,
    TITLE,
    UPPER,
    clean_name,
)

# quotation marks and speech verbs
from scoring.core.lexicons.quotations import (
    AFTER_QUOTE_ONLY_VERBS,
    OPENING_MARKS,
    QUOTE_PAIRS,
    SPEECH_VERB,
    SPEECH_VERBS,
)

# authoritative and reference domains
from scoring.core.lexicons.sources import (
    AUTHORITATIVE_DOMAINS,
    FOOTNOTE_BACKLINK_RE,
    OWN_BEFORE_RE,
    REFERENCE_DOMAINS,
    SHARE_LINK_RE,
    authoritative_entry,
    host_of,
    is_reference_domain,
)

# privacy, contact, about and terms pages
from scoring.core.lexicons.trust_pages import (
    ABOUT_ME_SLUG,
    ABOUT_US_SLUG,
    COMPANY_SLUG,
    ENGLISH_ONLY_TRUST_PAGES,
    TRUST_PAGE_LABELS,
    TRUST_PAGES,
)

__all__ = [
    "UPPER",
    "LOWER",
    "CREDENTIAL_TITLES",
    "TITLE",
    "NOT_NAME_START",
    "CAP_WORD",
    "NAME",
    "NAME_RE",
    "ROLE_NOUN_ENDINGS",
    "ABSTRACT_NOUN_ENDINGS",
    "ROLE_WORD",
    "AUTHOR_LABEL",
    "clean_name",
    "CREDENTIAL_RE",
    "NOT_A_PERSON_RE",
    "QUOTE_PAIRS",
    "OPENING_MARKS",
    "SPEECH_VERBS",
    "SPEECH_VERB",
    "AFTER_QUOTE_ONLY_VERBS",
    "NUMBER",
    "STRONG_UNITS",
    "COUNT_UNITS",
    "STATISTIC_RE",
    "YEAR_RE",
    "NOT_STATISTIC_RE",
    "SOURCE_LINE_RE",
    "PRICE_BEFORE_RE",
    "PRICE_AFTER_RE",
    "CURRENCY_UNIT_RE",
    "RANGE_START_RE",
    "BARE_FIGURE_RE",
    "GERMAN_MONTHS",
    "ENGLISH_MONTHS",
    "GERMAN_MONTH_ABBREVIATIONS",
    "ENGLISH_MONTH_ABBREVIATIONS",
    "MONTH_SPELLINGS",
    "MONTHS",
    "MONTH_NAMES",
    "GERMAN_MONTH_WORDS",
    "ENGLISH_MONTH_STEMS",
    "PUBLICATION_CUE_RE",
    "IMPRESSUM_ANCHOR_RE",
    "IMPRESSUM_URL_RE",
    "LEGAL_FORMS",
    "LEGAL_FORM_RE",
    "UNREGISTERED_FORMS",
    "SOLE_TRADER_RE",
    "POSTAL_CODE_RE",
    "POSTAL_CODE_CONTEXT_RE",
    "REPRESENTATIVE_RE",
    "EMAIL_RE",
    "PHONE_RE",
    "SECOND_CHANNEL_RE",
    "REGISTER_NUMBER_RE",
    "REGISTER_COURT_RE",
    "UK_COMPANY_NUMBER_RE",
    "VAT_ID_RE",
    "OUTDATED_LEGAL_BASIS_RE",
    "CURRENT_LEGAL_BASIS_RE",
    "ABOUT_US_SLUG",
    "ABOUT_ME_SLUG",
    "COMPANY_SLUG",
    "TRUST_PAGES",
    "TRUST_PAGE_LABELS",
    "ENGLISH_ONLY_TRUST_PAGES",
    "ORGANIZATION_TYPES",
    "ORGANIZATION_SUFFIXES",
    "ORGANISATION_WORD_RE",
    "AUTHORITATIVE_DOMAINS",
    "FOOTNOTE_BACKLINK_RE",
    "REFERENCE_DOMAINS",
    "OWN_BEFORE_RE",
    "SHARE_LINK_RE",
    "host_of",
    "authoritative_entry",
    "is_reference_domain",
    "FUNCTION_WORDS",
    "guess_language",
    "BYLINE_OPENERS",
    "EDITORIAL_RE",
    "NOT_A_NAME",
    "letters_key",
    "is_acronym",
    "is_person_name",
]

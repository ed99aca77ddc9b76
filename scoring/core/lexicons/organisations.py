"""Organisations: the schema.org types that describe one, and the words that name one."""

from __future__ import annotations

import re

ORGANIZATION_TYPES = frozenset(
    (
        "organization",
        "corporation",
        "localbusiness",
        "onlinebusiness",
        "ngo",
        "professionalservice",
        "homeandconstructionbusiness",
        "electrician",
        "plumber",
        "roofingcontractor",
        "generalcontractor",
        "hvacbusiness",
        "housepainter",
        "locksmith",
        "movingcompany",
        "store",
        "autorepair",
        "autodealer",
        "dentist",
        "physician",
        "medicalclinic",
        "hospital",
        "pharmacy",
        "legalservice",
        "attorney",
        "notary",
        "accountingservice",
        "financialservice",
        "insuranceagency",
        "realestateagent",
        "travelagency",
        "lodgingbusiness",
        "hotel",
        "foodestablishment",
        "restaurant",
        "cafeorcoffeeshop",
        "bakery",
        "emergencyservice",
        "educationalorganization",
        "collegeoruniversity",
        "school",
        "governmentorganization",
        "medicalorganization",
        "researchorganization",
        "newsmediaorganization",
        "sportsorganization",
        "airline",
    )
)
ORGANIZATION_SUFFIXES = ("business", "organization", "organisation", "store", "contractor")

ORGANISATION_WORD_RE = re.compile(
    r"\b(?:gmbh|ag|e\.\s?v\.|ev|ltd|inc|llc|ug|kg|gbr|ohg|se|plc|co\.|corp|verlag|media|network|agentur|agency|"
    r"stiftung|foundation|verein|initiative|studio|company|solutions|software|labs?|"
    r"partners|hotel|resort|systems|technologies|services|consulting|consultancy|consultants|group|gruppe)\b\.?",
    re.IGNORECASE,
)

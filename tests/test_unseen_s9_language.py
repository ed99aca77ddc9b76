"""A short page text that fits its declared language keeps it, though the site's title and description are in
another language (the ninth stop's unseen sets: an English stub page of a German site)."""

from __future__ import annotations

from spiders.language import read_language

_GERMAN_CONTEXT = (
    "Energiewissen · Plattform\nWissen rund um Strommärkte, Netze und Energiegemeinschaften in Österreich, "
    "aufbereitet von unserem Forschungsteam für alle, die mitreden wollen"
)


def test_a_short_english_stub_keeps_its_declared_language_against_a_german_title():
    text = "Policies\nThis page is under construction."
    assert read_language(text, _GERMAN_CONTEXT, declared="en")[0] == "en"


def test_a_short_german_text_under_a_wrong_declaration_is_still_read_from_its_words_and_title():
    text = "Impressum\nDiese Seite wird gerade überarbeitet. Bis dahin gilt das Impressum unserer Muttergesellschaft."
    assert read_language(text, _GERMAN_CONTEXT, declared="en")[0] == "de"

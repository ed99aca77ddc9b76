"""spiders.document.element_text reads an element's visible text without an XPath when it holds no
script, style or template: the same text as the XPath it replaces, on every element."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiders.document import clean_text, element_text, parse_html

ROOT = Path(__file__).resolve().parent
XPATH = ".//text()[not(ancestor::script or ancestor::style or ancestor::template)]"

# Our own markup: comments, processing instructions, entities, nested inline elements, and the three
# elements whose text is left out, inside and around links.
FIXTURE = """<html><head><title>T</title><style>p{}</style></head><body>
<a href="/a">Eins<!-- ein Kommentar -->zwei<?pi nichts?>drei<b>vier</b> fünf</a>
<a href="/b"><img alt="Logo"><span>Start<br>seite</span>&amp;&nbsp;mehr</a>
<a href="/c">Text<script>var x = "nicht";</script>danach<style>.x{}</style>und<template><i>nie</i></template>Ende</a>
<script>document.write("<p>no</p>")</script>
<div><p>Absatz <em>eins</em></p><!-- x --><p>Absatz zwei</p>Schluss</div>
<template><p>Vorlage</p></template>
</body></html>"""


def reference(element) -> str:
    if not len(element):
        return clean_text(element.text)
    return clean_text(" ".join(element.xpath(XPATH)))


def _elements(html: str | bytes) -> list:
    tree = parse_html(html)
    return [] if tree is None else [e for e in tree.iter() if isinstance(e.tag, str)]


def test_fixture_every_element() -> None:
    elements = _elements(FIXTURE)
    assert len(elements) > 20
    for element in elements:
        assert element_text(element) == reference(element), element.tag


def test_left_out_and_kept() -> None:
    links = {e.get("href"): element_text(e) for e in _elements(FIXTURE) if e.tag == "a"}
    assert links == {"/a": "Eins zwei drei vier fünf", "/b": "Start seite & mehr", "/c": "Text danach und Ende"}


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.html"))[:60], ids=lambda p: p.name)
def test_test_pages_every_element(path: Path) -> None:
    for element in _elements(path.read_bytes()):
        assert element_text(element) == reference(element)

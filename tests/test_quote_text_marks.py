"""Quotation marks set as text in elements of their own (held-out 6 and a corpus testimonial strip):
the quotation is the element right after the mark, the speaker the name heading of its card, never a
role line and never the next card's name."""

from __future__ import annotations

from spiders.document import parse_html
from spiders.extract_quotes import extract_quotes

PROFILE = """<html><body><main><h1>Dr. med. Hanna Weber</h1>
<div class="intro"><div class="photo"><img src="/hw.jpg" alt="Hanna Weber"></div><div>
<div class="subtitle">{role}</div><h2>{name}</h2>
<div class="cv-quote"><div class="qmark">&ldquo;</div>
<p>Nach meinem Studium in Leipzig habe ich fünf Jahre in der Inneren Medizin gearbeitet und
betreue seit 2019 Familien in unserer Praxis.</p><div class="qmark end">&rdquo;</div></div>
</div></div><p>Sprechzeiten nach Vereinbarung.</p></main></body></html>"""

STRIP = """<html><body><main><h1>Our founder</h1><p>Some words about the founder and the company.</p>
<section><h2>What partners say</h2><div class="voices">
<div class="voice"><span class="mark">&ldquo;</span><p>A rare mix of rigour and plain language in every project.</p>
<div class="by"><b>Mila Novak</b><span>Head of Research, Acme Labs</span></div></div>
<div class="voice"><span class="mark">&ldquo;</span><p>The team shipped what it promised, on time and on budget.</p>
<div class="by"><b>Tom Berger</b><span>CTO, Example GmbH</span></div></div>
<div class="voice"><span class="mark">&ldquo;</span><p>Clear advice that our board understood at first reading.</p>
<div class="by"><b>Dr. Lea Smith, MD</b><span>Board member</span></div></div>
</div></section></main></body></html>"""


def quotes_of(html: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.cite) for q in extract_quotes(parse_html(html))]


def test_a_profile_statement_between_text_marks_is_signed_by_the_name_heading() -> None:
    found = quotes_of(PROFILE.format(role="Fachärztin für Allgemeinmedizin", name="Dr. med. Hanna Weber"))
    assert len(found) == 1
    text, cite = found[0]
    assert cite == "Dr. med. Hanna Weber"
    assert text.startswith("Nach meinem Studium") and "“" not in text and "”" not in text


def test_a_role_line_over_the_name_is_not_the_speaker() -> None:
    found = quotes_of(PROFILE.format(role="Weiterbildungsassistentin Allgemeinmedizin", name="Hanna Weber"))
    assert [cite for _, cite in found] == ["Hanna Weber"]


def test_a_section_heading_of_two_nouns_signs_nothing() -> None:
    assert quotes_of(PROFILE.format(role="Unsere Praxis", name="Unsere Leistungsbeschreibung")) == []


def test_each_card_of_a_strip_keeps_its_own_speaker() -> None:
    found = dict((cite, text) for text, cite in quotes_of(STRIP))
    assert found.get("Mila Novak", "").startswith("A rare mix")
    assert found.get("Tom Berger", "").startswith("The team shipped")
    # the third card's name does not read as a signature: it gets no one else's name
    assert all(not text.startswith("Clear advice") for text in found.values())

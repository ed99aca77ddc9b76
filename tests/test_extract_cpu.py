"""The CPU savings of the extraction keep its output: the parser's element classes, the memoised
language of repeated texts, and hrefs resolved once per page."""

from __future__ import annotations

import lxml.html
import pytest

from spiders import language
from spiders.document import parse_html
from spiders.extract import extract_links, extract_main_text
from spiders.url_scope import UrlScope

PAGE = """<!doctype html><html lang="de"><head><title>T</title><!-- a comment --></head><body>
<nav><a href="/">Start</a> <a href="/kontakt/">Kontakt</a></nav>
<main><h1>Titel</h1>
<p>Text mit <a href="/kontakt/">Kontakt</a> und
<a href="https://other.example/x" rel="Nofollow  sponsored">fremd</a>.</p>
<form action="/s"><label for="q">Suche</label><input id="q" name="q" value="v">
<select name="c"><option value="1">Eins</option><option value="2">Zwei</option></select>
<textarea name="t">nicht im Text</textarea></form>
<a href="/"><img src="/logo.png" alt="Logo"></a> <a href="mailto:x@example.org">Mail</a> <a href="#top">oben</a>
</main><footer><a href="/kontakt/">Kontakt</a></footer></body></html>"""


def test_every_element_is_an_html_element_with_its_methods() -> None:
    tree = parse_html(PAGE)
    assert tree is not None
    for element in tree.iter():
        if isinstance(element.tag, str):
            assert isinstance(element, lxml.html.HtmlElement), element.tag
    form = tree.xpath("//form")[0]
    assert form.text_content().split() == ["Suche", "EinsZwei", "nicht", "im", "Text"]
    comment = tree.xpath("//comment()")[0]
    assert isinstance(comment, lxml.html.HtmlComment)
    assert tree.getroottree().docinfo.doctype == "<!DOCTYPE html>"


def test_the_tree_parses_like_lxml_html() -> None:
    ours, theirs = parse_html(PAGE), lxml.html.document_fromstring(PAGE)
    assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)
    assert extract_main_text(ours) == extract_main_text(theirs)
    assert parse_html("   ") is None


def test_the_same_href_twice_gives_two_links_resolved_alike() -> None:
    scope = UrlScope("https://www.example.org", frozenset({"www.example.org"}))
    links = extract_links(parse_html(PAGE), "https://www.example.org/a/", scope.is_internal, scope.normalise)
    assert [(link.url, link.anchor, link.position, link.internal) for link in links] == [
        ("https://www.example.org/", "Start", "nav", True),
        ("https://www.example.org/kontakt/", "Kontakt", "nav", True),
        ("https://www.example.org/kontakt/", "Kontakt", "content", True),
        ("https://other.example/x", "fremd", "content", False),
        ("https://www.example.org/", "Logo", "content", True),
        ("https://www.example.org/kontakt/", "Kontakt", "footer", True),
    ]
    assert links[3].rel == ["nofollow", "sponsored"]
    assert links[0].rel == []


ENGLISH = "This is a plain English sentence about open source maps and the tools people use to draw them."
GERMAN = "Dies ist ein ganz normaler deutscher Satz über freie Karten und die Werkzeuge, mit denen man sie zeichnet."


@pytest.mark.parametrize("declared", ["de", "en", None])
def test_memoised_language_is_the_models_answer(declared: str | None) -> None:
    text = "\n".join([ENGLISH, GERMAN, ENGLISH, ENGLISH])
    language._model_classify.cache_clear()
    language._line_classify.cache_clear()
    first = language.read_language(text, "", declared)
    again = language.read_language(text, "", declared)  # from the memo
    assert first == again
    model = language.load_model()
    expected_language, expected_confidence = model.classify(language.language_sample(text))
    assert first[0] == expected_language == "en"
    assert first[1] == round(float(expected_confidence), 3)
    if declared != "en":  # shares read line by line, each line's answer the model's own
        assert first[2] == {"en": 0.75, "de": 0.25}
        assert language._line_classify(GERMAN) == model.classify(GERMAN)
    else:
        assert first[2] == {}

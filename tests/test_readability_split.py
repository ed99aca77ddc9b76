"""Readability splits a page's prose once (issue 19, eighth stop): `prose` keeps each kept line's sentences
and words, and `text_stats` of that prose text counts them instead of splitting the text again; each distinct
word's syllables are looked up once. The counts are those of a text split anew."""

from __future__ import annotations

import pytest

from scoring import readability
from scoring.core.text import words
from scoring.readability import prose, text_stats

PAGES = [
    (
        "Wärmepumpen im Altbau\n"
        "Eine Wärmepumpe entzieht der Umgebung Wärme. Sie hebt sie mit Strom auf ein höheres Niveau, z. B. "
        "für Heizung und Warmwasser am 3. Oktober.\n"
        "Mehr dazu steht unter https://www.beispiel.example/ratgeber und im Merkblatt. Der Rest folgt bald.\n"
        "Ihre Vorteile:\n"
        "Weniger Kosten.\n"
        "Gewicht: 12 kg. Material: Edelstahl.\n"
        "Der Einbau dauert meist zwei Tage, bei größeren Anlagen mit Erdsonden auch eine ganze Woche oder "
        "länger, je nach Genehmigung durch die Gemeinde und das Wetter.\n"
        "Das geht schnell. Das spart Geld. Das schont das Klima.",
        ["Wärmepumpen im Altbau"],
    ),
    (
        "Heat pumps explained\n"
        "A heat pump moves heat from the air into your home. It doesn't burn anything, e.g. gas or oil.\n"
        "Read the guide at www.example.org/guide  or mail info@example.org for details. We answer quickly.\n"
        "Price: 12,500 USD\n"
        "Installers we've trained:\n"
        "Anna, Berlin.\n"
        "Installation usually takes two days, although larger systems with ground loops can take a whole week.",
        ["Heat pumps explained"],
    ),
]


def _fresh(text: str, lang: str) -> readability.TextStats:
    readability._SPLIT[:] = [None, None]
    return text_stats(text, lang)


@pytest.mark.parametrize(("main_text", "headings"), PAGES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_counts_from_the_kept_split_are_those_of_a_new_split(main_text: str, headings: list[str], lang: str) -> None:
    kept = prose(main_text, headings)
    assert kept.words == len(words(kept.text))
    stats = text_stats(kept.text, lang)
    assert stats == _fresh(kept.text, lang)
    assert stats.sentences >= 2 and stats.words == kept.words


def test_the_prose_text_is_not_split_again(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = prose(*PAGES[0])
    calls: list[str] = []
    split = readability.split_sentences

    def counted(text: str) -> list[str]:
        calls.append(text)
        return split(text)

    monkeypatch.setattr(readability, "split_sentences", counted)
    text_stats(kept.text, "de")
    assert calls == []
    text_stats(kept.text + "\nNoch ein Satz mit Wörtern.", "de")  # another text: split as it comes
    assert len(calls) == 1

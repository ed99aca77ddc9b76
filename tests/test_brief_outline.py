"""What a brief lists as sections and questions reads like an article (issue 17): no product list's items,
no teaser headline, no sales prompt to the reader, no German question without a noun."""

from __future__ import annotations

from auditor.llm.builder import _TEXT, outline_for, variants
from auditor.llm.grounding import site_questions
from auditor.llm.inputs import BriefInput, PageInput
from scoring.core.records import Heading
from tests.factories import page


def test_a_listings_items_are_no_sections():
    headings = [
        "Gusspfanne Classic 24 cm",
        "Gusspfanne Classic 28 cm",
        "Servierset Eiche Kupfer",
        "Servierset Eiche Silber",
        "Ofenline Schürze",
        "Ofenline Handschuh Leder",
        "Ofenline Zange",
        "Wie man Gusseisen einbrennt",
        "Die richtige Hitze",
    ]
    assert variants(headings) == set(headings[:7])
    item = BriefInput(
        site_name="Ofenhaus",
        site_url="https://ofenhaus.example/",
        language="de",
        audience_hints=[],
        topic="Gusseisen",
        pages=[PageInput(url="https://ofenhaus.example/pfannen/", title="Pfannen", words=900, headings=headings)]
        + [
            PageInput(
                url="https://ofenhaus.example/neu/",
                title="Neu",
                words=300,
                headings=["Neu im Laden! Pfannen aus Gusseisen", "Einbrennen leicht gemacht!"],
            )
        ],
        strong_pages=[],
        allowed_urls=frozenset(),
    )

    sections = [o.text for o in outline_for(item, "Gusseisen", _TEXT["de"])]
    assert sections == [
        "Gusseisen kurz erklärt",
        "Wie man Gusseisen einbrennt",
        "Die richtige Hitze",
        "Einbrennen leicht gemacht",
    ]


def test_questions_to_the_reader_as_a_customer_are_not_mined():
    text = (
        "Welches Zubehör brauchen Sie für den Anfang? Wann steht für eure Teams die nächste Schulung an? "
        "Welchen Raum brauchen wir für die Schulung? Was sollen wir vorher wissen? "
        "Wie viele Ersthelfer braucht ein Betrieb mit zwanzig Leuten? Wie oft muss ich die Schulung auffrischen?"
    )
    found = site_questions(
        page(
            "faq/", title="Fragen", main_text=text, word_count=60, lang="de", headings=[Heading(level=1, text="Fragen")]
        )
    )
    assert found == [
        "Wie viele Ersthelfer braucht ein Betrieb mit zwanzig Leuten?",
        "Wie oft muss ich die Schulung auffrischen?",
    ]


def test_one_stray_figure_makes_no_title_in_figures():
    from auditor.llm.builder import title_for
    from auditor.llm.grounding import Excerpt

    figure = Excerpt("https://ofenhaus.example/neu/", "Neu", "Rund 40 Prozent der Kunden heizen mit Holz.")
    base = {
        "site_name": "Ofenhaus",
        "site_url": "https://ofenhaus.example/",
        "language": "de",
        "audience_hints": [],
        "topic": "Kaminofen",
        "pages": [],
        "strong_pages": [],
        "allowed_urls": frozenset(),
    }
    assert title_for(BriefInput(**base, figures=[figure]), "Kaminofen", _TEXT["de"]) == "Kaminofen verständlich erklärt"
    two = BriefInput(**base, figures=[figure, figure])
    assert title_for(two, "Kaminofen", _TEXT["de"]) == "Kaminofen in Zahlen: was wirklich belegt ist"


def test_an_english_question_of_everyday_words_only_is_not_mined():
    text = (
        "Can't find what you're looking for? What's not to like about it? "
        "What is a Bloom filter and when does it pay off? How does garbage collection pause a service?"
    )
    found = site_questions(page("faq/", title="FAQ", main_text=text, word_count=40, lang="en"))
    assert found == ["What is a Bloom filter and when does it pay off?", "How does garbage collection pause a service?"]


def test_translations_of_one_page_share_a_key():
    from auditor.llm.inputs import translation_keys

    de, en = page("de/news/2025-crowdfunding/"), page("en/news/2025-crowdfunding/")
    assert translation_keys(de) & translation_keys(en)
    assert not translation_keys(page("de/news/other/")) & translation_keys(en)


def test_a_numbered_listing_page_is_not_editorial():
    from auditor.llm.grounding import editorial

    text = "Scala tips for teams. " * 60
    assert not editorial(page("blog/page9/", title="Blog", main_text=text, word_count=240))
    assert editorial(page("blog/page-speed-tuning/", title="Page speed tuning", main_text=text, word_count=240))

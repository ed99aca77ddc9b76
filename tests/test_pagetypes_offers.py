"""Page types of offers and of pages whose date is not theirs, on patterns of the real corpus
(bench/realworld), with invented records of our own:

- a page that lists dated entries ("Clip vom 08.07.2013:", one line per entry) has no date of its own:
  the first entry's date is no publication date (other, not article);
- a course or service published through the blog (a date permalink), showing neither date nor
  author and named after the service it offers ("/2023/03/06/field-workshop/"), is a service page;
- the root of a service section that presents a few of its service pages (/consulting/ linking
  /consulting/review/ ...) is the overview of the offer: landing (six or more: their index, a listing);
- a product tour built of H1 sections, each a short blurb, is a landing page;
- a page that asks the reader to buy or book what it offers ("by buying our support contract", "Get
  a support contract", "Buchen Sie", "Jetzt anmelden") is a service page when nothing else placed it.
"""

from __future__ import annotations

from scoring.core.records import Heading
from scoring.pagetypes import classify
from tests.factories import ROOT, page

INTRO = (
    "Hier sammeln wir die schönsten Spielzüge der Saison, jeden mit einem kurzen Video und einer "
    "Erklärung, warum er so selten gelingt. Viel Spaß beim Anschauen."
)


def _entries_page(lines: list[str]) -> object:
    return page(
        "beste-clips/",
        title="Beste Clips | Spieleseite",
        headings=[Heading(level=1, text="Beste Clips")],
        main_text="\n".join(["Beste Clips", INTRO, "Die bisherigen Clips:", *lines]),
        word_count=40 + 3 * len(lines),
        extras={"visible_date": "2013-07-08", "visible_date_text": lines[0]},
        dates={"published": "2017-08-20", "published_source": "htmldate"},
    )


def test_a_list_of_dated_entries_has_no_date_of_its_own():
    entries = ["Clip vom 08.07.2013:", "Clip vom 10.06.2013:", "Clip vom 09.06.2013:"]
    found = classify(_entries_page(entries))
    assert found.kind == "other", found.reason
    # one dated line by the title is the page's date: a post
    assert classify(_entries_page(["Clip vom 08.07.2013:"])).kind == "article"


def test_lines_alike_do_not_override_a_date_in_the_markup():
    record = _entries_page(["Update vom 08.07.2013:", "Update vom 10.06.2013:", "Update vom 09.06.2013:"])
    record = record.model_copy(update={"dates": record.dates.model_copy(update={"published_source": "meta"})})
    assert classify(record).kind == "article"


def _dated_permalink(path: str, title: str, **fields: object) -> object:
    text = (
        "In one day you learn to set up a project, collect data in the field and synchronise it with "
        "your desktop. The course costs 600 CHF per person, lunch included. Register now. " * 2
    )
    return page(
        path,
        title=title,
        headings=[Heading(level=1, text=title.split(" – ")[0]), Heading(level=3, text="Topics")],
        main_text=text,
        word_count=len(text.split()),
        dates={"published": "2023-03-06", "published_source": "meta"},
        **fields,
    )


def test_a_service_on_a_date_permalink_is_a_service_page():
    workshop = _dated_permalink("2023/03/06/field-workshop/", "Field Workshop – Example GmbH")
    assert classify(workshop).kind == "service", classify(workshop).reason
    german = _dated_permalink("2024/02/10/gis-schulung/", "GIS-Schulung für Einsteiger – Beispiel GmbH")
    assert classify(german).kind == "service"  # the slug's head noun names the service
    # shown with a date by the title, or signed, it is a post about the workshop
    dated = _dated_permalink("2023/03/06/field-workshop/", "Field Workshop", extras={"visible_date": "2023-03-06"})
    assert classify(dated).kind == "article"
    signed = _dated_permalink(
        "2023/03/06/field-workshop/",
        "Field Workshop",
        author_signals=[{"source": "byline", "name": "Erika Beispiel", "visible": True}],
    )
    assert classify(signed).kind == "article"
    # a post whose title names no service stays a post
    assert classify(_dated_permalink("2023/03/06/field-day/", "Our Field Day")).kind == "article"


def _section_root(children: int) -> object:
    services = ["review", "architecture", "training", "mentoring", "migration", "audit", "hiring"][:children]
    links = [
        {"url": f"{ROOT}consulting/{s}/", "anchor": "Find out more", "position": "content", "internal": True}
        for s in services
    ]
    return page(
        "consulting/",
        title="Consulting | Example",
        headings=[Heading(level=1, text="Consulting, training and mentoring")],
        main_text="We help teams ship better software. " * 30,
        word_count=180,
        links=links,
    )


def test_the_root_of_a_service_section_presenting_its_services_is_landing():
    assert classify(_section_root(4)).kind == "landing", classify(_section_root(4)).reason
    assert classify(_section_root(1)).kind == "service"  # a section root about one service
    assert classify(_section_root(7)).kind == "listing"  # an index of many service pages


def _tour(h1s: int, **fields: object) -> object:
    headings = [Heading(level=4, text="Important notice")]
    blurbs = []
    for i in range(h1s):
        headings.append(Heading(level=1, text=f"feature number {i}"))
        blurbs.append(f"Feature number {i} keeps your home connected and captures the moments you love most.")
    text = "\n".join(blurbs)
    return page(
        "life-with-robot/", title="Life with Robot", headings=headings, main_text=text, word_count=len(text.split())
    )


def test_a_product_tour_of_h1_sections_is_a_landing_page():
    assert classify(_tour(6)).kind == "landing", classify(_tour(6)).reason
    assert classify(_tour(2)).kind == "other"  # two sections: nothing says marketing


def _sales_page(text: str) -> object:
    body = ("Open source software needs care that nobody sees: bug fixing, reviews and maintenance. " * 12) + text
    return page("initiative/", title="Our initiative", main_text=body, word_count=len(body.split()))


def test_asking_the_reader_to_buy_or_book_is_an_offer():
    english = _sales_page("By buying our support contract you fund this work. Get a support contract.")
    assert classify(english).kind == "service", classify(english).reason
    german = _sales_page("Buchen Sie den Kurs für Ihr Team. Jetzt anmelden, die Plätze sind begrenzt.")
    assert classify(german).kind == "service"
    assert classify(_sales_page("Thank you for reading.")).kind == "other"

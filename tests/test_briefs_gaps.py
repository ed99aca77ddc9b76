"""Briefs an editor would commission (issue 17), second round: tasks source statistics, never a product's
specification; the angle names the cluster's own gap; booking and logistics FAQs are no article questions."""

from __future__ import annotations

from auditor.llm.builder import build_brief, gap_for
from auditor.llm.grounding import logistics, site_questions, unsourced_figures, worth_a_source
from auditor.llm.inputs import BriefInput, Finding, PageInput, gather_inputs
from auditor.llm.language import problems
from scoring.audit import score_site
from scoring.core.records import AuthorSignal, Heading
from scoring.core.results import Cluster, SiteInsights
from tests.factories import ROOT, artifacts, page

SPEC = "Das Thermopapier ist 125 mm breit und passt in jeden Bondrucker unserer Kassensysteme im Laden. "
CLAIM = "Rund 80 Prozent der Kunden zahlen in unseren Läden inzwischen mit Karte statt mit Bargeld. "


def test_a_specification_is_no_statistic_to_source():
    assert not worth_a_source("no source named; figures: 125 mm", SPEC)
    assert not worth_a_source("no source named; figures: 300°C", "Der Pizzastein hält dauerhaft bis zu 300°C aus.")
    assert not worth_a_source("no source named; figures: 1.869", "1.869 cm²")  # a table cell, no claim
    assert worth_a_source("no source named; figures: 80 Prozent", CLAIM)
    assert worth_a_source("no source named; figures: 250.000 Haushalte", "Rund 250.000 Haushalte heizen mit Pellets.")


def test_only_the_statistic_becomes_a_task():
    text = (SPEC + CLAIM) * 6
    pages = [
        page(
            f"ratgeber/kasse-{n}/",
            title=f"Kassensystem im Laden {n}",
            main_text=text,
            word_count=len(text.split()),
            headings=[Heading(level=1, text=f"Kassensystem im Laden {n}")],
        )
        for n in range(3)
    ]
    result = score_site(pages, artifacts(), None, settings={})
    figures = unsourced_figures(result, {p.url for p in pages}, limit=10)
    assert figures, "the statistics check found figures without a source"
    assert all("Prozent" in f.text for f in figures) and not any("125 mm" in f.text for f in figures)


def test_booking_and_logistics_faqs_are_no_article_questions():
    course = page(
        "kurse/ersthelfer/",
        headings=[
            Heading(level=2, text="Wo findet der Kurs Ersthelfer Ausbildung statt?"),
            Heading(level=2, text="Wie lange dauert der Kurs?"),
            Heading(level=2, text="Wie viele Ersthelfer muss ein Betrieb haben?"),
            Heading(level=2, text="Welchen Erste-Hilfe-Kurs brauche ich für den Führerschein?"),
        ],
        main_text="Kann ich bei Ihnen auch am Wochenende buchen? Wer trägt die Kosten der Ausbildung im Betrieb?",
    )
    assert site_questions(course) == [
        "Wie viele Ersthelfer muss ein Betrieb haben?",
        "Welchen Erste-Hilfe-Kurs brauche ich für den Führerschein?",
        "Wer trägt die Kosten der Ausbildung im Betrieb?",
    ]
    assert logistics("Do you handle allergens at all?") and logistics("Where do I book the course?")
    for faq in (
        "Wie lang ist der Abendkurs?",
        "Was müssen wir stellen — und was bringt ihr mit?",
        "Wo finden die offenen Kurse statt?",
        "Wie schnell bekomme ich meine Bescheinigung?",
        "Wer steckt hinter dieser Website?",
    ):
        assert logistics(faq), faq
    assert not logistics("How much should you pay for a heat pump in an old house?")


def _item(findings: list[str], **fields) -> BriefInput:  # noqa: ANN003
    pages = [
        PageInput(ROOT + f"ratgeber/{n}/", f"Seite {n}", words, findings=[Finding(c, c) for c in findings])
        for n, words in enumerate(fields.pop("words", [900, 900, 900]))
    ]
    base = {
        "site_name": "Haustechnik Berg",
        "site_url": ROOT,
        "language": "de",
        "audience_hints": [],
        "topic": "Wärmepumpe im Altbau",
        "pages": pages,
        "strong_pages": [],
        "allowed_urls": frozenset(p.url for p in pages),
        "people_found": True,
    }
    return BriefInput(**(base | fields))


def test_the_angle_names_the_clusters_gap():
    from auditor.llm.grounding import Excerpt

    figures = [Excerpt(ROOT + "ratgeber/0/", "Seite 0", CLAIM)]
    cases = {
        "gap_figures": _item(["statistics"], figures=figures),
        "gap_expert": _item(["attributed-quotes"], experts=["Jana Berg"]),
        "gap_author": _item([], people_found=False),
        "gap_depth": _item(["thin-content"], words=[120, 150, 90]),
        "gap_questions": _item([], questions=["Wie laut ist eine Wärmepumpe?", "Was kostet eine Wärmepumpe?"]),
        "gap_sources": _item(["outbound-citations"]),
        "gap_bundle": _item([]),
    }
    angles = {}
    for gap, item in cases.items():
        assert gap_for(item) == gap
        angles[gap] = build_brief(item).angle
        assert not problems([angles[gap]], "de"), angles[gap]  # German without English words or slips
    assert len(set(angles.values())) == len(angles)  # one sentence per gap, not one for every brief
    # four long pages, two of them thin FAQ pages: the gap is not depth, and no "expand the text" task
    long = _item(["thin-content"], experts=["Jana Berg"], words=[2000, 2500, 200, 200])
    long.pages[0].findings.append(Finding("attributed-quotes", "attributed-quotes"))
    assert gap_for(long) == "gap_expert" and not any("1000" in t for t in build_brief(long).evidence_tasks)
    assert "Jana Berg" in angles["gap_expert"] and "360 Wörtern" in angles["gap_depth"]
    assert "Wie laut ist eine Wärmepumpe?" in angles["gap_questions"]


def test_two_clusters_with_different_gaps_get_different_angles():
    text = "Eine Wärmepumpe im Altbau braucht niedrige Vorlauftemperaturen und gut geplante Heizkörper. " * 40
    short = "Der Wintergarten braucht Schatten. " * 5

    def article(path: str, title: str, body: str, author: str | None = None):  # noqa: ANN202
        signals = [AuthorSignal(source="byline", name=author)] if author else []
        return page(
            path,
            title=title,
            main_text=body,
            word_count=len(body.split()),
            headings=[Heading(level=1, text=title)],
            author_signals=signals,
        )

    pages = [article(f"ratgeber/waermepumpe-{n}/", f"Wärmepumpe im Altbau {n}", text, "Jana Berg") for n in range(3)]
    pages += [article(f"ratgeber/wintergarten-{n}/", f"Wintergarten planen {n}", short) for n in range(3)]
    result = score_site(pages, artifacts(), None, settings={})
    clusters = [
        Cluster(id=0, label="Wärmepumpe im Altbau", urls=[p.url for p in pages[:3]], pages=3, depth_score=60.0),
        Cluster(id=1, label="Wintergarten", urls=[p.url for p in pages[3:]], pages=3, depth_score=10.0),
    ]
    result = result.model_copy(update={"insights": SiteInsights(clusters=clusters)})
    briefs = [build_brief(item) for item in gather_inputs(result, pages)]
    assert len(briefs) == 2 and briefs[0].angle != briefs[1].angle
    winter = next(b for b in briefs if b.cluster_id == 1)
    assert "Wörtern" in winter.angle  # the shallow cluster's gap is depth


def test_location_pages_and_course_logistics_make_no_brief_content():
    from auditor.llm.grounding import editorial, template_questions

    towns = [("herzberg", "Herzberg am Harz"), ("lauterberg", "Bad Lauterberg im Harz"), ("osterode", "Osterode")]
    pages = [
        page(
            f"kurse/{slug}/",
            title=f"Erste Hilfe in {town}",
            headings=[Heading(level=2, text=f"Welche Kurse passen für {town} besonders?")],
        )
        for slug, town in towns
    ]
    assert len(template_questions(pages)) == 3  # one shape, the town's name and its "am"/"im" aside
    assert not editorial(page("standorte/herzberg-am-harz/", title="Erste Hilfe in Herzberg am Harz"))
    item = _item(["thin-content"])
    item.pages[0].headings.extend(["Offene Termine — Lehrkräfte-Fortbildung", "6 Produkte – Prestige Line"])
    item.pages[0].headings.extend(["Related Content", "Starte mit uns durch"])
    item.pages[0].headings.append("Pflege eines Damastmessers")
    outline = [o.text for o in build_brief(item).outline]
    assert "Pflege eines Damastmessers" in outline
    assert not any(word in h for h in outline for word in ("Termine", "Produkte", "Related", "Starte"))


def test_questions_that_lean_on_the_text_before_and_single_amounts_are_not_mined():
    p = page(
        "a/",
        headings=[Heading(level=2, text=q) for q in ("Where do they go?", "What is post-tensioned concrete?")],
        main_text="How can you determine that without using destructive techniques? It works.",
        lang="en",
    )
    assert site_questions(p) == ["What is post-tensioned concrete?"]
    assert not worth_a_source("no source named; figures: 1236 Euro", "Anbei die Rechnung in Höhe von 1236 Euro.")


def test_a_title_is_a_short_question_and_a_page_title_is_cut_at_a_word():
    from auditor.llm.builder import _short_title

    long = "Wie funktioniert das mit dem Assistenzhund im Lebensmittelgeschäft oder einem Geschäft ohne Hunde?"
    item = _item([], topic="Assistenzhunde", questions=[long, "Was darf ein Assistenzhund im Geschäft?"])
    assert build_brief(item).working_title == "Assistenzhunde: Was darf ein Assistenzhund im Geschäft?"
    cut = _short_title("Drei Stunden mit dem Umweltminister - Von einem echten Bürgerdialog fehlt dennoch jede Spur")
    assert cut.endswith("…") and not cut.endswith("S…") and len(cut) <= 80


def test_a_brief_takes_the_pages_about_its_label_and_names_pages_by_their_h1():
    claim = "Rund 94 Prozent der Befragten wollen Schutzgebiete in Nord- und Ostsee, so eine Umfrage im Land. "
    body = claim + "Die Schutzgebiete der Ostsee brauchen Ruhezonen, in denen nicht gefischt wird. " * 30

    def post(path: str, h1: str, text: str):  # noqa: ANN202 - pages without <title>, as on a real site
        h = [Heading(level=1, text=h1)]
        return page(path, title=None, main_text=text, word_count=len(text.split()), headings=h)

    pages = [post(f"news/schutzgebiete-{n}/", f"Schutzgebiete der Ostsee {n}", body) for n in range(3)]
    pages.append(post("news/sommerfest/", "Unser Sommerfest am Hafen", "Wir feiern am Hafen. " * 20))
    result = score_site(pages, artifacts(), None, settings={})
    cluster = Cluster(id=0, label="Schutzgebiete", urls=[p.url for p in pages], pages=4, depth_score=30.0)
    result = result.model_copy(update={"insights": SiteInsights(clusters=[cluster])})
    (item,) = gather_inputs(result, pages)
    assert "sommerfest" not in item.pages[0].url  # the thinnest page, but not about the label
    tasks = " ".join(build_brief(item).evidence_tasks)
    assert "„Schutzgebiete der Ostsee" in tasks and "http" not in tasks  # the page named by its H1, not its URL

"""Briefs an editor would commission (issue 17): editorial clusters only, ranked by opportunity, every
named person, page and question found on the site, German without English words or adjective slips."""

from __future__ import annotations

from auditor.llm.builder import build_brief
from auditor.llm.grounding import editorial, site_questions
from auditor.llm.inputs import gather_inputs
from auditor.llm.language import agreement_slips, english_words, problems
from scoring.audit import score_site
from scoring.core.records import AuthorSignal, Heading, Link, PageRecord
from scoring.core.results import AuditResult, Cluster, SiteInsights
from tests.factories import ROOT, artifacts, page

TEXT = (
    "Eine Wärmepumpe im Altbau braucht niedrige Vorlauftemperaturen. Bei unseren Kunden in Freiburg haben "
    "wir die Heizkörper geprüft und die Heizlast berechnet. Wie laut ist eine Wärmepumpe im Garten? "
    "Rund 80 Prozent der Anlagen laufen im Winter ohne Heizstab. "
)


def _article(path: str, title: str, *, author: str | None = None, **fields) -> PageRecord:
    signals = [AuthorSignal(source="byline", name=author)] if author else []
    return page(
        path,
        title=f"{title} | Haustechnik Berg",
        main_text=TEXT * 8,
        word_count=len((TEXT * 8).split()),
        headings=[Heading(level=1, text=title), Heading(level=2, text="Heizkörper im Altbau prüfen")],
        author_signals=signals,
        **fields,
    )


def _site() -> tuple[AuditResult, list[PageRecord]]:
    service = page(
        "leistungen/waermepumpe/",
        title="Wärmepumpe einbauen lassen | Haustechnik Berg",
        main_text=TEXT * 6,
        word_count=len((TEXT * 6).split()),
        headings=[Heading(level=1, text="Wärmepumpe einbauen lassen")],
        links=[Link(url=ROOT + "ratgeber/waermepumpe-altbau/", anchor="Ratgeber", internal=True, position="content")],
    )
    pages = [
        page("", title="Haustechnik Berg", main_text=TEXT * 4, word_count=4 * len(TEXT.split())),
        service,
        _article("ratgeber/waermepumpe-altbau/", "Wärmepumpe im Altbau", author="Jana Berg"),
        _article("ratgeber/waermepumpe-kosten/", "Kosten einer Wärmepumpe"),
        _article("ratgeber/waermepumpe-laerm/", "Wärmepumpe und Lärm"),
        _article("hilfe/kundenportal/", "Kundenportal: Passwort ändern"),
        _article("hilfe/rechnung/", "Kundenportal: Rechnung herunterladen"),
        _article("hilfe/termin/", "Kundenportal: Termin verschieben"),
        _article("tag/waermepumpe/", "Schlagwort Wärmepumpe", robots_meta="noindex, follow"),
        _article("ratgeber/sommerfest/", "Sommerfest 2024"),
        _article("ratgeber/weihnachten/", "Weihnachtsgrüße 2024"),
    ]
    result = score_site(pages, artifacts(), None, settings={})
    clusters = [
        Cluster(
            id=0,
            label="Kundenportal",
            urls=[ROOT + f"hilfe/{p}/" for p in ("kundenportal", "rechnung", "termin")],
            pages=3,
            depth_score=5.0,
        ),
        Cluster(
            id=1,
            label="Wärmepumpe",
            pages=3,
            depth_score=40.0,
            urls=[ROOT + f"ratgeber/waermepumpe-{p}/" for p in ("altbau", "kosten", "laerm")],
        ),
        Cluster(
            id=2,
            label="Feste",
            urls=[ROOT + "ratgeber/sommerfest/", ROOT + "ratgeber/weihnachten/"],
            pages=2,
            depth_score=1.0,
        ),
    ]
    return result.model_copy(update={"insights": SiteInsights(clusters=clusters)}), pages


def test_only_editorial_clusters_of_three_pages_get_a_brief():
    result, pages = _site()
    inputs = gather_inputs(result, pages)
    # the help centre (shallowest) and the two-page cluster without a service page get none
    assert [i.cluster_id for i in inputs] == [1]
    assert not editorial(next(p for p in pages if "/tag/" in p.url))  # noindex tag page
    assert not editorial(next(p for p in pages if "/hilfe/" in p.url))
    assert editorial(next(p for p in pages if "waermepumpe-altbau" in p.url))


def test_brief_is_grounded_in_the_site():
    result, pages = _site()
    (item,) = gather_inputs(result, pages)
    brief = build_brief(item)
    site_text = " ".join(p.main_text + " ".join(h.text for h in p.headings) for p in pages)
    assert brief.questions == ["Wie laut ist eine Wärmepumpe im Garten?"]  # the site's own question
    assert brief.working_title == "Wie laut ist eine Wärmepumpe im Garten?"
    assert brief.experts == ["Jana Berg"] and any("Jana Berg" in t for t in brief.evidence_tasks)
    assert all(q in site_text for q in brief.questions)
    assert any("80 Prozent" in t for t in brief.evidence_tasks)  # the figure without a source, quoted
    assert any("unseren Kunden" in t for t in brief.evidence_tasks)  # the material the site hints at
    crawled = {p.url for p in pages}
    noindex = {p.url for p in pages if "noindex" in (p.robots_meta or "")}
    assert all(x.source in crawled and x.source not in noindex for x in brief.internal_links)
    assert "Leitfaden" not in brief.working_title and "Mit welchen Kosten" not in " ".join(brief.questions)
    assert brief.opportunity is not None and 0 < brief.opportunity <= 1
    # a heading on nearly every page of the site is template text, no section of the article
    assert "Heizkörper im Altbau prüfen" not in {o.text for o in brief.outline}
    assert not problems([brief.working_title, brief.angle, *brief.evidence_tasks], "de")


def test_site_without_named_people_gets_the_author_gap_as_task():
    result, pages = _site()
    pages = [p.model_copy(update={"author_signals": []}) for p in pages]
    result = score_site(pages, artifacts(), None, settings={}).model_copy(update={"insights": result.insights})
    (item,) = gather_inputs(result, pages)
    brief = build_brief(item)
    assert brief.experts == []
    assert any("nennt nirgends" in t for t in brief.evidence_tasks)


def test_questions_come_from_headings_and_text_only():
    p = page(
        "a/",
        headings=[Heading(level=2, text="Was kostet eine Wärmepumpe im Altbau?")],
        main_text="Das ist gut. Wie lange hält ein Kompressor im Dauerbetrieb? Ja?",
    )
    assert site_questions(p) == [
        "Was kostet eine Wärmepumpe im Altbau?",
        "Wie lange hält ein Kompressor im Dauerbetrieb?",
    ]


def test_english_words_in_german_text_are_found():
    assert english_words("Die cost-effective Lösung für Ihr Zuhause: Step für Step") == ["cost-effective", "step"]
    assert english_words("Die Kosten im Überblick mit unserem Team und der Software") == []
    assert english_words("Die Seite sagt „best practice“") == []  # quoted site text is the site's
    assert english_words("Leadership Coaching für Teams", frozenset({"coaching"})) == []


def test_adjective_endings_after_articles():
    assert agreement_slips("Das großes Haus und eine neuen Anlage") == ["das großes", "eine neuen"]
    assert agreement_slips("Das große Haus, die neuen Anlagen und einen guten Plan") == []
    assert problems(["Die cost Analyse"], "de") and not problems(["The cost analysis"], "en")


def test_clusters_near_the_service_pages_rank_first():
    """Opportunity: the cluster the service page links to outranks a shallower one no money page reaches."""
    result, pages = _site()
    extra = [_article(f"ratgeber/hobby-{n}/", f"Gartenteich anlegen Teil {n}") for n in (1, 2, 3)]
    pages = pages + extra
    hobby = Cluster(id=3, label="Gartenteich", pages=3, depth_score=30.0, urls=[p.url for p in extra])
    clusters = [*result.insights.clusters, hobby]
    result = score_site(pages, artifacts(), None, settings={})
    result = result.model_copy(update={"insights": SiteInsights(clusters=clusters)})
    inputs = gather_inputs(result, pages)
    assert [i.cluster_id for i in inputs] == [1, 3]  # heat pumps (linked from the service page) first
    assert inputs[0].opportunity.relevance > inputs[1].opportunity.relevance
    assert inputs[0].opportunity.score > inputs[1].opportunity.score


def test_a_templates_question_on_every_course_page_is_not_mined():
    from auditor.llm.grounding import mine_questions, template_questions

    courses = [
        page(
            f"kurse/{slug}/",
            title=name,
            headings=[Heading(level=2, text=f"Wo findet der Kurs {name} statt?")],
            main_text="Warum muss die Auffrischung alle zwei Jahre sein?" if slug == "fortbildung" else "",
        )
        for slug, name in (
            ("ausbildung", "Ersthelfer Ausbildung"),
            ("fortbildung", "Ersthelfer Fortbildung"),
            ("kita", "Erste Hilfe Kita"),
        )
    ]
    template = template_questions(courses)
    assert "wo findet der kurs erste hilfe kita statt?" in template
    assert mine_questions(courses, [], {"ersthelfer"}, template=template) == [
        "Warum muss die Auffrischung alle zwei Jahre sein?"
    ]
    assert not template_questions(courses[:2])  # two pages are no template


def test_no_link_from_a_noindex_page_even_when_it_is_the_clusters_strongest():
    result, pages = _site()
    tag = ROOT + "tag/waermepumpe/"
    clusters = [
        c.model_copy(update={"strongest_url": tag, "hub_url": tag}) if c.id == 1 else c
        for c in result.insights.clusters
    ]
    result = result.model_copy(update={"insights": SiteInsights(clusters=clusters)})
    (item,) = gather_inputs(result, pages)
    assert tag not in {s.url for s in item.strong_pages}  # preferred pages pass the same filter
    assert tag not in {x.source for x in build_brief(item).internal_links}


def test_an_english_heading_of_a_german_page_is_no_section_of_a_german_brief():
    from auditor.llm.builder import _TEXT, outline_for
    from auditor.llm.inputs import BriefInput, PageInput

    item = BriefInput(
        site_name="Meer e. V.",
        site_url=ROOT,
        language="de",
        audience_hints=[],
        topic="Ozean",
        pages=[PageInput(url=ROOT + "a/", title="A", words=300, headings=["Our Services", "Müll im Meer"])],
        strong_pages=[],
        allowed_urls=frozenset({ROOT + "a/"}),
    )
    assert [o.text for o in outline_for(item, "Ozean", _TEXT["de"])] == ["Ozean kurz erklärt", "Müll im Meer"]

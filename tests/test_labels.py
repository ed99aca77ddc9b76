"""Cluster labels are phrases a person wrote on the site, never tokens glued together (issue 17)."""

from __future__ import annotations

from scoring.labels import (
    common_word,
    not_noun,
    participle_end,
    phrase_frequency,
    phrases,
    ranked_labels,
    template_lines,
    unique_labels,
)

# A small site of our own: a heat-pump cluster, a recipe cluster with a recipe card, a template heading.
SITE = {
    "/waermepumpe-altbau/": "Wärmepumpe im Altbau\nVorlauftemperatur senken\nDas könnte Sie auch interessieren",
    "/waermepumpe-kosten/": "Kosten der Wärmepumpe im Altbau\nFörderung beantragen\nDas könnte Sie auch interessieren",
    "/waermepumpe-laerm/": "Wie laut ist eine Wärmepumpe?\nAbstand zum Nachbarn\nDas könnte Sie auch interessieren",
    "/kuchen-apfel/": "Schwäbischer Apfelkuchen\nZutaten\n4 Personen\nDas könnte Sie auch interessieren",
    "/kuchen-zwetschge/": "Zwetschgenkuchen vom Blech\nZutaten\n4 Personen\nDas könnte Sie auch interessieren",
    "/kuchen-kaese/": "Käsekuchen ohne Boden\nZutaten\n6 Personen",
    "/impressum/": "Impressum\nAngaben gemäß § 5 DDG",
    "/datenschutz/": "Datenschutzerklärung\nIhre Rechte",
    "/team/": "Unser Team\nAusbildung",
    "/kontakt/": "Kontakt\nAnfahrt",
}


def _label(members: list[str]) -> list[str]:
    template = template_lines(SITE)
    df = phrase_frequency(SITE, template)
    return ranked_labels([SITE[m] for m in members], df, len(SITE), template)


def test_label_is_a_phrase_from_the_site():
    label = _label(["/waermepumpe-altbau/", "/waermepumpe-kosten/", "/waermepumpe-laerm/"])[0]
    assert "·" not in label
    assert label in ("Wärmepumpe im Altbau", "Wärmepumpe", "Altbau")  # words of the site's own titles
    # two titles say it, joined by "im" as people search for it; it beats the one word all three share
    assert label == "Wärmepumpe im Altbau"


def test_shared_two_word_phrase_beats_its_words():
    site = {
        "/a/": "Neurosoziales Coaching für Teams\nAblauf",
        "/b/": "Neurosoziales Coaching im Vertrieb\nKosten",
        "/c/": "Führung in der Krise\nAblauf",
        "/d/": "Strategie entwickeln\nKosten",
        "/e/": "Über uns\nTeam",
    }
    df = phrase_frequency(site)
    assert ranked_labels([site["/a/"], site["/b/"]], df, len(site))[0] == "Neurosoziales Coaching"


def test_recipe_card_and_template_headings_make_no_label():
    ranked = _label(["/kuchen-apfel/", "/kuchen-zwetschge/", "/kuchen-kaese/"])
    assert ranked, "a cluster always gets a label"
    assert not any(word in label for label in ranked for word in ("Personen", "Zutaten", "interessieren"))
    assert "das könnte sie auch interessieren" in template_lines(SITE)


def test_no_phrase_shared_falls_back_to_the_central_title():
    ranked = _label(["/kuchen-zwetschge/", "/kuchen-kaese/"])
    assert ranked[0] == "Zwetschgenkuchen vom Blech"
    long = "Wie wir den alten Zwetschgenkuchen vom Blech retteten\nZutaten"
    site = dict(SITE) | {"/lang/": long}
    template = template_lines(site)
    ranked = ranked_labels([long, SITE["/kuchen-kaese/"]], phrase_frequency(site, template), len(site), template)
    assert "Zwetschgenkuchen" in ranked[0] and len(ranked[0].split()) <= 3  # a headline is no name: its phrase is


def test_no_label_twice_on_a_site():
    labels = unique_labels([["Wärmepumpe", "Altbau"], ["Wärmepumpe", "Förderung"], ["Wärmepumpe"]])
    assert labels == ["Wärmepumpe", "Förderung", "Wärmepumpe 2"]
    assert len({label.lower() for label in labels}) == len(labels)


def test_german_label_ends_in_a_noun():
    site = {
        "/a/": "Lübecker protestieren gegen Atommüll\nDeponie Niemark",
        "/b/": "Lübecker protestieren vor dem Rathaus\nDeponie Niemark",
        "/c/": "Sommerfest 2024\nGrillen",
        "/d/": "Kontakt\nAnfahrt",
        "/e/": "Über uns\nVerein",
    }
    df = phrase_frequency(site)
    german = ranked_labels([site["/a/"], site["/b/"]], df, len(site), language="de")
    assert "Lübecker protestieren" not in german and german[0] in ("Lübecker", "Deponie Niemark")
    assert "Lübecker protestieren" in ranked_labels([site["/a/"], site["/b/"]], df, len(site))  # English rules differ


def test_german_label_has_no_verb_after_its_noun():
    site = {f"/{i}/": f"Seite {i}\nAbschnitt {i}" for i in range(8)}
    site |= {"/m1/": "Messer kaufen Würzburg\nDamastmesser pflegen", "/m2/": "Messer kaufen Würzburg\nDamastmesser"}
    ranked = ranked_labels([site["/m1/"], site["/m2/"]], phrase_frequency(site), len(site), language="de")
    assert not any("kaufen" in label for label in ranked) and ranked[0] in ("Damastmesser", "Messer", "Würzburg")


def test_forms_of_one_word_count_together_compounds_do_not():
    site = {f"/{i}/": f"Seite {i}\nAbschnitt {i}" for i in range(8)}
    site |= {
        "/a/": "Wärmepumpen für den Neubau\nEnergieberatung",
        "/b/": "Wie laut ist eine Wärmepumpe?\nEnergieausweis",
        "/c/": "Förderung 2025\nEnergieberatung",
    }
    members = [site["/a/"], site["/b/"], site["/c/"]]
    ranked = ranked_labels(members, phrase_frequency(site), len(site), language="de")
    assert ranked[0] == "Wärmepumpe"  # two pages say it, in two forms; the singular names it
    assert "Energieausweis" not in ranked[:2]  # one page only: "Energieberatung" is another word


def test_a_title_of_template_words_is_no_label():
    site = {f"/{i}/": f"Seite {i}\nAbschnitt {i}" for i in range(8)}
    site |= {"/a/": "Pages\nArch Linux installieren", "/b/": "Authors\nMachine Learning"}
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site))
    assert "Pages" not in ranked and "Authors" not in ranked and ranked  # the pages' own phrases instead


def test_a_site_in_one_language_gets_its_language_rules():
    """A German-only site is one language group without a key: its labels still follow German rules."""
    from scoring.clusters import cluster_site
    from tests.factories import page, site_with_embeddings

    body = "Wir verkaufen Messer aus Damaststahl in unserem Laden in Würzburg. Die Beratung ist kostenlos. " * 12
    pages = [
        page(f"messer-{n}/", title=f"Messer kaufen Würzburg: Serie {n}", main_text=body, word_count=180, lang="de")
        for n in range(3)
    ]
    vectors = {p.url: [1.0, 0.01 * n, 0.0] for n, p in enumerate(pages)}
    labels = [c.label for c in cluster_site(site_with_embeddings(*pages, vectors=vectors)).clusters]
    assert labels and not any("kaufen" in label.lower() for label in labels), labels


def _site(extra: dict[str, str]) -> dict[str, str]:
    """Ten filler pages of our own, so that site-wide words can be told apart, plus the cluster."""
    return {f"/{i}/": f"Seite {i}\nAbschnitt {i}" for i in range(10)} | extra


def test_a_lone_verb_or_generic_noun_is_no_label_when_a_phrase_exists():
    site = _site(
        {
            "/a/": "Erste Hilfe im Betrieb\nBetrieb und Pflicht",
            "/b/": "Betrieblicher Ersthelfer werden\nBetrieb anmelden",
            "/c/": "Den passenden Grill wählen\nBetrieb",
        }
    )
    members = [site["/a/"], site["/b/"], site["/c/"]]
    ranked = ranked_labels(members, phrase_frequency(site), len(site), language="de")
    assert ranked[0] == "Erste Hilfe im Betrieb"  # the central title, joined by "im" as people search
    assert ranked.index("Betrieb") > ranked.index("Erste Hilfe im Betrieb")  # shared by three, but one plain noun
    assert not any(label.lower() == "wählen" for label in ranked)


def test_a_german_compound_and_a_written_name_are_labels_on_their_own():
    site = _site(
        {
            "/a/": "Verhaltensberatung für Hunde\nAblauf der Verhaltensberatung",
            "/b/": "Verhaltensberatung zu Hause\nKosten",
            "/c/": "WordPress absichern\nWordPress-Updates",
            "/d/": "WordPress schneller machen\nCaching",
        }
    )
    df = phrase_frequency(site)
    assert ranked_labels([site["/a/"], site["/b/"]], df, len(site), language="de")[0] == "Verhaltensberatung"
    assert ranked_labels([site["/c/"], site["/d/"]], df, len(site), language="en")[0] == "WordPress"


def test_an_english_common_word_yields_to_the_central_title():
    site = _site(
        {
            "/a/": "Restoration of Buildings\nHow the survey works\nExchange",
            "/b/": "Survey of a listed church\nthe exchange of data\nExchange",
        }
    )
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site), language="en")
    assert ranked[0] == "Restoration of Buildings"  # "Exchange" is shared, but the site writes it lower case too
    assert "Exchange" in ranked  # kept as a last resort


def test_an_english_proper_name_is_a_label():
    site = _site({"/a/": "Why Nokia lost\nThe phones Nokia built", "/b/": "Nokia and the app store\nthe Nokia deal"})
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site), language="en")
    assert ranked[0] == "Nokia"  # capitalised inside sentence-case lines: a name


def test_a_german_title_label_loses_its_closing_verb():
    site = _site({"/a/": "Betrieblicher Ersthelfer werden\nAusbildung", "/b/": "Fristen im Blick\nAuffrischung"})
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site), language="de")
    assert "Betrieblicher Ersthelfer" in ranked and not any(label.endswith("werden") for label in ranked)


def test_a_title_label_has_no_leading_article_or_trailing_stop_word_or_number():
    site = _site({"/a/": "The Symfony project on\nSetup", "/b/": "Powerful and gentle QField 1\nRelease"})
    df = phrase_frequency(site)
    assert "Symfony project" in ranked_labels([site["/a/"], site["/b/"]], df, len(site), language="en")
    assert "Powerful and gentle QField" in ranked_labels([site["/b/"], site["/a/"]], df, len(site), language="en")


def test_a_label_covers_the_cluster_and_is_no_section_name():
    site = {f"/f{i}/": f"Seite {i}\nAbschnitt {i}" for i in range(20)} | (
        {
            "/a/": "Förderung für Photovoltaik 2025\nWärmepumpe\nAusgangslage\nZuschüsse",
            "/b/": "Förderung für Photovoltaik 2023\nWärmepumpe\nAusgangslage\nKredite",
            "/c/": "Wärmepumpe und Photovoltaik kombinieren\nAusgangslage",
            "/d/": "Wärmepumpen für Neubau und Bestand\nAusgangslage",
            "/e/": "So funktioniert eine Wärmepumpe\nAusgangslage",
        }
    )
    members = [site[k] for k in ("/a/", "/b/", "/c/", "/d/", "/e/")]
    ranked = ranked_labels(members, phrase_frequency(site), len(site), language="de")
    assert ranked[0] == "Wärmepumpe"  # five pages share it; the rarer phrase names two of them
    assert ranked.index("Ausgangslage") > ranked.index("Zuschüsse")  # a section name, though on all five


def test_common_words_are_section_words_and_textstats_list_in_any_inflection():
    assert common_word("values", "en") and common_word("pricing", "en") and common_word("client", "en")
    assert common_word("bookings", "en")  # "book" is on the Dale-Chall list
    assert common_word("preise", "de") and common_word("unternehmen", "de")
    assert not common_word("nokia", "en") and not common_word("assertions", "en")
    assert not common_word("beifang", "de") and not common_word("wärmepumpe", "de")


def test_a_title_trimmed_to_a_common_word_stays_whole():
    site = _site({"/a/": "Our Values\nOur Values", "/b/": "Our Values\nHow we work"})
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site), language="en")
    assert ranked[0] == "Our Values"  # "Values" alone names no topic


def test_a_lone_common_word_yields_to_one_members_phrase():
    site = _site(
        {
            "/a/": "How and When To Fire A Client Or Customer\nWhen to fire a Client",
            "/b/": "How To Deal With Difficult Clients\nFire the Client",
        }
    )
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site), language="en")
    assert ranked[0].endswith("Difficult Clients") and "Client" in ranked  # a phrase as written


def test_a_lone_topic_noun_stays_the_label():
    site = _site({"/a/": "Beifang\nNetze der Fischer", "/b/": "Beifang im Meer\nRote Liste"})
    ranked = ranked_labels([site["/a/"], site["/b/"]], phrase_frequency(site), len(site), language="de")
    assert ranked[0] == "Beifang"  # a specific noun: no one-page phrase replaces it


# Six unrelated pages, so the clusters' phrases below are rare on the site (idf) and nothing is site-wide.
_EN_WORDS = "alpha bravo charlie delta echo fox".split()
_DE_WORDS = "Apfel Birne Kirsche Pflaume Traube Melone".split()
_FILLER_EN = {f"/f{i}/": f"Filler topic {w}\nSome heading" for i, w in enumerate(_EN_WORDS)}
_FILLER_DE = {f"/f{i}/": f"Thema {w}\nAbschnitt" for i, w in enumerate(_DE_WORDS)}


def _cluster(site: dict[str, str], language: str) -> list[str]:
    template = template_lines(site)
    members = [site["/a/"], site["/b/"]]
    return ranked_labels(members, phrase_frequency(site, template), len(site), template, language=language)


def test_an_english_adjective_is_no_label_alone():
    site = _FILLER_EN | {
        "/a/": "Why Genetic tests matter for coffee\nCYP1A2 Gene and caffeine",
        "/b/": "How Genetic data shapes diet\nCYP1A2 Gene explained",
    }
    ranked = _cluster(site, "en")
    assert ranked[0] == "CYP1A2 Gene"
    assert ranked.index("Genetic") > ranked.index("Genetic tests matter")  # after every phrase


def test_english_word_forms_that_name_no_topic():
    assert all(not_noun(w, "en", set()) for w in ("Genetic", "Social", "Creative", "Programming", "Answered"))
    assert all(not_noun(w, lang, set()) for w, lang in (("Twelve", "en"), ("Zwölf", "de")))
    assert not any(not_noun(w, "en", set()) for w in ("Caffeine", "Speed", "WordPress", "Augmented Reality"))
    assert not_noun("Power", "en", {"power"})  # written in lower case: cut from a phrase
    assert not not_noun("Beschneiung", "de", set())


def test_a_headline_loses_its_closing_participle():
    site = _FILLER_EN | {"/a/": "Mobile Ajax post answered\nThe question", "/b/": "Widget sync notes\nAnother thing"}
    assert _cluster(site, "en")[0] == "Mobile Ajax"  # and its closing template word ("post")
    assert participle_end("Professional quality management verified".split())
    assert not participle_end("Ad Banned".split()) and not participle_end("Need for speed".split())


def test_a_lone_word_cut_from_a_title_phrase_yields_to_the_title():
    site = _FILLER_EN | {"/a/": "Happy new year to the power of two!\nHappy new year", "/b/": "GSoC 2011\nI'm in"}
    ranked = _cluster(site, "en")
    assert ranked[0] == "Happy new year"  # the central title's opening phrase, not cut inside a phrase
    assert ranked[-1] == "Power"


def test_a_german_number_word_or_lower_case_verb_is_no_label():
    site = _FILLER_DE | {
        "/a/": "Es ist bereits fünf nach zwölf!\nDas fordern wir",
        "/b/": "Bürgerinitiative kritisiert das Mittel der Zwangszuweisung\nEs ist bereits fünf nach zwölf!",
    }
    assert _cluster(site, "de") == ["Es ist bereits fünf nach zwölf", "Zwölf"]  # the title as written first
    site = _FILLER_DE | {
        "/a/": "\nForscher wollen Antarktis künstlich beschneien",
        "/b/": "\nDas rote Gewand des Schnees",
    }
    ranked = _cluster(site, "de")
    assert ranked[0] == "Antarktis" and ranked[-1] == "Beschneien"  # written "beschneien": a verb, last


def test_a_colon_or_period_inside_a_word_keeps_it_whole():
    assert "cs:go update" in phrases("CS:GO Update – neue Karten")
    assert "node.js" in phrases("Node.js im Betrieb") and "mitarbeiter:innen" in phrases("Mitarbeiter:innen finden")
    assert not any(":" in p for p in phrases("Kosten: was bleibt am Ende"))  # a colon between thoughts breaks


def test_the_clusters_own_phrase_may_open_with_the_sites_main_word():
    """A word on most pages (the site's theme, not a topic) may open the phrase that only this cluster
    writes ("Garden Radio"), and a central title opened by it stays a label ("Garden Ponds")."""
    site = {f"/t{i}/": f"Garden tools for {w}\nChoosing tools" for i, w in enumerate(_EN_WORDS)}
    site |= {f"/r{i}/": f"Garden Radio episode {i}\nGarden Radio with {w}" for i, w in enumerate(_EN_WORDS)}
    site |= {f"/x{i}/": f"Winter {w}\nSnow" for i, w in enumerate(_EN_WORDS)}
    site |= {"/p1/": "Garden Ponds post\nFish", "/p2/": "Water lilies\nFish and frogs"}
    template = template_lines(site)
    df = phrase_frequency(site, template)
    radio = ranked_labels([site[f"/r{i}/"] for i in range(6)], df, len(site), template, language="en")
    assert radio[0] == "Garden Radio"
    ponds = ranked_labels([site["/p1/"], site["/p2/"]], df, len(site), template, language="en")
    assert ponds[0] == "Garden Ponds"  # the central title without its template word


def test_a_widget_heading_a_title_abbreviation_or_a_determiner_makes_no_label():
    # a compound of template words is template text; "Prof." and "keinen" open or close no name
    assert not phrases("Weitere Blog-Artikel") and not phrases("Kontakt-Seite")
    assert phrases("Erfahrungsaustausch mit Prof. Lindner") == {"erfahrungsaustausch", "lindner"}
    assert "online-shop" in phrases("Wir haben keinen Online-Shop") and "keinen online-shop" not in phrases(
        "Wir haben keinen Online-Shop"
    )


def test_a_cluster_of_section_pages_is_named_as_a_section_not_a_topic():
    site = _FILLER_EN | {
        "/a/": "Pricing\nPricing\nFAQ",
        "/b/": "Sign Up\nStart for free",
        "/c/": "Kontakt\nSo erreichen Sie uns",
        "/d/": "Impressum\nAngaben",
    }
    assert _cluster(site, "en") == ["Pricing & Sign Up"]  # each page's name as written: no topic to name
    site |= {"/b/": "Pricing for teams\nSeats and plans"}
    assert _cluster(site, "en")[0] != "Pricing & Sign Up"  # one page names a topic: labelled as before
    german = {"/a/": "Kontakt\nAnfahrt", "/b/": "Impressum\nAngaben gemäß DDG"}
    assert _cluster(_FILLER_DE | german, "de") == ["Kontakt & Impressum"]


def test_a_word_of_one_pages_sub_heading_yields_to_a_titles_phrase():
    site = _FILLER_EN | {
        "/a/": "Fin\nWhat is fin?\nWriting with fin\nMore Styles\nRunning fin\nErrors\nAssertions\nSummary",
        "/b/": "Using the Loom Editor with Kotlin\nWhat is it like?",
    }
    ranked = _cluster(site, "en")
    assert ranked[0] == "Loom Editor with Kotlin"  # a phrase of a member's title, not the section "Assertions"
    assert ranked.index("Loom Editor") < ranked.index("Assertions")


def test_a_listings_own_name_is_no_label_of_a_mixed_cluster():
    site = _FILLER_EN | {
        "/a/": "Pages\nPages",
        "/b/": "Authors\nAuthors",
        "/c/": "Unlocking Edge Inference with Private Clusters\nWhy edge inference",
        "/d/": "How to embed WebXR scenes into product pages\nSetup",
    }
    template = template_lines(site)
    ranked = ranked_labels(
        [site[k] for k in ("/a/", "/b/", "/c/", "/d/")], phrase_frequency(site, template), len(site), template, "en"
    )
    assert ranked and ranked[0] not in ("Pages", "Authors")  # a member's title phrase names it instead


def test_a_page_without_title_or_headings_is_named_by_its_slug():
    from scoring.clusters import label_text
    from scoring.core.records import Heading, PageRecord

    broken = PageRecord(
        url="https://www.example.com/blog/15-tools-for-growing-your-startup/",
        status=200,
        title=" | Example",  # the template's empty title before the site's name
        headings=[Heading(level=1, text="")],
    )
    assert label_text(broken) == "15 tools for growing your startup"
    titled = broken.model_copy(update={"title": "Growing a startup | Example"})
    assert label_text(titled).split("\n")[0] == "Growing a startup"

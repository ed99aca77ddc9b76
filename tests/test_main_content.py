"""Main-content extraction (spiders.main_content via spiders.extract.extract_main_text) on fixture
HTML written for these tests: each fixture reproduces one template pattern of real sites where the
main text used to lose the page's own content or pick up chrome."""

from __future__ import annotations

import lxml.html

from spiders import extract as ex
from spiders.main_content import main_content_text

PAGE = "https://www.gartenbau-linde.example/leistungen/"


def text_of(html: str) -> str:
    return ex.extract_main_text(ex.parse_html(html))


def words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


SITE_HEADER = """<header class="site-header"><a href="/">Gartenbau Linde</a>
  <nav><ul><li><a href="/leistungen/">Leistungen</a></li><li><a href="/kontakt/">Kontakt</a></li></ul></nav>
</header>"""
SITE_FOOTER = """<footer class="site-footer"><p>Gartenbau Linde · Am Anger 3 · 37115 Duderstadt</p>
  <p><a href="/impressum/">Impressum</a> <a href="/datenschutz/">Datenschutz</a></p></footer>"""


# -- listings and landing pages: the teasers, cards and sections are the page's content ---------------

LISTING = f"""<html><body>{SITE_HEADER}
<div class="wrap"><h1>Ratgeber</h1>
{"".join(f'''<article class="teaser"><h2><a href="/ratgeber/{i}/">Rasen vertikutieren im Frühjahr, Teil {i}</a></h2>
  <p><time datetime="2025-03-0{i}">{i}. März 2025</time></p>
  <p>Wann der Rasen Luft braucht, wie tief das Messer greifen soll und was danach auf die Fläche kommt.</p>
  <a href="/ratgeber/{i}/">Weiterlesen</a></article>''' for i in range(1, 9))}
</div>{SITE_FOOTER}</body></html>"""


def test_listing_keeps_every_teaser():
    text = text_of(LISTING)
    assert text.startswith("Ratgeber")
    for i in range(1, 9):
        assert f"Teil {i}" in text
    assert text.count("Weiterlesen") == 8
    assert "Impressum" not in text and "Kontakt" not in text
    assert words(text) >= 8 * 25


LANDING = f"""<html><body>{SITE_HEADER}
<div class="page">
  <section class="hero"><p class="eyebrow">Gartenplanung</p><h1>Gärten, die mit Ihnen wachsen</h1>
    <p>Von der ersten Skizze bis zur letzten Staude planen und bauen wir Gärten für Familien im Eichsfeld.</p></section>
  <section class="features"><h2>Was wir machen</h2>
    <div class="grid">
      <x-card><h3>Planung</h3><p>Ein Aufmaß vor Ort, ein Entwurf mit Pflanzplan und ein fester Preis.</p></x-card>
      <x-card><h3>Pflaster</h3><p>Wege und Terrassen aus Naturstein, frostsicher verlegt.</p></x-card>
      <x-card><h3>Pflege</h3><p>Schnitt, Rasenpflege und Laub im Herbst, auf Wunsch das ganze Jahr.</p></x-card>
    </div></section>
  <section class="faq"><h2>Häufige Fragen</h2>
    <details><summary>Wie lange dauert ein Umbau?</summary>
      <p>Ein Vorgarten meist eine Woche, ein ganzer Garten vier.</p></details>
  </section>
  <section class="cta"><h2>Gespräch vereinbaren</h2><p>Rufen Sie uns an, wir kommen vorbei.</p></section>
</div>{SITE_FOOTER}</body></html>"""


def test_landing_page_keeps_all_its_sections_from_the_h1():
    text = text_of(LANDING)
    assert text.split("\n")[0] == "Gärten, die mit Ihnen wachsen"
    for part in ("Pflanzplan", "Naturstein", "Laub im Herbst", "Wie lange dauert", "vier", "wir kommen vorbei"):
        assert part in text
    assert "Gartenplanung" not in text  # the eyebrow above the H1
    assert "Am Anger" not in text and "Leistungen" not in text


def test_custom_elements_keep_their_light_dom_text():
    html = """<html><body><main><h1>Unsere Pakete</h1>
      <product-card><h2 slot="title">Pflegepaket Frühjahr</h2><x-price>ab 240 Euro</x-price>
        <p>Vertikutieren, Düngen und der erste Formschnitt der Hecken.</p></product-card>
      <x-card><x-image alt="Hecke"></x-image><span>Heckenschnitt im Sommer für alle Längen</span></x-card>
    </main></body></html>"""
    text = text_of(html)
    assert "Pflegepaket Frühjahr" in text and "ab 240 Euro" in text
    assert "Vertikutieren, Düngen" in text and "Heckenschnitt im Sommer" in text


# -- hidden text and responsive duplicates count once -------------------------------------------------

def test_hidden_text_and_mobile_copies_are_left_out():
    html = """<html><body><main>
      <div class="hero d-none d-md-block"><h1>Baumpflege vom Fachbetrieb</h1><p>Seit drei Generationen im Ort.</p></div>
      <div class="hero d-block d-md-none"><h1>Baumpflege vom Fachbetrieb</h1><p>Seit drei Generationen im Ort.</p></div>
      <p>Wir fällen, schneiden und sichern Bäume jeder Größe.</p>
      <p style="display: none">Vielen Dank, Ihre Anfrage ist eingegangen.</p>
      <p style="visibility:hidden">Unsichtbarer Hinweis</p>
      <div class="md:hidden">Mobiles Menü öffnen</div>
      <div class="hidden lg:flex">Zertifizierter European Tree Worker</div>
      <span class="sr-only">Zum Seitenanfang</span>
      <div hidden>Leerer Warenkorb</div>
      <template><p>Vorlage für Suchergebnisse</p></template>
      <div x-show="sent" x-cloak>Formular gesendet</div>
    </main></body></html>"""
    text = text_of(html)
    assert text.count("Baumpflege vom Fachbetrieb") == 1 and text.count("drei Generationen") == 1
    assert "Bäume jeder Größe" in text
    assert "Zertifizierter European Tree Worker" in text  # hidden on phones only: a desktop reader sees it
    for hidden in ("Vielen Dank", "Unsichtbarer", "Mobiles Menü", "Seitenanfang", "Warenkorb", "Vorlage",
                   "Formular gesendet"):
        assert hidden not in text


def test_title_in_a_hidden_mobile_copy_starts_at_the_visible_copy():
    html = """<html><body><main>
      <p class="crumbs">Start › Leistungen</p>
      <div class="caption d-block d-md-none"><h1>Teichbau</h1></div>
      <div class="caption d-none d-md-block"><p class="title">Teichbau</p></div>
      <p>Naturteiche mit Flachwasserzone und Uferbepflanzung.</p>
    </main></body></html>"""
    assert text_of(html) == "Teichbau\nNaturteiche mit Flachwasserzone und Uferbepflanzung."


def test_carousel_clones_count_once():
    html = """<html><body><main><h1>Stimmen</h1><div class="slider">
      <div class="slide slick-cloned">„Pünktlich und sauber gearbeitet“ – Familie Kern</div>
      <div class="slide">„Pünktlich und sauber gearbeitet“ – Familie Kern</div>
    </div></main></body></html>"""
    assert text_of(html).count("Familie Kern") == 1


# -- chrome around and inside the content ------------------------------------------------------------

ARTICLE = f"""<html><body>
<div class="cookie-banner"><p>Wir verwenden Cookies für Statistik.</p><button>Alle akzeptieren</button></div>
{SITE_HEADER}
<div id="content" class="container">
  <div class="col-main">
    <p class="breadcrumbs"><a href="/">Start</a> › Ratgeber</p>
    <article class="post">
      <header class="entry-header"><h1>Obstbäume richtig schneiden</h1>
        <p class="meta">Von Jana Linde · 4. Februar 2025</p></header>
      <p>Der beste Zeitpunkt ist ein frostfreier Tag im Spätwinter, bevor der Saft steigt.</p>
      <blockquote><p>Lieber jedes Jahr ein wenig als alle fünf Jahre sehr viel.</p>
        <footer>— Karl Linde, Gärtnermeister</footer></blockquote>
      <table><tr><th>Baum</th><th>Monat</th></tr><tr><td>Apfel</td><td>Februar</td></tr></table>
      <figure><img src="a.jpg" alt=""><figcaption>Ein Apfelbaum nach dem Schnitt</figcaption></figure>
      <div class="share-buttons"><a href="#">Teilen auf Facebook</a></div>
      <div class="author-box"><h4>Über Jana Linde</h4><p>Jana Linde ist Gärtnerin seit 2004.</p></div>
    </article>
    <div id="comments" class="comments-area"><h3>2 Kommentare</h3>
      <ol class="comment-list"><li>Toller Beitrag, danke! – Peter</li></ol></div>
  </div>
  <div id="sidebar" class="widget-area"><h3>Neueste Beiträge</h3><ul><li><a href="/x/">Hecken im Mai</a></li></ul></div>
</div>
{SITE_FOOTER}
<a class="contact-tab" href="tel:+495527">Fragen? Rufen Sie uns an</a>
</body></html>"""


def test_article_without_chrome_comments_sidebar_or_author_box():
    text = text_of(ARTICLE)
    lines = text.split("\n")
    assert lines[0] == "Obstbäume richtig schneiden"
    assert lines[1] == "Von Jana Linde · 4. Februar 2025"
    for part in ("Spätwinter", "alle fünf Jahre", "— Karl Linde, Gärtnermeister", "Apfel", "Februar",
                 "Ein Apfelbaum nach dem Schnitt"):
        assert part in text
    for chrome in ("Cookies", "akzeptieren", "Start", "Teilen", "Gärtnerin seit", "Kommentare", "Toller Beitrag",
                   "Hecken im Mai", "Am Anger", "Rufen Sie uns an"):
        assert chrome not in text


def test_a_menu_of_dishes_is_content_a_menu_of_links_is_not():
    html = """<html><body><div class="page"><h1>Gartencafé Linde</h1>
      <ul class="menu"><li><a href="/">Start</a></li><li><a href="/karte/">Karte</a></li></ul>
      <div class="menu"><h2>Unsere Karte</h2><p>Rhabarberkuchen mit Sahne</p><p>Holunderschorle, hausgemacht</p>
        <a href="/karte.pdf">Karte als PDF</a></div></div></body></html>"""
    text = text_of(html)
    assert "Rhabarberkuchen mit Sahne" in text and "Karte als PDF" in text
    assert "Start" not in text


def test_paragraphs_are_lines_and_inline_markup_does_not_split_words():
    text = text_of("""<html><body><main><h1>Preise</h1>
      <p>Der Rasen<strong>schnitt</strong> kostet <em>35 Euro</em> je Stunde.</p><p>Anfahrt frei.</p>
      </main></body></html>""")
    assert text == "Preise\nDer Rasenschnitt kostet 35 Euro je Stunde.\nAnfahrt frei."


def test_line_breaks_inside_a_paragraph_keep_it_one_line():
    # a quotation split over source lines and <br>s stays in one paragraph for the quote detector
    text = text_of("""<html><body><main><h1>Zehn Jahre Gartenbau Linde</h1>
      <p>„Wir sind stolz auf jeden Garten,<br>den wir anlegen durften“, sagt
      Inhaber Karl Linde.</p></main></body></html>""")
    assert text.split("\n")[1] == "„Wir sind stolz auf jeden Garten, den wir anlegen durften“, sagt Inhaber Karl Linde."


def test_related_posts_block_ends_the_content():
    html = """<html><body><div class="layout">
      <h1>Hochbeet anlegen</h1><p>Unten Äste, dann Laub, Kompost und oben gute Erde.</p>
      <div class="row"><h2 class="section-heading">Das könnte Sie auch interessieren</h2></div>
      <div class="row"><div class="news"><a href="/a/"><div class="headline">Kräuterschnecke bauen</div></a>
        <a href="/b/"><div class="headline">Kompost richtig nutzen</div></a></div></div>
    </div></body></html>"""
    text = text_of(html)
    assert "gute Erde" in text
    assert "Kräuterschnecke" not in text and "auch interessieren" not in text


def test_related_heading_on_a_page_without_h1():
    html = """<html><body><div class="post"><h2 class="post-title">Hecke pflanzen</h2>
      <p>""" + "Heckenpflanzen brauchen im ersten Jahr viel Wasser und etwas Geduld beim Anwachsen. " * 6 + """</p>
      <h2>Related Content</h2><p><a href="/x/">Rasen säen</a></p></div></body></html>"""
    text = text_of(html)
    assert "Geduld" in text and "Rasen säen" not in text


def test_page_builder_widget_classes_are_content():
    html = """<html><body><main>
      <div class="elementor-element elementor-widget elementor-widget-heading"><h1>Zaunbau</h1></div>
      <div class="elementor-widget-container has-sidebar"><p>Holz, Metall oder Gabionen: wir beraten Sie.</p></div>
    </main></body></html>"""
    assert "Gabionen" in text_of(html)


def test_site_title_h1_in_a_wrapping_header_keeps_the_main_content():
    # a theme that wraps the whole page in <header>, with the site name as H1 and <main> inside
    html = """<html><body><nav id="menu"><a href="/">Start</a></nav>
      <header id="blog-header"><div class="inner"><h1>Bürgerinitiative Grünzug</h1>
        <main class="content" role="main"><article><h2><a href="/p/1/">Baumpflanzaktion am Samstag</a></h2>
          <p>Wir pflanzen zwanzig Linden entlang der Allee.</p></article></main>
        <footer id="footer"><p>Theme by Somebody</p></footer></div></header></body></html>"""
    text = text_of(html)
    assert text.startswith("Bürgerinitiative Grünzug")
    assert "zwanzig Linden" in text
    assert "Theme by" not in text and "Start" not in text


def test_h1_at_the_end_does_not_drop_the_page():
    body = "".join(f"<p>Absatz {i}: Wir gestalten Gärten mit heimischen Stauden und Gehölzen.</p>" for i in range(40))
    html = f"<html><body><main>{body}<h1>Gartenbau im Eichsfeld</h1><p>Kurzer Schluss.</p></main></body></html>"
    text = text_of(html)
    assert "Absatz 0:" in text and "Gartenbau im Eichsfeld" in text


def test_page_without_h1_starts_at_the_content_and_empty_pages_give_empty_text():
    html = f"""<html><body>{SITE_HEADER}<div class="content"><h2>Kontakt</h2><p>Telefon 05527 1234</p></div>
      {SITE_FOOTER}</body></html>"""
    assert text_of(html) == "Kontakt\nTelefon 05527 1234"
    assert text_of("<html><body><div id='app'></div><script>x()</script></body></html>") == ""
    assert main_content_text(ex.parse_html("<html><head><title>x</title></head></html>")) == ""


def test_extraction_leaves_the_tree_unchanged_and_feeds_the_word_count():
    tree = ex.parse_html(ARTICLE)
    before = lxml.html.tostring(tree)
    fields = ex.extract_page(tree, "https://www.gartenbau-linde.example/ratgeber/obst/", lambda url: True)
    assert lxml.html.tostring(tree) == before
    assert fields["main_text"].startswith("Obstbäume richtig schneiden")
    assert fields["word_count"] > 40


# -- theme footers that are no <footer>, and a content column named after the layout ------------------

def test_a_theme_footer_in_a_section_or_wrapper_div_is_not_content():
    """Real templates: Hugo's `<section class="footer">` and a WordPress theme's `<div id="footer-wrapper">`
    hold the address and legal links on every page; they are the site footer, not the page's text."""
    body = "<p>" + " ".join(["Kündigungsschutz im Arbeitsrecht verständlich erklärt."] * 6) + "</p>"
    for footer in (
        '<section class="footer"><p>Kanzlei Beispiel · Hauptstrasse 1 · 4053 Basel</p>'
        '<a href="/impressum/">Impressum</a></section>',
        '<div id="footer-wrapper"><div class="col"><p>Kanzlei Beispiel · Hauptstrasse 1 · 4053 Basel</p>'
        '<a href="/impressum/">Impressum</a></div></div>',
    ):
        page = f"<html><body>{SITE_HEADER}<div id='content'><h1>Kündigung</h1>{body}</div>{footer}</body></html>"
        text = text_of(page)
        assert text.startswith("Kündigung") and "Kündigungsschutz" in text
        assert "Hauptstrasse" not in text and "Impressum" not in text


def test_a_content_column_named_sidebar_content_keeps_the_post_and_drops_the_real_sidebar():
    """A WordPress theme family names the content column "sidebar_content" (beside "sidebar_wrapper"):
    the column holds the post (WordPress marks it "hentry"), so it is content; the real sidebar is not."""
    html = f"""<html><body>{SITE_HEADER}
<div id="page_caption"><h1>Burgfest im Schlosshof</h1><div class="post_detail">7. Juni 2022</div></div>
<div id="page_content_wrapper"><div class="inner_wrapper">
  <div class="sidebar_content"><div class="post type-post hentry"><div class="post_content_wrapper">
    <p>Nach zwei Jahren Pause feierte der Musikverein wieder sein Burgfest im Hof des Wasserschlosses.</p>
    <p>Auf der Bühne spielten Kapellen aus der Umgebung, für Kinder gab es Hüpfburg und Bogenschießen.</p>
  </div></div></div>
  <div class="sidebar_wrapper"><h2>Beliebte Beiträge</h2><a href="/country-homes/">Country Homes 2022</a></div>
</div></div>{SITE_FOOTER}</body></html>"""
    text = text_of(html)
    assert "Musikverein" in text and "Bogenschießen" in text
    assert "Beliebte Beiträge" not in text and "Country Homes" not in text
    # without the post inside, a block named so stays a sidebar
    widget = html.replace("post type-post hentry", "widget")
    assert "Musikverein" not in text_of(widget)


def test_a_page_builders_footer_template_ends_the_page():
    """Elementor's theme builder puts the site footer in `<div data-elementor-type="footer"
    class="elementor elementor-17 elementor-location-footer">`, no <footer>: it is the site footer."""
    body = "<p>" + " ".join(["Markenaufbau für kleine Unternehmen Schritt für Schritt."] * 8) + "</p>"
    footer = (
        '<div data-elementor-type="footer" class="elementor elementor-17 elementor-location-footer">'
        "<section class='elementor-section'><p>Company Jobs Our Story Services Legal</p>"
        "<p>Agentur © 2014 – 2021. All Rights Reserved.</p></section></div>"
    )
    text = text_of(f"<html><body>{SITE_HEADER}<main><h1>Marken</h1>{body}</main>{footer}</body></html>")
    assert "Markenaufbau" in text and "All Rights Reserved" not in text and "Our Story" not in text


def test_links_in_a_sidebar_named_content_column_are_content_links():
    """The link position agrees with the main text: a 'sidebar_content' column holding the entry is content."""
    from spiders.link_position import link_position

    tree = ex.parse_html(
        "<html><body><h1>Fest</h1><div class='sidebar_content'><div class='post type-post hentry'>"
        "<p>Mehr beim <a id='in' href='https://veranstalter.example/'>Veranstalter</a>.</p></div></div>"
        "<div class='sidebar_wrapper'><a id='side' href='/beliebt/'>Beliebt</a></div></body></html>"
    )
    assert link_position(tree.get_element_by_id("in")) == "content"
    assert link_position(tree.get_element_by_id("side")) == "aside"


# -- filter drop-downs and flex/grid boxes (held-out listings and a workshop catalogue) ---------------

FILTER_LISTING = f"""<html><body>{SITE_HEADER}
<div class="wrap"><h1>Ratgeber</h1>
  <div class="blog-filter"><p class="label">Kategorie</p>
    <label class="screen-reader-text" for="cat">Kategorie wählen</label>
    <select name="cat" id="cat"><option value="-1">Kategorie wählen</option>
      <option value="3">Rasen&nbsp;&nbsp;(12)</option><option value="4">Hecken&nbsp;&nbsp;(5)</option>
      <optgroup label="Saison"><option value="5">Frühjahr&nbsp;&nbsp;(7)</option></optgroup></select></div>
  <article class="teaser"><h2><a href="/ratgeber/rasen/">Rasen vertikutieren</a></h2></article>
</div>{SITE_FOOTER}</body></html>"""


def test_a_filter_drop_down_in_the_content_counts_its_choices_one_per_line():
    lines = text_of(FILTER_LISTING).splitlines()
    assert lines[:2] == ["Ratgeber", "Kategorie"]
    assert "Rasen (12)" in lines and "Hecken (5)" in lines and "Frühjahr (7)" in lines
    assert "Kategorie wählen" in lines  # the visible placeholder; the screen-reader label is not read twice
    assert lines.count("Kategorie wählen") == 1


def test_a_drop_down_in_the_navigation_stays_out():
    html = f"""<html><body><nav><select><option>Deutsch</option><option>English</option></select></nav>
    <h1>Leistungen</h1><p>Wir planen Gärten.</p>{SITE_FOOTER}</body></html>"""
    assert text_of(html) == "Leistungen\nWir planen Gärten."


WORKSHOPS = f"""<html><body>{SITE_HEADER}<main><h1>Workshops</h1>
<div class="mb-8 flex flex-wrap gap-3"><button class="rounded-full">Alle</button><button>scratch</button>
<button>python</button></div>
<div class="grid grid-cols-3 gap-6"><div class="flex flex-col"><h3>Freies Coden</h3><p>Eigene Projekte mitbringen.</p>
  <div class="mt-4 flex justify-center gap-3"><span>7 - 17 Jahre</span><span>2 Stunden</span></div>
  <p>Mit <b>viel</b><i>Spaß</i> und
  <span style="display:inline-flex"><em>Ideen</em><em>Hilfe</em></span>.</p></div></div>
</main>{SITE_FOOTER}</body></html>"""


def test_buttons_and_flex_or_grid_children_are_words_of_their_own():
    text = text_of(WORKSHOPS)
    assert "Alle scratch python" in text
    assert "7 - 17 Jahre 2 Stunden" in text
    assert "Ideen Hilfe" in text
    assert "vielSpaß" in text  # inline markup outside a flex container still joins, as a browser shows it
    assert words(text) == 19  # "7 - 17": the dash is no word

"""Statistics on held-out 5 (issue 13): printed console output, a tutorial's worked results and steps,
a fundraising target and a career's length are no statistics. Fixtures written for this test (German and
English); each case keeps a true statistic next to it so that the rule stays narrow."""

from __future__ import annotations

from typing import Any

from scoring.checks.statistics import find_statistics
from scoring.core.records import PageRecord
from scoring.statistics_exclusions import is_code_like
from tests.factories import page

ARTICLE_LD = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Bericht"}


def article(text: str, *, lang: str = "de", **fields: Any) -> PageRecord:
    fields.setdefault("structured_data", [ARTICLE_LD])
    return page("blog/bericht", main_text=text, word_count=len(text.split()), lang=lang, **fields)


def figures(text: str, lang: str = "de") -> list[str]:
    return [f for s in find_statistics(article(text, lang=lang)) for f in s.figures]


# -- a code block's printed output, its lines run together by the text extraction --------------------

CONSOLE = (
    "## # A frame: 20 x 4 ## height weight age score ## <num> <num> <int> <num> ## 1 1.72 64.5 31 7.25 "
    "## 2 1.80 81.2 45 6.75 ## 3 1.65 58.9 27 8.5 ## 4 1.77 77.3 52 5.25 ## # ... with 16 more rows"
)


def test_console_output_with_a_repeated_line_prefix_is_code():
    assert is_code_like(CONSOLE)
    assert figures("Reading the file prints the first rows:\n" + CONSOLE, "en") == []


def test_one_prefix_or_a_hash_tag_in_prose_is_no_code():
    assert not is_code_like("We ranked # 1 in the regional survey, ahead of 14 other clubs.")
    assert not is_code_like("Die Umfrage > 300 Befragte ergab: 45 % nutzen das Rad täglich.")


def test_a_german_shell_transcript_is_code():
    text = "$ zaehle dateien $ 1204 Dateien gefunden $ 17 Ordner <dir> gelesen $ fertig nach 3,5 Sekunden"
    assert is_code_like(text)


# -- a tutorial's worked results: bare numbers on a page with code --------------------------------------

CODE_BLOCK = (
    "fit <- glm(count ~ 1, family = poisson, data = plots); summary(fit); logLik(fit); "
    "plot(counts, type = 'b'); abline(v = mean(counts), lty = 2); print(AIC(fit)); str(plots); "
    "hist(residuals(fit), breaks = 12)"
)


def test_worked_results_of_a_tutorial_are_no_statistics():
    text = (
        "The likelihood peaks where the guessed mean is close to 4.3, marked by the dotted line.\n"
        + CODE_BLOCK
        + "\nThe deviance shown by the summary function is 12.77 as well.\n"
        "Die Kurve erreicht ihr Maximum bei 4,3.\n"
        "In our field survey, 62 % of the plots held at least one beetle."
    )
    assert figures(text, "en") == ["62 %"]


def test_bare_numbers_on_a_page_without_code_stay_statistics():
    text = "The index closed the quarter at 4.3 after a weak start.\nDer Index schloss das Quartal bei 4,3."
    assert figures(text, "en")


def test_an_equation_and_a_variable_value_are_worked_results():
    assert figures("Adding the penalty gives BIC = 27.93.", "en") == []
    assert figures("At that point the slope has the value of 0.82.", "en") == []
    assert figures("Damit hat der Schätzer den Wert 0,82.") == []


# -- a step of a procedure: dividing into N parts -------------------------------------------------------


def test_dividing_into_groups_is_a_step_not_a_count():
    assert figures("Next we split the range of the predictor into 8 bins and label each bin.", "en") == []
    assert figures("Danach werden die Messwerte in 8 Klassen aufgeteilt.") == []
    assert figures("Wir teilen die Stichprobe in 8 Gruppen.") == []
    # a count of groups that met is a fact
    assert figures("More than 8 groups were in attendance at the fair.", "en") == ["8 groups"]


# -- a fundraising target and a career's length -----------------------------------------------------------


def test_a_fundraising_target_is_no_statistic_but_money_raised_is():
    assert figures("Help the Riverside Garden raise £8,000 for a new greenhouse.", "en") == []
    assert figures("Für das neue Dach wollen wir 8.000 € sammeln.") == []
    assert figures("Last year the garden raised £8,000 for a new greenhouse.", "en") == ["£8,000"]


def test_years_in_a_role_are_a_career_not_a_statistic():
    assert figures("Maria spent over 25 years as a head teacher before joining the board.", "en") == []
    assert figures("Er arbeitete 25 Jahre als Schulleiter, bevor er in den Vorstand kam.") == []


# -- a limit to keep to is a target, even when a source sets it --------------------------------------------


def test_a_limit_to_keep_to_is_a_target():
    assert figures("The panel says we must cap sea-level rise at 0.5 m, the report adds.", "en") == []
    assert figures("Laut Weltklimarat müssen wir die Erwärmung auf 2 Grad begrenzen.") == []
    assert figures("To stay well below 2 °C, the new study finds, emissions must fall fast.", "en") == []
    # a change that happened is measured
    assert figures("Die Temperatur stieg im Sommer auf 2 Grad über dem Mittel.") == ["2 Grad"]

"""A date line near the title that states a period (an event's or project's run) is no publication
date: content_dates.own_date / page_date leave it out, a single date or a labelled one stays."""

from __future__ import annotations

import pytest

from scoring.checks.content_dates import own_date, page_date
from scoring.core.lexicons.dates import PERIOD_RE
from scoring.core.records import PageExtras
from tests.factories import page

BODY = "Im Sommer haben Jugendliche aus der Region gemeinsam getanzt und gefilmt. " * 40


def _report(text: str, iso: str):
    return page("projekte/sommer-camp", word_count=480, main_text=BODY,
                headings=[{"level": 1, "text": "Rückblick: Sommer-Camp"}, {"level": 3, "text": "Fazit"}],
                extras=PageExtras(visible_date=iso, visible_date_text=text))


@pytest.mark.parametrize(
    "text",
    [
        "03. Juni 2024 – 18. Juli 2024",  # two full dates
        "11.–17. Oktober 2025",  # a range of days in one month
        "Laufzeit: 1. März 2025",  # a period label
        "June 3 – July 18, 2024",
        "02.05.2024 - 09.05.2024",
    ],
)
def test_a_period_is_no_publication_date(text):
    record = _report(text, "2024-06-03")
    assert PERIOD_RE.search(text)
    assert own_date(record) is None
    assert page_date(record) is None


@pytest.mark.parametrize(
    "text",
    [
        "03. Juni 2024",
        "Veröffentlicht am 03. Juni 2024",
        "June 3, 2024 - 4 min read",
        "03.06.2024 - 10:00 Uhr",
        "Veröffentlicht: 03. Juni 2024 – 18. Juli 2024",  # labelled as the page's own: kept
    ],
)
def test_a_single_or_labelled_date_stays(text):
    record = _report(text, "2024-06-03")
    assert own_date(record) == "2024-06-03"
    assert page_date(record) == ("published", "2024-06-03", "visible")

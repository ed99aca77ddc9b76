"""Held-out 27: a post written as a letter is signed under its closing formula ("Mit freundlichen Grüßen<br>Name<br>
für den Verein"); the signers are its byline. A letter quoted inside a post, followed by more of the post, is not."""

from __future__ import annotations

import pytest

from scoring.checks.author_byline import visible_authors
from tests.factories import html_page


def _authors(body: str) -> list[str]:
    html = f'<html lang="de"><body><main><h1>Mitgliederversammlung 2026</h1>{body}</main></body></html>'
    return visible_authors(html_page("/2026/05/18/versammlung.html", html))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>Wir laden alle Mitglieder herzlich ein.</p><ol><li>Begrüßung</li><li>Wahlen</li></ol><p>Mit "
            "freundlichen Grüßen<br/>Micha Beispiel<br/>für den Verein Musterhilfe e.V.</p>"
            '<div><a href="/einladung.pdf">Einladung als PDF</a></div>',
            ["Micha Beispiel"],
        ),
        (
            "<p>Der neue Flyer ist da und fasst alles zusammen.</p><p>Mit freundlichen Grüßen<br/>Christa Muster und "
            "Micha Beispiel</p>",
            ["Christa Muster", "Micha Beispiel"],
        ),
        ("<p>Thanks for reading this long update from our team.</p><p>Kind regards,<br/>Jo Roe</p>", ["Jo Roe"]),
        ("<p>Wir sehen uns beim nächsten Treffen im Garten.</p><p>Viele Grüße<br/>Euer Vorstand</p>", []),
        (
            "<p>Die Klinik schreibt uns:</p><p>Mit freundlichen Grüßen<br/>Dr. Hans Klinikmann</p><p>Wir freuen uns "
            "über die Studie und berichten weiter.</p>",
            [],
        ),
    ],
)
def test_the_signers_under_a_letters_closing_formula_are_its_byline(body, expected):
    assert _authors(body) == expected

"""organization-schema reads the site's own organisation, not the publisher of a book the site reviews
or the brand of a product it sells (real-site failure class, bench/realworld/)."""

from __future__ import annotations

from scoring.checks.organization_schema import OrganizationSchema
from scoring.core.messages import as_text
from tests.factories import page, site

REVIEW = {
    "@context": "https://schema.org",
    "@type": "Review",
    "itemReviewed": {
        "@type": "Book",
        "name": "Ein Buch",
        "publisher": {"@type": "Organization", "name": "Großverlag AG", "logo": "https://verlag.example/l.png",
                      "address": "Verlagsweg 1", "telephone": "+49 30 1", "sameAs": ["https://x.example/v"]},
    },
    "author": {"@type": "Person", "name": "Eva Leserin"},
}
OWN = {"@context": "https://schema.org", "@type": "Organization", "name": "Beispiel Bücherblog",
       "url": "https://www.beispiel.example/"}


def test_the_publisher_of_a_reviewed_book_is_not_the_site():
    result = OrganizationSchema().evaluate(site(page("rezension/ein-buch/", structured_data=[REVIEW])))
    assert result.state == "fail" and "No Organization" in as_text(result.explanation)


def test_the_sites_own_organisation_wins_over_a_more_complete_foreign_one():
    pages = (page("", structured_data=[OWN]), page("rezension/ein-buch/", structured_data=[REVIEW]))
    result = OrganizationSchema().evaluate(site(*pages))
    explanation = as_text(result.explanation)
    assert "Beispiel Bücherblog" in explanation and "Großverlag" not in explanation

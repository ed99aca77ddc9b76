"""topic-hubs: every topic cluster has a hub (pillar) page linking its members, and back."""

from __future__ import annotations

from scoring.core.messages import element
from scoring.core.results import Evidence
from scoring.insights import HUB_SHARE, hub_of
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MIN_MEMBERS = 3
BACK_SHARE = 0.5


@register
class TopicHubs(Check):
    id = "topic-hubs"
    title = "Topic clusters have hub pages"
    failure_title = "Topic clusters lack a hub page"
    description = (
        "A hub (pillar) page that links to every article of a topic, with the articles linking "
        "back, shows crawlers and answer engines what the site covers in depth and passes link "
        "equity to the deep pieces. For each topic cluster of three or more pages (from page "
        "embeddings) we look for the page whose running text (content links, not navigation) links "
        f"to at least {HUB_SHARE:.0%} of the other members, and check that at least "
        f"{BACK_SHARE:.0%} of them link back. Score = share of clusters with such a hub. Sources: "
        "German trade press on GEO for small and mid-sized companies (fewer, deeper articles; "
        "docs/sources.md §2); Screaming Frog / Sitebulb link-structure audits."
    )
    category = "links"
    weight = 2
    effort = "medium"
    remedy = "Create one overview (hub) page per topic that links all its articles."
    rule = (
        "per topic cluster of ≥ 3 pages (clusters hold one language): the page in the members' language "
        "whose content links (not nav/footer) reach the most members is the hub if it links ≥ 50 % of the "
        "others, and the cluster passes when ≥ 50 % of the members link back. Score = share of clusters "
        "passing."
    )
    scope = "site"
    requires = ("html", "embeddings")
    columns = {
        "cluster": "number",
        "label": "text",
        "pages": "number",
        "hub_url": "url",
        "members_linked": "number",
        "members_linking_back": "number",
        "ok": "number",
    }
    messages = {
        "no-cluster": "No topic cluster of {pages} or more pages.",
        "all-hubs": "All {clusters} topic cluster(s) have a hub page.",
        "lacking": (
            "{lacking} of {clusters} topic cluster(s) lack a hub page that links their articles in the running "
            "text (and is linked back). Write or extend an overview page per topic."
        ),
        "note-no-hub": "no page links to {percent}% of its {pages} pages in the running text",
        "note-few-back": "hub links {linked} members, only {back} of {others} link back",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        clustering = site.clustering
        eligible = [c for c in (clustering.clusters if clustering else []) if len(c.members) >= MIN_MEMBERS]
        if not eligible:
            return Outcome("not_applicable", explanation=self.msg("no-cluster", pages=MIN_MEMBERS))
        rows, evidence, affected, good = [], [], [], 0
        for cluster in eligible:
            hub, linked, back = hub_of(site, cluster.members)
            others = len(set(cluster.members) - {hub}) if hub else len(cluster.members)
            ok = hub is not None and back >= BACK_SHARE * others
            good += ok
            rows.append(
                {
                    "cluster": cluster.id,
                    "label": cluster.label,
                    "pages": len(cluster.members),
                    "hub_url": hub,
                    "members_linked": linked,
                    "members_linking_back": back,
                    "ok": ok,
                }
            )
            if not ok:
                affected.extend(cluster.members[:1])
                note = (
                    self.msg("note-no-hub", percent=round(HUB_SHARE * 100), pages=len(cluster.members))
                    if hub is None
                    else self.msg("note-few-back", linked=linked, back=back, others=others)
                )
                evidence.append(
                    Evidence(
                        url=hub or cluster.members[0],
                        element=element("topic-cluster"),
                        excerpt=cluster.label,
                        note=note,
                    )
                )
        score = round(good / len(eligible), 4)
        if good == len(eligible):
            return Outcome("pass", 1.0, self.msg("all-hubs", clusters=len(eligible)), rows)
        return Outcome(
            "warn" if score >= 0.8 else "fail",
            score,
            self.msg("lacking", lacking=len(eligible) - good, clusters=len(eligible)),
            rows,
            evidence,
            affected,
        )

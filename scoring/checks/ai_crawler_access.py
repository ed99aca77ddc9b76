"""ai-crawler-access: robots.txt lets AI search/answer and user-fetch agents read the site.

Each agent token of `scoring.core.ai_agents` is evaluated on its own robots.txt group, as RFC 9309
§2.2.1 prescribes: the groups whose user-agent equals the token (case-insensitive, merged when
there are several), else the `*` groups, else no rules. Protego decides allow/disallow inside the
chosen group (longest match, allow wins ties, `*` and `$` patterns). We select the group
ourselves because Protego matches user agents by substring (it is built for full User-Agent
headers): a `User-agent: Applebot` group would otherwise capture Applebot-Extended.

Checked URLs: the home page and a sample of the important pages (articles, else other pages, by
internal link score). An agent is "blocked" when the home page or the majority of the sampled
pages are disallowed, "partly" blocked when only some sampled pages are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from protego import Protego

from scoring.core.ai_agents import AGENTS, PRIMARY_TOKENS, AIAgent, token_key
from scoring.core.messages import Message, element, join, listing, sentences
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

SAMPLE_SIZE = 20  # important pages checked besides the home page
CLASS_WEIGHT = {"search": 0.6, "user": 0.4}  # training never lowers the score
# Inside a class: the major answer engines count most, agents only the ai.robots.txt list knows
# count little, so a handful of obscure bots cannot outweigh ChatGPT or Perplexity.
AGENT_WEIGHT_PRIMARY, AGENT_WEIGHT_MAIN, AGENT_WEIGHT_OTHER = 3.0, 1.0, 0.25
ALLOWED_VALUE = {True: 1.0, "partly": 0.5, False: 0.0}
SERVER_ERROR_SCORE = 0.5
MAX_TOKENS_NAMED = 8

_UA_FIELDS = {"user-agent", "useragent", "user agent"}
_ALLOW_FIELDS = {"allow"}
# Protego's tolerated misspellings, so our group reading agrees with its parser.
_DISALLOW_FIELDS = {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}
_SITE_WIDE_FIELDS = {"sitemap", "sitemaps", "site-map", "host"}


@dataclass(frozen=True)
class RobotsLine:
    number: int
    text: str  # as written, comment removed


@dataclass(frozen=True)
class Rule:
    kind: str  # "allow" | "disallow"
    path: str
    line: RobotsLine
    group: str = ""  # the user-agent values of its group

    @property
    def quoted(self) -> str:
        return f"User-agent: {self.group} → {self.line.text}" if self.group else self.line.text


@dataclass
class Group:
    agents: list[tuple[str, str, RobotsLine]] = field(default_factory=list)  # (key, value, line)
    rules: list[Rule] = field(default_factory=list)

    @property
    def label(self) -> str:
        return ", ".join(value for _, value, _ in self.agents)


_KNOWN_FIELDS = _UA_FIELDS | _ALLOW_FIELDS | _DISALLOW_FIELDS | _SITE_WIDE_FIELDS


def _split_field(line: str) -> tuple[str, str] | None:
    """(field, value) of a line; tolerates "User-agent foo" and "Disallow /x" like Protego."""
    colon = None
    if ":" in line:
        name, value = line.split(":", 1)
        colon = (name.strip().lower(), value.strip())
        if colon[0] in _KNOWN_FIELDS:
            return colon
    words = line.split()
    for count in (2, 1):
        name = " ".join(words[:count]).lower()
        if name in _KNOWN_FIELDS:
            return name, " ".join(words[count:])
    return colon


def parse_groups(text: str) -> list[Group]:
    """robots.txt groups: consecutive user-agent lines and the rules that follow them."""
    groups: list[Group] = []
    current: Group | None = None
    previous: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parsed = _split_field(line)
        if parsed is None:
            continue
        name, value = parsed
        if name in _SITE_WIDE_FIELDS:
            continue
        if name in _UA_FIELDS:
            if current is None or previous not in _UA_FIELDS:
                current = Group()
                groups.append(current)
            if value:
                current.agents.append((token_key(value), value, RobotsLine(number, line)))
        elif current is not None and value:
            if name in _ALLOW_FIELDS:
                current.rules.append(Rule("allow", value, RobotsLine(number, line), current.label))
            elif name in _DISALLOW_FIELDS:
                current.rules.append(Rule("disallow", value, RobotsLine(number, line), current.label))
        previous = name
    return [g for g in groups if g.agents]


@dataclass(frozen=True)
class Decision:
    allowed: bool
    rule: Rule | None  # the deciding line; None when nothing matched (allowed by default)


class RobotsPolicy:
    """A parsed robots.txt answering per token, on the token's own group."""

    def __init__(self, text: str) -> None:
        self.groups = parse_groups(text)
        self._group_parsers: dict[tuple[int, ...], Protego] = {}
        self._rule_parsers: dict[str, Protego] = {}

    def groups_for(self, token: str) -> list[Group]:
        key = token_key(token)
        own = [g for g in self.groups if any(k == key for k, _, _ in g.agents)]
        if own:
            return own
        return [g for g in self.groups if any(k == "*" for k, _, _ in g.agents)]

    def decide(self, token: str, url: str) -> Decision:
        groups = self.groups_for(token)
        rules = [r for g in groups for r in g.rules]
        if not rules:
            return Decision(True, None)
        ids = tuple(id(g) for g in groups)
        parser = self._group_parsers.get(ids)
        if parser is None:
            body = "\n".join(f"{r.kind.capitalize()}: {r.path}" for r in rules)
            parser = self._group_parsers[ids] = Protego.parse("User-agent: *\n" + body)
        allowed = parser.can_fetch(url, "agent")
        kind = "allow" if allowed else "disallow"
        matching = [r for r in rules if r.kind == kind and self._matches(r.path, url)]
        rule = max(matching, key=lambda r: len(r.path), default=None)
        return Decision(allowed, rule)

    def _matches(self, path: str, url: str) -> bool:
        parser = self._rule_parsers.get(path)
        if parser is None:
            parser = self._rule_parsers[path] = Protego.parse(f"User-agent: *\nDisallow: {path}")
        return not parser.can_fetch(url, "agent")


@dataclass(frozen=True)
class AgentVerdict:
    agent: AIAgent
    allowed: bool | str  # True, False or "partly"
    home_allowed: bool
    pages_blocked: int
    pages_checked: int
    rule: Rule | None
    group: str | Message  # the robots.txt groups read, as written there, or "no group applies"
    blocked_urls: tuple[str, ...]
    blocking_rules: tuple[Rule, ...]


def _agent_weight(agent: AIAgent) -> float:
    if agent.primary:
        return AGENT_WEIGHT_PRIMARY
    return AGENT_WEIGHT_MAIN if agent.main else AGENT_WEIGHT_OTHER


def _sample_urls(site: SiteData) -> list[str]:
    home = site.home
    home_url = (home.final_url or home.url) if home else None
    pool = site.articles or site.html_pages
    scores = site.link_score
    candidates = {(p.final_url or p.url): p for p in pool}
    candidates.pop(home_url, None)
    ranked = sorted(candidates.values(), key=lambda p: (-scores.get(p.final_url or p.url, 0.0), p.depth, p.url))
    return [p.final_url or p.url for p in ranked[:SAMPLE_SIZE]]


def _verdict(policy: RobotsPolicy, agent: AIAgent, home_url: str, sample: list[str]) -> AgentVerdict:
    home = policy.decide(agent.token, home_url)
    decisions = [(url, policy.decide(agent.token, url)) for url in sample]
    blocked_pages = [(url, d) for url, d in decisions if not d.allowed]
    if not home.allowed or len(blocked_pages) * 2 > len(sample):
        allowed: bool | str = False
    elif blocked_pages:
        allowed = "partly"
    else:
        allowed = True
    blocked = ([(home_url, home)] if not home.allowed else []) + blocked_pages
    if blocked:
        shown = blocked[0][1].rule
    else:  # the allow line that decided a checked URL, if any did
        shown = next((d.rule for d in [home, *(d for _, d in decisions)] if d.rule), None)
    groups = policy.groups_for(agent.token)
    return AgentVerdict(
        agent=agent,
        allowed=allowed,
        home_allowed=home.allowed,
        pages_blocked=len(blocked_pages),
        pages_checked=len(sample),
        rule=shown,
        group=" + ".join(f"User-agent: {g.label}" for g in groups) or AICrawlerAccess.msg("no-group"),
        blocked_urls=tuple(url for url, _ in blocked),
        blocking_rules=tuple({d.rule.line.number: d.rule for _, d in blocked if d.rule}.values()),
    )


def _names(agents: list[AIAgent]) -> str | Message:
    """The agents' tokens (data), the first MAX_TOKENS_NAMED of them and how many more."""
    tokens = [a.token for a in agents]
    if len(tokens) <= MAX_TOKENS_NAMED:
        return ", ".join(tokens)
    shown = ", ".join(tokens[:MAX_TOKENS_NAMED])
    return AICrawlerAccess.msg("names-more", names=shown, more=len(tokens) - MAX_TOKENS_NAMED)


def _order(agent: AIAgent) -> tuple:
    return (
        ("search", "user", "training").index(agent.agent_class),
        not agent.primary,
        not agent.main,
        agent.token.lower(),
    )


ORDERED_AGENTS = sorted(AGENTS, key=_order)


@register
class AICrawlerAccess(Check):
    id = "ai-crawler-access"
    title = "AI search and answer crawlers may fetch the site"
    failure_title = "robots.txt blocks AI search or answer crawlers"
    description = (
        "Answer engines cite only pages their crawler may fetch: ChatGPT search needs "
        "OAI-SearchBot, Perplexity needs PerplexityBot, Claude needs Claude-SearchBot, Google's AI "
        "Overviews and Copilot rely on Googlebot and Bingbot; ChatGPT-User, Claude-User and "
        "Perplexity-User fetch a page when a user asks. Training crawlers (GPTBot, ClaudeBot, "
        "CCBot, Google-Extended) are separate tokens: blocking them keeps content out of model "
        "training but not out of answers. Each token is read on its own robots.txt group. "
        "Sources: OpenAI, 'Overview of OpenAI Crawlers'; Anthropic, 'Does Anthropic crawl data "
        "from the web, and how can site owners block the crawler?'; Perplexity, 'Perplexity "
        "Crawlers'; RFC 9309 (Robots Exclusion Protocol); agent list from ai.robots.txt (MIT)."
    )
    category = "technical"
    weight = 3
    effort = "low"
    remedy = (
        "Allow the AI search and answer crawlers in robots.txt (remove the Disallow lines listed as "
        "evidence); blocking training crawlers is fine."
    )
    rule = (
        "each AI agent token evaluated on its own robots.txt group for the home page (Protego); classes "
        "reported separately: search/answer and user-fetch agents blocked lower the score; training "
        "agents blocked are reported but do not lower it."
    )
    scope = "site"
    requires = ("robots_txt", "home")
    # `token`, `class`, `allowed` and `main` are plain values reports/sections.py reads (the agent matrix)
    columns = {
        "token": "code",
        "operator": "text",
        "class": "message",  # plain value: one of the check's class-<value> messages
        "allowed": "code",
        "impact": "message",
        "home_allowed": "number",
        "pages_blocked": "message",
        "rule": "message",
        "group": "code",
        "main": "number",
    }
    messages = {
        # explanation
        "may-fetch-search": "{allowed} of {agents} search/answer index agents may fetch the site",
        "may-fetch-user": "{allowed} of {agents} user-initiated fetch agents may fetch the site",
        "checked": "{classes} (home page and {sampled} sampled page(s) checked).",
        "primary-blocked": "Blocked major answer crawlers: {agents} — their answers cannot cite this site.",
        "also-blocked": "Also blocked: {agents}.",
        "blocked": "Blocked: {agents}.",
        "partly-blocked": "Partly blocked (some important pages disallowed): {agents}.",
        "training-blocked": "Training crawlers blocked (informative, no effect on the score): {agents}.",
        "names-more": "{names} and {more} more",
        "plain-rule": (
            "Blocking training crawlers (GPTBot, CCBot, …) does not reduce visibility in AI answers; blocking "
            "search/answer crawlers (OAI-SearchBot, PerplexityBot, Googlebot, …) does, and blocking user-fetch "
            "agents (ChatGPT-User, …) stops assistants from reading a page on request."
        ),
        "server-error": (
            "robots.txt answered HTTP {status}. Crawlers treat an unreachable robots.txt as a full disallow "
            "(RFC 9309 §2.3.1.4), so while the error lasts no AI or search crawler fetches the site. Check whether "
            "the error is temporary."
        ),
        "no-rules": "The site has {robots}: every crawler may fetch every page (RFC 9309 §2.3.1.3).",
        "no-robots": "no robots.txt (HTTP {status})",
        "empty-robots": "an empty robots.txt",
        # evidence notes
        "note-blocks": "blocks {agents} ({classes}) on {urls} checked URL(s)",
        "note-server-error": "server error: crawlers assume everything is disallowed",
        # agent classes (scoring.core.ai_agents.CLASS_LABEL)
        "operator-unknown": "unknown",
        "class-search": "search/answer index",
        "class-user": "user-initiated fetch",
        "class-training": "training/data collection",
        # details rows
        "impact-scored": "scored",
        "impact-informative": "informative",
        "pages-blocked": "{blocked} of {checked}",
        "rule-line": "line {line}: {rule}",
        "rule-server-error": "robots.txt answered HTTP {status}: treated as Disallow: /",
        "no-group": "no group applies",
        # blockers (CheckResult.blocker)
        "blocker-agents": (
            "robots.txt bars {agents} from the home page: the site cannot appear in {count:plural:its:their} answers."
        ),
        "blocker-all": "robots.txt disallows the whole site for every crawler: no search or answer engine may read it.",
        "blocker-server-error": "robots.txt answers HTTP {status}: crawlers treat the whole site as disallowed.",
    }

    @classmethod
    def _operator(cls, operator: str) -> Message | str:
        """The operator's name as the registry has it; "unknown" in the report's language."""
        return cls.msg("operator-unknown") if operator == "unknown" else operator

    def evaluate(self, site: SiteData) -> Outcome:
        artifacts = site.artifacts
        status = artifacts.robots_status or 0
        robots_url = urljoin(artifacts.root_url, "/robots.txt")
        home = site.home
        assert home is not None  # guaranteed by requires
        home_url = home.final_url or home.url
        if status >= 500:
            return self._server_error(status, robots_url)
        if not 200 <= status < 300 or not (artifacts.robots_txt or "").strip():
            return self._no_rules(status)
        policy = RobotsPolicy(artifacts.robots_txt or "")
        sample = _sample_urls(site)
        verdicts = [_verdict(policy, agent, home_url, sample) for agent in ORDERED_AGENTS]
        return self._outcome(verdicts, robots_url, len(sample))

    def blocker(self, outcome: Outcome, site: SiteData, pages: Sequence[PageOutcome] = ()) -> Message | None:
        """A blocker when robots.txt keeps a major answer engine's crawler (`primary`: OAI-SearchBot,
        Claude-SearchBot, PerplexityBot, Googlebot, Bingbot) from the home page, or every crawler from the site."""
        rows = outcome.details if outcome.state in ("fail", "warn") else []
        status = site.artifacts.robots_status or 0
        if rows and status >= 500:
            return self.msg("blocker-server-error", status=str(status))
        if rows and all(row["home_allowed"] is False for row in rows):
            return self.msg("blocker-all")
        blocked = [row["token"] for row in rows if row["home_allowed"] is False and row["token"] in PRIMARY_TOKENS]
        return self.msg("blocker-agents", agents=", ".join(blocked), count=len(blocked)) if blocked else None

    # -- outcomes ------------------------------------------------------------------------
    def _outcome(self, verdicts: list[AgentVerdict], robots_url: str, sampled: int) -> Outcome:
        scored = [v for v in verdicts if v.agent.agent_class in CLASS_WEIGHT]
        score = 0.0
        for agent_class, class_weight in CLASS_WEIGHT.items():
            members = [v for v in scored if v.agent.agent_class == agent_class]
            total = sum(_agent_weight(v.agent) for v in members)
            allowed = sum(_agent_weight(v.agent) * ALLOWED_VALUE[v.allowed] for v in members)
            score += class_weight * (allowed / total if total else 1.0)
        blocked = [v.agent for v in scored if v.allowed is False]
        partly = [v.agent for v in scored if v.allowed == "partly"]
        primary_blocked = [a for a in blocked if a.primary]
        training_blocked = [v.agent for v in verdicts if v.agent.agent_class == "training" and v.allowed is not True]
        if primary_blocked:
            state = "fail"
        elif blocked or partly:
            state = "warn"
        else:
            state = "pass"

        parts = []
        for agent_class in CLASS_WEIGHT:
            members = [v for v in scored if v.agent.agent_class == agent_class]
            free = sum(1 for v in members if v.allowed is True)
            parts.append(self.msg(f"may-fetch-{agent_class}", allowed=free, agents=len(members)))
        said = [self.msg("checked", classes=join(parts), sampled=sampled)]
        if primary_blocked:
            said.append(self.msg("primary-blocked", agents=_names(primary_blocked)))
        others = [a for a in blocked if not a.primary]
        if others:
            said.append(self.msg("also-blocked" if primary_blocked else "blocked", agents=_names(others)))
        if partly:
            said.append(self.msg("partly-blocked", agents=_names(partly)))
        if training_blocked:
            said.append(self.msg("training-blocked", agents=_names(training_blocked)))
        said.append(self.msg("plain-rule"))

        details = [self._row(v) for v in verdicts]
        evidence = self._evidence([v for v in scored if v.allowed is not True], robots_url)
        affected = sorted({url for v in scored if v.allowed is not True for url in v.blocked_urls})
        return Outcome(state, round(score, 4), sentences(said), details, evidence, affected)

    @classmethod
    def _impact(cls, agent: AIAgent) -> Message:
        return cls.msg("impact-scored" if agent.agent_class in CLASS_WEIGHT else "impact-informative")

    @classmethod
    def _row(cls, v: AgentVerdict) -> dict:
        rule = cls.msg("rule-line", line=str(v.rule.line.number), rule=v.rule.line.text) if v.rule else None
        return {
            "token": v.agent.token,
            "operator": cls._operator(v.agent.operator),
            "class": v.agent.agent_class,
            "allowed": v.allowed,
            "impact": cls._impact(v.agent),
            "home_allowed": v.home_allowed,
            "pages_blocked": cls.msg("pages-blocked", blocked=v.pages_blocked, checked=v.pages_checked),
            "rule": rule,
            "group": v.group,
            "main": v.agent.main,
        }

    @classmethod
    def _evidence(cls, verdicts: list[AgentVerdict], robots_url: str) -> list[Evidence]:
        by_line: dict[int, tuple[Rule, list[AIAgent], set[str]]] = {}
        for v in verdicts:
            for rule in v.blocking_rules:
                entry = by_line.setdefault(rule.line.number, (rule, [], set()))
                entry[1].append(v.agent)
                entry[2].update(v.blocked_urls)
        evidence = []
        for number in sorted(by_line):
            rule, agents, urls = by_line[number]
            classes = sorted((cls.msg(f"class-{c}") for c in {a.agent_class for a in agents}), key=lambda m: m.text)
            evidence.append(
                Evidence(
                    url=robots_url,
                    element=element("robots-txt-line", number=str(number)),
                    excerpt=excerpt(rule.quoted),
                    note=cls.msg("note-blocks", agents=_names(agents), classes=listing(classes), urls=len(urls)),
                )
            )
        return evidence

    def _server_error(self, status: int, robots_url: str) -> Outcome:
        rows = [
            {
                "token": a.token,
                "operator": self._operator(a.operator),
                "class": a.agent_class,
                "allowed": False,
                "impact": self._impact(a),
                "home_allowed": False,
                "pages_blocked": None,
                "rule": self.msg("rule-server-error", status=str(status)),
                "group": None,
                "main": a.main,
            }
            for a in ORDERED_AGENTS
        ]
        explanation = sentences([self.msg("server-error", status=str(status)), self.msg("plain-rule")])
        evidence = [
            Evidence(
                url=robots_url,
                element="robots.txt",
                excerpt=f"HTTP {status}",
                note=self.msg("note-server-error"),
            )
        ]
        return Outcome("warn", SERVER_ERROR_SCORE, explanation, rows, evidence, [robots_url])

    def _no_rules(self, status: int) -> Outcome:
        reason = self.msg("no-robots", status=str(status)) if not 200 <= status < 300 else self.msg("empty-robots")
        rows = [
            {
                "token": a.token,
                "operator": self._operator(a.operator),
                "class": a.agent_class,
                "allowed": True,
                "impact": self._impact(a),
                "home_allowed": True,
                "pages_blocked": None,
                "rule": None,
                "group": reason,
                "main": a.main,
            }
            for a in ORDERED_AGENTS
        ]
        explanation = sentences([self.msg("no-rules", robots=reason), self.msg("plain-rule")])
        return Outcome("pass", 1.0, explanation, rows)

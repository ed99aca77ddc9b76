"""Code and tutorials (issue 13): code, config, template and log text, a console's printed output run
together by the text extraction, and a tutorial's steps and worked results are no statistics."""

from __future__ import annotations

import re

_CODE_FEATURES = (
    re.compile(r"[{}]"),
    re.compile(r";\s*(?:$|[\w}\]])"),
    re.compile(r"=>|->|::|==|!=|&&|\|\||\+=|:=|<=|>="),
    re.compile(r"(?<![\w.])[A-Za-z_][\w.]*+\((?:[^()]{0,40})\)"),  # call(args)
    re.compile(r"\b[a-z]+(?:[A-Z][a-z0-9]+){2,}\b|\b[a-z]+_[a-z_]+\b"),  # camelCase, snake_case
    re.compile(r"</?[a-z][\w-]*(?:\s[^<>]*)?>"),  # markup tags
    re.compile(r"(?:^|\s)--?[a-z][\w-]+"),  # command-line flags
    re.compile(r"\|\s*[\w.-]+\s*\|"),  # pipe tables, template pipes
    re.compile(r"(?<![\w.-])[\w.-]+\s*+=\s*[\"'\w$]"),  # key=value
    re.compile(r"\[[A-Z][A-Za-z]*(?:\(.*?\))?\]"),  # [Test], [TestCase(...)]
    re.compile(r"\$\{|\{\{|\}\}|\{%|%\}|<%|%>"),  # template expressions
    re.compile(
        r"^\s*[$#>]\s|^\s*(?:sudo|docker|npm|npx|pip|git|curl|wget|apt(?:-get)?|kubectl|python3?|java|"
        r"mvn|gradle|cd|ls|make|yarn|brew|helm|ssh)\s"
    ),
    re.compile(
        r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE)\b.*\d{2}:\d{2}|\d{2}:\d{2}:\d{2}.*\b(?:ERROR|WARN|INFO|DEBUG)\b"
    ),
    re.compile(r"(?<![\w-])[\w-]+\s*+:\s*+[#\w.%-]++\s*;"),  # css property: value;
)


_DECISIVE_CODE = re.compile(
    r"\$\{|\{\{|\}\}|\{%|%\}|<%|%>|"  # template expressions
    r"\\\((?=[^\n]{1,200}?\\\))|\\\[(?=[^\n]{1,200}?\\\])|"  # LaTeX math ("\(P = U * I = 360W\)"): a formula
    r"\d{2}:\d{2}:\d{2}[.,\d]*\s+(?:\[?(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL)\]?)\b"  # log lines
)


# A console's or notebook's line prefix ("## ", "# ", ">>> ", "$ ", "> "): repeated three times in one
# paragraph, the lines of a code block or its printed output, run together by the text extraction.
_LINE_PREFIX_RE = re.compile(r"(?<!\S)(?:##?|>>>|[$>])(?=\s)")
PREFIX_REPEATS = 3


def _repeated_prefix(text: str) -> bool:
    seen: dict[str, int] = {}
    for match in _LINE_PREFIX_RE.finditer(text):
        seen[match.group()] = seen.get(match.group(), 0) + 1
        if seen[match.group()] >= PREFIX_REPEATS:
            return True
    return False


def is_code_like(text: str) -> bool:
    """Code, config, template or log text: two distinct kinds of code syntax (a line prefix repeated
    three times is one), or a template expression or log line on its own."""
    if _DECISIVE_CODE.search(text):
        return True
    hits = 1 if _repeated_prefix(text) else 0
    for pattern in _CODE_FEATURES:
        if pattern.search(text):
            hits += 1
            if hits >= 2:
                return True
    return False


# A procedure's step: "we cut the data into 10 groups", "die Werte werden in 5 Klassen aufgeteilt".
DIVIDE_BEFORE_RE = re.compile(
    r"\b(?:cut|split|divided?|dividing|broken|break|binned|grouped|separated?|sorted|partitioned|"
    r"teilen|teilt|teilten|unterteilen|unterteilt|gliedern|gliedert|zerlegen|zerlegt)\s+(?:\S+\s+){0,5}?"
    r"(?:into|in)\s*$",
    re.IGNORECASE,
)
DIVIDE_AFTER_RE = re.compile(
    r"^\s?\S+\s+(?:\S+\s+)?(?:auf|ein|unter)?(?:geteilt|teilen|gegliedert|gliedern|zerlegt|zerlegen)\b"
)
# A worked calculation's value: "AIC = 31.64", "the mean has the value of 6.1", "hat den Wert 6,1".
CALC_BEFORE_RE = re.compile(
    r"(?:(?<![\w.-])[A-Za-z][\w.-]*+\s?=\s?-?|\b(?:has|takes|hat|nimmt|annimmt)\s+(?:the|a|den|einen)\s+"
    r"(?:value|Wert)\s+(?:of\s+|von\s+)?)$"
)

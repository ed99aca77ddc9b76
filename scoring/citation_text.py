"""The main text of a page as lines, for judging its links: which line a link stands on, its sentence, the
heading above it, whether it is a teaser's line or an entry of a list of sources."""

from __future__ import annotations

import re
from bisect import bisect_right

from scoring import citation_rules as cr
from scoring.core import lexicons as lx
from scoring.core.records import PageRecord

TEASER_LINES = 10  # on a listing, a "read more" line at most this many lines below a link closes its teaser
MIN_LISTED_POSTS = 3  # post titles on a list of posts that prints them whole
WHOLE_POST_WORDS = 150  # a post shown whole on a list of posts, not an entry of a list of publications
_BULLETS = re.compile(r"^[\s\-–—•·*►▶→»>\d.)\[\]]+|(?<![\s:;,.!?…→»«>\-–—)\]])[\s:;,.!?…→»«>\-–—)\]]+$")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„“])")
# A heading's permalink marker ("Quellen #", "Sources ¶", "Links 🔗") is no part of its text.
_PERMALINK_MARKS = frozenset("#¶§🔗⚓")


def _without_permalink(line: str) -> str:
    """The line without a permalink marker standing at its end ("C#" keeps its sign)."""
    text = line.rstrip()
    if text and text[-1] in _PERMALINK_MARKS and (len(text) == 1 or text[-2].isspace()):
        return text[:-1].rstrip()
    return line
# The sentence that announces a list of links as coverage or sources ("For coverage of the event in the press,
# see below:", "Presseberichte dazu:"): the links below it are what it names.
_SOURCES_INTRO = re.compile(
    r"\b(?:coverage|see below|further reading|in the (?:press|news|media)|press (?:articles|reports|releases)|"
    r"media (?:reports|articles)|news (?:articles|reports|stories)|presse(?:berichte|echo|spiegel|stimmen|artikel)|"
    r"medien(?:berichte|echo)|berichterstattung|siehe unten|zum nachlesen|nachzulesen)\b",
    re.IGNORECASE,
)
INTRO_LIST_LINES = 30  # how far a list of links may run below the sentence that announces it


# "<em>Title</em>, Publisher": the anchor reads "Title ," where the main text writes "Title,"
_SPACE_BEFORE_MARK = re.compile(r"(?<!\s)\s++(?=[,.;:!?)])")


def anchor_key(anchor: str) -> str:
    """A link's anchor as the main text's lines write it: spaces collapsed, none before a punctuation mark,
    casefolded."""
    return _SPACE_BEFORE_MARK.sub("", " ".join(anchor.split())).casefold()


def heading_text(text: str) -> str:
    """A heading as the main text writes it: spaces collapsed, casefolded, without its permalink marker."""
    return _without_permalink(" ".join(text.split())).casefold()


class MainTextLines:
    """The page's main text as lines, and the line each link of the content stands on."""

    def __init__(self, page: PageRecord) -> None:
        self.raw = [" ".join(line.split()) for line in page.main_text.split("\n")]
        self.lines = [line.casefold() for line in self.raw]
        self.headings = {heading_text(h.text) for h in page.headings}
        internal = [(" ".join(a.anchor.split()).casefold(), a.url != page.url) for a in page.links if a.internal]
        # a listing's teaser titles: headings that link to the post they open
        self.linked_headings = self.headings & {anchor for anchor, _ in internal}
        self._other_titles = self.headings & {anchor for anchor, elsewhere in internal if elsewhere}
        self._posts: list[tuple[int, int]] | None = None
        self._listed: list[int] | None = None
        self.line_of: dict[int, int] = {}  # index in page.links -> line
        self.anchors_on: dict[int, list[str]] = {}  # line -> anchors of the links on it
        self._align(page)
        # no content link stands in the main text: it was taken from elsewhere (or not at all), and
        # the links are judged by their region alone
        self.measured = bool(self.line_of)

    def _line_at(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def _align(self, page: PageRecord) -> None:
        """Walk the content links in document order along the lines of the main text: an anchor that
        occurs on several lines is placed at the first occurrence after the previous link; anchors
        that occur once (or are long) move the cursor."""
        text = "\n".join(self.lines)
        self._starts = [0]
        for line in self.lines[:-1]:
            self._starts.append(self._starts[-1] + len(line) + 1)
        cursor = 0  # offset in text
        for index, link in enumerate(page.links):
            needle = anchor_key(link.anchor)
            if link.position != "content" or not needle:
                continue
            find = cr.word_finder(needle)
            first = find(text, 0)
            if first < 0:
                continue
            later = find(text, cursor)
            offset = later if later >= 0 else first
            line = self._line_at(offset)
            if not link.internal and self.lines[line] == needle and needle in self.headings:
                # an outside link named like a heading (the page's own title): it stands further down
                again = find(text, self._starts[line] + len(needle))
                if again >= 0 and self.lines[self._line_at(again)] == needle:  # a line of its own again
                    offset, line = again, self._line_at(again)
            unique = find(text, first + 1) < 0
            if later >= 0 and (unique or len(needle) >= 20):
                cursor = self._starts[line]
            self.line_of[index] = line
            self.anchors_on.setdefault(line, []).append(needle)

    def extra_words(self, line: int, anchor: str) -> int:
        """Words of the line besides the links on it (bullets and punctuation ignored)."""
        rest = self.lines[line]
        for needle in sorted(
            {anchor_key(anchor), *self.anchors_on.get(line, [])}, key=len, reverse=True
        ):
            rest = rest.replace(needle, " ")
        rest = _BULLETS.sub("", rest)
        return sum(1 for token in rest.split() if re.search(r"\w", token))

    def sentence(self, line: int, anchor: str) -> str:
        """The sentence of the line the anchor stands in (casefolded)."""
        return self.written_sentence(line, anchor).casefold()

    def written_sentence(self, line: int, anchor: str) -> str:
        """The sentence of the line the anchor stands in, as written: what a citation backs."""
        needle = anchor_key(anchor)
        sentences = _SENTENCE_END.split(self.raw[line])
        for i, sentence in enumerate(sentences):
            if needle in sentence.casefold():
                # a link that is a sentence of its own ("... are met? Video") backs the sentence before it
                if i and not _BULLETS.sub("", sentence.casefold().replace(needle, " ")).strip():
                    return f"{sentences[i - 1]} {sentence}"
                return sentence
        return self.raw[line]

    def in_teaser(self, line: int) -> bool:
        """A line of a teaser: under a heading that links to its post, or a "read more" line follows before
        the next heading."""
        above = self._heading_line(line)
        if above is not None and self.lines[above] in self.linked_headings:
            return True
        if self.in_whole_post(line):
            return True  # a whole post shown on a list of posts: under its linked title, whatever headings follow
        for i in range(line + 1, min(len(self.lines), line + TEASER_LINES + 1)):
            if self.lines[i] in self.headings:
                return False
            if cr.READ_MORE.fullmatch(_BULLETS.sub("", self.lines[i])):
                return True
        return False

    def in_whole_post(self, line: int) -> bool:
        """A line of a whole post shown on a list of posts (`_whole_posts`)."""
        return any(start < line < end for start, end in self._whole_posts())

    def in_listed_post(self, line: int) -> bool:
        """A line under one of the post titles a list of posts shows in place (three headings or more, the title
        not linked): the post itself, printed whole on its list ("nothing inside the posts counts")."""
        if self._listed is None:
            self._listed = [i for i, text in enumerate(self.lines) if text in self.headings and len(text.split()) >= 3]
        if len(self._listed) < MIN_LISTED_POSTS:
            return False
        above = max((i for i in self._listed if i < line), default=None)
        return above is not None and self.lines[above] not in self.linked_headings

    def _whole_posts(self) -> list[tuple[int, int]]:
        """The line spans of whole posts on a list of posts: from a linked title to the next, with sections
        of their own (a heading inside) and at least WHOLE_POST_WORDS words; a list of publications with a
        short entry under each linked title has none."""
        if self._posts is None:
            titles = [  # a post's linked title: not the page's own (a menu links it), not a year or a word
                i for i, line in enumerate(self.lines) if line in self._other_titles and len(line.split()) >= 3
            ]
            spans = zip(titles, [*titles[1:], len(self.lines)], strict=False)
            self._posts = [
                (start, end)
                for start, end in spans
                if any(self.lines[i] in self.headings for i in range(start + 1, end))
                and sum(len(line.split()) for line in self.lines[start:end]) >= WHOLE_POST_WORDS
            ]
        return self._posts

    def before(self, line: int, anchor: str) -> str:
        """The text of the line in front of the anchor."""
        return self.lines[line].partition(anchor_key(anchor))[0]

    def section_heading(self, index: int) -> str | None:
        """The nearest heading (or short label line ending in ":") above a line."""
        above = self._heading_line(index)
        return None if above is None else _without_permalink(self.lines[above])

    def _heading_line(self, index: int) -> int | None:
        for i in range(index - 1, max(-1, index - 80), -1):
            line = _without_permalink(self.lines[i])
            if line in self.headings or (line.endswith(":") and len(line.split()) <= 5):
                return i
            if cr.SOURCES_HEADING.match(line):
                return i
        return None

    def context(self, line: int, anchor: str) -> str:
        """What a citation backs: its sentence; for a link standing alone (an entry of a sources list, a
        button), the heading it stands under and the link ("Quellen: Bericht des Amts")."""
        sentence = self.written_sentence(line, anchor)
        if _BULLETS.sub("", sentence.casefold().replace(anchor_key(anchor), " ")).strip():
            return sentence
        above = self._heading_line(line)
        if above is None and line > 0:
            above = line - 1
        return sentence if above is None else f"{self.raw[above].rstrip(' :')}: {sentence}"

    def under_sources(self, index: int) -> bool:
        """An entry of a list of sources: under a sources heading, or a footnote's entry."""
        if lx.FOOTNOTE_BACKLINK_RE.search(self.raw[index]):  # a footnote's entry: the source of its marker
            return True
        heading = self.section_heading(index)
        return heading is not None and cr.SOURCES_HEADING.match(heading.rstrip(" :")) is not None

    def announced_as_sources(self, index: int) -> bool:
        """One of a list of links (lines of links only) that a sentence right above announces as coverage or
        sources: "For coverage of the launch in the press, see below:"."""
        i = index - 1
        while i >= 0 and index - i <= INTRO_LIST_LINES and i in self.anchors_on and not self.extra_words(i, ""):
            i -= 1
        if i < 0 or i in self.anchors_on or self.lines[i] in self.headings:
            return False
        last = _SENTENCE_END.split(self.raw[i])[-1]
        return _SOURCES_INTRO.search(last) is not None

"""Persons' names in a speaker phrase: titles, name words and the fullest form of a name.

A person is given with the title written right before the name (ranks, honorifics,
``Presiden``) and the fullest form of the name in the article: ``Kapten Davis`` → ``Kapten Jeff
Davis``. PER and ORG entity spans from the NER, when given, delimit names; without them the
reader uses titles, runs of capitalised words and the word lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from pantau.quotes.lexicon import SpeechLexicon, _alternation
from pantau.quotes.records import _Doc, _Mention

_UPPER = "A-ZÀ-ÖØ-Þ"
_SPACE = r"[^\S\n]+"
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_EDGE = ",;:()[]\"“”‘’«»„'"


def _spacing(kept: str) -> bytes:
    """A byte table keeping ASCII letters, digits and ``kept``, and making other bytes spaces."""
    return bytes(b if chr(b).isalnum() or chr(b) in kept else 32 for b in range(128)) + bytes(128)


_WORD_BYTES = _spacing("")
_TITLE_BYTES = _spacing(".")


class _NameReader:
    """Read persons' names; the base of :class:`~pantau.quotes.QuoteFinder`.

    The title and name patterns are compiled when the reader is made; the per-article state
    (memoised names) lives in the :class:`_Doc` of each call.
    """

    __slots__ = ("_cap_run", "_lex", "_title_end", "_title_name", "_title_start", "_titles")

    def __init__(self, lex: SpeechLexicon) -> None:
        self._lex = lex
        # The automaton reads the text with every character but letters, digits and full
        # stops made a space, and holds each title after a space: its root then has one child
        # (the space) and other characters pass it at once, where the titles' initials made it
        # test each of them at every character (see _title_matches).
        keys: dict[str, list[str]] = {}
        for word in lex.titles:
            keys.setdefault(" " + spaced(word, stops=True), []).append(word)
        self._titles = ahocorasick.Automaton()
        for key, words in keys.items():
            self._titles.add_word(key, (len(key) - 1, tuple(words)))
        self._titles.make_automaton()
        title = rf"(?:{_alternation(lex.titles)})(?![\w-])"
        suffix = rf"(?:{_alternation(lex.title_suffixes)})(?![\w-])"
        title_seq = rf"{title}(?:{_SPACE}{suffix})*(?:{_SPACE}{title}(?:{_SPACE}{suffix})*)*"
        particle = _alternation(sorted(lex.particles))
        token = rf"(?:[{_UPPER}]\.(?=\s)|(?:{particle})-[{_UPPER}][\w'’-]*|[{_UPPER}][\w'’-]*)"
        name = rf"{token}(?:{_SPACE}(?:(?:{particle}){_SPACE})*{token})*"
        self._title_name = re.compile(
            rf"(?<![\w.])(?P<title>{title_seq}){_SPACE}"
            rf"(?P<name>{name})"
        )
        self._title_end = re.compile(rf"(?<![\w.])(?P<title>{title_seq}){_SPACE}$")
        self._title_start = re.compile(rf"(?P<title>{title_seq}){_SPACE}")
        self._cap_run = re.compile(
            rf"[{_UPPER}][\w'’-]*(?:{_SPACE}(?:(?:{particle}){_SPACE})*{token})+"
        )

    def _title_matches(self, text: str) -> tuple[re.Match[str], ...]:
        """Every ``title + capitalised name`` of the text (``Kapten Jeff Davis``)."""
        n = len(text)
        starts = set()
        for end, (size, words) in self._titles.iter(f" {spaced(text, stops=True)}"):
            start = end - size  # (the string searched has a space ahead of the text)
            if (
                (end == n or not text[end].isalnum() or text[end - 1] == ".")
                and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "."))
                and any(text.startswith(word, start) for word in words)
            ):
                starts.add(start)
        found: list[re.Match[str]] = []
        for start in sorted(starts):
            if found and start < found[-1].end():
                continue
            match = self._title_name.match(text, start)
            if match is not None:
                found.append(match)
        return tuple(found)

    def _titled_in(self, doc: _Doc, start: int, end: int) -> list[re.Match[str]]:
        """The ``title + name`` matches starting in ``[start, end)``, cut at ``end``."""
        out = []
        for match in doc.titled:
            if start <= match.start() < end:
                cut = (
                    match
                    if match.end() <= end
                    else self._title_name.match(doc.text, match.start(), end)
                )
                if cut is not None:
                    out.append(cut)
        return out

    def _classify(self, doc: _Doc, start: int, end: int) -> _Mention | None:
        """Tell a name, a role or a pronoun apart in a trimmed speaker phrase (memoised per
        article: speakers and names are read around the same spans more than once)."""
        span = _trim(doc.text, start, end)
        if span not in doc.classified:
            doc.classified[span] = self._read_phrase(doc, *span)
        return doc.classified[span]

    def _read_phrase(self, doc: _Doc, start: int, end: int) -> _Mention | None:
        text, lex = doc.text, self._lex
        if start >= end or not _has_letter(text, start, end):
            return None
        phrase = text[start:end]
        if phrase.lower() in lex.pronouns:
            return _Mention("pronoun", start, end, phrase)
        for ps, pe in doc.persons_overlapping(start, end):
            ps, pe = max(ps, start), min(pe, end)
            lead = self._title_start.match(text, ps, pe)
            name_start = lead.end() if lead and lead.end() < pe else ps
            title = lead["title"] if lead and lead.end() < pe else ""
            if not title:
                before = self._title_end.search(text, start, name_start)
                if before:
                    title, ps = before["title"], before.start()
            if text[name_start:pe].strip(_EDGE + " \t\n"):
                return self._name(ps, pe, title, text[name_start:pe].strip(_EDGE))
        for match in reversed(self._titled_in(doc, start, end)):
            named = self._titled(doc, match)
            if named is not None:
                return named
        tokens = list(_TOKEN.finditer(text, start, end))
        run = self._trailing_run(doc, tokens)
        if run and (len(run) > 1 or len(tokens) == 1):
            s, e = run[0].start(), run[-1].end()
            return self._name(s, e, "", text[s:e].strip(_EDGE))
        return _Mention("role", start, end, phrase)

    def _trailing_run(self, doc: _Doc, tokens: list[re.Match[str]]) -> list[re.Match[str]]:
        """The run of name words that ends the phrase (``… Kemlu Judha Nugraha``)."""
        lex = self._lex
        run: list[re.Match[str]] = []
        for n in range(len(tokens) - 1, -1, -1):
            token = tokens[n]
            word = token.group().strip(_EDGE)
            if run and (word in lex.title_words or token.group()[-1] in ",;:"):
                break
            if self._name_word(doc, token.start(), word) or (run and word.lower() in lex.particles):
                run.insert(0, token)
            elif not run and n > 0 and _short_acronym(word) and word not in lex.not_names:
                run.insert(0, token)  # "Mahfud MD": kept only when a name word precedes
            else:
                break
        if run and _short_acronym(run[-1].group().strip(_EDGE)) and len(run) == 1:
            return []
        if run and run[-1].group().rstrip(",.;:").endswith(")"):
            return []  # "Arakan Army (AA)": a body with its abbreviation
        while run and run[0].group().strip(_EDGE).lower() in lex.particles:
            run.pop(0)
        head = tokens.index(run[0]) if run else 0
        before = tokens[head - 1].group().strip(_EDGE) if run and head > 0 else ""
        if before in lex.non_person_heads:
            return []
        if before in lex.jurisdiction_roles and len(run) >= 3:
            return run[1:]  # "Bupati Solok Epyardi Asda"
        return run

    def _titled(self, doc: _Doc, match: re.Match[str]) -> _Mention | None:
        """A ``title + name`` match, with role words trimmed off the name (or ``None``)."""
        key = (match.start(), match.end())
        if key not in doc.titled_at:
            doc.titled_at[key] = self._read_titled(doc, match)
        return doc.titled_at[key]

    def _read_titled(self, doc: _Doc, match: re.Match[str]) -> _Mention | None:
        tokens = list(_TOKEN.finditer(doc.text, match.start("name"), match.end("name")))
        while tokens and not self._name_word(doc, tokens[-1].start(), tokens[-1].group()):
            tokens.pop()
        if not tokens or not self._name_word(doc, tokens[0].start(), tokens[0].group()):
            return None
        s, e = tokens[0].start(), tokens[-1].end()
        return self._name(match.start(), e, match["title"], doc.text[s:e])

    def _name_word(self, doc: _Doc, pos: int, word: str) -> bool:
        """Whether ``word`` can be part of a person's name (memoised per article)."""
        if doc.in_organisation(pos):
            return False
        known = doc.name_words.get(word)
        if known is None:
            known = doc.name_words[word] = self._is_name_word(word)
        return known

    def _is_name_word(self, word: str) -> bool:
        word = word.strip(_EDGE)
        if not word:
            return False
        lex = self._lex
        if not word[0].isupper():
            prefix, dash, rest = word.partition("-")
            if not (dash and prefix.lower() in lex.particles and rest[:1].isupper()):
                return False
            word = rest  # al-Qudra, el-Sisi
        if _DIGIT.search(word):
            return False
        if len(word) > 1 and word.replace(".", "").isupper():
            return len(word) == 2 and word.endswith(".")  # an initial, not an acronym
        core = word.rstrip(".")
        if core in lex.not_names or core.title() in lex.not_names or word in lex.not_names:
            return False
        lowered = core.lower()
        return lowered not in lex.pronouns and lowered not in lex.weekdays

    @staticmethod
    def _name(start: int, end: int, title: str, name: str) -> _Mention:
        title = " ".join(title.split())
        words = tuple(name.split())
        if words and len(words[-1]) > 2 and words[-1].endswith("."):
            words = (*words[:-1], words[-1][:-1])  # a full stop closing the sentence
        return _Mention("name", start, end, " ".join((title, *words)).strip(), title, words)

    def _fullest(self, doc: _Doc, mention: _Mention) -> str:
        """The longest name in the article holding every word of ``mention`` (with a title)."""
        memo_key = (mention.title, mention.name)
        if memo_key not in doc.fullest:
            doc.fullest[memo_key] = self._find_fullest(doc, mention)
        return doc.fullest[memo_key]

    def _find_fullest(self, doc: _Doc, mention: _Mention) -> str:
        if not mention.name:
            return mention.text
        if mention.title and len(mention.name) > 1:
            return mention.text  # "Kapten Jeff Davis" is already full
        keys = {w.lower() for w in mention.name}
        best, title = mention, mention.title
        # titled names first ("Kapten Jeff Davis"); other occurrences only when none holds it
        candidates = [m for m in self._titled_names(doc) if keys <= {w.lower() for w in m.name}]
        if not candidates:
            candidates = list(self._occurrences(doc, max(mention.name, key=len)))
        for found in candidates:
            if not keys <= {w.lower() for w in found.name}:
                continue
            if len(found.name) > len(best.name):
                best, title = found, found.title or title
            elif found.name == best.name and found.title and not title:
                title = found.title
        return " ".join((title, *best.name)).strip()

    def _titled_names(self, doc: _Doc) -> list[_Mention]:
        if doc.titled_names is None:
            found = (self._titled(doc, match) for match in doc.titled)
            doc.titled_names = [m for m in found if m is not None]
        return doc.titled_names

    def _occurrences(self, doc: _Doc, word: str) -> Iterator[_Mention]:
        """The whole names around each occurrence of ``word`` beside a capitalised word."""
        text = doc.text
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if (
                (pos == 0 or not text[pos - 1].isalnum())
                and (end == len(text) or not text[end].isalnum())
                and _capital_beside(text, pos, end)
            ):
                found = self._name_at(doc, pos, end)
                if found is not None:
                    yield found
            pos = text.find(word, end)

    def _name_at(self, doc: _Doc, start: int, end: int) -> _Mention | None:
        """The whole name around the word at ``start:end`` (``Davis`` → ``Kapten Jeff Davis``)."""
        if start not in doc.names_at:
            doc.names_at[start] = self._find_name_at(doc, start, end)
        return doc.names_at[start]

    def _find_name_at(self, doc: _Doc, start: int, end: int) -> _Mention | None:
        for match in doc.titled:
            if match.start("name") <= start < match.end():
                titled = self._titled(doc, match)
                if titled is not None:
                    return titled
        for ps, pe in doc.persons:
            if ps <= start < pe:
                return self._classify(doc, ps, pe)
        text = doc.text
        lo = text.rfind("\n", max(0, start - 60), start) + 1 or max(0, start - 60)
        hi = text.find("\n", end, end + 60)
        tokens = list(_TOKEN.finditer(text, lo, hi if hi >= 0 else min(len(text), end + 60)))
        at = next((i for i, t in enumerate(tokens) if t.start() <= start < t.end()), None)
        if at is None:
            return None
        left = at
        while left > 0 and tokens[left - 1].group()[-1:] not in ",;:":
            token = tokens[left - 1]
            if token.group() in self._lex.title_words or not self._name_word(
                doc, token.start(), token.group()
            ):
                break
            left -= 1
        right = at
        while right + 1 < len(tokens) and tokens[right].group()[-1:] not in ",;:.":
            token = tokens[right + 1]
            if not (
                self._name_word(doc, token.start(), token.group())
                or _short_acronym(token.group().strip(_EDGE))
            ):
                break
            right += 1
        run = self._trailing_run(doc, tokens[max(0, left - 1) : right + 1])
        if not run or run[0].start() > start:
            return None
        s, e = run[0].start(), run[-1].end()
        before = self._title_end.search(text, max(lo, s - 40), s)
        title = before["title"] if before else ""
        return self._name(before.start() if before else s, e, title, text[s:e].strip(_EDGE))

    def _names_between(self, doc: _Doc, start: int, end: int) -> list[_Mention]:
        """The persons named in ``text[start:end]``, in order."""
        text = doc.text
        found: list[_Mention] = []
        for match in doc.titled:
            if start <= match.start() < end:
                named = self._titled(doc, match)
                if named is not None:
                    found.append(named)
        for ps, pe in doc.persons:
            if start <= ps < end:
                named = self._classify(doc, ps, pe)
                if named is not None and named.kind == "name":
                    found.append(named)
        for match in self._cap_run.finditer(text, start, end):
            if match.start() and not _word_start(text, match.start()):
                continue
            before = text[max(0, match.start() - 30) : match.start()].split()
            head = before[-1].strip(_EDGE) if before else ""
            run: list[re.Match[str]] = []
            for token in [*_TOKEN.finditer(text, match.start(), match.end()), None]:
                if token is not None and (
                    token.group() not in self._lex.title_words
                    and self._name_word(doc, token.start(), token.group())
                ):
                    run.append(token)
                    continue
                if head in self._lex.jurisdiction_roles and len(run) >= 3:
                    run = run[1:]
                if len(run) >= 2 and head not in self._lex.non_person_heads:
                    s, e = run[0].start(), run[-1].end()
                    found.append(self._name(s, e, "", text[s:e].strip(_EDGE)))
                run = []
                head = token.group().strip(_EDGE) if token is not None else ""
        found.sort(key=lambda m: m.start)
        return found


def spaced(text: str, *, stops: bool = False) -> str:
    """``text`` with every character but ASCII letters and digits (and full stops, with
    ``stops``) made a space, one character for one."""
    table = _TITLE_BYTES if stops else _WORD_BYTES
    return text.encode("ascii", "replace").translate(table).decode("ascii")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip white space and punctuation at both ends, keeping balanced brackets."""
    while start < end and (text[start] in _EDGE + " \t" and text[start] != "("):
        start += 1
    while end > start and text[end - 1] in _EDGE + " \t.":
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        if text[end - 1] == "." and end - start >= 2 and text[end - 2].isupper():
            break  # an initial: "D."
        end -= 1
    if start < end and text[start] == "(" and text.find(")", start, end) < 0:
        start += 1
    return start, end


def _capital_beside(text: str, start: int, end: int) -> bool:
    """Whether the word before or after ``text[start:end]`` is capitalised (a longer name)."""
    before = text[max(0, start - 24) : start].split()
    after = text[end : end + 24].split()
    return bool(
        (before and before[-1][:1].isupper() and not before[-1].endswith(","))
        or (after and after[0][:1].isupper() and text[end : end + 1] not in ",.;:")
    )


def _has_letter(text: str, start: int, end: int) -> bool:
    return _LETTER.search(text, start, end) is not None


def _word_start(text: str, pos: int) -> bool:
    """Whether a word starts at ``pos`` (not inside ``Mi’raj``, ``TB`` or ``al-``)."""
    return not (text[pos - 1].isalnum() or text[pos - 1] in "'’-")


def _short_acronym(word: str) -> bool:
    return 2 <= len(word) <= 3 and word.isalpha() and word.isupper()

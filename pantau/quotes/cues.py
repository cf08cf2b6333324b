"""Cues: the speech verbs that attribute a quote (``kata``, ``katanya``, ``mengatakan``,
``menurut``), and indirect speech.

A direct quote is attributed by a cue after it (``“…,” kata X.``, ``“…,” ujarnya.``, ``“…,” X
menambahkan.``, ``“…,” demikian pernyataan X.``) or before it (``X mengatakan, “…”``, ``Kata X:
“…”``, ``Menurut X, “…”``). Indirect speech is a clause reported by a cue: ``X mengatakan
(bahwa) …``, ``menurut X, …``, ``…, kata X.``, sourceless ``dilaporkan (pula) bahwa …``; a
negated verb (``Pentagon tidak menyebutkan jumlah …``) is no quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from pantau.quotes.lexicon import SpeechLexicon, _alternation
from pantau.quotes.names import _has_letter, spaced
from pantau.quotes.records import _Cue, _Doc, _Hit, _Item, _Mention
from pantau.quotes.speakers import _SpeakerReader


class _CueReader(_SpeakerReader):
    """Find cue words, the speakers they name and the indirect quotes they report."""

    __slots__ = (
        "_blockers",
        "_content_lead",
        "_cues",
        "_passive_subject",
        "_sourceless_tail",
        "_tail_after",
        "_tail_clause",
    )

    def __init__(self, lex: SpeechLexicon) -> None:
        super().__init__(lex)
        cues = [
            *lex.after_verbs, *lex.clause_verbs, *lex.bahwa_verbs, *lex.sourceless,
            *lex.passive_after, *lex.according_to,
        ]  # fmt: skip
        # Whole words between spaces, over the text with every character but letters and digits
        # made a space (see names._NameReader): the automaton's root has one child.
        self._cues = ahocorasick.Automaton()
        for verb in cues:
            self._cues.add_word(f" {verb} ", (verb, 0))
            if verb in lex.after_verbs or verb in lex.according_to:
                self._cues.add_word(f" {verb}{lex.clitic} ", (verb, len(lex.clitic)))
        self._cues.make_automaton()
        adjunct = _alternation(lex.adjuncts)
        quote_chars = re.escape(self._mark_chars)
        bahwa = _alternation(lex.complementizers)
        self._tail_clause = re.compile(
            rf"(?:\s+(?:{adjunct})(?![\w-])[^{quote_chars}]{{0,80}}?)?\s*[,:]?\s*"
            rf"(?:(?:{bahwa})\s*[,:]?\s*)?",
            re.IGNORECASE,
        )
        self._tail_after = re.compile(rf"(?P<spk>[^,:{quote_chars}]*)[,:]\s*")
        weekday = _alternation(sorted(lex.weekdays))
        self._content_lead = re.compile(
            rf"\s*[,:]?(?:\s*(?:{adjunct})(?![\w-])(?:(?!(?:{bahwa})\b)[^,.{quote_chars}]){{0,80}}"
            rf"(?:,|(?=\s(?:{bahwa})\b)))*"
            rf"(?:\s*(?:{weekday})(?![\w-])[^,.{quote_chars}]{{0,30}},)?"
            rf"\s*(?P<bahwa>(?:{bahwa})(?![\w-])\s*[,:]?)?\s*",
            re.IGNORECASE,
        )
        self._sourceless_tail = re.compile(
            rf"(?:\s+(?:pula|juga|pun))?\s+(?:{bahwa})(?![\w-])\s*[,:]?\s*", re.IGNORECASE
        )
        self._passive_subject = re.compile(
            rf"\s*(?:{_alternation(sorted(lex.passive_subjects))})(?:\s+(?:juga|pun|pula))?\s*$",
            re.IGNORECASE,
        )
        self._blockers = lex.negation | {"yang", "untuk"}

    def _cue_hits(self, text: str) -> tuple[_Hit, ...]:
        """Every cue word of the text, whole words only, in order."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters grow when lowered ("İ")
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        n = len(text)
        hits = []
        for last, (verb, clitic) in self._cues.iter(f" {spaced(lowered)} "):
            end = last - 1  # the key ends with a space, and the string searched has one ahead
            start = end - len(verb) - clitic
            if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] in "-_"):
                continue
            if end < n and (lowered[end].isalnum() or lowered[end] in "-_"):
                continue
            hits.append(_Hit(start, end, verb, end - clitic if clitic else -1, lowered[start:end]))
        hits.sort(key=lambda h: h.start)
        return tuple(hits)

    def _after_cue(self, doc: _Doc, pos: int, limit: int) -> _Cue | None:
        """A cue right after a closing mark: ``, kata X``, ``ujarnya``, ``, X menambahkan``."""
        text, lex = doc.text, self._lex
        gap_start = pos
        while pos < limit and text[pos] in " \t,.!?…":
            pos += 1
        word_end = pos
        while word_end < limit and text[word_end].isalpha():
            word_end += 1
        if text[pos:word_end].lower() in lex.fillers:  # "“…,” demikian (kata) X"
            nxt = word_end
            while nxt < limit and text[nxt].isspace():
                nxt += 1
            follows = next(iter(doc.hits_in(nxt, nxt + 1)), None)
            if follows is None or follows.verb not in lex.after_verbs:
                found = self._after_region(doc, nxt, limit)
                if found is None:
                    return None
                return _Cue(text[pos:word_end].lower(), found[0], gap_start, found[1])
            pos = nxt
        for hit in doc.hits_in(pos, limit):
            verb = hit.verb
            if verb in lex.after_verbs and hit.start == pos:
                cue = self._cue_after_verb(doc, hit, limit)
                if cue is not None:
                    return cue
            if verb in lex.clause_verbs or verb in lex.bahwa_verbs:
                region = text[pos : hit.start]
                tail = text[hit.end : limit].strip()
                words = region.split()
                if not 0 < len(words) <= 8 or hit.clitic >= 0:
                    return None
                if (
                    tail
                    and tail[0] not in ".,;"
                    and tail.split()[0].lower() not in (lex.speaker_stops)
                ):
                    return None
                mention = self._before_region(doc, pos, hit.start, sentence_start=False)
                if mention is None:
                    return None
                return _Cue(verb, mention, gap_start, self._phrase_end(doc, hit.end, limit))
            return None
        return None

    def _cue_after_verb(self, doc: _Doc, hit: _Hit, limit: int) -> _Cue | None:
        """``kata X …`` / ``katanya``: the speaker follows the verb (or is its clitic)."""
        lex = self._lex
        verb = hit.verb
        if hit.clitic >= 0:
            mention = hit.pronoun(doc.text)
            end = self._phrase_end(doc, hit.end, limit)
            return _Cue(hit.written, mention, hit.start, end)
        found = self._after_region(doc, hit.end, limit)
        if found is None:
            return None
        mention, end = found
        if verb in lex.ambiguous_after and not self._role_ok(mention, strict=True):
            return None
        return _Cue(verb, mention, hit.start, end)

    def _before_cue(self, doc: _Doc, anchor: int, open_at: int) -> _Cue | None:
        """A cue before an opening mark: ``X mengatakan, “``, ``Kata X: “``, ``Menurut X, “``."""
        text, lex = doc.text, self._lex
        for hit in reversed(list(doc.hits_in(anchor, open_at))):
            verb = hit.verb
            if verb in lex.clause_verbs or verb in lex.bahwa_verbs:
                if hit.clitic >= 0 or not self._tail_clause.fullmatch(text, hit.end, open_at):
                    return None
                if self._negated(doc, anchor, hit.start):
                    return None
                sentence_start = anchor == doc.sentences[doc.sentence_of(anchor)][0]
                mention = self._before_region(doc, anchor, hit.start, sentence_start)
                return _Cue(verb, mention, anchor, open_at) if mention else None
            if verb in lex.after_verbs or verb in lex.according_to:
                tail = self._tail_after.fullmatch(text, hit.end, open_at)
                if tail is None:
                    return None
                if hit.clitic >= 0:
                    mention = hit.pronoun(doc.text)
                    return _Cue(hit.written, mention, hit.start, open_at)
                found = self._after_region(doc, hit.end, tail.end("spk"))
                if found is None:
                    return None
                return _Cue(verb, found[0], hit.start, open_at)
            return None
        return None

    def _negated(self, doc: _Doc, start: int, verb_start: int) -> bool:
        """Whether the word before the verb negates it or makes it a relative clause."""
        words = doc.text[max(start, verb_start - 20) : verb_start].split()
        return bool(words) and words[-1].lower() in self._blockers

    # ------------------------------------------------------------------ indirect speech

    def _indirect(self, doc: _Doc) -> Iterator[_Item]:
        text = doc.text
        for si, (a, b) in enumerate(doc.sentences):
            if not doc.any_hit_in(a, b):
                continue
            hits = [h for h in doc.hits_in(a, b) if not doc.masked(h.start)]
            if not hits:
                continue
            content_end = b
            while content_end > a and text[content_end - 1] in " \t.!?…":
                content_end -= 1
            para = doc.paragraphs[si]
            item = (  # the first reading that fits (an _Item, a non-empty tuple, is true)
                self._attribution(doc, hits, a, b, si, para)
                or self._sourceless(doc, hits, content_end, si, para)
                or self._trailing_cue(doc, hits, a, b, si, para)
                or self._leading_cue(doc, hits, a, content_end, si, para)
            )
            if item is not None:
                yield item

    def _attribution(
        self, doc: _Doc, hits: list[_Hit], a: int, b: int, si: int, para: int
    ) -> _Item | None:
        """``Hal itu disampaikan X …``: names the speaker of the quotes before it."""
        hit = hits[0]
        if hit.verb not in self._lex.passive_after:
            return None
        if not self._passive_subject.fullmatch(doc.text, a, hit.start):
            return None
        pos = hit.end
        if doc.text.startswith(" oleh ", pos):
            pos += 5
        found = self._after_region(doc, pos, b)
        if found is None:
            return None
        return _Item("attribution", a, b, si, para, hit.verb, found[0])

    def _sourceless(
        self, doc: _Doc, hits: list[_Hit], end: int, si: int, para: int
    ) -> _Item | None:
        """``Dilaporkan pula bahwa …``: reported without a source."""
        for hit in hits:
            if hit.verb in self._lex.sourceless and hit.clitic < 0:
                tail = self._sourceless_tail.match(doc.text, hit.end, end)
                if tail and tail.end() < end:
                    verb = hit.verb
                    return _Item("indirect", tail.end(), end, si, para, verb, None, "sourceless")
        return None

    def _trailing_cue(
        self, doc: _Doc, hits: list[_Hit], a: int, b: int, si: int, para: int
    ) -> _Item | None:
        """``…, kata X.`` / ``…, katanya.`` / ``…, menurut X.``: the clause comes first."""
        text, lex = doc.text, self._lex
        for hit in reversed(hits):
            verb = hit.verb
            if verb not in lex.after_verbs and verb not in lex.according_to:
                continue
            comma = text.rfind(",", a, hit.start)
            if comma < 0 or text[comma + 1 : hit.start].strip():
                continue
            if doc.masked(comma - 1):
                continue  # the attribution of a direct quote
            end = comma
            while end > a and text[end - 1].isspace():
                end -= 1
            if end <= a or text[a] in self._mark_chars:
                continue
            if hit.clitic >= 0:
                mention = hit.pronoun(doc.text)
                full = hit.written
            else:
                found = self._after_region(doc, hit.end, b)
                if found is None:
                    continue
                mention, full = found[0], verb
                if verb in lex.ambiguous_after and not self._role_ok(mention, strict=True):
                    continue
            return _Item("indirect", a, end, si, para, full, mention)
        return None

    def _leading_cue(
        self, doc: _Doc, hits: list[_Hit], a: int, end: int, si: int, para: int
    ) -> _Item | None:
        """``X mengatakan (bahwa) …`` / ``Menurut X, …``: the speaker comes first."""
        text, lex = doc.text, self._lex
        marks = self._mark_chars
        for hit in hits:
            verb = hit.verb
            if verb in lex.according_to or (
                verb in lex.after_verbs and not text[a : hit.start].strip(" \t,")
            ):
                lead = text[a : hit.start].strip(" \t,")
                if lead and not self._leading_phrase(lead):
                    continue
                comma = text.find(",", hit.end, end)
                if comma < 0:
                    continue
                if hit.clitic >= 0:
                    mention: _Mention | None = hit.pronoun(text)
                    stop = comma
                else:
                    found = self._after_region(doc, hit.end, end)
                    if found is None:
                        continue
                    mention, stop = found
                    comma = text.find(",", stop, end)
                    if comma < 0:
                        continue
                start = comma + 1
                while start < end and text[start].isspace():
                    start += 1
                if start >= end or text[start] in marks or mention is None:
                    continue
                full = hit.written
                return _Item("indirect", start, end, si, para, full, mention)
            if (verb not in lex.clause_verbs and verb not in lex.bahwa_verbs) or hit.clitic >= 0:
                continue
            if self._negated(doc, a, hit.start):
                continue
            opening = self._content_lead.match(text, hit.end, end)
            if opening is None or (verb in lex.bahwa_verbs and not opening["bahwa"]):
                continue
            start = opening.end()
            if start >= end or text[start] in marks or not _has_letter(text, start, end):
                continue
            anchor = max(a, doc.mask_end_before(hit.start))
            mention = self._before_region(doc, anchor, hit.start, anchor == a)
            if mention is None:
                continue
            return _Item("indirect", start, end, si, para, verb, mention)
        return None

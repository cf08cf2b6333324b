"""According to whom: the claim source of an event, as written in the article.

First rule that holds:

1. an unnamed reporting body (``Kelompok aktivis melaporkan …``): ``reported``;
2. the speaker of the quote (direct or indirect) that holds the trigger (``… kata Kapten
   Davis``, ``Polri membantah …``; ``kementerian tersebut`` is the ministry named before):
   ``speaker``;
3. the subject of the verb of speech whose clause holds the trigger (``SAF mengumumkan telah
   merebut …``): ``speaker``;
4. the source of a condemnation, demand or threat that speaks for itself (``AJI mengecam``,
   ``KontraS mendesak``) — not a country, a government or a group as a whole, which the
   outlet reports (``Kolombia menuding``, ``Pemerintah Indonesia mendesak``), nor an act
   of the lexicon's ``act`` entries (``memanggil duta besar``, ``merekomendasikan``):
   ``speaker``;
5. else the outlet (the extractor's fallback: the original outlet first).

A commitment or declaration announced by its own author (``Hamas menyatakan menerima
proposal``) is the event itself: the outlet reports it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pantau.article import Article, Entity, Quote
from pantau.events.clauses import Clause, Grammar, SentenceView
from pantau.events.lexicon import TriggerMatch
from pantau.events.modality import Reading
from pantau.events.patterns import Patterns
from pantau.events.roles import Roles
from pantau.events.text import PhraseSet

__all__ = ["Claims"]

_CONNECTORS = frozenset(
    {"namun", "sementara", "itu", "selain", "di", "sisi", "lain", "tempat", "kemudian", "lalu"}
)


class Claims:
    def __init__(self, patterns: Patterns, grammar: Grammar) -> None:
        c = patterns.claims
        self.grammar = grammar
        self.self_claim = frozenset(p[0].upper() for p in c["self_claim_types"].phrases)
        self.outlet_types = frozenset(p[0] for p in c["outlet_actor_types"].phrases)
        self.outlet_prefixes: PhraseSet = c["outlet_prefixes"]
        self.announced = frozenset(p[0].upper() for p in c["announced_types"].phrases)
        self.demonstratives: PhraseSet = patterns.grammar["demonstratives"]

    def find(
        self,
        article: Article,
        view: SentenceView,
        match: TriggerMatch,
        clause: Clause,
        roles: Roles,
        reading: Reading,
        type_: str,
        quotes: Sequence[Quote],
        entities: Sequence[Entity],
        *,
        act: bool = False,
    ) -> tuple[str, str] | None:
        """The claim source as written and its kind (``speaker``/``reported``), else ``None``:
        the outlet claims it."""
        tokens = view.tokens
        if reading.reporter is not None:
            i, j = reading.reporter
            return article.text[tokens[i].start : tokens[j - 1].end], "reported"
        for q in quotes:
            if q.speaker and q.start <= match.start < q.end:
                speaker = self._resolve(article, q)
                if speaker is None:
                    continue
                if type_ in self.announced and q.speaker_actor in {
                    p.actor.actor_id for p in roles.sources
                }:
                    return None
                return speaker, "speaker"
        if clause.kind == "complement" and clause.opener is not None:
            text = self._subject_text(article, view, clause.opener)
            if text:
                if type_ in self.announced and self._is_source(view, clause.opener, roles):
                    return None
                return text, "speaker"
        if (
            type_ in self.self_claim
            and not act
            and roles.sources
            and roles.sources[0].how == "own"
            and view.tokens[clause.start].low in ("ia", "dia", "beliau")
            and roles.sources[0].actor.text
        ):  # "Ia juga menyerukan …": whoever "Ia" stands for, as written before
            return roles.sources[0].actor.text, "speaker"
        if type_ in self.self_claim and not act and roles.sources and roles.sources[0].named:
            start = clause.start
            if clause.kind == "coordinate" and clause.opener is not None:
                start = self.grammar.clause(view, clause.opener, clause.opener + 1).start
            first = self.grammar.first_verb(view, start, match.i + 1)  # "… dan meminta …": the
            lo, hi = self._subject_span(view, start, min(first, match.i))  # first verb's subject
            if lo < hi:
                person = any(
                    e.label == "PER" and tokens[lo].start <= e.start < tokens[hi - 1].end
                    for e in entities
                ) or any(lo <= i < hi and m.actor.type == "person" for i, _, m in view.mentions)
                actor = roles.sources[0].actor
                group = actor.type in self.outlet_types or self.outlet_prefixes.match_at(tokens, lo)
                # a body named with its acronym speaks for itself: "Serikat Pekerja … (SPKA)"
                named = hi - lo > 3 and tokens[hi - 1].low == ")" and tokens[hi - 2].text.isupper()
                if person or not group or named:
                    return article.text[tokens[lo].start : tokens[hi - 1].end], "speaker"
        return None

    def _resolve(self, article: Article, quote: Quote) -> str | None:
        """The speaker as written; ``kementerian tersebut`` → the ministry named before."""
        speaker = quote.speaker or ""
        words = speaker.split()
        if not words:
            return None
        if words[-1].casefold() in ("itu", "tersebut", "ini"):
            if len(words) == 1:
                return None
            head = words[0].casefold()
            before = quote.speaker_start if quote.speaker_start is not None else quote.start
            best = None
            for m in article.actors:
                if m.start >= before:
                    break
                if m.text.split()[0].casefold() == head:
                    best = m.text
            return best
        return speaker

    def _subject_text(self, article: Article, view: SentenceView, opener: int) -> str | None:
        outer = self.grammar.clause(view, opener, opener + 1)
        lo, hi = self._subject_span(view, outer.start, opener)
        if lo >= hi:
            return None
        if not any(lo <= i < hi for i, _, _ in view.mentions) and not any(
            t.capitalised for t in view.tokens[lo:hi]
        ):
            return None
        return article.text[view.tokens[lo].start : view.tokens[hi - 1].end]

    def _subject_span(self, view: SentenceView, lo: int, hi: int) -> tuple[int, int]:
        tokens = view.tokens
        for k in range(hi - 1, lo - 1, -1):
            if tokens[k].low == "," and all(
                t.low in _CONNECTORS or not t.is_word for t in tokens[lo:k]
            ):
                lo = k + 1
                break
        while lo < hi and (not tokens[lo].is_word or tokens[lo].low in _CONNECTORS):
            lo += 1
        while hi > lo and (self.grammar.is_auxiliary(tokens[hi - 1]) or not tokens[hi - 1].is_word):
            if tokens[hi - 1].low == ")":
                break
            hi -= 1
        return lo, hi

    def _is_source(self, view: SentenceView, opener: int, roles: Roles) -> bool:
        outer = self.grammar.clause(view, opener, opener + 1)
        names = {p.actor.name for p in roles.sources}
        return any(outer.start <= i < opener and m.actor.name in names for i, _, m in view.mentions)

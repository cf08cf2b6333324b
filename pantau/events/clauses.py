"""One sentence seen by the extractor: tokens, verbs, actor mentions, places, dates and clauses.

Indonesian clauses are read with a handful of cues rather than a parser. A clause starts after
a subordinator (``setelah``, ``saat`` …), a conjunction of purpose or condition (``untuk``,
``jika``), a verb of speech (``mengatakan``, ``menyebut`` …, then ``bahwa``) or a coordinated
verb (``… dan telah menangkap``); it ends before the next such cue or an attribution
(``, kata …``). Its *subject* is what stands before its first verb: words with a verbal prefix
(``me-``, ``di-``, ``ber-``, ``ter-``) or a bare verb of the patterns (``tewas``, ``gugur``),
except a verb inside a relative clause (``yang didukung``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice, repeat
from operator import attrgetter, or_
from typing import Any, Literal, Protocol, TypeVar

from pantau.article import ActorMention, Article, DateMention, Place
from pantau.events.patterns import Patterns
from pantau.events.text import PhraseSet, Token, Tokens, low_words, tokenize, tokenize_spans

__all__ = ["Clause", "Grammar", "SentenceView"]

ClauseKind = Literal["main", "complement", "coordinate", "subordinate", "purpose", "condition"]
_NEVER, _VERB, _SPEECH = 0, 1, 2
_UNKNOWN = -1  # a word not yet in the cache of verb kinds
_NAME_OPENERS = ('"', "“", "(", ".")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\Z")
_CACHE_SIZE = 50_000
_CLOSE = frozenset({",", ";", ":", '"', "“", "”", "(", ")", "–", "—", "-"})
_FIRST_VERB_MARKS = _CLOSE | {"(", ")", "yang"}
"""The words :meth:`Grammar.first_verb` reads besides verbs."""
_ATTRIBUTION_AFTER = frozenset({",", '"', "”"})
"""What may stand right before a closing attribution."""
_start_of = attrgetter("start")


class _Spanned(Protocol):
    """What has a span in the text (an actor mention, a place, a date)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Spanned)


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens ``[start, end)`` of a clause, what opened it and the token of its opener."""

    start: int
    end: int
    kind: ClauseKind
    opener: int | None = None
    """Index of the word that opened the clause (the speech verb, ``setelah``, ``dan`` …)."""


@dataclass(slots=True)
class SentenceView:
    """A sentence of the article with its layers mapped onto token indices.

    The verbs, actor mentions and dates are mapped when first asked for: most sentences
    hold no trigger, and nothing reads those of most such sentences.
    """

    index: int
    start: int
    end: int
    tokens: Tokens
    places: list[tuple[int, int, Place]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)
    _clauses: dict[tuple[int, int], Clause] = field(default_factory=dict)
    _attribution: int | None = None
    _layers: _Layers | None = None
    """The article's actors and dates, for mapping them (``None``: the sentence has none)."""
    _verb_reader: Callable[[Sequence[Token]], list[bool]] | None = None
    """What tells the verbs of the tokens (``None``: no token is a verb)."""
    _verbs: list[bool] | None = None
    _mentions: list[tuple[int, int, ActorMention]] | None = None
    _dates: list[tuple[int, int, DateMention]] | None = None

    @property
    def verbs(self) -> list[bool]:
        """Whether each token is a verb of a clause (not inside a name)."""
        if self._verbs is None:
            self._verbs, self._mentions = self._map_actors()
        return self._verbs

    @property
    def mentions(self) -> list[tuple[int, int, ActorMention]]:
        """The actor mentions of the sentence as token ranges, in text order."""
        if self._mentions is None:
            self._verbs, self._mentions = self._map_actors()
        return self._mentions

    @property
    def dates(self) -> list[tuple[int, int, DateMention]]:
        """The date mentions of the sentence as token ranges, in text order."""
        if self._dates is None:
            found = self._layers.dates.within(self.start, self.end) if self._layers else []
            self._dates = self.spans(found) if found else []
        return self._dates

    def _map_actors(
        self,
    ) -> tuple[list[bool], list[tuple[int, int, ActorMention]]]:
        tokens = self.tokens
        reader = self._verb_reader
        verbs = reader(tokens) if reader is not None else [False] * len(tokens)
        found = self._layers.actors.within(self.start, self.end) if self._layers else []
        mentions = self.spans(found) if found else []
        for i, j, m in mentions:
            backer = m.role in ("pendukung",)
            for k in range(i, j):  # "Menlu RI", "yang didukung oleh …": no verb of the clause
                if verbs[k] and (backer or tokens[k].capitalised):
                    verbs[k] = False
        return verbs, mentions

    def token_at(self, offset: int) -> int:
        """Index of the token that holds (or follows) character ``offset``."""
        return (
            bisect.bisect_right(self._starts, offset) - 1 if offset < self.end else len(self.tokens)
        )

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token range ``[i, j)`` covering characters ``[start, end)``."""
        i = max(0, bisect.bisect_left(self._ends, start + 1))
        j = bisect.bisect_left(self._starts, end)
        return i, max(i + 1, j)

    def spans(self, items: Sequence[_T]) -> list[tuple[int, int, _T]]:
        """``(i, j, item)`` for each item, ``(i, j)`` its :meth:`span` (one call for a layer)."""
        starts, ends = self._starts, self._ends
        out = []
        for x in items:
            i = max(0, bisect.bisect_left(ends, x.start + 1))
            out.append((i, max(i + 1, bisect.bisect_left(starts, x.end)), x))
        return out

    def text(self, i: int, j: int) -> str:
        if i >= j:
            return ""
        return " ".join(t.text for t in self.tokens[i:j])


class _Layer:
    """Items of one layer of the article (actors, places or dates) sorted by start."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = sorted(items, key=_start_of)
        self.starts = [x.start for x in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        """The items that start in ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        return self.items[lo : bisect.bisect_left(self.starts, end, lo)]


class _Layers:
    """The article's actors, places and dates, for slicing by sentence."""

    def __init__(self, article: Article) -> None:
        self.actors = _Layer(article.actors)
        self.places = _Layer(article.places)
        self.dates = _Layer(article.dates)


class Grammar:
    """Clause cues of the patterns, compiled once."""

    def __init__(self, patterns: Patterns, verb_forms: frozenset[str]) -> None:
        g = patterns.grammar
        self.speech: PhraseSet = g["speech_verbs"]
        self.attribution: PhraseSet = g["attribution"]
        self.subordinators: PhraseSet = g["subordinators"]
        self.purpose: PhraseSet = g["purpose"]
        self.conditional: PhraseSet = g["conditional"]
        self.coordinators: PhraseSet = g["coordinators"]
        self.prepositions: PhraseSet = g["prepositions"]
        self.auxiliaries: PhraseSet = g["auxiliaries"]
        self.non_verbs: PhraseSet = g["non_verbs"]
        self.bare_verbs: PhraseSet = g["bare_verbs"]
        self.reported: PhraseSet = patterns.modality["reported"]
        self._non_verbs = frozenset(p[0] for p in self.non_verbs.phrases if len(p) == 1)
        self._bare = frozenset(p[0] for p in self.bare_verbs.phrases if len(p) == 1)
        self.preposition_words = frozenset(p[0] for p in self.prepositions.phrases if len(p) == 1)
        """The one-word prepositions (:meth:`is_preposition`)."""
        self._aux = frozenset(p[0] for p in self.auxiliaries.phrases if len(p) == 1)
        self._verb_forms = verb_forms
        self._cue_first = frozenset(
            p[0]
            for cues in (self.subordinators, self.conditional, self.purpose)
            for p in cues.phrases
        )
        self._end_marks = self._cue_first | {";", ",", "dan", "serta"}
        """The words at which :meth:`_clause_end` may end a clause."""
        self._contrastive = frozenset(p[0] for p in g["contrastive"].phrases if len(p) == 1)
        self._report_nouns = frozenset(p[0] for p in g["report_nouns"].phrases if len(p) == 1)
        self._clause_cues = frozenset(
            {";", "bahwa", "dan", "serta"}
            | self._contrastive
            | self.subordinators.lasts
            | self.conditional.lasts
            | self.purpose.lasts
            | self.speech.lasts
        )
        """Last words of what may open a clause (:meth:`_clause` skips other words)."""
        self._folds: dict[str, str] = {}
        """Folded form by word, for :func:`tokenize` (bounded: cleared when full)."""
        self._verb_kinds: dict[str, int] = {}
        """What :meth:`_is_verb` makes of a folded word alone (see :meth:`_verb_kind`)."""

    # -- the sentence ------------------------------------------------------------------------

    def view(self, article: Article, index: int) -> SentenceView:
        """One sentence of ``article`` with its layers (see :meth:`views` for all of them)."""
        sentence = article.sentences[index]
        tokens = tokenize(article.text, sentence.start, sentence.end, folds=self._fold_cache())
        return self._view(article, index, tokens, _Layers(article))

    def views(self, article: Article) -> list[SentenceView]:
        """Every sentence of ``article``, in order."""
        layers = _Layers(article)
        spans = [(s.start, s.end) for s in article.sentences]
        every = tokenize_spans(article.text, spans, folds=self._fold_cache())
        return [self._view(article, index, tokens, layers) for index, tokens in enumerate(every)]

    def _fold_cache(self) -> dict[str, str]:
        if len(self._folds) > _CACHE_SIZE:
            self._folds.clear()
        return self._folds

    def _view(self, article: Article, index: int, tokens: Tokens, layers: _Layers) -> SentenceView:
        sentence = article.sentences[index]
        view = SentenceView(
            index,
            sentence.start,
            sentence.end,
            tokens,
            _starts=tokens.starts,
            _ends=tokens.ends,
            _layers=layers,
            _verb_reader=self._verbs,
        )
        places = layers.places.within(sentence.start, sentence.end)
        if places:  # (most sentences name no place)
            view.places = view.spans(places)
        return view

    def _verbs(self, tokens: Sequence[Token]) -> list[bool]:
        """``[self._is_verb(tokens, k) for k in range(len(tokens))]``, with the word-only
        part of the test cached by folded word (most words are never verbs: only the others
        are looked at one by one)."""
        cache = self._verb_kinds
        if len(cache) > _CACHE_SIZE:
            cache.clear()
        lows = low_words(tokens)
        kinds = list(map(cache.get, lows, repeat(_UNKNOWN)))
        if _UNKNOWN in kinds:
            for k, kind in enumerate(kinds):
                if kind == _UNKNOWN:
                    kinds[k] = cache[lows[k]] = self._verb_kind(lows[k])
        speech = self.speech.match_at
        out = [False] * len(tokens)
        for k in compress(range(len(kinds)), kinds):  # _NEVER is 0
            if k > 0 and tokens[k].text[0].isupper() and lows[k - 1] not in _NAME_OPENERS:
                continue  # a name in the middle of a sentence
            out[k] = kinds[k] == _VERB or bool(speech(tokens, k))
        return out

    def _verb_kind(self, low: str) -> int:
        """:meth:`_is_verb` for the folded word ``low`` outside a name: never a verb, a verb,
        or a verb only if a speech verb phrase starts there."""
        if not low[0].isalnum() or _NUMBER.match(low) or low in self._non_verbs:
            return _NEVER
        if low in self._bare or low in self._verb_forms:
            return _VERB
        if len(low) < 5:
            prefixed = False
        elif low.startswith("me"):
            prefixed = low.startswith(("mem", "men", "meng", "meny")) or low[2] in "lrwy"
        else:
            prefixed = low.startswith(("di", "ber", "ter"))
        if prefixed:
            return _VERB
        return _SPEECH if self.speech.starts_with(low) else _NEVER

    def _is_verb(self, tokens: Sequence[Token], k: int) -> bool:
        token = tokens[k]
        low = token.low
        if not token.is_word or token.is_number or low in self._non_verbs:
            return False
        if k > 0 and token.capitalised and tokens[k - 1].low not in ('"', "“", "(", "."):
            return False  # a name in the middle of a sentence
        if low in self._bare or low in self._verb_forms:
            return True
        if self.speech.match_at(tokens, k):
            return True
        if len(low) < 5:
            return False
        if low.startswith(
            "me"
        ):  # meN- assimilates: mem-, men-, meng-, meny-, or me- before l r w y
            return low.startswith(("mem", "men", "meng", "meny")) or low[2] in "lrwy"
        return low.startswith(("di", "ber", "ter"))

    def is_preposition(self, token: Token) -> bool:
        return token.low in self.preposition_words

    def is_auxiliary(self, token: Token) -> bool:
        return token.low in self._aux

    # -- clauses -----------------------------------------------------------------------------

    def clause(self, view: SentenceView, i: int, j: int) -> Clause:
        """The clause that holds tokens ``[i, j)`` (a trigger)."""
        cached = view._clauses.get((i, j))
        if cached is None:
            cached = view._clauses[(i, j)] = self._clause(view, i, j)
        return cached

    def _clause(self, view: SentenceView, i: int, j: int) -> Clause:
        tokens = view.tokens
        start, opener = 0, None
        kind: ClauseKind = "main"
        lows = tokens.lows
        cues = self._clause_cues
        k = i - 1
        while k >= 0:
            low = lows[k]
            if low not in cues:
                k -= 1  # no cue ends with this word
                continue
            if low == ";" or (low in self._contrastive and k > 0 and lows[k - 1] == ","):
                start, kind = k + 1, "main"
                break
            sub = (
                self.subordinators.ends_at(tokens, k + 1)
                and not self._time_adverb(tokens, k)
                and not self._date_follows(view, k + 1)
            )
            if tokens[k].low == "bahwa":
                verb = self._reporting_before(view, k)
                if verb is not None:  # "melaporkan bahwa …", "Dilaporkan pula bahwa …"
                    start, kind, opener = k + 1, "complement", verb
                    break
            if sub or self.conditional.ends_at(tokens, k + 1):
                comma = self._fronted_comma(tokens, k, i)
                if (
                    comma is not None
                ):  # "Jika X, [Y]" / "Sejak 7 Oktober, [Y]": Y is the main clause
                    start, kind = comma + 1, "main"
                    break
                start, kind, opener = k + 1, ("subordinate" if sub else "condition"), k
                break
            if self.purpose.ends_at(tokens, k + 1) and k + 1 < len(tokens) and view.verbs[k + 1]:
                start, kind, opener = k + 1, "purpose", k
                break
            if (
                view.verbs[k]
                and self.speech.ends_at(tokens, k + 1)
                and not self._quote_verb_after(view, k)
            ):
                start, kind, opener = k + 1, "complement", k
                break
            if low in ("dan", "serta") and self._verb_follows(view, k + 1, i):
                start, kind, opener = k + 1, "coordinate", k
                if k > 0 and self.clause(view, k - 1, k).kind == "purpose":
                    kind = "purpose"  # "untuk melindungi … dan membuka …": still the purpose
                break
            k -= 1
        end = self._clause_end(view, j)
        if (
            opener is not None
            and kind in ("subordinate", "condition")
            and self._is_fronted(tokens, opener)
        ):
            for k in range(j, end):
                if tokens[k].low == ",":
                    end = k
                    break
        return Clause(start, end, kind, opener)

    def _reporting_before(self, view: SentenceView, k: int) -> int | None:
        """A verb of speech or report right before ``bahwa`` (auxiliaries may stand between)."""
        tokens = view.tokens
        m = k - 1
        while m >= 0 and k - m <= 3:
            if self.speech.ends_at(tokens, m + 1, 0) is not None or self.reported.match_at(
                tokens, m
            ):
                return m
            if not self.is_auxiliary(tokens[m]) and tokens[m].low not in self._report_nouns:
                return None
            m -= 1
        return None

    def _date_follows(self, view: SentenceView, k: int) -> bool:
        """``sejak Minggu (9/6)``, ``sebelum 2019``: a preposition before a date, no clause."""
        for i, _, _ in view.dates:  # noqa: SIM110 (a loop, not any(): no generator made)
            if i == k:
                return True
        return False

    def _time_adverb(self, tokens: Sequence[Token], k: int) -> bool:
        """``saat ini``, ``saat itu``: adverbs of time, not subordinators."""
        return k + 1 < len(tokens) and tokens[k + 1].low in ("ini", "itu")

    def _is_fronted(self, tokens: Sequence[Token], k: int) -> bool:
        for low in low_words(tokens)[:k]:  # noqa: SIM110 (a loop, not all(): no generator)
            if low[0].isalnum():  # Token.is_word
                return False
        return True

    def _fronted_comma(self, tokens: Sequence[Token], k: int, i: int) -> int | None:
        """The comma that closes a sentence-initial subordinate clause before token ``i``."""
        if not self._is_fronted(tokens, k):
            return None
        depth = 0
        for c in range(k + 1, i):
            low = tokens[c].low
            if low == "(":
                depth += 1
            elif low == ")":
                depth = max(0, depth - 1)
            elif low == "," and depth == 0:
                return c
        return None

    def _quote_verb_after(self, view: SentenceView, k: int) -> bool:
        """``…," kata X`` / ``…, ujar X``: an attribution closes a sentence; it opens no clause."""
        return (
            k > 0
            and view.tokens[k - 1].low in (",", '"', "”")
            and bool(self.attribution.match_at(view.tokens, k))
        )

    def _verb_follows(self, view: SentenceView, k: int, limit: int) -> bool:
        """Only auxiliaries between ``k`` and a verb at or before ``limit`` (the trigger)."""
        while k <= limit and k < len(view.tokens):
            if view.verbs[k] or k == limit:
                return True
            if not self.is_auxiliary(view.tokens[k]):
                return False
            k += 1
        return False

    def _clause_end(self, view: SentenceView, j: int) -> int:
        tokens = view.tokens
        lows = tokens.lows
        # only the words that may end a clause are visited (picked without a Python step each)
        for k in compress(range(j, len(lows)), map(self._end_marks.__contains__, lows[j:])):
            low = lows[k]
            if low == ";":
                return k
            if low == "," and k + 1 < len(tokens) and self.attribution.match_at(tokens, k + 1):
                return k
            if low in self._cue_first:  # else no subordinator, condition or purpose starts here
                if (
                    self.subordinators.match_at(tokens, k)
                    and not self._time_adverb(tokens, k)
                    and not self._date_follows(view, k + 1)
                ) or self.conditional.match_at(tokens, k):
                    return k
                if self.purpose.match_at(tokens, k) and k + 1 < len(tokens) and view.verbs[k + 1]:
                    return k
            if (
                low in ("dan", "serta")
                and k + 1 < len(tokens)
                and self._verb_follows(view, k + 1, k + 4)
            ):
                return k
        return len(tokens)

    def first_verb(self, view: SentenceView, start: int, end: int) -> int:
        """The clause's first verb outside a relative clause or parentheses (``end``: none)."""
        depth = 0
        relative = False
        lows, verbs = view.tokens.lows, view.verbs
        # only the verbs and the words that open or close a bracket or relative clause count:
        # they are picked without a Python step per word
        marks = map(or_, verbs[start:end], map(_FIRST_VERB_MARKS.__contains__, lows[start:end]))
        for k in compress(range(start, end), marks):
            low = lows[k]
            if low == "(":
                depth += 1
            elif low == ")":
                depth = max(0, depth - 1)
            elif low == "yang":
                relative = True
            elif low in _CLOSE:
                relative = False
            elif depth == 0 and verbs[k]:
                if relative:
                    continue
                return k
        return end

    def attribution_start(self, view: SentenceView) -> int:
        """Start of a closing attribution (``, kata Hamdan …``, ``menurut …``), else the end."""
        if view._attribution is None:
            view._attribution = self._attribution_start(view.tokens)
        return view._attribution

    def _attribution_start(self, tokens: Sequence[Token]) -> int:
        lows = low_words(tokens)
        firsts = self.attribution.firsts
        # from the end, the words an attribution may start at (picked without a Python step each)
        at = list(compress(range(1, len(lows)), map(firsts.__contains__, islice(lows, 1, None))))
        for k in reversed(at):
            if lows[k - 1] in _ATTRIBUTION_AFTER and self.attribution.match_at(tokens, k):
                return k - 1
        return len(tokens)

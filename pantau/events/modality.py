"""Whether an event is a fact, and whether it is news: modality and background.

Modality, first rule that holds:

1. a THREATEN event is ``threatened``;
2. ``denied`` when the trigger lies in the clause a denial verb opens (``membantah``,
   ``menepis`` … up to a new verb of speech: ``… dan menyebut``) or a negation stands right
   before it (``belum menyepakati``, ``tidak ada penangkapan``);
3. AGREE and CONCEDE stay ``asserted``: the commitment is the event;
4. ``hypothetical`` inside a condition (``jika``, ``apabila`` …) or after a modal of
   possibility (``dapat``, ``bisa``, ``mungkin``) that a condition follows;
5. ``planned`` after a cue of intent close before the trigger (``akan``, ``berencana``,
   ``merencanakan``, ``rencana`` …);
6. ``reported`` after ``dilaporkan``, ``kabarnya`` … or in what an unnamed body reports
   (``kelompok aktivis melaporkan``);
7. else ``asserted``.

Background (the event is older than the article's news): a cue before the trigger in its
sentence or right after it in its clause (``sejak``, ``sebelumnya`` — not ``sehari
sebelumnya`` —, ``tahun lalu``, ``peringatan``), or a date well before publication (see
:meth:`ModalityReader.old`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pantau.article import Modality
from pantau.events.clauses import Clause, Grammar, SentenceView
from pantau.events.lexicon import TriggerMatch
from pantau.events.patterns import Patterns
from pantau.events.text import PhraseSet, first_word

__all__ = ["ModalityReader", "Reading"]

_OWN_ACTS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})
"""Statements a denier makes in its own name after the denial (``… dan menuding …``)."""


@dataclass(frozen=True, slots=True)
class Reading:
    modality: Modality
    future: bool
    """A cue of intent or schedule precedes the trigger (``akan``, ``dijadwalkan``)."""
    reporter: tuple[int, int] | None = None
    """Tokens of the unnamed reporting body (``Kelompok aktivis``), when there is one."""


class ModalityReader:
    def __init__(self, patterns: Patterns, grammar: Grammar) -> None:
        m, b = patterns.modality, patterns.background
        self.grammar = grammar
        self.deny_verbs: PhraseSet = m["deny_verbs"]
        self.negations: PhraseSet = m["negations"]
        self.planned: PhraseSet = m["planned"]
        self.hypothetical: PhraseSet = m["hypothetical"]
        self.conditional: PhraseSet = m["conditional"]
        self.reported: PhraseSet = m["reported"]
        self.reporters: PhraseSet = m["reporters"]
        self.report_verbs: PhraseSet = m["report_verbs"]
        self.commitments = frozenset(p[0].upper() for p in m["commitments"].phrases)
        self.future_cues: PhraseSet = m["future_cues"]
        self.background_cues: PhraseSet = b["cues"]
        self.not_after: PhraseSet = b["not_after"]
        self.days: int = b["days"]
        self.subordinate_days: int = b["subordinate_days"]

    def read(self, view: SentenceView, match: TriggerMatch, clause: Clause, type_: str) -> Reading:
        tokens = view.tokens
        future = self._close_before(view, match.i, self.future_cues, clause.start, reach=4)
        reporter = self._reporter(view, clause)
        if type_ == "THREATEN":
            return Reading("threatened", future, reporter)
        if self._denied(view, match, clause, type_):
            return Reading("denied", future, reporter)
        if type_ in self.commitments:
            return Reading("asserted", future, reporter)
        if clause.kind == "condition":
            return Reading("hypothetical", future, reporter)
        if self._close_before(
            view, match.i, self.hypothetical, clause.start, reach=3
        ) and self.conditional.contains(tokens, match.j, len(tokens)):
            return Reading("hypothetical", future, reporter)
        if self._close_before(view, match.i, self.planned, clause.start, reach=4):
            return Reading("planned", future, reporter)
        if clause.kind == "purpose" and clause.opener is not None:
            outer = self.grammar.clause(view, clause.opener, clause.opener + 1)
            if self.planned.contains(tokens, outer.start, clause.opener):
                # "akan menurunkan tim … untuk menyelidiki": the purpose of a plan is planned
                return Reading("planned", future, reporter)
        if reporter is not None or self.reported.contains(tokens, clause.start, match.i):
            return Reading("reported", future, reporter)
        if clause.kind == "complement" and clause.opener is not None:
            outer = self.grammar.clause(view, clause.opener, clause.opener + 1)
            if self.reported.contains(tokens, outer.start, clause.start):
                return Reading("reported", future, reporter)
        if match.i <= 2 and self.reported.contains(tokens, 0, match.i):
            return Reading("reported", future, reporter)
        if self._reported_frame(view, match.i):
            return Reading("reported", future, reporter)
        return Reading("asserted", future, reporter)

    def _denied(self, view: SentenceView, match: TriggerMatch, clause: Clause, type_: str) -> bool:
        tokens = view.tokens
        if type_ in _OWN_ACTS and match.i > 0 and tokens[match.i - 1].low in ("dan", "serta"):
            return False  # "menyangkal …, dan menuding polisi …": the denier's own accusation
        for _, end in self.deny_verbs.find(tokens, 0, match.i):
            between = range(end, match.i)
            if not any(
                self.grammar.speech.match_at(tokens, k)
                and not self.deny_verbs.match_at(tokens, k)
                and tokens[k - 1].low in ("dan", "serta", ",")
                for k in between
            ):
                return True
        k = match.i - 1
        skipped = 0
        lows, lasts = tokens.lows, self.negations.lasts
        while k >= clause.start and skipped <= 2:
            if lows[k] in lasts and self.negations.ends_at(tokens, k + 1, clause.start) is not None:
                return True  # (no negation ends at a word not in ``lasts``)
            if not lows[k][0].isalnum() or view.verbs[k]:  # (isalnum: Token.is_word)
                return False
            skipped += 1
            k -= 1
        return False

    def _reported_frame(self, view: SentenceView, i: int) -> bool:
        """``Menurut laporan …, para penyerang membakar … dan menjarah …``: a sentence opened
        by a hearsay frame reports every act it tells."""
        tokens = view.tokens
        first = first_word(tokens)
        if first is None or not self.reported.match_at(tokens, first):
            return False
        comma = next((k for k in range(first, i) if tokens[k].low == ","), None)
        return comma is not None

    def _close_before(
        self, view: SentenceView, i: int, cues: PhraseSet, lo: int, *, reach: int
    ) -> bool:
        tokens, lasts = view.tokens, cues.lasts
        if lasts.isdisjoint(tokens.low_set):
            return False  # no cue in the sentence (most calls)
        lows, verbs = tokens.lows, view.verbs
        k = i - 1
        steps = 0
        while k >= lo and steps < reach:
            if lows[k] in lasts and cues.ends_at(tokens, k + 1, lo) is not None:
                return True  # (no cue ends at a word not in ``lasts``)
            if not lows[k][0].isalnum():  # not a word (Token.is_word)
                return False
            if (
                verbs[k]
                and not self.grammar.is_auxiliary(tokens[k])
                and not cues.match_at(tokens, k)
                and not self.planned.match_at(tokens, k)
            ):
                return False
            steps += 1
            k -= 1
        return False

    def _reporter(self, view: SentenceView, clause: Clause) -> tuple[int, int] | None:
        """``Kelompok aktivis melaporkan …``: the unnamed body that reports the clause."""
        if clause.kind != "complement" or clause.opener is None:
            return None
        tokens = view.tokens
        opener = clause.opener
        if not self.report_verbs.match_at(tokens, opener):
            return None
        outer = self.grammar.clause(view, opener, opener + 1)
        found = self.reporters.first(tokens, outer.start, opener)
        if found is None or any(outer.start <= i < opener for i, _, _ in view.mentions):
            return None
        start = found[0]
        while (
            start > outer.start
            and tokens[start - 1].is_word
            and tokens[start - 1].low not in ("bahwa",)
        ):
            if self.grammar.is_preposition(tokens[start - 1]) or view.verbs[start - 1]:
                break
            start -= 1
        return (start, opener)

    # -- background ----------------------------------------------------------------------------

    def background_cue(self, view: SentenceView, match: TriggerMatch, clause: Clause) -> bool:
        tokens = view.tokens
        for start, _ in self.background_cues.find(tokens, 0, min(len(tokens), clause.end + 1)):
            if match.i <= start < match.j:
                continue
            if start >= match.j and any(t.low == "yang" for t in tokens[match.j : start]):
                continue  # "… yang beredar sejak Selasa": not the event's time
            if self.not_after.ends_at(tokens, start, 0) is not None:
                continue
            if tokens[start].low == "pernah" and start > match.i:
                continue
            return True
        return False

    def old(
        self, end: dt.date, published: dt.date, *, position: str, main: dt.date | None = None
    ) -> bool:
        """An event whose period ended on ``end`` is older than the news of ``published``.

        ``position`` is ``main`` (the event of its sentence), ``subordinate`` (in a clause of
        time: ``setelah …``) or ``alluded`` (the object of a statement); ``main`` is the date
        of the main event of the sentence, when known.
        """
        if position == "alluded":
            return end < (main or published)
        if position == "subordinate":
            if main is not None:
                return end < main
            return (published - end).days >= self.subordinate_days
        return (published - end).days >= self.days

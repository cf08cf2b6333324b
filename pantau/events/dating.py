"""When an event happened: the date written for it, with its precision.

The reader resolves body dates (``Senin (4/3)``, ``Desember 2023``, ``pada 2023``) into
:class:`~pantau.article.DateMention`. Extraction adds the relative periods the events of news
need, resolved against the publication date: ``pekan lalu`` (the Monday of last week, week
precision), ``pekan depan``, ``bulan lalu``/``bulan depan`` (month), ``tahun lalu`` (year),
``Maret lalu`` (the latest March before publication, month); and three relations to the
previous event of the article: ``sehari sebelumnya`` (a day before it), ``sehari setelah``
(the named event a day before the main one) and ``… yang sama`` (its date).

A date belongs to the event of its clause; a subordinate clause of time (``setelah …``)
shares the main clause's date but not the other way round, except for simultaneous clauses
(``saat``, ``ketika``). A date in a closing attribution (``, kata X, Selasa``) is when the
statement was made: it dates statements (ACCUSE, REQUEST …), not what they report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pantau.article import Article, DatePrecision
from pantau.events.clauses import Clause, Grammar, SentenceView
from pantau.events.patterns import Patterns
from pantau.events.text import PhraseSet

__all__ = ["Dater", "TimeRef", "monday", "period_end"]

Relation = Literal["date", "day_before", "day_after", "same"]
_SIMULTANEOUS = frozenset({"saat", "ketika", "sewaktu", "selagi", "sambil", "seraya", "selama"})
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A date of the sentence (tokens ``[i, j)``) or a relation to another event's date."""

    i: int
    j: int
    relation: Relation
    date: dt.date | None = None
    precision: DatePrecision | None = None


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def period_end(day: dt.date, precision: DatePrecision) -> dt.date:
    """The last day of the period that starts at ``day``."""
    if precision == "week":
        return day + dt.timedelta(days=6)
    if precision == "month":
        nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(day.year, 12, 31)
    return day


class Dater:
    def __init__(self, patterns: Patterns, grammar: Grammar) -> None:
        d = patterns.dates
        self.grammar = grammar
        self.past_week: PhraseSet = d["past_week"]
        self.next_week: PhraseSet = d["next_week"]
        self.past_month: PhraseSet = d["past_month"]
        self.next_month: PhraseSet = d["next_month"]
        self.past_year: PhraseSet = d["past_year"]
        self.next_year: PhraseSet = d["next_year"]
        self.month_past: PhraseSet = d["month_past"]
        self.month_since: PhraseSet = d["month_since"]
        self.new_year_eve: PhraseSet = d["new_year_eve"]
        self.past_relative: PhraseSet = d["past_relative"]
        self.months = {name: n + 1 for n, name in enumerate(patterns.months)}
        self._month_names = frozenset(self.months)
        self.day_before: PhraseSet = d["day_before"]
        self.day_after: PhraseSet = d["day_after"]
        self.same_time: PhraseSet = d["same_time"]
        self.continuation: PhraseSet = d["continuation"]
        self.ongoing: PhraseSet = d["ongoing"]
        self._relative_firsts = frozenset().union(
            *(
                p.firsts
                for p in (
                    self.past_week,
                    self.next_week,
                    self.past_month,
                    self.next_month,
                    self.past_year,
                    self.next_year,
                    self.new_year_eve,
                )
            )
        )
        """First words of the relative periods (``pekan lalu``, ``malam tahun baru`` …)."""
        self._relation_firsts = (
            self.day_before.firsts | self.day_after.firsts | self.same_time.firsts
        )
        """First words of the relations to another time (``sehari sebelumnya`` …)."""

    def refs(self, view: SentenceView, published: dt.date | None) -> list[TimeRef]:
        """The dates and date relations of a sentence, in text order."""
        tokens = view.tokens
        out: list[TimeRef] = []
        taken: set[int] = set()
        for i, j, d in view.dates:
            if d.date is not None:
                day = d.date
                if d.weekday is not None and published is not None and j - i == 1:
                    day, k = self._weekday_of_week(view, j, day, published)
                    j = max(j, k)
                out.append(TimeRef(i, j, "date", day, _precision(d.precision)))
                taken.update(range(i, j))
        if not self._relation_firsts.isdisjoint(tokens.low_set):  # else none of these
            for phrases, relation in (
                (self.day_before, "day_before"),
                (self.day_after, "day_after"),
                (self.same_time, "same"),
            ):
                for i, j in phrases.find(tokens):
                    if not taken.intersection(range(i, j)):
                        out.append(TimeRef(i, j, relation))  # type: ignore[arg-type]
                        taken.update(range(i, j))
        if published is not None:
            out.extend(self._relative(view, published, taken))
        out.sort(key=lambda r: r.i)
        return out

    def _relative(self, view: SentenceView, published: dt.date, taken: set[int]) -> list[TimeRef]:
        tokens = view.tokens
        out: list[TimeRef] = []
        present = tokens.low_set
        if self._relative_firsts.isdisjoint(present):  # most sentences: no period to date
            if self._month_names.isdisjoint(present):
                return []
            return self._months(view, published, taken)
        week = monday(published)
        rules: tuple[tuple[PhraseSet, dt.date, DatePrecision], ...] = (
            (self.past_week, week - dt.timedelta(days=7), "week"),
            (self.next_week, week + dt.timedelta(days=7), "week"),
            (self.past_month, _add_months(published.replace(day=1), -1), "month"),
            (self.next_month, _add_months(published.replace(day=1), 1), "month"),
            (self.past_year, dt.date(published.year - 1, 1, 1), "year"),
            (self.next_year, dt.date(published.year + 1, 1, 1), "year"),
        )
        for i, j in self.new_year_eve.find(tokens):
            if not taken.intersection(range(i, j)):
                eve = dt.date(published.year - (published.month < 7), 12, 31)
                if j < len(tokens) and self.month_past.match_at(tokens, j):
                    j += 1
                    if eve >= published:
                        eve = eve.replace(year=eve.year - 1)
                out.append(TimeRef(i, j, "date", eve, "day"))
                taken.update(range(i, j))
        months: list[TimeRef] = []
        if not self._month_names.isdisjoint(tokens.low_set):
            months = self._months(view, published, taken)
        for phrases, day, precision in rules:
            for i, j in phrases.find(tokens):
                if not taken.intersection(range(i, j)):
                    out.append(TimeRef(i, j, "date", day, precision))
                    taken.update(range(i, j))
        return out + months

    def _months(self, view: SentenceView, published: dt.date, taken: set[int]) -> list[TimeRef]:
        """``Maret lalu``, ``Oktober tahun lalu``, ``Januari tahun depan``, ``sejak awal
        November``: a month without its year."""
        tokens = view.tokens
        out: list[TimeRef] = []
        for k in range(len(tokens)):
            month = self.months.get(tokens[k].low)
            if not month or k in taken:
                continue
            year: int | None = None
            j = k + 1
            if n := self.past_year.match_at(tokens, k + 1):
                year, j = published.year - 1, k + 1 + n
            elif n := self.next_year.match_at(tokens, k + 1):
                year, j = published.year + 1, k + 1 + n
            elif k + 1 < len(tokens) and self.month_past.match_at(tokens, k + 1):
                year = published.year if month < published.month else published.year - 1
                j = k + 2
            elif self.month_since.ends_at(tokens, k, 0) is not None and not (
                k + 1 < len(tokens) and tokens[k + 1].low.isdigit()
            ):
                year = published.year if month <= published.month else published.year - 1
            if year is not None:
                out.append(TimeRef(k, j, "date", dt.date(year, month, 1), "month"))
                taken.update(range(k, j))
        return out

    def _weekday_of_week(
        self, view: SentenceView, j: int, day: dt.date, published: dt.date
    ) -> tuple[dt.date, int]:
        """``Senin pekan depan``, ``Jumat pekan lalu``: the weekday of that week (and where the
        phrase ends)."""
        tokens = view.tokens
        for phrases, weeks in ((self.next_week, 1), (self.past_week, -1)):
            n = phrases.match_at(tokens, j)
            if n:
                week = monday(published) + dt.timedelta(days=7 * weeks)
                return week + dt.timedelta(days=day.weekday()), j + n
        return day, j

    def own(
        self,
        view: SentenceView,
        clause: Clause,
        i: int,
        refs: list[TimeRef],
        *,
        statement: bool,
        attribution: int,
    ) -> TimeRef | None:
        """The time reference of the event whose trigger starts at token ``i``, if written."""
        best: TimeRef | None = None
        best_distance = 10**6
        has_yang = "yang" in view.tokens.low_set
        relative = has_yang and self._in_relative(view, i)
        for ref in refs:
            if ref.i >= attribution and not statement:
                continue
            if not self._belongs(view, clause, ref):
                continue
            if ref.i > i and self._since_in_relative(view, i, ref.i):
                continue  # "kabar … yang beredar sejak Selasa": the rumour's time, not the event's
            if has_yang and ref.i > i and self._relative_between(view, i, ref.i):
                continue  # "proposal yang diumumkan AS pada akhir Mei": the proposal's time
            if relative and (ref.i < i or _comma_between(view, i, ref.i)):
                continue  # "… anggota yang terbukti menembak warga, Senin": the verdict's
            distance = abs(ref.i - i) + (1000 if ref.relation == "same" else 0)
            if distance < best_distance:  # a date written wins over a relation
                best, best_distance = ref, distance  # ("Beberapa jam kemudian, …, Jumat (12/1)")
        return best

    def _belongs(self, view: SentenceView, clause: Clause, ref: TimeRef) -> bool:
        own = self.grammar.clause(view, ref.i, ref.j)
        if own.start == clause.start or clause.start <= ref.i < clause.end:
            return True
        if own.kind == "condition":
            # "mengancam mogok jika … mulai bulan depan": the condition's own time; but
            # "jika perang pecah, dalam pernyataan pada Selasa" dates the main clause
            opener = own.opener if own.opener is not None else own.start
            if not any(t.low == "," for t in view.tokens[opener : ref.i]):
                return False
            return clause.kind != "condition"
        if own.kind == "purpose":
            return (
                True  # "… untuk melindungi warga sipil dalam perundingan di Jeddah, Kamis (11/5)"
            )
        if clause.kind in ("subordinate", "coordinate", "purpose") and own.start < clause.start:
            return True
        if own.kind == "subordinate" and own.opener is not None:
            if view.tokens[own.opener].low == "sejak" and ref.i - own.opener <= 2:
                # "sejak Oktober tahun lalu" is a phrase of time, not a clause: it dates the
                # clause it stands next to
                return own.end >= clause.start - 1 and own.start <= clause.end + 1
            return view.tokens[own.opener].low in _SIMULTANEOUS
        if own.kind == "coordinate":
            return True
        return clause.kind == "complement" and own.kind == "complement"

    def _since_in_relative(self, view: SentenceView, i: int, k: int) -> bool:
        """A date after ``sejak`` inside a relative clause (``yang beredar … sejak …``)."""
        tokens = view.tokens
        if k == 0 or tokens[k - 1].low != "sejak":
            return False
        return any(
            tokens[m].low == "yang" and m + 1 < k and view.verbs[m + 1] for m in range(i + 1, k)
        )

    def _in_relative(self, view: SentenceView, i: int) -> bool:
        """The trigger at ``i`` is the verb of a relative clause that tells a participant's
        past (``… kepada dua anggota yang terbukti menembak``): not dated by the sentence."""
        tokens = view.tokens
        g = self.grammar
        for k in range(i - 1, max(-1, i - 4), -1):
            if tokens[k].low == "yang":
                return any(self.past_relative.match_at(tokens, m) for m in range(k + 1, i))
            if not (view.verbs[k] or g.is_auxiliary(tokens[k])):
                return False
        return False

    def _relative_between(self, view: SentenceView, i: int, k: int) -> bool:
        """A passive relative clause between the trigger and the date, the date inside it (no
        comma before the date): the history of the object (``proposal yang diumumkan AS pada
        akhir Mei``)."""
        tokens = view.tokens
        for m in range(i + 1, k - 1):
            if tokens[m].low == "yang" and view.verbs[m + 1] and tokens[m + 1].low[:2] == "di":
                return not _comma_between(view, m, k) and not any(
                    t.low in _SIMULTANEOUS for t in tokens[m:k]
                )
        return False

    def ongoing_before(self, view: SentenceView, i: int) -> bool:
        """``mulai melarikan diri``: an event under way at the time of the report."""
        tokens = view.tokens
        lows, firsts = tokens.lows, self.ongoing.firsts
        for k in range(max(0, i - 2), i):
            if lows[k] in firsts and self.ongoing.match_at(tokens, k):
                return True
        return False

    def continues(self, view: SentenceView) -> bool:
        """The sentence opens by continuing the previous event (``Dalam operasi itu, …``)."""
        tokens = view.tokens
        k = 0
        while k < len(tokens) and not tokens[k].is_word:
            k += 1
        return bool(self.continuation.match_at(tokens, k))


def published_day(article: Article) -> dt.date | None:
    p = article.published
    if isinstance(p, dt.datetime):
        return p.date()
    return p


def _precision(p: str) -> DatePrecision:
    return "day" if p == "minute" else p  # type: ignore[return-value]


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _comma_between(view: SentenceView, i: int, k: int) -> bool:
    return any(t.low == "," for t in view.tokens[i:k])

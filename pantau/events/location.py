"""Where an event happened: one of the sentence's resolved places, never just any of them.

The place of an event is, in order:

1. a place after a locative (``di``, ``ke``, ``dekat``, ``sekitar``, ``wilayah`` … also
   across a chain: ``di kawasan Tal as-Sultan, Rafah``) in the trigger's clause, the first of
   the chain (the most specific, as written); a flight or a withdrawal takes its origin
   (``dari X``), never its destination (``ke Oksibil``);
2. a place named back (``di distrik itu``, ``kota utama itu``): the latest place of that
   kind before it in the article;
3. for events that are not statements, another place of the clause or, failing that, of the
   sentence, the nearest to the trigger;
4. for statements (ACCUSE, REQUEST …), the place of the closing attribution (``kata Hamdan
   di Jakarta``).

Never a village (``Desa Sungai Bahar``), a place inside an actor's name (``Pasukan
Demokratik Suriah``) or right after an organisation's name (``Polda Sulawesi Tenggara``:
that is the body's seat, used only when nothing else is known), nor a person's origin
(``pilot asal Selandia Baru``). Later fallbacks (the previous event's place, the seat of a
regional body, the dateline) are the extractor's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from pantau.article import Article, Place
from pantau.events.clauses import Clause, Grammar, SentenceView
from pantau.events.patterns import Patterns
from pantau.events.text import PhraseSet, phrase_tokens
from pantau.gazetteer import GazetteerEntry, water_bodies

__all__ = ["Placer", "Spot"]


_COARSE = frozenset({"province", "region", "country"})
"""Kinds of place that after a body's name are its jurisdiction (``DPRD Sulawesi Tenggara``)."""


@dataclass(frozen=True, slots=True)
class Spot:
    """A place of the sentence (tokens ``[i, j)``) and how it is attached."""

    i: int
    j: int
    place: Place
    locative: bool
    origin: bool
    destination: bool
    seat: bool
    """Right after an organisation's name: the seat of the body, not an event's place."""
    past: int | None = None
    """The ``yang`` of a relative clause telling a participant's past that holds the place
    (``… dua anggota yang terbukti menembak … di Puncak Jaya``): not the place of events
    before it."""


class Placer:
    def __init__(self, patterns: Patterns, grammar: Grammar) -> None:
        p = patterns.places
        self.grammar = grammar
        self.locatives: PhraseSet = p["locatives"]
        self.origins: PhraseSet = p["origins"]
        self.origin_modes = frozenset(
            tuple(x.split("/")) for x in patterns.raw["places"]["origin_modes"]
        )
        self.destination_types = frozenset(x[0].upper() for x in p["destination_types"].phrases)
        self.villages = frozenset(x[0] for x in p["village_prefixes"].phrases)
        self.verbal = frozenset(x[0].upper() for x in p["verbal_types"].phrases)
        admin: Mapping[str, str] = p["admin_nouns"]
        self.admin_nouns = dict(admin)
        self.demonstratives: PhraseSet = patterns.grammar["demonstratives"]
        self.waters = frozenset(x[0] for x in p["waters"].phrases)
        self.place_classes = frozenset(x[0] for x in p["place_classes"].phrases)
        self.past_relative: PhraseSet = patterns.dates["past_relative"]
        self._waters: dict[tuple[str, ...], GazetteerEntry] = {}
        for entry in water_bodies():
            for name in (entry.name, *entry.alternate_names):
                self._waters[phrase_tokens(name)] = entry
        self.water_names = PhraseSet(" ".join(k) for k in self._waters)

    def spots(self, view: SentenceView) -> list[Spot]:
        """The usable places of the sentence."""
        tokens = view.tokens
        out: list[Spot] = []
        taken: set[int] | None = None
        mentions = view.mentions if view.places else []  # (mapped only when needed)
        for i, j, place in view.places:
            if place.text.split()[0].casefold() in self.villages:
                continue
            if i > 0 and tokens[i - 1].low in self.villages:
                continue
            if i > 0 and tokens[i - 1].low in ("asal", "berbendera", "bendera", "kewarganegaraan"):
                continue
            if i > 0 and tokens[i - 1].low in self.waters:
                continue  # "Selat Malaka": a water body, not the regency
            if i > 1:
                if taken is None:
                    taken = _named_tokens(view)
                if self._in_longer_name(view, i, j, taken) and not self._located(view, j, place):
                    continue
            # (plain loops, not any() over generators: this runs for every place of a
            # sentence read)
            inside = False
            for mi, mj, m in mentions:
                if (
                    mi <= i
                    and j <= mj
                    and m.actor.type != "country"
                    and not (m.actor.type == "civilians" and place.kind != "country")
                ):  # but "warga Gaza": the civilians of a place are there
                    inside = True
                    break
                if mi <= i < mj and m.actor.type == "country":
                    inside = not self._after_locative(view, i)
                    if inside:
                        break
            if inside:
                continue
            seat = False
            for mi, mj, m in mentions:
                if (
                    (mj == i or (mj + 1 == i and tokens[mj].low == ")"))
                    and m.actor.type not in ("civilians", "country", "person")
                    and not (place.kind not in _COARSE and self._at_building(view, mi))
                ):
                    seat = True
                    break
            out.append(self._spot(view, i, j, place, out, seat=seat))
        if not self.water_names.firsts.isdisjoint(tokens.low_set):
            out = sorted(out + self._water_spots(view, out), key=lambda s: s.i)
        if out and "yang" in tokens.low_set:
            out = [self._in_past(view, s) for s in out]
        return out

    def _in_past(self, view: SentenceView, spot: Spot) -> Spot:
        tokens = view.tokens
        for k in range(spot.i - 1, -1, -1):
            low = tokens[k].low
            if low in (",", ";") and k < spot.i - 1 and not tokens[k + 1].capitalised:
                break  # the relative clause ends at a comma (not one of a place chain)
            if low == "yang":
                if any(self.past_relative.match_at(tokens, m) for m in range(k + 1, k + 3)):
                    return replace(spot, past=k)
                break
        return spot

    def _water_spots(self, view: SentenceView, before: list[Spot]) -> list[Spot]:
        """``di perairan Laut Sulawesi``: a sea or strait, in no country."""
        tokens = view.tokens
        out = []
        for i, j in self.water_names.find(tokens):
            if not tokens[i].capitalised or any(s.i < j and i < s.j for s in before):
                continue
            e = self._waters[tuple(t.low for t in tokens[i:j])]
            place = Place(
                text=view.text(i, j),
                start=tokens[i].start,
                end=tokens[j - 1].end,
                gazetteer_id=e.id,
                name=e.name,
                latitude=e.latitude,
                longitude=e.longitude,
                country=e.country,
                admin1=None,
                admin2=None,
                kind=e.kind,
                precision=1,
            )
            out.append(self._spot(view, i, j, place, before, seat=False))
        return out

    def _spot(
        self, view: SentenceView, i: int, j: int, place: Place, before: list[Spot], *, seat: bool
    ) -> Spot:
        """The place at tokens ``i:j`` with what the words around it say of it."""
        return Spot(
            i,
            j,
            place,
            locative=self._after_locative(view, i),
            origin=self._origin(view, i, before),
            destination=i > 0 and view.tokens[i - 1].low in ("ke", "menuju"),
            seat=seat,
        )

    def _origin(self, view: SentenceView, i: int, before: list[Spot]) -> bool:
        """After ``dari``, or listed after such a place (``dari Oslo, Dublin, dan Madrid``)."""
        tokens = view.tokens
        if i > 0 and self.origins.ends_at(tokens, i, 0) is not None:
            return True
        if before and before[-1].origin:
            between = tokens[before[-1].j : i]
            return all(t.low in (",", "dan", "serta") for t in between)
        return False

    def _at_building(self, view: SentenceView, mi: int) -> bool:
        """``di depan Markas Polrestabes Semarang``: the body names a building where something
        happens, and the place after it is where the building stands."""
        tokens = view.tokens
        k = mi - 1
        while k >= 0 and (tokens[k].low == "depan" or tokens[k].low in self.place_classes):
            k -= 1
        return k >= 0 and k < mi - 1 and tokens[k].low in ("di", "ke", "menuju")

    def _located(self, view: SentenceView, j: int, place: Place) -> bool:
        """``Pusat Latihan Tempur Baturaja, Sumatera Selatan``: a place closing a longer name
        and followed by the province or regency it lies in is where the named thing is."""
        tokens = view.tokens
        if j >= len(tokens) or tokens[j].low != "," or place.kind == "country":
            return False
        for i2, _, after in view.places:
            if i2 == j + 1:
                return after.kind != "country" and after.name in (place.admin1, place.admin2)
        return False

    def _in_longer_name(self, view: SentenceView, i: int, j: int, taken: set[int]) -> bool:
        """``Universitas Indonesia``, ``Balai Meuseuraya Aceh``: a place word inside a longer
        proper name (a capitalised word right before or after it that is no place, actor or
        date of its own: ``taken`` holds their tokens)."""
        tokens = view.tokens
        before = tokens[i - 1]
        named = before.capitalised and before.is_word and i - 1 not in taken
        if named and before.low not in self.admin_nouns and before.low not in self.place_classes:
            return not self.locatives.match_at(tokens, i - 1)
        return j < len(tokens) and tokens[j].capitalised and tokens[j].is_word and j not in taken

    def _after_locative(self, view: SentenceView, i: int) -> bool:
        tokens = view.tokens
        lows, lasts = tokens.lows, self.locatives.lasts
        k = i - 1
        steps = 0
        while k >= 0 and steps < 7:
            low = lows[k]
            if low in lasts and self.locatives.ends_at(tokens, k + 1, 0) is not None:
                return True  # (no locative ends at a word not in ``lasts``)
            if not (low == "," or tokens[k].text[0].isupper() or low in self.admin_nouns):
                return False  # (``text[0].isupper()``: Token.capitalised)
            k -= 1
            steps += 1
        return False

    def is_origin(self, type_: str, mode: str | None) -> bool:
        """Does an event of this type and mode happen where its ``dari`` place is?"""
        return (type_, mode) in self.origin_modes or (type_, "*") in self.origin_modes

    def usable(
        self, spots: list[Spot], type_: str, mode: str | None, excluded: list[tuple[int, int]]
    ) -> list[Spot]:
        """The places an event of this type may take: no seat, no destination of a flight, none
        inside another event told in the sentence."""
        origin = self.is_origin(type_, mode)
        if not spots:
            return []
        found = [
            s
            for s in spots
            if not s.seat and not (origin and s.destination) and (origin or not s.origin)
        ]
        if excluded:  # (most events exclude nothing: no test per place then)
            found = [s for s in found if not any(lo <= s.i < hi for lo, hi in excluded)]
        return found

    def own(
        self,
        clause: Clause,
        i: int,
        j: int,
        usable: list[Spot],
        type_: str,
        mode: str | None,
        *,
        attribution: int,
    ) -> Spot | None:
        """The place written for the event whose trigger is tokens ``[i, j)``, in its clause
        (or, for a statement, in its attribution)."""
        origin = self.is_origin(type_, mode)
        destination = type_ in self.destination_types
        end = min(clause.end, attribution) if j <= attribution else clause.end
        # (plain loops: a sentence has few places, and each comprehension is a call)
        in_clause: list[Spot] = []
        locative: list[Spot] = []
        for s in usable:
            if clause.start <= s.i < end and (s.past is None or s.past < i):
                in_clause.append(s)
                if s.locative:
                    locative.append(s)
        if type_ in self.verbal and usable:
            attributed = [s for s in usable if s.i >= attribution and s.locative]
            if attributed:
                return attributed[0]
        if locative:
            if origin:
                locative.sort(key=lambda s: not s.origin)
            elif destination:
                locative.sort(key=lambda s: not s.destination)
            else:
                after = [s for s in locative if s.i >= j]
                locative = after or locative
            return self._specific(locative[0], in_clause)
        if type_ in self.verbal:
            subject = [s for s in in_clause if s.i < i and not s.locative]
            return subject[0] if subject else None
        if len(in_clause) == 1:
            return self._specific(in_clause[0], in_clause)
        if in_clause:
            return self._specific(min(in_clause, key=lambda s: abs(s.i - i)), in_clause)
        return None

    def nearest(self, i: int, usable: list[Spot], attribution: int) -> Spot | None:
        """Any place of the sentence, the nearest to the trigger (events that are not
        statements, when their clause names none)."""
        if not usable:
            return None
        rest = [s for s in usable if s.i < attribution and (s.past is None or s.past < i)]
        if not rest:
            return None
        return self._specific(min(rest, key=lambda s: abs(s.i - i)), rest)

    def _specific(self, chosen: Spot, candidates: list[Spot]) -> Spot:
        """A coarser place gives way to a finer one of the same country named with it
        (``kamp pengungsi Jenin … di Tepi Barat``: Jenin)."""
        if chosen.place.kind not in ("country", "region", "province"):
            return chosen
        finer = [
            s
            for s in candidates
            if s.place.country == chosen.place.country
            and s.place.precision < chosen.place.precision
        ]
        return min(finer, key=lambda s: (s.place.precision, s.i)) if finer else chosen

    def last_locative(self, spots: list[Spot]) -> Place | None:
        """The last place after a locative in a sentence (the scene the next one continues)."""
        located = [s for s in spots if s.locative and not s.seat]
        return located[0].place if located else None

    def named_back(self, view: SentenceView, clause: Clause, article: Article) -> Place | None:
        """``di distrik itu``, ``kota utama itu``: the latest earlier place of that kind."""
        tokens = view.tokens
        for k in range(clause.start, clause.end):
            kind = self.admin_nouns.get(tokens[k].low)
            if kind is None:
                continue
            for m in range(k + 1, min(k + 3, len(tokens))):
                if self.demonstratives.match_at(tokens, m):
                    return self._latest(article, tokens[k].start, kind)
                if tokens[m].capitalised or not tokens[m].is_word:
                    break  # "negara Eropa itu": a name, not a place named back
        return None

    def _latest(self, article: Article, before: int, kind: str) -> Place | None:
        best: Place | None = None
        for place in article.places:
            if place.end > before:
                break
            if place.kind == kind or (kind == "populated_place" and place.kind in ("regency",)):
                best = place
        return best

    def seat(self, spots: list[Spot]) -> Place | None:
        seats = [s for s in spots if s.seat]
        return seats[0].place if seats else None


def _named_tokens(view: SentenceView) -> set[int]:
    """The tokens of the sentence's places, actor mentions and dates."""
    taken: set[int] = set()
    for a, b, _ in view.places:
        taken.update(range(a, b))
    for a, b, _ in view.mentions:
        taken.update(range(a, b))
    for a, b, _ in view.dates:
        taken.update(range(a, b))
    return taken

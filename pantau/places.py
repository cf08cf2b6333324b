"""Place mentions: found in the text (or given by the NER), resolved to gazetteer entries.

Finding. Gazetteer names are matched as whole words on the folded text (one Aho–Corasick pass,
see :meth:`pantau.gazetteer.Gazetteer.scan`). A match must start with a capital letter (or be
spelled exactly as listed, for abbreviations such as ``AS``); names of the stop list never match
alone; *weak* names (small places, ``Puncak``, person-like names) match only after a cue word
(``Kabupaten``, ``Distrik``…), a locative (``di``, ``ke``…) or as an NER mention. A name
that follows a capitalised word which is neither a cue nor a function word is part of a longer
proper name (``Jeff Davis``, ``Universitas Washington``) and is dropped unless it is a country,
province or region. A name right after ``Laut``/``Selat``/``Sungai``… is a water body and is
dropped. Overlaps keep the longest match (``Jalur Gaza`` over ``Gaza``, ``Kabupaten Puncak Jaya``
over ``Puncak``).

Resolving. Each candidate entry gets a score: a prior from its kind and population, a bonus when
the name is the entry's own or curated one, when the cue word fits its kind, when it lies in the
dateline's country, in Indonesia for a domestic story, in a country, province or regency named
elsewhere in the article, or in the place written right after it (``Tripoli, Lebanon``). Two
passes: the clear cases first, whose places then serve as context for the others.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pantau.article import GeoPrecision, Place
from pantau.errors import ResourceError
from pantau.gazetteer import (
    CURATED,
    PREFERRED,
    STRONG,
    Gazetteer,
    GazetteerEntry,
    distance_km,
)

__all__ = ["PlaceResolver", "PlaceScores", "default_gold_path", "distance_km", "score_places"]

PRECISION: dict[str, GeoPrecision] = {
    "country": 4,
    "province": 3,
    "region": 3,
    "regency": 2,
    "district": 2,
    "populated_place": 1,
    "other": 1,
}
HOME_COUNTRY = "ID"
"""The country of the news pantau reads: its places win ties."""
_KIND_PRIOR = {"country": 3.0, "province": 2.6, "region": 2.4, "regency": 2.2, "district": 0.8}
_SOLID_KINDS = frozenset({"country", "province", "region"})
# cue kind -> bonus by entry kind
_CUE_BONUS: dict[str, dict[str, float]] = {
    "regency": {"regency": 3.0},
    "city": {"populated_place": 2.0, "regency": 1.0},
    "province": {"province": 3.0},
    "district": {"district": 3.0, "populated_place": 0.5},
    "village": {"populated_place": 2.0, "district": 1.0},
    "state": {"region": 3.0, "province": 2.0},
    "country": {"country": 3.0},
    "region": {"region": 1.0, "province": 1.0, "regency": 0.5, "country": 0.5},
}
_COMPASS = frozenset({"utara", "selatan", "timur", "barat", "tengah", "laut", "daya"})
"""Compass words written in lower case after a name: a part of the place, not its name."""
_CLOSEST_MEMO = 4096
"""Folded names whose fuzzy look-up is remembered (names of places recur across articles)."""
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
_SENTENCE_END = frozenset(".!?\n")
_MENTION_PREFIX = re.compile(
    r"^(kabupaten|kab\.?|kota|provinsi|prov\.?|kecamatan|kec\.?|distrik|desa|kelurahan|kampung|"
    r"negara bagian|negara|wilayah|kawasan)\s+",
    re.IGNORECASE,
)


class _NameInfo(NamedTuple):
    hits: tuple[tuple[int, int], ...]
    """(entry index, flags) of every entry the name may mean."""
    kinds: frozenset[str]
    solid: bool
    """One of the entries is a country, province or region."""
    strong: bool
    """The name is matched in free text without a cue word."""


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    candidates: tuple[tuple[int, int], ...]
    cue: str | None
    from_ner: bool = False
    fuzzy: bool = False
    best: int = -1
    margin: float = 0.0
    confidence: float = 0.0


class PlaceResolver:
    """Finds and resolves place mentions; one instance serves any number of articles."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer()
        g = self.gazetteer
        self._exempt_before = g.place_prefixes | g.function_words | g.locatives | frozenset(g.cues)
        self._kinds = [e.kind for e in g.entries]
        self._countries = [e.country for e in g.entries]
        self._priors = [self._prior(e) for e in g.entries]
        # Fuzzy look-up candidates by first letter and length: a misspelling keeps its first
        # letter (Deir/Dayr, Raqqa/Raqqah), and a score of 88 leaves no room for a name much
        # longer or shorter (see _closest_name).
        self._by_initial: dict[tuple[str, int], dict[int, str]] = {}
        for name_id, name in enumerate(g.names):
            if name:
                self._by_initial.setdefault((name[0], len(name)), {})[name_id] = name
        self._names_seen: dict[int, _NameInfo] = {}
        """What _find needs of each name id met so far (at most one entry per name)."""
        self._keys_of: dict[int, frozenset[str]] = {}
        """Memo of :meth:`_entry_keys` by entry index."""
        self._closest: dict[str, int | None] = {}
        """Memo of :meth:`_closest_name` by folded name, at most _CLOSEST_MEMO entries."""

    @staticmethod
    def _prior(e: GazetteerEntry) -> float:
        if e.kind in _KIND_PRIOR:
            return _KIND_PRIOR[e.kind]
        return 0.5 + 0.5 * math.log10(e.population + 1)

    # -- finding ----------------------------------------------------------------------------

    @staticmethod
    def _previous(text: str, start: int) -> tuple[str, list[tuple[str, int]]]:
        """What is glued to ``start`` (``pro-``, ``(``), else up to two whole words before it."""
        lo = max(0, start - 48)
        window = text[lo:start]
        if window and not window[-1].isspace():
            return window.rsplit(None, 1)[-1], []
        rest = window.rstrip()
        parts = rest.rsplit(None, 2)
        if lo > 0 and len(parts) < 3:
            parts = parts[1:]
        words: list[tuple[str, int]] = []
        if parts:
            pos = len(rest) - len(parts[-1])
            words.append((parts[-1], lo + pos))
            if len(parts) > 1:
                words.append((parts[-2], lo + rest.rfind(parts[-2], 0, pos)))
        return "", words

    def _cue_of(self, glued: str, words: list[tuple[str, int]]) -> str | None:
        if glued:
            return None
        cues = self.gazetteer.cues
        if len(words) == 2:
            two = f"{words[1][0]} {words[0][0]}".lower()
            if two in cues:
                return cues[two]
        if words:
            w = words[0][0].lower()
            return cues.get(w) or cues.get(w.rstrip("."))
        return None

    def _cue(self, text: str, start: int) -> str | None:
        return self._cue_of(*self._previous(text, start))

    @staticmethod
    def _sentence_initial(text: str, start: int) -> bool:
        """Whether the word at ``start`` opens a sentence (capitalised for grammar only)."""
        i = start - 1
        while i >= 0 and text[i] in " \t\"'“”‘’([":
            i -= 1
        return i < 0 or text[i] in _SENTENCE_END

    def _find(self, text: str, folded: str, taken: bytearray) -> list[_Mention]:
        """Gazetteer names in free text; none overlapping a ``taken`` span (an NER mention)."""
        g = self.gazetteer
        found: list[_Mention] = []
        for start, end, name_id in g.scan(folded):
            if taken.find(1, start, end) >= 0:
                continue
            surface = text[start:end]
            name = g.name(name_id)
            exact = g.exact_forms.get(name)
            if exact is not None:
                if (
                    surface != exact
                    or (start > 0 and text[start - 1] in "/-")
                    or text[end : end + 1] in ("/", "-")
                ):
                    continue
            elif not surface[:1].isupper():
                continue
            if " " in surface and surface.rsplit(" ", 1)[1] in _COMPASS:
                continue  # "Gaza utara": the north of Gaza, not the governorate "Gaza Utara"
            hits, kinds, solid, strong = self._name_info(name_id)
            if exact is None and surface.isupper() and len(surface) > 3 and not solid:
                continue
            glued, words = self._previous(text, start)
            if glued[-1:] in ("-", "‐") and glued[:-1].lower() in g.attitude_prefixes:
                continue
            word = words[0][0].lower() if words and not glued else ""
            bare = word.rstrip(".,;:")
            full = name.split(" ", 1)[0]
            if bare in g.water_prefixes and full not in g.water_prefixes:
                continue
            after = _WORD_AFTER.match(text, end)
            if after and after.group(1)[:1].isupper() and after.group(1).lower() in g.org_suffixes:
                continue
            cue = g.cues[full] if full in g.cues else self._cue_of(glued, words)
            if not (strong or cue is not None or bare in g.place_prefixes or bare in g.locatives):
                continue
            if (
                word
                and not solid
                and word == bare
                and words[0][0][:1].isupper()
                and bare not in self._exempt_before
                and bare not in g.stop_words
                and not (" " in name and "regency" in kinds)
                and not self._sentence_initial(text, words[0][1])
            ):
                continue
            found.append(_Mention(start, end, hits, cue))
        return found

    def _hits(self, folded_span: str) -> tuple[tuple[int, int], ...]:
        """``Gazetteer.hits`` of a span of the folded text (folding is per character, so the
        span is the span's folded form)."""
        name_id = self.gazetteer.name_id(" ".join(folded_span.split()))
        return () if name_id is None else self._name_info(name_id).hits

    def _name_info(self, name_id: int) -> _NameInfo:
        info = self._names_seen.get(name_id)
        if info is None:
            hits = self.gazetteer.name_hits(name_id)
            kinds = frozenset(self._kinds[i] for i, _ in hits)
            strong = any(f & STRONG for _, f in hits)
            info = self._names_seen[name_id] = _NameInfo(
                hits, kinds, bool(kinds & _SOLID_KINDS), strong
            )
        return info

    def _from_ner(self, text: str, folded: str, start: int, end: int) -> _Mention | None:
        g = self.gazetteer
        span = text[start:end]
        lead = len(span) - len(span.lstrip())
        start, span = start + lead, span.strip()
        if " " in span and span.rsplit(" ", 1)[1] in _COMPASS:
            span = span.rsplit(" ", 1)[0]  # "Gaza utara": Gaza
        end = start + len(span)
        if not span:
            return None
        hits = self._hits(folded[start:end])
        cue = self._cue(text, start)
        core = span
        if not hits:
            m = _MENTION_PREFIX.match(span)
            if m:
                cue = g.cues.get(
                    m.group(1).lower(), g.cues.get(m.group(1).lower().rstrip("."), cue)
                )
                core = span[m.end() :]
                hits = self._hits(folded[start + m.end() : end])
        if hits:
            return _Mention(start, end, hits, cue, from_ner=True)
        fuzzy = self._fuzzy(core, start, end, cue)
        if fuzzy is not None:
            return fuzzy
        inside = [
            (s + start, e + start, n)
            for s, e, n in g.scan(folded[start:end])
            if text[s + start].isupper() and text[s + start : e + start] not in g.stop_words
        ]
        if inside:
            s, e, n = max(inside, key=lambda t: (t[1] - t[0], -t[0]))
            return _Mention(s, e, g.name_hits(n), self._cue(text, s), from_ner=True)
        return None

    def _fuzzy(self, span: str, start: int, end: int, cue: str | None) -> _Mention | None:
        if len(span) < 6:  # one letter off a short name is another name: "Monas" is no "Mons"
            return None
        g = self.gazetteer
        key = g.fold_name(span)
        if not key:
            return None
        if key in self._closest:
            name_id = self._closest[key]
        else:
            name_id = self._closest_name(key)
            if len(self._closest) >= _CLOSEST_MEMO:
                del self._closest[next(iter(self._closest))]  # the oldest
            self._closest[key] = name_id
        if name_id is None:
            return None
        return _Mention(start, end, g.name_hits(name_id), cue, from_ner=True, fuzzy=True)

    def _closest_name(self, key: str) -> int | None:
        """The name id closest to a folded name (ratio of 88 or more, same first letter); of
        equally close names the first.

        ``fuzz.ratio`` is at most ``100 * (1 - |a - b| / (a + b))`` for lengths ``a`` and ``b``,
        so only names whose length is within 12% of the sum can reach 88; a margin of 13% is
        kept against rounding.
        """
        from rapidfuzz import fuzz, process

        size = len(key)
        best: tuple[float, int] | None = None
        for length in range(size * 87 // 113, size * 113 // 87 + 1):
            choices = self._by_initial.get((key[0], length))
            if not choices or abs(size - length) * 100 > 13 * (size + length):
                continue
            found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=88)
            if found is not None and (
                best is None or found[1] > best[0] or (found[1] == best[0] and found[2] < best[1])
            ):
                best = (found[1], found[2])
        return best[1] if best is not None else None

    # -- resolving --------------------------------------------------------------------------

    def _score(
        self,
        m: _Mention,
        *,
        dateline_country: str | None,
        domestic: bool,
        context: Counter[str] | None,
        container: GazetteerEntry | None,
        own: frozenset[str] = frozenset(),
    ) -> list[tuple[float, int]]:
        g = self.gazetteer
        scored = []
        for i, flags in m.candidates:
            e = g.entries[i]
            s = self._priors[i]
            if flags & CURATED:
                s += 1.0
            if flags & STRONG:
                s += 1.0
            if flags & PREFERRED:
                s += 1.5
            if m.cue is not None:
                s += _CUE_BONUS.get(m.cue, {}).get(e.kind, 0.0)
                if m.cue == "city" and e.kind == "regency" and e.name.startswith("Kota "):
                    s += 1.5
                if m.cue == "state" and e.kind not in ("region", "province"):
                    s -= 2.0
            if dateline_country is not None and e.country == dateline_country:
                s += 1.0
            if e.country == HOME_COUNTRY:
                s += 2.5 if domestic else 1.0
            if context:
                key = f"c:{e.country}"
                if context[key] > (key in own):
                    s += 1.5
                key = f"a1:{e.admin1}"
                if e.admin1 and e.kind != "province" and context[key] > (key in own):
                    s += 1.0
                key = f"a2:{e.admin2}"
                if e.admin2 and e.kind != "regency" and context[key] > (key in own):
                    s += 0.5
            if container is not None and e.id != container.id:
                if self._contains(container, e):
                    s += 3.0
                elif e.country == container.country:
                    s += 1.0
            scored.append((s, i))
        scored.sort(reverse=True)
        return scored

    @staticmethod
    def _contains(area: GazetteerEntry, e: GazetteerEntry) -> bool:
        """Whether ``e`` lies in ``area`` as far as the gazetteer's admin names tell."""
        if area.country != e.country:
            return False
        if area.kind == "country":
            return True
        if area.kind in ("province", "region"):
            return e.admin1 in (area.name, area.admin1)
        return area.kind == "regency" and e.admin2 == area.name

    def _entry_keys(self, index: int) -> frozenset[str]:
        """:meth:`_context_keys` of the entry at ``index``, memoised (at most one set per
        gazetteer entry)."""
        keys = self._keys_of.get(index)
        if keys is None:
            keys = self._keys_of[index] = frozenset(
                self._context_keys(self.gazetteer.entries[index])
            )
        return keys

    @staticmethod
    def _context_keys(e: GazetteerEntry) -> list[str]:
        keys = [f"c:{e.country}"]
        if e.admin1:
            keys.append(f"a1:{e.admin1}")
        if e.kind == "province":
            keys.append(f"a1:{e.name}")
        if e.admin2:
            keys.append(f"a2:{e.admin2}")
        return keys

    def resolve(
        self,
        text: str,
        *,
        mentions: Sequence[tuple[int, int]] | None = None,
        dateline_country: str | None = None,
    ) -> list[Place]:
        """Every place mention of ``text``, resolved, in text order.

        ``mentions`` are LOC spans found by the NER: they are resolved even when the free-text
        matcher would not take them (weak names, fuzzy spellings), and win over overlapping
        matches. ``dateline_country`` (ISO2) favours places of that country.
        """
        if not text:
            return []
        g = self.gazetteer
        folded = g.fold(text)
        chosen: list[_Mention] = []
        taken = bytearray(len(text))
        for start, end in sorted(mentions or ()):
            start, end = max(0, start), min(len(text), end)
            if start >= end or taken.find(1, start, end) >= 0:
                continue
            m = self._from_ner(text, folded, start, end)
            if m is not None and taken.find(1, m.start, m.end) < 0:
                chosen.append(m)
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        found = self._find(text, folded, taken)
        for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
            if taken.find(1, m.start, m.end) < 0:
                chosen.append(m)
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        if not chosen:
            return []
        chosen.sort(key=lambda m: m.start)

        # Pass 1: without context. What the close candidates agree on becomes context.
        domestic = dateline_country == HOME_COUNTRY
        context: Counter[str] = Counter()
        agreed: list[frozenset[str]] = []
        for m in chosen:
            if len(m.candidates) == 1:  # most names mean one entry: nothing to score
                m.best = m.candidates[0][0]
                keys = self._entry_keys(m.best)
            else:
                scored = self._score(
                    m,
                    dateline_country=dateline_country,
                    domestic=domestic,
                    context=None,
                    container=None,
                )
                m.best = scored[0][1]
                close = [i for s, i in scored if s >= scored[0][0] - 1.0]
                keys = self._entry_keys(close[0])
                for i in close[1:]:
                    keys &= self._entry_keys(i)
            agreed.append(keys)
            context.update(keys)
        if dateline_country is None:
            votes = [k for k in agreed if any(x.startswith("c:") for x in k)]
            in_id = sum(1 for k in votes if f"c:{HOME_COUNTRY}" in k)
            domestic = bool(votes) and in_id * 2 > len(votes)

        # Pass 2: with the article's other places and the place written right after.
        places = []
        for k, m in enumerate(chosen):
            if len(m.candidates) == 1:  # the one candidate wins, by the margin of a lone one
                best, margin = m.candidates[0][0], 4.0
            else:
                container = None
                if k + 1 < len(chosen):
                    nxt = chosen[k + 1]
                    if text[m.end : nxt.start].strip() == ",":
                        container = g.entries[nxt.best]
                scored = self._score(
                    m,
                    dateline_country=dateline_country,
                    domestic=domestic,
                    context=context,
                    container=container,
                    own=agreed[k],
                )
                best_score, best = scored[0]
                margin = best_score - scored[1][0]
            m.best = best
            confidence = 1.0 / (1.0 + math.exp(-margin))
            if m.fuzzy:
                confidence *= 0.8
            e = g.entries[best]
            places.append(
                Place(
                    text=text[m.start : m.end],
                    start=m.start,
                    end=m.end,
                    gazetteer_id=e.id,
                    name=e.name,
                    latitude=e.latitude,
                    longitude=e.longitude,
                    country=e.country,
                    admin1=e.admin1,
                    admin2=e.admin2,
                    kind=e.kind,
                    precision=PRECISION.get(e.kind, 1),
                    confidence=round(confidence, 3),
                )
            )
        return places


# -- scoring against the gold file -------------------------------------------------------------


def default_gold_path() -> Path:
    """``tests/gold/places.jsonl`` of the project."""
    return Path(__file__).resolve().parents[1] / "tests" / "gold" / "places.jsonl"


@dataclass(frozen=True, slots=True)
class PlaceScores:
    """How the resolver does on a gold file."""

    sentences: int
    gold_mentions: int
    predicted_mentions: int
    matched_mentions: int
    recall: float
    precision: float
    country_accuracy: float
    """Share of matched mentions resolved to the right country."""
    within_161km: float
    """Share of matched mentions placed within 161 km (100 miles) of the gold point."""
    errors: tuple[dict[str, Any], ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_places(
    gold_path: Path | None = None, *, resolver: PlaceResolver | None = None
) -> PlaceScores:
    """Score the resolver on a gold JSONL file (see ``tests/gold/places.jsonl``).

    A predicted place matches a gold mention when their spans overlap.
    """
    path = default_gold_path() if gold_path is None else Path(gold_path)
    if not path.is_file():
        raise ResourceError(f"gold file {path} not found; pass --gold PATH")
    resolver = resolver or PlaceResolver()
    n_sent = n_gold = n_pred = n_match = n_country = n_near = 0
    errors: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                raise ResourceError(f"{path}:{line_no} is not JSON: {e}") from e
            n_sent += 1
            predicted = resolver.resolve(doc["text"], dateline_country=doc.get("dateline_country"))
            n_gold += len(doc["places"])
            n_pred += len(predicted)
            used: set[int] = set()
            for gold in doc["places"]:
                match = next(
                    (
                        (k, p)
                        for k, p in enumerate(predicted)
                        if k not in used and p.start < gold["end"] and gold["start"] < p.end
                    ),
                    None,
                )
                if match is None:
                    errors.append({"id": doc["id"], "mention": gold["mention"], "error": "missed"})
                    continue
                k, p = match
                used.add(k)
                n_match += 1
                km = distance_km(p.latitude, p.longitude, gold["lat"], gold["lon"])
                n_country += p.country == gold["country"]
                n_near += km <= 161.0
                if p.country != gold["country"] or km > 161.0:
                    errors.append(
                        {
                            "id": doc["id"],
                            "mention": gold["mention"],
                            "error": "wrong place",
                            "got": f"{p.name} ({p.country}, {p.gazetteer_id})",
                            "km": round(km),
                        }
                    )
            for k, p in enumerate(predicted):
                if k not in used:
                    errors.append(
                        {
                            "id": doc["id"],
                            "mention": p.text,
                            "error": "spurious",
                            "got": f"{p.name} ({p.country}, {p.gazetteer_id})",
                        }
                    )
    return PlaceScores(
        sentences=n_sent,
        gold_mentions=n_gold,
        predicted_mentions=n_pred,
        matched_mentions=n_match,
        recall=round(n_match / n_gold, 4) if n_gold else 0.0,
        precision=round(n_match / n_pred, 4) if n_pred else 0.0,
        country_accuracy=round(n_country / n_match, 4) if n_match else 0.0,
        within_161km=round(n_near / n_match, 4) if n_match else 0.0,
        errors=tuple(errors),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pantau.places score [--gold PATH] [--json] [--errors]``."""
    parser = argparse.ArgumentParser(
        prog="python -m pantau.places", description="Score the place resolver on a gold file."
    )
    parser.add_argument("command", choices=["score"])
    parser.add_argument(
        "--gold", type=Path, default=None, help="gold JSONL (tests/gold/places.jsonl)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    try:
        scores = score_places(args.gold)
    except ResourceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        data = scores.as_dict()
        if not args.errors:
            data.pop("errors")
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"sentences           {scores.sentences}")
    print(f"gold mentions       {scores.gold_mentions}")
    print(f"predicted mentions  {scores.predicted_mentions}")
    print(f"mention recall      {scores.recall:.4f}")
    print(f"mention precision   {scores.precision:.4f}")
    print(f"country accuracy    {scores.country_accuracy:.4f}")
    print(f"within 161 km       {scores.within_161km:.4f}")
    if args.errors:
        for err in scores.errors:
            print(json.dumps(err, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

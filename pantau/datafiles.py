"""Reading the TOML data files shipped in ``pantau/data`` (or a user's replacement for one)."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pantau.errors import ResourceError


def read_toml(name: str, path: Path | None = None) -> tuple[str, dict[str, Any]]:
    """(source label, parsed data) of the packaged ``pantau/data/<name>``, or of ``path`` if given.

    Raises :class:`~pantau.errors.ResourceError` naming the file when it cannot be read or is
    not valid UTF-8 TOML.
    """
    if path is None:
        source = f"pantau/data/{name}"
        try:
            raw = (resources.files("pantau") / "data" / name).read_bytes()
        except OSError as e:
            raise ResourceError(
                f"cannot read the packaged {source}: {_why(e)}; reinstall pantau"
            ) from e
    else:
        source = str(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as e:
            raise ResourceError(f"cannot read {source}: {_why(e)}; check the path") from e
    try:
        return source, tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ResourceError(f"{source} is not valid UTF-8 TOML: {e}; fix the file") from e


def _why(error: OSError) -> str:
    return "the file is missing" if isinstance(error, FileNotFoundError) else str(error)

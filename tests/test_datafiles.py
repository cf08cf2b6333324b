"""Tests of pantau.datafiles: reading packaged TOML data files and user replacements."""

from __future__ import annotations

from pathlib import Path

import pytest

from pantau.datafiles import read_toml
from pantau.errors import ResourceError


def test_packaged_file_is_read() -> None:
    source, data = read_toml("codebook.toml")
    assert source == "pantau/data/codebook.toml"
    assert isinstance(data, dict) and data


def test_user_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('version = "1"\n', encoding="utf-8")
    assert read_toml("codebook.toml", path) == (str(path), {"version": "1"})


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        (
            "no_such_file.toml",
            None,
            ["pantau/data/no_such_file.toml", "missing", "reinstall pantau"],
        ),
        (None, None, ["absent.toml", "missing", "check the path"]),
        (None, b"version = \n", ["bad.toml", "not valid UTF-8 TOML", "fix the file"]),
        (None, b'version = "\xff"\n', ["bad.toml", "not valid UTF-8 TOML", "fix the file"]),
    ],
    ids=["missing packaged name", "user path missing", "invalid TOML", "invalid UTF-8"],
)
def test_failures_raise_resource_error(
    tmp_path: Path, name: str | None, content: bytes | None, words: list[str]
) -> None:
    path: Path | None = None
    if name is None:
        path = tmp_path / ("absent.toml" if content is None else "bad.toml")
        if content is not None:
            path.write_bytes(content)
    with pytest.raises(ResourceError) as caught:
        read_toml(name or "codebook.toml", path)
    for word in words:
        assert word in str(caught.value)

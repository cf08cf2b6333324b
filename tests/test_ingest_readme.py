"""Every shell line of the README's "Ingest, query and export" section runs, as written.

The lines run in a temporary folder laid out as a checkout: ``.venv/bin/pantau`` and
``pantau/samples`` point at the real ones, and ``feed.xml`` and ``articles.jsonl`` are made here
from the bundled samples. ``$PANTAU_PROCESSOR`` selects the reader as the processor, so that the
examples do not depend on the state of the later pipeline stages (tested on their own).
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = re.compile(r"^## Ingest, query and export\n(.*?)^## ", re.DOTALL | re.MULTILINE)
SHELL = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def shell_lines() -> list[str]:
    section = SECTION.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section, "the README has no 'Ingest, query and export' section before the next one"
    blocks = SHELL.findall(section.group(1))
    assert blocks, "the section has no sh example"
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def lay_out(folder: Path) -> None:
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / ".venv" / "bin" / "pantau").symlink_to(Path(sys.executable).parent / "pantau")
    (folder / "pantau").mkdir()
    (folder / "pantau" / "samples").symlink_to(ROOT / "pantau" / "samples")
    samples = sorted((ROOT / "pantau" / "samples").glob("*.txt"))
    items = "".join(
        f"<item><title>{path.stem}</title><link>https://contoh.invalid/{path.stem}</link>"
        f"<guid>{path.stem}</guid><pubDate>Tue, 05 Mar 2024 07:00:00 GMT</pubDate>"
        "<content:encoded><![CDATA["
        + "".join(f"<p>{html.escape(p)}</p>" for p in path.read_text("utf-8").splitlines())
        + "]]></content:encoded></item>"
        for path in samples
    )
    (folder / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Contoh</title>'
        f"<link>https://contoh.invalid/</link>{items}</channel></rss>",
        encoding="utf-8",
    )
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for number, path in enumerate(samples):
            record = {
                "text": path.read_text("utf-8") + "\nRedaksi menerima koreksi pembaca.",
                "url": f"https://jsonl.invalid/{number}",
                "outlet": "Contoh",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_readme_shell_examples_run(tmp_path: Path) -> None:
    lay_out(tmp_path)
    env = dict(os.environ, PANTAU_PROCESSOR="pantau.ingest:reader_processor")
    env.pop("PANTAU_DB", None)
    lines = shell_lines()
    assert any("ingest pantau/samples" in line for line in lines)
    for line in lines:
        result = subprocess.run(
            ["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, timeout=120
        )
        assert result.returncode == 0, f"{line}\n{result.stderr.decode()}"
    assert (tmp_path / "news.db").is_file()
    assert (tmp_path / "events.csv").read_bytes().startswith(b"\xef\xbb\xbfevent_id,")
    geojson = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert geojson["type"] == "FeatureCollection"

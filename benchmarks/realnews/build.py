"""Build the article files of the real-news gold sets from the shared benchmark copies.

The real-news sets (``benchmarks/realnews-dev`` and ``benchmarks/realnews-held``)
hold published articles nobody on the project wrote, annotated blind to
``ANNOTATION.md``. Their gold claims are in the repository; their texts are
rebuilt from ``../shared/benchmarks`` by this script:

* MEANTIME (Wikinews, CC BY 4.0): every sentence of the CAT XML re-joined,
  sentence 0 as the title, sentence 1 (the date line) dropped, one paragraph
  per sentence. These files are also committed, with attribution.
* PolNeAR (US political news, 2016; no licence stated): the text file as it is,
  with its publication date. These are written at evaluation time only and are
  kept out of git (``.gitignore``).

    python benchmarks/realnews/build.py [--benchmarks ../shared/benchmarks]

``sources.tsv`` lists every article: ``set``, ``doc``, ``source``, ``path``;
``set`` is the folder under ``benchmarks/`` (a chain's too, e.g.
``chains-held/clinton-email-fbi``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from claimx.bench.common import join_tokens

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
QUOTES = {"``": '"', "''": '"'}  # PTB quote tokens back to the straight quotes of the page


def iso_day(value: str) -> str:
    """RETURNS (str): a creation time's day as YYYY-MM-DD. One MEANTIME file writes it
    day first (``03-02-2009``, as Wikinews' European editors did); the rest are ISO.
    """
    day = value[:10]
    parts = day.split("-")
    if len(parts) == 3 and len(parts[0]) == 2 and len(parts[2]) == 4:
        return f"{parts[2]}-{parts[1]}-{parts[0]}"
    return day


def meantime_article(path: Path) -> str:
    """RETURNS (str): the article file (front matter and body) of one MEANTIME CAT XML file."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        word = QUOTES.get(tok.text or "", tok.text or "")
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(word)
    published = ""
    for element in root.iter("TIMEX3"):
        if element.get("functionInDocument") == "CREATION_TIME":
            published = iso_day(element.get("value") or "")
    title = join_tokens(sentences.get(0, []))[0]
    body = [join_tokens(sentences[n])[0] for n in sorted(sentences) if n >= 2]
    url = root.get("url", "")
    front = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"published: {published}" if published else "",
        f"url: {url}" if url else "",
        "source: MEANTIME (Wikinews, CC BY 4.0)",
        "---",
    ]
    return "\n".join(line for line in front if line) + "\n" + "\n\n".join(body) + "\n"


def polnear_article(path: Path, published: str) -> str:
    """RETURNS (str): the article file of one PolNeAR text, the text unchanged."""
    text = path.read_text(encoding="utf-8")
    front = ["---", f"published: {published}" if published else "", "source: PolNeAR", "---"]
    return "\n".join(line for line in front if line) + "\n" + text


def polnear_dates(benchmarks: Path) -> dict[str, str]:
    """RETURNS (dict[str, str]): publication date by PolNeAR file name."""
    with open(benchmarks / "polnear" / "metadata.tsv", encoding="utf-8") as fh:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(fh, delimiter="\t")}


def build(benchmarks: Path, out_root: Path = ROOT / "benchmarks") -> int:
    """Write every article listed in ``sources.tsv``. RETURNS (int): how many were written."""
    dates = polnear_dates(benchmarks)
    written = 0
    with open(HERE / "sources.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            src = benchmarks / row["path"]
            if row["source"] == "meantime":
                text = meantime_article(src)
            else:
                text = polnear_article(src, dates.get(Path(row["path"]).stem, ""))
            dest = out_root / row["set"] / "articles" / f"{row['doc']}.md"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    args = parser.parse_args(argv)
    if not (args.benchmarks / "polnear").is_dir():
        print(f"error: no PolNeAR copy under {args.benchmarks}; pass --benchmarks", file=sys.stderr)
        return 2
    print(f"{build(args.benchmarks)} articles written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

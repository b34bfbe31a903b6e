"""Build src/marsad/data/idf.tsv: document frequencies of content-word stems.

Derived word statistics (no sentences) from the SaudiNewsNet corpus in ../shared/corpora.
Used by the cleaner to weigh topical continuity: sharing "الوزارة" says little, sharing
"البديوي" says a lot. Run: python tools/build_idf.py [--corpus DIR] [--min-df 3]
"""

from __future__ import annotations

import argparse
import json
import math
import zipfile
from collections import Counter
from pathlib import Path

from marsad.arabic.tokens import content_stems

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/saudinewsnet/dataset"))
    parser.add_argument("--min-df", type=int, default=4)
    parser.add_argument("--out", default=str(ROOT / "src/marsad/data/idf.tsv"))
    args = parser.parse_args()
    df: Counter[str] = Counter()
    docs = 0
    for path in sorted(Path(args.corpus).glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for item in json.loads(archive.read(name)):
                    df.update(set(content_stems(item.get("content") or "")))
                    docs += 1
    rows = sorted((s, n) for s, n in df.items() if n >= args.min_df)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(f"# document frequencies of content stems over {docs} news articles (SaudiNewsNet)\n")
        out.write(f"# docs\t{docs}\nstem\tdf\n")
        for stem, n in rows:
            out.write(f"{stem}\t{n}\n")
    print(f"{docs} documents, {len(rows)} stems -> {args.out} (max idf {math.log(docs):.1f})")


if __name__ == "__main__":
    main()

"""Cleaning and metadata quality on the frozen golden set (eval/cleaning), and speed.

Quality: recall of article sentences, precision of kept sentences, junk removal, and accuracy
of published date / source, title, outlet and dateline. Speed: articles/s on one core for text
input, and for HTML input side by side with trafilatura's `extract` alone on the same pages.

    python benchmarks/bench_clean.py [--speed-articles 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

from _common import ROOT, have_saudi, saudi_articles  # noqa: E402

import marsad  # noqa: E402
from marsad.arabic.split import sentences  # noqa: E402
from marsad.outlets import outlet_index  # noqa: E402
from marsad.pipeline import STAGES  # noqa: E402
from marsad.settings import Settings  # noqa: E402

EVAL = ROOT / "eval" / "cleaning"


def quality() -> None:
    gold = [json.loads(line) for line in (EVAL / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = dict.fromkeys(["keep", "kept", "drop", "dropped", "out_sent", "out_ok", "docs"], 0)
    fields = {k: [0, 0] for k in ("published", "published_source", "updated", "title", "outlet", "dateline")}
    misses: list[str] = []
    index = outlet_index()
    for item in gold:
        path = EVAL / item["file"]
        article = marsad.extract(path.read_bytes(), source=str(path), crawled=item.get("crawled"),
                                 html=path.suffix == ".html")
        counts["docs"] += 1
        for snippet in item["keep"]:
            counts["keep"] += 1
            found = snippet in article.text
            counts["kept"] += found
            if not found:
                misses.append(f"LOST {item['file']}: {snippet[:70]}")
        for snippet in item["drop"]:
            counts["drop"] += 1
            gone = snippet not in article.text
            counts["dropped"] += gone
            if not gone:
                misses.append(f"KEPT {item['file']}: {snippet[:70]}")
        for start, end in sentences(article.text):
            sentence = article.text[start:end]
            counts["out_sent"] += 1
            counts["out_ok"] += any(sentence in k or k in sentence for k in item["keep"])
        outlet = index.lookup(item["outlet"]) if item.get("outlet") else None
        expected = {**item, "outlet": outlet.name_en if outlet else item.get("outlet")}
        for key in fields:
            fields[key][1] += 1
            got = getattr(article, key)
            want = expected.get(key)
            ok = got.strip() == want.strip() if key == "dateline" and got and want else got == want
            fields[key][0] += ok
            if not ok:
                misses.append(f"{key.upper():>16} {item['file']}: got {got!r} want {want!r}")
    print(f"golden set: {counts['docs']} documents")
    print(f"  article sentences kept (recall):   {counts['kept']}/{counts['keep']} = {counts['kept']/counts['keep']:.3f}")
    print(f"  kept sentences that are article (precision): {counts['out_ok']}/{counts['out_sent']} = {counts['out_ok']/max(1, counts['out_sent']):.3f}")
    print(f"  junk snippets removed:             {counts['dropped']}/{counts['drop']} = {counts['dropped']/counts['drop']:.3f}")
    for key, (ok, total) in fields.items():
        print(f"  {key:<17} accuracy {ok}/{total} = {ok/total:.3f}")
    if "--verbose" in sys.argv:
        print("\n".join(misses))


CMS_TEMPLATES = [
    """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}"><script>var ads = [1,2,3]; window.dataLayer=[];</script>
<link rel="stylesheet" href="/s.css"></head><body><header><nav><ul>{nav}</ul></nav></header>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/news">أخبار</a></div>
<main><article><h1>{title}</h1><div class="meta">{date}</div><div class="share">شارك: فيسبوك تويتر واتساب</div>
<div class="content">{paras}</div></article>
<aside><h3>اقرأ أيضا</h3><ul>{related}</ul></aside>
<section class="comments"><h3>التعليقات</h3><p>تعليق رائع جدا على الخبر</p></section></main>
<footer><p>جميع الحقوق محفوظة © 2015 {site}</p>{links}</footer><script>console.log('x');</script></body></html>""",
    """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title>
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}","datePublished":"{date}"}}</script></head>
<body><div id="top">{nav}</div><div id="wrap"><div class="post"><h2 class="entry-title">{title}</h2>
<div class="entry-content">{paras}<div class="tags">الوسوم: أخبار، محليات</div></div></div>
<div class="widget"><h4>الأكثر قراءة</h4><ol>{related}</ol></div></div>
<div id="footer">{links}<p>Copyright {site}</p></div></body></html>""",
]


def make_pages(count: int) -> list[str]:
    rng = random.Random(7)
    articles = list(saudi_articles(limit=count * 2))
    pages = []
    for i in range(count):
        item = articles[i % len(articles)]
        paras = "".join(f"<p>{p.strip()}</p>" for p in item["content"].split("\n") if p.strip())
        nav = "".join(f'<li><a href="/c{n}">قسم {n}</a></li>' for n in range(rng.randint(5, 40)))
        related = "".join(f'<li><a href="/a{n}">{articles[(i + n + 1) % len(articles)]["title"]}</a></li>' for n in range(6))
        links = "".join(f'<a href="/l{n}">رابط {n}</a> ' for n in range(rng.randint(10, 200)))
        template = CMS_TEMPLATES[i % len(CMS_TEMPLATES)]
        pages.append(template.format(title=item.get("title") or "", site=item["source"], date=item["date_extracted"].replace(" ", "T"),
                                     nav=nav, paras=paras, related=related, links=links))
    return pages


def _clean_and_metadata_only(page: str) -> None:
    from marsad.pipeline import article_from_raw
    from marsad.readers import RawInput

    settings = Settings(use_model=False)
    article = article_from_raw(RawInput(source="p.html", data=page.encode(), kind="html"), settings)
    for stage in STAGES[:4]:          # prepare (trafilatura), clean, language, metadata
        article = stage(article, settings)


def _text_stages(text: str, stages: int) -> None:
    from marsad.pipeline import article_from_raw
    from marsad.readers import RawInput

    settings = Settings()
    article = article_from_raw(RawInput(source="t.txt", data=text.encode()), settings)
    for stage in STAGES[:stages]:
        article = stage(article, settings)


def _extract_or_skip(text: str) -> None:
    # captions with no article text still cost their time
    with contextlib.suppress(marsad.errors.InputError):
        marsad.extract(text)


def _rate(fn, items) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - started)


def speed(n: int) -> None:
    if not have_saudi():
        print("speed: SaudiNewsNet not found in ../shared/corpora: skipped")
        return
    import trafilatura

    texts = [a["content"] for a in saudi_articles(limit=n + 1000)]
    warm, texts = texts[:1000], texts[1000:]
    for text in warm:   # steady state: data files, model and word caches loaded, as in a long feed
        with contextlib.suppress(marsad.errors.InputError):
            marsad.extract(text)

    words = sum(len(t.split()) for t in texts) / len(texts)
    clean_rate = _rate(lambda t: _text_stages(t, 4), texts)
    whole_rate = _rate(_extract_or_skip, texts)
    print(f"text input ({len(texts)} SaudiNewsNet articles, {words:.0f} words on average, after a "
          f"1,000-article warm-up), one core:")
    print(f"  decode + clean + language + metadata: {clean_rate:,.0f} articles/s (target >= 1,000)")
    print(f"  whole pipeline (entities with tagger, quotes): {whole_rate:,.0f} articles/s")
    pages = make_pages(min(n, 1000))
    for page in pages[:20]:
        trafilatura.extract(page, include_comments=False, include_tables=False, with_metadata=False, deduplicate=False)
        _clean_and_metadata_only(page)
    base = _rate(lambda p: trafilatura.extract(p, include_comments=False, include_tables=False,
                                               with_metadata=False, deduplicate=False), pages)
    ours = _rate(_clean_and_metadata_only, pages)
    print(f"HTML input ({len(pages)} generated CMS pages): trafilatura.extract alone {base:,.0f} pages/s; "
          f"marsad clean+metadata {ours:,.0f} pages/s; ratio {base/ours:.2f}x (target <= 1.3x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--speed-articles", type=int, default=2000)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    quality()
    speed(args.speed_articles)


if __name__ == "__main__":
    main()

"""Requests per second for the web UI and the API, on one core.

Builds a store from SaudiNewsNet (the first N articles; the bundled sample when the corpus is
absent), then measures, for a story page (an article page when no stories are built), the home
page and `/api/search`:
  - library: the same work without HTTP (search(); the page's queries + template render),
    the baseline the other numbers are compared with;
  - testclient: FastAPI's TestClient in a loop (in-process, no sockets);
  - uvicorn: `uvicorn --factory marsad.api:app_from_env` in a subprocess pinned to one CPU,
    driven over keep-alive HTTP by client threads running on other CPUs.

    python benchmarks/bench_api.py [--articles 3000] [--seconds 5] [--clients 8] [--db FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import have_saudi, saudi_articles  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.api_lib import ingest  # noqa: E402
from marsad.executors import make_executor  # noqa: E402
from marsad.fulltext import search  # noqa: E402
from marsad.store import Store, open_store  # noqa: E402
from marsad.web import pages, queries  # noqa: E402

QUERIES = ["السعودية", "وزير الخارجية", "الرياض", "النفط", "الهلال", "\"مجلس الوزراء\""]


def build_store(directory: Path, articles: int) -> tuple[str, str]:
    db = str(directory / "bench.db")
    if have_saudi():
        feed = directory / "saudi.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for item in saudi_articles(articles):
                row = {"text": item["content"], "url": item["url"], "title": item.get("title") or None,
                       "crawled": item["date_extracted"].replace(" ", "T")[:16]}
                out.write(json.dumps({k: v for k, v in row.items() if v}, ensure_ascii=False) + "\n")
        paths, label = [str(feed)], f"SaudiNewsNet, first {articles} articles"
    else:
        from marsad.demo import sample_paths

        paths, label = sample_paths(), "bundled sample (SaudiNewsNet not found)"
    store = open_store(db)
    try:
        report = ingest(paths, store, executor=make_executor(max(1, (os.cpu_count() or 2) - 1)))
        label += f": {report.added} stored"
        try:
            from marsad.storylines import build_stories

            build_stories(store)
        except ImportError:
            label += ", no stories (marsad.storylines not available)"
    finally:
        store.close()
    return db, label


ROUNDS = 3   # each number is the best of ROUNDS runs: other work on the machine only slows


def rate(call: Callable[[], Any], seconds: float) -> float:
    call()   # warm
    best = 0.0
    for _ in range(ROUNDS):
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / ROUNDS:
            call()
            count += 1
        best = max(best, count / (time.perf_counter() - start))
    return best


def page_target(store: Store) -> tuple[str, Callable[[], Any]]:
    """The busiest story's page, or the first article's page when there are no stories; with
    the library call that does the same queries and renders the same template."""
    rows = store.execute("SELECT id FROM stories ORDER BY size DESC, ord LIMIT 1")
    if rows:
        story_id = rows[0][0]

        def library_story() -> Any:
            story = queries.story_of(store, story_id) or {}
            titles = queries.titles(store, [a["id"] for a in story.get("articles", [])])
            names = queries.arabic_names(store, [e["id"] for e in story.get("entities", [])])
            context = pages.story_context(story, titles, names)
            return pages.templates.get_template("story.html").render(**context)

        return f"/story/{story_id}", library_story
    article_id = store.execute("SELECT id FROM articles ORDER BY seq LIMIT 1")[0][0]

    def library_article() -> Any:
        context = pages.article_context(store.get(article_id) or {}, None)
        return pages.templates.get_template("article.html").render(**context)

    return f"/article/{article_id}", library_article


def in_process(db: str, seconds: float) -> dict[str, tuple[float, float]]:
    """(library, testclient) requests/s per target."""
    store = open_store(db)
    page_path, library_page = page_target(store)
    turn = iter(range(10**9))
    next_query = lambda: QUERIES[next(turn) % len(QUERIES)]  # noqa: E731
    results = {}
    with TestClient(create_app(db)) as client:
        results[page_path] = (rate(library_page, seconds), rate(lambda: client.get(page_path), seconds))
        results["/api/search"] = (rate(lambda: search(store, next_query(), limit=20), seconds),
                                  rate(lambda: client.get("/api/search", params={"q": next_query()}), seconds))
        results["/"] = (float("nan"), rate(lambda: client.get("/"), seconds))
    store.close()
    return results


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def over_http(db: str, paths: list[str], seconds: float, clients: int) -> dict[str, float]:
    """Requests/s from a one-CPU uvicorn subprocess, `clients` keep-alive connections."""
    port = _free_port()
    cpus = sorted(os.sched_getaffinity(0))
    server_cpu, client_cpus = cpus[0], set(cpus[1:]) or {cpus[0]}
    command = [sys.executable, "-m", "uvicorn", "--factory", "marsad.api:app_from_env", "--port", str(port),
               "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, env={**os.environ, "MARSAD_DB": db},
                              preexec_fn=lambda: os.sched_setaffinity(0, {server_cpu}))
    os.sched_setaffinity(0, client_cpus)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        return {path: max(_hammer(base, path, seconds / ROUNDS, clients) for _ in range(ROUNDS)) for path in paths}
    finally:
        server.terminate()
        server.wait(timeout=10)
        os.sched_setaffinity(0, set(cpus))


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/stats", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("uvicorn did not start")


def _hammer(base: str, path: str, seconds: float, clients: int) -> float:
    counts = [0] * clients
    stop = time.perf_counter() + seconds

    def worker(index: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            n = 0
            while time.perf_counter() < stop:
                target = path if path != "/api/search" else f"/api/search?q={QUERIES[n % len(QUERIES)]}"
                client.get(target).raise_for_status()
                n += 1
            counts[index] = n

    httpx.get(base + path.replace("/api/search", "/api/search?q=x")).raise_for_status()  # warm
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--db", help="benchmark an existing store instead of building one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        db, label = (args.db, f"{args.db} (given)") if args.db else build_store(Path(tmp), args.articles)
        print(f"store: {label} (ready in {time.perf_counter() - started:.1f}s)")
        local = in_process(db, args.seconds)
        remote = over_http(db, list(local), args.seconds, args.clients)
    print(f"\n{'target':<34}{'library/s':>11}{'testclient/s':>14}{'uvicorn 1 CPU/s':>17}{'uvicorn/library':>17}")
    for path, (library, testclient) in local.items():
        ratio = remote[path] / library if library == library else float("nan")
        print(f"{path[:33]:<34}{library:>11.0f}{testclient:>14.0f}{remote[path]:>17.0f}{ratio:>17.2f}")
    print(f"\nuvicorn: one worker process pinned to one CPU, {args.clients} keep-alive client threads on other CPUs")


if __name__ == "__main__":
    main()

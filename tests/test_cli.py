"""CLI conventions from the contract: --db, --json/--format, exit codes 0/1/2, stdin."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import marsad.cli_more  # noqa: F401
from marsad.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
TEXT = "بكين - قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة جدا مع نظيره الصيني في العاصمة."


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    (tmp_path / name).write_bytes(data)
    return str(tmp_path / name)


def test_extract_seeds_prints_one_valid_record_each(seeds_dir: Path) -> None:
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    result = runner.invoke(app, ["extract", *paths, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == paths
    assert all(r["text"] and r["id"] for r in records)


def test_json_flag_is_a_synonym_of_format_json(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", TEXT.encode())
    one = runner.invoke(app, ["extract", path, "--json"])
    two = runner.invoke(app, ["extract", path, "--format", "json"])
    assert one.exit_code == two.exit_code == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_some_bad_inputs_exit_1_and_name_each_failure(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", TEXT.encode())
    empty = _write(tmp_path, "empty.txt", b"")
    binary = _write(tmp_path, "rand.txt", bytes(range(256)) * 8)
    result = subprocess.run([sys.executable, "-m", "marsad", "extract", empty, good, binary],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "rand.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_inputs_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    big = _write(tmp_path, "big.txt", (TEXT + "\n").encode() * 2000)
    result = subprocess.run([sys.executable, "-m", "marsad", "extract", big], capture_output=True,
                            text=True, env={"MARSAD_MAX_INPUT_MB": "0.01", "PATH": ""})
    assert result.returncode == 1
    assert "too large" in result.stderr


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["extract", "x", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["extract", "x", "--crawled", "yesterday"]).exit_code == 2


def test_stdin_jsonl_sources_are_numbered() -> None:
    feed = json.dumps({"text": TEXT, "url": "https://x.example/a"}, ensure_ascii=False) + "\n"
    result = subprocess.run([sys.executable, "-m", "marsad", "extract", "-"], input=feed * 2,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["-:1", "-:2"]


def test_ingest_twice_leaves_stats_unchanged(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    path = _write(tmp_path, "a.txt", TEXT.encode())
    assert runner.invoke(app, ["ingest", path, "--db", db]).exit_code == 0
    first = runner.invoke(app, ["stats", "--db", db, "--json"]).stdout
    assert runner.invoke(app, ["ingest", path, "--db", db]).exit_code == 0
    second = runner.invoke(app, ["stats", "--db", db, "--json"]).stdout
    assert first == second
    counts = json.loads(first)
    assert {"articles", "outlets", "entities", "quotes", "stories"} <= set(counts)


def test_every_cli_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    missing = [c for c in commands if not re.search(rf"marsad {c}\b", readme)]
    assert not missing, f"undocumented commands: {missing}"

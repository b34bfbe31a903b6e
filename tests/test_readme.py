"""The README's examples run: the Python API block, and the CLI examples over the demo store."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

import marsad.cli_more  # noqa: F401
from marsad.cli import app
from marsad.demo import run_demo

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def test_readme_opens_with_exactly_two_setup_commands() -> None:
    first_block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert first_block and README.index(first_block.group(0)) < README.index("## ")
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert commands == ["pip install -e . && marsad demo", "pip install -e '.[test]' && pytest"]


def test_python_api_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"```python\n(.*?)```", README, re.S)
    assert block
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "a.txt").write_text("الرياض - أعلنت الوزارة اليوم عن خطة جديدة لتطوير النقل العام.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(block.group(1), "README.md", "exec"), namespace)  # noqa: S102
    assert namespace["report"].added == 1  # type: ignore[attr-defined]
    assert len(namespace["stories"]) == 1  # type: ignore[arg-type]
    assert namespace["hits"]["total"] == 1  # type: ignore[index]


STORE_COMMANDS = {"stats", "entities", "entity", "quotes", "stories", "search", "show"}


def _cli_examples() -> list[list[str]]:
    examples = []
    for line in README.splitlines():
        line = line.split("  #")[0].strip()
        if line.startswith("marsad "):
            args = shlex.split(line)[1:]
            if args and args[0] in STORE_COMMANDS and not any(a.startswith("../") for a in args):
                examples.append(args)
    return examples


def test_cli_examples_run_on_the_demo_store(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    run_demo(db)
    examples = _cli_examples()
    assert {e[0] for e in examples} >= {"stats", "entities", "quotes", "stories", "search"}
    for args in examples:
        if args[0] in ("show", "story"):
            continue        # they take ids of the README author's store
        result = runner.invoke(app, [*args, "--db", db], env={**os.environ})
        assert result.exit_code == 0, (args, result.output)

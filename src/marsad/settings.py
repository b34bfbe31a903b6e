"""One settings object for the whole pipeline (trafilatura-style: options in one place).

Users extend the packaged data without editing it: extra outlet, marker and gazetteer files
come from the constructor or from environment variables (paths separated by `os.pathsep`):
MARSAD_OUTLETS, MARSAD_MARKERS, MARSAD_JUNK, MARSAD_GAZETTEER; MARSAD_MAX_INPUT_MB sets the size
limit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024


def _paths_from_env(name: str) -> tuple[Path, ...]:
    value = os.environ.get(name, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p.strip())


def _max_bytes_from_env() -> int:
    value = os.environ.get("MARSAD_MAX_INPUT_MB")
    return int(float(value) * 1024 * 1024) if value else DEFAULT_MAX_INPUT_BYTES


@dataclass(frozen=True)
class Settings:
    max_input_bytes: int = field(default_factory=_max_bytes_from_env)
    outlet_files: tuple[Path, ...] = field(default_factory=lambda: _paths_from_env("MARSAD_OUTLETS"))
    marker_files: tuple[Path, ...] = field(default_factory=lambda: _paths_from_env("MARSAD_MARKERS"))
    junk_files: tuple[Path, ...] = field(default_factory=lambda: _paths_from_env("MARSAD_JUNK"))
    gazetteer_files: tuple[Path, ...] = field(
        default_factory=lambda: _paths_from_env("MARSAD_GAZETTEER")
    )
    crawled: str | None = None      # reference time for relative dates when the input has none
    use_model: bool = True          # the statistical entity tagger (rules and gazetteer always run)

    def with_extra_outlets(self, *paths: Path) -> Settings:
        return replace(self, outlet_files=self.outlet_files + tuple(paths))

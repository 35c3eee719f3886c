"""ruff and mypy are part of the test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PATHS = [name for name in ("digest", "tests", "benchmarks") if (ROOT / name).is_dir()]


def _tool(name: str) -> list[str]:
    beside = Path(sys.executable).parent / name  # the test environment's own copy, activated or not
    if beside.is_file():
        return [str(beside)]
    if shutil.which(name):
        return [name]
    pytest.skip(f"{name} is not installed (pip install '.[test]')")
    return []


def test_ruff_lint() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "check", *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "format", "--check", *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    _tool("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "digest"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

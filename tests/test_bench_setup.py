"""The bench commands without the shared datasets: one sentence saying what they need and where."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", ["evaluate", "speed", "one_pass", "storage", "load", "quotes_report"])
def test_a_bench_command_without_the_datasets_says_what_it_needs(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "no-shared"
    result = subprocess.run([sys.executable, "-m", f"bench.{command}"], capture_output=True, text=True, timeout=120,
                            cwd=ROOT, env={"PATH": "/usr/bin:/bin", "DIGESTBOT_SHARED": str(missing)})
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (f"This needs the development pages in {missing}/datasets/readability-test-pages: put the "
                             "shared datasets folder beside the project (../shared/datasets), or set DIGESTBOT_SHARED "
                             "to the folder that holds datasets/.\n")

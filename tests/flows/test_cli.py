"""``docclean run`` as a user runs it: a subprocess, no server started beforehand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).parents[2]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    command = [sys.executable, "-m", "flows.cli", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_docclean_run_on_the_bundled_examples(tmp_path: Path):
    dest = tmp_path / "out"
    result = run_cli("run", str(ROOT / "examples"), str(dest), "--workers", "1", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "documents written" in result.stdout
    n_examples = sum(1 for p in (ROOT / "examples").iterdir() if p.is_file())
    docs = pq.read_table(dest / "documents").num_rows
    rejects = pq.read_table(dest / "rejects").num_rows
    assert docs + rejects == n_examples and docs >= 2


def _api_servers() -> set[int]:
    """Processes running Prefect's API app (the temporary server a run starts)."""
    found = set()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if b"prefect.server.api.server:create_app" in cmdline.read_bytes():
                found.add(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_docclean_run_starts_its_own_api_and_stops_it(tmp_path: Path):
    before = _api_servers()
    result = run_cli("run", str(ROOT / "examples"), str(tmp_path / "out"), "--workers", "0", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert _api_servers() <= before  # nothing left running after the command returns


def test_docclean_run_exits_non_zero_on_a_bad_option(tmp_path: Path):
    shutil.copytree(ROOT / "examples", tmp_path / "pages")
    result = run_cli("run", str(tmp_path / "pages"), str(tmp_path / "out"), "--convert", "nope", cwd=ROOT)
    assert result.returncode != 0
    assert "nope" in result.stderr


def test_docclean_run_refuses_a_batch_size_below_one(tmp_path: Path):
    result = run_cli("run", str(ROOT / "examples"), str(tmp_path / "out"), "--batch-size", "-5", cwd=ROOT)
    assert result.returncode == 2
    assert "--batch-size must be at least 1" in result.stderr
    assert not (tmp_path / "out").exists()  # nothing started, nothing written


def test_an_api_configured_in_the_prefect_profile_is_used_not_a_temporary_one(tmp_path: Path):
    # Users who ran `prefect config set PREFECT_API_URL=…` have it in a profile, not the env.
    home = tmp_path / "prefect-home"
    home.mkdir()
    (home / "profiles.toml").write_text(
        'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://127.0.0.1:9/api"\n', encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    probe = (
        "from flows.api_server import start_if_needed; import os; "
        "print(type(start_if_needed()).__name__, os.environ.get('PREFECT_API_URL'))"
    )
    configured = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**env, "PREFECT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert configured.stdout.split() == ["NoneType", "None"], configured.stderr
    before = _api_servers()
    (home / "profiles.toml").write_text('active = "team"\n[profiles.team]\n', encoding="utf-8")
    temporary = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**env, "PREFECT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    started, url = temporary.stdout.split()
    assert started == "TemporaryApi" and url.startswith("http://127.0.0.1:")
    assert _api_servers() <= before  # stopped when the process exited

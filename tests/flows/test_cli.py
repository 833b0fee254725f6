"""``docclean run`` as a user runs it: a subprocess, no server started beforehand."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
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


def test_an_api_configured_in_the_prefect_profile_is_used_not_a_temporary_one(tmp_path: Path, monkeypatch):
    # Users who ran `prefect config set PREFECT_API_URL=…` have it in a profile, not the env:
    # the run must go to that server. Here "their" server is one more temporary API.
    from flows.api_server import TemporaryApi

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "server-home"))  # its own, empty database
    server = TemporaryApi()
    try:
        server.wait_ready()
        home = tmp_path / "prefect-home"
        home.mkdir()
        profile = f'active = "team"\n[profiles.team]\nPREFECT_API_URL = "{server.url}"\n'
        (home / "profiles.toml").write_text(profile, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        command = [sys.executable, "-m", "flows.cli", "run", str(ROOT / "examples"), str(tmp_path / "out")]
        result = subprocess.run(
            [*command, "--workers", "0"],
            cwd=ROOT,
            env={**env, "PREFECT_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        request = urllib.request.Request(
            f"{server.url}/flow_runs/filter", data=b"{}", headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            runs = json.loads(response.read())
        assert [r["state_type"] for r in runs] == ["COMPLETED"]  # the run is on the user's server
    finally:
        server.stop()

"""The deployment ``clean-documents/daily`` against a real Prefect server, both ways of running it.

One ``prefect server start`` (temporary PREFECT_HOME, free loopback port) is shared by the module.
``docclean serve`` and ``prefect deploy`` + ``prefect worker start`` run as subprocesses pointed at
it; runs are started with ``prefect deployment run … --watch`` like a user would.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.api_server import free_port
from flows.deployment import DEFAULT_CRON, DEFAULT_TIMEZONE, DeploymentSettings

ROOT = Path(__file__).parents[2]
PREFECT = str(Path(sys.executable).parent / "prefect")
SERVER_START_TIMEOUT = 120
RUN_TIMEOUT = 300

# Small pages written for these tests.
NIGHT_RUN = (
    "城市夜跑的兴起\n\n来源 :生活周刊 | 被引量 : 3次 | 上传用户:runner_x\n"
    "  近几年,越来越多的年轻人选择在下班后到河边跑步。\n\n一、为什么是夜晚\n\n"
    "  白天工作繁忙,晚上气温较低,路上的车辆也少。\n"
)
LIBRARY = (
    "社区图书角的一年\n\n  楼下的图书角由居民捐书建成,现在已有八百多册。\n\n一、借阅规则\n\n"
    "  每人每次可借两本,两周内归还。\n"
)
MARKET = "早市见闻\n\n  清晨六点,菜市场已经很热闹,摊主们忙着摆放新鲜的蔬菜。\n"
RECIPE = "家常番茄炒蛋\n\n  先把鸡蛋炒到半熟盛出,再炒番茄,最后一起翻炒并加少许盐。\n"


def stop(process: subprocess.Popen) -> None:
    """End a subprocess started in its own session, and everything it started."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        except ProcessLookupError:
            pass
    with contextlib.suppress(ProcessLookupError):  # children left in the group (flow runs, uvicorn)
        os.killpg(process.pid, signal.SIGKILL)


class Server:
    def __init__(self, url: str, env: dict[str, str], logs: Path) -> None:
        self.url, self.env, self.logs = url, env, logs

    def get(self, path: str) -> tuple[int, object]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, None

    def post(self, path: str, body: dict) -> object:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def start(self, *command: str, name: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115 (kept open for the process)
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def run(self, *command: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            command,
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            start_new_session=True,
        )

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-5000:] if path.exists() else ""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DOCCLEAN_"))}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=url,
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_LOGGING_LEVEL="INFO",
        PREFECT_RUNNER_POLL_FREQUENCY="1",  # serve and the worker pick runs up within a second
        PREFECT_WORKER_QUERY_SECONDS="1",
    )
    srv = Server(url, env, home)
    process = srv.start(PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port), name="server")
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            try:
                if srv.get("/health")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"prefect server did not start:\n{srv.log('server')}")
            time.sleep(0.3)
        yield srv
    finally:
        stop(process)


def write_pages(folder: Path) -> None:
    folder.mkdir()
    for example in sorted((ROOT / "examples").iterdir()):
        shutil.copy(example, folder / example.name)
    (folder / "night-run.txt").write_text(NIGHT_RUN, encoding="utf-8")
    (folder / "library.txt").write_text(LIBRARY, encoding="gb18030")


def part_snapshot(dest: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(dest)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(dest.glob("*/part-*.parquet"))
    }


def run_deployment(server: Server, *params: str) -> tuple[str, dict]:
    """``prefect deployment run clean-documents/daily --watch``; return the run's id and summary."""
    args = [arg for param in params for arg in ("--param", param)]
    result = server.run(
        PREFECT, "deployment", "run", "clean-documents/daily", *args, "--watch", "--watch-interval", "1"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Completed" in result.stdout
    run_id = re.search(r"UUID: ([0-9a-f-]{36})", result.stdout).group(1)
    status, run = server.get(f"/flow_runs/{run_id}")
    assert status == 200 and run["state_type"] == "COMPLETED"
    artifacts = server.post(
        "/artifacts/filter",
        {"artifacts": {"flow_run_id": {"any_": [run_id]}, "key": {"any_": ["clean-documents-summary"]}}},
    )
    assert len(artifacts) == 1
    summary = dict(re.findall(r"^\| (\w+) \| (\d+) \|$", artifacts[0]["data"], flags=re.MULTILINE))
    return run_id, {k: int(v) for k, v in summary.items()}


def duck(query: str) -> list[tuple]:
    return duckdb.connect().execute(query).fetchall()


def wait_for_deployment(server: Server, process: subprocess.Popen, name: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status, deployment = server.get("/deployments/name/clean-documents/daily")
        if status == 200:
            return deployment
        assert process.poll() is None, server.log(name)
        time.sleep(0.3)
    pytest.fail(f"the deployment did not appear:\n{server.log(name)}")


def test_served_deployment_runs_incrementally(server: Server, tmp_path: Path):
    pages, dest = tmp_path / "pages", tmp_path / "out"
    write_pages(pages)
    serve = server.start(sys.executable, "-m", "flows.cli", "serve", "--workers", "2", name="serve")
    try:
        deployment = wait_for_deployment(server, serve, "serve")
        schedule = deployment["schedules"][0]["schedule"]
        assert (schedule["cron"], schedule["timezone"]) == (DEFAULT_CRON, DEFAULT_TIMEZONE)
        params = (f"source={pages}", f"destination={dest}", "batch_size=1")

        _, first = run_deployment(server, *params)
        assert (first["inputs"], first["new"], first["documents"], first["rejects"]) == (4, 4, 4, 0)
        docs = pq.read_table(dest / "documents").to_pylist()
        assert sorted(Path(d["source_uri"]).name for d in docs) == sorted(p.name for p in pages.iterdir())
        night_uri = str(pages / "night-run.txt")
        old_night = next(d["doc_id"] for d in docs if d["source_uri"] == night_uri)
        sections = duck(f"select count(*) from read_parquet('{dest}/sections/*.parquet')")[0][0]
        assert sections >= 4
        before = part_snapshot(dest)

        (pages / "market.txt").write_text(MARKET, encoding="utf-8")
        (pages / "recipe.txt").write_text(RECIPE, encoding="utf-8")
        (pages / "night-run.txt").write_text(NIGHT_RUN.replace("河边", "公园"), encoding="utf-8")
        _, second = run_deployment(server, *params)
        assert (second["inputs"], second["unchanged"], second["new"], second["changed"]) == (6, 3, 2, 1)
        assert (second["documents"], second["rejects"]) == (3, 0)
        counts = duck(
            f"""select count(*), count(distinct doc_id), count(distinct source_uri),
                       count(*) filter (where doc_id = '{old_night}')
                from read_parquet('{dest}/documents/*.parquet')"""
        )[0]
        assert counts == (6, 6, 6, 0)
        stale = duck(
            f"select count(*) from read_parquet('{dest}/sections/*.parquet') where doc_id = '{old_night}'"
        )
        assert stale == [(0,)]
        keys = duck(
            f"select count(*) = count(distinct (doc_id, section_index)) "
            f"from read_parquet('{dest}/sections/*.parquet')"
        )
        assert keys == [(True,)]
        after = part_snapshot(dest)
        old_part = {name for name in before if after.get(name) != before[name]}
        assert len({Path(n).name for n in old_part}) == 1  # only the changed page's own part files
        assert len(set(after) - set(before)) == 3 * 4  # batch_size 1: three new parts per table

        _, third = run_deployment(server, *params)
        assert (third["unchanged"], third["new"], third["changed"], third["documents"]) == (6, 0, 0, 0)
        assert part_snapshot(dest) == after
    finally:
        stop(serve)


def test_prefect_yaml_deployment_runs_on_a_process_worker(server: Server, tmp_path: Path):
    pages, dest = tmp_path / "pages", tmp_path / "out"
    write_pages(pages)
    pool = "docclean-test"
    created = server.run(PREFECT, "work-pool", "create", pool, "--type", "process", "--overwrite")
    assert created.returncode == 0, created.stdout + created.stderr
    deployed = server.run(
        PREFECT,
        "--no-prompt",
        "deploy",
        "--name",
        "daily",
        "--pool",
        pool,
        extra_env={"DOCCLEAN_SOURCE": str(pages), "DOCCLEAN_DESTINATION": str(dest)},
    )
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    status, deployment = server.get("/deployments/name/clean-documents/daily")
    assert status == 200 and deployment["work_pool_name"] == pool
    assert deployment["parameters"]["source"] == str(pages)
    assert deployment["entrypoint"] == "flows/deployment.py:daily_flow"
    schedule = deployment["schedules"][0]["schedule"]
    assert (schedule["cron"], schedule["timezone"]) == (DEFAULT_CRON, DEFAULT_TIMEZONE)

    worker = server.start(PREFECT, "worker", "start", "--pool", pool, name="worker")
    try:
        _, first = run_deployment(server)  # the deployment's own parameters
        assert (first["inputs"], first["documents"]) == (4, 4)
        assert pq.read_table(dest / "documents").num_rows == 4
        (pages / "market.txt").write_text(MARKET, encoding="utf-8")
        _, second = run_deployment(server)
        assert (second["unchanged"], second["new"], second["documents"]) == (4, 1, 1)
        assert pq.read_table(dest / "documents").num_rows == 5
    finally:
        stop(worker)
        assert "Traceback" not in server.log("worker"), server.log("worker")


def test_settings_come_from_the_environment():
    settings = DeploymentSettings.from_env(
        {
            "DOCCLEAN_SOURCE": "/data/in",
            "DOCCLEAN_DESTINATION": "/data/out",
            "DOCCLEAN_CRON": "30 1 * * 1-5",
            "DOCCLEAN_TIMEZONE": "UTC",
            "DOCCLEAN_CONVERT": "none",
            "DOCCLEAN_BATCH_SIZE": "50",
            "DOCCLEAN_FULL_REFRESH": "true",
        }
    )
    assert settings.parameters() == {
        "source": "/data/in",
        "destination": "/data/out",
        "convert": "none",
        "batch_size": 50,
        "max_bytes": settings.max_bytes,
        "full_refresh": True,
    }
    schedule = settings.schedule()
    assert (schedule.cron, schedule.timezone, schedule.active) == ("30 1 * * 1-5", "UTC", True)
    unset = DeploymentSettings.from_env({})
    assert "source" not in unset.parameters()
    assert (unset.schedule().cron, unset.schedule().active) == (DEFAULT_CRON, False)  # nothing to run on
    with pytest.raises(ValueError, match="DOCCLEAN_BATCH_SIZE"):
        DeploymentSettings.from_env({"DOCCLEAN_BATCH_SIZE": "many"})
    with pytest.raises(ValueError):
        DeploymentSettings.from_env({"DOCCLEAN_CONVERT": "no-such-config"}).parameters()

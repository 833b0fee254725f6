"""A temporary Prefect API for one ``docclean run``, started before anything else.

With no ``PREFECT_API_URL``, Prefect starts its own temporary server when the flow begins, after
the run's imports, and imports the whole server package into the calling process to do it: about
10 s on two cores before the first page is read. Starting the same server (the command Prefect
uses) as the first thing the CLI does lets it boot on one core while the run imports on the other,
and keeps the server's code out of the run's process.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

STARTUP_TIMEOUT_S = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "60"))
PORT_IN_USE_EXIT = 3  # uvicorn's exit code when it cannot bind


class TemporaryApi:
    """A Prefect API server on a free local port, ended by :meth:`stop` or at exit."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process = _launch(self.port)
        atexit.register(self.stop)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() == PORT_IN_USE_EXIT:  # lost the port to another process
                self.port = free_port()
                self.process = _launch(self.port)
            elif self.process.poll() is not None:
                raise RuntimeError(f"Prefect's API server exited with code {self.process.returncode}")
            elif _healthy(self.url):
                return
            time.sleep(0.1)
        raise RuntimeError(f"Prefect's API server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_if_needed() -> TemporaryApi | None:
    """Start a temporary API for this run unless one is configured; None when one is.

    The server is launched, and ``PREFECT_API_URL`` set for this process and its children, before
    Prefect reads its settings (importing them takes a second). If a profile, ``prefect.toml`` or
    ``.env`` names an API after all, the server is stopped and the command starts again with that
    API, so that every thread and worker of the run talks to the user's server.
    """
    if os.environ.get("PREFECT_API_URL"):
        return None
    api = TemporaryApi()
    os.environ["PREFECT_API_URL"] = api.url
    configured = configured_api_url()
    if configured:
        api.stop()
        os.environ["PREFECT_API_URL"] = configured
        os.execv(sys.executable, [sys.executable, "-m", "flows.cli", *sys.argv[1:]])
    return api


def configured_api_url() -> str | None:
    """The API URL Prefect's settings name without this process's ``PREFECT_API_URL`` variable."""
    from prefect.settings import Settings

    ours = os.environ.pop("PREFECT_API_URL", None)
    try:
        return Settings().api.url
    finally:
        if ours is not None:
            os.environ["PREFECT_API_URL"] = ours


def _launch(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--app-dir",
            _site_packages(),
            "--factory",
            "prefect.server.api.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        ],
        env=env,
    )


def _site_packages() -> str:
    """The folder holding the ``prefect`` package, found without importing it."""
    spec = importlib.util.find_spec("prefect")
    assert spec and spec.origin, "prefect is not installed"
    return str(Path(spec.origin).parent.parent)


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False

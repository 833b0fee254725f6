"""The ``clean-documents/daily`` deployment: its schedule, default parameters and task runner.

Two ways to run it, both creating the same deployment:

- ``docclean serve``: :func:`serve` serves it from this long-running process (``flow.serve``).
- ``prefect deploy --name daily`` with ``prefect.yaml``: a process work pool, ``prefect worker
  start``; the entrypoint is :data:`daily_flow`.

Every setting comes from ``docclean serve`` options, else from ``DOCCLEAN_*`` environment
variables, else from the defaults below; nothing needs a code change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prefect.schedules import Cron

from flows.clean_documents import DEFAULT_BATCH_SIZE, clean_documents
from transforms.pipeline import DEFAULT_MAX_BYTES, CleanOptions

FLOW_NAME = "clean-documents"
DEPLOYMENT_NAME = "daily"
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Asia/Shanghai"
ENV_PREFIX = "DOCCLEAN_"


def _env_bool(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _env_int(env: Mapping[str, str], name: str) -> int | None:
    value = env.get(ENV_PREFIX + name, "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{ENV_PREFIX}{name} must be an integer, not {value!r}") from None


@dataclass(slots=True)
class DeploymentSettings:
    """What ``docclean serve`` deploys. ``source``/``destination`` None: runs must pass them."""

    source: str | None = None
    destination: str | None = None
    convert: str = "t2s"
    batch_size: int = DEFAULT_BATCH_SIZE
    max_bytes: int = DEFAULT_MAX_BYTES
    full_refresh: bool = False
    cron: str = DEFAULT_CRON
    timezone: str = DEFAULT_TIMEZONE
    schedule_active: bool = True
    workers: int | None = None
    limit: int | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DeploymentSettings:
        env = os.environ if env is None else env
        settings = cls()
        for name in ("source", "destination"):
            value = env.get(ENV_PREFIX + name.upper(), "").strip()
            setattr(settings, name, value or None)
        settings.convert = env.get(ENV_PREFIX + "CONVERT", "").strip() or settings.convert
        settings.cron = env.get(ENV_PREFIX + "CRON", "").strip() or settings.cron
        settings.timezone = env.get(ENV_PREFIX + "TIMEZONE", "").strip() or settings.timezone
        settings.batch_size = _env_int(env, "BATCH_SIZE") or settings.batch_size
        settings.max_bytes = _env_int(env, "MAX_BYTES") or settings.max_bytes
        settings.workers = _env_int(env, "WORKERS")
        settings.full_refresh = _env_bool(env.get(ENV_PREFIX + "FULL_REFRESH"))
        if ENV_PREFIX + "SCHEDULE_ACTIVE" in env:
            settings.schedule_active = _env_bool(env[ENV_PREFIX + "SCHEDULE_ACTIVE"])
        return settings

    def parameters(self) -> dict[str, Any]:
        """The deployment's default parameters; a run may override any of them."""
        CleanOptions(convert=self.convert, max_bytes=self.max_bytes)  # bad values fail here
        params: dict[str, Any] = {
            "convert": self.convert,
            "batch_size": self.batch_size,
            "max_bytes": self.max_bytes,
            "full_refresh": self.full_refresh,
        }
        if self.workers is not None:
            params["workers"] = self.workers
        if self.source:
            params["source"] = self.source
        if self.destination:
            params["destination"] = self.destination
        return params

    def schedule(self) -> Cron:
        # Without a default source and destination a scheduled run could only fail: keep it paused.
        active = self.schedule_active and bool(self.source and self.destination)
        return Cron(self.cron, timezone=self.timezone, active=active)


# The entrypoint of prefect.yaml (`flows/deployment.py:daily_flow`): the flow itself; the number
# of processes (or a Dask address) is a run parameter like any other.
daily_flow = clean_documents


def serve(settings: DeploymentSettings) -> None:
    """Create (or update) ``clean-documents/daily`` and execute its runs until interrupted."""
    clean_documents.serve(
        name=DEPLOYMENT_NAME,
        schedules=[settings.schedule()],
        parameters=settings.parameters(),
        description=(
            "Clean new and changed pages of `source` into Parquet under `destination`; "
            "`full_refresh` reprocesses everything."
        ),
        tags=["docclean"],
        limit=settings.limit,
    )

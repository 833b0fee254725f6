"""The ``docclean`` command: ``docclean run SOURCE DEST`` runs the flow with no server to start."""

from __future__ import annotations

import argparse
import os
import sys

# `docclean serve` logs at INFO unless the user chose a level (its runs' logs go to the server).
USER_LOGGING_LEVEL = os.environ.get("PREFECT_LOGGING_LEVEL")

# These machines are often offline: no analytics, and Prefect's ephemeral API instead of a server.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docclean", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="clean SOURCE (file, folder or glob) into Parquet under DEST")
    run.add_argument("source")
    run.add_argument("destination")
    run.add_argument("--convert", default="t2s", help="OpenCC config (t2s, tw2s, s2t, …) or 'none'")
    run.add_argument("--batch-size", type=int, default=None, help="most pages per task (default 1000)")
    run.add_argument(
        "--workers", type=int, default=None, help="parallel processes (default: all cores; 0: one thread)"
    )
    run.add_argument(
        "--dask-address", help="run batches on this dask.distributed scheduler (tcp://host:8786)"
    )
    run.add_argument("--max-bytes", type=int, default=None, help="reject pages larger than this")
    run.add_argument("--full-refresh", action="store_true", help="reprocess everything, replace outputs")
    run.add_argument(
        "--lock-timeout", type=float, default=0.0, help="seconds to wait for another run on DEST (default 0)"
    )
    add_serve_parser(commands)
    return parser


def add_serve_parser(commands) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the deployment clean-documents/daily (cron schedule) until interrupted",
        description="Create the deployment clean-documents/daily on the Prefect server at "
        "PREFECT_API_URL and run its scheduled and manual runs from this process. Every option "
        "defaults to the environment variable in brackets.",
    )
    serve.add_argument("--source", help="default source of runs [DOCCLEAN_SOURCE]")
    serve.add_argument("--destination", help="default destination of runs [DOCCLEAN_DESTINATION]")
    serve.add_argument("--convert", help="OpenCC config or 'none' [DOCCLEAN_CONVERT, t2s]")
    serve.add_argument("--batch-size", type=int, help="most pages per task [DOCCLEAN_BATCH_SIZE, 1000]")
    serve.add_argument("--max-bytes", type=int, help="reject larger pages [DOCCLEAN_MAX_BYTES]")
    serve.add_argument(
        "--full-refresh",
        action="store_true",
        default=None,
        help="default full_refresh [DOCCLEAN_FULL_REFRESH]",
    )
    serve.add_argument("--cron", help="cron schedule [DOCCLEAN_CRON, '0 2 * * *']")
    serve.add_argument("--timezone", help="schedule time zone [DOCCLEAN_TIMEZONE, Asia/Shanghai]")
    serve.add_argument(
        "--no-schedule",
        action="store_true",
        help="pause the schedule: manual runs only [DOCCLEAN_SCHEDULE_ACTIVE]",
    )
    serve.add_argument(
        "--workers",
        type=int,
        help="processes per run; 0: one thread in the run's process [DOCCLEAN_WORKERS, all cores]",
    )
    serve.add_argument("--limit", type=int, help="maximum concurrent runs served by this process")


def serve_command(args: argparse.Namespace) -> int:
    os.environ["PREFECT_LOGGING_LEVEL"] = USER_LOGGING_LEVEL or "INFO"
    from flows.deployment import DeploymentSettings, serve

    try:
        settings = DeploymentSettings.from_env()
        for name in ("source", "destination", "convert", "batch_size", "max_bytes", "full_refresh"):
            if getattr(args, name) is not None:
                setattr(settings, name, getattr(args, name))
        for name in ("cron", "timezone", "workers", "limit"):
            if getattr(args, name) is not None:
                setattr(settings, name, getattr(args, name))
        if args.no_schedule:
            settings.schedule_active = False
        settings.parameters()  # bad options fail here, before the deployment is created
        schedule = settings.schedule()
    except ValueError as error:
        print(f"docclean: {error}", file=sys.stderr)
        return 2
    from prefect.settings import get_current_settings

    if not get_current_settings().api.url:
        print(
            "docclean: PREFECT_API_URL is not set: serving against a temporary server that ends with "
            "this process; start `prefect server start` and set PREFECT_API_URL first",
            file=sys.stderr,
        )
    if settings.schedule_active and not schedule.active:
        print(
            "docclean: no default --source/--destination: schedule paused; runs must pass "
            "--param source=... --param destination=...",
            file=sys.stderr,
        )
    try:
        serve(settings)
    except KeyboardInterrupt:
        return 0
    return 0


def run_command(args: argparse.Namespace) -> int:
    if args.batch_size is not None and args.batch_size < 1:
        print(f"docclean: --batch-size must be at least 1, not {args.batch_size}", file=sys.stderr)
        return 2
    from flows.api_server import start_if_needed

    # First thing: the server boots on one core while this process imports on the other. It is
    # stopped at exit, after Prefect has flushed its events to it.
    api = start_if_needed()
    from transforms.pipeline import DEFAULT_MAX_BYTES, CleanOptions

    try:
        CleanOptions(convert=args.convert, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except ValueError as error:
        print(f"docclean: {error}", file=sys.stderr)
        return 2
    from flows.clean_documents import DEFAULT_BATCH_SIZE, clean_documents

    try:
        if api:
            api.wait_ready()
        summary = clean_documents(
            source=args.source,
            destination=args.destination,
            convert=args.convert,
            batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
            full_refresh=args.full_refresh,
            lock_timeout=args.lock_timeout,
            workers=args.workers,
            dask_address=args.dask_address,
        )
    except Exception as error:
        print(f"docclean: run failed: {error}", file=sys.stderr)
        return 1
    print(format_summary(summary))
    return 0


def format_summary(summary: dict) -> str:
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(summary["rejects_by_reason"].items())) or "none"
    return (
        f"inputs {summary['inputs']} (unchanged {summary['unchanged']}, new {summary['new']}, "
        f"changed {summary['changed']}): documents written {summary['documents']}, "
        f"rejects {summary['rejects']} ({reasons}) in {summary['seconds']} s"
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return run_command(args)
    if args.command == "serve":
        return serve_command(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""The ``docclean`` command: ``docclean run SOURCE DEST`` runs the flow with no server to start."""

from __future__ import annotations

import argparse
import os
import sys

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
    run.add_argument("--batch-size", type=int, default=None, help="pages per task (default 200)")
    run.add_argument("--workers", type=int, default=None, help="parallel processes (default: all cores)")
    run.add_argument("--max-bytes", type=int, default=None, help="reject pages larger than this")
    run.add_argument("--full-refresh", action="store_true", help="reprocess everything, replace outputs")
    return parser


def run_command(args: argparse.Namespace) -> int:
    from flows.clean_documents import DEFAULT_BATCH_SIZE, with_workers
    from transforms.pipeline import DEFAULT_MAX_BYTES, CleanOptions

    try:  # bad options fail here, before Prefect starts its API
        CleanOptions(convert=args.convert, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except ValueError as error:
        print(f"docclean: {error}", file=sys.stderr)
        return 2
    try:
        summary = with_workers(args.workers)(
            source=args.source,
            destination=args.destination,
            convert=args.convert,
            batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
            full_refresh=args.full_refresh,
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
    return 2


if __name__ == "__main__":
    sys.exit(main())

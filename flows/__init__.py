"""Orchestration and I/O: the Prefect flow, its tasks, Parquet writing and the CLI."""

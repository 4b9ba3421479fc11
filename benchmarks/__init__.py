"""Benchmarks: run with `make bench` (kept out of `make test`)."""

"""Benchmarks: `python -m tests.benchmarks [--quick] [--json PATH] [--only NAME,...]`.

Not part of the test run (pytest ignores this folder): timings belong in a report, not in
assertions. Every figure is reported beside a baseline measured in the same run.
"""

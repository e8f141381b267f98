"""`python -m tests.benchmarks [--quick] [--json PATH] [--only NAME,...]` from the repo root."""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
import traceback
from pathlib import Path

from tests.benchmarks.report import machine, table, write_json
from tests.benchmarks.support import REPO, Context, Result, scratch_dir

BENCHMARKS = ("cold_start", "warm_start", "open_ticket", "keystrokes", "memory", "upload")


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="fewer repeats and smaller sizes")
    p.add_argument("--json", type=Path, help="write the results here as JSON")
    p.add_argument("--only", default="", help=f"comma list of: {', '.join(BENCHMARKS)}")
    options = p.parse_args(argv)
    options.only = [n.strip() for n in options.only.split(",") if n.strip()] or list(BENCHMARKS)
    if unknown := set(options.only) - set(BENCHMARKS):
        p.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    return options


def compile_sources() -> None:
    """Bytecode for the app's modules, as installing the wheel gives: an editable checkout
    (under PYTHONDONTWRITEBYTECODE, as here) would compile every module at every start,
    a cost the baseline's installed packages never pay."""
    import compileall

    for folder in ("tui", "tests"):
        compileall.compile_dir(REPO / folder, quiet=1)


def main(argv: list[str]) -> int:
    options = parse(argv)
    compile_sources()
    results: list[Result] = []
    started = time.perf_counter()
    with scratch_dir() as scratch:
        ctx = Context(quick=options.quick, scratch=scratch)
        for name in options.only:
            print(f"… {name}", file=sys.stderr, flush=True)
            t = time.perf_counter()
            try:
                module = importlib.import_module(f"tests.benchmarks.{name}")
                results += module.run(ctx)
            except Exception:  # one broken benchmark must not lose the others' figures
                traceback.print_exc()
                results.append(Result(f"{name}: error (see above)", 0.0, "", passed=False))
            print(f"  {name} took {time.perf_counter() - t:.0f}s", file=sys.stderr, flush=True)
    info = machine()
    print(f"\n{info['cpu']}, {info['cores']} cores, Python {info['python']}, {info['platform']}")
    print(f"{'quick' if options.quick else 'full'} run, {time.perf_counter() - started:.0f}s\n")
    print(table(results))
    path = options.json or Path(tempfile.gettempdir()) / "deskpro-tui-benchmarks.json"
    write_json(path, results, options.quick)
    print(f"\nJSON: {path}")
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs the Python blocks of docs/analysis.md, in order, against freshly made results.

Makes the folders the page names (a shortened run and sweep, same files), runs each
```python block in one namespace, and checks that the three plots were written.
Needs pandas and matplotlib (scripts/setup.sh installs Debian's); without them it
says so and exits 77, which CTest reports as skipped.

Usage: analysis_test.py TRACESIM SOURCE_DIR WORK_DIR
"""
import os
import re
import shutil
import subprocess
import sys


def main():
    tracesim, src, work = sys.argv[1:4]
    try:
        import matplotlib  # noqa: F401
        import pandas  # noqa: F401
    except ImportError as e:
        print(f"SKIP: {e} (apt-get install python3-pandas python3-matplotlib)")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "results"))
    scenario = os.path.join(src, "scenarios", "occitanie-2021.yaml")
    for cmd in ([tracesim, "run", scenario, "-r", "3", "-q", "--report", "--out", "results/occ"],
                [tracesim, "sweep", scenario, "--vary", "staffing.pools.tracers.fte[2].fte=40:100:20", "-r", "3",
                 "-q", "--out", "results/occ-sweep"]):
        subprocess.run(cmd, cwd=work, check=True)
    text = open(os.path.join(src, "docs", "analysis.md"), encoding="utf-8").read()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    if len(blocks) < 4:
        print(f"FAIL: docs/analysis.md has {len(blocks)} python blocks, expected 4")
        return 1
    os.chdir(work)
    namespace = {}
    for i, block in enumerate(blocks):
        try:
            exec(compile(block, f"analysis.md python block {i + 1}", "exec"), namespace)
        except Exception as e:  # report which block broke, then fail
            print(f"FAIL: block {i + 1}: {type(e).__name__}: {e}")
            return 1
    missing = [p for p in ("backlog.png", "occupancy.png", "target.png")
               if not os.path.exists(p) or os.path.getsize(p) < 5000]
    if missing:
        print(f"FAIL: plots not written: {missing}")
        return 1
    print(f"{len(blocks)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

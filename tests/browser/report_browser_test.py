#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Opens each kind of tracesim report (run, sweep, staff, calibrate) in headless Chromium (Debian's `chromium`).

Fails if the page logs anything to the console (script errors included), if its
status marker is missing, reports a script error or a blank chart, or if fewer
charts than expected were drawn; saves a screenshot of each page. The page draws
without animation and Chromium runs on virtual time, so nothing here depends on
how fast the machine is.

Usage: report_browser_test.py TRACESIM SOURCE_DIR WORK_DIR [SCREENSHOT_DIR]
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys


class StatusParser(html.parser.HTMLParser):
    """Finds the attributes of <div id="tracesim-status">."""

    def __init__(self):
        super().__init__()
        self.status = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "tracesim-status":
            self.status = attrs


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("FAIL: no chromium on PATH (scripts/setup.sh installs Debian's chromium)")


def browse(browser, page, extra, work):
    """Runs headless Chromium on `page`; returns (stdout, console lines)."""
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
           "--user-data-dir=" + os.path.join(work, "chromium-profile"), "--enable-logging=stderr", "--v=0",
           "--virtual-time-budget=20000"] + extra + ["file://" + os.path.abspath(page)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    console = [line for line in done.stderr.splitlines() if re.search(r":CONSOLE[:(]", line)]
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout, console


def check(browser, name, page, min_charts, work, shots):
    failures = []
    size = os.path.getsize(page)
    text = open(page, encoding="utf-8").read()
    # Self-contained: nothing is loaded from elsewhere.
    for m in re.finditer(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", text):
        failures.append(f"{name}: loads an external resource: {text[m.start():m.start() + 120]!r}")
    dom, console = browse(browser, page, ["--dump-dom", "--window-size=1280,900"], work)
    for line in console:
        failures.append(f"{name}: console: {line}")
    parser = StatusParser()
    parser.feed(dom)
    status = parser.status
    if status is None:
        failures.append(f"{name}: the page's script did not finish (no #tracesim-status)")
    else:
        charts, blank, errors = (int(status.get(k, "-1")) for k in ("data-charts", "data-blank", "data-errors"))
        if errors != 0:
            failures.append(f"{name}: {errors} script errors")
        if blank != 0:
            failures.append(f"{name}: {blank} of {charts} charts are blank")
        if charts < min_charts:
            failures.append(f"{name}: {charts} charts drawn, expected at least {min_charts}")
    shot = os.path.join(shots or work, f"report-{name}.png")
    height = int(status.get("data-height", "3000")) if status else 3000
    browse(browser, page, ["--screenshot=" + shot, f"--window-size=1280,{min(max(height, 600), 8000)}"], work)
    if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
        failures.append(f"{name}: no screenshot")
    print(f"{name}: {size} bytes, status {status}, screenshot {shot}")
    return failures


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {done.returncode}\n{done.stderr}")


def main():
    tracesim, src, work = sys.argv[1:4]
    shots = sys.argv[4] if len(sys.argv) > 4 else None
    if shots:
        os.makedirs(shots, exist_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    scenario = os.path.join(src, "scenarios", "occitanie-2021.yaml")
    run_dir, sweep_dir = os.path.join(work, "run"), os.path.join(work, "sweep")
    run([tracesim, "run", scenario, "-r", "4", "-q", "--report", "--out", run_dir])
    run([tracesim, "sweep", scenario, "--vary", "staffing.pools.tracers.fte[2].fte=40:100:20",
         "--vary", "tasks.contact_call.retry.on_exhausted=sms,give_up", "-r", "3", "-q", "--report",
         "--out", sweep_dir])
    staff_dir, calibrate_dir = os.path.join(work, "staff"), os.path.join(work, "calibrate")
    run([tracesim, "staff", os.path.join(src, "tests", "validation", "erlang-c-rho085.yaml"), "--target",
         "inbound.service_level >= 0.8", "--pool", "agents", "--min", "5", "--max", "40", "-q", "--report",
         "--out", staff_dir])
    run([tracesim, "calibrate", os.path.join(src, "tests", "data", "calibration-synthetic.yaml"), "-q", "--report",
         "--out", calibrate_dir])
    browser = chromium()
    # (kind, folder, least number of charts the page must draw)
    kinds = [("run", run_dir, 9), ("sweep", sweep_dir, 8), ("staff", staff_dir, 2), ("calibrate", calibrate_dir, 3)]
    failures = []
    for name, folder, charts in kinds:
        failures += check(browser, name, os.path.join(folder, "report.html"), charts, work, shots)
    for f in failures:
        print("FAIL: " + f)
    failed = len({f.split(":")[0] for f in failures})
    print(f"{len(kinds) - failed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

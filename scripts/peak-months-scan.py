#!/usr/bin/env python3
"""Refit occitanie-2021 across the reports' ranges of its assumed inputs, and print
the held-out March and December errors at each point (docs/calibration.md).

The question it answers: is there a setting of the inputs the reports leave open
(handling per attempt, D5: 11-30 min; how the after-call work splits between the
index interview and the contact call, G1; the H1 staffing level, G10; the answer
probability, G2) at which the year's fit puts both held-out peaks within +-10 %?
At each point `tracesim calibrate` refits the platform's share of positives to the
year's calls, exactly as the shipped fit does; nothing is fitted to the peaks.

Usage: scripts/peak-months-scan.py [--quick] [--out FILE.csv [--force]]
       scripts/peak-months-scan.py --table-from FILE.csv
  env TRACESIM (default build/release/sim/tracesim)
The Markdown table goes to standard output, progress to standard error. Exit
status: 0; 64 bad usage; 65 a --table-from file that is not a scan; 69 no tracesim;
70 a tracesim run failed; 74 a file that cannot be read or written (--out exists
without --force, checked before anything runs).
"""
import argparse
import csv
import io
import itertools
import json
import os
import subprocess
import sys
import tempfile

from atomic_write import write_text

SCENARIO = "scenarios/occitanie-2021.yaml"
# Per call attempt on the shipped scenario (tracesim run, summary_long.csv means):
# connected index interviews and contact calls, and attempts.
INDEX_CONNECTED, CONTACTS_CONNECTED, ATTEMPTS = 42603.8, 65416.5, 181695.5
# Talk, ring and no-answer handling per attempt without after-call work (min):
# index 0.5 + 25, contact 0.5 + 10, unanswered 0.5 + 1.5.
BASE = (INDEX_CONNECTED * 25.5 + CONTACTS_CONNECTED * 10.5
        + (ATTEMPTS - INDEX_CONNECTED - CONTACTS_CONNECTED) * 2) / ATTEMPTS
SHARE_WITH_WRAP_UP = (INDEX_CONNECTED + CONTACTS_CONNECTED) / ATTEMPTS
LEAST_WRAP_UP = 2.0  # min: the lighter call type keeps at least this much


def wrap_ups(handling, split):
    """After-call work (index, contact) in minutes that makes `handling` min per attempt."""
    mean = (handling - BASE) / SHARE_WITH_WRAP_UP
    total = mean * (INDEX_CONNECTED + CONTACTS_CONNECTED)
    if split == "equal":
        return mean, mean
    if split == "index-heavy":
        return (total - LEAST_WRAP_UP * CONTACTS_CONNECTED) / INDEX_CONNECTED, LEAST_WRAP_UP
    return LEAST_WRAP_UP, (total - LEAST_WRAP_UP * INDEX_CONNECTED) / CONTACTS_CONNECTED


def answer_probabilities(first):
    """The shipped [0.65, 0.5, 0.4] scaled to a first-attempt probability."""
    return [round(p * first / 0.65, 3) for p in (0.65, 0.5, 0.4)]


class RunFailed(Exception):
    """A tracesim command of the scan failed."""


def tracesim(args):
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise RunFailed(f"{' '.join(args[:3])} ... exited {done.returncode}: {done.stderr.strip()[-2000:]}")


def calibrate(binary, overrides, workdir):
    args = [binary, "calibrate", SCENARIO, "-q", "--out", workdir]
    for key, value in overrides:
        args += ["--set", f"{key}={value}"]
    tracesim(args)
    with open(os.path.join(workdir, "calibration.csv"), encoding="utf-8") as f:
        errors = {row["target"]: float(row["relative_error"]) for row in csv.DictReader(f)}
    with open(os.path.join(workdir, "calibration.json"), encoding="utf-8") as f:
        share = float(json.load(f)["parameters"][0]["value"])
    return share, errors


def measure(binary, overrides, share, wrap, workdir):
    """The handling per call attempt (min, from the means as in docs/staffing.md) and the
    occupancy at the fitted point, over the scenario's own replications."""
    args = [binary, "run", SCENARIO, "-q", "--out", workdir,
            "--set", f"demand.index_cases.share_handled={share}"]
    for key, value in overrides:
        args += ["--set", f"{key}={value}"]
    tracesim(args)
    with open(os.path.join(workdir, "summary.json"), encoding="utf-8") as f:
        kpis = {k: v["mean"] for k, v in json.load(f)["kpis"].items()}
    index, contacts, attempts = kpis["index.connected"], kpis["contacts.connected"], kpis["calls.attempts"]
    handling = (index * (25.5 + wrap[0]) + contacts * (10.5 + wrap[1])
                + (attempts - index - contacts) * 2) / attempts
    return handling, kpis["agents.occupancy"]


def render(rows):
    """The Markdown table and the summary of the scan's rows."""
    lines = ["| handling per attempt (aimed / realised) | after-call work (index / contact) | H1 FTE "
             "| first answer | share fitted | year | occupancy | March | December | both within ±10 % |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(
            f"| {r['handling_min']:.1f} / {r['handling_realised_min']:.1f} min "
            f"| {r['index_wrap_up_min']:.1f} / {r['contact_wrap_up_min']:.1f} min ({r['split']}) "
            f"| {r['h1_fte']} | {r['first_answer']:.2f} | {r['share_handled']:.4f} "
            f"| {r['year'] * 100:+.1f} %{'' if r['year_fitted'] else ' (no fit)'} | {r['occupancy']:.2f} "
            f"| {r['march'] * 100:+.1f} % | {r['december'] * 100:+.1f} % "
            f"| {'yes' if r['both_within_10pct'] else 'no'} |")
    fitted = [r for r in rows if r["year_fitted"]]
    lines.append("")
    lines.append(f"{len(fitted)} of {len(rows)} points fit the year's calls within ±3 % (the others lack "
                 f"the capacity for them); {sum(r['both_within_10pct'] for r in fitted)} of those put "
                 f"both peaks within ±10 %.")
    if fitted:
        best = min(fitted, key=lambda r: max(abs(r["march"]), abs(r["december"])))
        lines.append(f"The closest: March {best['march'] * 100:+.1f} %, December {best['december'] * 100:+.1f} % "
                     f"({best['handling_realised_min']:.1f} min per attempt, {best['split']}, "
                     f"H1 {best['h1_fte']} FTE, first answer {best['first_answer']:.2f}).")
    for month, other in (("march", "december"), ("december", "march")):
        within = [r[other] for r in fitted if abs(r[month]) <= 0.10]
        if within:
            lines.append(f"The {len(within)} fitted points with {month.capitalize()} within ±10 % put "
                         f"{other.capitalize()} at {min(within) * 100:+.1f} % to {max(within) * 100:+.1f} %.")
    return "\n".join(lines)


def read_rows(path):
    """Rows of a CSV written by --out, with their types back (ValueError if it is not one)."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise ValueError("no rows")
    for r in rows:
        for key in ("handling_min", "handling_realised_min", "occupancy", "index_wrap_up_min",
                    "contact_wrap_up_min", "first_answer", "share_handled", "year", "march", "december"):
            r[key] = float(r[key])
        r["h1_fte"] = int(r["h1_fte"])
        for key in ("year_fitted", "both_within_10pct"):
            r[key] = r[key] == "True"
    return rows


def scan(binary, grid):
    """Refits and measures at every point of `grid`: one row each."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (handling, split, h1, first) in enumerate(grid, 1):
            index_wrap, contact_wrap = wrap_ups(handling, split)
            overrides = [
                ("tasks.index_interview.wrap_up", f"{{dist: lognormal, mean: {index_wrap * 60:.0f}s, cv: 0.5}}"),
                ("tasks.contact_call.wrap_up", f"{{dist: lognormal, mean: {contact_wrap * 60:.0f}s, cv: 0.5}}"),
                ("staffing.pools.tracers.fte[0].fte", str(h1)),
                ("attempt.answer_probability", str(answer_probabilities(first))),
            ]
            print(f"peak-months-scan: point {n} of {len(grid)}", file=sys.stderr, flush=True)
            share, errors = calibrate(binary, overrides, os.path.join(tmp, str(n)))
            handled, occupancy = measure(binary, overrides, share, (index_wrap, contact_wrap),
                                         os.path.join(tmp, f"{n}-run"))
            march, december = errors["calls in March"], errors["calls in December"]
            rows.append({
                "handling_min": handling, "handling_realised_min": round(handled, 2),
                "occupancy": round(occupancy, 3), "split": split, "index_wrap_up_min": round(index_wrap, 1),
                "contact_wrap_up_min": round(contact_wrap, 1), "h1_fte": h1, "first_answer": first,
                "share_handled": round(share, 4), "year": round(errors["calls made by tracers in 2021"], 4),
                "march": round(march, 4), "december": round(december, 4),
                "year_fitted": abs(errors["calls made by tracers in 2021"]) <= 0.03,
                "both_within_10pct": abs(march) <= 0.10 and abs(december) <= 0.10,
            })
    return rows


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="the shipped handling and split only (6 points instead of 54)")
    parser.add_argument("--out", help="also write the rows as CSV here")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    parser.add_argument("--table-from", metavar="CSV", help="print the table of a scan written by --out, "
                        "without running anything")
    options = parser.parse_args(argv)
    if options.table_from:
        try:
            print(render(read_rows(options.table_from)))
        except OSError as e:
            print(f"peak-months-scan: {e}", file=sys.stderr)
            return 74
        except (KeyError, ValueError) as e:
            print(f"peak-months-scan: {options.table_from}: not a scan written by --out ({e})", file=sys.stderr)
            return 65
        return 0
    if options.out and os.path.exists(options.out) and not options.force:
        print(f"peak-months-scan: {options.out} exists; add --force to replace it", file=sys.stderr)
        return 74
    binary = os.environ.get("TRACESIM", "build/release/sim/tracesim")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"peak-months-scan: no tracesim at {binary} (build it, or set TRACESIM)", file=sys.stderr)
        return 69

    handlings = [20.1] if options.quick else [15.0, 20.1, 25.0]        # D5: 11-30, central 19.9
    splits = ["equal"] if options.quick else ["equal", "index-heavy", "contact-heavy"]  # G1
    h1_levels = [81, 95, 110]                                           # G10: assumed 95
    first_answers = [0.6, 0.75]                                         # G2: 60-75 %
    grid = list(itertools.product(handlings, splits, h1_levels, first_answers))

    try:
        rows = scan(binary, grid)
    except RunFailed as e:
        print(f"peak-months-scan: {e}", file=sys.stderr)
        return 70
    print(render(rows))
    if options.out:
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        try:
            write_text(options.out, text.getvalue(), options.force)
        except OSError as e:
            print(f"peak-months-scan: {e}", file=sys.stderr)
            return 74
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

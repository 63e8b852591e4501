#!/usr/bin/env python3
"""Turn one replication of a tracesim snapshot into a plain file of open tasks (a backlog).

`tracesim run --snapshot-at DATE` saves each replication's exact state at 00:00 of DATE
(docs/outputs.md, "Initial state and snapshots"). That state continues only the run it came
from. A plain file of open tasks is what a platform exports from its case system, and any
scenario can start from it (`--from FILE`, `initial_state: FILE`), on any calendar starting
on that day. This script writes that plain file from a snapshot:

- queued tasks are written as they are (one already tried may be tried again from the
  snapshot's midnight: its `next_attempt`);
- a task waiting for its next attempt gets `next_attempt`, the time of its pending
  `task_ready` event;
- an index case that called in first and will call again is written as an open index case
  (the platform will call it);
- tasks still on their way (state `scheduled`: identified, not yet at the platform) are left
  out and counted: a planning run brings new work from its own case curve.

The engine states and the queue order are dropped, so the run started from the backlog draws
afresh: it is a fork, not a continuation.

Example:
  tracesim run scenarios/occitanie-2021.yaml -r 1 --snapshot-at 2021-12-06 --out year
  python3 scripts/backlog-from-snapshot.py year/snapshots/2021-12-06 --out backlog.csv

Exit codes: 0 success, 2 usage error, 65 bad input data (the line and the reason are
printed), 74 file error.
"""
import argparse
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atomic_write import write_text  # noqa: E402  (next to this script)

COLUMNS = ["id", "type", "identified", "attempts", "next_attempt", "deadline", "segment",
           "contacts_listed", "contacts_to_list"]


class DataError(Exception):
    """Bad input data: the message names the line."""


def read_rows(path, required):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}:1: missing column(s) {', '.join(missing)}: not a tracesim snapshot file")
        return [(line_no, row) for line_no, row in enumerate(reader, start=2)]


def convert(folder, replication):
    """Returns (rows of the backlog, tasks left out because still on their way)."""
    tasks_file = os.path.join(folder, f"replication-{replication}.csv")
    events_file = os.path.join(folder, f"replication-{replication}.events.csv")
    run_file = os.path.join(folder, f"replication-{replication}.run.csv")
    fields = {row["field"]: row["value"] for _, row in read_rows(run_file, ["field", "value"])}
    if "day" not in fields:
        raise DataError(f"{run_file}: no 'day' row: not a tracesim snapshot file")
    midnight = fields["day"] + "T00:00"
    tasks = read_rows(tasks_file, COLUMNS[:4] + ["deadline", "segment", "contacts_listed", "contacts_to_list", "state"])
    ready = {}
    for line_no, e in read_rows(events_file, ["at", "event", "task"]):
        if e["event"] == "task_ready":
            if e["task"] in ready:
                raise DataError(f"{events_file}:{line_no}: a second task_ready event for task {e['task']}")
            ready[e["task"]] = e["at"]
    out, on_their_way = [], 0
    for line_no, t in tasks:
        state = t["state"]
        if state == "scheduled":
            on_their_way += 1
            continue
        if state not in ("queued", "waiting", "inbound"):
            raise DataError(f"{tasks_file}:{line_no}: unknown state '{state}'")
        row = {c: t.get(c, "") for c in COLUMNS if c != "next_attempt"}
        row["next_attempt"] = midnight if state == "queued" and t["attempts"] not in ("", "0") else ""
        if state == "waiting":
            if t["id"] not in ready:
                raise DataError(f"{tasks_file}:{line_no}: task {t['id']} is waiting, but no task_ready event names it")
            row["next_attempt"] = ready[t["id"]]
        out.append(row)
    return out, on_their_way


def backlog_text(rows):
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def main(argv):
    parser = argparse.ArgumentParser(prog="backlog-from-snapshot", description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshot", help="a snapshot folder: snapshots/DATE of a run's output")
    parser.add_argument("--replication", type=int, default=0, help="which replication's state (default 0)")
    parser.add_argument("--out", required=True, help="the file of open tasks to write")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    args = parser.parse_args(argv)
    if args.replication < 0:
        parser.error(f"--replication expects a whole number >= 0, got {args.replication}")
    try:
        rows, on_their_way = convert(args.snapshot, args.replication)
        write_text(args.out, backlog_text(rows), args.force)
    except DataError as e:
        print(f"backlog-from-snapshot: {e}", file=sys.stderr)
        return 65
    except OSError as e:  # a missing snapshot file, an existing --out
        print(f"backlog-from-snapshot: {e}", file=sys.stderr)
        return 74
    retried = sum(1 for r in rows if r["next_attempt"])
    print(f"backlog-from-snapshot: {len(rows)} open tasks ({retried} with a next_attempt) written to "
          f"{args.out}; {on_their_way} still on their way left out", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

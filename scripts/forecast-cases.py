#!/usr/bin/env python3
"""Project a daily positives series a few days ahead, for a forecast run of tracesim.

A planning run needs the positives of the days to come. This script reads a recorded series
(`date,positives`, docs/case-data.md), keeps it up to --until, and writes the next --days days
in the same format, so that a scenario reads them with `--cases FILE` or
`demand.index_cases.curve.daily_csv`. The projection is deliberately simple and explained:

- level: the total of the last 7 recorded days;
- trend: the weekly growth factor, fitted by least squares to the logarithm of the 7-day
  totals of the last --weeks weeks (or given with --growth, e.g. 1.2 for +20 % a week);
- weekday: each weekday's mean share of its week over the last --weeks weeks (Sundays and
  holidays test less).

So a day k weeks after the same weekday's last record gets
level * share[weekday] * growth^k, rounded to a whole count: an exponential series with a
weekly pattern is projected exactly. It is a baseline: an epidemiologist's forecast, written in the same format,
replaces it without any other change.

Examples:
  python3 scripts/forecast-cases.py data/cases/occitanie-76.csv --until 2021-11-30 --days 14 --out forecast.csv
  python3 scripts/forecast-cases.py data/cases/occitanie-76.csv --until 2021-11-30 --days 14 --growth 1.0 --out flat.csv

Exit codes: 0 success, 2 usage error, 65 bad input data (the line and the reason are
printed), 74 file error.
"""
import argparse
import csv
import datetime
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atomic_write import write_series  # noqa: E402  (next to this script)


class DataError(Exception):
    """Bad input data: the message names the line."""


def read_series(path):
    """Returns [(date, positives)] from a `date,positives` CSV of consecutive days."""
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None or [h.strip() for h in header] != ["date", "positives"]:
            raise DataError(f"{path}:1: expected the header 'date,positives', got '{','.join(header or [])}'")
        for line_no, row in enumerate(reader, start=2):
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != 2:
                raise DataError(f"{path}:{line_no}: expected 2 fields (date,positives), got {len(row)}")
            try:
                day = datetime.date.fromisoformat(row[0].strip())
            except ValueError:
                raise DataError(f"{path}:{line_no}: expected a date YYYY-MM-DD, got '{row[0].strip()}'")
            text = row[1].strip()
            if not text.isdigit():
                raise DataError(f"{path}:{line_no}: expected a whole number >= 0 of positives, got '{text}'")
            if rows and day != rows[-1][0] + datetime.timedelta(days=1):
                raise DataError(f"{path}:{line_no}: {day} does not follow {rows[-1][0]}: the days must be consecutive")
            rows.append((day, int(text)))
    if not rows:
        raise DataError(f"{path}: no data row")
    return rows


def weekly_growth(totals):
    """Least-squares slope of log(total) against the week number, as a factor per week."""
    n = len(totals)
    xs = range(n)
    ys = [math.log(t) for t in totals]
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    return math.exp(sxy / sxx)


def project(series, until, days, weeks, growth=None):
    """The next `days` days after `until`: [(date, positives)]. Raises DataError when the
    series is too short or has an empty week."""
    history = [r for r in series if r[0] <= until]
    if not history or history[-1][0] != until:
        raise DataError(f"the series has no row for --until {until} (it covers {series[0][0]} to {series[-1][0]})")
    if len(history) < 7 * weeks:
        raise DataError(f"--weeks {weeks} needs {7 * weeks} days up to {until}; the series has {len(history)}")
    window = history[-7 * weeks:]
    week_totals = [sum(p for _, p in window[7 * k:7 * k + 7]) for k in range(weeks)]
    if min(week_totals) == 0:
        raise DataError(f"a week of the last {weeks} up to {until} has no positive: no trend or weekday profile")
    if growth is None:
        growth = weekly_growth(week_totals) if weeks >= 2 else 1.0
    share = [0.0] * 7
    for k in range(weeks):
        for day, positives in window[7 * k:7 * k + 7]:
            share[day.weekday()] += positives / week_totals[k] / weeks
    level = week_totals[-1]
    out = []
    for t in range(1, days + 1):
        day = until + datetime.timedelta(days=t)
        weeks_ahead = (t + 6) // 7  # from the same weekday in the last recorded week
        expected = level * share[day.weekday()] * growth ** weeks_ahead
        out.append((day, int(round(expected))))
    return out, growth


def main(argv):
    parser = argparse.ArgumentParser(
        prog="forecast-cases",
        description=__doc__.split("\n\n")[0],
        epilog="The method, in full, is at the top of this script (docs/case-data.md).")
    parser.add_argument("series", help="recorded daily positives, CSV 'date,positives' of consecutive days")
    parser.add_argument("--until", required=True, help="the last recorded day to use, YYYY-MM-DD (today's data)")
    parser.add_argument("--days", type=int, default=14, help="days to project after --until (default 14, 1..366)")
    parser.add_argument("--weeks", type=int, default=3,
                        help="recorded weeks the trend and the weekday profile are fitted on (default 3, 1..26)")
    parser.add_argument("--growth", type=float,
                        help="the weekly growth factor instead of the fitted one (1.0: flat; 1.2: +20 %% a week)")
    parser.add_argument("--out", help="the CSV to write (default: standard output)")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    args = parser.parse_args(argv)
    try:
        until = datetime.date.fromisoformat(args.until)
    except ValueError:
        parser.error(f"--until expects a date YYYY-MM-DD, got '{args.until}'")
    if not 1 <= args.days <= 366:
        parser.error(f"--days expects 1 to 366, got {args.days}")
    if not 1 <= args.weeks <= 26:
        parser.error(f"--weeks expects 1 to 26, got {args.weeks}")
    if args.growth is not None and not (math.isfinite(args.growth) and 0 < args.growth <= 100):
        parser.error(f"--growth expects a factor > 0 and <= 100, got {args.growth}")
    try:
        rows, growth = project(read_series(args.series), until, args.days, args.weeks, args.growth)
    except DataError as e:
        print(f"forecast-cases: {e}", file=sys.stderr)
        return 65
    except OSError as e:
        print(f"forecast-cases: {e}", file=sys.stderr)
        return 74
    how = "given" if args.growth is not None else f"fitted on {args.weeks} weeks"
    print(f"forecast-cases: {len(rows)} days from {rows[0][0]}, weekly growth {growth:.3f} ({how})",
          file=sys.stderr)
    if args.out:
        try:
            write_series(args.out, rows, args.force)
        except OSError as e:  # FileExistsError included
            print(f"forecast-cases: {e}", file=sys.stderr)
            return 74
    else:
        sys.stdout.write("date,positives\n" + "".join(f"{d.isoformat()},{p}\n" for d, p in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

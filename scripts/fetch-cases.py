#!/usr/bin/env python3
"""Download Santé publique France's daily positives and convert them for tracesim.

tracesim reads a daily series as CSV with the header `date,positives`, one row per
consecutive day (docs/case-data.md). This script takes SPF's SI-DEP file of daily test
results by region (sp-pos-quot-reg) or by department (sp-pos-quot-dep) - semicolon
separated, with columns reg|dep, jour, P, cl_age90 - keeps the all-ages rows
(cl_age90 = 0, so that age classes are not counted twice) for one geography, and writes
`date,positives`.

Examples:
  python3 scripts/fetch-cases.py --region 76 --from 2021-01-01 --to 2021-12-31 --out data/occitanie-2021.csv
  python3 scripts/fetch-cases.py --dep 34 --input sp-pos-quot-dep.csv --out data/herault.csv

Exit codes: 0 success, 2 usage error, 65 bad input data (the line and the reason are
printed), 74 download or file error.
"""
import argparse
import csv
import datetime
import io
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atomic_write import write_series  # noqa: E402  (next to this script)

# Stable data.gouv.fr resource addresses of the SPF files (dataset "Données relatives aux
# résultats des tests virologiques COVID-19 (SI-DEP)").
URLS = {
    "region": "https://www.data.gouv.fr/fr/datasets/r/001aca18-df6a-45c8-89e6-f82d689e6c01",
    "dep": "https://www.data.gouv.fr/fr/datasets/r/406c6a23-e283-4300-9484-54e78c8ae675",
}


class DataError(Exception):
    """Bad input data: the message names the line."""


def parse_date(text, what):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise SystemExit(usage_error(f"{what} expects a date YYYY-MM-DD, got '{text}'"))


def usage_error(message):
    print(f"fetch-cases: {message}", file=sys.stderr)
    return 2


def convert(text, column, code, start, end, name):
    """Returns [(date, positives)] for geography `code` from SPF's CSV text."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().strip('"').lower() for h in next(reader)]
    except StopIteration:
        raise DataError(f"{name}: empty file")
    missing = [c for c in (column, "jour", "p", "cl_age90") if c not in header]
    if missing:
        raise DataError(f"{name}:1: missing column(s) {', '.join(missing)}; header is {';'.join(header)}")
    i_geo, i_day, i_p, i_age = (header.index(c) for c in (column, "jour", "p", "cl_age90"))
    totals = {}
    for line_no, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise DataError(f"{name}:{line_no}: expected {len(header)} fields, got {len(row)}")
        if row[i_geo].strip().strip('"').lstrip("0") != code.lstrip("0"):
            continue
        if row[i_age].strip().strip('"') != "0":
            continue  # an age class: the all-ages row already counts these people
        day_text = row[i_day].strip().strip('"')
        try:
            day = datetime.date.fromisoformat(day_text)
        except ValueError:
            raise DataError(f"{name}:{line_no}: expected a date YYYY-MM-DD in column jour, got '{day_text}'")
        p_text = row[i_p].strip().strip('"').replace(",", ".")
        try:
            positives = float(p_text)
        except ValueError:
            raise DataError(f"{name}:{line_no}: expected a number in column P, got '{p_text}'")
        if positives < 0 or positives != int(positives):
            raise DataError(f"{name}:{line_no}: expected a whole number >= 0 in column P, got '{p_text}'")
        if day in totals:
            raise DataError(f"{name}:{line_no}: a second all-ages row for {code} on {day}")
        totals[day] = int(positives)
    days = sorted(d for d in totals if (start is None or d >= start) and (end is None or d <= end))
    if not days:
        raise DataError(f"{name}: no all-ages row for {column} {code} in the requested period")
    rows = []
    day = days[0]
    while day <= days[-1]:
        if day not in totals:
            raise DataError(f"{name}: no row for {column} {code} on {day}: the series must be consecutive")
        rows.append((day, totals[day]))
        day += datetime.timedelta(days=1)
    return rows


def main(argv):
    parser = argparse.ArgumentParser(
        description="Convert Santé publique France daily positives (SI-DEP) to tracesim's date,positives CSV.",
        epilog="Example: python3 scripts/fetch-cases.py --region 76 --from 2021-01-01 --to 2021-12-31 "
               "--out data/occitanie-2021.csv")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--region", help="region code, e.g. 76 (Occitanie)")
    where.add_argument("--dep", help="department code, e.g. 34 (Hérault), 2A")
    parser.add_argument("--input", help="convert this already-downloaded SPF file instead of downloading")
    parser.add_argument("--url", help="download from this address instead of the official one")
    parser.add_argument("--from", dest="start", help="first day to keep, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", help="last day to keep, YYYY-MM-DD")
    parser.add_argument("--out", required=True, help="the CSV to write (date,positives)")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    start = parse_date(args.start, "--from") if args.start else None
    end = parse_date(args.end, "--to") if args.end else None
    if start and end and end < start:
        return usage_error("--to is before --from")
    column, code = ("reg", args.region) if args.region else ("dep", args.dep)
    try:
        if args.input:
            with open(args.input, encoding="utf-8-sig") as f:
                text, name = f.read(), args.input
        else:
            url = args.url or URLS["region" if args.region else "dep"]
            print(f"fetch-cases: downloading {url}", file=sys.stderr)
            with urllib.request.urlopen(url, timeout=120) as response:
                text, name = response.read().decode("utf-8-sig"), url
        rows = convert(text, column, code, start, end, name)
        write_series(args.out, rows, args.force)
    except DataError as e:
        print(f"fetch-cases: {e}", file=sys.stderr)
        return 65
    except FileExistsError as e:
        print(f"fetch-cases: {e}", file=sys.stderr)
        return 74
    except (OSError, ValueError) as e:  # urllib errors are OSErrors
        print(f"fetch-cases: {e}", file=sys.stderr)
        return 74
    print(f"fetch-cases: wrote {len(rows)} days ({rows[0][0]} to {rows[-1][0]}, "
          f"{sum(p for _, p in rows)} positives) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

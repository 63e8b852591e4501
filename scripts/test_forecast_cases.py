"""Tests of scripts/forecast-cases.py on synthetic series (made-up numbers)."""
import datetime
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "forecast-cases.py")
START = datetime.date(2021, 11, 1)  # a Monday
WEEKDAY = [1.2, 1.1, 1.1, 1.0, 1.0, 0.9, 0.7]  # Monday .. Sunday, mean 1


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


def series(days, per_day, growth_per_week=1.0):
    return [(START + datetime.timedelta(days=i),
             round(per_day * WEEKDAY[(START + datetime.timedelta(days=i)).weekday()] * growth_per_week ** (i / 7)))
            for i in range(days)]


class ForecastCasesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, rows, header="date,positives", name="cases.csv"):
        path = os.path.join(self.dir.name, name)
        with open(path, "w") as f:
            f.write(header + "\n" + "".join(f"{d},{p}\n" for d, p in rows))
        return path

    def forecast(self, path, *extra):
        out = os.path.join(self.dir.name, "forecast.csv")
        r = run(path, "--out", out, *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0], "date,positives")
        return [(datetime.date.fromisoformat(a), int(b)) for a, b in (line.split(",") for line in lines[1:])], r.stderr

    def test_a_flat_series_is_projected_with_its_weekday_profile(self):
        rows = series(28, 1000)
        got, err = self.forecast(self.write(rows), "--until", str(rows[-1][0]), "--days", "7")
        self.assertIn("weekly growth 1.000", err)
        self.assertEqual([d for d, _ in got], [rows[-1][0] + datetime.timedelta(days=t) for t in range(1, 8)])
        for day, positives in got:  # the same weekday one week earlier
            self.assertEqual(positives, dict(rows)[day - datetime.timedelta(days=7)])

    def test_a_growing_series_keeps_its_weekly_growth(self):
        rows = series(35, 1000, growth_per_week=1.3)
        until = rows[-1][0]
        got, err = self.forecast(self.write(rows), "--until", str(until), "--days", "14")
        self.assertIn("weekly growth 1.300", err)
        truth = dict(series(49, 1000, growth_per_week=1.3))
        for day, positives in got:
            self.assertAlmostEqual(positives / truth[day], 1.0, delta=0.05, msg=str(day))

    def test_until_cuts_the_series_and_growth_can_be_given(self):
        rows = series(42, 1000, growth_per_week=1.5)
        until = rows[27][0]
        got, err = self.forecast(self.write(rows), "--until", str(until), "--days", "3", "--growth", "1.0")
        self.assertIn("weekly growth 1.000 (given)", err)
        self.assertEqual(got[0][0], until + datetime.timedelta(days=1))
        for day, positives in got:  # flat from the last recorded week (to rounding), never the later rows
            self.assertAlmostEqual(positives, dict(rows)[day - datetime.timedelta(days=7)], delta=1)

    def test_bad_input_names_the_line(self):
        rows = series(21, 100)
        cases = [
            (self.write(rows, header="day,positives", name="a.csv"), 65, ":1: expected the header 'date,positives'"),
            (self.write(rows[:5] + rows[6:], name="b.csv"), 65, ":7: 2021-11-07 does not follow 2021-11-05"),
            (self.write(rows[:3] + [(rows[3][0], "12.5")] + rows[4:], name="c.csv"), 65, ":5: expected a whole number"),
            (self.write(rows[:10], name="d.csv"), 65, "--weeks 3 needs 21 days up to"),
            (self.write([(d, 0) for d, _ in rows], name="e.csv"), 65, "has no positive"),
        ]
        for path, code, message in cases:
            r = run(path, "--until", str(rows[9][0] if "needs" in message else rows[-1][0]))
            self.assertEqual(r.returncode, code, r.stderr)
            self.assertIn(message, r.stderr)
        r = run(self.write(rows), "--until", "2022-01-01")
        self.assertEqual(r.returncode, 65)
        self.assertIn("no row for --until 2022-01-01", r.stderr)

    def test_bad_options_are_usage_errors(self):
        path = self.write(series(21, 100))
        for extra in (["--until", "30/11/2021"], ["--until", "2021-11-21", "--days", "0"],
                      ["--until", "2021-11-21", "--growth", "-1"], ["--until", "2021-11-21", "--weeks", "40"]):
            r = run(path, *extra)
            self.assertEqual(r.returncode, 2, extra)

    def test_refuses_to_overwrite_without_force(self):
        path = self.write(series(21, 100))
        self.forecast(path, "--until", "2021-11-21")
        out = os.path.join(self.dir.name, "forecast.csv")
        r = run(path, "--until", "2021-11-21", "--out", out)
        self.assertEqual(r.returncode, 74)
        self.assertIn("exists; add --force", r.stderr)
        self.forecast(path, "--until", "2021-11-21", "--force")

    def test_missing_file_is_a_file_error_and_nothing_is_written(self):
        out = os.path.join(self.dir.name, "forecast.csv")
        r = run(os.path.join(self.dir.name, "none.csv"), "--until", "2021-11-21", "--out", out)
        self.assertEqual(r.returncode, 74)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()

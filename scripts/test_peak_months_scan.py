"""Tests of scripts/peak-months-scan.py's arithmetic and table, without running tracesim."""
import csv
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "peak-months-scan.py")
sys.path.insert(0, HERE)
spec = importlib.util.spec_from_file_location("peak_months_scan", SCRIPT)
scan = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scan)


def per_attempt(index_wrap, contact_wrap):
    """Handling per attempt (min) on the shipped counts, as docs/staffing.md computes it."""
    i, c, a = scan.INDEX_CONNECTED, scan.CONTACTS_CONNECTED, scan.ATTEMPTS
    return (i * (25.5 + index_wrap) + c * (10.5 + contact_wrap) + (a - i - c) * 2) / a


def row(march, december, year=0.0, **extra):
    r = {"handling_min": 20.1, "handling_realised_min": 20.0, "index_wrap_up_min": 16.0,
         "contact_wrap_up_min": 16.0, "split": "equal", "h1_fte": 95, "first_answer": 0.65,
         "share_handled": 0.1, "year": year, "occupancy": 0.7, "march": march, "december": december,
         "year_fitted": abs(year) <= 0.03, "both_within_10pct": abs(march) <= 0.1 and abs(december) <= 0.1}
    r.update(extra)
    return r


class PeakMonthsScanTest(unittest.TestCase):
    def test_every_split_gives_the_aimed_handling(self):
        for handling in (15.0, 20.1, 25.0):
            for split in ("equal", "index-heavy", "contact-heavy"):
                with self.subTest(handling=handling, split=split):
                    self.assertAlmostEqual(per_attempt(*scan.wrap_ups(handling, split)), handling, places=9)

    def test_the_shipped_scenario_is_the_central_point(self):
        index_wrap, contact_wrap = scan.wrap_ups(20.1, "equal")
        self.assertAlmostEqual(index_wrap, 16.0, delta=0.1)   # the shipped 16 min
        self.assertEqual(index_wrap, contact_wrap)

    def test_the_lighter_call_type_keeps_its_least_work(self):
        self.assertEqual(scan.wrap_ups(20.1, "index-heavy")[1], scan.LEAST_WRAP_UP)
        self.assertEqual(scan.wrap_ups(20.1, "contact-heavy")[0], scan.LEAST_WRAP_UP)

    def test_answer_probabilities_keep_the_shipped_shape(self):
        self.assertEqual(scan.answer_probabilities(0.65), [0.65, 0.5, 0.4])
        self.assertEqual(scan.answer_probabilities(0.75), [0.75, 0.577, 0.462])

    def test_the_summary_ignores_points_that_miss_the_year(self):
        text = scan.render([row(-0.05, -0.08, year=-0.10), row(-0.12, -0.02), row(-0.04, -0.30)])
        self.assertIn("2 of 3 points fit the year's calls within ±3 %", text)
        self.assertIn("0 of those put both peaks within ±10 %", text)
        self.assertIn("The closest: March -12.0 %, December -2.0 %", text)
        self.assertIn("with March within ±10 % put December at -30.0 % to -30.0 %", text)
        self.assertIn("| -10.0 % (no fit) |", text)

    def test_the_table_reads_back_what_out_writes(self):
        rows = [row(-0.12, -0.02), row(-0.04, -0.30, year=0.05)]
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "scan.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            printed = subprocess.run([sys.executable, SCRIPT, "--table-from", path],
                                     capture_output=True, text=True, check=True).stdout
        self.assertEqual(printed, scan.render(rows) + "\n")

    def invoke(self, *args, tracesim=None):
        env = dict(os.environ)
        if tracesim is not None:
            env["TRACESIM"] = tracesim
        return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, env=env,
                              check=False)

    def test_no_tracesim_is_said_before_anything_runs(self):
        done = self.invoke("--quick", tracesim="/nonexistent/tracesim")
        self.assertEqual(done.returncode, 69)
        self.assertIn("no tracesim at /nonexistent/tracesim", done.stderr)

    def test_an_existing_out_is_refused_before_anything_runs(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "scan.csv")
            open(path, "w", encoding="utf-8").close()
            done = self.invoke("--quick", "--out", path, tracesim="/nonexistent/tracesim")
        self.assertEqual(done.returncode, 74)
        self.assertIn("exists; add --force", done.stderr)

    def test_a_failing_tracesim_names_the_command(self):
        with tempfile.TemporaryDirectory() as folder:
            fake = os.path.join(folder, "tracesim")
            with open(fake, "w", encoding="utf-8") as f:
                f.write("#!/bin/sh\necho 'scenario: bad key' >&2\nexit 65\n")
            os.chmod(fake, 0o755)
            done = self.invoke("--quick", tracesim=fake)
        self.assertEqual(done.returncode, 70)
        self.assertIn("calibrate", done.stderr)
        self.assertIn("exited 65: scenario: bad key", done.stderr)

    def test_a_file_that_is_not_a_scan_is_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "other.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("date,positives\n2021-01-01,3\n")
            done = self.invoke("--table-from", path)
            missing = self.invoke("--table-from", os.path.join(folder, "missing.csv"))
        self.assertEqual(done.returncode, 65)
        self.assertIn("not a scan written by --out", done.stderr)
        self.assertEqual(missing.returncode, 74)


if __name__ == "__main__":
    unittest.main()

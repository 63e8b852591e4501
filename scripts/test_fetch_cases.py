"""Tests of scripts/fetch-cases.py on small synthetic SPF-format files (made-up numbers)."""
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "fetch-cases.py")

SPF = """reg;jour;P;T;cl_age90;pop
76;2021-01-01;5;40;09;100
76;2021-01-01;12;300;0;5900000
76;2021-01-02;7;250;0;5900000
76;2021-01-02;3;20;89;100
24;2021-01-01;99;800;0;2500000
76;2021-01-03;0;90;0;5900000
"""


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


class FetchCasesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.input = os.path.join(self.dir.name, "spf.csv")
        with open(self.input, "w") as f:
            f.write(SPF)
        self.out = os.path.join(self.dir.name, "out.csv")

    def tearDown(self):
        self.dir.cleanup()

    def write(self, text):
        with open(self.input, "w") as f:
            f.write(text)

    def test_keeps_the_all_ages_rows_of_one_region(self):
        r = run("--region", "76", "--input", self.input, "--out", self.out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.out) as f:
            self.assertEqual(f.read(), "date,positives\n2021-01-01,12\n2021-01-02,7\n2021-01-03,0\n")

    def test_period_is_inclusive(self):
        r = run("--region", "76", "--input", self.input, "--from", "2021-01-02", "--to", "2021-01-02", "--out", self.out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.out) as f:
            self.assertEqual(f.read(), "date,positives\n2021-01-02,7\n")

    def test_refuses_to_overwrite_without_force(self):
        self.assertEqual(run("--region", "76", "--input", self.input, "--out", self.out).returncode, 0)
        self.assertEqual(run("--region", "76", "--input", self.input, "--out", self.out).returncode, 74)
        self.assertEqual(run("--region", "76", "--input", self.input, "--out", self.out, "--force").returncode, 0)

    def test_bad_date_names_the_line(self):
        self.write(SPF.replace("76;2021-01-02;7", "76;2021-01-32;7"))
        r = run("--region", "76", "--input", self.input, "--out", self.out)
        self.assertEqual(r.returncode, 65)
        self.assertIn(":4: expected a date YYYY-MM-DD in column jour, got '2021-01-32'", r.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_negative_count_names_the_line(self):
        self.write(SPF.replace("76;2021-01-02;7", "76;2021-01-02;-7"))
        r = run("--region", "76", "--input", self.input, "--out", self.out)
        self.assertEqual(r.returncode, 65)
        self.assertIn(":4: expected a whole number >= 0 in column P, got '-7'", r.stderr)

    def test_missing_column(self):
        self.write(SPF.replace("cl_age90", "age"))
        r = run("--region", "76", "--input", self.input, "--out", self.out)
        self.assertEqual(r.returncode, 65)
        self.assertIn("missing column(s) cl_age90", r.stderr)

    def test_gap_in_days(self):
        self.write(SPF.replace("76;2021-01-02;7;250;0;5900000\n", ""))
        r = run("--region", "76", "--input", self.input, "--out", self.out)
        self.assertEqual(r.returncode, 65)
        self.assertIn("must be consecutive", r.stderr)

    def test_usage_errors(self):
        self.assertEqual(run("--input", self.input, "--out", self.out).returncode, 2)
        self.assertEqual(run("--region", "76", "--from", "2021-13-01", "--input", self.input, "--out", self.out).returncode, 2)

    def test_missing_input_file(self):
        r = run("--region", "76", "--input", os.path.join(self.dir.name, "none.csv"), "--out", self.out)
        self.assertEqual(r.returncode, 74)

    def test_output_loads_in_tracesim_format(self):
        # The converter's output is exactly the format tracesim's case reader accepts.
        spec = importlib.util.spec_from_file_location("fetch_cases", SCRIPT)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        rows = mod.convert(SPF, "reg", "76", None, None, "spf.csv")
        self.assertEqual([(d.isoformat(), p) for d, p in rows], [("2021-01-01", 12), ("2021-01-02", 7), ("2021-01-03", 0)])


if __name__ == "__main__":
    unittest.main()

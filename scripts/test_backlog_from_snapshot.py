"""Tests of scripts/backlog-from-snapshot.py on a small synthetic snapshot (made-up rows)."""
import csv
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "backlog-from-snapshot.py")
HEADER = ("id,type,identified,attempts,last_attempt,deadline,segment,contacts_listed,contacts_to_list,"
          "state,key,engine,inbound_first,queue\n")
TASKS = HEADER + (
    "0,contact,2021-12-05T10:00,0,,2021-12-05T22:00,other,0,0,queued,11,12,0,1\n"
    "1,index,2021-12-05T09:00,2,,2021-12-06T09:00,age_65_plus,1,3,queued,21,22,0,0\n"
    "2,contact,2021-12-05T16:00,1,,2021-12-06T04:00,other,0,0,waiting,31,32,0,\n"
    "3,index,2021-12-06T09:30,0,,2021-12-07T09:30,other,0,2,scheduled,41,42,0,\n"
    "4,index,2021-12-05T18:00,0,,2021-12-06T18:00,other,0,1,inbound,51,52,1,\n")
EVENTS = ("at,phase,event,task,day,call_origin,call_engine,call_retrials\n"
          "2021-12-06T01:30,arrival,task_ready,2,,,,\n"
          "2021-12-06T09:30,arrival,task_arrival,3,,,,\n")
RUN = "field,value\nseed,7\nreplication,0\ncalendar_start,2021-01-01\nday,2021-12-06\n"


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


class BacklogFromSnapshotTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.snap = os.path.join(self.dir.name, "2021-12-06")
        os.mkdir(self.snap)
        self.out = os.path.join(self.dir.name, "backlog.csv")
        self.write(TASKS, EVENTS, RUN)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, tasks, events, run_state):
        for name, text in (("replication-0.csv", tasks), ("replication-0.events.csv", events),
                           ("replication-0.run.csv", run_state)):
            with open(os.path.join(self.snap, name), "w") as f:
                f.write(text)

    def test_open_tasks_become_a_plain_backlog(self):
        r = run(self.snap, "--out", self.out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("4 open tasks (2 with a next_attempt)", r.stderr)
        self.assertIn("1 still on their way left out", r.stderr)
        rows = list(csv.DictReader(open(self.out)))
        self.assertEqual(list(rows[0].keys()), ["id", "type", "identified", "attempts", "next_attempt", "deadline",
                                                "segment", "contacts_listed", "contacts_to_list"])
        self.assertEqual([r["id"] for r in rows], ["0", "1", "2", "4"])
        self.assertEqual(rows[0]["next_attempt"], "")                  # never tried: ready now
        self.assertEqual(rows[1]["next_attempt"], "2021-12-06T00:00")  # tried, queued: from midnight
        self.assertEqual(rows[2]["next_attempt"], "2021-12-06T01:30")  # waiting: its task_ready event
        self.assertEqual(rows[3]["type"], "index")                     # called in first: an open index case
        self.assertEqual((rows[1]["segment"], rows[1]["contacts_listed"], rows[1]["contacts_to_list"]),
                         ("age_65_plus", "1", "3"))

    def test_bad_snapshots_name_the_line(self):
        cases = [
            (TASKS.replace(",state,", ",status,"), EVENTS, RUN, ":1: missing column(s) state"),
            (TASKS, EVENTS.replace("task_ready", "task_stale"), RUN, ":4: task 2 is waiting, but no task_ready"),
            (TASKS.replace(",inbound,", ",lost,"), EVENTS, RUN, ":6: unknown state 'lost'"),
            (TASKS, EVENTS, "field,value\nseed,7\n", "no 'day' row"),
        ]
        for tasks, events, run_state, message in cases:
            self.write(tasks, events, run_state)
            r = run(self.snap, "--out", self.out)
            self.assertEqual(r.returncode, 65, message)
            self.assertIn(message, r.stderr)
            self.assertFalse(os.path.exists(self.out))

    def test_missing_files_and_existing_output_are_file_errors(self):
        r = run(self.snap, "--replication", "3", "--out", self.out)
        self.assertEqual(r.returncode, 74)
        self.assertIn("replication-3", r.stderr)
        self.assertEqual(run(self.snap, "--out", self.out).returncode, 0)
        r = run(self.snap, "--out", self.out)
        self.assertEqual(r.returncode, 74)
        self.assertIn("exists; add --force", r.stderr)
        self.assertEqual(run(self.snap, "--out", self.out, "--force").returncode, 0)
        self.assertEqual(run(self.snap, "--replication", "-1", "--out", self.out).returncode, 2)


if __name__ == "__main__":
    unittest.main()

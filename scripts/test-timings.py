#!/usr/bin/env python3
"""The suite's timing report, from xunit's own durations in the .trx files that `dotnet test --logger trx`
writes, and from the wall times scripts/test.sh records for each step (a 'name seconds' line per step in
steps.tsv). Prints each step's wall time, each test assembly's wall time and test time, and the slowest
tests. Standard library only, so it runs wherever Debian's python3 does.

usage: test-timings.py RESULTS_DIR [--top N]
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration):
    """A .trx duration (hh:mm:ss.fffffff) in seconds."""
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def instant(text):
    """A .trx timestamp; Python before 3.11 parses at most six fractional digits."""
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    return datetime.fromisoformat(text)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    results = argv[1]
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 25

    steps_file = os.path.join(results, "steps.tsv")
    if os.path.exists(steps_file):
        print("Timing report: wall time of each step")
        total = 0.0
        for line in open(steps_file):
            name, _, value = line.rstrip("\n").rpartition(" ")
            if name:
                total += float(value)
                print(f"  {float(value):7.1f} s  {name}")
        print(f"  {total:7.1f} s  in all")

    cpu_file = os.path.join(results, "cpu.tsv")
    if os.path.exists(cpu_file):
        samples = [tuple(map(float, line.split())) for line in open(cpu_file) if len(line.split()) == 3]
        if len(samples) > 1:
            t0, busy0, idle0 = samples[0]
            window, marks, start = 30.0, [], samples[0]
            for sample in samples[1:]:
                if sample[0] - start[0] >= window or sample is samples[-1]:
                    busy, idle = sample[1] - start[1], sample[2] - start[2]
                    marks.append(f"{100 * busy / max(busy + idle, 1):3.0f}")
                    start = sample
            busy, idle = samples[-1][1] - busy0, samples[-1][2] - idle0
            cores = os.cpu_count() or 1
            idle_core_s = (samples[-1][0] - t0) * cores * idle / max(busy + idle, 1)
            print(f"Timing report: CPU busy {100 * busy / max(busy + idle, 1):.0f}% over the run ({idle_core_s:.0f} idle core-seconds of {cores} cores); by 30 s:")
            print("   " + " ".join(marks))

    processes_file = os.path.join(results, "processes.tsv")
    if os.path.exists(processes_file):
        rows = [line.rstrip("\n").split("\t") for line in open(processes_file) if line.count("\t") == 3]
        if rows:
            print("Timing report: CPU by kind of process (core-seconds; processes; most at once)")
            for kind, cpu, count, peak in rows:
                print(f"  {float(cpu):7.1f}  {int(count):4d}  {int(peak):3d}  {kind}")
            print(f"  {sum(float(r[1]) for r in rows):7.1f}  in all")

    tests = []
    assemblies = []
    for path in sorted(glob.glob(os.path.join(results, "*.trx"))):
        root = ET.parse(path).getroot()
        times = root.find("t:Times", NS)
        unit = {u.get("id"): u for u in root.iterfind(".//t:UnitTest", NS)}
        storage = None
        summed = 0.0
        count = 0
        for result in root.iterfind(".//t:UnitTestResult", NS):
            definition = unit.get(result.get("testId"))
            method = definition.find("t:TestMethod", NS) if definition is not None else None
            if storage is None and method is not None:
                storage = os.path.basename(method.get("codeBase", "")) or os.path.basename(path)
            duration = seconds(result.get("duration", "0:0:0"))
            summed += duration
            count += 1
            tests.append((duration, result.get("outcome", "?"), result.get("testName", "?")))
        if times is not None and count:
            wall = (instant(times.get("finish")) - instant(times.get("start"))).total_seconds()
            assemblies.append((wall, summed, count, storage or os.path.basename(path)))

    if assemblies:
        print("Timing report: test assemblies (wall time; sum of the tests' own durations; tests)")
        for wall, summed, count, name in sorted(assemblies, reverse=True):
            print(f"  {wall:7.1f} s  {summed:7.1f} s  {count:4d}  {name}")
    if tests:
        print(f"Timing report: the {min(top, len(tests))} slowest tests (xunit's durations)")
        for duration, outcome, name in sorted(tests, reverse=True)[:top]:
            print(f"  {duration:7.1f} s  {outcome:<8} {name}")


if __name__ == "__main__":
    main(sys.argv)

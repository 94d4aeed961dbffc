#!/usr/bin/env python3
"""Samples every process's CPU time from /proc every 2 s until SIGTERM, then writes
<results>/processes.tsv: one line per kind of process (the local hosts, the test hosts, Azurite,
Chromium, the compiler, ...), its core-seconds, how many processes of that kind ran and the most
that ran at once. The test suite is CPU-bound on two cores, so this says where its time goes.

    python3 scripts/cpu-by-process.py artifacts/test-results &

A process that ends between two samples loses at most its last 2 s; one that lives under 2 s may
be missed (the compiler server and the test hosts live long, so the totals are close).
"""
import os
import re
import signal
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")

# (kind, pattern over the command line), first match wins.
KINDS = [
    ("local host", r"MedEdu\.LocalHost\.dll"),
    ("screening worker", r"MedEdu\.ScreeningWorker\.dll"),
    ("mededu cli", r"MedEdu\.Cli\.dll|/mededu(\s|$)"),
    ("testhost Pipeline.Tests", r"testhost.*MedEdu\.Pipeline\.Tests|MedEdu\.Pipeline\.Tests.*testhost"),
    ("testhost Compute.Tests", r"testhost.*MedEdu\.Compute\.Tests|MedEdu\.Compute\.Tests.*testhost"),
    ("testhost Cli.Tests", r"testhost.*MedEdu\.Cli\.Tests|MedEdu\.Cli\.Tests.*testhost"),
    ("testhost Functions.Tests", r"testhost.*MedEdu\.Functions\.Tests|MedEdu\.Functions\.Tests.*testhost"),
    ("azurite", r"azurite"),
    ("chromium", r"chrom"),
    ("dotnet-interactive", r"dotnet-interactive|Microsoft\.DotNet\.Interactive"),
    ("jupyter/python", r"python|jupyter"),
    ("compiler (csc, msbuild)", r"VBCSCompiler|MSBuild\.dll|csc\.dll|/csc |dotnet build|dotnet msbuild"),
    ("dotnet test/vstest", r"vstest|dotnet test|testhost"),
    ("dotnet format", r"dotnet-format|format"),
    ("bicep", r"bicep"),
    ("kiota/openapi", r"kiota|openapi"),
    ("node (browser tests, tsc, npm)", r"node|npm"),
]


def kind_of(cmdline):
    for name, pattern in KINDS:
        if re.search(pattern, cmdline):
            return name
    return "other"


def snapshot(seen, me):
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            # utime, stime of the process itself (fields 14, 15; indexes 11, 12 after the name).
            cpu = (int(fields[11]) + int(fields[12])) / TICKS
            start = int(fields[19])
            key = (int(entry), start)
            if key not in seen:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
                seen[key] = [kind_of(cmdline), cpu, cpu, cmdline]
            seen[key][2] = cpu
        except (OSError, IndexError, ValueError):
            continue


def main(argv):
    results = argv[1] if len(argv) > 1 else "."
    seen = {}
    me = os.getpid()
    peaks = {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    # Processes already running count from now (Azurite started by an earlier step, the shell).
    snapshot(seen, me)
    for entry in seen.values():
        entry[1] = entry[2]
    while not stop:
        time.sleep(2)
        alive = {}
        snapshot(seen, me)
        for key, (kind, *_) in seen.items():
            if os.path.exists(f"/proc/{key[0]}"):
                alive[kind] = alive.get(kind, 0) + 1
        for kind, n in alive.items():
            peaks[kind] = max(peaks.get(kind, 0), n)
    totals = {}
    for kind, first, last, _ in seen.values():
        cpu, count = totals.get(kind, (0.0, 0))
        totals[kind] = (cpu + last - first, count + 1)
    with open(os.path.join(results, "processes.tsv"), "w") as out:
        for kind, (cpu, count) in sorted(totals.items(), key=lambda item: -item[1][0]):
            if cpu >= 0.5:
                out.write(f"{kind}\t{cpu:.1f}\t{count}\t{peaks.get(kind, 0)}\n")
    # The 30 busiest processes with their command lines (a host's settings say which test started it;
    # an "other" says which kind to name above).
    with open(os.path.join(results, "processes-top.tsv"), "w") as out:
        for kind, first, last, cmdline in sorted(seen.values(), key=lambda entry: entry[1] - entry[2])[:30]:
            words = [w for w in cmdline.split() if not re.match(r"--(LocalHost:(ApiPort|SidecarPort|TaskHub)|MedEdu:(InstructorKey|BundledDatasetsPath|AllowLoopbackSources)|Logging:LogLevel:Default)=", w)]
            out.write(f"{last - first:.1f}\t{kind}\t{' '.join(words)[-220:]}\n")


if __name__ == "__main__":
    main(sys.argv)

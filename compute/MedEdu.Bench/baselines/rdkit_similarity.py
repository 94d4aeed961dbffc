#!/usr/bin/python3
"""RDKit baseline for `mededu-bench screening`: loads an FPS file, then times
DataStructs.BulkTanimotoSimilarity for the first N records used as queries (one thread) and
prints JSON with comparisons per second. Top-k selection is not timed (generous to RDKit)."""
import json, sys, time
from rdkit import DataStructs, rdBase

path, nqueries = sys.argv[1], int(sys.argv[2])
fps = []
t0 = time.perf_counter()
with open(path, encoding="ascii") as f:
    for line in f:
        if line.startswith("#"):
            continue
        fps.append(DataStructs.CreateFromFPSText(line[:line.index("\t")]))
load = time.perf_counter() - t0
best = float("inf")
total = 0.0
for q in range(nqueries):
    t = time.perf_counter()
    scores = DataStructs.BulkTanimotoSimilarity(fps[q * 997 % len(fps)], fps)
    elapsed = time.perf_counter() - t
    best = min(best, elapsed)
    total += elapsed
print(json.dumps({"version": rdBase.rdkitVersion, "fingerprints": len(fps), "load_s": load,
                  "best_comparisons_per_s": len(fps) / best, "mean_comparisons_per_s": len(fps) * nqueries / total}))

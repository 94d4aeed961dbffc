#!/usr/bin/python3
"""RDKit baseline for `mededu-bench chemistry`: times MolFromSmiles and Morgan radius-2 2048-bit
fingerprints over the SMILES in the file given (one per line), single-threaded, and prints JSON."""
import json, sys, time
from rdkit import Chem, RDLogger, rdBase
from rdkit.Chem import AllChem

RDLogger.DisableLog("rdApp.*")
smiles = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
best_parse = best_fp = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    mols = [Chem.MolFromSmiles(s) for s in smiles]
    t1 = time.perf_counter()
    fps = [AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048) for m in mols if m is not None]
    t2 = time.perf_counter()
    best_parse = min(best_parse, t1 - t0)
    best_fp = min(best_fp, t2 - t1)
print(json.dumps({"version": rdBase.rdkitVersion, "molecules": len(smiles),
                  "parse_per_s": len(smiles) / best_parse, "morgan_per_s": len(fps) / best_fp}))

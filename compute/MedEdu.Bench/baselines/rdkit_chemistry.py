#!/usr/bin/python3
"""RDKit baseline for `mededu-bench chemistry`: times MolFromSmiles, Morgan radius-2 2048-bit
fingerprints, Crippen logP/MR and the PAINS + Brenk filter catalog (does any entry match) over the
SMILES in the file given (one per line), single-threaded, and prints JSON."""
import json, sys, time
from rdkit import Chem, RDLogger, rdBase
from rdkit.Chem import AllChem, Crippen
from rdkit.Chem.FilterCatalog import FilterCatalog, FilterCatalogParams

RDLogger.DisableLog("rdApp.*")
smiles = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
params = FilterCatalogParams()
params.AddCatalog(FilterCatalogParams.FilterCatalogs.PAINS)
params.AddCatalog(FilterCatalogParams.FilterCatalogs.BRENK)
catalog = FilterCatalog(params)
best_parse = best_fp = best_crippen = best_alerts = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    mols = [Chem.MolFromSmiles(s) for s in smiles]
    t1 = time.perf_counter()
    fps = [AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048) for m in mols if m is not None]
    t2 = time.perf_counter()
    crippen = [(Crippen.MolLogP(m), Crippen.MolMR(m)) for m in mols if m is not None]
    t3 = time.perf_counter()
    flagged = sum(1 for m in mols if m is not None and catalog.HasMatch(m))
    t4 = time.perf_counter()
    best_parse = min(best_parse, t1 - t0)
    best_fp = min(best_fp, t2 - t1)
    best_crippen = min(best_crippen, t3 - t2)
    best_alerts = min(best_alerts, t4 - t3)
print(json.dumps({"version": rdBase.rdkitVersion, "molecules": len(smiles),
                  "parse_per_s": len(smiles) / best_parse, "morgan_per_s": len(fps) / best_fp,
                  "crippen_per_s": len(crippen) / best_crippen, "alerts_per_s": len(fps) / best_alerts, "flagged": flagged}))

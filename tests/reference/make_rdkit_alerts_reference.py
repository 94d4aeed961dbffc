#!/usr/bin/python3
"""Writes RDKit FilterCatalog verdicts (PAINS A+B+C, Brenk) for the bundled datasets (run with
Debian's python3-rdkit 2022.09, whose patterns MedEdu bundles).

usage: /usr/bin/python3 tests/reference/make_rdkit_alerts_reference.py
Output: tests/reference/rdkit_alerts.tsv.gz with, per dataset row: dataset, row (1-based data
row), SMILES as in the file, parsed (1/0), the number of distinct PAINS alerts and of Brenk alerts
the molecule raises, and their names joined by ';' (PAINS, then Brenk).
"""
import gzip
from rdkit import Chem, RDLogger, rdBase
from rdkit.Chem.FilterCatalog import FilterCatalog, FilterCatalogParams
from reference_datasets import output_path, rows


def catalog(*which):
    params = FilterCatalogParams()
    for c in which:
        params.AddCatalog(c)
    return FilterCatalog(params)


C = FilterCatalogParams.FilterCatalogs
pains = catalog(C.PAINS_A, C.PAINS_B, C.PAINS_C)
brenk = catalog(C.BRENK)
assert pains.GetNumEntries() == 480 and brenk.GetNumEntries() == 105

RDLogger.DisableLog("rdApp.*")
out_path = output_path("rdkit_alerts.tsv.gz")
with gzip.open(out_path, "wt", encoding="utf-8", newline="") as out:
    out.write(f"# RDKit {rdBase.rdkitVersion}: FilterCatalog PAINS_A+PAINS_B+PAINS_C and BRENK, GetMatches\n")
    out.write("dataset\trow\tsmiles\tparsed\tpains\tbrenk\tpains_names\tbrenk_names\n")
    for name, row_number, smiles in rows():
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            out.write(f"{name}\t{row_number}\t{smiles}\t0\t\t\t\t\n")
            continue
        p = sorted({e.GetDescription() for e in pains.GetMatches(mol)})
        b = sorted({e.GetDescription() for e in brenk.GetMatches(mol)})
        out.write(f"{name}\t{row_number}\t{smiles}\t1\t{len(p)}\t{len(b)}\t{';'.join(p)}\t{';'.join(b)}\n")
print("wrote", out_path)

#!/usr/bin/python3
"""Writes RDKit's threshold-search hits over ESOL (run with Debian's python3-rdkit 2022.09).

usage: /usr/bin/python3 tests/reference/make_rdkit_search_reference.py
Output: tests/reference/rdkit_threshold_hits.tsv.gz. The library is every ESOL row (Morgan r=2,
2048 bits, GetMorganFingerprintAsBitVect); the queries are every 37th row. For each threshold
(0.3, 0.5, 0.7) and query, DataStructs.BulkTanimotoSimilarity against the whole library; a row
per hit with similarity >= threshold: threshold, query row, hit row, similarity (repr of the double).
Rows are ESOL's 1-based data rows.
"""
import gzip
from rdkit import Chem, DataStructs, RDLogger, rdBase
from rdkit.Chem import AllChem
from reference_datasets import output_path, rows

RDLogger.DisableLog("rdApp.*")
library = [(row, AllChem.GetMorganFingerprintAsBitVect(Chem.MolFromSmiles(smiles), 2, nBits=2048))
           for name, row, smiles in rows() if name == "esol"]
queries = [entry for entry in library if (entry[0] - 1) % 37 == 0]
fps = [fp for _, fp in library]
out_path = output_path("rdkit_threshold_hits.tsv.gz")
with gzip.open(out_path, "wt", encoding="utf-8", newline="") as out:
    out.write(f"# RDKit {rdBase.rdkitVersion}: BulkTanimotoSimilarity over ESOL's {len(fps)} Morgan r=2 2048-bit fingerprints, queries every 37th row\n")
    out.write("threshold\tquery_row\thit_row\tsimilarity\n")
    for threshold in (0.3, 0.5, 0.7):
        for query_row, query in queries:
            for (hit_row, _), similarity in zip(library, DataStructs.BulkTanimotoSimilarity(query, fps)):
                if similarity >= threshold:
                    out.write(f"{threshold}\t{query_row}\t{hit_row}\t{similarity!r}\n")
print("wrote", out_path)

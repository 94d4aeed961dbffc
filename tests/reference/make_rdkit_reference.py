#!/usr/bin/python3
"""Writes RDKit reference values for the bundled datasets (run with Debian's python3-rdkit 2022.09).

usage: /usr/bin/python3 tests/reference/make_rdkit_reference.py
Output: tests/reference/rdkit_morgan_r2_2048.tsv.gz with, per dataset row:
dataset, row (1-based data row), SMILES as in the file, parsed (1/0), heavy atoms,
aromatic atoms, on-bits of GetMorganFingerprintAsBitVect(mol, 2, nBits=2048) as comma-separated
indices, and RDKit's canonical SMILES.
"""
import gzip
from rdkit import Chem, RDLogger, rdBase
from rdkit.Chem import AllChem
from reference_datasets import output_path, rows

RDLogger.DisableLog("rdApp.*")
out_path = output_path("rdkit_morgan_r2_2048.tsv.gz")
with gzip.open(out_path, "wt", encoding="utf-8", newline="") as out:
    out.write(f"# RDKit {rdBase.rdkitVersion}: GetMorganFingerprintAsBitVect(mol, 2, nBits=2048)\n")
    out.write("dataset\trow\tsmiles\tparsed\theavy_atoms\taromatic_atoms\ton_bits\tcanonical\n")
    for name, row_number, smiles in rows():
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            out.write(f"{name}\t{row_number}\t{smiles}\t0\t\t\t\t\n")
            continue
        fp = AllChem.GetMorganFingerprintAsBitVect(mol, 2, nBits=2048)
        bits = ",".join(str(b) for b in fp.GetOnBits())
        arom = sum(1 for a in mol.GetAtoms() if a.GetIsAromatic())
        out.write(f"{name}\t{row_number}\t{smiles}\t1\t{mol.GetNumAtoms()}\t{arom}\t{bits}\t{Chem.MolToSmiles(mol)}\n")
print("wrote", out_path)

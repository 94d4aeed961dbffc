#!/usr/bin/python3
"""Extracts the PAINS (families A, B, C) and Brenk filter data from an RDKit source tree into the
TSV files MedEdu bundles (compute/MedEdu.Compute/Chemistry/Alerts/Data/).

usage: python3 tests/reference/extract_filter_catalog.py RDKIT_SOURCE_ROOT
The bundled files came from the Release_2022_09_3 tag, the RDKit that Debian's python3-rdkit
202209.3 is built from, so the reference (make_rdkit_alerts_reference.py) uses the same patterns.
Each row: catalog, name, smarts, max (RDKit's FilterData_t.max: the alert fires when the pattern
matches more than max times; 0 for every PAINS and Brenk entry).
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]) / "Code" / "GraphMol" / "FilterCatalog"
entry = re.compile(r'\{\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*(\d+)\s*,\s*"[^"]*"\s*\}')
literal = re.compile(r'"((?:[^"\\]|\\.)*)"')


def rows(text, array):
    start = text.index(f"const FilterData_t {array}[]")
    body = text[start:text.index("};", start)]
    for m in entry.finditer(body):
        name = "".join(literal.findall(m.group(1)))
        smarts = "".join(literal.findall(m.group(2))).replace('\\\\', '\\')
        yield name, smarts, int(m.group(3))


out = pathlib.Path(__file__).resolve().parents[2] / "compute" / "MedEdu.Compute" / "Chemistry" / "Alerts" / "Data"
sources = {
    "pains.tsv": [("PAINS_A", "pains_a.in"), ("PAINS_B", "pains_b.in"), ("PAINS_C", "pains_c.in")],
    "brenk.tsv": [("Brenk", "Filters.cpp")],
}
for file_name, parts in sources.items():
    lines = ["catalog\tname\tsmarts\tmax"]
    for catalog, source in parts:
        array = "BRENK" if catalog == "Brenk" else catalog
        lines += [f"{catalog}\t{n}\t{s}\t{m}" for n, s, m in rows((root / source).read_text(), array)]
    (out / file_name).write_text("\n".join(lines) + "\n")
    print(file_name, len(lines) - 1, "patterns")

"""The bundled datasets the RDKit reference files cover, read the same way for every reference."""
import csv, os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASETS = [("esol", "esol-delaney.csv", "smiles"), ("freesolv", "freesolv-sampl.csv", "smiles"),
            ("bbbp", "bbbp.csv", "smiles"), ("aqsoldb", "aqsoldb.csv", "SMILES")]


def rows():
    """Yields (dataset, 1-based data row, SMILES as in the file, stripped) for every row of every dataset."""
    for name, file, column in DATASETS:
        with open(os.path.join(ROOT, "datasets", file), newline="", encoding="utf-8") as f:
            for row_number, row in enumerate(csv.DictReader(f), start=1):
                yield name, row_number, row[column].strip()


def output_path(file_name):
    """Where a reference file goes: tests/reference/<file_name>."""
    return os.path.join(ROOT, "tests", "reference", file_name)

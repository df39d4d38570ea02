"""Copies the MIMIC-IV Clinical Database Demo tables this example uses into data/ (see SOURCE.md).

Run from this folder: python3 extract_tables.py /path/to/mimic-iv-demo
Output is byte-identical on every run (gzip without a timestamp, rows in source order).
"""
import csv
import gzip
import io
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "../../../shared/data/mimic-iv-demo"
LABS = {"50912", "52546", "50971", "51006"}  # creatinine (two item ids), potassium, urea nitrogen
LOOP = ("furosemide", "bumetanide", "torsemide")
GIVEN = {"Administered", "Delayed Administered", "Started"}


def copy(name, columns, keep=lambda r: True):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    n = 0
    with gzip.open(f"{SRC}/hosp/{name}.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            if keep(r):
                w.writerow([r[c] for c in columns])
                n += 1
    with open(f"data/{name}.csv.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as g:
            g.write(out.getvalue().encode("utf-8"))
    print(name, n, "rows")


copy("admissions", ["subject_id", "hadm_id", "admittime", "dischtime", "deathtime", "admission_type",
                    "admission_location", "insurance", "race", "hospital_expire_flag"])
copy("patients", ["subject_id", "gender", "anchor_age", "anchor_year", "dod"])
copy("labevents", ["subject_id", "hadm_id", "itemid", "charttime", "valuenum", "valueuom"],
     lambda r: r["itemid"] in LABS)
copy("emar", ["subject_id", "hadm_id", "charttime", "medication", "event_txt"],
     lambda r: r["event_txt"] in GIVEN and any(d in r["medication"].lower() for d in LOOP))

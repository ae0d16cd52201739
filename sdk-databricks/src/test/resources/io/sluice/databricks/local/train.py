"""Stands in for training: reads the cleaned CSV (plain Python, no Spark) and writes a summary."""

import csv
import glob
import os
import sys

clean, model = sys.argv[1], sys.argv[2]
rows = []
for part in sorted(glob.glob(os.path.join(clean, "*.csv"))):
    with open(part, newline="") as f:
        rows.extend(csv.DictReader(f))
os.makedirs(model, exist_ok=True)
with open(os.path.join(model, "summary.txt"), "w") as f:
    f.write(",".join(r["customer_id"] for r in rows))

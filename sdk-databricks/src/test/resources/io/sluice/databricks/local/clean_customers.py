# Databricks notebook source
# MAGIC %md
# MAGIC # Clean customers
# MAGIC Reads the raw CSV named by widget `raw_data`, drops duplicates, incomplete rows and customers
# MAGIC under `min_age`, writes one CSV to widget `clean_data`, and exits with row counts.

# COMMAND ----------

import json
import os

from pyspark.sql import functions as F

raw_data = dbutils.widgets.get("raw_data")
clean_data = dbutils.widgets.get("clean_data")
min_age = int(dbutils.widgets.get("min_age"))
# Counts notebook runs, so a test can tell a reused step from a rerun.
with open(os.path.join(os.environ["SLUICE_TEST_BASE"], "prep.runs"), "a") as runs:
    runs.write("x")

# COMMAND ----------

raw = spark.read.csv(raw_data, header=True, inferSchema=True)
clean = (
    raw.dropDuplicates()
    .dropna()
    .filter(F.col("age").try_cast("int") >= min_age)
    .orderBy("customer_id")
)
clean.coalesce(1).write.mode("overwrite").csv(clean_data, header=True)

# COMMAND ----------

dbutils.notebook.exit(json.dumps({"rows_in": raw.count(), "rows_out": clean.count()}))

# Databricks notebook source
# Cleans the raw CSV: drops rows with missing values and writes Parquet.
raw = dbutils.widgets.get("raw")
cleaned = dbutils.widgets.get("cleaned")
min_rows = int(dbutils.widgets.get("min_rows"))

# COMMAND ----------

df = spark.read.option("header", "true").csv(raw)
df = df.dropna()
if df.count() < min_rows:
    raise ValueError(f"only {df.count()} rows after cleaning, expected at least {min_rows}")
df.write.mode("overwrite").parquet(cleaned)

# Databricks notebook source
# MAGIC %md
# MAGIC # Prepare customer churn data
# MAGIC
# MAGIC Reads the raw customer CSV, removes duplicates and rows with missing or malformed values,
# MAGIC and writes one clean CSV for training.
# MAGIC
# MAGIC | widget | meaning |
# MAGIC |---|---|
# MAGIC | `raw_data` | folder (or file) holding the raw CSV |
# MAGIC | `clean_data` | folder to write the cleaned CSV to |

# COMMAND ----------

import json

from pyspark.sql import functions as F

raw_data = dbutils.widgets.get("raw_data")
clean_data = dbutils.widgets.get("clean_data")
print(f"raw_data:   {raw_data}")
print(f"clean_data: {clean_data}")

# COMMAND ----------

# MAGIC %md
# MAGIC ## Read
# MAGIC Schema inference leaves a column as a string when it holds malformed numbers; the casts below handle both.

# COMMAND ----------

raw = spark.read.csv(raw_data, header=True, inferSchema=True)
rows_in = raw.count()
raw.printSchema()

# COMMAND ----------

# MAGIC %md
# MAGIC ## Clean
# MAGIC `try_cast` turns malformed numbers into nulls (a plain cast fails under ANSI mode), so one null filter drops them
# MAGIC together with missing values. Plans are normalised before validation.

# COMMAND ----------

PLANS = ["basic", "standard", "premium"]

clean = (
    raw.dropDuplicates()
    .select(
        F.trim(F.col("customer_id")).alias("customer_id"),
        F.col("age").try_cast("int").alias("age"),
        F.col("income").try_cast("double").alias("income"),
        F.col("tenure_months").try_cast("int").alias("tenure_months"),
        F.lower(F.trim(F.col("plan"))).alias("plan"),
        F.col("monthly_charges").try_cast("double").alias("monthly_charges"),
        F.col("churned").try_cast("int").alias("churned"),
    )
    .dropna()
    .filter(F.col("plan").isin(PLANS))
    .filter(F.col("churned").isin(0, 1))
    .filter((F.col("age") >= 18) & (F.col("income") > 0) & (F.col("tenure_months") >= 0))
    .dropDuplicates(["customer_id"])
    .orderBy("customer_id")
)
rows_out = clean.count()
display(clean.groupBy("plan").agg(F.count("*").alias("customers"), F.avg("churned").alias("churn_rate")).orderBy("plan"))

# COMMAND ----------

# MAGIC %md
# MAGIC ## Write
# MAGIC One CSV file with a header, so the training script can read it with pandas.

# COMMAND ----------

clean.coalesce(1).write.mode("overwrite").csv(clean_data, header=True)

summary = {"rows_in": rows_in, "rows_out": rows_out, "rows_dropped": rows_in - rows_out}
print(summary)
dbutils.notebook.exit(json.dumps(summary))

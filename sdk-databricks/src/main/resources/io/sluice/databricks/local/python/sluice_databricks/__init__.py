"""Local Databricks runtime: runs a notebook or Python script task on local PySpark with a dbutils shim.

Started by the Java local executor as `python -m sluice_databricks <spec.json>`; see spec.py for the contract.
"""

"""Train the churn classifier on the cleaned customer data and log it to MLflow.

Usage: train.py --input DIR --output DIR [--n-estimators N] [--max-depth N]
(single-dash forms such as -input also work, as Azure ML v1 steps often pass them).
"""

import argparse
import glob
import json
import os
import shutil

import mlflow
import mlflow.sklearn
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = ["age", "income", "tenure_months", "monthly_charges"]
PLANS = ["basic", "standard", "premium"]
LABEL = "churned"
RANDOM_STATE = 42
# MLflow serializes scikit-learn models with skops, which asks which non-default types to trust;
# this model was trained right here, so its tree storage is trusted.
SKOPS_TRUSTED_TYPES = ["sklearn.tree._tree.Tree"]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train the churn classifier.")
    for name in ("input", "output"):
        parser.add_argument(f"--{name}", f"-{name}", required=True)
    parser.add_argument("--n-estimators", "-n-estimators", "-n_estimators", dest="n_estimators", type=int, default=100)
    parser.add_argument("--max-depth", "-max-depth", "-max_depth", dest="max_depth", type=int, default=6)
    return parser.parse_args(argv)


def read_csv_folder(folder: str) -> pd.DataFrame:
    """Read every CSV in a folder (a Spark output folder: _SUCCESS and .crc files are skipped)."""
    files = sorted(f for f in glob.glob(os.path.join(folder, "*.csv")) if not os.path.basename(f).startswith("."))
    if not files:
        raise FileNotFoundError(f"No CSV file in {folder}")
    return pd.concat((pd.read_csv(f) for f in files), ignore_index=True)


def features_of(data: pd.DataFrame) -> pd.DataFrame:
    """Numeric features plus one column per plan, all float so the logged signature accepts missing values."""
    plan = pd.Categorical(data["plan"], categories=PLANS)
    return pd.concat([data[FEATURES], pd.get_dummies(plan, prefix="plan")], axis=1).astype("float64")


def main(argv=None) -> None:
    args = parse_args(argv)
    data = read_csv_folder(args.input)
    x_train, x_test, y_train, y_test = train_test_split(
        features_of(data), data[LABEL], test_size=0.25, random_state=RANDOM_STATE, stratify=data[LABEL]
    )
    model = RandomForestClassifier(
        n_estimators=args.n_estimators, max_depth=args.max_depth, random_state=RANDOM_STATE
    ).fit(x_train, y_train)
    predicted = model.predict(x_test)
    metrics = {
        "accuracy": accuracy_score(y_test, predicted),
        "f1": f1_score(y_test, predicted),
        "roc_auc": roc_auc_score(y_test, model.predict_proba(x_test)[:, 1]),
    }

    # start_run() joins the run named by MLFLOW_RUN_ID when the pipeline created one.
    with mlflow.start_run() as run:
        mlflow.log_params({"n_estimators": args.n_estimators, "max_depth": args.max_depth, "rows": len(data)})
        mlflow.log_metrics(metrics)
        mlflow.sklearn.log_model(
            model, name="model", input_example=x_test.head(3), skops_trusted_types=SKOPS_TRUSTED_TYPES
        )
        run_id = run.info.run_id

    os.makedirs(args.output, exist_ok=True)
    model_dir = os.path.join(args.output, "model")
    shutil.rmtree(model_dir, ignore_errors=True)  # save_model refuses an existing folder; a rerun replaces it
    mlflow.sklearn.save_model(
        model, model_dir, input_example=x_test.head(3), skops_trusted_types=SKOPS_TRUSTED_TYPES
    )
    with open(os.path.join(args.output, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump({**metrics, "rows": len(data), "run_id": run_id}, f, indent=2)
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

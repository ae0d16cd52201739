#!/usr/bin/env bash
# Runs the MLflow logging benchmark, each case against its own fresh `mlflow server` (SQLite
# grows with every metric logged, so a shared server would favour whichever case runs first).
# Uses the virtualenv that the sdk-mlflow integration tests create: run `./mvnw -B verify` once.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/mlflow-3.17.2/venv
[[ -x $venv/bin/mlflow ]] || { echo "no $venv: run ./mvnw -B -pl sdk-mlflow -am verify first" >&2; exit 1; }
./mvnw -B -q -pl benchmarks -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmaven.javadoc.skip
classpath=benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for case in officialLogMetricLoop officialLogBatch sluiceLogBatch sluiceAsyncLogger; do
  work=$(mktemp -d)
  "$venv/bin/mlflow" server --host 127.0.0.1 --port "$port" --workers 1 \
    --backend-store-uri "sqlite:///$work/mlflow.db" --artifacts-destination "$work/artifacts" \
    >"$work/server.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null; do sleep 1; done
  java -cp "$classpath" org.openjdk.jmh.Main "MlflowLoggingBenchmark.$case\$" \
    -jvmArgsAppend "-Dmlflow.uri=http://127.0.0.1:$port" -rf json -rff "target/mlflow-$case.json" \
    | grep -E '^(Iteration|MlflowLoggingBenchmark)' || true
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -rf "$work"
done

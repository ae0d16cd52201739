"""Trains a model on the cleaned data."""
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--model", required=True)
args = parser.parse_args()
print(f"training on {args.data} for {args.epochs} epochs, writing {args.model}")

"""Databricks source-format notebooks: parsing into cells and running them in one namespace."""

import linecache
import os
import shlex
import subprocess
import sys
import traceback
from dataclasses import dataclass

HEADER = "# Databricks notebook source"
CELL_SEPARATOR = "# COMMAND ----------"
MAGIC_PREFIX = "# MAGIC"
SKIPPED_MAGICS = ("md", "md-sandbox")


@dataclass(frozen=True)
class Cell:
    """One notebook cell. `magic` is None for Python, else the command ('sql', 'sh', 'run', ...)."""

    number: int
    magic: str | None
    source: str
    first_line: str


class MagicCommandError(Exception):
    """A magic command failed or is not available locally; its message says which and why."""


class CellFailure(Exception):
    """A cell raised; carries where (notebook, cell) and the user-facing traceback."""

    def __init__(self, notebook_path: str, cell: Cell, details: str):
        super().__init__(
            f"Notebook {notebook_path} failed in cell {cell.number} ({cell.first_line!r})"
        )
        self.notebook_path = notebook_path
        self.cell = cell
        self.details = details


def parse_notebook(text: str) -> list[Cell]:
    """Split notebook source into cells. A file without the Databricks header is one Python cell."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER:
        return [_cell(1, lines)]
    cells, current = [], []
    for line in lines[1:]:
        if line.rstrip() == CELL_SEPARATOR:
            cells.append(current)
            current = []
        else:
            current.append(line)
    cells.append(current)
    return [_cell(i + 1, cell_lines) for i, cell_lines in enumerate(cells)]


def _cell(number: int, lines: list[str]) -> Cell:
    code = [line for line in lines if line.strip()]
    if not code or not code[0].startswith(MAGIC_PREFIX):
        return Cell(number, None, "\n".join(lines).strip("\n") + "\n", code[0].strip() if code else "")
    body = [_strip_magic_prefix(line) for line in lines]
    start = next(i for i, line in enumerate(body) if line.strip())
    first = body[start].strip()
    if not first.startswith("%"):
        return Cell(number, None, "\n".join(body[start:]).strip("\n") + "\n", first)
    command, _, rest = first[1:].partition(" ")
    source = "\n".join([rest] + body[start + 1:]).strip("\n")
    return Cell(number, command, source, first)


def _strip_magic_prefix(line: str) -> str:
    if not line.startswith(MAGIC_PREFIX):
        return line
    rest = line[len(MAGIC_PREFIX):]
    return rest[1:] if rest.startswith(" ") else rest


def split_sql_statements(sql: str) -> list[str]:
    """Split on semicolons outside quotes and `--` comments; empty statements are dropped."""
    statements, current, quote, i = [], [], None, 0
    while i < len(sql):
        ch = sql[i]
        if quote:
            if ch == "\\" and i + 1 < len(sql):
                current.append(sql[i:i + 2])
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "'\"`":
            quote = ch
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
            continue
        elif ch == ";":
            statements.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    statements.append("".join(current))
    return [s.strip() for s in statements if s.strip()]


def user_traceback(exc: BaseException, first_user_file: str) -> str:
    """The traceback of `exc` from the first frame in `first_user_file` on, hiding the runtime's frames."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != first_user_file:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))


class NotebookRunner:
    """Runs notebooks cell by cell in one shared namespace holding spark, sc, dbutils and display."""

    def __init__(self, namespace: dict, spark, dbutils):
        self.namespace = namespace
        self._spark = spark
        self._dbutils = dbutils

    def run(self, path: str) -> None:
        """Run every cell of the notebook at `path`; a failing cell raises CellFailure.

        NotebookExit and SystemExit pass through: they end the run, they are not failures of a cell.
        """
        with open(path, encoding="utf-8") as f:
            cells = parse_notebook(f.read())
        for cell in cells:
            try:
                self._run_cell(path, cell)
            except CellFailure:
                raise  # from a notebook pulled in with %run: report the innermost cell
            except MagicCommandError as e:
                raise CellFailure(path, cell, f"{e}\n") from e
            except Exception as e:
                raise CellFailure(path, cell, user_traceback(e, _cell_filename(path, cell))) from e

    def _run_cell(self, path: str, cell: Cell) -> None:
        if cell.magic is None or cell.magic == "python":
            self._run_python(path, cell)
        elif cell.magic in SKIPPED_MAGICS:
            return
        elif cell.magic == "sql":
            self._run_sql(cell.source)
        elif cell.magic == "sh":
            self._run_shell(cell.source)
        elif cell.magic == "run":
            self._run_included(path, cell.source)
        elif cell.magic == "pip":
            raise MagicCommandError(
                "%pip is not supported when running locally: declare the packages in the step's "
                "Environment so every run (local and on Databricks) gets the same ones."
            )
        else:
            raise MagicCommandError(f"%{cell.magic} cells are not supported when running locally")

    def _run_python(self, path: str, cell: Cell) -> None:
        filename = _cell_filename(path, cell)
        # Registered so tracebacks show the cell's source lines.
        linecache.cache[filename] = (len(cell.source), None, cell.source.splitlines(True), filename)
        exec(compile(cell.source, filename, "exec"), self.namespace)

    def _run_sql(self, sql: str) -> None:
        result = None
        for statement in split_sql_statements(sql):
            result = self._spark.sql(statement)
        if result is not None:
            self.namespace["_sqldf"] = result  # as on Databricks, Python cells can use the last result
            result.show()

    def _run_shell(self, script: str) -> None:
        # Output goes through sys.stdout so secret redaction applies to it too.
        process = subprocess.Popen(
            ["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for line in process.stdout:
            sys.stdout.write(line)
        code = process.wait()
        if code != 0:
            raise MagicCommandError(f"%sh exited with code {code}")

    def _run_included(self, path: str, command: str) -> None:
        words = shlex.split(command)
        if not words:
            raise MagicCommandError("%run needs the path of a notebook")
        target = _resolve_notebook(os.path.dirname(path), words[0])
        arguments = {}
        for word in words[1:]:
            name, equals, value = word.partition("=")
            if not name.startswith("$") or not equals:
                raise MagicCommandError(f"%run arguments are written $name=value, got '{word}'")
            arguments[name[1:]] = value
        with self._dbutils.widgets.overridden(arguments):
            self.run(target)


def _cell_filename(path: str, cell: Cell) -> str:
    return f"{path} [cell {cell.number}]"


def _resolve_notebook(directory: str, reference: str) -> str:
    base = reference if os.path.isabs(reference) else os.path.normpath(os.path.join(directory, reference))
    for candidate in (base, base + ".py"):
        if os.path.isfile(candidate):
            return candidate
    raise MagicCommandError(f"%run: notebook not found: {reference} (looked for {base} and {base}.py)")

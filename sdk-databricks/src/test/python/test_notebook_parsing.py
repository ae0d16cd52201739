from sluice_databricks.notebook import parse_notebook, split_sql_statements

NOTEBOOK = """# Databricks notebook source
# MAGIC %md
# MAGIC # Title
# MAGIC
# MAGIC Some text

# COMMAND ----------

x = 1
# MAGIC is only a comment here

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT 1;
# MAGIC SELECT 2

# COMMAND ----------

# MAGIC %run ./child $a="1 2"

# COMMAND ----------
# MAGIC %sh echo hi
"""


def test_cells_are_split_and_numbered():
    cells = parse_notebook(NOTEBOOK)
    assert [(c.number, c.magic) for c in cells] == [(1, "md"), (2, None), (3, "sql"), (4, "run"), (5, "sh")]


def test_magic_prefixes_are_stripped():
    cells = parse_notebook(NOTEBOOK)
    assert cells[0].source == "# Title\n\nSome text"
    assert cells[2].source == "SELECT 1;\nSELECT 2"
    assert cells[2].first_line == "%sql"
    assert cells[3].source == './child $a="1 2"'
    assert cells[4].source == "echo hi"


def test_python_cell_keeps_its_code_and_first_line():
    cell = parse_notebook(NOTEBOOK)[1]
    assert cell.source == "x = 1\n# MAGIC is only a comment here\n"
    assert cell.first_line == "x = 1"


def test_file_without_header_is_one_python_cell():
    cells = parse_notebook("import os\n# COMMAND ----------\nprint(os.sep)\n")
    assert len(cells) == 1 and cells[0].magic is None
    assert "print(os.sep)" in cells[0].source


def test_percent_python_magic_is_python():
    cell = parse_notebook("# Databricks notebook source\n# MAGIC %python\n# MAGIC y = 2\n")[0]
    assert cell.magic == "python" and cell.source == "y = 2"


def test_crlf_line_endings():
    cells = parse_notebook("# Databricks notebook source\r\na = 1\r\n# COMMAND ----------\r\nb = 2\r\n")
    assert [c.first_line for c in cells] == ["a = 1", "b = 2"]


def test_sql_split_ignores_semicolons_in_quotes_and_comments():
    sql = "SELECT ';' AS a; -- a comment; still comment\nSELECT \"x;y\" ;\n\n;"
    assert split_sql_statements(sql) == ["SELECT ';' AS a", 'SELECT "x;y"']

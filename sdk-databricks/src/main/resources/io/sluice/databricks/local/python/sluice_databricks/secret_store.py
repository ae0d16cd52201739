"""Secret scopes read from the step's secrets file, and redaction of their values from output."""

import io
import json

from .spec import SpecError

REDACTED = "[REDACTED]"


class SecretNotFound(Exception):
    """An unknown scope or key; the message names them, never a value."""


def load_secret_scopes(secrets_file: str | None) -> dict[str, dict[str, str]]:
    """Read {"scope": {"key": "value"}}; errors never quote the file's content."""
    if secrets_file is None:
        return {}
    try:
        with open(secrets_file, encoding="utf-8") as f:
            scopes = json.load(f)
    except OSError as e:
        raise SpecError(f"Spec key 'secretsFile': cannot read {secrets_file}: {e.strerror}") from None
    except json.JSONDecodeError:
        # The decoder's message quotes the document, so it is not passed on.
        raise SpecError(f"Spec key 'secretsFile': {secrets_file} is not valid JSON") from None
    if not isinstance(scopes, dict) or not all(
        isinstance(keys, dict) and all(isinstance(v, str) for v in keys.values())
        for keys in scopes.values()
    ):
        raise SpecError(
            f"Spec key 'secretsFile': {secrets_file} must hold an object of scopes, "
            "each an object of string values"
        )
    return scopes


class RedactingStream(io.TextIOBase):
    """Wraps stdout/stderr and replaces secret values with [REDACTED], like Databricks notebook output.

    Text is held until a line is complete so a value split across two writes is still caught.
    """

    def __init__(self, target, secret_values: list[str]):
        self._target = target
        self._values = sorted({v for v in secret_values if v}, key=len, reverse=True)
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        complete, newline, self._pending = self._pending.rpartition("\n")
        if newline:
            self._target.write(self._redact(complete + newline))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._target.write(self._redact(self._pending))
            self._pending = ""
        self._target.flush()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._target.fileno()

    @property
    def encoding(self):
        return self._target.encoding

    def _redact(self, text: str) -> str:
        for value in self._values:
            text = text.replace(value, REDACTED)
        return text

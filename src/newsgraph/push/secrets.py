"""Passwords and signing secrets come from a file or the environment, never the command line.

A command line is visible to every user of the machine (``ps``) and lands in shell
history; a file readable by its owner alone, or a variable set by a secret manager, does not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import UsageError


def load_secret(file: str | None, env: str, *, what: str, option: str, required: bool = True) -> str | None:
    """The secret in ``file`` ('-' reads standard input), else in ``$env``, else in ``$env_FILE``."""
    source = file or os.environ.get(f"{env}_FILE")
    if source:
        try:
            text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"the {what} file {source} does not exist", f"check {option} or ${env}_FILE") from None
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"cannot read the {what} file {source}: {err}", "check its path and permissions") from None
        secret = text.strip()
        if not secret:
            raise UsageError(f"the {what} file {source} is empty", f"write the {what} into it")
        return secret
    secret = os.environ.get(env, "").strip()
    if secret:
        return secret
    if required:
        raise UsageError(f"no {what} given", f"pass {option} FILE (a file holding it), or set ${env} or ${env}_FILE")
    return None

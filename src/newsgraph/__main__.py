"""``python -m newsgraph ...``: the command line, without the script on PATH."""

from .cli import main

main(prog_name="newsgraph")

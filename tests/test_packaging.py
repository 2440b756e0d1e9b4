"""The package as users get it: a wheel built from the tree installs and converts a sample.

The wheel goes into a fresh venv (its dependencies are taken from the running
environment, so no download is needed beyond the build backend), and the installed
``newsgraph`` command converts a raw text through extraction to JSON: this catches data
files left out of the wheel (word lists, schemas) and imports that only work from the
checkout. The metadata must declare ranges, not exact pins: exact versions belong in
constraints.txt, so that newsgraph installs beside other packages.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbour_strike.txt"

pytestmark = pytest.mark.slow


def _clean_env() -> dict[str, str]:
    """The environment without what points Python at the checkout's sources."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(out)],
        check=True,
        env=_clean_env(),
        capture_output=True,
        timeout=600,
    )
    [built] = out.glob("newsgraph-*.whl")
    return built


def test_the_wheel_holds_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "newsgraph/lexicon/data/speech_verbs.txt" in names
    assert "newsgraph/lexicon/data/event_triggers.json" in names
    assert "newsgraph/py.typed" in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_the_metadata_declares_ranges_not_pins(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        meta = next(z.read(n).decode() for n in z.namelist() if n.endswith(".dist-info/METADATA"))
    required = [
        Requirement(line.split(":", 1)[1].strip()) for line in meta.splitlines() if line.startswith("Requires-Dist:")
    ]
    assert any(r.name == "lxml" for r in required)
    pinned = [str(r) for r in required if any(s.operator in ("==", "===") for s in r.specifier)]
    assert pinned == []
    unbounded = [str(r) for r in required if not any(s.operator == "<" for s in r.specifier)]
    assert unbounded == []


def test_the_wheel_installs_in_a_fresh_venv_and_converts_a_sample(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
            env=_clean_env(),
        ).stdout.strip()
    )
    # The dependencies: this environment's site-packages, after the venv's own (a plain
    # path in a .pth file: the editable install of the checkout there is not activated).
    ours = [p for p in (*site.getsitepackages(), sysconfig.get_paths()["purelib"]) if Path(p).is_dir()]
    (purelib / "_dependencies.pth").write_text("\n".join(dict.fromkeys(ours)) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        env=_clean_env(),
        capture_output=True,
        timeout=600,
    )

    where = subprocess.run(
        [str(python), "-c", "import newsgraph; print(newsgraph.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        env=_clean_env(),
        cwd=tmp_path,
    ).stdout
    assert Path(where.strip()).is_relative_to(venv), where  # the wheel, not the checkout

    out = tmp_path / "harbour_strike.json"
    run = subprocess.run(
        [str(venv / "bin" / "newsgraph"), "convert", str(SAMPLE), "--to", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        env=_clean_env(),
        cwd=tmp_path,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    article = json.loads(out.read_text(encoding="utf-8"))
    assert article["headline"] and article["actors"] and article["quotes"]

"""Where the official schemas (NewsML-G2 XSD, ninjs, schema.org) are found and installed.

They are IPTC's and schema.org's files, never committed here. Looked for, in order:
``$NEWSGRAPH_STANDARDS``, the user cache folder, and ``../shared/standards`` beside a
checkout (or beside the working directory). ``newsgraph standards install --from DIR``
copies them into the cache after checking the pinned SHA-256 sums below.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import lru_cache
from pathlib import Path

from .errors import InputError, SchemaMissingError

ENV_VAR = "NEWSGRAPH_STANDARDS"

NEWSML_XSD = "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
XML_XSD = "newsml-g2/xml.xsd"
GEOJSON_SCHEMA = "ninjs/GeoJSON-schema.json"
NINJS_SCHEMAS = {1: "ninjs/ninjs-schema_1.6.json", 2: "ninjs/ninjs-schema_2.2.json",
                 3: "ninjs/ninjs-schema_3.1.json"}
SCHEMAORG_VOCAB = "schemaorg/schemaorg-current-https.jsonld"
SCHEMAORG_CONTEXT = "schemaorg/schemaorgcontext.jsonld"

# The files newsgraph uses, pinned: a copy with another sum is refused.
PINNED: dict[str, str] = {
    NEWSML_XSD: "06ef1c5076a32f2568ac8955994029890afac0268f795e3c26642ded52cf0181",
    XML_XSD: "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
    GEOJSON_SCHEMA: "e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2",
    "ninjs/ninjs-schema_1.6.json": "ae8deb3991f10368593ace8696888a3fd47189893dd327ab89eb344e6b966f49",
    "ninjs/ninjs-schema_2.2.json": "88c84fa87382c5a7a314fd44ab1041921c7cbac47ab9550bc4964b1fa30897e2",
    "ninjs/ninjs-schema_3.1.json": "404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744",
    SCHEMAORG_VOCAB: "4467fa19edcb1d7fb3c46c0adf3591b7f870c4a60b7838bdb61694fd02864cf6",
    SCHEMAORG_CONTEXT: "d8167890b056bc7c71eb39b30cbb4816490d5e671371ba50a5a633d1bc36961a",
}

INSTALL_HINT = ("install them with `newsgraph standards install --from DIR` (a folder laid out like "
                "shared/standards), or point $NEWSGRAPH_STANDARDS at such a folder")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph" / "standards"


def search_path() -> list[Path]:
    """The folders looked in, in order."""
    dirs: list[Path] = []
    if os.environ.get(ENV_VAR):
        dirs.append(Path(os.environ[ENV_VAR]))
    dirs.append(cache_dir())
    checkout = Path(__file__).resolve().parents[2]  # src/newsgraph/standards.py -> checkout
    dirs.append(checkout.parent / "shared" / "standards")
    dirs.append(Path.cwd().parent / "shared" / "standards")
    return list(dict.fromkeys(dirs))  # each once, in order of preference


def find(relpath: str) -> Path | None:
    """The first copy of an official file (e.g. ``NEWSML_XSD``) on the search path."""
    return _find(relpath, tuple(search_path()))


@lru_cache(maxsize=64)
def _find(relpath: str, dirs: tuple[Path, ...]) -> Path | None:
    for d in dirs:
        candidate = d / relpath
        if candidate.is_file():
            return candidate
    return None


def require(relpath: str) -> Path:
    path = find(relpath)
    if path is None:
        raise SchemaMissingError(f"the official schema {relpath} is not installed", INSTALL_HINT)
    return path


def missing(relpaths: tuple[str, ...] | list[str]) -> list[str]:
    """Those of ``relpaths`` that are not installed."""
    return [rel for rel in relpaths if find(rel) is None]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def install(source: Path, target: Path | None = None) -> list[Path]:
    """Copy the pinned files from ``source`` into the cache, refusing any altered copy."""
    target = target or cache_dir()
    missing = [rel for rel in PINNED if not (source / rel).is_file()]
    if missing:
        raise InputError(f"{source} lacks {', '.join(missing)}",
                         "give a folder laid out like shared/standards", source=str(source))
    for rel, expected in PINNED.items():
        actual = sha256(source / rel)
        if actual != expected:
            raise InputError(f"{rel} has SHA-256 {actual[:12]}…, not the pinned {expected[:12]}…",
                             "use the unmodified official file", source=str(source))
    written = []
    for rel in PINNED:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".tmp")
        shutil.copyfile(source / rel, tmp)
        os.replace(tmp, dest)
        written.append(dest)
    _find.cache_clear()
    return written

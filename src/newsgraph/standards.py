"""Where the official schemas (NewsML-G2 XSD, ninjs, schema.org) are found and installed.

They are IPTC's and schema.org's files, never committed here. Looked for, in order:
``$NEWSGRAPH_STANDARDS``, the user cache folder, and ``../shared/standards`` beside a
checkout (or beside the working directory). ``newsgraph standards download`` fetches
them from their publishers (:data:`SOURCES`, at pinned releases) and
``newsgraph standards install --from DIR`` copies them from a folder; both install into
the cache only files whose SHA-256 is the pinned one below.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path

from .errors import DownloadError, InputError, SchemaMissingError

ENV_VAR = "NEWSGRAPH_STANDARDS"

NEWSML_XSD = "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
XML_XSD = "newsml-g2/xml.xsd"
GEOJSON_SCHEMA = "ninjs/GeoJSON-schema.json"
NINJS_SCHEMAS = {1: "ninjs/ninjs-schema_1.6.json", 2: "ninjs/ninjs-schema_2.2.json", 3: "ninjs/ninjs-schema_3.1.json"}
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

# Where each pinned file is published: the publishers' own repositories, at the commit
# of the pinned release (IPTC NewsML-G2 2.35; IPTC ninjs 3.1, 2.2 and 1.6; schema.org 30.0).
_IPTC_G2 = "https://raw.githubusercontent.com/iptc/newsml-g2/7f172b01af0c343aacb1e1297ac0e75debabb4a7/"
_IPTC_NINJS = "https://raw.githubusercontent.com/iptc/newsinjson/3ace39707a725d6674279c3151e2f5323dc81074/"
_SCHEMAORG = (
    "https://raw.githubusercontent.com/schemaorg/schemaorg/cc71c8e064859e912aac8b11ec06e6bc53255b6a/data/releases/30.0/"
)
SOURCES: dict[str, str] = {
    NEWSML_XSD: _IPTC_G2 + "specification/NewsML-G2_2.35-spec-All-Power.xsd",
    XML_XSD: _IPTC_G2 + "specification/xml.xsd",
    GEOJSON_SCHEMA: _IPTC_NINJS + "validation/test_suite/GeoJSON-schema.json",
    **{rel: _IPTC_NINJS + "specification/" + rel.split("/")[1] for rel in NINJS_SCHEMAS.values()},
    SCHEMAORG_VOCAB: _SCHEMAORG + "schemaorg-current-https.jsonld",
    SCHEMAORG_CONTEXT: _SCHEMAORG + "schemaorgcontext.jsonld",
}
DOWNLOAD_TIMEOUT = 60.0  # seconds per file
_MAX_BYTES = 64 * 1024 * 1024  # the largest pinned file is a few MB

INSTALL_HINT = (
    "install them with `newsgraph standards download` (from their publishers), or "
    "`newsgraph standards install --from DIR` (a folder laid out like shared/standards), or "
    "point $NEWSGRAPH_STANDARDS at such a folder"
)


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
        raise InputError(
            f"{source} lacks {', '.join(missing)}", "give a folder laid out like shared/standards", source=str(source)
        )
    for rel, expected in PINNED.items():
        actual = sha256(source / rel)
        if actual != expected:
            raise InputError(
                f"{rel} has SHA-256 {actual[:12]}…, not the pinned {expected[:12]}…",
                "use the unmodified official file",
                source=str(source),
            )
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


def source_urls(mirror: str | None = None) -> dict[str, str]:
    """Where each pinned file is fetched from: its publisher, or ``mirror`` + its path."""
    if mirror:
        return {rel: mirror.rstrip("/") + "/" + rel for rel in PINNED}
    return {rel: SOURCES[rel] for rel in PINNED}


def download(target: Path | None = None, mirror: str | None = None, timeout: float = DOWNLOAD_TIMEOUT) -> list[Path]:
    """Fetch every pinned file, check its SHA-256, and install the set into the cache.

    All or nothing: the files are fetched into a temporary folder first, and installed
    only when every one has arrived with its pinned sum.
    """
    urls = source_urls(mirror)
    with tempfile.TemporaryDirectory(prefix="newsgraph-standards-") as tmp:
        staging = Path(tmp)
        for rel, url in urls.items():
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(_fetch(url, timeout))
            actual = sha256(dest)
            if actual != PINNED[rel]:
                raise DownloadError(
                    f"{url} gave a file with SHA-256 {actual[:12]}…, not the pinned "
                    f"{PINNED[rel][:12]}… of {rel}; nothing was installed",
                    "the publisher's file changed or the download was altered: "
                    "report it, or install a checked copy with "
                    "`newsgraph standards install --from DIR`",
                )
        return install(staging, target)


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "newsgraph-standards"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - pinned https URLs only
            data = response.read(_MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise DownloadError(
            f"could not fetch {url} ({reason}); nothing was installed",
            "connect to the network and run `newsgraph standards download` again; "
            "offline, copy the files (`newsgraph standards sources` lists them) from a "
            "machine that has them and run `newsgraph standards install --from DIR`, "
            "or point $NEWSGRAPH_STANDARDS at that folder",
        ) from None
    if len(data) > _MAX_BYTES:
        raise DownloadError(
            f"{url} is larger than any pinned file; nothing was installed", "check the URL (or the --mirror given)"
        )
    return data

"""Pseudonymisation: raw phone numbers never travel past extraction.

A number is replaced by an HMAC-SHA256 of its E.164 form under a secret key, plus its 7-digit block
prefix (NPA-NXX-X), which carrier attribution needs and which identifies 1,000 numbers, not one.

The key comes from the environment variable named in config (default ``FRONTLINE_HMAC_KEY``), else
from a key file outside ``results/`` (default ``.secrets/hmac.key``), which is created with 32 random
bytes on first use. The same key gives the same hashes, so runs can be joined; a different key gives
unlinkable hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

DEFAULT_KEY_ENV = "FRONTLINE_HMAC_KEY"
MIN_KEY_BYTES = 16


class KeyError_(RuntimeError):
    """The hashing key is missing, too short or stored where results are written."""


def load_key(key_env: str = DEFAULT_KEY_ENV, key_file: str | os.PathLike | None = None,
             create: bool = True, forbidden_dirs: tuple[str, ...] = ("results", "logs")) -> bytes:
    """Return the HMAC key from ``$key_env``, else from ``key_file`` (created if ``create``)."""
    env_value = os.environ.get(key_env)
    if env_value:
        key = env_value.encode("utf-8")
        if len(key) < MIN_KEY_BYTES:
            raise KeyError_(f"${key_env} holds {len(key)} bytes; the hashing key needs at least {MIN_KEY_BYTES}")
        return key
    if key_file is None:
        raise KeyError_(f"no hashing key: set ${key_env} or give a key file")
    path = Path(key_file).expanduser()
    resolved = path.resolve()
    for part in forbidden_dirs:
        if _is_within(resolved, Path.cwd() / part):
            raise KeyError_(f"key file {path} lies inside {part}/, which is shared with results; move it")
    if not path.exists():
        if not create:
            raise KeyError_(f"no hashing key: ${key_env} is unset and key file {path} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    key = path.read_text(encoding="utf-8").strip().encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise KeyError_(f"key file {path} holds {len(key)} bytes; the hashing key needs at least {MIN_KEY_BYTES}")
    return key


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def hash_number(e164: str, key: bytes) -> str:
    """HMAC-SHA256 of an E.164 number, hex-encoded."""
    return hmac.new(key, e164.encode("ascii"), hashlib.sha256).hexdigest()


def block_of(e164: str) -> str:
    """The 7-digit NPA-NXX-X block prefix of a +1 E.164 number."""
    if not (e164.startswith("+1") and len(e164) == 12 and e164[1:].isdigit()):
        raise ValueError(f"not a NANP E.164 number: {e164!r}")
    return e164[2:9]


PSEUDONYMISED_COLUMNS = ["ad_id", "site", "posted_at", "number_hash", "block", "field", "start", "end", "kinds"]


def pseudonymise(found, key: bytes, ads):
    """Replace the raw ``number`` column of extraction output by its keyed hash and block prefix,
    and attach each ad's site and posting time. The raw numbers do not survive this call."""
    import pandas as pd

    out = found.copy()
    numbers = out.pop("number").astype(str)
    unique = pd.unique(numbers)
    hashes = {n: hash_number(n, key) for n in unique}
    blocks = {n: block_of(n) for n in unique}
    out["number_hash"] = numbers.map(hashes)
    out["block"] = numbers.map(blocks)
    meta = ads[["ad_id", "site", "posted_at"]]
    out = out.merge(meta, on="ad_id", how="left", validate="many_to_one")
    return out[PSEUDONYMISED_COLUMNS].sort_values(["ad_id", "field", "start"], kind="stable").reset_index(drop=True)

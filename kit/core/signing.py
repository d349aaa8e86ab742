"""Ed25519 keys for signing packs and catalogs.

A key file holds the private key as PEM (PKCS#8), readable by its owner only.
Public keys travel as base64 text; their id is the first 16 hex digits of the
SHA-256 of the raw public key.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kit.core.errors import KitError, SignatureError
from kit.i18n import _

KEY_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def key_id(public_key_b64: str) -> str:
    return hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:16]


def public_key_text(private: Ed25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return base64.b64encode(raw).decode("ascii")


def new_key(folder: Path, name: str) -> tuple[Path, str]:
    """Create NAME.key (mode 0600) and NAME.pub in `folder`; returns (key path, public key)."""
    if not KEY_NAME_RE.match(name):
        raise KitError(
            _("'{name}' is not a usable key name; use letters, digits, '.', '_' or '-'.").format(
                name=name
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.key"
    for existing in (path, folder / f"{name}.pub"):
        if existing.exists():
            raise KitError(
                _("A key named '{name}' already exists at {existing}; choose another name.").format(
                    name=name, existing=existing
                )
            )
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    public = public_key_text(private)
    (folder / f"{name}.pub").write_text(public + "\n", encoding="ascii")
    return path, public


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except OSError:
        raise KitError(
            _("Cannot read the key file {path}; check the path.").format(path=path)
        ) from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise KitError(_("{path} is not a Training Kit signing key.").format(path=path)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KitError(_("{path} is not an Ed25519 key.").format(path=path))
    return key


def sign(private: Ed25519PrivateKey, data: bytes) -> dict[str, str]:
    public = public_key_text(private)
    return {
        "algorithm": "ed25519",
        "key_id": key_id(public),
        "public_key": public,
        "signature": base64.b64encode(private.sign(data)).decode("ascii"),
    }


def verify(signature: dict[str, object], data: bytes) -> str:
    """Check a signature block over `data`; returns the signer's public key (base64)."""
    try:
        if signature.get("algorithm") != "ed25519":
            raise SignatureError(_("The signature uses an unknown algorithm."))
        public = str(signature["public_key"])
        raw_sig = base64.b64decode(str(signature["signature"]), validate=True)
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public, validate=True)).verify(
            raw_sig, data
        )
    except (KeyError, ValueError, TypeError, InvalidSignature):
        raise SignatureError(
            _("The signature does not match: the file was changed after it was signed.")
        ) from None
    return public


def valid_public_key(text: str) -> str:
    """Normalise a pasted public key, or raise KitError."""
    text = text.strip()
    try:
        raw = base64.b64decode(text, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError):
        raise KitError(
            _("That is not an Ed25519 public key (expected 44 characters of base64).")
        ) from None
    return text

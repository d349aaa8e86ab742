"""Ed25519 keys for signing packs and catalogs.

A key file holds the private key as PEM (PKCS#8), readable by its owner only.
Public keys travel as base64 text; their id is the first 16 hex digits of the
SHA-256 of the raw public key.

PyNaCl (libsodium, PyCA) does the Ed25519 arithmetic: the app needs that one algorithm,
and libsodium is a tenth of the size of the `cryptography` wheel in the desktop bundle.
Ed25519 signatures are deterministic, so packs and key files are the same as before.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

from kit.core.errors import KitError, SignatureError
from kit.i18n import _

KEY_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# PKCS#8 (RFC 8410) for an Ed25519 private key: this DER header, then the 32-byte seed.
PKCS8_ED25519 = bytes.fromhex("302e020100300506032b657004220420")
PEM_BEGIN, PEM_END = b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----"

PrivateKey = SigningKey


def generate_key() -> PrivateKey:
    return SigningKey.generate()


def private_key_pem(private: PrivateKey) -> bytes:
    body = base64.b64encode(PKCS8_ED25519 + bytes(private))
    return PEM_BEGIN + b"\n" + body + b"\n" + PEM_END + b"\n"


def _from_pem(data: bytes) -> PrivateKey | None:
    """The key in a PEM PKCS#8 file, None when it is none; ValueError when it holds a key
    of another algorithm (RSA, EC...)."""
    start, end = data.find(PEM_BEGIN), data.find(PEM_END)
    if start < 0 or end < start:
        return None
    try:
        der = base64.b64decode(b"".join(data[start + len(PEM_BEGIN) : end].split()), validate=True)
    except ValueError:
        return None
    if len(der) != len(PKCS8_ED25519) + 32 or not der.startswith(PKCS8_ED25519):
        raise ValueError("not an Ed25519 key")
    return SigningKey(der[len(PKCS8_ED25519) :])


def key_id(public_key_b64: str) -> str:
    return hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:16]


def public_key_text(private: PrivateKey) -> str:
    return base64.b64encode(bytes(private.verify_key)).decode("ascii")


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
    private = generate_key()
    pem = private_key_pem(private)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    public = public_key_text(private)
    (folder / f"{name}.pub").write_text(public + "\n", encoding="ascii")
    return path, public


def resolve_key_file(value: str, here: Path, data_keys: Path) -> Path:
    """The private key file a key name or path means: a path as given, NAME.key in the
    folder `here` (where `kit keys new` writes keys), or (keys made by older versions)
    NAME.key in the data folder's `data_keys`; NAME.key in `here` when none exists."""
    path = Path(value)
    if path.exists() or "/" in value or value.endswith(".key"):
        return path
    found = here / f"{value}.key"
    if found.exists():
        return found
    old = data_keys / f"{value}.key"
    return old if old.exists() else found


def load_private_key(path: Path) -> PrivateKey:
    try:
        data = path.read_bytes()
    except OSError:
        raise KitError(
            _("Cannot read the key file {path}; check the path.").format(path=path)
        ) from None
    try:
        key = _from_pem(data)
    except ValueError:
        raise KitError(_("{path} is not an Ed25519 key.").format(path=path)) from None
    if key is None:
        raise KitError(_("{path} is not a Training Kit signing key.").format(path=path))
    return key


def sign(private: PrivateKey, data: bytes) -> dict[str, str]:
    public = public_key_text(private)
    return {
        "algorithm": "ed25519",
        "key_id": key_id(public),
        "public_key": public,
        "signature": base64.b64encode(private.sign(data).signature).decode("ascii"),
    }


def verify(signature: dict[str, object], data: bytes) -> str:
    """Check a signature block over `data`; returns the signer's public key (base64)."""
    try:
        if signature.get("algorithm") != "ed25519":
            raise SignatureError(_("The signature uses an unknown algorithm."))
        public = str(signature["public_key"])
        raw_sig = base64.b64decode(str(signature["signature"]), validate=True)
        if len(raw_sig) != 64:
            raise ValueError("an Ed25519 signature has 64 bytes")
        VerifyKey(_public_bytes(public)).verify(data, raw_sig)
    except (KeyError, ValueError, TypeError, CryptoError, BadSignatureError):
        raise SignatureError(
            _("The signature does not match: the file was changed after it was signed.")
        ) from None
    return public


def valid_public_key(text: str) -> str:
    """Normalise a pasted public key, or raise KitError."""
    text = text.strip()
    try:
        VerifyKey(_public_bytes(text))
    except (ValueError, TypeError, CryptoError):
        raise KitError(
            _("That is not an Ed25519 public key (expected 44 characters of base64).")
        ) from None
    return text


def _public_bytes(text: str) -> bytes:
    raw = base64.b64decode(text, validate=True)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return raw

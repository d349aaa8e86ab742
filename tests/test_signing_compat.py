"""Pack signatures and key files made by kit.core.signing (PyNaCl) are the ones the
`cryptography` package makes and reads: packs and keys made before the switch keep
working, and other Ed25519 tools can check the app's signatures."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kit.core.errors import KitError, SignatureError
from kit.core.signing import load_private_key, new_key, public_key_text, sign, verify

DATA = b'{"id": "getting-started", "version": "1.0"}'


def test_a_key_file_made_by_cryptography_signs_the_same_bytes(tmp_path: Path) -> None:
    theirs = Ed25519PrivateKey.generate()
    path = tmp_path / "old.key"
    path.write_bytes(
        theirs.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    block = sign(load_private_key(path), DATA)
    assert base64.b64decode(block["signature"]) == theirs.sign(DATA)


def test_the_apps_key_files_and_signatures_are_read_by_cryptography(tmp_path: Path) -> None:
    path, public = new_key(tmp_path, "ngo")
    theirs = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(theirs, Ed25519PrivateKey)
    block = sign(load_private_key(path), DATA)
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public))
    key.verify(base64.b64decode(block["signature"]), DATA)  # raises if it does not match
    assert public_key_text(load_private_key(path)) == public


def test_a_signature_from_cryptography_verifies_and_a_changed_file_does_not() -> None:
    theirs = Ed25519PrivateKey.generate()
    raw = theirs.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    block = {
        "algorithm": "ed25519",
        "public_key": base64.b64encode(raw).decode(),
        "signature": base64.b64encode(theirs.sign(DATA)).decode(),
    }
    assert verify(block, DATA) == block["public_key"]
    with pytest.raises(SignatureError):
        verify(block, DATA + b" ")
    with pytest.raises(SignatureError):
        verify({**block, "signature": block["signature"][:-8] + "AAAAAAA="}, DATA)


def test_an_rsa_key_file_is_refused_in_one_sentence(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    path = tmp_path / "rsa.key"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    with pytest.raises(KitError, match="is not an Ed25519 key"):
        load_private_key(path)

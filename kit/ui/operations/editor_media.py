"""Pictures a trainer drops into a lesson: checked, made a sensible size, copied to media/.

Two steps, both off the GUI thread: `prepare_image` reads the file and makes the bytes
that will go into the pack (a huge photo scaled down), so a broken file is refused
before anything is asked or copied; `store_image` writes them into the source's media/
folder under a name of their own (the same picture twice is stored once; a different
file never overwrites another).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

from kit.core import svgtext
from kit.core.errors import KitError
from kit.core.fsutil import write_atomic
from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations.op import Op

MAX_SIDE = 1920  # pixels: more than any projector or laptop screen shows
MAX_BYTES = 2 * 1024 * 1024  # a pack is copied to many computers, often by USB stick
JPEG_QUALITY = 85
MAX_READ_BYTES = 200 * 1024 * 1024  # larger files are not read at all
# Qt's name of a picture format -> what the pack keeps (kit.core.packformat.links).
KEPT_FORMATS = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "gif": "gif", "webp": "webp"}


@dataclass(frozen=True)
class PreparedImage:
    """The bytes that go into the pack, and the name they are offered under."""

    name: str  # e.g. "team-photo.jpg"
    data: bytes
    width: int
    height: int
    resized: bool = False


def safe_stem(name: str) -> str:
    """A file name part that works everywhere: lowercase ASCII letters, digits and '-'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return stem[:60].strip("-") or "picture"


def _encode(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    quality = JPEG_QUALITY if fmt == "jpg" else -1
    name = "JPEG" if fmt == "jpg" else fmt.upper()  # PySide6 wants a str, whatever its stubs say
    if not image.save(buffer, name, quality):  # type: ignore[call-overload]
        raise KitError(_("The picture could not be converted."))
    buffer.close()
    return bytes(data.data())


def _refused(path: Path) -> KitError:
    return KitError(
        _(
            "{name} is not a picture Training Kit can use: choose a PNG, JPEG, GIF, SVG or WebP file."
        ).format(name=path.name)
    )


def make_prepared(path: Path) -> PreparedImage:
    """Runs on the worker: the picture at `path`, ready for the pack (KitError if not one)."""
    try:
        if path.stat().st_size > MAX_READ_BYTES:  # a film or a disk image, not a picture
            raise _refused(path)
        raw = path.read_bytes()
    except OSError as exc:
        raise KitError(
            _("{name} could not be read ({reason}).").format(
                name=path.name, reason=exc.strerror or exc.__class__.__name__
            )
        ) from None
    stem = safe_stem(path.stem)
    if svgtext.is_svg(raw[:4096]):
        image = QImage.fromData(svgtext.drawable_svg(raw), "SVG")  # type: ignore[arg-type]
        if image.isNull():
            raise _refused(path)
        return PreparedImage(f"{stem}.svg", raw, image.width(), image.height())  # vector: as is
    data = QByteArray(raw)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    qt_format = bytes(reader.format().data()).decode("ascii", "ignore").lower()
    image = reader.read()
    if image.isNull() or not qt_format:
        raise _refused(path)
    fmt = KEPT_FORMATS.get(qt_format)
    too_big = max(image.width(), image.height()) > MAX_SIDE or len(raw) > MAX_BYTES
    if fmt is not None and not too_big:
        return PreparedImage(f"{stem}.{fmt}", raw, image.width(), image.height())
    scaled = max(image.width(), image.height()) > MAX_SIDE
    if scaled:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    # A scaled GIF loses its animation anyway; other formats (BMP, TIFF) become PNG.
    out = fmt if fmt in ("jpg", "webp") else "png"
    encoded = _encode(image, out)
    if len(encoded) > MAX_BYTES and out != "jpg" and not image.hasAlphaChannel():
        out, encoded = "jpg", _encode(image, "jpg")  # a photo saved as PNG
    resized = scaled or len(raw) > MAX_BYTES  # not when a small BMP only became a PNG
    return PreparedImage(f"{stem}.{out}", encoded, image.width(), image.height(), resized)


def prepare_image(ctx: AppContext, path: Path) -> Op[PreparedImage]:
    """Read and check a picture the trainer chose (-> PreparedImage; nothing written)."""
    return Op(ctx, lambda: make_prepared(Path(path)))


def place_image(root: Path, prepared: PreparedImage) -> str:
    """Runs on the worker: write the picture into root/media/; -> its path in the pack."""
    folder = root / "media"
    stem, _dot, suffix = prepared.name.rpartition(".")
    number = 1
    while True:
        name = f"{stem}.{suffix}" if number == 1 else f"{stem}-{number}.{suffix}"
        target = folder / name
        if not target.exists():
            break
        try:
            if target.is_file() and target.read_bytes() == prepared.data:
                return f"media/{name}"  # the same picture again: used as it is
        except OSError:
            pass
        number += 1
    try:
        write_atomic(target, prepared.data)
    except OSError as exc:
        raise KitError(
            _("The picture could not be copied into the pack ({reason}).").format(
                reason=exc.strerror or exc.__class__.__name__
            )
        ) from None
    return f"media/{name}"


def store_image(ctx: AppContext, root: Path, prepared: PreparedImage) -> Op[str]:
    """Copy a prepared picture into the source's media/ folder (-> 'media/NAME')."""
    return Op(ctx, lambda: place_image(Path(root), prepared))

"""Decoding a file's bytes: BOM, strict UTF-8, then a charset detector among common legacy encodings."""

from __future__ import annotations

from .errors import SourceError

COMMON_ENCODINGS = (
    "cp1252",
    "cp1256",
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1255",
    "iso8859_1",
    "iso8859_15",
    "iso8859_6",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "utf_16",
)
"""Legacy encodings by how common they are on news sites; among equally plausible decodings the first wins."""
CHAOS_TOLERANCE = 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes, returning (text with ``\\n`` newlines, encoding name)."""
    text, encoding = _decode_bytes(data)
    if "\x00" in text[:4096] and text[:4096].count("\x00") > len(text[:4096]) // 10:
        raise SourceError("binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then a charset detector."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise SourceError("undecodable: not UTF-8 and no other encoding fits")
    calm = min(m.chaos for m in matches) + CHAOS_TOLERANCE
    candidates = {enc for m in matches if m.chaos <= calm for enc in m.could_be_from_charset}
    encoding = next((enc for enc in COMMON_ENCODINGS if enc in candidates), matches[0].encoding)
    return data.decode(encoding, errors="replace"), encoding

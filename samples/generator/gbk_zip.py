"""ZIP archives as Chinese Windows writes them: entry names in GBK, UTF-8 flag unset.

Explorer's "send to compressed folder" and older WinRAR/360压缩 store names in
the OEM code page (936 = GBK) and do not set general-purpose bit 11, so a
reader that trusts the spec decodes them as CP437 mojibake.  Python's zipfile
always writes non-ASCII names as UTF-8 with bit 11, hence the override.
"""
import io
import zipfile

UTF8_FLAG = 0x800
FIXED_TIME = (2026, 1, 9, 10, 30, 0)


class GbkZipInfo(zipfile.ZipInfo):
    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~UTF8_FLAG


def zip_bytes(entries):
    """A ZIP of [(name, bytes)] with GBK names and a fixed timestamp (deterministic bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = GbkZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0x20          # MS-DOS archive bit, as Windows sets it
            zf.writestr(info, data)
    return buf.getvalue()

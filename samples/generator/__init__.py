"""Sample-packet generator for intake (issue 3).

Builds a fake but plausible submission of the 2025 Liaoning 政务公开 award notice:
paper forms printed and scanned, born-digital PDFs, ID photos and the e-mails
that carry them, plus truth.json saying what a perfect reader would extract and
which rule findings it must raise.  Everything is derived from one seed.
"""

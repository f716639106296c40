"""End-to-end golden test of born-digital PDFs: the small packet's e-mail PDFs (real text layers) are scanned by
the intake binary under test and every field must match the truth exactly — the text is the PDF's own, so nothing
but exactness is right (issue 5). scripts/eval-born-digital does the scanning and scoring.

Environment: SAMPLES_DIR (the packet), INTAKE_BIN (the binary), INTAKE_SOURCE_DIR (for scripts/).
"""
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

SAMPLES = Path(os.environ.get("SAMPLES_DIR", "samples-small"))
SOURCE = Path(os.environ.get("INTAKE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
INTAKE = Path(os.environ.get("INTAKE_BIN", SOURCE / "build" / "intake"))


class BornDigitalGoldenTest(unittest.TestCase):
    def test_every_field_of_every_text_layer_pdf_is_exact(self):
        with tempfile.TemporaryDirectory() as work:
            run = subprocess.run(["/usr/bin/python3", str(SOURCE / "scripts" / "eval-born-digital"), str(SAMPLES),
                                  "--intake", str(INTAKE), "--work", work], capture_output=True, text=True)
        report = run.stdout.strip().splitlines()
        self.assertTrue(report and report[-1].startswith("born-digital PDFs:"), run.stdout + run.stderr)
        self.assertEqual(run.returncode, 0, "\n".join(report[-20:]) + run.stderr)


if __name__ == "__main__":
    unittest.main()

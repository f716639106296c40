"""make-samples OUTDIR [--seed N] [--units N] [--small] [--all-copies] [--workers N] [--thumbnails DIR]"""
import argparse
import sys
from pathlib import Path

from .build import Options, default_workers, run


def main(argv=None):
    ap = argparse.ArgumentParser(prog="make-samples", description="Generate an intake sample packet with truth.json.")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--units", type=int, default=3, help="recommending units (first three: a city, 沈抚, a department)")
    ap.add_argument("--small", action="store_true", help="one unit, few nominees: a quick set for tests")
    ap.add_argument("--all-copies", action="store_true", help="scan all five paper copies of every packet")
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--thumbnails", type=Path, help="also write one PNG thumbnail per form into this folder")
    args = ap.parse_args(argv)
    if args.units < 1:
        ap.error("--units must be at least 1")
    seconds = run(Options(outdir=args.outdir, seed=args.seed, units=args.units, small=args.small,
                          all_copies=args.all_copies, workers=args.workers, thumbnails=args.thumbnails))
    print(f"make-samples: wrote {args.outdir} in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

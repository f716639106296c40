"""Deterministic random streams keyed by name.

Every part of the packet draws from its own stream derived from the seed and a
key path (unit, document, page ...), so adding a page somewhere does not shift
the randomness of everything after it, and worker processes reproduce exactly
what the parent would have drawn.  Python's hash() is salted per process, so
keys are hashed with SHA-256 instead.
"""
import hashlib
import random

import numpy as np


def _digest(seed, keys):
    text = "\x1f".join([str(seed)] + [str(k) for k in keys])
    return hashlib.sha256(text.encode("utf-8")).digest()


def stream(seed, *keys):
    """A random.Random seeded from seed and keys."""
    return random.Random(int.from_bytes(_digest(seed, keys)[:16], "big"))


def np_stream(seed, *keys):
    """A numpy Generator seeded from seed and keys (for pixel noise)."""
    return np.random.default_rng(int.from_bytes(_digest(seed, keys)[:16], "big"))


def weighted(rng, table):
    """Pick a key of {value: weight} with probability proportional to weight."""
    items = list(table.items())
    return rng.choices([k for k, _ in items], weights=[w for _, w in items])[0]

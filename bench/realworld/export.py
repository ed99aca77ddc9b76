"""Export the real-world corpus: each site's built HTML at its pinned commit, into one folder.

The pages are other people's text, so they never enter this repository: this script writes them to
an export root outside it (default /tmp/geo-realworld). Repository snapshots come from the session's
mirror (``fetch github:OWNER/NAME`` puts a bare git directory under /work/.mirror/OWNER+NAME/repo);
pass ``--mirror`` for another location.

    python bench/realworld/export.py [--root /tmp/geo-realworld] [--mirror /work/.mirror] [SITE ...]

Layout of the export: ``ROOT/<site name>/…`` holds the site folder (``subdir`` of sites.tsv) as the
web server would serve it, so ``ROOT/<site>/de/blog/x/index.html`` is ``https://<host>/de/blog/x/``.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITES_TSV = HERE / "sites.tsv"
DEFAULT_ROOT = Path("/tmp/geo-realworld")
DEFAULT_MIRROR = Path("/work/.mirror")


@dataclass(frozen=True)
class Site:
    name: str
    repo: str
    commit: str
    subdir: str  # "-" for the repository root
    host: str
    language: str
    start: str = "/"  # where the audit starts (optional 8th column): "/" unless the root is a stub

    @property
    def origin(self) -> str:
        return f"https://{self.host.split()[0]}"


def load_sites(path: Path = SITES_TSV) -> list[Site]:
    """The corpus list: one site per line, tab-separated, '#' lines are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [
        Site(
            name=row[0], repo=row[1], commit=row[2], subdir=row[3], host=row[4], language=row[6],
            start=row[7] if len(row) > 7 and row[7] not in ("", "-") else "/",
        )
        for row in csv.reader(lines, delimiter="\t")
    ]


def git_dir(mirror: Path, repo: str) -> Path:
    """The snapshot's git directory: bare as a rule, but some snapshots arrive as ``repo/.git``."""
    bare = mirror / repo.replace("/", "+") / "repo"
    return bare / ".git" if (bare / ".git").is_dir() else bare


# Only what the audit reads: pages, feeds, robots.txt, sitemaps, llms.txt. Images and other large
# files are often missing from the snapshots (they may be listed but absent), and no check needs them.
TEXT_SUFFIXES = (".html", ".htm", ".xml", ".txt", ".rss", ".atom", ".json", ".xml.gz")


def export_site(site: Site, root: Path, mirror: Path) -> int:
    """Write the site folder's text files at the pinned commit under ROOT/<name>; return their number."""
    gd = git_dir(mirror, site.repo)
    if not gd.exists():
        raise SystemExit(f"{site.name}: no snapshot at {gd} (fetch github:{site.repo} first)")
    prefix = "" if site.subdir == "-" else site.subdir.rstrip("/") + "/"
    listing = subprocess.run(
        ["git", f"--git-dir={gd}", "ls-tree", "-r", "-z", site.commit, *([prefix] if prefix else [])],
        check=True, capture_output=True,
    ).stdout.split(b"\0")
    wanted: list[tuple[str, str]] = []
    for entry in filter(None, listing):
        meta, _, name = entry.decode("utf-8", "surrogateescape").partition("\t")
        _mode, kind, oid = meta.split()
        rel = name[len(prefix):]
        if kind == "blob" and rel.lower().endswith(TEXT_SUFFIXES) and ".." not in Path(rel).parts:
            wanted.append((oid, rel))
    dest = root / site.name
    batch = subprocess.Popen(["git", f"--git-dir={gd}", "cat-file", "--batch"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert batch.stdin and batch.stdout
    count = 0
    for oid, rel in wanted:
        batch.stdin.write(oid.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if header[-1] == b"missing":
            continue
        data = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)  # the newline after each object
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    batch.stdin.close()
    batch.wait()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    parser.add_argument("--sites-tsv", type=Path, default=SITES_TSV, help="the site list (a new batch's own file)")
    parser.add_argument("sites", nargs="*", help="site names (default: all of the site list)")
    args = parser.parse_args(argv)
    sites = [s for s in load_sites(args.sites_tsv) if not args.sites or s.name in args.sites]
    for site in sites:
        n = export_site(site, args.root, args.mirror)
        print(f"{site.name:24} {n:6} files  -> {args.root / site.name}  ({site.origin})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

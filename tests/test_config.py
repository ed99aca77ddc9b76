"""The [llm] table of the config file: every LLMConfig knob the docs name is accepted and typed,
anything else is a one-line ConfigError."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import _llm_config
from auditor.config import ConfigError, load_config


def test_local_model_threads_and_context_reach_the_llm_config(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[llm]\nbackend = "local"\nthreads = 2\ncontext = 8192\nmax_briefs = 3\n', encoding="utf-8")
    llm = _llm_config(None, None, load_config(config))
    assert (llm.backend, llm.threads, llm.context, llm.max_briefs) == ("local", 2, 8192, 3)


@pytest.mark.parametrize(
    ("body", "message"),
    [("[llm]\nthreeds = 2\n", "unknown llm setting 'threeds'"), ('[llm]\nthreads = "two"\n', "llm.threads")],
)
def test_bad_llm_settings_are_one_line_errors(tmp_path: Path, body: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(config)


def test_source_domains_are_host_names_stored_without_www(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[scoring]\nsource_domains = ["www.BfR.bund.de", "vdma.org", "vdma.org"]\n', encoding="utf-8")
    assert load_config(config).scoring.source_domains == ("bfr.bund.de", "vdma.org")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[scoring]\nsource_domains = "vdma.org"\n', "must be a list of host names"),
        ('[scoring]\nsource_domains = ["https://vdma.org/studie"]\n', "is no host name"),
        ("[scoring]\nsource_domains = [3]\n", "is no host name"),
    ],
)
def test_bad_source_domains_are_one_line_errors(tmp_path: Path, body: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_config(config)
    assert "\n" not in str(info.value)

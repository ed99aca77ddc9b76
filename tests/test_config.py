"""The config file: the [llm] table (every LLMConfig knob the docs name is accepted and typed),
[scoring] source domains and the report's [brand] (also `--brand FILE`); anything else is a
one-line ConfigError."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from auditor.config import ConfigError, UserConfig, load_brand_file, load_config
from auditor.options import make_llm_config, report_branding


def test_local_model_threads_and_context_reach_the_llm_config(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[llm]\nbackend = "local"\nthreads = 2\ncontext = 8192\nmax_briefs = 3\n', encoding="utf-8")
    llm = make_llm_config(None, None, load_config(config))
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


# -- [brand] and --brand FILE -------------------------------------------------------------------
PNG_1PX = base64.b64decode(  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_brand_section_embeds_the_logo_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(PNG_1PX)
    config = tmp_path / "c.toml"
    config.write_text(
        '[brand]\nname = "Agentur Nord"\nlogo = "assets/logo.png"\ncolour = "#1F4E79"\ncontact = "jana@nord.example"\n',
        encoding="utf-8",
    )
    brand = load_config(config).brand
    assert brand == {
        "name": "Agentur Nord",
        "logo": "data:image/png;base64," + base64.b64encode(PNG_1PX).decode("ascii"),
        "color": "#1F4E79",
        "contact": "jana@nord.example",
    }


def test_brand_file_wins_key_by_key_over_the_config(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[brand]\nname = "Agentur Nord"\ncolor = "#111111"\n', encoding="utf-8")
    flat = tmp_path / "flat.toml"
    flat.write_text('color = "#222"\ncontact = "Jana Berg"\n', encoding="utf-8")
    table = tmp_path / "table.toml"
    table.write_text('[brand]\ncolor = "#222"\ncontact = "Jana Berg"\n', encoding="utf-8")
    user = load_config(config)
    for brand_file in (flat, table):  # keys at the top level or in a [brand] table
        assert report_branding(user, brand_file) == {"name": "Agentur Nord", "color": "#222", "contact": "Jana Berg"}
    assert report_branding(UserConfig(), None) is None
    assert load_brand_file(flat) == {"color": "#222", "contact": "Jana Berg"}


@pytest.mark.parametrize(
    ("body", "files", "message"),
    [
        ('color = "red"', {}, "brand.color in {path} must be a hex colour like #1f4e79, not 'red'"),
        ('color = "#12345g"', {}, "must be a hex colour"),
        ('colour = "#123"\ncolor = "#123"', {}, "give one of them"),
        ('nmae = "x"', {}, "unknown brand setting 'nmae' in {path}"),
        ("name = 3", {}, "brand.name in {path} must be a string"),
        ('name = "  "', {}, "brand.name in {path} must not be empty"),
        ('name = "Nord\\u202eevil"', {}, "must be one line of text"),
        ('contact = "a\\nb"', {}, "brand.contact in {path} must be one line of text"),
        (f'name = "{"x" * 121}"', {}, "brand.name in {path} is longer than 120 characters"),
        ('logo = "missing.png"', {}, "logo file not found"),
        ('logo = "logo.bmp"', {"logo.bmp": b"BM"}, "must be a PNG, JPEG, GIF, WebP or SVG file"),
        ('logo = "logo.png"', {"logo.png": b"GIF89a"}, "logo.png is not a PNG image"),
        ('logo = "logo.svg"', {"logo.svg": b"<html></html>"}, "is not an SVG image"),
        ('logo = "logo.png"', {"logo.png": PNG_1PX + b"\0" * 300_000}, "is larger than 256 KiB"),
        ('logo = "sub"', {"sub/x": b""}, "must be a PNG"),
    ],
)
def test_bad_brand_settings_are_one_line_errors(tmp_path: Path, body: str, files: dict, message: str) -> None:
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    config = tmp_path / "c.toml"
    config.write_text(f"[brand]\n{body}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert message.format(path=config) in str(info.value)
    assert "\n" not in str(info.value)
    brand_file = tmp_path / "b.toml"  # the same through --brand
    brand_file.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_brand_file(brand_file)
    assert message.format(path=brand_file) in str(info.value)


def test_brand_section_must_be_a_table(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('brand = "Agentur Nord"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"brand in .* must be a table \(\[brand\]\)"):
        load_config(config)
    with pytest.raises(ConfigError, match="brand file not found"):
        load_brand_file(tmp_path / "none.toml")

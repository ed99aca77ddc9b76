"""Batch files: TOML and CSV describe the same clients; bad files give one-line errors."""

from __future__ import annotations

import pytest

from auditor.agency.batch_file import BatchError, load_batch
from tests.conftest import run_cli

TOML = """
[batch]
name = "agentur-nord-2026-11"
out = "berichte"
jobs = 3

[defaults]
max_pages = 150
delay = 0.5
lang = "de"

[defaults.branding]
agency = "Agentur Nord"
logo = "logo.png"
colour = "#0a6e4f"
footer = "Vertraulich"

[[clients]]
name = "Bäckerei Korn"
url = "https://www.baeckerei-korn.example/"
max_pages = 300
time_limit = 600
memory_mb = 1500

[clients.scoring]
disabled = ["meta-description"]
source_domains = ["www.Baeckerhandwerk.example", "lebensmittel-institut.example"]

[clients.scoring.weights]
canonical-tag = 2

[[clients]]
name = "Northside Bikes"
url = "https://www.northside-bikes.example/"
lang = "en"
concurrency = 1
out = "northside"

[clients.branding]
footer = "Prepared for Northside Bikes"
"""

CSV = "\n".join(
    [
        "name,url,lang,max_pages,delay,time_limit,memory_mb,concurrency,out,disabled,weights,source_domains,agency,"
        "logo,colour,footer",
        "Bäckerei Korn,https://www.baeckerei-korn.example/,de,300,0.5,600,1500,,,meta-description,canonical-tag=2,"
        "www.Baeckerhandwerk.example|lebensmittel-institut.example,Agentur Nord,logo.png,#0a6e4f,Vertraulich",
        "Northside Bikes,https://www.northside-bikes.example/,en,150,0.5,,,1,northside,,,,"
        "Agentur Nord,logo.png,#0a6e4f,Prepared for Northside Bikes",
        "",
    ]
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return tmp_path


def test_toml_and_csv_describe_the_same_clients(folder):
    (folder / "clients.toml").write_text(TOML, encoding="utf-8")
    (folder / "clients.csv").write_text(CSV, encoding="utf-8")
    toml = load_batch(folder / "clients.toml")
    table = load_batch(folder / "clients.csv")
    assert (toml.name, toml.jobs, toml.out) == ("agentur-nord-2026-11", 3, str(folder / "berichte"))
    assert (table.name, table.jobs, table.out) == ("clients", None, str(folder / "clients-reports"))
    korn, bikes = toml.clients
    assert korn.name == "Bäckerei Korn" and korn.lang == "de" and korn.max_pages == 300 and korn.delay == 0.5
    assert (korn.time_limit, korn.memory_mb) == (600, 1500)
    assert korn.disabled == ("meta-description",) and korn.weights == {"canonical-tag": 2.0}
    assert korn.source_domains == ("baeckerhandwerk.example", "lebensmittel-institut.example")
    assert korn.branding == {
        "agency": "Agentur Nord",
        "logo": str(folder / "logo.png"),
        "colour": "#0a6e4f",
        "footer": "Vertraulich",
    }
    assert korn.out == str(folder / "berichte" / "baeckerei-korn")
    assert bikes.lang == "en" and bikes.concurrency == 1 and bikes.max_pages == 150
    assert bikes.out == str(folder / "berichte" / "northside")
    assert bikes.branding["footer"] == "Prepared for Northside Bikes" and bikes.branding["agency"] == "Agentur Nord"
    # the CSV gives the same clients (its folder root differs: no [batch] section)
    for a, b in zip(toml.clients, table.clients, strict=True):
        assert a.__dict__ | {"out": ""} == b.__dict__ | {"out": ""}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[clients]]\nname = "A"\n', "url is missing"),
        ('[[clients]]\nname = "A"\nurl = "https://a.example/"\nmax_pagez = 3\n', "unknown key(s) max_pagez"),
        (
            '[[clients]]\nname = "A"\nurl = "https://a.example/"\n[[clients]]\nname = "A"\nurl = "https://b.example/"\n',
            "client names must be unique: A",
        ),
        ('[[clients]]\nname = "A"\nurl = "https://a.example/"\nlang = "fr"\n', "lang must be de or en"),
        ('[[clients]]\nname = "A"\nurl = "https://a.example/"\nmax_pages = "viele"\n', "max_pages must be a number"),
        (
            '[[clients]]\nname = "A"\nurl = "https://a.example/"\n[clients.scoring]\ndisabled = ["no-such-check"]\n',
            "unknown check(s) in scoring: no-such-check",
        ),
        (
            '[[clients]]\nname = "A"\nurl = "https://a.example/"\n[clients.branding]\nlogo = "missing.png"\n',
            "logo file not found",
        ),
        (
            '[[clients]]\nname = "A"\nurl = "https://a.example/"\n[clients.branding]\nlogo = "clients.toml"\n',
            "logo must be a PNG, JPEG, GIF, WebP or SVG file",
        ),
        (
            '[[clients]]\nname = "A"\nurl = "https://a.example/"\n[clients.scoring]\nsource_domains = ["not a host"]\n',
            "source domain 'not a host' is no host name",
        ),
        ("[batch]\nname = 'x'\n", "no clients"),
        ("[[clients]\n", "is not valid TOML"),
        ('[klienten]\nname = "x"\n', "unknown section(s) klienten"),
    ],
)
def test_bad_toml_is_one_line_error(folder, text, message):
    path = folder / "clients.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BatchError, match=None) as info:
        load_batch(path)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_bad_csv_and_extension(folder):
    path = folder / "clients.csv"
    path.write_text("name,url,colour_scheme\nA,https://a.example/,x\n", encoding="utf-8")
    with pytest.raises(BatchError, match="unknown column"):
        load_batch(path)
    other = folder / "clients.json"
    other.write_text("{}")
    with pytest.raises(BatchError, match=r"must end in \.toml or \.csv"):
        load_batch(other)
    with pytest.raises(BatchError, match="batch file not found"):
        load_batch(folder / "none.toml")


def test_cli_rejects_a_bad_batch_file_in_one_line(folder):
    path = folder / "clients.toml"
    path.write_text('[[clients]]\nname = "A"\n', encoding="utf-8")
    run = run_cli("batch", str(path), "--db", str(folder / "a.db"))
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "url is missing" in run.stderr
    assert "Traceback" not in run.stderr

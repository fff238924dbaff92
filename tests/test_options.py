"""Options under extra.kit: checked like content, with a clear message for a wrong value."""

import os

import pytest

from involvement_kit.content.options import OPTIONS, Option, Options, contrast_with_white, read_options
from involvement_kit.errors import KitError


@pytest.fixture
def project(tmp_path):
    """A project folder with docs/images/logo.svg, a kit folder and a folder of one's own records."""
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "kit").mkdir()
    (tmp_path / "our-kit").mkdir()
    return tmp_path


def read(raw, project):
    return read_options(raw, project_dir=project, docs_dir=project / "docs")


def problem_for(raw, project) -> str:
    with pytest.raises(KitError) as caught:
        read(raw, project)
    return str(caught.value)


def test_defaults(project):
    options = read(None, project)
    assert options == Options()
    assert options.paper == "a4" and options.papers == ("a4", "letter")
    assert options.roles[0] == "Trustee" and "Carer" in options.roles
    assert options.page_url("enablers/resources.md") == ""


def test_values_are_read(project):
    options = read({"public_url": "https://kit.example.org/", "paper": "Letter", "colour": "#1F4E79",
                    "roles": ["Board member", "Worker"], "feedback": "easyread@example.org",
                    "logo": "images/logo.svg", "kit_dir": "kit", "own_records": "our-kit"}, project)
    assert options.papers == ("letter", "a4")
    assert options.colour == "#1f4e79" and options.roles == ("Board member", "Worker")
    assert options.feedback_link == "mailto:easyread@example.org"
    assert (options.page_url("leadership/index.md#took-risks")
            == "https://kit.example.org/leadership/index.html#took-risks")
    assert (options.logo, options.kit_dir, options.own_records) == ("images/logo.svg", "kit", "our-kit")


def test_every_option_has_a_typed_checker_and_a_default():
    """The table is strict: every field of Options is an option with its own kind of check, and nothing else."""
    assert set(OPTIONS) == set(Options.__dataclass_fields__)
    assert all(isinstance(option, Option) and type(option) is not Option and option.expected
               for option in OPTIONS.values())


@pytest.mark.parametrize("raw, field", [
    ({"public_url": "kit.example.org"}, "extra.kit.public_url"),
    ({"paper": "A5"}, "extra.kit.paper"),
    ({"colour": "#ffff00"}, "extra.kit.colour"),      # white text on yellow is unreadable
    ({"colour": "navy"}, "extra.kit.colour"),
    ({"roles": []}, "extra.kit.roles"),
    ({"roles": ["Staff", "staff"]}, "extra.kit.roles"),
    ({"outputs": ["cards", "posters"]}, "extra.kit.outputs"),
    ({"feedback": "not an address"}, "extra.kit.feedback"),
    ({"organisaton": "Typo Trust"}, "extra.kit.organisaton"),
    ({"organisation": 42}, "extra.kit.organisation"),
    ({"threshold": 1}, "extra.kit.threshold"),
    ({"threshold": "3"}, "extra.kit.threshold"),
    ({"logo": 3}, "extra.kit.logo"),
    ({"kit_dir": ["kit"]}, "extra.kit.kit_dir"),
])
def test_wrong_values_name_the_option(raw, field, project):
    message = problem_for(raw, project)
    assert f"field '{field}'" in message and "mkdocs.yml" in message


@pytest.mark.parametrize("raw, field, words", [
    ({"logo": "images/missing.svg"}, "logo", "'images/missing.svg' was not found in docs/"),
    ({"logo": "../secret.svg"}, "logo", "'../secret.svg' is outside docs/"),
    ({"logo": "images/../../secret.svg"}, "logo", "'images/../../secret.svg' is outside docs/"),
    ({"logo": "/etc/logo.svg"}, "logo", "'/etc/logo.svg' is an absolute path"),
    ({"logo": "index.md"}, "logo", "'index.md' is not an image file"),
    ({"kit_dir": "../x"}, "kit_dir", "'../x' is outside the project"),
    ({"own_records": "/srv/records"}, "own_records", "'/srv/records' is an absolute path"),
    ({"own_records": "docs/images/logo.svg"}, "own_records", "'docs/images/logo.svg' is a file, not a folder"),
])
def test_files_and_folders_must_stay_inside_the_project(raw, field, words, project):
    message = problem_for(raw, project)
    assert f"mkdocs.yml: field 'extra.kit.{field}': {words}" in message, message
    assert "; expected " in message  # and says what would be right


def test_a_symbolic_link_out_of_the_project_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "logo.svg").write_text("<svg/>")
    os.symlink(outside, project / "elsewhere")
    os.symlink(outside / "logo.svg", project / "docs" / "images" / "linked.svg")
    assert "'elsewhere' is outside the project" in problem_for({"own_records": "elsewhere"}, project)
    assert "'images/linked.svg' is outside docs/" in problem_for({"logo": "images/linked.svg"}, project)


def test_every_wrong_option_is_named_at_once(project):
    message = problem_for({"logo": "../secret.svg", "kit_dir": "../x", "paper": "A5"}, project)
    assert "3 mistakes" in message and all(f"extra.kit.{k}" in message for k in ("logo", "kit_dir", "paper"))


def test_contrast():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert contrast_with_white("#767676") >= 4.5 > contrast_with_white("#777777")


def test_a_logo_outside_docs_stops_the_real_build_naming_the_option(tmp_path):
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path / "project")
    (project / "secret.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    kit_dir: kit\n" in text
    config.write_text(text.replace("    kit_dir: kit\n", "    kit_dir: kit\n    logo: ../secret.svg\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output[-3000:]
    assert "mkdocs.yml: field 'extra.kit.logo': '../secret.svg' is outside docs/" in output, output[-3000:]
    assert not (tmp_path / "site" / "index.html").exists()

"""Options under extra.kit: checked like content, with a clear message for a wrong value."""

import pytest

from involvement_kit.errors import KitError
from involvement_kit.content.options import contrast_with_white, read_options


def test_defaults():
    options = read_options(None)
    assert options.paper == "a4" and options.papers == ("a4", "letter")
    assert options.roles[0] == "Trustee" and "Carer" in options.roles
    assert options.page_url("enablers/resources.md") == ""


def test_values_are_read():
    options = read_options({"public_url": "https://kit.example.org/", "paper": "Letter", "colour": "#1F4E79",
                            "roles": ["Board member", "Worker"], "feedback": "easyread@example.org"})
    assert options.papers == ("letter", "a4")
    assert options.colour == "#1f4e79" and options.roles == ("Board member", "Worker")
    assert options.feedback_link == "mailto:easyread@example.org"
    assert options.page_url("leadership/index.md#took-risks") == "https://kit.example.org/leadership/index.html#took-risks"


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
])
def test_wrong_values_name_the_option(raw, field):
    with pytest.raises(KitError) as caught:
        read_options(raw)
    assert f"field '{field}'" in str(caught.value) and "mkdocs.yml" in str(caught.value)


def test_contrast():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert contrast_with_white("#767676") >= 4.5 > contrast_with_white("#777777")

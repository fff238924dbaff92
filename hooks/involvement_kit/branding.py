"""An organisation's name, logo and colour, applied to the site."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader

from .options import Options
from .prepared import Branding

BRAND_CSS = "assets/kit/brand.css"
_env = Environment(loader=PackageLoader("involvement_kit", "templates"), autoescape=False)


def branding(options: Options, site_name: str) -> Branding:
    name = f"{site_name}: {options.organisation}" if options.organisation else None
    css = ()
    if options.colour:
        css = ((BRAND_CSS, _env.get_template("assets/brand.css.j2").render(colour=options.colour)),)
    return Branding(name, options.logo or None, css)

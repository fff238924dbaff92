"""The build: content in, every output prepared; the only layer that knows all the others.

An engine adapter (the MkDocs hooks) needs only what this package exports.
"""

from ..content.options import NO_PUBLIC_URL
from ..errors import KitError
from ..vocabulary import OFFLINE_ZIP as _OFFLINE_ZIP_NAME
from ..vocabulary import OFFLINE_ZIP_VARIABLE, download
from ..web.downloads import drop_missing_downloads, letter_first
from ..web.glossary_terms import explain_terms_once
from ..web.html_fixes import fix_page
from ..web.nav import expand_nav
from ..web.preview import mistake_page
from ..web.print_links import add_print_addresses
from .reuse import prepare_reusing
from .vendor import vendor_assets

# Where the offline copy is published on the site, when a build is given it.
OFFLINE_ZIP = download(_OFFLINE_ZIP_NAME)

__all__ = ["NO_PUBLIC_URL", "OFFLINE_ZIP", "OFFLINE_ZIP_VARIABLE",
           "KitError", "add_print_addresses", "drop_missing_downloads", "expand_nav", "explain_terms_once",
           "fix_page", "letter_first", "mistake_page", "prepare_reusing", "vendor_assets"]

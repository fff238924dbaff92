"""The user involvement kit's core: content model, validation and renderers, free of MkDocs."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("user-involvement-kit")
except PackageNotFoundError:  # running from a checkout that was not installed
    __version__ = "0.0.0"

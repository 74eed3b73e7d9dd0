"""The live preview: `serve` runs MkDocs in this process (preview.py) and, after each save,
regenerates only the pages whose inputs changed (incremental.py's `Session`).
"""

from generator.live.incremental import Session
from generator.live.server import serve

__all__ = ["Session", "serve"]

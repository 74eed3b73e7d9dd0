"""Live preview: `mkdocs serve` on the generated pages, regenerated whenever content changes.

The generator watches content/, seeds/ and mkdocs.yml and writes only pages whose bytes change
into build/docs/ (and build/mkdocs.yml, when the site's settings or name change); MkDocs watches
those two and reloads the browser. MkDocs never writes where the generator reads, so there is no
rebuild loop. Bad content is reported here and the last good
pages keep being served.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.build import Project, RunFailed, exclusive, generate
from generator.files import regular_files
from generator.load import content_folder, seeds_folder
from generator.problems import format_problems

POLL_SECONDS = 0.2


def serve(project: Project, address: str) -> int:
    if not _regenerate(project) and not project.docs.is_dir():
        print("Fix the problems above, then run serve again.", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--watch-theme"]
    command += ["--config-file", str(project.generated_config), "--dev-addr", address]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(command, cwd=project.root, env=env)
    signal.signal(signal.SIGTERM, _interrupt)  # stop MkDocs too when we are stopped
    print(f"Serving on http://{address}/ — edit content/ or seeds/ and the page reloads.")
    seen = _snapshot(project)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(project)
            if now != seen:
                seen = now
                _regenerate(project)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _regenerate(project: Project) -> bool:
    try:
        with exclusive(project):
            written, problems = generate(project)
    except (OSError, RunFailed) as failure:  # a full disk or a read-only build/ must not stop us
        if isinstance(failure, OSError):
            failure = RunFailed.of(failure, project.root)
        print(f"{failure}\nStill serving the last good pages.", file=sys.stderr)
        return False
    if problems:
        sys.stderr.write(format_problems(problems, project.root))
        sys.stderr.write("Still serving the last good pages.\n")
        return False
    print(f"Regenerated {len(written)} page(s).", flush=True)
    return True


def _snapshot(project: Project) -> dict[Path, tuple[int, int]]:
    """What the inputs look like now; files that vanish or cannot be read while we look are
    left to generate to report."""
    state: dict[Path, tuple[int, int]] = {}
    try:  # the site settings, too: generate writes them into build/mkdocs.yml, which MkDocs reloads
        info = project.config.lstat()
        state[project.config] = (info.st_mtime_ns, info.st_size)
    except OSError:
        pass
    for folder, rule in ((project.content, content_folder), (project.seeds, seeds_folder)):
        files, refused = regular_files(folder, project.root, rule)
        state.update({project.root / problem.path: (0, 0) for problem in refused})
        for path in files:
            try:
                info = path.lstat()
            except OSError:
                continue
            state[path] = (info.st_mtime_ns, info.st_size)
    return state

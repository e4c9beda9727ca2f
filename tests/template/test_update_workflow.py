"""The template-update workflow's shell steps, run for real against stand-ins for the network.

`uvx --from 'setsquare[cli]' setsquare ...`, `uv lock`, `gh` and `git push` are replaced by
small scripts on PATH that play one scenario each and record what they were asked; everything
else (git, bash with GitHub's `-eo pipefail`) is real. The workflow must open a pull request
only when a newer release exists, put a conflict in the pull request's body, and fail on an
error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
import yaml

from tests.helpers import REPO_ROOT, run

if TYPE_CHECKING:
    from pathlib import Path

WORKFLOW = REPO_ROOT / "template" / ".github" / "workflows" / "template-update.yml"

#: What the stand-in `uvx ... setsquare update` does in each scenario: exit code and output.
SCENARIOS = {
    "current": (0, None),
    "clean": (1, (0, "Updated demo from template v0.1.0 to v0.2.0")),
    "conflict": (1, (1, "1 file(s) need a manual merge:\n  pyproject.toml")),
    "error": (1, (2, "error: could not update from the template")),
}


def _stand_ins(bin_dir: Path, log: Path, scenario: str) -> None:
    check, update = SCENARIOS[scenario]
    real_git = shutil.which("git")
    scripts = {
        "uvx": f"""
echo "uvx $*" >> {log}
if [ "$5" = "--check" ]; then exit {check}; fi
echo changed >> pyproject.toml
echo "{update[1] if update else ""}"
exit {update[0] if update else 0}
""",
        "uv": f'echo "uv $*" >> {log}\n',
        "gh": f'echo "gh $*" >> {log}\nif [ "$2" = view ]; then exit 1; fi\n',
        "git": f"""
if [ "$1" = push ]; then echo "git push $3" >> {log}; exit 0; fi
exec {real_git} "$@"
""",
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/bash\n{body}", encoding="utf-8")
        path.chmod(0o755)


def _run_steps(project: Path, bin_dir: Path, tmp: Path) -> tuple[int, dict[str, str]]:
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["update"]
    output = tmp / "output"
    output.touch()
    env = {
        **os.environ,
        **job["env"],
        "GH_TOKEN": "token",
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_REPOSITORY": "acme/demo",
        "RUNNER_TEMP": str(tmp),
    }
    outputs: dict[str, str] = {}
    for step in job["steps"]:
        if "run" not in step:
            continue
        if step.get("if") == "steps.check.outputs.behind == 'true'" and outputs["behind"] != "true":
            continue
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=project,
            env=env,
            check=False,
        )
        for line in output.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            outputs[key] = value
        if result.returncode != 0:
            return result.returncode, outputs
    return 0, outputs


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], root)
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", "Start"], root)
    return root


@pytest.mark.parametrize(
    ("scenario", "code", "pull_request", "body_has"),
    [
        ("current", 0, False, None),
        ("clean", 0, True, "Updated demo from template v0.1.0 to v0.2.0"),
        ("conflict", 0, True, "**Conflicts:** resolve the files below"),
        ("error", 2, False, None),
    ],
)
def test_the_update_workflow(
    scenario: str,
    code: int,
    pull_request: bool,
    body_has: str | None,
    project: Path,
    tmp_path: Path,
) -> None:
    bin_dir, log = tmp_path / "bin", tmp_path / "calls.log"
    bin_dir.mkdir()
    log.touch()
    _stand_ins(bin_dir, log, scenario)

    returncode, outputs = _run_steps(project, bin_dir, tmp_path)

    assert returncode == code
    calls = log.read_text(encoding="utf-8")
    # The command line is the `cli` extra: plain `setsquare` has no copier.
    assert calls.startswith("uvx --from setsquare[cli] setsquare update --check\n")
    assert outputs["behind"] == ("false" if scenario == "current" else "true")
    assert ("gh pr create" in calls) is pull_request
    assert ("git push https://x-access-token:token@github.com/acme/demo.git" in calls) is (
        pull_request
    )
    if pull_request:
        assert "uv lock" in calls
        branch = run(["git", "branch", "--show-current"], project).stdout.strip()
        assert branch == "setsquare/template-update"
        assert run(["git", "status", "--porcelain"], project).stdout == ""
        committed = run(["git", "show", "--stat", "HEAD"], project).stdout
        assert "pyproject.toml" in committed
        assert "update.log" not in committed
        assert body_has is not None
        assert body_has in (tmp_path / "body.md").read_text(encoding="utf-8")
    if scenario == "clean":
        assert "Conflicts" not in (tmp_path / "body.md").read_text(encoding="utf-8")

"""The change-set layer on its own: every guarantee the commands rely on, case by case."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from setsquare import changes
from setsquare.changes import ChangeSet, Style, confine, project_lock
from setsquare.errors import InputError, OutputError
from tests.safety.harness import snapshot

if TYPE_CHECKING:
    from pathlib import Path


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "setup.cfg").write_bytes(b"[metadata]\nname = demo\n")
    (root / "tox.ini").write_bytes(b"[tox]\nenvlist = py311\n")
    (root / "requirements.txt").write_bytes(b"six\n")
    return root


def _migration(root: Path) -> ChangeSet:
    change_set = ChangeSet(root)
    change_set.write("pyproject.toml", '[project]\nname = "demo"\nversion = "1.0"\n')
    change_set.write("setup.cfg", "[bdist_wheel]\nuniversal = 0\n")
    change_set.write("tox.ini", "[tox]\n")
    change_set.remove("requirements.txt")
    return change_set


def test_every_step_of_the_commit_is_a_fault_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(changes, "_fault", seen.append)
    _migration(_project(tmp_path)).commit()
    assert seen == [
        "stage pyproject.toml",
        "stage setup.cfg",
        "stage tox.ini",
        "write pyproject.toml",
        "write setup.cfg",
        "write tox.ini",
        "remove requirements.txt",
    ]


@pytest.mark.parametrize("step", range(7))
@pytest.mark.parametrize("fault", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_at_any_step_leaves_the_tree_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int, fault: BaseException
) -> None:
    root = _project(tmp_path)
    before = snapshot(root)
    calls: list[str] = []

    def fail(name: str) -> None:
        calls.append(name)
        if len(calls) == step + 1:
            raise fault

    monkeypatch.setattr(changes, "_fault", fail)
    expected = InputError if isinstance(fault, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        _migration(root).commit()
    assert snapshot(root) == before  # no temp file, no backup, every byte and mode back


def test_without_a_fault_the_tree_is_fully_migrated_and_clean(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _migration(root).commit()
    assert sorted(snapshot(root)) == ["pyproject.toml", "setup.cfg", "tox.ini"]
    assert (root / "tox.ini").read_bytes() == b"[tox]\n"


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_umask_mode_and_a_rewritten_one_keeps_its_own(
    tmp_path: Path, umask: int
) -> None:
    root = _project(tmp_path)
    (root / "setup.cfg").chmod(0o640)
    (root / "tox.ini").chmod(0o755)
    old = os.umask(umask)
    try:
        _migration(root).commit()
    finally:
        os.umask(old)
    assert (root / "pyproject.toml").stat().st_mode & 0o777 == 0o666 & ~umask
    assert (root / "setup.cfg").stat().st_mode & 0o777 == 0o640
    assert (root / "tox.ini").stat().st_mode & 0o777 == 0o755


STYLES = [
    # original bytes, new text, bytes written
    (b"a = 1\r\nb = 2\r\n", "a = 1\nc = 3\n", b"a = 1\r\nc = 3\r\n"),
    (b"a = 1\r\nb = 2\r\n", "a = 1\r\nc = 3\n", b"a = 1\r\nc = 3\r\n"),
    (b"\xef\xbb\xbfa = 1\n", "a = 2\n", b"\xef\xbb\xbfa = 2\n"),
    (b"\xef\xbb\xbfa = 1\r\n", "a = 2\n", b"\xef\xbb\xbfa = 2\r\n"),
    (b"a = 1", "a = 2\n", b"a = 2"),
    (b"a = 1\r\nb = 2", "a = 1\nb = 3\n", b"a = 1\r\nb = 3"),
    (b"a = 1\n", "a = 2\n", b"a = 2\n"),
    (b"", "a = 2\n", b"a = 2\n"),
    # mixed endings: the lines the command kept keep theirs; nothing is normalised
    (b"a = 1\r\nb = 2\nc = 3\n", "a = 1\r\nb = 2\nc = 4\n", b"a = 1\r\nb = 2\nc = 4\n"),
]


@pytest.mark.parametrize(("original", "text", "written"), STYLES)
def test_line_endings_bom_and_final_newline_are_kept(
    tmp_path: Path, original: bytes, text: str, written: bytes
) -> None:
    (tmp_path / "x.toml").write_bytes(original)
    change_set = ChangeSet(tmp_path)
    change_set.write("x.toml", text)
    change_set.commit()
    assert (tmp_path / "x.toml").read_bytes() == written


@pytest.mark.parametrize(
    ("original", "text"),
    [
        # what a fixer changed on purpose: the ending, the final newline, mixed endings
        (b"a = 1\r\nb = 2\r\n", "a = 1\nb = 2\n"),
        (b"a = 1", "a = 1\n"),
        (b"\xef\xbb\xbfa = 1\r\n", "\ufeffa = 1\n"),
    ],
)
def test_an_exact_write_is_the_text_as_given(tmp_path: Path, original: bytes, text: str) -> None:
    (tmp_path / "notes.txt").write_bytes(original)
    change_set = ChangeSet(tmp_path)
    change_set.write("notes.txt", text, exact=True)
    change_set.commit()
    assert (tmp_path / "notes.txt").read_bytes() == text.encode("utf-8")


def test_style_of_a_new_file_is_plain() -> None:
    assert Style().apply("a\n") == b"a\n"


def test_a_linked_file_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "real.toml").write_text("a = 1\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").symlink_to("config/real.toml")
    change_set = ChangeSet(tmp_path)
    change_set.write("pyproject.toml", "a = 2\n")
    change_set.commit()
    assert (tmp_path / "pyproject.toml").is_symlink()
    assert (tmp_path / "config" / "real.toml").read_text(encoding="utf-8") == "a = 2\n"


def test_removing_a_link_removes_the_link_not_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("six\n", encoding="utf-8")
    (tmp_path / "requirements.txt").symlink_to("real.txt")
    change_set = ChangeSet(tmp_path)
    change_set.remove("requirements.txt")
    change_set.commit()
    assert not (tmp_path / "requirements.txt").exists()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "six\n"


OUTSIDE = [
    "/etc/passwd",
    "../outside/file.txt",
    "a/../../outside/file.txt",
    "link-out/file.txt",
    "file-link",
]


@pytest.mark.parametrize("rel", OUTSIDE)
@pytest.mark.parametrize("operation", ["write", "remove"])
def test_nothing_outside_the_project_is_written_or_removed(
    tmp_path: Path, rel: str, operation: str
) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "file.txt").write_text("theirs\n", encoding="utf-8")
    (root / "link-out").symlink_to(tmp_path / "outside")
    (root / "file-link").symlink_to(tmp_path / "outside" / "file.txt")
    before = snapshot(tmp_path)
    change_set = ChangeSet(root)
    change_set.write("pyproject.toml", "a = 1\n")  # a legitimate change alongside
    if operation == "write":
        change_set.write(rel, "mine\n")
    else:
        change_set.remove(rel)
    with pytest.raises(InputError, match="outside the project"):
        change_set.commit()
    assert snapshot(tmp_path) == before


def test_confine_accepts_paths_inside(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert confine(tmp_path, "sub/../x.txt") == tmp_path / "sub/../x.txt"


INVALID = [
    ("pyproject.toml", "[project\nname = 1\n"),
    ("setup.py", "setup(\n"),
    ("setup.cfg", "no section header\n"),
    ("tox.ini", "[tox\n"),
    (".pre-commit-config.yaml", "repos: [\n"),
    ("lint.yml", "a: b: c\n"),
]


@pytest.mark.parametrize(("rel", "text"), INVALID)
def test_output_that_would_not_parse_is_our_bug_and_nothing_is_written(
    tmp_path: Path, rel: str, text: str
) -> None:
    before = snapshot(tmp_path)
    change_set = ChangeSet(tmp_path)
    change_set.write("good.toml", "a = 1\n")
    change_set.write(rel, text)
    with pytest.raises(OutputError, match=rf"^{rel}: setsquare produced text that does not parse"):
        change_set.commit()
    assert snapshot(tmp_path) == before
    assert OutputError.exit_code == 3


def test_a_folder_where_a_file_is_expected_is_refused_before_any_write(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").mkdir()
    before = snapshot(tmp_path)
    change_set = ChangeSet(tmp_path)
    change_set.write("pyproject.toml", "a = 1\n")
    change_set.write("setup.cfg", "[a]\n")
    with pytest.raises(InputError, match=r"^setup\.cfg: is a folder"):
        change_set.commit()
    assert snapshot(tmp_path) == before


def test_a_second_writer_waits_then_gives_up(tmp_path: Path) -> None:
    # flock is per open file description: a second open in this process contends too.
    with (
        project_lock(tmp_path),
        pytest.raises(changes.BusyError, match="another setsquare"),
        project_lock(tmp_path, wait=0.2),
    ):
        pass  # pragma: no cover - never reached
    with project_lock(tmp_path, wait=0.2):
        pass  # free again once the first is done


def test_a_pyproject_we_would_make_invalid_is_refused(tmp_path: Path) -> None:
    change_set = ChangeSet(tmp_path)
    change_set.write("pyproject.toml", '[project]\nname = "demo"\nversion = 5\n')
    with pytest.raises(OutputError, match="validate-pyproject refuses"):
        change_set.commit()
    assert not (tmp_path / "pyproject.toml").exists()


def test_a_pyproject_that_was_invalid_already_is_not_blocked(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = 5\n')
    change_set = ChangeSet(tmp_path)
    change_set.write("pyproject.toml", '[project]\nname = "demo"\nversion = 5\n\n[tool.x]\n')
    change_set.commit()
    assert (tmp_path / "pyproject.toml").read_text().endswith("[tool.x]\n")

"""Attack: a POST to the tus endpoint whose filename is a relative path creates the folders of
that path before the upload is judged against the free disk space; a refused upload (507) leaves
them in the share, visible to everyone. Reproduction against the real server:
/tmp/pt2/folders_left.py (Upload-Length 10**18, filename "x1/x2/x3/x4/file.bin")."""

from __future__ import annotations

from pathlib import Path

from tests.server.tus_http import create


def test_an_upload_refused_for_space_creates_no_folders(server_factory, share: Path,
                                                        tmp_path: Path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    answer = create(running.port, "x1/x2/file.bin", 2**63 - 1)
    assert answer.status == 507
    assert not (share / "x1").exists()

"""server/multipart.py: header parameters, boundaries, parts and their limits. The stream
itself under hostile input (every split, truncations, bombs, 200 MiB in flat memory) is tested
with the upload writer in test_uploads_unit.py."""

from __future__ import annotations

import pytest

from server.multipart import (
    MAX_PADDING,
    MultipartReader,
    Part,
    boundary_from_content_type,
    parse_header_params,
)
from server.uploads import UploadRefused

BOUNDARY = "b0undary"
CTYPE = f"multipart/form-data; boundary={BOUNDARY}"


def reader_of(body: bytes, **limits: int) -> MultipartReader:
    position = 0

    def read(n: int) -> bytes:
        nonlocal position
        piece = body[position:position + n]
        position += len(piece)
        return piece

    return MultipartReader(CTYPE, read, len(body), **limits)


def one_part(headers: str, data: bytes = b"v", after_boundary: bytes = b"\r\n") -> bytes:
    return (f"--{BOUNDARY}".encode() + after_boundary + headers.encode("utf-8") + b"\r\n\r\n"
            + data + f"\r\n--{BOUNDARY}--".encode())


def first_part(body: bytes) -> Part:
    return next(reader_of(body).parts())


def status_of(body: bytes) -> int:
    with pytest.raises(UploadRefused) as refused:
        for part in reader_of(body).parts():
            b"".join(part.chunks())
    return refused.value.status


def test_header_parameters_are_unquoted_and_named_in_lower_case():
    kind, params = parse_header_params(
        'Form-Data; NAME="a \\"b\\" c"; filename=plain.txt; empty=; x="semi;colon"')
    assert kind == "form-data"
    assert params == {"name": 'a "b" c', "filename": "plain.txt", "empty": "",
                      "x": "semi;colon"}
    assert parse_header_params("text/plain") == ("text/plain", {})


@pytest.mark.parametrize("value", ['form-data; name="open', "form-data; =x", "form-data; a b=c",
                                   "form-data; name=a; NAME=b"])
def test_unreadable_header_parameters_are_400(value):
    with pytest.raises(UploadRefused) as refused:
        parse_header_params(value)
    assert refused.value.status == 400


def test_the_boundary_comes_from_the_content_type():
    assert boundary_from_content_type(CTYPE) == BOUNDARY.encode()
    assert boundary_from_content_type('Multipart/Form-Data; boundary="a b:c"') == b"a b:c"


def test_a_part_gives_its_name_filename_and_type():
    part = first_part(one_part('Content-Disposition: form-data; name="up"; filename="a.txt"\r\n'
                               "Content-Type: image/png"))
    assert (part.name, part.filename, part.content_type) == ("up", "a.txt", "image/png")
    field = first_part(one_part('Content-Disposition: form-data; name="note"'))
    assert (field.filename, field.content_type) == (None, "text/plain")


def test_an_empty_file_input_has_an_empty_filename():
    part = first_part(one_part('Content-Disposition: form-data; name="f"; filename=""', b""))
    assert part.filename == "" and part.read_all() == b""


def test_filename_star_wins_and_may_be_latin_1():
    part = first_part(one_part("Content-Disposition: form-data; name=f; filename=plain.txt; "
                               "filename*=ISO-8859-1'fr'caf%E9.txt"))
    assert part.filename == "café.txt"


def test_part_headers_that_are_not_utf8_are_read_as_latin_1():
    body = (f"--{BOUNDARY}\r\n".encode() + b'Content-Disposition: form-data; name="f"; '
            b'filename="caf\xe9.txt"\r\n\r\nv\r\n' + f"--{BOUNDARY}--".encode())
    assert first_part(body).filename == "café.txt"


def test_transport_padding_after_a_boundary_is_allowed_up_to_a_limit():
    padded = one_part("Content-Disposition: form-data; name=f", after_boundary=b" \t \r\n")
    assert first_part(padded).read_all() == b"v"
    endless = one_part("Content-Disposition: form-data; name=f",
                       after_boundary=b" " * (MAX_PADDING + 1) + b"\r\n")
    assert status_of(endless) == 400


def test_a_part_body_is_read_once_and_parts_are_iterated_once():
    reader = reader_of(one_part("Content-Disposition: form-data; name=f"))
    parts = reader.parts()
    part = next(parts)
    assert part.read_all() == b"v"
    with pytest.raises(RuntimeError):
        list(part.chunks())
    assert list(parts) == [] and reader.finished
    with pytest.raises(RuntimeError):
        next(reader.parts())


def test_text_fields_are_utf8_and_bounded():
    assert first_part(one_part("Content-Disposition: form-data; name=n",
                               "żółw".encode())).text() == "żółw"
    with pytest.raises(UploadRefused) as not_text:
        first_part(one_part("Content-Disposition: form-data; name=n", b"\xff\xfe")).text()
    assert not_text.value.status == 400
    with pytest.raises(UploadRefused) as too_big:
        first_part(one_part("Content-Disposition: form-data; name=n", b"x" * 11)).read_all(10)
    assert too_big.value.status == 413


def test_the_number_of_parts_is_capped():
    part = f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\n\r\nv\r\n"
    body = (part * 3 + f"--{BOUNDARY}--").encode()
    assert len(list(reader_of(body, max_parts=3).parts())) == 3
    with pytest.raises(UploadRefused, match="too many parts"):
        list(reader_of(body, max_parts=2).parts())

"""Checks built wheels and sdists before anyone installs them: file name tags against the WHEEL
file, the native library's architecture and format against the tag, the package's files, the
licence texts and the metadata PyPI renders (classifiers, URLs, a README with no relative links).

    python py/tools/check_wheels.py DIR [--expect PLATFORM ...]

PLATFORM is a wheel platform tag prefix (``manylinux2014_x86_64``, ``win_amd64``, ``macosx``…); each
must match at least one wheel. Exits non-zero listing every problem found, not only the first.
manylinux wheels are also given to ``auditwheel show`` when it is installed, which reads the
symbols the library needs and says which policy it meets; for musllinux wheels (which auditwheel
cannot follow on a glibc machine) the library's ``DT_NEEDED`` entries must be musl's ``libc.so`` only.
"""

from __future__ import annotations

import argparse
import email.parser
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

PACKAGE_FILES = ["xianjie/__init__.py", "xianjie/_native.pyi", "xianjie/py.typed", "xianjie/_types.py"]
LICENCES = ["LICENSE-MIT", "LICENSE-APACHE"]
URLS = ["Homepage", "Repository", "Documentation", "Issues"]

# Machine a platform tag's architecture needs, per executable format.
ELF_MACHINES = {"x86_64": 62, "aarch64": 183}
PE_MACHINES = {"amd64": 0x8664, "arm64": 0xAA64}
MACHO_CPUS = {"x86_64": 0x01000007, "arm64": 0x0100000C}


def native_kind(data: bytes) -> tuple[str, int | None]:
    """The executable format of a native library and its machine number."""
    if data[:4] == b"\x7fELF":
        little = data[5] == 1
        (machine,) = struct.unpack("<H" if little else ">H", data[18:20])
        return "elf", machine
    if data[:2] == b"MZ":
        (pe_offset,) = struct.unpack("<I", data[0x3C:0x40])
        if data[pe_offset : pe_offset + 4] == b"PE\0\0":
            (machine,) = struct.unpack("<H", data[pe_offset + 4 : pe_offset + 6])
            return "pe", machine
    if data[:4] in (b"\xcf\xfa\xed\xfe",):
        (cpu,) = struct.unpack("<I", data[4:8])
        return "macho", cpu
    if data[:4] == b"\xca\xfe\xba\xbe":
        return "macho-universal", None
    return "unknown", None


def expected_native(platform: str) -> tuple[str, int | None]:
    """What the native library of a wheel tagged `platform` must be."""
    if platform.startswith(("manylinux", "musllinux", "linux")):
        arch = "aarch64" if platform.endswith("aarch64") else "x86_64"
        return "elf", ELF_MACHINES[arch]
    if platform.startswith("win"):
        return "pe", PE_MACHINES["arm64" if platform.endswith("arm64") else "amd64"]
    if platform.startswith("macosx"):
        if platform.endswith("universal2"):
            return "macho-universal", None
        return "macho", MACHO_CPUS["arm64" if platform.endswith("arm64") else "x86_64"]
    return "unknown", None


def check_metadata(where: str, text: str, problems: list[str]) -> None:
    meta = email.parser.Parser().parsestr(text)
    if meta["Name"] != "xianjie":
        problems.append(f"{where}: Name is {meta['Name']!r}, expected 'xianjie'")
    if meta["Requires-Python"] != ">=3.9":
        problems.append(f"{where}: Requires-Python is {meta['Requires-Python']!r}, expected '>=3.9'")
    if meta["License-Expression"] != "MIT OR Apache-2.0":
        problems.append(f"{where}: License-Expression is {meta['License-Expression']!r}")
    classifiers = meta.get_all("Classifier") or []
    for version in ("3.9", "3.13"):
        if f"Programming Language :: Python :: {version}" not in classifiers:
            problems.append(f"{where}: no classifier for Python {version}")
    urls = {u.split(",", 1)[0].strip() for u in meta.get_all("Project-URL") or []}
    for name in URLS:
        if name not in urls:
            problems.append(f"{where}: no Project-URL {name!r} (has {sorted(urls)})")
    if not (meta["Description-Content-Type"] or "").startswith("text/markdown"):
        problems.append(f"{where}: README is not declared as Markdown")
    body = meta.get_payload() or ""
    if len(body) < 500:
        problems.append(f"{where}: README missing or short ({len(body)} characters)")
    # A link PyPI cannot follow: relative to the repository, not to the page.
    for link in re.findall(r"\]\((?!https?://|#)([^)]+)\)", body):
        problems.append(f"{where}: README links to {link!r}, which does not resolve on PyPI")


def check_wheel(path: Path, problems: list[str]) -> str:
    """Checks one wheel; returns its platform tag."""
    m = re.fullmatch(r"xianjie-([^-]+)-(cp39)-(abi3)-(.+)\.whl", path.name)
    if not m:
        problems.append(f"{path.name}: name is not xianjie-VERSION-cp39-abi3-PLATFORM.whl")
        return ""
    version, python, abi, platform = m.groups()
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        dist_info = f"xianjie-{version}.dist-info"
        wheel = z.read(f"{dist_info}/WHEEL").decode()
        tags = re.findall(r"^Tag: (.+)$", wheel, re.M)
        want = {f"{python}-{abi}-{p}" for p in platform.split(".")}
        if set(tags) != want:
            problems.append(f"{path.name}: WHEEL tags {tags} do not match the file name ({sorted(want)})")
        if "Root-Is-Purelib: false" not in wheel:
            problems.append(f"{path.name}: WHEEL does not say Root-Is-Purelib: false")
        for name in PACKAGE_FILES:
            if name not in names:
                problems.append(f"{path.name}: {name} missing")
        for name in LICENCES:
            if not any(n.startswith(dist_info) and n.endswith(name) for n in names):
                problems.append(f"{path.name}: licence {name} missing from {dist_info}")
        natives = [n for n in names if re.match(r"xianjie/_native\..*(so|pyd)$", n)]
        if len(natives) != 1:
            problems.append(f"{path.name}: expected one native library, found {natives}")
        else:
            native = natives[0]
            if platform.startswith("win") and not native.endswith(".pyd"):
                problems.append(f"{path.name}: {native} should be a .pyd on Windows")
            if not platform.startswith("win") and not native.endswith(".abi3.so"):
                problems.append(f"{path.name}: {native} should be an .abi3.so")
            got = native_kind(z.read(native)[:4096])
            want_native = expected_native(platform.split(".")[0])
            if got != want_native:
                problems.append(f"{path.name}: {native} is {got}, the tag needs {want_native}")
        check_metadata(path.name, z.read(f"{dist_info}/METADATA").decode(), problems)
    if platform.startswith("musllinux"):
        # auditwheel cannot follow a musl library's links on a glibc machine (it reads the host's
        # loader); what it would check is that the library needs musl's libc and nothing of glibc.
        needed = musl_needed(path)
        if needed is not None and needed != ["libc.so"]:
            problems.append(f"{path.name}: the native library needs {needed}, not only musl's libc.so")
    elif platform.startswith("manylinux") and shutil.which("auditwheel"):
        show = subprocess.run(["auditwheel", "show", str(path)], capture_output=True, text=True)
        policy = platform.split(".")[0].replace("manylinux2014", "manylinux_2_17")
        flat = " ".join(show.stdout.split())
        if show.returncode != 0 or policy.rsplit("_", 1)[0] not in flat:
            problems.append(f"{path.name}: auditwheel show does not confirm {policy}: {flat or show.stderr}")
    return platform


def musl_needed(path: Path) -> list[str] | None:
    """The shared libraries a musllinux wheel's native library needs (ELF `DT_NEEDED`), read with
    pyelftools (installed with auditwheel); `None` when pyelftools is not installed."""
    try:
        from elftools.elf.dynamic import DynamicSection
        from elftools.elf.elffile import ELFFile
    except ImportError:
        return None
    import io

    with zipfile.ZipFile(path) as z:
        native = next(n for n in z.namelist() if n.endswith(".abi3.so"))
        elf = ELFFile(io.BytesIO(z.read(native)))
        return sorted(
            tag.needed
            for section in elf.iter_sections()
            if isinstance(section, DynamicSection)
            for tag in section.iter_tags()
            if tag.entry.d_tag == "DT_NEEDED"
        )


def check_sdist(path: Path, problems: list[str]) -> None:
    with tarfile.open(path) as t:
        names = t.getnames()
        root = names[0].split("/")[0]
        for name in ["pyproject.toml", "PKG-INFO", "Cargo.toml", "core/Cargo.toml", "py/Cargo.toml"]:
            if not any(n == f"{root}/{name}" for n in names):
                problems.append(f"{path.name}: {name} missing")
        for name in LICENCES:
            if not any(n.endswith(name) for n in names):
                problems.append(f"{path.name}: licence {name} missing")
        member = t.extractfile(f"{root}/PKG-INFO")
        if member is None:
            problems.append(f"{path.name}: PKG-INFO unreadable")
        else:
            check_metadata(path.name, member.read().decode(), problems)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--expect", nargs="*", default=[], help="platform tag prefixes that must be present")
    ap.add_argument("--sdist", action="store_true", help="an sdist must be present")
    args = ap.parse_args()
    problems: list[str] = []
    platforms = []
    wheels = sorted(args.dir.glob("*.whl"))
    sdists = sorted(args.dir.glob("*.tar.gz"))
    if not wheels and not sdists:
        problems.append(f"{args.dir}: no wheel or sdist")
    for wheel in wheels:
        platform = check_wheel(wheel, problems)
        platforms.append(platform)
        print(f"checked {wheel.name}")
    for sdist in sdists:
        check_sdist(sdist, problems)
        print(f"checked {sdist.name}")
    if args.sdist and not sdists:
        problems.append(f"{args.dir}: no sdist")
    for want in args.expect:
        if not any(p.startswith(want) or f".{want}" in p for p in platforms):
            problems.append(f"no wheel for {want} (have {platforms})")
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""pip install bindings/python: the ipledge package against an installed
libipledge (found with pkg-config, or IPL_INCLUDE_DIRS / IPL_LIBRARY_DIRS).

Needs only what Debian ships (python3-cffi, python3-setuptools,
python3-dev). There is deliberately no pyproject.toml: with one, pip would
build in an isolated environment and download setuptools and cffi; without
it, pip builds with the interpreter's own, so the install works offline.
"""

from setuptools import setup

setup(
    name="ipledge",
    version="0.1.0",
    description="Intellectual-property pledge lending: Python bindings of the ipledge C library",
    license="see COPYING",
    packages=["ipledge"],
    package_data={"ipledge": ["py.typed"]},
    python_requires=">=3.8",
    setup_requires=["cffi>=1.12"],
    install_requires=["cffi>=1.12"],
    extras_require={"frames": ["numpy", "pandas"]},
    cffi_modules=["_ipledge_build.py:ffibuilder"],
    zip_safe=False,
)

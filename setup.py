"""Puts the stylesheets of the top-level `styles/` into the wheel, inside the `tui` package
(`tui/styles/`), where the installed app looks for them; the rest is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithStyles(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "tui" / "styles"
        target.mkdir(parents=True, exist_ok=True)
        for sheet in sorted(Path(__file__).parent.joinpath("styles").glob("*.tcss")):
            shutil.copy2(sheet, target / sheet.name)


setup(cmdclass={"build_py": BuildPyWithStyles})

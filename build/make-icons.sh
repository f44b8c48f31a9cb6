#!/bin/sh
# Regenerates the PNG icons in resources/ from their SVG sources. Needs rsvg-convert
# (Debian: apt-get install librsvg2-bin). Downloads nothing.
set -eu
cd "$(dirname "$0")/../resources"
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
rsvg-convert -w 16 -h 16 trayTemplate.svg -o trayTemplate.png
rsvg-convert -w 32 -h 32 trayTemplate.svg -o trayTemplate@2x.png
rsvg-convert -w 32 -h 32 tray.svg -o tray.png
